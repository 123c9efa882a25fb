"""Atom feeds of modules and of upcoming training days, read back as XML against RFC 4287."""

import dataclasses
import datetime
from pathlib import Path

from lxml import etree

from conftest import REAL_CONTENT as CONTENT
from projectz.core import urls
from projectz.opendata.atom import modules_feed, sessions_feed

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITE = "https://projectz.example/"


def read(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def texts(element: etree._Element, path: str) -> list[str]:
    return [node.text for node in element.xpath(path, namespaces=ATOM)]


def check_atom(feed: etree._Element) -> None:
    """What RFC 4287 requires of a feed and of each entry."""
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for element in [feed, *feed.xpath("a:entry", namespaces=ATOM)]:
        for required in ("a:id", "a:title", "a:updated"):
            assert len(element.xpath(required, namespaces=ATOM)) == 1, (etree.tostring(element)[:200], required)
        datetime.datetime.fromisoformat(texts(element, "a:updated")[0])
    assert feed.xpath("a:author/a:name", namespaces=ATOM)
    assert feed.xpath("a:link[@rel='self']/@href", namespaces=ATOM)
    ids = texts(feed, "a:entry/a:id")
    assert len(set(ids)) == len(ids)


def test_modules_feed_has_an_entry_per_version_most_recently_reviewed_first():
    feed = read(modules_feed(CONTENT, SITE))
    check_atom(feed)
    modules = sorted(CONTENT.published_modules, key=lambda m: (-m.last_reviewed.toordinal(), m.id))
    assert texts(feed, "a:entry/a:title") == [f"{m.title} (versie {m.version})" for m in modules]
    assert texts(feed, "a:entry/a:id") == [f"{SITE}modules/{m.id}/#versie-{m.version}" for m in modules]
    updated = [datetime.datetime.fromisoformat(text).date() for text in texts(feed, "a:entry/a:updated")]
    assert updated == [m.last_reviewed for m in modules]
    assert datetime.datetime.fromisoformat(texts(feed, "a:updated")[0]).date() == max(updated)
    assert feed.xpath("a:entry[1]/a:link[@rel='alternate']/@href", namespaces=ATOM) == [
        f"{SITE}{urls.MODULES.url(modules[0].id)}"]


def test_sessions_feed_lists_upcoming_training_days_and_marks_cancelled_ones():
    feed = read(sessions_feed(CONTENT, SITE))
    check_atom(feed)
    upcoming = CONTENT.upcoming()
    assert texts(feed, "a:entry/a:id") == [f"{SITE}agenda/#{s.id}" for s in upcoming]
    cancelled = next(s for s in upcoming if s.status == "cancelled")
    index = upcoming.index(cancelled) + 1
    assert texts(feed, f"a:entry[{index}]/a:title")[0].startswith("Afgelast: ")
    summary = texts(feed, f"a:entry[{index}]/a:summary[@type='html']")[0]
    assert "afgelast" in summary and cancelled.registration not in summary


def test_feeds_are_dated_by_the_content_never_by_the_clock():
    nothing = dataclasses.replace(CONTENT, modules=(), sessions=(), build_date=datetime.date(2031, 5, 6))
    for feed in (modules_feed(nothing, SITE), sessions_feed(nothing, SITE)):
        root = read(feed)
        assert root.xpath("a:entry", namespaces=ATOM) == []
        assert texts(root, "a:updated") == ["2031-05-06T00:00:00+00:00"]
    assert sessions_feed(CONTENT, SITE) == sessions_feed(CONTENT, SITE)


def test_built_feeds_are_the_ones_every_page_links(built_site: Path):
    for path in (urls.ATOM_MODULES, urls.ATOM_SESSIONS):
        feed = read((built_site / path).read_bytes())
        check_atom(feed)
        self_link = feed.xpath("a:link[@rel='self']/@href", namespaces=ATOM)[0]
        assert self_link.endswith(path)
