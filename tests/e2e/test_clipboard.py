"""The copy buttons after a Naver export (issue 13, item 5), in the real window under Xvfb.

Why this file exists: the Playwright specs prove the buttons' order and messages against the mock; this proves
that the app's clipboard (tauri-plugin-clipboard-manager, written from Rust) holds exactly the exported package's
제목.txt, 본문.txt and 태그.txt (without their final line break) as another X program pastes them, plain text only,
and that it is the exported text, not what the owner typed after the export. The clipboard is read back by a GTK
client (gtk_clipboard.py). A screenshot of the export step with the buttons goes to artifacts/e2e/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app_user import AppUser
from gtk_clipboard import read_clipboard
from webdriver import InvokeError, wait_until

pytestmark = pytest.mark.incremental

JOB_TITLE = "SUS304 샤프트 가공"
PARTS = {"title": "제목.txt", "body": "본문.txt", "tags": "태그.txt"}


class Owner(AppUser):
    folder: Path
    post: dict


@pytest.fixture(scope="module")
def owner(driver, app_binary, app_dirs, photos, artifacts):
    o = Owner(driver, app_binary, app_dirs, photos, artifacts)
    yield o
    o.s.close()


def test_a_naver_post_is_exported(owner: Owner):
    s = owner.s
    files = [owner.photos / "orientation" / "Landscape_1.jpg", owner.photos / "orientation" / "Landscape_3.jpg"]
    owner.fill_first_job(files, JOB_TITLE)
    owner.press("owner-own")
    wait_until(lambda: s.testid("effective-policy").attr("data-policy") == "public", 10, what="our own product")
    owner.go("platform")
    owner.press("platform-naver")

    def at_preview():
        if s.step() == "preview":
            return True
        nxt = s.testids("next")
        if nxt and nxt[0].prop("disabled") is False and s.step() in ("platform", "write"):
            nxt[0].click()
        return False

    wait_until(at_preview, 60, interval=1, what="the preview step")
    owner.post = s.invoke("current_session")["post"]
    assert owner.post["platform"] == "naver"
    # Before any export there is nothing cleared to copy.
    with pytest.raises(InvokeError) as refused:
        s.invoke("copy_export_text", {"postId": owner.post["id"], "part": "title"})
    assert refused.value.code == "not_exported", refused.value.error

    owner.press("export")

    def done():
        if s.testids("error"):
            pytest.fail(f"export failed: {s.testid('error').text}")
        return bool(s.testids("naver-steps"))

    wait_until(done, 180, interval=0.5, what="the export result with the upload steps")
    entries = list(owner.dirs["export"].iterdir())
    assert len(entries) == 1, entries
    owner.folder = entries[0]


def test_the_buttons_follow_the_guide(owner: Owner):
    s = owner.s
    order = s.execute(
        "return [...document.querySelectorAll('button[data-testid^=\"copy-\"]')].map((b) => b.dataset.testid);"
    )
    assert order == ["copy-title", "copy-body", "copy-tags"], order
    guide = (owner.folder / "올리는 방법.txt").read_text(encoding="utf-8")
    labels = [s.testid(f"copy-{p}").text.strip() for p in PARTS]
    at = [guide.find(f"[{label}]") for label in labels]
    assert all(i > 0 for i in at) and at == sorted(at), (labels, at)
    s.testid("naver-steps").scroll_into_view("start")
    s.settle()
    owner.shot("clipboard-0-export-step-buttons")


@pytest.mark.parametrize("part", list(PARTS))
def test_each_button_puts_the_exported_file_on_the_clipboard(owner: Owner, app_env, part: str):
    s = owner.s
    written = (owner.folder / PARTS[part]).read_text(encoding="utf-8")
    owner.press(f"copy-{part}")
    wait_until(
        lambda: (m := s.testids("copy-message")) and m[0].attr("data-part") == part,
        10,
        what=f"the message for {part}",
    )
    board = read_clipboard(app_env)
    assert board["text"] == written.rstrip("\n"), f"{PARTS[part]}:\n{board['text']!r}\n!=\n{written!r}"
    assert board["text"].strip(), "something was copied"
    # Plain text only: the body's [사진 N] markers are where the owner puts each photo.
    assert not [t for t in board["targets"] if "html" in t.lower()], board["targets"]
    if part == "body":
        assert "[사진 1]" in board["text"] and "[사진 2]" in board["text"], board["text"]
    if part == "title":
        assert "제목을 복사했습니다" in s.testid("copy-message").text
        assert board["text"] == s.testid("post-title").prop("value").strip()


def test_the_copy_is_the_exported_text_not_a_later_edit(owner: Owner, app_env):
    s = owner.s
    s.testid("export-result").scroll_into_view("start")
    s.settle()
    owner.shot("clipboard-1-after-copying")
    owner.type_into("post-title", "고친 제목 내보내기 전")
    wait_until(lambda: not s.testids("naver-steps"), 10, what="the result hidden after the edit")
    wait_until(
        lambda: s.invoke("current_session")["post"]["title"] == "고친 제목 내보내기 전", 10, what="the edit saved"
    )
    s.invoke("copy_export_text", {"postId": owner.post["id"], "part": "title"})
    exported = (owner.folder / "제목.txt").read_text(encoding="utf-8").rstrip("\n")
    assert read_clipboard(app_env)["text"] == exported
