"""A photo removed from the job after drafting leaves the post (issue 10, item 2), in the real window.

Why this file exists: the post's photo blocks used to keep a photo the owner had taken out of the job; the preview
called it "(빠진 사진)" and the export shipped it anyway. Here the owner imports three photos, marks the job as
the shop's own, drafts a Naver post, goes back to the photos step and removes the middle photo (tries "되돌리기"
once, which brings it back into the job and the post at its place, then removes it again), sees no "(빠진 사진)" in
the write step or the preview, and exports. On disk the package has one photo fewer, and none of the exported
pictures is the removed one (compared by an upright 24x24 fingerprint of the source).

The steps share one app session and build on each other (marked incremental).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app_user import AppUser
from checks import difference, upright_fingerprint
from webdriver import wait_until

pytestmark = pytest.mark.incremental

# Three photos that look nothing alike; the middle one is removed.
FILES = ["gps/DSCN0010.jpg", "orientation/Landscape_1.jpg", "gps/DSCN0021.jpg"]
TITLE = "문래동 CNC 선반 SUS304 플랜지 가공"
MISSING = "빠진 사진"
SAME = 12  # fingerprint difference below which two pictures are the same photo (as in test_wizard.py)


class Owner(AppUser):
    def __init__(self, driver, binary, dirs, photos, artifacts):
        super().__init__(driver, binary, dirs, photos, artifacts)
        self.ids: list[int] = []  # the job's photos in order, as imported
        self.sources: dict[int, Path] = {}
        self.removed = 0
        self.folder: Path | None = None

    def session_state(self) -> dict:
        return self.s.invoke("current_session")

    def post_photo_ids(self) -> list[int]:
        post = self.session_state()["post"]
        return [b["photoId"] for b in post["blocks"] if b["kind"] == "photo"] if post else []

    def card_ids(self) -> list[int]:
        return [int(c.attr("data-photo-id")) for c in self.s.testids("photo-card")]

    def block_photo_ids(self) -> list[int]:
        return [int(b.attr("data-photo-id")) for b in self.s.testids("block-photo")]

    def page_text(self) -> str:
        return self.s.execute("return document.body.textContent;")

    def remove_from_job(self, photo_id: int, left: list[int]) -> None:
        """Presses the card's remove button once the photos step shows its cards, and waits until the job holds
        `left`; on a time-out, a screenshot and whatever error the window shows go with the failure."""
        before = self.card_ids()
        wait_until(lambda: photo_id in self.card_ids(), 20, what="the photo's card")
        button = self.s.find(f'[data-testid="photo-card"][data-photo-id="{photo_id}"] [data-testid="photo-remove"]')
        button.scroll_into_view()
        button.click()
        try:
            wait_until(lambda: self.card_ids() == left, 20, what="the photo gone from the job")
        except TimeoutError:
            self.shot(f"guard-photos-failed-remove-{photo_id}")
            errors = [e.text for e in self.s.testids("error")]
            raise AssertionError(
                f"cards {before} -> {self.card_ids()}, wanted {left}; errors shown: {errors}"
            ) from None


@pytest.fixture(scope="module")
def owner(driver, app_binary, app_dirs, photos, artifacts):
    o = Owner(driver, app_binary, app_dirs, photos, artifacts)
    yield o
    o.s.close()


def test_a_job_with_three_photos_is_drafted_for_naver(owner):
    owner.wait_step("photos")
    owner.s.wait_testid("dropzone", 30)
    paths = [owner.photos / f for f in FILES]
    owner.import_photos(paths)
    # The job's order is the order the files finished importing in (in parallel): read it from the job.
    photos = owner.session_state()["photos"]
    by_name = {p.name: p for p in paths}
    owner.ids = [ph["id"] for ph in photos]
    owner.sources = {ph["id"]: by_name[ph["originalName"]] for ph in photos}
    assert len(owner.ids) == 3
    wait_until(lambda: owner.card_ids() == owner.ids, 30, what="the three photo cards")

    owner.go("job")
    owner.type_into("job-title", TITLE)
    owner.press("owner-own")
    wait_until(
        lambda: owner.session_state()["job"]["ownerKind"] == "own" and owner.session_state()["job"]["title"] == TITLE,
        15,
        what="the job saved as our own product",
    )

    owner.go("platform")
    owner.press("platform-naver")
    owner.wait_step("write", 60)
    wait_until(lambda: owner.block_photo_ids() == owner.ids, 30, what="the draft's three photos")
    assert owner.post_photo_ids() == owner.ids
    owner.shot("guard-photos-01-drafted")


def test_removing_a_photo_from_the_job_takes_it_out_of_the_post_and_undo_brings_it_back(owner):
    owner.go("photos")
    owner.removed = owner.ids[1]
    kept = [owner.ids[0], owner.ids[2]]
    owner.remove_from_job(owner.removed, kept)
    wait_until(lambda: owner.post_photo_ids() == kept, 20, what="the photo gone from the post")
    toast = owner.s.wait_testid("toast")
    assert "글에서" in toast.text, toast.text
    owner.shot("guard-photos-02-removed")

    owner.press("undo")
    wait_until(lambda: owner.card_ids() == owner.ids, 20, what="the photo back in the job at its place")
    wait_until(lambda: owner.post_photo_ids() == owner.ids, 20, what="the photo back in the post at its place")

    owner.remove_from_job(owner.removed, kept)
    wait_until(lambda: owner.post_photo_ids() == kept, 20, what="the post without it again")


def test_the_write_step_and_the_preview_show_no_missing_photo(owner):
    kept = [owner.ids[0], owner.ids[2]]
    owner.go("write")
    wait_until(lambda: owner.block_photo_ids() == kept, 20, what="two photo blocks in the editor")
    assert MISSING not in owner.page_text()
    owner.s.testids("block-photo")[0].scroll_into_view()
    owner.shot("guard-photos-03-write")

    owner.go("preview")
    wait_until(lambda: len(owner.s.testids("preview-photo")) == 2, 20, what="two photos in the preview")
    photos = [int(p.attr("data-photo-id")) for p in owner.s.testids("preview-photo")]
    assert photos == kept
    assert MISSING not in owner.page_text()
    owner.shot("guard-photos-04-preview")


def test_the_export_has_one_photo_fewer_and_not_the_removed_one(owner):
    owner.press("export")
    result = wait_until(lambda: owner.s.testids("export-result"), 180, what="the export result")[0]
    entries = list(owner.dirs["export"].iterdir())
    assert len(entries) == 1 and entries[0].is_dir(), entries
    owner.folder = entries[0]
    assert str(owner.folder) in result.text
    exported = sorted((owner.folder / "photos").iterdir())
    assert [p.name for p in exported] == ["01.jpg", "02.jpg"], "one photo fewer on disk"
    body = (owner.folder / "본문.txt").read_text(encoding="utf-8")
    assert "[사진 3]" not in body

    _, gone = upright_fingerprint(owner.sources[owner.removed])
    for out, photo_id in zip(exported, [owner.ids[0], owner.ids[2]], strict=True):
        _, got = upright_fingerprint(out)
        _, want = upright_fingerprint(owner.sources[photo_id])
        assert difference(got, want) < SAME, f"{out.name} is not {owner.sources[photo_id].name}"
        assert difference(got, gone) >= 3 * SAME, f"{out.name} looks like the removed photo"
    owner.shot("guard-photos-05-exported")
