"""Where the end-to-end tests find the build, the test photos and the artifacts folder."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or Path.home() / ".cache/gongbang-post/target")
PHOTOS = Path(os.environ.get("GONGBANG_TESTDATA") or ROOT.parent / "shared/testdata") / "photos"
ARTIFACTS = ROOT / "artifacts" / "e2e"
