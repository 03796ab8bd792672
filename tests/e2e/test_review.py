"""A mentor's review through a club folder (issue 15, items 1 and 3) in the real window under Xvfb, with two
libraries standing in for two PCs: the owner's (library A, shop profile set) and the mentor's (library B, no shop
profile). Both use one club folder, set with the CLI (`gongbang --library DIR club set DIR`) before the app starts,
so no OS dialog is needed.

1. A: a job of three real photos, own product, Naver draft; the preview's "멘토에게 보내기" writes a .gbreview into
   the club folder (its path shown in the window).
2. B: the first run's "멘토이신가요?" opens the review screen with no profile; the club inbox lists the bundle; it
   opens showing the post with its photos; a title rewrite and a comment on a photo are written; "답장 보내기"
   with the mentor's name writes a .gbreply into the club folder.
3. A again: the review screen's club inbox lists the reply; opening it leads to the post's notes in the preview;
   accepting the title rewrite makes the window's title the mentor's; undo puts it back.

Why this file exists: the Playwright spec proves the screens against the mock; this proves the round trip against
the real core (the leak guard, the bundle's photo bytes, the reply's signature and the rewrite in SQLite) through
the real commands, as people click them. Screenshots go to artifacts/e2e/review-*.png.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app_user import AppUser
from paths import EXE, TARGET
from webdriver import TauriDriver, wait_until

pytestmark = pytest.mark.incremental

TITLE = "SUS304 플랜지 정밀 가공"
FILES = ["orientation/Landscape_1.jpg", "orientation/Landscape_3.jpg", "orientation/Portrait_6.jpg"]
COMMENT = "이 사진은 조금 더 밝게 찍으면 좋겠습니다."
MENTOR = "김멘토"

# What the steps pass on to each other.
seen: dict = {}


def cli(library: Path, *args: str) -> str:
    exe = TARGET / "debug" / f"gongbang{EXE}"
    if not exe.is_file():
        pytest.fail(f"{exe} is missing: `cargo build -p gongbang-cli` builds it")
    out = subprocess.run([str(exe), "--library", str(library), *args], capture_output=True, text=True)
    assert out.returncode == 0, f"gongbang {' '.join(args)}: {out.stdout}\n{out.stderr}"
    return out.stdout


@pytest.fixture(scope="module")
def club(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("club")


@pytest.fixture(scope="module")
def mentor_dirs(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("mentor")
    dirs = {"library": base / "library", "export": base / "export", "home": base / "home"}
    for d in dirs.values():
        d.mkdir()
    return dirs


@pytest.fixture(scope="module")
def club_set(app_dirs, mentor_dirs, club) -> Path:
    """Both libraries use the one club folder (set before either app starts)."""
    for lib in (app_dirs["library"], mentor_dirs["library"]):
        cli(lib, "club", "set", str(club))
    return club


@pytest.fixture(scope="module")
def mentor_driver(xserver, mentor_dirs, artifacts):
    env = xserver.env(
        GONGBANG_LIBRARY=str(mentor_dirs["library"]),
        GONGBANG_EXPORT_DIR=str(mentor_dirs["export"]),
        GONGBANG_NO_OPEN="1",
        XDG_CONFIG_HOME=str(mentor_dirs["home"] / "config"),
        XDG_DATA_HOME=str(mentor_dirs["home"] / "data"),
        XDG_CACHE_HOME=str(mentor_dirs["home"] / "cache"),
        RUST_BACKTRACE="1",
    )
    d = TauriDriver(env, artifacts / "tauri-driver-test_review-mentor.log")
    yield d
    d.stop()


class Person(AppUser):
    def text(self, testid: str) -> str:
        return self.s.wait_testid(testid).text

    def click_css(self, css: str) -> None:
        element = wait_until(lambda: self.s.find(css), 20, what=css)
        element.scroll_into_view()
        element.click()

    def screen(self) -> str | None:
        return self.s.execute("return document.body.dataset.screen || null;")


def files_in(club: Path, suffix: str) -> list[Path]:
    return sorted(p for p in club.iterdir() if p.name.endswith(suffix))


def test_the_owner_sends_the_post_to_a_mentor(driver, app_binary, app_dirs, photos, artifacts, club_set):
    owner = Person(driver, app_binary, app_dirs, photos, artifacts)
    try:
        s = owner.s
        owner.fill_first_job([photos / f for f in FILES], TITLE)
        owner.press("owner-own")
        wait_until(lambda: s.testid("effective-policy").attr("data-policy") == "public", 10, what="own product")
        owner.go("platform")
        owner.press("platform-naver")
        wait_until(lambda: s.step() == "write", 60, interval=0.5, what="the write step")
        owner.go("preview")
        s.wait_testid("review-notes")
        post = s.invoke("current_session")["post"]
        seen["post_id"], seen["title"] = post["id"], post["title"]
        assert s.testid("post-title").prop("value") == post["title"]
        owner.press("send-review")
        shown = wait_until(lambda: s.testids("review-sent-file") and s.testid("review-sent-file").text, 60)
        bundles = files_in(club_set, ".gbreview")
        assert len(bundles) == 1, list(club_set.iterdir())
        assert shown == str(bundles[0]), f"the window shows where the file went: {shown}"
        owner.shot("review-01-owner-sent")
    finally:
        owner.s.close()


def test_the_mentor_without_a_profile_reviews_it_from_the_club_folder(
    mentor_driver, app_binary, mentor_dirs, photos, artifacts, club_set
):
    mentor = Person(mentor_driver, app_binary, mentor_dirs, photos, artifacts)
    try:
        s = mentor.s
        s.wait_testid("firstrun", 60)
        mentor.shot("review-02-mentor-firstrun")
        mentor.press("firstrun-mentor")
        s.wait_testid("mentor-app")
        wait_until(lambda: len(s.testids("club-item")) == 1, 20, what="the bundle in the club inbox")
        item = s.testid("club-item")
        assert item.attr("data-kind") == "bundle"
        assert "문래정밀" in item.text and seen["title"] in item.text, item.text
        mentor.shot("review-03-mentor-inbox")
        mentor.press("club-open")
        wait_until(lambda: s.testids("bundle-title") and s.testid("bundle-title").text == seen["title"], 30)
        pictures = s.testids("bundle-photo")
        assert len(pictures) == len(FILES)
        srcs = [p.find_all("img")[0].attr("src") or "" for p in pictures]
        assert all(src.startswith("data:image/jpeg;base64,") for src in srcs), [x[:40] for x in srcs]
        loaded = s.execute(
            "return [...document.querySelectorAll('[data-testid=bundle-photo] img')]"
            ".map(i => i.complete && i.naturalWidth > 0);"
        )
        assert loaded == [True] * len(FILES), loaded
        assert not s.invoke("shop_profile")["saved"], "the mentor's library has no shop profile"
        mentor.shot("review-04-mentor-bundle")

        # A title rewrite: the suggestion box starts with the title as it is.
        mentor.click_css('[data-testid="note-side"][data-target="title"] [data-testid="note-write"]')
        suggest = s.wait_testid("note-suggest-input")
        assert suggest.prop("value") == seen["title"]
        seen["new_title"] = "문래동 플랜지 가공 잘하는 곳: SUS304 정밀 가공 사례"
        mentor.type_into("note-comment-input", "찾는 사람이 치는 말('플랜지 가공 잘하는 곳')로 시작해 보세요.")
        mentor.type_into("note-suggest-input", seen["new_title"])
        mentor.press("note-save")
        wait_until(
            lambda: s.find_all('[data-testid="note-side"][data-target="title"] [data-testid="note-draft"]'),
            20,
            what="the title's draft note",
        )
        # A comment on the first photo.
        photo_index = pictures[0].attr("data-index")
        mentor.click_css(f'[data-testid="note-side"][data-target="{photo_index}"] [data-testid="note-write"]')
        mentor.type_into("note-comment-input", COMMENT)
        mentor.press("note-save")
        wait_until(
            lambda: s.find_all(f'[data-testid="note-side"][data-target="{photo_index}"] [data-testid="note-draft"]'),
            20,
            what="the photo's draft note",
        )
        assert s.testid("reply-count").attr("data-count") == "2"
        s.find(f'[data-testid="note-side"][data-target="{photo_index}"] [data-testid="note-draft"]').scroll_into_view()
        mentor.shot("review-05-mentor-notes")

        mentor.type_into("reviewer-name", MENTOR)
        mentor.press("reply-send")
        shown = wait_until(lambda: s.testids("reply-file") and s.testid("reply-file").text, 60, what="the reply")
        replies = files_in(club_set, ".gbreply")
        assert len(replies) == 1, list(club_set.iterdir())
        assert shown == str(replies[0]), shown
        mentor.shot("review-06-mentor-replied")
        # The review scrolls inside its own area: the page itself never moves, the way back stays on screen.
        assert s.execute("return document.scrollingElement.scrollTop;") == 0
        mentor.press("mentor-back")
        s.wait_testid("firstrun")
    finally:
        mentor.s.close()


def test_the_owner_opens_the_reply_accepts_the_title_and_undoes_it(
    driver, app_binary, app_dirs, photos, artifacts, club_set
):
    owner = Person(driver, app_binary, app_dirs, photos, artifacts)
    try:
        s = owner.s
        s.wait_testid("nav-review", 60)
        owner.press("nav-review")
        wait_until(lambda: owner.screen() == "review", 10, what="the review screen")
        wait_until(lambda: len(s.testids("club-item")) == 1, 20, what="the reply in the club inbox")
        item = s.testid("club-item")
        assert item.attr("data-kind") == "reply" and MENTOR in item.text, item.text
        owner.shot("review-07-owner-inbox")
        owner.press("club-open")
        owner.wait_step("preview")
        wait_until(lambda: len(s.testids("review-note")) == 2, 30, what="the mentor's two notes")
        title_note = '[data-testid="review-note"][data-target="title"]'
        note = s.find(title_note)
        assert MENTOR in note.text and seen["new_title"] in note.text, note.text
        assert COMMENT in s.find('[data-testid="review-note"]:not([data-target="title"])').text
        owner.shot("review-08-owner-notes")

        owner.click_css(f'{title_note} [data-testid="note-accept"]')
        wait_until(
            lambda: s.testid("post-title").prop("value") == seen["new_title"], 20, what="the mentor's title on screen"
        )
        assert s.invoke("current_session")["post"]["title"] == seen["new_title"]
        assert s.find(title_note).attr("data-state") == "accepted"
        s.testid("post-title").scroll_into_view()
        owner.shot("review-09-owner-accepted")

        owner.click_css(f'{title_note} [data-testid="note-undo"]')
        wait_until(lambda: s.testid("post-title").prop("value") == seen["title"], 20, what="the title back")
        assert s.invoke("current_session")["post"]["title"] == seen["title"]
        assert s.find(title_note).attr("data-state") == "open"
        owner.shot("review-10-owner-undone")
    finally:
        owner.s.close()
