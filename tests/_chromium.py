"""Headless Chromium for the report's browser tests and benchmarks/report_render.py.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``), so no
port is opened and no extra package is needed. :func:`image_stats` reads the pixels of a
screenshot by drawing it on a canvas in the same browser (no imaging library needed).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The network is closed on CI machines: without the background-networking switches Chromium
# keeps trying to reach its services and logs connection errors.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)


def find_chromium() -> str | None:
    """Path of a Chromium binary on PATH (or ``$CHROMIUM``), or None."""
    if os.environ.get("CHROMIUM"):
        return shutil.which(os.environ["CHROMIUM"])
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class DevToolsError(RuntimeError):
    """Chromium did not answer as expected."""


class Browser:
    """One headless Chromium with one page, driven over the DevTools protocol.

    Use as a context manager; every wait has a timeout, so a stuck browser fails a test
    instead of hanging it.
    """

    def __init__(self, binary: str, *, width: int = 1280, height: int = 900) -> None:
        self.profile = tempfile.mkdtemp(prefix="press-extract-chromium-")
        to_child_read, self._write_fd = os.pipe()
        self._read_fd, from_child_write = os.pipe()

        def as_fds_3_and_4() -> None:  # runs in the child before exec
            high_in = fcntl.fcntl(to_child_read, fcntl.F_DUPFD, 100)
            high_out = fcntl.fcntl(from_child_write, fcntl.F_DUPFD, 100)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=as_fds_3_and_4,
        )
        os.close(to_child_read)
        os.close(from_child_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            attached = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})
            self.session = attached["sessionId"]
            for domain in ("Page", "Network", "Runtime", "Log"):
                self.call(f"{domain}.enable", session=True)
            self.resize(width, height)
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """End the browser process (the one this object started) and remove its profile."""
        with contextlib.suppress(DevToolsError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for fd in (self._write_fd, self._read_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _messages(self, deadline: float) -> Iterator[dict[str, Any]]:
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DevToolsError("Chromium did not answer in time")
            ready, _, _ = select.select([self._read_fd], [], [], remaining)
            if ready:
                chunk = os.read(self._read_fd, 1 << 20)
                if not chunk:
                    raise DevToolsError("Chromium closed the DevTools pipe")
                self._buffer += chunk

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: bool = False,
        timeout: float = 30,
    ) -> dict[str, Any]:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._write_fd, json.dumps(message).encode("utf-8") + b"\0")
        for reply in self._messages(time.monotonic() + timeout):
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
        raise DevToolsError("unreachable")

    def wait_for(self, method: str, *, timeout: float = 30) -> dict[str, Any]:
        """Wait for an event of the page (kept events first)."""
        for position, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(position)
        for message in self._messages(time.monotonic() + timeout):
            if message.get("method") == method:
                return message
            if "method" in message:
                self.events.append(message)
        raise DevToolsError("unreachable")

    def resize(self, width: int, height: int) -> None:
        """Emulate a window of this size (a phone when narrow)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
            session=True,
        )

    def open(self, url: str, *, timeout: float = 30) -> None:
        """Load a page and wait for its load event; earlier events are dropped."""
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired", timeout=timeout)

    def evaluate(self, expression: str, *, timeout: float = 30) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            session=True,
            timeout=timeout,
        )
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression!r} raised: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, *, full_page: bool = False) -> Path:
        """Save a PNG of the viewport (or of the whole page)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"]}
            params["clip"]["scale"] = 1
        data = self.call("Page.captureScreenshot", params, session=True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def requested_urls(self) -> list[str]:
        """URLs the page requested since it was opened."""
        return [
            event["params"]["request"]["url"]
            for event in self.events
            if event["method"] == "Network.requestWillBeSent"
        ]

    def problems(self) -> list[str]:
        """Errors the page logged since it was opened: exceptions, console errors, CSP refusals."""
        found = []
        for event in self.events:
            params = event["params"]
            if event["method"] == "Runtime.exceptionThrown":
                found.append(str(params["exceptionDetails"].get("text")))
            elif event["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
            elif event["method"] == "Runtime.consoleAPICalled" and params["type"] == "error":
                found.append(str(params["args"]))
        return found


_IMAGE_STATS = """(async () => {
  const image = new Image();
  image.src = "data:image/png;base64,%s";
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Map();
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i], g = data[i + 1], b = data[i + 2];
    if (r < 235 || g < 235 || b < 235) { ink += 1; }
    const key = ((r >> 2) << 12) | ((g >> 2) << 6) | (b >> 2);
    colours.set(key, (colours.get(key) || 0) + 1);
  }
  const common = [...colours.entries()].filter((e) => e[1] >= 50).map(
    (e) => [(e[0] >> 12) << 2, ((e[0] >> 6) & 63) << 2, (e[0] & 63) << 2, e[1]]);
  return {width: canvas.width, height: canvas.height, ink: ink / (data.length / 4),
          colours: colours.size, common: common};
})()"""


def image_stats(browser: Browser, png: Path) -> dict[str, Any]:
    """Pixel figures of a PNG, computed by drawing it on a canvas in the browser.

    Returns:
        ``width``, ``height``, ``ink`` (share of pixels that are not near-white), ``colours``
        (distinct colours at 6 bits per channel) and ``common`` ([r, g, b, count] of colours
        covering at least 50 pixels).
    """
    browser.open("about:blank")
    encoded = base64.b64encode(png.read_bytes()).decode("ascii")
    return browser.evaluate(_IMAGE_STATS % encoded, timeout=60)


def has_colour(stats: dict[str, Any], rgb: tuple[int, int, int], *, pixels: int = 200) -> bool:
    """Whether a colour close to ``rgb`` covers at least ``pixels`` pixels."""
    return any(
        max(abs(c - want) for c, want in zip(colour[:3], rgb, strict=True)) <= 6
        and colour[3] >= pixels
        for colour in stats["common"]
    )
