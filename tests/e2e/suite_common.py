"""What both suites that drive the real app share (tests/e2e here, tests/windows under Wine): steps that build on
each other, a fresh screenshots folder, and the test photos. Each conftest imports these names, which is how
pytest finds hooks and fixtures defined elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paths import PHOTOS


def start_suite(config, artifacts: Path) -> None:
    """For a conftest's pytest_configure: declares the incremental marker and empties the screenshots folder."""
    config.addinivalue_line("markers", "incremental: later tests in the module skip once one has failed")
    shutil.rmtree(artifacts, ignore_errors=True)
    artifacts.mkdir(parents=True)


# Steps of one walk (through the wizard, or one install) build on each other: after the first failure the rest are
# skipped (the failure is the finding; the skips say which steps did not run).
def pytest_runtest_makereport(item, call):
    if "incremental" in item.keywords and call.excinfo is not None and call.when == "call":
        item.parent._previous_failed = item


def pytest_runtest_setup(item):
    if "incremental" in item.keywords:
        previous = getattr(item.parent, "_previous_failed", None)
        if previous is not None:
            pytest.skip(f"an earlier step failed: {previous.name}")


@pytest.fixture(scope="session")
def photos() -> Path:
    if not PHOTOS.is_dir():
        pytest.fail(f"test photos not found at {PHOTOS} (../shared/testdata/photos beside the project)")
    return PHOTOS
