"""A small W3C WebDriver client over plain HTTP (standard library only), and tauri-driver as a process.

tauri-driver listens on a local port, starts WebKitWebDriver (Debian's webkit2gtk-driver) for each session, and
that starts the app binary named in the `tauri:options` capability, with tauri-driver's own environment. On Windows
the native driver is Microsoft's msedgedriver.exe, which drives the app's WebView2 (see native_driver()).
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from paths import WINDOWS

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(RuntimeError):
    pass


class InvokeError(WebDriverError):
    """One of the app's commands failed: `error` is the AppError it rejected with ({code, messageKo, messageEn})."""

    def __init__(self, command: str, error: Any):
        super().__init__(f"invoke {command} failed: {error}")
        self.error = error if isinstance(error, dict) else {"code": None, "message": error}

    @property
    def code(self) -> str | None:
        return self.error.get("code")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _http(method: str, url: str, body: Any = None, timeout: float = 120, retries: int = 3) -> Any:
    """One WebDriver command. tauri-driver sometimes drops a request without an answer when its connection to
    WebKitWebDriver fails ("client error (Connect)" / "(SendRequest)" in its log): the command never reached
    the browser, so it is sent again, up to `retries` more times."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            payload = json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        text = e.read().decode(errors="replace")
        try:
            value = json.loads(text)["value"]
            text = f"{value.get('error')}: {value.get('message')}"
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
        raise WebDriverError(f"{method} {url} -> {e.code} {text}") from None
    except (ConnectionResetError, http.client.RemoteDisconnected):
        if retries <= 0:
            raise
        time.sleep(0.5)
        return _http(method, url, body, timeout, retries - 1)
    return payload.get("value") if isinstance(payload, dict) else payload


def wait_until(check: Callable[[], Any], timeout: float = 20, interval: float = 0.25, what: str = "") -> Any:
    """Calls check until it returns something truthy; returns that. Errors inside check count as not yet."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while True:
        try:
            result = check()
            if result:
                return result
        except (WebDriverError, AssertionError) as e:
            last_error = e
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what or check}{detail}")
        time.sleep(interval)


def native_driver() -> str:
    """The platform's WebDriver server that tauri-driver drives. Linux: WebKitWebDriver. Windows: msedgedriver.exe,
    whose version must match the WebView2 runtime's (a mismatch hangs the session): GONGBANG_MSEDGEDRIVER names it,
    else the folder in EDGEWEBDRIVER (GitHub's Windows runner images keep a driver matching their Edge there), else
    PATH."""
    if not WINDOWS:
        return "/usr/bin/WebKitWebDriver"
    candidates = [os.environ.get("GONGBANG_MSEDGEDRIVER", "")]
    if os.environ.get("EDGEWEBDRIVER"):
        candidates.append(str(Path(os.environ["EDGEWEBDRIVER"]) / "msedgedriver.exe"))
    candidates.append(shutil.which("msedgedriver") or "")
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise RuntimeError("msedgedriver.exe not found: set GONGBANG_MSEDGEDRIVER or EDGEWEBDRIVER, or put it on PATH")


class TauriDriver:
    """tauri-driver on free local ports, with the environment the app will inherit."""

    def __init__(self, env: dict[str, str], log_path: Path):
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        self.port = _free_port()
        native = _free_port()
        self.log = open(self.log_path, "ab")  # noqa: SIM115 -- the driver's log, open while it runs (closed in stop)
        self.proc = subprocess.Popen(
            [
                "tauri-driver",
                "--port",
                str(self.port),
                "--native-port",
                str(native),
                "--native-driver",
                native_driver(),
            ],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        wait_until(self._ready, 30, what="tauri-driver /status")

    def _ready(self) -> bool:
        if self.proc is None or self.proc.poll() is not None:
            raise RuntimeError(f"tauri-driver exited; see {self.log_path}")
        try:
            _http("GET", self.url + "/status", timeout=2)
            return True
        except (OSError, WebDriverError):
            return False

    def stop(self) -> None:
        if WINDOWS and self.proc and self.proc.poll() is None:
            # Windows ends only the process itself: msedgedriver and an app it started would be left running.
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(self.proc.pid)], capture_output=True)
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()

    def session(self, application: Path) -> Session:
        """Starts the app and opens a session on its webview. One retry, restarting tauri-driver: in about
        one run in eight tauri-driver panics while creating the session (seen on this machine)."""
        caps = {"capabilities": {"alwaysMatch": {"tauri:options": {"application": str(application)}}}}
        try:
            return Session(self.url, caps)
        except (WebDriverError, OSError) as first:
            self.log.write(f"\n[harness] session creation failed, restarting tauri-driver: {first}\n".encode())
            self.stop()
            self.start()
            return Session(self.url, caps)


