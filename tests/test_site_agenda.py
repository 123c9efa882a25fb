"""The real site's agenda, calendar feeds and results, judged against the fixed build date."""

import csv
import dataclasses
import datetime
import io
import json
from pathlib import Path

import vobject
from lxml import html as lxml_html
from mkdocs.config import load_config

from conftest import BUILD_DATE, ROOT, page_at, parse
from conftest import REAL_CONTENT as CONTENT
from projectz.core import urls
from projectz.core.templating import render
from projectz.sessions.agenda import select
from projectz.sessions.results import benchmark

TODAY = datetime.date.fromisoformat(BUILD_DATE)
UPCOMING = [s for s in CONTENT.sessions if s.date >= TODAY]
# As the built site has it: from PROJECTZ_SITE_URL, or mkdocs.yml's default.
SITE_URL = load_config(str(ROOT / "mkdocs.yml")).site_url


def feed_events(path: Path) -> list:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return list(getattr(calendar, "vevent_list", []))


def test_agenda_lists_exactly_the_sessions_from_the_build_date_on(built_site: Path):
    page = parse(page_at(built_site, "agenda/"))
    items = page.cssselect("li.pz-session")
    starts = [item.cssselect("time")[0].get("datetime") for item in items]
    assert starts == [s.starts_at.isoformat() for s in sorted(UPCOMING, key=lambda s: (s.starts_at, s.id))]
    assert UPCOMING and any(s.status == "cancelled" for s in UPCOMING)
    for item, session in zip(items, sorted(UPCOMING, key=lambda s: (s.starts_at, s.id)), strict=True):
        assert item.get("data-province").split() == list(session.provinces)
        assert item.get("data-module") == session.module
        assert ("Afgelast" in item.text_content()) == (session.status == "cancelled")
    facets = {s.get("data-pz-facet") for s in page.cssselect("form.pz-filter select")}
    assert facets == {"province", "module"}


def test_every_feed_link_on_the_feeds_page_resolves_and_holds_the_right_events(built_site: Path):
    page = parse(page_at(built_site, urls.AGENDA_FEEDS))
    feeds = [urls.FEED_ALL, *(urls.province_feed(p.name) for p in CONTENT.geography.provinces),
             *(urls.module_feed(m.id) for m in CONTENT.published_modules)]
    downloads = {a.get("href") for a in page.cssselect("article a[download][href$='.ics']")}
    assert downloads == {urls.PageLinks(urls.AGENDA_FEEDS).file(feed) for feed in feeds}
    # Each feed can also be subscribed to, at the site's public address (mkdocs.yml's site_url).
    subscriptions = {a.get("href") for a in page.cssselect("article a[href^='webcal:']")}
    host = SITE_URL.split("://", 1)[1]
    assert subscriptions == {f"webcal://{host}{feed}" for feed in feeds}
    instructions = page.get_element_by_id("zo-abonneer-je").getnext().text_content()
    assert all(app in instructions for app in ("Outlook", "Google Agenda", "Apple Agenda"))
    agenda = parse(page_at(built_site, urls.AGENDA))
    assert {a.get("href") for a in agenda.cssselect("p.pz-feed a")} == {
        f"webcal://{host}{urls.FEED_ALL}", urls.PageLinks(urls.AGENDA).file(urls.FEED_ALL),
        urls.PageLinks(urls.AGENDA).to(urls.AGENDA_FEEDS)}
    everything = feed_events(built_site / urls.FEED_ALL)
    assert sorted(event.uid.value for event in everything) == sorted(f"{s.id}@projectz" for s in CONTENT.sessions)
    for province in CONTENT.geography.provinces:
        events = feed_events(built_site / urls.province_feed(province.name))
        assert len(events) == len(select(CONTENT.sessions, province=province.code))


def test_every_session_past_and_future_is_on_the_page_of_its_month(built_site: Path):
    agenda = parse(page_at(built_site, urls.AGENDA))
    linked = [a.get("href") for a in agenda.cssselect("ul.pz-months a")]
    months = sorted({f"{session.date:%Y-%m}" for session in CONTENT.sessions})
    assert sorted(linked) == sorted(urls.PageLinks(urls.AGENDA).to(urls.AGENDA_MONTHS.url(m)) for m in months)
    for month in months:
        page = parse(page_at(built_site, urls.AGENDA_MONTHS.url(month)))
        listed = [t.get("datetime") for t in page.cssselect("li.pz-session time")]
        assert listed == [s.starts_at.isoformat() for s in CONTENT.sessions if f"{s.date:%Y-%m}" == month]
        assert page.cssselect("h1")[0].text_content().startswith("Trainingen in ")
    # Held sessions are history: no one signs up for them any more.
    past = parse(page_at(built_site, urls.AGENDA_MONTHS.url(months[0])))
    assert not past.cssselect("li.pz-session a[href^='mailto:']")


