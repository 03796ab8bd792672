"""Where the end-to-end tests find the build, the test photos and the artifacts folder, and which OS they run on
(Linux under Xvfb here; Windows on the release workflow's hosted runner)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or Path.home() / ".cache/gongbang-post/target")
PHOTOS = Path(os.environ.get("GONGBANG_TESTDATA") or ROOT.parent / "shared/testdata") / "photos"
ARTIFACTS = ROOT / "artifacts" / "e2e"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""  # the suffix of the app's and the CLI's file names