class Session:
    def __init__(self, url: str, caps: dict):
        value = _http("POST", url + "/session", caps, retries=0)  # a retry could start a second app
        self.base = f"{url}/session/{value['sessionId']}"
        self.capabilities = value.get("capabilities", {})

    def call(self, method: str, path: str, body: Any = None, timeout: float = 120) -> Any:
        return _http(method, self.base + path, body, timeout)

    def close(self) -> None:
        with contextlib.suppress(WebDriverError, OSError):
            self.call("DELETE", "", timeout=30)

    # --- finding ---------------------------------------------------------------------------------------
    def find_all(self, css: str) -> list[Element]:
        found = self.call("POST", "/elements", {"using": "css selector", "value": css})
        return [Element(self, e[ELEMENT]) for e in found]

    def find(self, css: str) -> Element:
        return Element(self, self.call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT])

    def testid(self, name: str) -> Element:
        return self.find(f'[data-testid="{name}"]')

    def testids(self, name: str) -> list[Element]:
        return self.find_all(f'[data-testid="{name}"]')

    def wait_testid(self, name: str, timeout: float = 20) -> Element:
        return wait_until(lambda: self.testid(name), timeout, what=f"data-testid={name}")

    # --- scripts, window, pictures ----------------------------------------------------------------------
    def execute(self, script: str, *args: Any) -> Any:
        return self.call("POST", "/execute/sync", {"script": script, "args": [_arg(a) for a in args]})

    def execute_async(self, script: str, *args: Any, timeout: float = 60) -> Any:
        self.call("POST", "/timeouts", {"script": int(timeout * 1000)})
        return self.call(
            "POST", "/execute/async", {"script": script, "args": [_arg(a) for a in args]}, timeout=timeout + 10
        )

    def invoke(self, command: str, args: dict | None = None) -> Any:
        """Calls one of the app's own commands through Tauri's IPC, as the UI does (to read state, or to do what
        a test does not do through the window); a refusal raises InvokeError with the app's error code."""
        result = self.execute_async(
            "const done = arguments[arguments.length - 1];"
            "window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])"
            ".then(v => done({ok: v}), e => done({err: e}));",
            command,
            args or {},
        )
        if "err" in result:
            raise InvokeError(command, result["err"])
        return result["ok"]

    def title(self) -> str:
        return self.call("GET", "/title")

    def step(self) -> str | None:
        return self.execute("return document.body.dataset.step || null;")

    def settle(self, timeout: float = 20) -> None:
        """Waits for the page's web fonts (text with font-display: block is invisible until they load), then
        two animation frames, so that a screenshot shows what a person would see."""
        self.execute_async(
            "const done = arguments[arguments.length - 1];"
            "const faces = [...document.fonts].map(f => f.load().catch(() => null));"
            "Promise.all(faces).then(() => document.fonts.ready)"
            ".then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
            timeout=timeout,
        )

    def screenshot(self, path: Path) -> Path:
        self.settle()
        path.write_bytes(base64.b64decode(self.call("GET", "/screenshot")))
        return path

    def alert_text(self) -> str | None:
        """The text of the open JavaScript dialog (alert, confirm, prompt), or None when none is open."""
        try:
            return self.call("GET", "/alert/text")
        except WebDriverError as e:
            if "no such alert" in str(e):
                return None
            raise

    # --- pointer -----------------------------------------------------------------------------------------
    def mouse_drag(self, element: Element, start: tuple[int, int], end: tuple[int, int], steps: int = 5) -> None:
        """Presses the left button at `start`, moves in `steps` moves to `end` and releases, as W3C actions
        (WebKit turns them into real mouse and pointer events at those points). Both points are offsets in CSS
        pixels from the element's in-view centre, so the element should be wholly in view."""
        (sx, sy), (ex, ey) = start, end
        origin = {ELEMENT: element.id}
        moves = [
            {
                "type": "pointerMove",
                "origin": origin,
                "duration": 40,
                "x": round(sx + (ex - sx) * i / steps),
                "y": round(sy + (ey - sy) * i / steps),
            }
            for i in range(1, steps + 1)
        ]
        actions = [
            {"type": "pointerMove", "origin": origin, "x": sx, "y": sy, "duration": 0},
            {"type": "pointerDown", "button": 0},
            *moves,
            {"type": "pointerUp", "button": 0},
        ]
        self.call(
            "POST",
            "/actions",
            {
                "actions": [
                    {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": actions}
                ]
            },
        )
        self.call("DELETE", "/actions")


def _arg(a: Any) -> Any:
    return {ELEMENT: a.id} if isinstance(a, Element) else a


class Element:
    def __init__(self, session: Session, element_id: str):
        self.session = session
        self.id = element_id

    def _call(self, method: str, path: str = "", body: Any = None) -> Any:
        return self.session.call(method, f"/element/{self.id}{path}", body)

    def click(self) -> None:
        self._call("POST", "/click", {})

    def clear(self) -> None:
        self._call("POST", "/clear", {})

    def send_keys(self, text: str) -> None:
        self._call("POST", "/value", {"text": text})

    @property
    def text(self) -> str:
        return self._call("GET", "/text")

    @property
    def tag(self) -> str:
        return self._call("GET", "/name").lower()

    def attr(self, name: str) -> str | None:
        return self._call("GET", f"/attribute/{name}")

    def prop(self, name: str) -> Any:
        return self._call("GET", f"/property/{name}")

    def rect(self) -> dict:
        return self._call("GET", "/rect")

    def scroll_into_view(self, block: str = "center") -> None:
        self.session.execute("arguments[0].scrollIntoView({block: arguments[1], inline: 'nearest'});", self, block)

    def client_rect(self) -> dict:
        """The element's box in the viewport now (getBoundingClientRect), in CSS pixels."""
        return self.session.execute(
            "const r = arguments[0].getBoundingClientRect();return {x: r.x, y: r.y, width: r.width, height: r.height};",
            self,
        )

    def find_all(self, css: str) -> list[Element]:
        found = self._call("POST", "/elements", {"using": "css selector", "value": css})
        return [Element(self.session, e[ELEMENT]) for e in found]
