"""The guard scans what is written, not what was typed (issue 10, item 1), in the real window.

Why this file exists: the core's tests prove that one function makes every text of an export and that the guard
scans exactly that; this proves the owner's path through the window: a customer's name typed into the job's title
reaches the YouTube draft, the scan flags it, the one-click replace makes the scan clean, the preview shows the
description, title card and tags the export will write, and the exported files on disk hold no trace of the name
(description.txt's first line, the title card's cue in captions.srt, title.txt, tags.txt). Screenshots of the
flagged and the cleaned preview go to artifacts/e2e/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app_user import AppUser
from webdriver import wait_until

pytestmark = pytest.mark.incremental

NAME = "대한정밀"
JOB_TITLE = f"{NAME} 브래킷 가공"


class Owner(AppUser):
    def __init__(self, driver, binary, dirs, photos, artifacts):
        super().__init__(driver, binary, dirs, photos, artifacts)
        self.post: dict = {}

    def findings(self) -> list[tuple[str, str]]:
        """(text, place kind) of every finding listed above the preview."""
        return self.s.execute(
            "return [...document.querySelectorAll('[data-testid=finding]')].map((f) =>"
            " [f.querySelector('mark').textContent, f.querySelector('.finding-where').dataset.place]);"
        )

    def text(self, testid: str) -> str:
        return (
            self.s.execute(
                "const e = document.querySelector(`[data-testid=${arguments[0]}]`); return e ? e.textContent : null;",
                testid,
            )
            or ""
        )


@pytest.fixture(scope="module")
def owner(driver, app_binary, app_dirs, photos, artifacts):
    o = Owner(driver, app_binary, app_dirs, photos, artifacts)
    yield o
    o.s.close()


def test_a_customer_name_from_the_job_record_is_flagged_where_the_export_writes_it(owner: Owner):
    s = owner.s
    files = [owner.photos / "orientation" / "Landscape_1.jpg", owner.photos / "orientation" / "Landscape_3.jpg"]
    owner.fill_first_job(files, JOB_TITLE)
    # A public customer, through the job step's form.
    owner.press("owner-client")
    if not s.testids("client-form"):
        owner.press("client-add")
        wait_until(
            lambda: s.execute("return document.activeElement?.dataset.testid === 'client-name';"),
            10,
            what="the name field focused",
        )
    s.testid("client-name").send_keys(NAME)
    owner.press("client-policy-public")
    owner.press("client-save")
    wait_until(lambda: s.testid("effective-policy").attr("data-policy") == "public", 10, what="a public customer")

    owner.go("platform")
    owner.press("platform-youtube")
    wait_until(lambda: s.step() == "write", 60, interval=1, what="the write step")
    owner.press("next")
    wait_until(lambda: s.step() == "preview", 60, interval=1, what="the preview step")
    owner.post = s.invoke("current_session")["post"]
    assert owner.post["platform"] == "youtube"

    found = wait_until(lambda: f if (f := owner.findings()) else None, 30, what="the scan's findings")
    assert any(text == NAME for text, _ in found), found
    # The preview shows what the export writes: the description and the title card from export_texts.
    texts = s.invoke("export_texts", {"postId": owner.post["id"]})
    first_line = texts["youtube"]["description"].splitlines()[0]
    wait_until(lambda: first_line in owner.text("yt-description"), 20, what="the real description in the preview")
    assert NAME in texts["drawn"]["titleCard"], texts["drawn"]
    wait_until(lambda: NAME in owner.text("yt-title-card"), 20, what="the title card in the preview")
    s.testid("findings").scroll_into_view("start")
    owner.shot("guard-texts-1-flagged")


def test_one_click_replace_makes_the_scan_and_the_preview_clean(owner: Owner):
    s = owner.s
    finding = next(f for f in s.testids("finding") if f.find_all("mark")[0].prop("textContent") == NAME)
    button = finding.find_all('[data-testid="finding-replace"]')[0]
    button.scroll_into_view()
    button.click()
    wait_until(lambda: not owner.findings() and s.testids("scan-ok"), 30, what="a clean scan")
    texts = s.invoke("export_texts", {"postId": owner.post["id"]})
    assert NAME not in texts["youtube"]["description"], texts["youtube"]["description"]
    assert NAME not in texts["drawn"]["titleCard"], texts["drawn"]
    assert texts["replacements"] == [{"find": NAME, "replacement": "고객사"}], texts["replacements"]
    wait_until(
        lambda: (
            NAME not in owner.text("yt-description")
            and NAME not in owner.text("yt-title-card")
            and "고객사" in owner.text("yt-title-card")
        ),
        20,
        what="the preview without the name",
    )
    # The job record stays as the owner typed it.
    assert s.invoke("current_session")["job"]["title"] == JOB_TITLE
    s.testid("yt-text").scroll_into_view("start")
    owner.shot("guard-texts-2-clean-preview")


def test_the_exported_files_hold_no_trace_of_the_name(owner: Owner):
    s = owner.s
    before = set(owner.dirs["export"].iterdir())
    owner.press("export")

    def done():
        if s.testids("error"):
            pytest.fail(f"export failed: {s.testid('error').text}")
        return bool(s.testids("export-result"))

    wait_until(done, 600, interval=0.5, what="the export result")
    added = [f for f in owner.dirs["export"].iterdir() if f not in before]
    assert len(added) == 1, added
    folder: Path = added[0]
    for name in ("title.txt", "description.txt", "tags.txt", "captions.srt"):
        text = (folder / name).read_text(encoding="utf-8")
        assert NAME not in text and "대한" not in text, f"{name}:\n{text}"
    srt = (folder / "captions.srt").read_text(encoding="utf-8")
    assert "고객사 브래킷 가공" in srt, srt
    assert (folder / "video.mp4").stat().st_size > 0 and (folder / "thumbnail.jpg").stat().st_size > 0
    owner.shot("guard-texts-3-exported")
