"""A throw-away Wine prefix (made by scripts/wine-prefix.sh) on a private X server, and the few Windows tools the
install test uses in it: running programs, Windows <-> Linux paths, the registry, waiting for the prefix's
processes.

Wine 8 on Debian lacks WebView2 and bcryptprimitives.dll; the prefix script adds only a test shim for the latter,
so whatever else the installed app needs must come with the installer.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from paths import ROOT
from xsession import Xvfb

UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall"


class WineError(RuntimeError):
    pass


class Wine:
    def __init__(self, base: Path, xserver: Xvfb):
        self.base = base
        made = subprocess.run(
            ["bash", str(ROOT / "scripts" / "wine-prefix.sh"), str(base)], capture_output=True, text=True, timeout=300
        )
        if made.returncode != 0:
            raise WineError(f"scripts/wine-prefix.sh failed ({made.returncode}): {made.stderr.strip()}")
        self.home = base / "home"
        self.prefix = base / "prefix"
        self.env = xserver.env(
            HOME=str(self.home), WINEPREFIX=str(self.prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml="
        )
        self.env.pop("GONGBANG_LIBRARY", None)  # Wine passes the Unix environment on; the owner has none of it
        self.env.pop("GONGBANG_EXPORT_DIR", None)
        self.drive_c = self.prefix / "drive_c"
        self.link_korean_font()

    def link_korean_font(self) -> None:
        """Wine's own fonts have no Hangul, so its dialogs would show boxes where Windows (Malgun Gothic) shows
        Korean. For readable screenshots, Debian's Nanum Gothic (fonts-nanum) is linked behind the dialog fonts,
        as Windows links its Korean font; the app itself is not changed by this."""
        if not Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf").is_file():
            return
        key = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontLink\SystemLink"
        for font in ("Tahoma", "Microsoft Sans Serif", "MS Shell Dlg", "MS Shell Dlg 2", "Segoe UI"):
            self.run("reg", "add", key, "/v", font, "/t", "REG_MULTI_SZ", "/d", "NanumGothic.ttf,NanumGothic", "/f")

    # --- processes ---------------------------------------------------------------------------------------
    def run(
        self, *args: str, timeout: float = 180, check: bool = True, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess:
        """`wine ARGS…` to its end; stdout and stderr as text (UTF-8, as Rust programs write to a pipe)."""
        out = subprocess.run(["wine", *args], env={**self.env, **(env or {})}, capture_output=True, timeout=timeout)
        result = subprocess.CompletedProcess(
            out.args, out.returncode, out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace")
        )
        if check and result.returncode != 0:
            raise WineError(
                f"wine {' '.join(args)} exited with {result.returncode}:\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def popen(self, *args: str, log: Path) -> subprocess.Popen:
        with open(log, "wb") as f:
            return subprocess.Popen(["wine", *args], env=self.env, stdout=f, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 180) -> None:
        """Until every process of the prefix has ended (an NSIS uninstaller re-starts itself from %TEMP%)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=True, timeout=timeout)

    def kill(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, capture_output=True, timeout=60)

    # --- paths -------------------------------------------------------------------------------------------
    def windows_path(self, path: Path) -> str:
        return subprocess.run(
            ["winepath", "-w", str(path)], env=self.env, capture_output=True, text=True, check=True, timeout=60
        ).stdout.strip()

    def unix_path(self, path: str) -> Path:
        return Path(
            subprocess.run(
                ["winepath", "-u", path], env=self.env, capture_output=True, text=True, check=True, timeout=60
            ).stdout.strip()
        )

    def folder(self, variable: str) -> Path:
        """A Windows environment variable naming a folder (LOCALAPPDATA, APPDATA, USERPROFILE), as a Linux path."""
        value = self.run("cmd", "/c", f"echo %{variable}%").stdout.strip()
        if not value or "%" in value:
            raise WineError(f"%{variable}% is not set in the prefix")
        return self.unix_path(value)

    # --- registry ----------------------------------------------------------------------------------------
    def reg_exists(self, key: str) -> bool:
        return self.run("reg", "query", key, check=False).returncode == 0

    def reg_subkeys(self, key: str) -> list[str]:
        """The names of the key's direct subkeys (ASCII names: reg's console output is not Unicode-safe)."""
        out = self.run("reg", "query", key, check=False)
        prefix = key.replace("HKCU", "HKEY_CURRENT_USER").lower() + "\\"
        return [
            line.strip()[len(prefix) :] for line in out.stdout.splitlines() if line.strip().lower().startswith(prefix)
        ]

    def reg_values(self, key: str) -> dict[str, str]:
        """The key's string values, exported by `reg export` (a UTF-16 .reg file, so Korean values survive)."""
        exported = self.base / "reg-export.reg"
        exported.unlink(missing_ok=True)
        self.run("reg", "export", key, self.windows_path(exported), "/y")
        values: dict[str, str] = {}
        for line in exported.read_bytes().decode("utf-16").splitlines():
            name, sep, value = line.partition("=")
            if not sep or not (name.startswith('"') and value.startswith('"')):
                continue
            values[name[1:-1]] = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        return values
