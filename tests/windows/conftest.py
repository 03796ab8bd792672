"""Fixtures of the Windows install test: the installer under test, a private X server and a throw-away Wine prefix
on it, and the artifacts folder for screenshots (artifacts/windows/ at the project root).

The installer is the one `bash scripts/build-windows.sh` prints last, or GONGBANG_INSTALLER; the newer one for the
upgrade step is built by makensis from that script's kept payload (see test_install.py).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))  # paths, xsession, suite_common: shared with e2e
sys.path.insert(0, str(Path(__file__).parent))

from paths import ROOT, TARGET
from suite_common import photos, pytest_runtest_makereport, pytest_runtest_setup, start_suite  # noqa: F401
from wine import Wine
from xsession import Xvfb

ARTIFACTS = ROOT / "artifacts" / "windows"
VERSION = json.loads((ROOT / "tauri.conf.json").read_text(encoding="utf-8"))["version"]


def pytest_configure(config):
    start_suite(config, ARTIFACTS)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    return ARTIFACTS


@pytest.fixture(scope="session")
def version() -> str:
    return VERSION


@pytest.fixture(scope="session")
def installer() -> Path:
    default = TARGET / "x86_64-pc-windows-gnu" / "release" / "bundle" / "nsis" / f"GongbangPost_{VERSION}_x64-setup.exe"
    path = Path(os.environ.get("GONGBANG_INSTALLER") or default)
    if not path.is_file():
        pytest.fail(f"{path} is missing: build it with `bash scripts/build-windows.sh` (or set GONGBANG_INSTALLER)")
    return path


@pytest.fixture(scope="session")
def xserver(artifacts: Path):
    x = Xvfb(artifacts)
    yield x
    x.stop()


@pytest.fixture(scope="module")
def wine(tmp_path_factory, xserver: Xvfb):
    """A fresh prefix per test module: one owner's PC, from before the install to after the uninstall."""
    w = Wine(tmp_path_factory.mktemp("wine"), xserver)
    yield w
    w.kill()
