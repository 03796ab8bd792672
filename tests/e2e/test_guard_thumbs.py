"""Thumbnails show a photo's redaction boxes burned in everywhere but the box editor (issue 10, item 8), in the
real window.

Why this file exists: people take screenshots of the window (the preview step looks like the published post), and
the thumbnails used to be the clean ones everywhere. Here the owner imports one photo, marks the job as the shop's
own, draws a centred box in the safety step, and looks at the photo step, the write step and the preview: each
thumbnail's address names the boxes (gbthumb …/boxes/…) and the pixel at its centre, read from a screenshot of the
window, is black; the box editor alone shows the raw thumbnail (…/raw).

The steps share one app session and build on each other (marked incremental).
"""

from __future__ import annotations

import subprocess

import pytest

from app_user import AppUser
from webdriver import wait_until

pytestmark = pytest.mark.incremental

FILE = "gps/DSCN0010.jpg"


class Owner(AppUser):
    def __init__(self, driver, binary, dirs, photos, artifacts):
        super().__init__(driver, binary, dirs, photos, artifacts)
        self.photo_id = 0

    def photo(self) -> dict:
        return self.s.invoke("current_session")["photos"][0]

    def centre_rgb(self, element, name: str) -> tuple[int, int, int]:
        """The colour at the element's centre as the screen shows it (a screenshot of the window)."""
        element.scroll_into_view()
        shot = self.artifacts / f"{name}.png"
        self.s.screenshot(shot)
        r = element.client_rect()
        x, y = int(r["x"] + r["width"] / 2), int(r["y"] + r["height"] / 2)
        out = subprocess.run(
            [
                "convert",
                str(shot),
                "-crop",
                f"3x3+{x - 1}+{y - 1}",
                "+repage",
                "-scale",
                "1x1!",
                "-format",
                "%[fx:int(255*r)] %[fx:int(255*g)] %[fx:int(255*b)]",
                "info:",
            ],
            capture_output=True,
            check=True,
            text=True,
        ).stdout.split()
        return tuple(int(v) for v in out)


@pytest.fixture(scope="module")
def owner(driver, app_binary, app_dirs, photos, artifacts):
    o = Owner(driver, app_binary, app_dirs, photos, artifacts)
    yield o
    o.s.close()


def test_a_box_drawn_in_the_safety_step_is_burned_into_the_thumbnails_but_not_the_editors(owner):
    owner.wait_step("photos")
    owner.s.wait_testid("dropzone", 30)
    owner.import_photos([owner.photos / FILE])
    owner.photo_id = owner.photo()["id"]
    wait_until(lambda: len(owner.s.testids("photo-card")) == 1, 30, what="the photo card")
    raw = owner.photo()["rawThumbUrl"]
    assert raw.endswith("/raw"), raw
    assert owner.photo()["thumbUrl"] + "/raw" == raw, "no boxes yet: the plain thumbnail"

    owner.go("job")
    owner.press("owner-own")
    wait_until(lambda: owner.s.invoke("current_session")["job"]["ownerKind"] == "own", 15, what="our own product")
    owner.go("safety")
    owner.press("redact-add")
    wait_until(
        lambda: owner.photo()["redactions"] == [{"x": 0.4, "y": 0.4, "w": 0.2, "h": 0.2}],
        15,
        what="the centred box saved",
    )
    burned = owner.photo()["thumbUrl"]
    assert "/boxes/0.4,0.4,0.2,0.2" in burned, burned

    editor = owner.s.find('[data-testid="redact-canvas"] img')
    assert editor.attr("src") == raw, "the box editor shows the raw thumbnail"
    strip = owner.s.find('[data-testid="safety-photo"] img')
    wait_until(lambda: strip.attr("src") == burned, 10, what="the safety strip's thumbnail with the box")
    assert max(owner.centre_rgb(strip, "guard-thumbs-01-safety")) < 30


def test_the_photo_step_the_write_step_and_the_preview_show_the_box_burned_in(owner):
    burned = owner.photo()["thumbUrl"]
    owner.go("photos")
    card = owner.s.find('[data-testid="photo-card"] img')
    assert card.attr("src") == burned
    assert max(owner.centre_rgb(card, "guard-thumbs-02-photos")) < 30

    owner.go("platform")
    owner.press("platform-naver")
    owner.wait_step("write", 60)
    block = wait_until(lambda: owner.s.find_all('[data-testid="block-photo"] img'), 30, what="the photo block")[0]
    assert block.attr("src") == burned
    assert max(owner.centre_rgb(block, "guard-thumbs-03-write")) < 30

    owner.go("preview")
    shown = wait_until(lambda: owner.s.find_all('[data-testid="preview-photo"] img'), 20, what="the preview photo")[0]
    assert shown.attr("src") == burned
    assert max(owner.centre_rgb(shown, "guard-thumbs-04-preview")) < 30
    # Outside the box the picture is there (not a black tile).
    r = shown.client_rect()
    assert r["width"] > 100 and r["height"] > 60, r