def test_entity_pages_show_their_upcoming_sessions_and_feed(built_site: Path):
    session = next(s for s in UPCOMING if s.status == "planned")
    module_page = parse(page_at(built_site, urls.MODULES.url(session.module)))
    listed = [t.get("datetime") for t in module_page.cssselect("li.pz-session time")]
    assert session.starts_at.isoformat() in listed
    assert len(listed) == len([s for s in UPCOMING if s.module == session.module])
    feed = module_page.cssselect("p.pz-feed a[download]")[0].get("href")
    assert (built_site / urls.MODULES.url(session.module) / feed).resolve() == (
        built_site / urls.module_feed(session.module)).resolve()
    subscribe = module_page.cssselect("p.pz-feed a[href^='webcal:']")[0].get("href")
    assert subscribe == f"webcal://{SITE_URL.split('://', 1)[1]}{urls.module_feed(session.module)}"
    trainer_page = parse(page_at(built_site, urls.TRAINERS.url(session.trainers[0])))
    assert session.starts_at.isoformat() in [t.get("datetime") for t in trainer_page.cssselect("li.pz-session time")]
    host = CONTENT.geography.municipality(session.host)
    host_page = parse(page_at(built_site, urls.MUNICIPALITIES.url(host.name)))
    assert session.starts_at.isoformat() in [t.get("datetime") for t in host_page.cssselect("li.pz-session time")]
    province = CONTENT.geography.province(host.province_code)
    province_page = parse(page_at(built_site, urls.PROVINCES.url(province.name)))
    assert session.starts_at.isoformat() in [t.get("datetime") for t in province_page.cssselect("li.pz-session time")]


def test_results_page_and_downloads_show_the_benchmark_of_the_registry(built_site: Path):
    result = benchmark(CONTENT.sessions, CONTENT, until=TODAY)
    page = parse(page_at(built_site, "resultaten/"))
    table = page.cssselect("article table")[0]
    rows = table.cssselect("tbody tr")
    assert [row.cssselect("th")[0].text_content() for row in rows] == [area.name for area in result.areas]
    national = [cell.text_content() for cell in rows[0].cssselect("td")]
    assert national[0] == str(result.national.total.sessions_held)
    assert national[3] == f"{result.national.total.trainer_days_given} / {result.national.total.trainer_days_pledged}"
    held_until_today = [s for s in CONTENT.sessions if s.status == "held" and s.date <= TODAY]
    assert result.national.total.sessions_held == len(held_until_today)
    charts = page.cssselect("figure.pz-grafiek svg")
    assert len(charts) == 2 and all(chart.get("aria-labelledby") for chart in charts)
    whole_period = (built_site / urls.RESULTS_WHOLE_PERIOD_CSV).read_text(encoding="utf-8-sig")
    exported = list(csv.DictReader(io.StringIO(whole_period), delimiter=";"))
    assert exported[0]["Gebiedscode"] == "NL" and int(exported[0]["Trainingen gehouden"]) == len(held_until_today)
    data = json.loads((built_site / urls.RESULTS_JSON).read_text(encoding="utf-8"))
    assert len(data["helePeriode"]) == len(exported)


def fragment(text: str):
    return lxml_html.fragment_fromstring(text, create_parent="div")


def test_entity_pages_list_the_ten_soonest_sessions_and_point_to_the_agenda_for_more():
    session = next(s for s in UPCOMING if s.status == "planned")
    many = tuple(dataclasses.replace(session, id=f"{session.id}-{n}", date=session.date + datetime.timedelta(days=n))
                 for n in range(12))
    html = fragment(render("sessions/_upcoming.html.j2", sessions=many, content=CONTENT,
                           links=urls.PageLinks(urls.MODULES.url(session.module))))
    listed = [t.get("datetime") for t in html.cssselect("li.pz-session time")]
    assert listed == [s.starts_at.isoformat() for s in many[:10]]
    more = html.cssselect("p.pz-more")[0]
    assert "10 van 12" in more.text_content() and more.cssselect("a")[0].get("href") == "../../agenda/"
    few = fragment(render("sessions/_upcoming.html.j2", sessions=many[:10], content=CONTENT,
                          links=urls.PageLinks(urls.MODULES.url(session.module))))
    assert len(few.cssselect("li.pz-session")) == 10 and not few.cssselect("p.pz-more")
