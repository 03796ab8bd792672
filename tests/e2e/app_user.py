"""One person at the app: the WebDriver session on its window, the folders it writes to, and the moves every
test module repeats (a screenshot, a press, typing into a field, going to a wizard step)."""

from __future__ import annotations

import time
from pathlib import Path

from webdriver import wait_until


class AppUser:
    def __init__(self, driver, binary: Path, dirs: dict[str, Path], photos: Path, artifacts: Path):
        self.dirs, self.photos, self.artifacts = dirs, photos, artifacts
        self.s = driver.session(binary)

    def shot(self, name: str) -> None:
        self.s.screenshot(self.artifacts / f"{name}.png")

    def wait_step(self, step: str, timeout: float = 30) -> None:
        wait_until(lambda: self.s.step() == step, timeout, what=f"wizard step '{step}'")

    def press(self, testid: str) -> None:
        """Clicks the element, brought to the middle of its scrolling area first. WebKit's WebDriver scrolls only
        the page: a button half under the footer of the step's scrolling area counts as in view to it, and its
        click fails as "not interactable"."""
        element = self.s.wait_testid(testid)
        element.scroll_into_view()
        # WebDriver clicks where the element was when it asked: under load a late layout shift (a banner, a
        # wrapped line above) moves the button and the click lands on its neighbour. Click once it holds still.
        where = "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height];"
        last = None
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            rect = self.s.execute(where, element)
            if rect == last:
                break
            last = rect
            time.sleep(0.1)
        element.click()

    def type_into(self, testid: str, text: str) -> None:
        field = self.s.wait_testid(testid)
        field.scroll_into_view()
        field.clear()
        field.send_keys(text)

    def go(self, step: str) -> None:
        self.s.testid(f"step-{step}").click()
        self.wait_step(step)

    def import_photos(self, files: list[Path]) -> dict:
        """Imports `files` into the current job (the command the photos step's drop zone calls); every one must
        import. Returns the import's summary."""
        job_id = self.s.invoke("current_session")["job"]["id"]
        summary = self.s.invoke("import_paths", {"jobId": job_id, "paths": [str(f) for f in files]})
        assert [i["outcome"] for i in summary["items"]] == ["imported"] * len(files), summary
        return summary

    def fill_first_job(self, files: list[Path], title: str) -> None:
        """The job the app opens with: `files` imported in the photos step (their cards shown), then `title`
        typed in the job step and saved."""
        wait_until(lambda: self.s.step() == "photos" and self.s.testids("dropzone"), 60, what="the photos step")
        self.import_photos(files)
        wait_until(lambda: len(self.s.testids("photo-card")) == len(files), 20, what=f"{len(files)} photo cards")
        self.go("job")
        field = self.s.testid("job-title")
        field.clear()
        field.send_keys(title)
        wait_until(lambda: self.s.invoke("current_session")["job"]["title"] == title, 10, what="the title saved")
