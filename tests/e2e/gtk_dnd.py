"""Another X client for real drag-and-drop: a small GTK 3 window (Debian's python3-gi).

    python3 gtk_dnd.py source X Y FILE_OR_FOLDER...   a window at X,Y offering the paths as text/uri-list
    python3 gtk_dnd.py target X Y                     a window at X,Y accepting text/uri-list (harness self-test)

Both print one line per event on stdout: "ready WINDOW_TITLE" once mapped, then "drag-begin", "drag-end",
"drag-failed N" (source) or "dropped <JSON list of URIs>" (target). The test moves the pointer with xdotool.

The parent side, DragSource and DropTarget, runs the script as a subprocess so that GTK never loads into the
pytest process.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

SOURCE_TITLE = "gongbang-test-drag-source"
TARGET_TITLE = "gongbang-test-drop-target"
GTK_PYTHON = "/usr/bin/python3"  # Debian's Python, where python3-gi lives


class _Helper:
    def __init__(self, env: dict[str, str], *args: str):
        self.proc = subprocess.Popen(
            [GTK_PYTHON, str(Path(__file__).resolve()), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.events: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.expect("ready", 20)

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.events.put(line.rstrip("\n"))
        self.events.put("exit")

    def expect(self, prefix: str, timeout: float) -> str:
        """The next event starting with prefix (others are skipped); TimeoutError if none came."""
        seen = []
        try:
            while True:
                event = self.events.get(timeout=timeout)
                seen.append(event)
                if event.startswith(prefix):
                    return event
                if event == "exit":
                    raise RuntimeError(f"the GTK helper exited: {self.stderr()}")
        except queue.Empty:
            raise TimeoutError(f"no '{prefix}' event from the GTK helper (saw {seen})") from None

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return ""
        assert self.proc.stderr is not None
        return self.proc.stderr.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class DragSource(_Helper):
    def __init__(self, env: dict[str, str], x: int, y: int, paths: list[Path]):
        super().__init__(env, "source", str(x), str(y), *(str(Path(p).resolve()) for p in paths))


class DropTarget(_Helper):
    def __init__(self, env: dict[str, str], x: int, y: int):
        super().__init__(env, "target", str(x), str(y))


# --- the GTK side (runs in the subprocess) -----------------------------------------------------------------
def _window(title: str, x: int, y: int, text: str):
    from gi.repository import Gtk

    win = Gtk.Window(title=title)
    win.set_default_size(280, 220)
    win.move(x, y)
    box = Gtk.EventBox()
    box.add(Gtk.Label(label=text))
    win.add(box)
    win.connect("destroy", Gtk.main_quit)
    win.connect("map-event", lambda *_: _say(f"ready {title}"))
    return win, box


def _say(line: str) -> bool:
    print(line, flush=True)
    return False


def _source(x: int, y: int, paths: list[str]) -> None:
    from gi.repository import Gdk, GLib, Gtk

    uris = [GLib.filename_to_uri(p, None) for p in paths]
    win, box = _window(SOURCE_TITLE, x, y, f"drag me\n{len(uris)} item(s)")
    box.drag_source_set(
        Gdk.ModifierType.BUTTON1_MASK, [Gtk.TargetEntry.new("text/uri-list", 0, 0)], Gdk.DragAction.COPY
    )
    box.connect("drag-begin", lambda *_: _say("drag-begin"))
    box.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
    box.connect("drag-failed", lambda _w, _ctx, result: _say(f"drag-failed {int(result)}"))
    box.connect("drag-end", lambda *_: _say("drag-end"))
    win.show_all()
    Gtk.main()


def _target(x: int, y: int) -> None:
    from gi.repository import Gdk, Gtk

    win, box = _window(TARGET_TITLE, x, y, "drop here")
    box.drag_dest_set(Gtk.DestDefaults.ALL, [Gtk.TargetEntry.new("text/uri-list", 0, 0)], Gdk.DragAction.COPY)
    box.connect(
        "drag-data-received",
        lambda _w, _ctx, _x, _y, data, _info, _time: _say("dropped " + json.dumps(data.get_uris())),
    )
    win.show_all()
    Gtk.main()


if __name__ == "__main__":
    import gi

    gi.require_version("Gtk", "3.0")
    gi.require_version("Gdk", "3.0")
    mode, x, y, *rest = sys.argv[1:]
    (_source if mode == "source" else _target)(int(x), int(y), *([rest] if mode == "source" else []))
