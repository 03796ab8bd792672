"""The real app in a real window: photos dragged in from another X client and picked in the OS file dialog, the
wizard walked (photos -> job facts and "our own product" -> safety check, where a redaction box is drawn with the
mouse -> Naver Blog -> preview -> export), the export folder checked on disk (the box burned into the pixels),
then the app closed and reopened on the same library.

Each step saves a screenshot under artifacts/e2e/. The steps build on each other (marked incremental).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from checks import (
    ALLOWED_GROUPS,
    ALLOWED_MARKERS,
    box_pixels,
    difference,
    exif_groups,
    jpeg_markers,
    photo_markers_in_text,
    pixels_within,
    rgb_pixels,
    share_not_black_outside,
    upright_fingerprint,
)
from gtk_dnd import DragSource
from webdriver import wait_until

pytestmark = pytest.mark.incremental

APP_WINDOW = "Gongbang Post"
HANGUL = re.compile("[가-힣]")

JOB = {
    "job-title": "문래동 CNC 선반 SUS304 샤프트 가공",
    "job-material": "SUS304",
    "job-process": "CNC 선반",
    "job-machine": "DOOSAN PUMA 2600",
    "job-tolerance": "±0.01",
    "job-finish": "Ra 0.8",
    "job-quantity": "200개",
    "job-lead-time": "5일",
    "job-story": "길이 300mm 샤프트라 떨림을 잡으려고 방진구를 썼습니다.",
}
# The photo the box is drawn on: EXIF orientation 6, so the window shows it turned and the box must be
# stored (and burned in) in upright coordinates.
REDACTED = "Landscape_6.jpg"
# The box dragged with the mouse, as offsets from the canvas centre in fractions of its size: from there ...
DRAG_FROM = (-0.3, -0.25)
# ... to there, so the box is x 0.2-0.6, y 0.25-0.65 of the photo.
DRAG_TO = (0.1, 0.15)
BOX_TOLERANCE = 0.01  # fractions: a few CSS pixels of rounding between the pointer and the stored box
EDGE_MARGIN = 16  # px kept clear of the box edge when checking the fill (JPEG blocks and chroma subsampling)

FIELD_OF = {
    "job-title": "title",
    "job-material": "material",
    "job-process": "process",
    "job-machine": "machine",
    "job-tolerance": "tolerance",
    "job-finish": "finish",
    "job-quantity": "quantity",
    "job-lead-time": "leadTime",
    "job-story": "story",
}


class Walk:
    """What the steps share: the session on the app, and what earlier steps learned."""

    def __init__(self, driver, binary, xserver, dirs, photos, artifacts):
        self.driver, self.binary, self.x = driver, binary, xserver
        self.dirs, self.photos, self.artifacts = dirs, photos, artifacts
        self.s = driver.session(binary)
        self.sources: dict[str, Path] = {}  # original file name -> source path
        self.order: list[int] = []  # photo ids in post order
        self.folder: Path | None = None
        self.title = ""
        self.redacted_id = 0  # the photo the box was drawn on, and the box the library stored
        self.box: dict = {}

    def shot(self, name: str) -> None:
        self.s.screenshot(self.artifacts / f"{name}.png")

    def screen(self, name: str) -> None:
        self.x.screenshot(self.artifacts / f"{name}.png")

    def wait_step(self, step: str, timeout: float = 30) -> None:
        wait_until(lambda: self.s.step() == step, timeout, what=f"wizard step '{step}'")

    def card_ids(self) -> list[int]:
        return [int(c.attr("data-photo-id")) for c in self.s.testids("photo-card")]

    def import_idle(self) -> bool:
        p = self.s.testid("import-progress")
        return p.attr("data-active") != "true" and p.attr("data-done") == p.attr("data-total")

    def first_thumbs_shown(self, count: int = 3) -> bool:
        """The first cards' thumbnails (on screen, so not held back by lazy loading) have loaded."""
        return self.s.execute(
            "const imgs = [...document.querySelectorAll('[data-testid=photo-card] img')].slice(0, arguments[0]);"
            "return imgs.length === arguments[0] && imgs.every(i => i.complete && i.naturalWidth > 0);",
            count,
        )

    def session_state(self) -> dict:
        return self.s.invoke("current_session")

    def photo(self, photo_id: int) -> dict:
        return next(ph for ph in self.session_state()["photos"] if ph["id"] == photo_id)

    def select_photo(self, photo_id: int) -> None:
        """Clicks the photo in the safety step's strip (scrolled into view there first: WebKit's WebDriver only
        scrolls the page, not the strip or the step) and waits for it to be shown large."""
        thumb = self.s.find(f'[data-testid="safety-photo"][data-photo-id="{photo_id}"]')
        thumb.scroll_into_view()
        thumb.click()
        wait_until(lambda: self.canvas_photo_id() == photo_id, 10, what=f"photo {photo_id} shown large")

    def canvas_photo_id(self) -> int | None:
        found = self.s.testids("redact-canvas")
        return int(found[0].attr("data-photo-id")) if found else None

    def canvas_image_shown(self) -> bool:
        return self.s.execute(
            "const i = document.querySelector('[data-testid=redact-canvas] img');"
            "return !!i && i.complete && i.naturalWidth > 0;"
        )


