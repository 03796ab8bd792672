"""The Windows installer as an owner meets it, under Wine in a throw-away prefix on a private X server: installed
silently for the current user, its shortcuts and its entry in Windows' installed apps, the installed CLI exporting
real photos (with Korean file names) into a Naver Blog package that is checked as on Linux, the installed app
started until its window or its Korean WebView2 message shows (Wine has no WebView2), a newer version installed
over it, and the silent uninstall, which must keep the owner's library.

Screenshots land in artifacts/windows/. The steps build on each other (marked incremental).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from checks import (
    ALLOWED_GROUPS,
    ALLOWED_MARKERS,
    difference,
    exif_groups,
    jpeg_markers,
    photo_markers_in_text,
    upright_fingerprint,
)
from wine import UNINSTALL_KEY, Wine

pytestmark = pytest.mark.incremental

APP = "공방포스트"
APP_ID = "kr.gongbang.post"
ENTRY = UNINSTALL_KEY + "\\" + APP_ID
PROGRAM_FILES = {"gongbang-post.exe", "gongbang.exe", "WebView2Loader.dll", "uninstall.exe"}
TITLE = "문래동 CNC 선반 SUS304 샤프트 가공"
# The owner's photos, saved under Korean names (as a phone or Explorer names them), from the real test photos:
# EXIF orientations 5, 3 and 6, and one with GPS coordinates.
OWNER_PHOTOS = {
    "샤프트 완성 (세로).jpg": "orientation/Portrait_5.jpg",
    "가공 중.jpg": "orientation/Landscape_3.jpg",
    "측정 사진.jpg": "orientation/Landscape_6.jpg",
    "현장 위치.jpg": "gps/DSCN0010.jpg",
}


class PC:
    """One owner's PC: the prefix, the installer, and what earlier steps found."""

    def __init__(self, wine: Wine, installer: Path, version: str, photos: Path, artifacts: Path, xserver):
        self.wine, self.installer, self.version = wine, installer, version
        self.photos, self.artifacts, self.x = photos, artifacts, xserver
        local = wine.folder("LOCALAPPDATA")
        self.program = local / "Programs" / "GongbangPost"
        self.library = local / APP_ID
        self.desktop_lnk = wine.folder("USERPROFILE") / "Desktop" / f"{APP}.lnk"
        self.menu_lnk = wine.folder("APPDATA") / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{APP}.lnk"
        self.sources: list[Path] = []  # the owner's photo files, in the order given to the export
        self.stored: list[str] = []  # the library's store after the export (relative paths)

    def install(self, installer: Path) -> None:
        run = self.wine.run(str(installer), "/S", timeout=300, check=False)
        self.wine.wait()
        assert run.returncode == 0, f"{installer.name} /S exited with {run.returncode}: {run.stderr[-2000:]}"

    def cli(self, *args: str, timeout: float = 300) -> str:
        run = self.wine.run(str(self.program / "gongbang.exe"), *args, timeout=timeout, check=False)
        assert run.returncode == 0, (
            f"gongbang {' '.join(args[:2])} exited with {run.returncode}:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
        )
        return run.stdout

    def store(self) -> list[str]:
        return sorted(str(p.relative_to(self.library)) for p in (self.library / "originals").rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def pc(wine, installer, version, photos, artifacts, xserver):
    return PC(wine, installer, version, photos, artifacts, xserver)


def lnk_target(path: Path) -> str:
    """The text of a Windows shortcut (.lnk), ANSI and UTF-16 strings alike, lower-cased, for finding its
    target; asserts the Shell Link header (size 0x4C and the ShellLink CLSID)."""
    data = path.read_bytes()
    assert data[:4] == b"\x4c\x00\x00\x00" and data[4:20] == bytes.fromhex("0114020000000000c000000000000046"), (
        f"{path.name} is not a Windows shortcut"
    )
    return (data.decode("latin-1") + data.decode("utf-16-le", "replace")).lower()


RT_GROUP_ICON = 14


def resource_types(exe: Path) -> set[int]:
    """The resource types (RT_ICON 3, RT_GROUP_ICON 14, RT_VERSION 16, …) at the top of the .exe's resource
    directory, as objdump lists them (the type table's entries are the least indented)."""
    out = subprocess.run(
        ["x86_64-w64-mingw32-objdump", "-x", str(exe)], capture_output=True, text=True, check=True
    ).stdout
    _, _, rsrc = out.partition("The .rsrc Resource Directory section:")
    return {int(m, 16) for m in re.findall(r"^[0-9a-f]{3}   Entry: ID: 0x([0-9a-f]+)", rsrc, re.M)}


def imported_dlls(exe: Path) -> list[str]:
    out = subprocess.run(
        ["x86_64-w64-mingw32-objdump", "-p", str(exe)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"^\s*DLL Name: (\S+)", out, re.M)


def test_the_installer_installs_silently_for_the_current_user(pc: PC):
    assert not pc.program.exists()
    pc.install(pc.installer)
    assert pc.program.is_dir(), f"nothing installed in %LOCALAPPDATA%\\Programs\\GongbangPost ({pc.program})"
    installed = {p.name for p in pc.program.iterdir()}
    assert installed >= PROGRAM_FILES, f"missing: {sorted(PROGRAM_FILES - installed)} (installed: {sorted(installed)})"
    machine_wide = [p for p in (pc.wine.drive_c / "Program Files").glob("*") if "ongbang" in p.name]
    assert not machine_wide, f"a per-user install writes nothing under Program Files: {machine_wide}"
    # Every DLL the programs load is shipped beside them or is part of Windows: in Wine's system32 (which holds
    # no mingw runtime) or an API set (api-ms-win-…, resolved by the loader, not a file).
    present = {p.name.lower() for p in (pc.wine.drive_c / "windows" / "system32").iterdir()}
    present |= {name.lower() for name in installed}
    for exe in ("gongbang-post.exe", "gongbang.exe"):
        missing = [
            d
            for d in imported_dlls(pc.program / exe)
            if d.lower() not in present and not d.lower().startswith(("api-ms-win-", "ext-ms-win-"))
        ]
        assert not missing, f"{exe} loads DLLs that are neither shipped nor Windows': {missing}"


def test_the_programs_carry_the_version_and_the_app_its_icon(pc: PC):
    for exe in ("gongbang-post.exe", "gongbang.exe"):
        data = (pc.program / exe).read_bytes()
        text = data.decode("utf-16-le", "replace") + data[1:].decode("utf-16-le", "replace")
        found = re.search(r"ProductVersion\x00+" + re.escape(pc.version), text) is not None
        assert found, f"{exe} has no version resource with ProductVersion {pc.version}"
    types = resource_types(pc.program / "gongbang-post.exe")
    assert RT_GROUP_ICON in types, f"gongbang-post.exe has no icon (resource types {sorted(types)})"


def test_a_desktop_shortcut_and_a_start_menu_entry_start_the_app(pc: PC):
    for lnk in (pc.desktop_lnk, pc.menu_lnk):
        assert lnk.is_file(), (
            f"no shortcut {lnk}; .lnk files in the prefix: {[str(p) for p in pc.wine.drive_c.rglob('*.lnk')]}"
        )
        text = lnk_target(lnk)
        assert "programs\\gongbangpost\\gongbang-post.exe" in text, f"{lnk.name} does not start the installed app"
    # Wine's winemenubuilder turns the shortcuts into Linux menu entries; listed for the record.
    entries = sorted(str(p.relative_to(pc.wine.home)) for p in pc.wine.home.rglob("*.desktop"))
    (pc.artifacts / "wine-menu-entries.txt").write_text("\n".join(entries) + "\n", encoding="utf-8")


def test_the_app_is_in_the_installed_apps_with_its_version_and_uninstall(pc: PC):
    assert pc.wine.reg_exists(ENTRY), f"no uninstall entry {ENTRY}"
    values = pc.wine.reg_values(ENTRY)
    assert values.get("DisplayVersion") == pc.version, values
    assert APP in values.get("DisplayName", ""), values
    assert "gongbang-post.exe" in values.get("DisplayIcon", "").lower(), "the entry shows the app's icon"
    for name in ("UninstallString", "QuietUninstallString"):
        command = values.get(name, "")
        m = re.fullmatch(r'"([^"]+)"(.*)', command)
        assert m, f"{name} is not a quoted program path: {command!r}"
        assert pc.wine.unix_path(m[1]) == pc.program / "uninstall.exe", f"{name}: {command!r}"
    assert values["QuietUninstallString"].split()[-1] == "/S", values["QuietUninstallString"]


def test_the_installed_cli_exports_real_photos_as_a_naver_package(pc: PC):
    folder = pc.wine.folder("USERPROFILE") / "Pictures" / "작업 사진"
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in OWNER_PHOTOS.items():
        shutil.copyfile(pc.photos / source, folder / name)
        pc.sources.append(folder / name)
    out = pc.wine.folder("USERPROFILE") / "Documents" / "블로그 내보내기"

    pc.cli("shop", "set", "--name", "문래정밀", "--phone", "02-2631-0000", "--region", "문래동")
    printed = pc.cli(
        "export",
        "--platform",
        "naver",
        "--out",
        pc.wine.windows_path(out),
        "--title",
        TITLE,
        "--own",
        *[pc.wine.windows_path(p) for p in pc.sources],
    )
    assert (pc.library / "library.sqlite3").is_file(), f"the library is not in %LOCALAPPDATA%\\{APP_ID}"

    entries = list(out.iterdir())
    assert len(entries) == 1 and entries[0].is_dir(), f"one finished folder, no leftovers: {entries}"
    package = entries[0]
    assert pc.wine.unix_path(printed.strip().splitlines()[-1]) == package, f"the CLI prints the folder last: {printed}"

    n = len(pc.sources)
    assert sorted(p.name for p in (package / "photos").iterdir()) == [f"{i:02}.jpg" for i in range(1, n + 1)]
    assert (package / "제목.txt").read_text(encoding="utf-8").strip() == TITLE
    body = (package / "본문.txt").read_text(encoding="utf-8")
    assert photo_markers_in_text(body) == list(range(1, n + 1)), "[사진 N] markers, each photo once, in order"

    exported = sorted((package / "photos").iterdir())
    for out_photo, source in zip(exported, pc.sources, strict=True):
        (sw, sh), want = upright_fingerprint(source)
        (ow, oh), got = upright_fingerprint(out_photo)
        assert abs(ow / oh - sw / sh) < 0.02, f"{out_photo.name}: {ow}x{oh} is not upright like {source.name} {sw}x{sh}"
        assert difference(got, want) < 12, f"{out_photo.name} does not show {source.name} upright"
        data = out_photo.read_bytes()
        assert data.endswith(b"\xff\xd9"), f"{out_photo.name}: bytes after the end-of-image marker"
        assert set(jpeg_markers(data)) <= ALLOWED_MARKERS, f"{out_photo.name}: metadata segments"
    for name, tags in exif_groups(exported).items():
        groups = {t.split(":")[0] for t in tags}
        assert groups <= ALLOWED_GROUPS, f"{name} keeps metadata: {sorted(groups - ALLOWED_GROUPS)}"
        assert not {"File:Comment", "File:ExifByteOrder", "ExifTool:Warning"} & tags, f"{name}: {tags}"

    pc.stored = pc.store()
    assert len(pc.stored) == n, f"the library stores each photo once: {pc.stored}"


def test_the_installed_app_starts_with_its_window_or_the_korean_webview2_message(pc: PC):
    log = pc.artifacts / "app-under-wine.log"
    app = pc.wine.popen(str(pc.program / "gongbang-post.exe"), log=log)
    try:
        try:
            window = pc.x.wait_window(APP, 90)
        except TimeoutError:
            ended = f"exited with {app.poll()}" if app.poll() is not None else "still running"
            pytest.fail(
                f"no window titled {APP} after 90 s; the app {ended}; its output: "
                f"{log.read_text(errors='replace')[-2000:]!r}"
            )
        time.sleep(2)  # let Wine draw the text
        name = pc.x.window_name(window)
        g = pc.x.geometry(window)
        shot = pc.x.screenshot(pc.artifacts / "app-started.png")
        crop = pc.artifacts / "app-window.png"
        subprocess.run(
            ["convert", str(shot), "-crop", f"{g.width}x{g.height}+{g.x}+{g.y}", "+repage", str(crop)], check=True
        )
        spread = float(
            subprocess.run(
                ["convert", str(crop), "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    finally:
        pc.wine.kill()
        app.wait(30)
    assert APP in name, f"window title {name!r}"
    assert g.width >= 200 and g.height >= 80, f"the window is {g.width}x{g.height}"
    assert spread > 0.05, "the window is blank (see artifacts/windows/app-window.png)"


def test_a_newer_version_installs_over_the_old_one(pc: PC, tmp_path: Path):
    stage = pc.installer.parent / "stage"
    assert (stage / "installer.nsi").is_file(), f"build-windows.sh keeps its staging folder: {stage}"
    major, minor, patch = (int(v) for v in pc.version.split("."))
    newer = f"{major}.{minor}.{patch + 1}"
    installer = tmp_path / f"GongbangPost_{newer}_x64-setup.exe"
    # zlib instead of the release's solid LZMA: a minute less, and the same installer otherwise.
    subprocess.run(
        [
            "makensis",
            "-V2",
            "-INPUTCHARSET",
            "UTF8",
            f"-DVERSION={newer}",
            f"-DOUTFILE={installer}",
            "-XSetCompressor /FINAL zlib",
            str(stage / "installer.nsi"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )

    pc.install(installer)
    ours = [
        k
        for k in pc.wine.reg_subkeys(UNINSTALL_KEY)
        if APP in pc.wine.reg_values(f"{UNINSTALL_KEY}\\{k}").get("DisplayName", "")
    ]
    assert ours == [APP_ID], f"one entry in the installed apps: {ours}"
    assert pc.wine.reg_values(ENTRY).get("DisplayVersion") == newer
    assert {p.name for p in pc.program.iterdir()} >= PROGRAM_FILES
    assert pc.desktop_lnk.is_file() and pc.menu_lnk.is_file(), "the shortcuts are there after the upgrade"
    jobs = pc.cli("job", "list")
    assert TITLE in jobs, f"the upgraded CLI works on the same library: {jobs}"


def test_the_silent_uninstall_removes_the_program_and_keeps_the_library(pc: PC):
    quiet = pc.wine.reg_values(ENTRY)["QuietUninstallString"]
    m = re.fullmatch(r'"([^"]+)"\s*(.*)', quiet)
    assert m, quiet
    run = pc.wine.run(m[1], *m[2].split(), check=False)
    pc.wine.wait()  # the NSIS uninstaller goes on from a copy of itself in %TEMP%
    assert run.returncode == 0, f"{quiet} exited with {run.returncode}"

    assert not pc.program.exists(), f"left behind: {sorted(p.name for p in pc.program.iterdir())}"
    assert not pc.desktop_lnk.exists() and not pc.menu_lnk.exists(), "the shortcuts are removed"
    assert not pc.wine.reg_exists(ENTRY), "the entry is gone from the installed apps"
    assert (pc.library / "library.sqlite3").is_file(), "the library's database is kept"
    assert pc.store() == pc.stored, "the library's photos are kept"
