"""The .deb the Tauri bundler built: its contents, its desktop entry and icons, then `dpkg -i` and the installed
binary started the way the application menu starts it, showing its window under Xvfb."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from paths import ROOT, TARGET
from webdriver import wait_until

VERSION = json.loads((ROOT / "tauri.conf.json").read_text())["version"]


def sh(*args: str, **kw) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def as_root(*args: str) -> list[str]:
    return list(args) if os.geteuid() == 0 else ["sudo", "-n", *args]


@pytest.fixture(scope="module")
def deb() -> Path:
    debs = sorted((TARGET / "debug" / "bundle" / "deb").glob(f"*_{VERSION}_*.deb"))
    assert len(debs) == 1, f"one .deb of version {VERSION} under {TARGET}/debug/bundle/deb: {debs}"
    return debs[0]


@pytest.fixture(scope="module")
def package(deb: Path) -> str:
    return sh("dpkg-deb", "--field", str(deb), "Package").strip()


def desktop_entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive, Name[ko] included
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_deb_holds_the_binary_a_desktop_entry_and_icons(deb: Path, package: str, tmp_path: Path):
    listing = sh("dpkg-deb", "--contents", str(deb)).splitlines()
    files = {"/" + line.split(maxsplit=5)[-1].removeprefix("./").rstrip("/") for line in listing}
    assert "/usr/bin/gongbang-post" in files
    desktop = [f for f in files if f.startswith("/usr/share/applications/") and f.endswith(".desktop")]
    assert len(desktop) == 1, desktop
    icons = {f for f in files if f.startswith("/usr/share/icons/hicolor/") and f.endswith("/apps/gongbang-post.png")}
    sizes = {f.split("/")[5] for f in icons}
    assert {"32x32", "128x128"} <= sizes and len(sizes) >= 3, sizes

    sh("dpkg-deb", "--extract", str(deb), str(tmp_path))
    entry_path = tmp_path / desktop[0].lstrip("/")
    text = entry_path.read_text(encoding="utf-8")
    assert "{{" not in text, "every template variable was filled in"
    e = desktop_entry(text)
    assert e["Type"] == "Application"
    assert e["Name"] == "Gongbang Post" and e["Name[ko]"] == "공방포스트"
    assert e["Comment"] and e["Comment[ko]"]
    assert e["Exec"].split()[0] == "gongbang-post" and e["Icon"] == "gongbang-post"
    assert e["Categories"].strip(";"), "a menu category"
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True, text=True)
        assert out.returncode == 0 and "error" not in out.stdout, out.stdout
    binary = tmp_path / "usr/bin/gongbang-post"
    assert os.access(binary, os.X_OK)
    for icon in icons:
        assert sh("file", "--brief", str(tmp_path / icon.lstrip("/"))).startswith("PNG image data")


@pytest.fixture(scope="module")
def installed(deb: Path, package: str):
    if os.geteuid() != 0 and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("dpkg -i needs root (CI runs as root)")
    subprocess.run(as_root("dpkg", "-i", str(deb)), check=True, capture_output=True, text=True)
    yield package
    subprocess.run(as_root("dpkg", "--remove", package), capture_output=True)


def test_installed_app_is_in_the_menu_and_starts_with_its_window(installed: str, xserver, app_env, artifacts, driver):
    listed = sh("dpkg", "--listfiles", installed).splitlines()
    desktop = [f for f in listed if f.startswith("/usr/share/applications/") and f.endswith(".desktop")]
    assert len(desktop) == 1
    entry = desktop_entry(Path(desktop[0]).read_text(encoding="utf-8"))
    icon_files = [
        f
        for f in listed
        if f.startswith("/usr/share/icons/hicolor/") and Path(f).stem == entry["Icon"] and Path(f).is_file()
    ]
    assert icon_files, "the menu finds the entry's icon in the hicolor theme"

    # Start it as a launcher does: the entry's Exec, looked up on PATH.
    command = entry["Exec"].split()
    assert shutil.which(command[0]) == "/usr/bin/gongbang-post"
    with open(artifacts / "deb-app.log", "wb") as log:
        app = subprocess.Popen(command, env=app_env, stdout=log, stderr=subprocess.STDOUT)
        try:
            window = xserver.wait_window("Gongbang Post", 60)
            assert xserver.is_viewable(window)
            g = xserver.geometry(window)
            assert g.width >= 900 and g.height >= 640, g
            wm_class = xserver.run("xprop", "-id", window, "WM_CLASS")
            assert f'"{entry["StartupWMClass"]}"' in wm_class, (
                f"StartupWMClass={entry['StartupWMClass']} does not match the window's {wm_class.strip()}"
            )

            def drawn() -> bool:
                # The webview has painted: the window area is far from one flat colour.
                shot = xserver.screenshot(artifacts / "31-deb-started.png")
                out = sh(
                    "convert",
                    str(shot),
                    "-crop",
                    f"{g.width}x{g.height}+{g.x}+{g.y}",
                    "-colorspace",
                    "Gray",
                    "-format",
                    "%[fx:standard_deviation]",
                    "info:",
                )
                return float(out) > 0.05

            wait_until(drawn, 60, interval=1, what="the window's content to be drawn")
            assert app.poll() is None, "the app is still running"
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()

    # The same installed binary through WebDriver: its embedded UI is there, with its fonts.
    session = driver.session(Path(shutil.which(command[0])))
    try:
        wait_until(lambda: session.step() == "photos" and session.testids("dropzone"), 30, what="the UI")
        assert "공방포스트" in session.execute("return document.body.textContent;")
        session.screenshot(artifacts / "32-deb-installed-ui.png")
    finally:
        session.close()