@pytest.fixture(scope="module")
def walk(driver, app_binary, xserver, app_dirs, photos, artifacts):
    w = Walk(driver, app_binary, xserver, app_dirs, photos, artifacts)
    yield w
    w.s.close()


def test_opens_in_korean_on_the_photos_step_with_an_english_switch(walk):
    walk.wait_step("photos")
    walk.s.wait_testid("dropzone", 30)  # the session is loaded
    window = walk.x.wait_window(APP_WINDOW)
    assert walk.x.is_viewable(window)
    assert "공방포스트" in walk.x.window_name(window)
    rail = walk.s.testid("step-photos")
    korean = rail.text
    assert HANGUL.search(korean), f"the rail's first step is not in Korean: {korean!r}"
    walk.shot("01-photos-empty")

    walk.s.testid("lang-toggle").click()
    english = wait_until(lambda: (t := walk.s.testid("step-photos").text) != korean and t, 10, what="English")
    assert not HANGUL.search(english) and re.search("[A-Za-z]", english), english
    walk.s.testid("lang-toggle").click()
    wait_until(lambda: walk.s.testid("step-photos").text == korean, 10, what="back to Korean")


def test_photos_dragged_from_another_window_are_imported(walk):
    p = walk.photos
    dropped = [
        p / "gps",
        p / "orientation" / "Landscape_6.jpg",
        p / "orientation" / "Portrait_8.jpg",
        p / "orientation" / "Landscape_3.jpg",
        p / "broken" / "corrupted.jpg",
    ]
    good = sorted((p / "gps").glob("*.jpg")) + dropped[1:4]
    walk.sources = {f.name: f for f in good}

    app = walk.x.geometry(walk.x.wait_window(APP_WINDOW))
    zone = walk.s.testid("dropzone").rect()
    target = (app.x + int(zone["x"] + zone["width"] / 2), app.y + int(zone["y"] + zone["height"] / 2))
    with DragSource(walk.x.env(), app.x + app.width + 60, 80, dropped) as source:
        src = walk.x.geometry(walk.x.wait_window("^gongbang-test-drag-source$"))
        walk.x.drag(src.center(), target)
        source.expect("drag-end", 15)
        wait_until(lambda: walk.s.testids("import-result"), 30, what="the first import result")
        walk.screen("02-screen-after-drop")

    wait_until(walk.import_idle, 180, what="the import to finish")
    wait_until(walk.first_thumbs_shown, 20, what="the thumbnails of the first photos")
    walk.shot("02-photos-dropped")
    progress = walk.s.testid("import-progress")
    assert progress.attr("data-total") == str(len(good) + 1)
    results = walk.s.testids("import-result")
    outcomes = sorted(r.attr("data-outcome") for r in results)
    assert outcomes == ["imported"] * len(good) + ["rejected"], outcomes
    # textContent: WebKit's WebDriver text leaves out the name's span, though it is on screen (see the shot)
    rejected = next(r.prop("textContent") for r in results if r.attr("data-outcome") == "rejected")
    assert "corrupted.jpg" in rejected and len(rejected) > len("corrupted.jpg") + 3, (
        f"a rejected file is listed with its reason: {rejected!r}"
    )
    cards = walk.card_ids()
    assert len(cards) == len(good)
    names = sorted(ph["originalName"] for ph in walk.session_state()["photos"])
    assert names == sorted(walk.sources), names


