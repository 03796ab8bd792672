"""A private X server (Xvfb) for the end-to-end tests, and the few X tools they use on it.

Xvfb picks a free display number itself (-displayfd). There is no window manager: windows sit where they ask
to be (the app at 0,0), and xdotool moves the one pointer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SCREEN = (1600, 1000)


@dataclass
class Geometry:
    x: int
    y: int
    width: int
    height: int

    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


class Xvfb:
    def __init__(self, log_dir: Path):
        if not shutil.which("Xvfb"):
            raise RuntimeError("Xvfb is missing: run scripts/setup.sh --test")
        read_fd, write_fd = os.pipe()
        self.log = open(log_dir / "xvfb.log", "wb")  # noqa: SIM115 -- Xvfb's log, open while it runs (closed in stop)
        self.proc = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{SCREEN[0]}x{SCREEN[1]}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_fd,),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        os.close(write_fd)
        number = b""
        deadline = time.monotonic() + 20
        with os.fdopen(read_fd, "rb") as pipe:
            while not number.endswith(b"\n") and time.monotonic() < deadline:
                chunk = pipe.read(1)
                if not chunk:
                    break
                number += chunk
        if not number.strip():
            self.proc.kill()
            raise RuntimeError(f"Xvfb did not start; see {log_dir / 'xvfb.log'}")
        self.display = f":{number.decode().strip()}"

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env.update(DISPLAY=self.display, GDK_BACKEND="x11", NO_AT_BRIDGE="1", **extra)
        return env

    def run(self, *args: str, check: bool = True, timeout: float = 30) -> str:
        out = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=timeout)
        if check and out.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({out.returncode}): {out.stderr.strip()}")
        return out.stdout

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()

    # --- windows -------------------------------------------------------------------------------------
    def windows_named(self, pattern: str) -> list[str]:
        """Visible windows whose title matches the regular expression, as X window ids."""
        out = self.run("xdotool", "search", "--onlyvisible", "--name", pattern, check=False)
        return out.split()

    def wait_window(self, pattern: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.windows_named(pattern)
            if found:
                return found[-1]
            time.sleep(0.2)
        raise TimeoutError(f"no visible window titled /{pattern}/ after {timeout:.0f} s")

    def geometry(self, window: str) -> Geometry:
        values = {}
        for line in self.run("xdotool", "getwindowgeometry", "--shell", window).splitlines():
            key, _, value = line.partition("=")
            values[key] = int(value)
        return Geometry(values["X"], values["Y"], values["WIDTH"], values["HEIGHT"])

    def window_name(self, window: str) -> str:
        return self.run("xdotool", "getwindowname", window).strip()

    def is_viewable(self, window: str) -> bool:
        return "IsViewable" in self.run("xwininfo", "-id", window)

    def screenshot(self, path: Path) -> Path:
        """The whole X screen (every window, as a person would see it) as PNG."""
        self.run("import", "-window", "root", str(path))
        return path

    # --- pointer and keyboard --------------------------------------------------------------------------
    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 40) -> None:
        """Press at start, move in small steps to end (as a hand would), release.

        GTK starts a drag only after the pointer moved past its threshold with the button held, and a drop
        target needs motion events over it before the release; both need the steps and the pauses.
        """
        sx, sy = start
        ex, ey = end
        self.run("xdotool", "mousemove", "--sync", str(sx), str(sy))
        time.sleep(0.2)
        self.run("xdotool", "mousedown", "1")
        time.sleep(0.15)
        for i in range(1, 6):
            self.run("xdotool", "mousemove", str(sx - 3 * i), str(sy + 2 * i))
            time.sleep(0.04)
        for i in range(1, steps + 1):
            x = round(sx + (ex - sx) * i / steps)
            y = round(sy + (ey - sy) * i / steps)
            self.run("xdotool", "mousemove", str(x), str(y))
            time.sleep(0.03)
        for dx, dy in ((4, 0), (0, 4), (-4, 0), (0, 0)):
            self.run("xdotool", "mousemove", str(ex + dx), str(ey + dy))
            time.sleep(0.08)
        time.sleep(0.4)
        self.run("xdotool", "mouseup", "1")

    def focus(self, window: str) -> None:
        self.run("xdotool", "windowfocus", "--sync", window)

    def key(self, *keys: str) -> None:
        self.run("xdotool", "key", "--clearmodifiers", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "20", text)
