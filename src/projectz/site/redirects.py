"""Old addresses (CBS codes, former module ids) as tiny Dutch pages that lead on to the current page."""

from dataclasses import dataclass

from projectz.content import Content
from projectz.core import urls
from projectz.core.templating import render
from projectz.curriculum.pages import former_id_redirects
from projectz.geography.pages import code_redirects


@dataclass(frozen=True)
class Redirect:
    path: str  # the page's file in the site folder
    target: str  # the current page, relative to this one

    @property
    def html(self) -> str:
        """Rendered only where the page is written: the build lists the redirects in one process
        and writes them in another (site.maker)."""
        return render("site/redirect.html.j2", url=self.target)


def redirect_pages(content: Content, *, file_names: bool) -> list[Redirect]:
    """A page at every old address; file_names for a site whose URLs name files ('a/b.html')."""
    old_to_new = {**code_redirects(content), **former_id_redirects(content)}
    return [_redirect(urls.page_url(old), urls.page_url(new), file_names) for old, new in old_to_new.items()]


def _redirect(old_url: str, new_url: str, file_names: bool) -> Redirect:
    here = urls.page_file(old_url) if file_names else old_url
    path = here if file_names else f"{old_url}index.html"
    return Redirect(path, urls.PageLinks(here).to(new_url))