def test_a_duplicate_picked_in_the_file_dialog_is_recognised(walk):
    copy = walk.dirs["home"] / "same-as-Landscape_6.jpg"
    shutil.copyfile(walk.sources["Landscape_6.jpg"], copy)
    before_cards = walk.card_ids()
    before = set(walk.x.windows_named("."))
    walk.s.testid("pick-photos").click()

    def dialog():
        new = [w for w in walk.x.windows_named(".") if w not in before]
        return max(new, key=lambda w: (g := walk.x.geometry(w)).width * g.height) if new else None

    window = wait_until(dialog, 20, what="the file dialog")
    time.sleep(1.0)  # let GTK finish laying out and loading the folder
    walk.screen("03-screen-file-dialog")
    walk.x.focus(window)
    walk.x.key("ctrl+l")
    time.sleep(0.3)
    walk.x.type(str(copy))
    time.sleep(0.3)
    walk.x.key("Return")

    def duplicate_listed():
        return [
            r
            for r in walk.s.testids("import-result")
            if r.attr("data-outcome") == "duplicate" and copy.name in r.prop("textContent")
        ]

    wait_until(duplicate_listed, 60, what="the duplicate picked in the dialog to be listed")
    wait_until(walk.import_idle, 60, what="the import to finish")
    assert walk.card_ids() == before_cards, "a duplicate must not add a second card"
    walk.shot("03-photos-duplicate")


def test_photos_reordered_and_one_removed(walk):
    ids = walk.card_ids()
    walk.s.testids("photo-move-left")[-1].click()
    moved = [*ids[:-2], ids[-1], ids[-2]]
    wait_until(lambda: walk.card_ids() == moved, 10, what=f"order {moved}")

    gone = moved[1]
    walk.s.testids("photo-remove")[1].click()
    kept = [i for i in moved if i != gone]
    wait_until(lambda: walk.card_ids() == kept, 10, what=f"cards {kept}")
    wait_until(
        lambda: [ph["id"] for ph in walk.session_state()["photos"]] == kept,
        20,
        what="the order and removal saved in the library",
    )
    walk.order = kept
    walk.shot("04-photos-arranged")


def test_job_facts_are_entered_and_saved(walk):
    walk.s.testid("next").click()
    walk.wait_step("job")
    for testid, value in JOB.items():
        field = walk.s.testid(testid)
        field.clear()
        field.send_keys(value)
    wait_until(
        lambda: all(walk.s.testid(t).prop("value") == v for t, v in JOB.items()),
        10,
        what="the typed job facts in the fields",
    )
    own = walk.s.testid("owner-own")
    own.scroll_into_view()  # WebKit's WebDriver scrolls the page, not the step: half under the footer = no click
    own.click()
    wait_until(
        lambda: walk.s.testid("effective-policy").attr("data-policy") == "public",
        10,
        what="'our own product' to count as public",
    )
    walk.s.testid("effective-policy").scroll_into_view()
    walk.shot("05-job")
    walk.s.testid("next").click()
    walk.wait_step("safety")
    job = walk.session_state()["job"]
    assert {t: job[FIELD_OF[t]] for t in JOB} == JOB
    assert (job["ownerKind"], job["clientId"]) == ("own", None)


def test_safety_step_shows_each_photo_large_and_what_the_export_strips(walk):
    status = walk.s.wait_testid("guard-status")
    assert (status.attr("data-policy"), status.attr("data-can-export")) == ("public", "true")
    strip = [int(e.attr("data-photo-id")) for e in walk.s.testids("safety-photo")]
    assert strip == walk.order, "every photo of the post, in post order"
    assert walk.canvas_photo_id() == walk.order[0], "the first photo is shown large"
    wait_until(walk.canvas_image_shown, 20, what="the large photo")

    first = walk.photo(walk.order[0])
    expected = walk.s.invoke("photo_metadata", {"photoId": first["id"]})
    items = wait_until(lambda: walk.s.testids("meta-item"), 20, what="the list of what the export removes")
    kinds = [i.attr("data-kind") for i in items]
    assert kinds == [m["kind"] for m in expected], "the window lists the photo's own metadata"
    if first["hasGps"]:
        assert "gps" in kinds, f"{first['originalName']} has GPS, and the list must say so: {kinds}"

    walk.s.find(".safety-photo-name").scroll_into_view("start")
    canvas = walk.s.testid("redact-canvas").client_rect()
    view = walk.s.execute("return [window.innerWidth, window.innerHeight];")
    assert canvas["width"] >= 0.4 * view[0] and canvas["height"] >= 0.35 * view[1], (
        f"the photo is shown large: {canvas} in a {view} window"
    )
    walk.shot("06-safety")


