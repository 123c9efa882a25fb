"""The agenda, the calendar feeds and the results benchmark as pages and downloads."""

from functools import cache

from markupsafe import Markup

from projectz.content import Content
from projectz.core import dutch, urls
from projectz.core.pages import Download, GeneratedPage, page_markdown
from projectz.core.templating import render
from projectz.curriculum.catalogue import module_facet, province_facet
from projectz.sessions.agenda import AgendaPart, first_page, month_parts, select
from projectz.sessions.charts import render_score_chart, render_sessions_chart
from projectz.sessions.feeds import FeedWriter
from projectz.sessions.results import AREA_NOTE, Benchmark, benchmark


def feed_downloads(content: Content, site_url: str) -> list[Download]:
    """One feed with every session, one per province and one per published module."""
    @cache
    def writer() -> FeedWriter:
        # One writer for every feed: it serializes each session's event only once.
        module_urls = {m.id: f"{site_url}{urls.MODULES.url(m.id)}" for m in content.published_modules}
        return FeedWriter(content, generated=content.build_date, module_urls=module_urls)

    def feed(path: str, name: str, **chosen: str) -> Download:
        return Download(path, lambda: writer().feed(select(content.sessions, **chosen), name))

    return [
        feed(urls.FEED_ALL, "Project Z: alle trainingen"),
        *(feed(urls.province_feed(province.name), f"Project Z: trainingen in {province.name}", province=province.code)
          for province in content.geography.provinces),
        *(feed(urls.module_feed(module.id), f"Project Z: {module.title}", module=module.id)
          for module in content.published_modules),
    ]


def site_benchmark(content: Content) -> Benchmark:
    """Results of every session held up to the build date."""
    return benchmark(content.sessions, content, until=content.build_date)


def agenda_html(content: Content, page_url: str, site_url: str) -> Markup:
    """The first upcoming sessions by month, narrowable by province and module, with links to every
    month's page and to the feeds (as webcal: links where the site's public address site_url is known)."""
    upcoming = content.upcoming()
    sessions = first_page(upcoming)
    facets = (
        province_facet(content.geography.provinces),
        module_facet(content.published_modules),
    )
    this_month = content.build_date.replace(day=1)
    parts = month_parts(content.sessions)
    return Markup(render(
        "sessions/agenda.html.j2",
        # first_page holds whole months and no more than a page: one part per month.
        groups=month_parts(sessions),
        facets=facets,
        total=len(sessions),
        more=len(upcoming) - len(sessions),
        coming=[part for part in parts if part.month >= this_month],
        earlier=[part for part in reversed(parts) if part.month < this_month],
        part_title=part_title,
        noun="trainingen",
        content=content,
        links=urls.PageLinks(page_url, site_url),
    ))


def part_title(part: AgendaPart) -> str:
    title = f"Trainingen in {dutch.month_year(part.month)}"
    return title if part.parts == 1 else f"{title}, deel {part.part} van {part.parts}"


def agenda_pages(content: Content) -> list[GeneratedPage]:
    """A page per month (or part of a full month) with every session in it, and the list of feeds.

    Month pages stay out of search: the agenda page and the module pages already lead there.
    """
    parts = month_parts(content.sessions)

    def month_page(index: int) -> GeneratedPage:
        part = parts[index]

        def markdown(links: urls.PageLinks) -> str:
            body = render("sessions/agenda_month.md.j2", part=part, content=content, links=links,
                          previous=parts[index - 1] if index else None,
                          next=parts[index + 1] if index + 1 < len(parts) else None,
                          part_title=part_title)
            return page_markdown(part_title(part), f"Alle trainingen van Project Z in "
                                 f"{dutch.month_year(part.month)}.", body, searchable=False)

        return GeneratedPage(urls.AGENDA_MONTHS.src(part.key), None, markdown)

    def feeds_markdown(links: urls.PageLinks) -> str:
        body = render("sessions/agenda_feeds.md.j2", content=content, links=links)
        return page_markdown("Agenda's om op te abonneren", "Zet de trainingen van Project Z in Outlook, Google "
                             "Agenda of Apple Agenda: alle trainingen, per provincie of per module.", body)

    feeds = GeneratedPage(f"{urls.AGENDA_FEEDS.rstrip('/')}.md", None, feeds_markdown)
    return [*(month_page(index) for index in range(len(parts))), feeds]


def results_html(content: Content, page_url: str) -> Markup:
    result = site_benchmark(content)
    return Markup(render(
        "sessions/results.html.j2",
        result=result,
        area_note=AREA_NOTE,
        sessions_chart=Markup(render_sessions_chart(result, result.national)),
        score_chart=Markup(render_score_chart(result)),
        content=content,
        links=urls.PageLinks(page_url),
    ))
