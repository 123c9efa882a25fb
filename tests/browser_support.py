"""Headless Chromium for the browser tests: the built site over HTTP, pages, axe and visits.

Debian's Chromium is used (playwright never downloads a browser here); scripts/lib.sh installs it.
"""

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Below Material's 76.25em breakpoint the navigation becomes a drawer behind the menu button.
WIDTHS = {"desktop": 1280, "mobile": 375}
# Safety stop for a walk with Tab; the largest page has a few hundred focusable elements.
MAX_TABS = 1500


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    headers_to_send: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Failed requests are reported by the tests themselves, not on stderr."""


@contextmanager
def serve(site: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """The folder over HTTP on a free port of 127.0.0.1, sending these headers with every
    response as the real server does; yields the base URL."""
    handler_class = type("Handler", (_QuietHandler,), {"headers_to_send": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        # A fresh temporary profile each run: launch() without a user data dir makes one.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def browser_context(browser: Browser, width: int, *, javascript: bool = True) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    try:
        yield context
    finally:
        context.close()


@dataclass
class Visit:
    """A page being loaded, and every request that left the site or failed on the way, and every
    violation of the Content-Security-Policy."""

    page: Page
    origin: str
    problems: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request to another origin: {request.url}")

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def on_failure(self, request: Request) -> None:
        self.problems.append(f"failed: {request.url} ({request.failure})")

    def on_console(self, message: ConsoleMessage) -> None:
        if CSP_VIOLATION in message.text:
            self.problems.append(message.text)


# Chromium logs every Content-Security-Policy violation as a console error naming the policy;
# the page's own securitypolicyviolation events are logged the same way, so that a violation is
# seen even when the browser's wording changes.
CSP_VIOLATION = "Content Security Policy"
_LOG_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", event => console.error(
  `Content Security Policy violation: ${event.effectiveDirective} ${event.blockedURI} ${event.sample}`));"""


def visit(context: BrowserContext, url: str, *, until_idle: bool = False, windows: bool = False) -> Visit:
    """Open url, recording problems from the first request on; wait for the load event, or until
    the network has been quiet for half a second (which also sees requests made after loading).
    With windows, the problems of every window the page opens are recorded too (those of every
    page of the context)."""
    page = context.new_page()
    parts = urlsplit(url)
    current = Visit(page, f"{parts.scheme}://{parts.netloc}")
    watched = context if windows else page
    watched.on("request", current.on_request)
    watched.on("response", current.on_response)
    watched.on("requestfailed", current.on_failure)
    watched.on("console", current.on_console)
    watched.add_init_script(_LOG_CSP_VIOLATIONS)
    response = page.goto(url, wait_until="networkidle" if until_idle else "load")
    assert response is not None and response.ok, f"{url}: {response.status if response else 'no response'}"
    return current


def open_search(page: Page, query: str) -> None:
    """Open Material's search the way a keyboard user does ('s' shortcut) and type a query."""
    page.keyboard.press("s")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element matching selector has focus, as a keyboard user gets there."""
    target = page.locator(selector)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"{selector} is not reachable with Tab")


def add_style(page: Page, css: str) -> None:
    """Add a style sheet the way a reader's browser extension does, through the CSSOM: the pages'
    Content-Security-Policy refuses a <style> element."""
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css); "
                  "document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", css)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    # Run through the DevTools protocol, not added as a <script>: the pages' Content-Security-Policy
    # (rightly) refuses an inline script it has no hash for.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    return page.evaluate("options => axe.run(document, options).then(result => result.violations)", options)


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation['impact']}): {node['target']}: {node['failureSummary']}")
    return "\n".join(lines)