def test_a_box_drawn_with_the_mouse_is_stored(walk):
    photo_id = next(ph["id"] for ph in walk.session_state()["photos"] if ph["originalName"] == REDACTED)
    walk.select_photo(photo_id)
    wait_until(walk.canvas_image_shown, 20, what=f"{REDACTED} loaded")
    assert not walk.s.testids("redact-box")

    canvas = walk.s.testid("redact-canvas")
    canvas.scroll_into_view()
    r = canvas.client_rect()
    # The point the drag starts at must hit the canvas itself (not the footer or a box over it).
    hit = walk.s.execute(
        "const e = document.elementFromPoint(arguments[0], arguments[1]);"
        "return e ? e.closest('[data-testid=redact-canvas]') !== null : false;",
        r["x"] + r["width"] * (0.5 + DRAG_FROM[0]),
        r["y"] + r["height"] * (0.5 + DRAG_FROM[1]),
    )
    assert hit, f"the drag's start point is not on the photo: {r}"
    start = (round(DRAG_FROM[0] * r["width"]), round(DRAG_FROM[1] * r["height"]))
    end = (round(DRAG_TO[0] * r["width"]), round(DRAG_TO[1] * r["height"]))
    walk.s.mouse_drag(canvas, start, end)

    wait_until(lambda: len(walk.s.testids("redact-box")) == 1, 10, what="the drawn box on the photo")
    want = {
        "x": 0.5 + start[0] / r["width"],
        "y": 0.5 + start[1] / r["height"],
        "w": (end[0] - start[0]) / r["width"],
        "h": (end[1] - start[1]) / r["height"],
    }

    def stored():
        boxes = walk.photo(photo_id)["redactions"]
        return boxes if len(boxes) == 1 else None

    boxes = wait_until(stored, 10, what="the box saved in the library")
    assert all(abs(boxes[0][k] - want[k]) < BOX_TOLERANCE for k in want), f"stored {boxes[0]}, drawn {want}"
    shown = walk.s.testid("redact-box").client_rect()
    assert abs(shown["width"] / r["width"] - boxes[0]["w"]) < BOX_TOLERANCE, "the box on screen is the stored one"
    strip = walk.s.find(f'[data-testid="safety-photo"][data-photo-id="{photo_id}"]').prop("textContent")
    assert "■ 1" in strip, f"the strip counts the box: {strip!r}"
    walk.redacted_id, walk.box = photo_id, boxes[0]
    walk.shot("07-safety-box-drawn")
    walk.s.testid("next").click()
    walk.wait_step("platform")


def test_naver_blog_is_chosen_and_a_draft_made(walk):
    walk.shot("08-platform")
    walk.s.testid("platform-naver").click()

    def at_preview():
        if walk.s.step() == "preview":
            return True
        nxt = walk.s.testids("next")
        # The platform step makes the draft; the write step (the coach) leads on to the preview.
        if nxt and nxt[0].prop("disabled") is False and walk.s.step() in ("platform", "write"):
            nxt[0].click()
        return False

    wait_until(at_preview, 60, interval=1, what="the preview step")
    post = wait_until(lambda: walk.session_state()["post"], 30, what="a draft post")
    assert post["platform"] == "naver"
    assert [b["photoId"] for b in post["blocks"] if b["kind"] == "photo"] == walk.order, (
        "the draft places the photos in the owner's order"
    )


def test_preview_shows_the_draft(walk):
    title = wait_until(lambda: walk.s.testid("post-title").prop("value"), 20, what="a post title")
    preview = walk.s.testid("preview")
    text = preview.text
    assert "SUS304" in title + text, "the draft is made from the job facts"
    assert len(preview.find_all("img")) == len(walk.order)
    walk.title = title
    walk.shot("09-preview")


def test_export_writes_one_new_folder(walk):
    walk.s.testid("export").click()
    result = wait_until(lambda: walk.s.testid("export-result"), 180, what="the export result")
    export_dir = walk.dirs["export"]
    entries = list(export_dir.iterdir())
    assert len(entries) == 1 and entries[0].is_dir(), f"one finished folder, no leftovers: {entries}"
    walk.folder = entries[0]
    assert str(walk.folder) in result.text
    assert "샤프트" not in walk.folder.name, "the folder is named by the app, not by the owner's title"
    walk.shot("10-exported")


def test_export_folder_is_a_naver_blog_package(walk):
    folder, n = walk.folder, len(walk.order)
    names = {p.name for p in folder.iterdir()}
    assert {"photos", "본문.txt", "제목.txt", "태그.txt", "post.html", "올리는 방법.txt"} <= names, names
    assert sorted(p.name for p in (folder / "photos").iterdir()) == [f"{i:02}.jpg" for i in range(1, n + 1)]

    body = (folder / "본문.txt").read_text(encoding="utf-8")
    assert photo_markers_in_text(body) == list(range(1, n + 1)), "[사진 N] markers, each photo once, in order"
    assert "SUS304" in body
    assert (folder / "제목.txt").read_text(encoding="utf-8").strip() == walk.title
    tags = (folder / "태그.txt").read_text(encoding="utf-8").strip()
    assert tags, "tags are written"
    assert len((folder / "올리는 방법.txt").read_text(encoding="utf-8").strip()) > 50, "the upload steps"

    html = (folder / "post.html").read_text(encoding="utf-8")
    srcs = re.findall(r'<img[^>]*\ssrc="([^"]+)"', html)
    assert srcs == [f"photos/{i:02}.jpg" for i in range(1, n + 1)], srcs


