"""What an author writes in a module: rendered as the site renders it, held to the HTML policy.

The site renders a body through MkDocs, which names only a generated page and no line when
something is wrong. Here the body is rendered with the same Markdown extensions, so every
problem is found by validate with the line in the author's own file.
"""

import functools
import posixpath
import re
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown
import nh3

# The same extensions and settings as markdown_extensions in mkdocs.yml (a test holds them
# equal): validate runs without MkDocs, and must see the HTML the site will show.
MARKDOWN_EXTENSIONS = ("abbr", "projectz.curriculum.focusable_terms", "admonition", "attr_list", "md_in_html", "toc")
# MkDocs puts these before every site's own list (MkDocsConfig.markdown_extensions): tables in a
# worksheet and fenced code must render here as they will on the page.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
MARKDOWN_SETTINGS = {"toc": {"permalink": True, "permalink_title": "Link naar deze sectie"}}

# The author HTML policy: what the site's own features produce (headings with ids and permalinks,
# lists, tables, code, admonitions, abbreviations, details, images with alt text, links) and
# nothing that runs, styles, embeds or submits. Documented in docs/auteurs.md.
ALLOWED_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "div", "span",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "strong", "em", "b", "i", "u", "s", "small", "sub", "sup", "mark", "del", "ins", "q", "cite",
    "code", "pre", "kbd", "samp", "abbr", "details", "summary", "figure", "figcaption", "a", "img",
})
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "details": {"open"},
    # The glossary's explanations reach keyboard users this way (projectz.curriculum.focusable_terms).
    "abbr": {"tabindex"},
}
LINK_SCHEMES = frozenset({"https", "mailto"})
# nh3 also removes <script> and <style> with their content, and every comment.
_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, url_schemes=set(LINK_SCHEMES),
                       link_rel=None, attribute_filter=lambda element, name, value: _attribute_value(name, value))


def _attribute_value(name: str, value: str) -> str | None:
    """A tabindex only puts an element in the Tab order where it stands ('0'): any other value
    would jump the reader's focus around the page."""
    return value if name != "tabindex" or value == "0" else None

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
_URL_ATTRIBUTES = frozenset({"href", "src"})
_LINK_ATTRIBUTE = {"a": "href", "img": "src"}

# The module page marks where the author's text starts and ends, so the site adapter can
# sanitize exactly that part of the rendered page. The token is new on every run: an author
# cannot write a marker into a module.
_MARKER_TOKEN = secrets.token_hex(8)
BODY_START = f"<!-- pz-author-start {_MARKER_TOKEN} -->"
BODY_END = f"<!-- pz-author-end {_MARKER_TOKEN} -->"


@dataclass(frozen=True)
class Problem:
    """A problem in a rendered body, located by the element it concerns: the n-th (from 0)
    start tag, or end tag, of that name in the rendered HTML."""

    tag: str
    occurrence: int
    message: str
    end_tag: bool = False


@dataclass(frozen=True)
class BodyLink:
    url: str
    tag: str
    occurrence: int

    @property
    def external(self) -> bool:
        parts = urlsplit(self.url)
        return bool(parts.scheme or parts.netloc)


@dataclass(frozen=True)
class _Element:
    tag: str
    attributes: tuple[tuple[str, str], ...]
    occurrence: int

    def attribute(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)


class _ElementReader(HTMLParser):
    """Every start tag in order, and what would break the page around the text: elements or
    comments that are not closed, and end tags that close nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[_Element] = []
        self.unbalanced: list[Problem] = []
        self._open: list[_Element] = []
        self.starts: Counter[str] = Counter()
        self.ends: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = self._start(tag, attrs)
        if tag not in _VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_data(self, data: str) -> None:
        # Markdown shows an unclosed comment as text; on the page it would run on to the next
        # "-->" the page holds and hide everything up to there.
        if "<!--" in data and self._open and not any(element.tag in ("code", "pre") for element in self._open):
            element = self._open[-1]
            self.unbalanced.append(Problem(element.tag, element.occurrence, "<!-- wordt niet afgesloten met -->; "
                                           "de tekst daarna verdwijnt dan van de pagina"))

    def handle_endtag(self, tag: str) -> None:
        occurrence = self.ends[tag]
        self.ends[tag] += 1
        if tag in _VOID:
            return
        if not any(element.tag == tag for element in self._open):
            self.unbalanced.append(Problem(tag, occurrence, f"</{tag}> sluit niets af: er staat geen <{tag}> "
                                           "voor, of de elementen staan in de verkeerde volgorde", end_tag=True))
            return
        while (element := self._open.pop()).tag != tag:
            self.unbalanced.append(_unclosed(element))

    def close(self) -> None:
        super().close()
        self.unbalanced += [_unclosed(element) for element in self._open]
        self._open = []

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> _Element:
        element = _Element(tag, tuple((key, value or "") for key, value in attrs), self.starts[tag])
        self.starts[tag] += 1
        self.elements.append(element)
        return element


def _unclosed(element: _Element) -> Problem:
    return Problem(element.tag, element.occurrence, f"<{element.tag}> wordt niet afgesloten met </{element.tag}>; "
                   "de rest van de pagina wordt dan als losse tekst getoond")


def _read(html: str) -> _ElementReader:
    reader = _ElementReader()
    reader.feed(html)
    reader.close()
    return reader


class _Renderer:
    """One Markdown converter, reset between documents: building one costs more than a render."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(
            extensions=list(dict.fromkeys((*MKDOCS_BUILTIN_EXTENSIONS, *MARKDOWN_EXTENSIONS))),
            extension_configs=MARKDOWN_SETTINGS)

    def __call__(self, text: str) -> str:
        return self._markdown.reset().convert(text)


