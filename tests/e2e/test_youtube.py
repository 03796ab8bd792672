"""The YouTube package (issue 4, design §4) in the real window, on a library of its own.

Why this file exists: the core's tests prove the video; this proves the window drives it: the platform step
offers YouTube, the preview plays frames the app renders through the gbframe protocol (the CSP lets them in,
and they are the video's frames at a third of its size), the settings reach the plan, and the export shows its
progress bar while the video renders and leaves a video.mp4 that ffprobe accepts (h264, 1920×1080, 30 fps).
Screenshots of the preview, the settings and the progress go to artifacts/e2e/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from app_user import AppUser
from webdriver import wait_until

pytestmark = pytest.mark.incremental

TITLE = "AL6061 브라켓 MCT 가공"


class Shop(AppUser):
    def __init__(self, driver, binary, dirs, photos, artifacts):
        super().__init__(driver, binary, dirs, photos, artifacts)
        self.post: dict = {}

    def frame_state(self) -> dict:
        return self.s.execute(
            "const i = document.querySelector('[data-testid=video-frame]');"
            "return i ? {frame: Number(i.dataset.frame), src: i.getAttribute('src'), w: i.naturalWidth,"
            " h: i.naturalHeight, done: i.complete} : null;"
        )


@pytest.fixture(scope="module")
def shop(driver, app_binary, app_dirs, photos, artifacts):
    s = Shop(driver, app_binary, app_dirs, photos, artifacts)
    yield s
    s.s.close()


def test_youtube_preview_plays_real_frames(shop: Shop):
    s = shop.s
    files = [shop.photos / "orientation" / "Landscape_1.jpg", shop.photos / "orientation" / "Portrait_3.jpg"]
    shop.fill_first_job(files, TITLE)
    shop.press("owner-own")
    wait_until(lambda: s.testid("effective-policy").attr("data-policy") == "public", 10, what="own product")
    shop.go("platform")
    assert "YouTube" in s.testid("platform-youtube").text
    shop.shot("youtube-1-platform")
    shop.press("platform-youtube")
    # The draft opens in the write step (the coach); next leads to the preview with the video.
    wait_until(lambda: s.step() == "write", 60, interval=1, what="the write step")
    shop.press("next")
    wait_until(lambda: s.step() == "preview", 60, interval=1, what="the preview step")
    shop.post = s.invoke("current_session")["post"]
    assert shop.post["platform"] == "youtube"

    # The first frame arrives from gbframe: (the renderer is prepared once), a third of 1920×1080.
    first = wait_until(
        lambda: (st := shop.frame_state()) and st["done"] and st["w"] and st,
        90,
        interval=0.5,
        what="the first preview frame",
    )
    assert first["src"].startswith("gbframe://localhost/") or "gbframe.localhost" in first["src"], first
    assert (first["w"], first["h"]) == (640, 360), first
    shop.shot("youtube-2-preview")

    # Play: the frame moves on, with real pictures; then pause.
    shop.press("video-play")
    moved = wait_until(
        lambda: (st := shop.frame_state()) and st["frame"] >= 30 and st["w"] == 640 and st,
        30,
        interval=0.3,
        what="the preview to play",
    )
    assert moved["src"] != first["src"]
    shop.shot("youtube-3-playing")
    shop.press("video-play")


def test_settings_reach_the_plan(shop: Shop):
    s = shop.s
    post_id = shop.post["id"]
    before = s.invoke("video_plan", {"postId": post_id})
    assert before["frameBase"].endswith(f"/{post_id}/")
    # 3 s per photo: two presses of "−" (4 → 3 s), saved by save_video.
    for _ in range(2):
        shop.press("seconds-minus")
    wait_until(
        lambda: s.invoke("current_session")["post"]["video"]["secondsPerPhoto"] == 3,
        20,
        what="save_video to store 3 s per photo",
    )
    after = s.invoke("video_plan", {"postId": post_id})
    assert after["totalFrames"] == before["totalFrames"] - 2 * 30, (before["totalFrames"], after["totalFrames"])
    wait_until(lambda: "0:13" in s.testid("video-time").text, 20, what="the time line to show 0:13")
    shop.shot("youtube-4-settings")


def test_export_shows_progress_and_makes_an_mp4(shop: Shop):
    s = shop.s
    before = set(shop.dirs["export"].iterdir())
    shop.press("export")
    seen = {"max_done": 0, "total": 0, "shot": False}

    def progress_or_done():
        for bar in s.testids("export-progress"):
            done, total = int(bar.attr("data-done") or 0), int(bar.attr("data-total") or 0)
            seen["max_done"], seen["total"] = max(seen["max_done"], done), max(seen["total"], total)
            if done > 0 and not seen["shot"]:
                shop.shot("youtube-5-exporting")
                seen["shot"] = True
        if s.testids("error"):
            pytest.fail(f"export failed: {s.testid('error').text}")
        return bool(s.testids("export-result"))

    wait_until(progress_or_done, 600, interval=0.3, what="the export result")
    assert seen["total"] > 0 and seen["max_done"] > 0, seen
    added = [f for f in shop.dirs["export"].iterdir() if f not in before]
    assert len(added) == 1, added
    folder = added[0]
    names = sorted(p.name for p in folder.iterdir())
    for name in ("video.mp4", "thumbnail.jpg", "title.txt", "description.txt", "tags.txt", "captions.srt"):
        assert name in names, names
    shop.shot("youtube-6-exported")
    if not shutil.which("ffprobe"):
        pytest.skip("ffprobe is not installed")
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=codec_name,width,height,r_frame_rate,pix_fmt",
            "-of",
            "json",
            str(folder / "video.mp4"),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    stream = json.loads(out.stdout)["streams"][0]
    assert (stream["codec_name"], stream["width"], stream["height"], stream["r_frame_rate"]) == (
        "h264",
        1920,
        1080,
        "30/1",
    ), stream
    assert seen["total"] == s.invoke("video_plan", {"postId": shop.post["id"]})["totalFrames"]


def test_cancel_leaves_no_folder(shop: Shop):
    s = shop.s
    before = set(shop.dirs["export"].iterdir())
    shop.press("export")
    wait_until(
        lambda: s.testids("export-progress") and int(s.testid("export-progress").attr("data-done") or 0) > 0,
        120,
        interval=0.2,
        what="the render to start",
    )
    shop.press("export-cancel")
    wait_until(lambda: s.testids("export-cancelled"), 60, interval=0.3, what="the cancelled note")
    assert "취소했습니다" in s.testid("export-cancelled").text
    assert not s.testids("export-result") and not s.testids("error")
    time.sleep(0.5)
    assert set(shop.dirs["export"].iterdir()) == before, "a cancelled export left something"
    shop.shot("youtube-7-cancelled")