def test_exported_photos_are_upright_in_post_order_and_without_metadata(walk):
    folder = walk.folder
    exported = sorted((folder / "photos").iterdir())
    by_id = {ph["id"]: ph for ph in walk.session_state()["photos"]}
    for out, photo_id in zip(exported, walk.order, strict=True):
        source = walk.sources[by_id[photo_id]["originalName"]]
        (sw, sh), want = upright_fingerprint(source, cover=by_id[photo_id]["redactions"])
        (ow, oh), got = upright_fingerprint(out)
        assert abs(ow / oh - sw / sh) < 0.02, f"{out.name}: {ow}x{oh} is not upright like {source.name} {sw}x{sh}"
        assert max(ow, oh) <= 1600, f"{out.name}: {ow}x{oh} is not resized for the blog"
        assert difference(got, want) < 12, f"{out.name} does not show {source.name} upright"

        data = out.read_bytes()
        assert data.endswith(b"\xff\xd9"), f"{out.name}: bytes after the end-of-image marker"
        assert set(jpeg_markers(data)) <= ALLOWED_MARKERS, f"{out.name}: metadata segments"

    for name, tags in exif_groups(exported).items():
        groups = {t.split(":")[0] for t in tags}
        assert groups <= ALLOWED_GROUPS, f"{name} keeps metadata: {sorted(groups - ALLOWED_GROUPS)}"
        assert not {"File:Comment", "File:ExifByteOrder", "ExifTool:Warning"} & tags, f"{name}: {tags}"


def test_the_box_drawn_in_the_window_is_burned_into_the_exported_photo(walk):
    out = walk.folder / "photos" / f"{walk.order.index(walk.redacted_id) + 1:02}.jpg"
    width, height, pixels = rgb_pixels(out)
    inner = box_pixels(walk.box, width, height, inset=EDGE_MARGIN)
    assert inner[2] - inner[0] > 50 and inner[3] - inner[1] > 50, f"a box this small proves little: {inner}"
    colours = set(pixels_within(pixels, width, inner))
    assert colours == {(0, 0, 0)}, f"{out.name}: inside the box {inner} not only black: {sorted(colours)[:8]}"
    outer = box_pixels(walk.box, width, height, inset=-EDGE_MARGIN)
    share = share_not_black_outside(pixels, width, height, outer)
    assert share > 0.5, f"{out.name}: outside the box is mostly black ({share:.0%} not black); the photo is lost"


def test_reopened_app_keeps_the_job_photos_and_draft(walk):
    job_before = walk.session_state()["job"]
    walk.s.close()
    time.sleep(1)
    walk.s = walk.driver.session(walk.binary)
    wait_until(lambda: walk.s.step(), 30, what="the app to start again")
    walk.s.testid("step-photos").click()
    walk.wait_step("photos")
    wait_until(lambda: walk.card_ids() == walk.order, 30, what=f"the same photos in order {walk.order}")
    wait_until(walk.first_thumbs_shown, 20, what="the thumbnails of the first photos after reopening")
    walk.shot("11-reopened-photos")

    walk.s.testid("step-job").click()
    walk.wait_step("job")
    for testid, value in JOB.items():
        assert walk.s.testid(testid).prop("value") == value, testid
    assert walk.s.testid("owner-own").prop("checked") is True
    state = walk.session_state()
    assert state["job"]["id"] == job_before["id"]

    walk.s.testid("step-safety").click()
    walk.wait_step("safety")
    walk.select_photo(walk.redacted_id)
    assert len(walk.s.testids("redact-box")) == 1, "the drawn box is still there"
    assert walk.photo(walk.redacted_id)["redactions"] == [walk.box]

    walk.s.testid("step-preview").click()
    walk.wait_step("preview")
    assert wait_until(lambda: walk.s.testid("post-title").prop("value"), 20) == walk.title
    assert state["post"] and state["post"]["title"] == walk.title
    assert len(walk.s.testid("preview").find_all("img")) == len(walk.order)
    walk.shot("12-reopened-preview")
