"""The agenda, the calendar feeds and the results benchmark as pages and downloads."""

from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from projectz.content import Content
from projectz.core import urls
from projectz.core.templating import render
from projectz.curriculum.catalogue import module_facet, province_facet
from projectz.sessions.agenda import select
from projectz.sessions.charts import render_score_chart, render_sessions_chart
from projectz.sessions.feeds import FeedWriter
from projectz.sessions.records import Session
from projectz.sessions.results import AREA_NOTE, Benchmark, benchmark


@dataclass(frozen=True)
class Download:
    """A file the site publishes beside its pages."""

    src_uri: str
    content: bytes | str


@dataclass(frozen=True)
class MonthGroup:
    key: str  # 2026-12
    sessions: tuple[Session, ...]


def feed_downloads(content: Content, site_url: str) -> list[Download]:
    """One feed with every session, one per province and one per published module."""
    module_urls = {m.id: f"{site_url}{urls.MODULES.url(m.id)}" for m in content.published_modules}
    calendar = FeedWriter(content, generated=content.build_date, module_urls=module_urls).feed

    downloads = [Download(urls.FEED_ALL, calendar(content.sessions, "Project Z: alle trainingen"))]
    for province in content.geography.provinces:
        downloads.append(Download(urls.province_feed(province.name),
                                  calendar(select(content.sessions, province=province.code),
                                           f"Project Z: trainingen in {province.name}")))
    for module in content.published_modules:
        downloads.append(Download(urls.module_feed(module.id),
                                  calendar(select(content.sessions, module=module.id), f"Project Z: {module.title}")))
    return downloads


def site_benchmark(content: Content) -> Benchmark:
    """Results of every session held up to the build date."""
    return benchmark(content.sessions, content, until=content.build_date)


def by_month(sessions: tuple[Session, ...]) -> list[MonthGroup]:
    """Sessions, which come in date order, grouped by month."""
    return [MonthGroup(key, tuple(group)) for key, group in groupby(sessions, key=lambda s: f"{s.date:%Y-%m}")]


def agenda_html(content: Content, page_url: str, site_url: str) -> Markup:
    """Upcoming sessions by month, narrowable by province and module, with the feeds to subscribe to
    (as webcal: links where the site's public address site_url is known)."""
    sessions = content.upcoming()
    facets = (
        province_facet(content.geography.provinces),
        module_facet(content.published_modules),
    )
    return Markup(render(
        "sessions/agenda.html.j2",
        groups=by_month(sessions),
        facets=facets,
        total=len(sessions),
        noun="trainingen",
        content=content,
        links=urls.PageLinks(page_url, site_url),
    ))


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
