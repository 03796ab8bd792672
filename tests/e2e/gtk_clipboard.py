"""Reads the X clipboard as another program would paste it: a GTK 3 client (Debian's python3-gi).

    python3 gtk_clipboard.py     prints {"targets": [...], "text": "..."} for CLIPBOARD as JSON on stdout

The parent side, read_clipboard, runs the script as a subprocess on the test's X display so that GTK never loads
into the pytest process (as gtk_dnd.py does).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GTK_PYTHON = "/usr/bin/python3"  # Debian's Python, where python3-gi lives


def read_clipboard(env: dict[str, str], timeout: float = 20) -> dict:
    """The clipboard's offered types and its text, as a paste would get them."""
    out = subprocess.run(
        [GTK_PYTHON, str(Path(__file__).resolve())],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return json.loads(out.stdout)


def _main() -> None:
    import gi

    gi.require_version("Gtk", "3.0")
    gi.require_version("Gdk", "3.0")
    from gi.repository import Gdk, Gtk

    board = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
    ok, atoms = board.wait_for_targets()
    targets = sorted(a.name() for a in atoms) if ok else []
    json.dump({"targets": targets, "text": board.wait_for_text()}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    _main()
