"""Every internal link and anchor in a built site must lead somewhere.

MkDocs validates the links it writes from Markdown, but not raw HTML in generated pages or the
theme's templates; this reads the HTML as the browser gets it.
"""

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html

# Where each element keeps the address it loads or leads to.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
                   "iframe": "src", "use": "href", "form": "action"}


def broken_links(site: Path, *, folders_open_index: bool = True) -> list[str]:
    """'page: link: what is wrong' for every internal link or anchor that leads nowhere.

    A web server answers a link to a folder with its index.html; file:// does not, so for a site
    read from disk (folders_open_index=False) such a link counts as broken.
    """
    pages = {path.relative_to(site).as_posix(): html.parse(str(path)).getroot() for path in site.rglob("*.html")}
    anchors: dict[str, set[str]] = {}
    problems = []
    for page_path, root in sorted(pages.items()):
        for element in root.iter(*LINK_ATTRIBUTES):
            link = element.get(LINK_ATTRIBUTES[element.tag])
            if link is None:
                continue
            problem = _problem(site, pages, anchors, page_path, link, folders_open_index)
            if problem:
                problems.append(f"{page_path}: {link}: {problem}")
    return problems


def _problem(site: Path, pages: dict[str, html.HtmlElement], anchors: dict[str, set[str]],
             page_path: str, link: str, folders_open_index: bool) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None  # another site, mailto: or data: - not ours to resolve
    path = unquote(parts.path)
    if path.startswith("/"):
        target = path.lstrip("/")  # the 404 page links from the site root
    elif path:
        target = posixpath.join(posixpath.dirname(page_path), path)
    else:
        target = page_path
    target = posixpath.normpath(target)
    if target == ".." or target.startswith("../"):
        return "leads out of the site"
    file = site / target
    if file.is_dir():
        if not folders_open_index:
            return "a folder, which file:// cannot open"
        file = file / "index.html"
    if not file.is_file():
        return "no such file"
    if not parts.fragment:
        return None
    target_page = file.relative_to(site).as_posix()
    if target_page not in pages:
        return "anchor into a file that is not a page"
    if target_page not in anchors:
        anchors[target_page] = {str(value) for value in pages[target_page].xpath("//@id | //a/@name")}
    return None if unquote(parts.fragment) in anchors[target_page] else f"no element with id '{parts.fragment}'"
