"""Fixtures of the end-to-end tests: a private X server, tauri-driver, the app build, temporary library and
export folders, and the artifacts folder for screenshots (artifacts/e2e/ at the project root).

The app is the debug build that `scripts/test-all.sh` makes with `npx tauri build --debug --bundles deb`:
$CARGO_TARGET_DIR/debug/gongbang-post and its .deb under $CARGO_TARGET_DIR/debug/bundle/deb/.

On Windows (the release workflow's hosted runner) the same tests drive $CARGO_TARGET_DIR/debug/gongbang-post.exe
through tauri-driver and msedgedriver, without an X server. What needs Linux is skipped there with its reason
(WINDOWS_SKIPS below and the xserver fixture): X drag-and-drop and windows (xdotool), the .deb, and ImageMagick or
exiftool when they are not installed. Everything else runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from paths import ARTIFACTS, EXE, TARGET, WINDOWS
from suite_common import photos, pytest_runtest_makereport, pytest_runtest_setup, start_suite  # noqa: F401
from webdriver import TauriDriver
from xsession import Xvfb


def pytest_configure(config):
    start_suite(config, ARTIFACTS)


# The harness's self-test first (it tells a broken X setup from a broken app), then the walk, the leak guard in
# the window, then the .deb.
MODULE_ORDER = ["test_harness", "test_wizard", "test_leak_guard", "test_deb"]


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(MODULE_ORDER)}
    items.sort(key=lambda item: rank.get(item.module.__name__, len(rank)))
    if WINDOWS:
        mark_windows_skips(items)


# --- Windows: what is skipped there, and why ---------------------------------------------------------------
# Tests (module, or module::test) that need a Linux-only part, with the part. The xserver fixture skips every
# test that uses the X server (test_harness, test_wizard) by itself.
WINDOWS_SKIPS = {
    "test_deb": ("the .deb", "the Debian package and dpkg (Windows installers are built by the release workflow)"),
    "test_guard_photos::test_the_export_has_one_photo_fewer_and_not_the_removed_one": ("imagemagick", ""),
    "test_guard_thumbs": ("imagemagick", ""),
    "test_leak_guard::test_hostile_text_shows_as_text_everywhere_and_runs_nothing": ("exiftool", ""),
}


def imagemagick_convert() -> bool:
    """ImageMagick answers to `convert` (the name checks.py runs). On Windows, System32's own convert.exe (a disk
    converter) comes first in the search order, so an installed ImageMagick 7 does not count."""
    try:
        out = subprocess.run(["convert", "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "ImageMagick" in out.stdout


def mark_windows_skips(items) -> None:
    tools = {"imagemagick": imagemagick_convert(), "exiftool": shutil.which("exiftool") is not None}
    why = {
        "imagemagick": "ImageMagick as `convert` (the reference for upright photos and screen colours)",
        "exiftool": "exiftool (writes the hostile photo's metadata)",
    }
    used = set()
    for item in items:
        module = item.module.__name__
        for key in (module, f"{module}::{item.name}"):
            if key not in WINDOWS_SKIPS:
                continue
            used.add(key)
            part, reason = WINDOWS_SKIPS[key]
            if part in tools:
                if tools[part]:
                    continue
                reason = f"{why[part]} is not available here"
            item.add_marker(pytest.mark.skip(reason=f"Linux only on this runner: {reason}"))
    # A renamed test must not silently start to fail (or drop out of this list) on Windows.
    collected = {i.module.__name__ for i in items}
    stale = [k for k in WINDOWS_SKIPS if k not in used and k.split("::")[0] in collected]
    if stale:
        raise pytest.UsageError(f"WINDOWS_SKIPS names tests that do not exist: {stale}")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    return ARTIFACTS


@pytest.fixture(scope="session")
def app_binary() -> Path:
    binary = TARGET / "debug" / f"gongbang-post{EXE}"
    if not binary.is_file():
        how = "npx tauri build --debug --no-bundle" if WINDOWS else "npx tauri build --debug --bundles deb"
        pytest.fail(f"{binary} is missing: build it with `{how}`")
    return binary


@pytest.fixture(scope="session")
def xserver(artifacts: Path):
    if WINDOWS:
        pytest.skip("Linux only: needs an X server (Xvfb) and X tools (xdotool drag-and-drop, window lookups)")
    x = Xvfb(artifacts)
    yield x
    x.stop()


@pytest.fixture(scope="module")
def app_dirs(tmp_path_factory, request) -> dict[str, Path]:
    """A fresh library and export folder for each test module (one 'machine' per module). The shop profile is
    filled in with the CLI first (as on a machine past its first run), unless the module sets FIRST_RUN = True
    to meet the first-run screens itself."""
    base = tmp_path_factory.mktemp("app")
    dirs = {"library": base / "library", "export": base / "export", "home": base / "home"}
    for d in dirs.values():
        d.mkdir()
    if not getattr(request.module, "FIRST_RUN", False):
        cli = TARGET / "debug" / f"gongbang{EXE}"
        if not cli.is_file():
            pytest.fail(f"{cli} is missing: `cargo test` (or `cargo build -p gongbang-cli`) builds it")
        subprocess.run(
            [
                str(cli),
                "--library",
                str(dirs["library"]),
                "shop",
                "set",
                "--name",
                "문래정밀",
                "--phone",
                "02-2631-0000",
                "--region",
                "문래동",
            ],
            check=True,
            capture_output=True,
        )
    return dirs


if WINDOWS:  # no X server: the app gets the runner's desktop session

    @pytest.fixture(scope="module")
    def app_env(app_dirs: dict[str, Path]) -> dict[str, str]:
        """The environment the app runs in: the module's library and export folders, no file manager (Explorer).
        WebView2's own data goes to the runner's %LOCALAPPDATA%\\kr.gongbang.post; the library does not."""
        return dict(
            os.environ,
            GONGBANG_LIBRARY=str(app_dirs["library"]),
            GONGBANG_EXPORT_DIR=str(app_dirs["export"]),
            GONGBANG_NO_OPEN="1",
            RUST_BACKTRACE="1",
        )
else:

    @pytest.fixture(scope="module")
    def app_env(xserver: Xvfb, app_dirs: dict[str, Path]) -> dict[str, str]:
        """The environment the app runs in: the module's library and export folders, no file manager."""
        return xserver.env(
            GONGBANG_LIBRARY=str(app_dirs["library"]),
            GONGBANG_EXPORT_DIR=str(app_dirs["export"]),
            GONGBANG_NO_OPEN="1",
            # The app's own settings and WebKit's caches go to a throwaway home, not the tester's.
            XDG_CONFIG_HOME=str(app_dirs["home"] / "config"),
            XDG_DATA_HOME=str(app_dirs["home"] / "data"),
            XDG_CACHE_HOME=str(app_dirs["home"] / "cache"),
            RUST_BACKTRACE="1",
        )


@pytest.fixture(scope="module")
def driver(app_env: dict[str, str], artifacts: Path, request):
    """tauri-driver, whose sessions start the app with app_env."""
    d = TauriDriver(app_env, artifacts / f"tauri-driver-{request.module.__name__}.log")
    yield d
    d.stop()
