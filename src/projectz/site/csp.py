"""The Content-Security-Policy and the other security headers: one source for the <meta> tag in
every page (overrides/main.html) and for the web server's configuration (scripts/server-config),
so the two cannot drift apart.

Inline scripts are allowed one by one, by the SHA-256 hash of their exact text, computed from the
scripts themselves at build time: when Material changes one, its hash changes with it.
"""

import base64
import hashlib
from collections.abc import Iterable
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from projectz.core.templating import render

# Every directive a page's <meta> tag carries.
# - script-src: Material's bundle, its search worker and our scripts are files of the site; the
#   few inline scripts Material writes into each page are added by hash (never 'unsafe-inline').
# - style-src: no page has a <style> element or a style attribute; Material and our scripts set
#   styles through element.style (the CSSOM), which CSP does not restrict.
# - img-src: Material's icons are data: URIs in its style sheet (navigation arrows, admonitions).
# - font-src: the site uses system fonts (theme.font: false); no font file is loaded from anywhere.
# - frame-src, object-src: nothing is embedded; author HTML may not embed either.
# - base-uri, form-action: a <base> or a form could otherwise send readers or their input elsewhere.
PAGE_DIRECTIVES = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'none'",),
    "frame-src": ("'none'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# Browsers ignore frame-ancestors in a <meta> element (and warn about it): only a header can say
# that no other site may show these pages in a frame.
HEADER_ONLY_DIRECTIVES = {"frame-ancestors": ("'none'",)}

# What the server sends besides the policy.
# - HSTS: a year, the usual minimum for browsers' preload lists; without includeSubDomains,
#   because other services on the same domain are not ours to commit to HTTPS.
# - nosniff: files are only run as what the server says they are.
# - no-referrer: links to other sites do not tell them which page a reader came from.
OTHER_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    """Collects the text of every <script> the browser runs that has no src: JSON data blocks
    (Material's __config) are not run, so CSP does not apply to them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        if "src" not in attributes and (attributes.get("type") or "").lower() in JAVASCRIPT_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _policy(directives: dict[str, tuple[str, ...]], script_hashes: Iterable[str]) -> str:
    sources = {**directives, "script-src": (*directives["script-src"], *sorted(set(script_hashes)))}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in sources.items())


# Pages at the same depth carry the same scripts: the policy is worked out once per depth.
@cache
def meta_policy(html_with_inline_scripts: str) -> str:
    """The policy of a page, allowing the inline scripts in the given HTML."""
    return _policy(PAGE_DIRECTIVES, map(script_hash, inline_scripts(html_with_inline_scripts)))


def header_policy(script_hashes: Iterable[str]) -> str:
    """The same policy as the pages carry, for every page at once, plus what only a header can say."""
    return _policy({**PAGE_DIRECTIVES, **HEADER_ONLY_DIRECTIVES}, script_hashes)


def site_script_hashes(site: Path) -> set[str]:
    """The hash of every inline script in the built site: Material's scripts name the page's
    relative root (".", "..", "../.."), so pages at different depths differ."""
    return {script_hash(script) for page in sorted(site.rglob("*.html"))
            for script in inline_scripts(page.read_text(encoding="utf-8"))}


def security_headers(site: Path) -> dict[str, str]:
    return {"Content-Security-Policy": header_policy(site_script_hashes(site)), **OTHER_HEADERS}


def nginx_config(site: Path) -> str:
    """nginx directives sending the security headers for the built site."""
    return render("site/nginx.conf.j2", headers=security_headers(site))
