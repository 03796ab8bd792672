"""One person at the app: the WebDriver session on its window, the folders it writes to, and the moves every
test module repeats (a screenshot, a press, typing into a field, going to a wizard step)."""

from __future__ import annotations

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
        element.click()

    def type_into(self, testid: str, text: str) -> None:
        field = self.s.wait_testid(testid)
        field.scroll_into_view()
        field.clear()
        field.send_keys(text)

    def go(self, step: str) -> None:
        self.s.testid(f"step-{step}").click()
        self.wait_step(step)
