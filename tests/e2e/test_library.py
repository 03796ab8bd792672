"""서재 (the library, issue 14) in the real window under Xvfb: a job with a photo and a title is found by searching a
middle part of a Korean word, archived and brought back (undo, then the 보관함 view), deleted and brought back (undo).

Why this file exists: the Playwright spec proves the screen against the mock; this proves it against the real core
(SQLite FTS5 trigram search, the archive flag, the removal with its undo) through the real commands, as the owner
clicks them. Screenshots of each step go to artifacts/e2e/library-*.png.

The steps share one app session and build on each other (marked incremental).
"""

from __future__ import annotations

import pytest

from app_user import AppUser
from webdriver import wait_until

pytestmark = pytest.mark.incremental

TITLE = "스테인리스 플랜지 정밀 가공"
PART = "테인리"  # the middle of 스테인리스: neither its start nor its end
FILE = "orientation/Landscape_1.jpg"


class Owner(AppUser):
    job_id = 0

    def cards(self) -> list[int]:
        return [int(e.attr("data-job-id") or 0) for e in self.s.testids("lib-job")]

    def press_on_card(self, testid: str) -> None:
        button = self.s.find(f'[data-testid="lib-job"][data-job-id="{self.job_id}"] [data-testid="{testid}"]')
        button.scroll_into_view()
        button.click()

    def listed(self, archived: bool = False) -> list[int]:
        """The job ids library_page lists for the search, as the core answers (the archive, or the library)."""
        f = {
            "text": PART,
            "clientId": None,
            "material": "",
            "process": "",
            "posted": "any",
            "year": None,
            "productId": None,
            "archived": archived,
        }
        return [j["id"] for j in self.s.invoke("library_page", {"filter": f, "offset": 0, "limit": 50})["jobs"]]


@pytest.fixture(scope="module")
def owner(driver, app_binary, app_dirs, photos, artifacts):
    o = Owner(driver, app_binary, app_dirs, photos, artifacts)
    yield o
    o.s.close()


def test_a_job_is_found_in_the_library_by_the_middle_of_a_korean_word(owner: Owner):
    owner.fill_first_job([owner.photos / FILE], TITLE)
    owner.job_id = owner.s.invoke("current_session")["job"]["id"]
    owner.press("nav-library")
    wait_until(
        lambda: owner.s.execute("return document.body.dataset.screen") == "library", 15, what="the library screen"
    )
    owner.s.wait_testid("lib-search")
    owner.type_into("lib-search", PART)
    wait_until(lambda: owner.cards() == [owner.job_id], 15, what=f"only the job found by '{PART}'")
    card = owner.s.find(f'[data-testid="lib-job"][data-job-id="{owner.job_id}"]')
    assert TITLE in card.text
    # Its cover is the photo's thumbnail, served by the app's own protocol.
    cover = card.find_all("img")
    assert cover and "gbthumb" in (cover[0].attr("src") or ""), "the card shows the job's photo"
    owner.shot("library-01-found")


def test_archive_then_undo(owner: Owner):
    owner.press_on_card("lib-archive")
    wait_until(lambda: owner.cards() == [], 15, what="the card gone from the library")
    assert owner.listed(archived=True) == [owner.job_id], "the core holds it in the archive"
    owner.shot("library-02-archived")
    owner.press("toast-undo")
    wait_until(lambda: owner.cards() == [owner.job_id], 15, what="the card back after undo")
    assert owner.listed() == [owner.job_id]


def test_archive_then_take_it_out_of_the_archive(owner: Owner):
    owner.press_on_card("lib-archive")
    wait_until(lambda: owner.cards() == [], 15, what="the card archived again")
    owner.press("lib-archive-view")
    wait_until(lambda: owner.cards() == [owner.job_id], 15, what="the card in the archive (보관함)")
    owner.shot("library-03-archive-view")
    owner.press_on_card("lib-unarchive")
    wait_until(lambda: owner.cards() == [], 15, what="the archive emptied")
    owner.press("lib-archive-view")
    wait_until(lambda: owner.cards() == [owner.job_id], 15, what="the card back in the library")
    assert owner.listed(archived=True) == []


def test_remove_then_undo(owner: Owner):
    owner.press_on_card("lib-remove")
    wait_until(lambda: owner.cards() == [], 15, what="the card gone after delete")
    assert owner.listed() == [], "the core no longer lists the job"
    owner.shot("library-04-removed")
    owner.press("toast-undo")
    wait_until(lambda: owner.cards() == [owner.job_id], 15, what="the card back after undo")
    assert owner.listed() == [owner.job_id]
    # The job is whole again: it opens in the wizard with its photo and its title.
    owner.press_on_card("lib-open")
    owner.wait_step("photos")
    wait_until(lambda: len(owner.s.testids("photo-card")) == 1, 20, what="the job's photo back")
    assert owner.s.invoke("current_session")["job"]["title"] == TITLE
    owner.shot("library-05-reopened")
