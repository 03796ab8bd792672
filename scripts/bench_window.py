"""The library benchmark's window half: the real app under Xvfb (through tauri-driver, as the e2e tests drive it)
on a given library, measuring what the owner feels.

- first screen: from asking tauri-driver for the app to the window's `gb:first-screen` mark (main.tsx sets it
  once the first screen has rendered after init), in wall-clock time; the driver's own start-up is included, so
  the figure errs on the slow side;
- library: from the click on 서재 to the first job cards on screen;
- photo wall: scrolled down (300 frames) at a steady pace inside the page, one step per animation frame; the
  frame times (median, 95th percentile, worst), the frames slower than 50 ms, and the most tiles ever in the DOM
  (a virtualised wall keeps that small whatever the library's size); then the same scroll of a plain box of
  the same size with the same tiles per screen and no app code, the anchor: what the webview itself costs.

    python scripts/bench_window.py --app TARGET/debug/gongbang-post --library DIR [--runs 3]

Prints one line per figure; exits non-zero when the window cannot be driven.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from webdriver import TauriDriver, wait_until  # noqa: E402
from xsession import Xvfb  # noqa: E402

FIRST_SCREEN = """
const m = performance.getEntriesByName('gb:first-screen');
return m.length ? performance.timeOrigin + m[0].startTime : null;
"""

# Scrolls the wall down, one step per frame (to the bottom or for MAX_FRAMES frames, about 300 rows of tiles), and
# reports the frame times and the most tiles seen.
SCROLL = """
const done = arguments[arguments.length - 1];
const wall = document.querySelector('[data-testid="wall"]');
if (!wall) { done({error: 'no photo wall'}); return; }
const step = Math.max(40, Math.round(wall.clientHeight / 6));
const frames = [];
let most = 0, last = performance.now();
function tick(now) {
  frames.push(now - last); last = now;
  most = Math.max(most, wall.querySelectorAll('[data-testid="wall-cell"]').length);
  if (wall.scrollTop + wall.clientHeight >= wall.scrollHeight - 1 || frames.length > MAX_FRAMES) {
    done({frames: frames.slice(1), most, height: wall.scrollHeight, top: wall.scrollTop});
    return;
  }
  wall.scrollTop += step;
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);
""".replace("MAX_FRAMES", "300")


# The anchor, in the same window and run: a plain scrolling box of the wall's size and place with the same
# number of tiles per screen (coloured boxes with a caption, no images, no app code, nothing virtualised),
# scrolled the same way. Its frame times are what this webview costs to scroll at all on this machine (under
# Xvfb WebKitGTK paints in software); the wall is judged against them.
BASELINE = """
const real = document.querySelector('[data-testid="wall"]');
const r = real.getBoundingClientRect();
const cols = Number(real.dataset.cols) || 5;
const w = document.createElement('div');
w.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;` +
  'overflow-y:auto;contain:strict;background:#e9edf1;z-index:99';
const space = document.createElement('div');
space.style.cssText = 'position:relative;height:' + 400 * 196 + 'px';
const size = Math.floor((r.width - 12 * (cols - 1)) / cols);
for (let i = 0; i < 400; i++) {
  for (let c = 0; c < cols; c++) {
    const d = document.createElement('div');
    d.style.cssText = `position:absolute;top:${i * 196}px;left:${c * (size + 12)}px;width:${size}px;height:184px;` +
      `background:hsl(${((i * cols + c) * 37) % 360},40%,70%);border-radius:10px`;
    d.textContent = 'AL7075 스페이서 방전 가공 ' + (i * cols + c);
    space.appendChild(d);
  }
}
w.appendChild(space);
real.removeAttribute('data-testid');
w.setAttribute('data-testid', 'wall');
document.body.appendChild(w);
"""


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def one_run(driver: TauriDriver, app: Path, shots: Path, n: int) -> dict:
    t0 = time.time() * 1000
    session = driver.session(app)
    try:
        mark = wait_until(lambda: session.execute(FIRST_SCREEN), 30, what="the gb:first-screen mark")
        first = mark - t0
        session.wait_testid("nav-library", 30)
        t1 = time.monotonic()
        session.testid("nav-library").click()
        wait_until(lambda: session.testids("lib-job"), 30, what="job cards on the library screen")
        library = (time.monotonic() - t1) * 1000
        session.screenshot(shots / f"bench-library-cards-{n}.png")
        session.testid("lib-tab-photos").click()
        wait_until(lambda: session.testids("wall-cell"), 30, what="tiles on the photo wall")
        scroll = session.execute_async(SCROLL, timeout=600)
        if "error" in scroll:
            raise RuntimeError(scroll["error"])
        session.screenshot(shots / f"bench-library-wall-{n}.png")
        session.execute(BASELINE)
        base = session.execute_async(SCROLL, timeout=600)
        if "error" in base:
            raise RuntimeError(base["error"])
        return {"first": first, "library": library, **scroll, "base": base["frames"]}
    finally:
        session.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--app", type=Path, required=True)
    ap.add_argument("--library", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shots", type=Path, default=ROOT / "artifacts" / "bench")
    args = ap.parse_args()
    args.shots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        x = Xvfb(args.shots)
        try:
            env = x.env(
                GONGBANG_LIBRARY=str(args.library),
                GONGBANG_NO_OPEN="1",
                XDG_CONFIG_HOME=f"{home}/config",
                XDG_DATA_HOME=f"{home}/data",
                XDG_CACHE_HOME=f"{home}/cache",
            )
            driver = TauriDriver(env, args.shots / "bench-tauri-driver.log")
            try:
                # The first launch in a fresh user profile builds the caches of fontconfig and WebKit (once per
                # Windows/Linux account, never again): reported on its own, not in the median.
                cold = one_run(driver, args.app, args.shots, 0)
                runs = [one_run(driver, args.app, args.shots, n) for n in range(1, args.runs + 1)]
            finally:
                driver.stop()
        finally:
            x.stop()
    frames = [f for r in runs for f in r["frames"]]
    base = [f for r in runs for f in r["base"]]
    print(f"window, {args.runs} runs on {args.library}")
    each = ", ".join(f"{r['first']:.0f}" for r in runs)
    print(
        f"  first screen        median {statistics.median(r['first'] for r in runs):7.0f} ms   (goal 1500 ms;"
        f" each run: {each} ms)"
    )
    print(f"  first launch ever   {cold['first']:7.0f} ms   (a new user profile: fontconfig and WebKit caches built)")
    print(f"  library cards       median {statistics.median(r['library'] for r in runs):7.0f} ms")
    print(
        f"  wall scroll frames  median {statistics.median(frames):5.1f} ms  p95 {percentile(frames, 95):5.1f} ms"
        f"  worst {max(frames):6.1f} ms  over 50 ms: {sum(f > 50 for f in frames)} of {len(frames)}"
    )
    print(
        f"  anchor: plain box   median {statistics.median(base):5.1f} ms  p95 {percentile(base, 95):5.1f} ms"
        f"  worst {max(base):6.1f} ms  (the same scroll of a plain box, no app code: the webview's own cost)"
    )
    print(
        f"  wall / plain box    {statistics.median(frames) / statistics.median(base):4.2f}x median frame time"
        "  (goal: about 1, the wall costs nothing over scrolling itself)"
    )
    print(
        f"  wall tiles in DOM   at most {max(r['most'] for r in runs)}"
        f"  (wall height {runs[-1]['height']} px scrolled to {runs[-1]['top']:.0f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