_render = _Renderer()


# Validation renders each body once for the policy and once more for the site's links.
@functools.lru_cache(maxsize=1024)
def render_body(text: str) -> str:
    """The body as HTML, as the module page will show it before sanitizing."""
    return _render(text)


def sanitize(html: str) -> str:
    return _CLEANER.clean(html)


def sanitize_author_part(html: str) -> str:
    """A rendered page with each of the author's marked parts sanitized and the markers gone.

    A module page marks several parts, with generated exercises between them. A start without an
    end (which validation does not let through) sanitizes the rest of the page.
    """
    before, start, rest = html.partition(BODY_START)
    if not start:
        return html
    author, _, after = rest.partition(BODY_END)
    return before + sanitize(author) + sanitize_author_part(after)


def html_problems(html: str) -> list[Problem]:
    """What the sanitizer would remove, external images and elements that are not closed."""
    reader = _read(html)
    kept = Counter(_signature(element) for element in _read(sanitize(html)).elements)
    problems = []
    for element in reader.elements:
        if kept[_signature(element)]:
            kept[_signature(element)] -= 1
            if element.tag == "img" and _is_external(element.attribute("src") or ""):
                problems.append(Problem("img", element.occurrence, f"afbeelding '{_short(element.attribute('src'))}' "
                                        "staat op een andere website; de site haalt niets van andere websites op. "
                                        "Zet de afbeelding als bijlage bij de module"))
        else:
            problems += _removed(element)
    return problems + reader.unbalanced


def links(html: str) -> list[BodyLink]:
    """Every link and image source in the rendered body, except the permalinks of headings."""
    found = []
    for element in _read(html).elements:
        if element.tag not in _LINK_ATTRIBUTE or "headerlink" in (element.attribute("class") or ""):
            continue
        if (url := element.attribute(_LINK_ATTRIBUTE[element.tag])) is not None:
            found.append(BodyLink(url, element.tag, element.occurrence))
    return found


def anchors(html: str) -> frozenset[str]:
    return frozenset(value for element in _read(html).elements if (value := element.attribute("id")))


def resolve(page_src: str, url: str) -> tuple[str | None, str]:
    """The site file a relative link points at (None for the page itself) and its anchor.

    Raises ValueError for a link that leaves the site or starts at its root.
    """
    parts = urlsplit(url)
    if not parts.path:
        return None, parts.fragment
    if parts.path.startswith("/"):
        raise ValueError("absolute")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), unquote(parts.path)))
    if target.startswith("../") or target == "..":
        raise ValueError("outside")
    return target, parts.fragment


def source_line(body: str, body_line: int, problem: Problem | BodyLink) -> int:
    """The line in the file where the element behind a problem starts.

    Markdown does not keep source lines, so the body is rendered line by line further until the
    element appears: the shortest start of the body whose HTML holds it. Only runs for problems.
    """
    lines = body.split("\n")
    end_tag = isinstance(problem, Problem) and problem.end_tag

    def holds(count: int) -> bool:
        reader = _read(_render("\n".join(lines[:count])))
        if end_tag:
            return reader.ends[problem.tag] > problem.occurrence
        return reader.starts[problem.tag] > problem.occurrence

    return body_line + _first_true(len(lines), holds) - 1


def _first_true(size: int, holds: Callable[[int], bool]) -> int:
    """The smallest n in 1..size for which holds(n), taking holds as false then true; else size."""
    low, high = 1, size
    while low < high:
        middle = (low + high) // 2
        if holds(middle):
            high = middle
        else:
            low = middle + 1
    return low


def _signature(element: _Element) -> tuple[str, frozenset[tuple[str, str]]]:
    return element.tag, frozenset(element.attributes)


def _removed(element: _Element) -> list[Problem]:
    """Why the sanitizer changes an element: the tag, or each attribute it drops."""
    if element.tag not in ALLOWED_TAGS:
        return [Problem(element.tag, element.occurrence, f"HTML-element <{element.tag}> is niet toegestaan")]
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(element.tag, set())
    problems = []
    for name, value in element.attributes:
        if name not in allowed:
            problems.append(Problem(element.tag, element.occurrence,
                                    f"attribuut '{name}' op <{element.tag}> is niet toegestaan"))
        elif name in _URL_ATTRIBUTES and not _link_allowed(value):
            problems.append(Problem(element.tag, element.occurrence,
                                    f"adres '{_short(value)}' is niet toegestaan: gebruik een adres dat begint met "
                                    "https: of mailto:, of een pagina of bestand van de site"))
    # Anything else the sanitizer changes is still a change: never let it pass unnamed.
    return problems or [Problem(element.tag, element.occurrence, f"<{element.tag}> wordt door de HTML-controle "
                                "aangepast; schrijf het eenvoudiger")]


def _link_allowed(url: str) -> bool:
    """Asked of the sanitizer itself, so its reading of schemes (entities, tabs, case) is the one used."""
    return 'href="' in sanitize(f'<a href="{_attribute_text(url)}">x</a>')


def _attribute_text(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


def _is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc)


def _short(value: str | None, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", value or "")
    return text if len(text) <= limit else f"{text[:limit - 1]}…"
