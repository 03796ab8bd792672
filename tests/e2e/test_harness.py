"""The harness checks itself: a real X drag-and-drop between two GTK windows of other processes.

When the app's drop test fails, this one tells whether the plumbing (Xvfb, xdotool, the GTK drag source) or the
app is at fault.
"""

import json
from pathlib import Path

from gtk_dnd import SOURCE_TITLE, TARGET_TITLE, DragSource, DropTarget


def test_drag_source_delivers_uri_list_to_another_x_client(xserver, photos: Path, artifacts: Path):
    files = [photos / "orientation" / "Landscape_1.jpg", photos / "gps"]
    with DropTarget(xserver.env(), 100, 100) as target, DragSource(xserver.env(), 1250, 100, files) as source:
        target_box = xserver.geometry(xserver.wait_window(f"^{TARGET_TITLE}$"))
        source_box = xserver.geometry(xserver.wait_window(f"^{SOURCE_TITLE}$"))
        xserver.screenshot(artifacts / "00-harness-before-drag.png")
        xserver.drag(source_box.center(), target_box.center())
        dropped = target.expect("dropped ", 15)
        source.expect("drag-end", 10)
    uris = json.loads(dropped.removeprefix("dropped "))
    assert uris == [p.resolve().as_uri() for p in files]
