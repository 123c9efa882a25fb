"""Atom feeds (RFC 4287) of new and updated modules and of upcoming training days.

Written with feedgenerator (Pelican's maintained standalone copy of Django's feed writer). The bytes
depend only on the content: a module's entry is dated by its last review, a training day's by
the build date (the data records no moment of change), and an empty feed by the build date too.
"""

import datetime
from typing import Any

import feedgenerator

from projectz.content import Content
from projectz.core import dutch, urls, vocabulary
from projectz.core.templating import render
from projectz.curriculum.modules import Module
from projectz.curriculum.pages import CATALOGUE_URL
from projectz.sessions.records import TIMEZONE, Session

# Each feed with the title the page head gives it, for feed readers to offer.
FEEDS = {urls.ATOM_MODULES: "Nieuwe en bijgewerkte modules", urls.ATOM_SESSIONS: "Komende trainingen"}


class _AtomFeed(feedgenerator.Atom1Feed):
    """feedgenerator dates a feed without entries by the wall clock; this one by the build date."""

    def latest_post_date(self) -> datetime.datetime:
        return super().latest_post_date() if self.items else self.feed["build_moment"]


def _feed(content: Content, site_url: str, *, path: str, title: str, subtitle: str, page: str) -> _AtomFeed:
    return _AtomFeed(
        title=title, subtitle=subtitle, description=subtitle, link=f"{site_url}{page}", language="nl",
        feed_url=f"{site_url}{path}", feed_guid=f"{site_url}{path}", author_name="Project Z",
        build_moment=_build_moment(content.build_date),
    )


def _build_moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), datetime.UTC)


def _written(feed: _AtomFeed) -> bytes:
    return feed.writeString("utf-8").encode("utf-8")


def modules_feed(content: Content, site_url: str) -> bytes:
    """Every published module, the most recently reviewed first; a new version is a new entry."""
    feed = _feed(content, site_url, path=urls.ATOM_MODULES, page=CATALOGUE_URL,
                 title="Project Z: nieuwe en bijgewerkte modules",
                 subtitle="Elke nieuwe module en elke nieuwe versie van een module van Project Z.")
    for module in sorted(content.published_modules, key=lambda m: (-m.last_reviewed.toordinal(), m.id)):
        feed.add_item(**_module_entry(module, site_url))
    return _written(feed)


def _module_entry(module: Module, site_url: str) -> dict[str, Any]:
    page = f"{site_url}{urls.MODULES.url(module.id)}"
    return {
        "title": f"{module.title} (versie {module.version})",
        "link": page,
        "unique_id": f"{page}#versie-{module.version}",
        "updateddate": datetime.datetime.combine(module.last_reviewed, datetime.time(), TIMEZONE),
        "description": render("opendata/atom_module.html.j2", module=module),
        "author_name": ", ".join(module.authors),
        "categories": [vocabulary.TOPICS[module.topic]],
    }


def sessions_feed(content: Content, site_url: str) -> bytes:
    """Training days from the build date on, soonest first; cancelled ones stay in, marked as such."""
    feed = _feed(content, site_url, path=urls.ATOM_SESSIONS, page=urls.AGENDA,
                 title="Project Z: komende trainingen",
                 subtitle="De komende trainingsdagen van Project Z, met plaats, tijd en aanmeldadres.")
    for session in content.upcoming():
        feed.add_item(**_session_entry(session, content, site_url))
    return _written(feed)


def _session_entry(session: Session, content: Content, site_url: str) -> dict[str, Any]:
    module = content.module(session.module)
    title = f"{dutch.long_date(session.date)}: {module.title}"
    if session.status == "cancelled":
        title = f"{vocabulary.SESSION_STATUSES['cancelled']}: {title}"
    page = urls.MODULES.url(module.id) if module.published else urls.AGENDA
    geography = content.geography
    return {
        "title": title,
        "link": f"{site_url}{page}",
        "unique_id": f"{site_url}{urls.AGENDA}#{session.id}",
        "updateddate": _build_moment(content.build_date),
        "description": render(
            "opendata/atom_session.html.j2", session=session, module=module,
            host=geography.municipality(session.host).name,
            invited=[geography.municipality(code).name for code in session.invited],
            trainers=[content.trainer(trainer_id).name for trainer_id in session.trainers],
        ),
        "categories": [vocabulary.FORMATS[session.format]],
    }


def atom_files(content: Content, site_url: str) -> dict[str, bytes]:
    return {urls.ATOM_MODULES: modules_feed(content, site_url), urls.ATOM_SESSIONS: sessions_feed(content, site_url)}
