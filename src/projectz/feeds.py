"""iCalendar (RFC 5545) feeds of training sessions, for agendas that subscribe to them.

A feed is bytes that depend on nothing but its arguments: DTSTAMP comes from the `generated`
date, the time zone definition covers whole years around the sessions, and events are in date
order. The caller chooses which sessions go in (see agenda.select), the feed's name and every
module URL.
"""

import datetime
from collections.abc import Iterable, Mapping

from icalendar import Calendar, Event

from projectz import vocabulary
from projectz.content import Content
from projectz.sessions import Session, in_date_order
from projectz.templating import render

PRODID = "-//Project Z//Trainingsagenda//NL"
UID_DOMAIN = "projectz"

EVENT_STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def feed(sessions: Iterable[Session], content: Content, *, name: str, generated: datetime.date,
         module_urls: Mapping[str, str]) -> bytes:
    """One calendar with an event per session; module_urls maps every published module to its page.

    Raises ValueError if a session's module is published but has no URL.
    """
    chosen = in_date_order(sessions)
    published = {module.id for module in content.published_modules}
    if missing := sorted({s.module for s in chosen if s.module in published} - module_urls.keys()):
        raise ValueError(f"no URL for module {', '.join(missing)}")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    stamp = datetime.datetime.combine(generated, datetime.time(), datetime.UTC)
    for session in chosen:
        calendar.add_component(event(session, content, stamp, module_urls.get(session.module)))
    if chosen:
        # Whole years around the sessions: the zone definition then changes only with the years covered.
        calendar.add_missing_timezones(first_date=datetime.date(chosen[0].date.year, 1, 1),
                                       last_date=datetime.date(chosen[-1].date.year + 1, 1, 1))
    return calendar.to_ical()


def event(session: Session, content: Content, stamp: datetime.datetime, url: str | None) -> Event:
    module = content.module(session.module)
    host = content.geography.municipality(session.host).name
    item = Event()
    item.add("uid", f"{session.id}@{UID_DOMAIN}")
    item.add("dtstamp", stamp)
    item.add("dtstart", session.starts_at)
    item.add("dtend", session.ends_at)
    item.add("summary", summary(session, module.title))
    where = vocabulary.FORMATS[session.format] if session.location is None else f"{session.location}, {host}"
    item.add("location", where)
    item.add("description", render(
        "feeds/event_description.txt.j2",
        session=session,
        module=module,
        trainers=[content.trainer(trainer_id).name for trainer_id in session.trainers],
        host=host,
        invited=[content.geography.municipality(code).name for code in session.invited],
        url=url,
    ).strip())
    item.add("status", EVENT_STATUS[session.status])
    # Agendas apply a changed event only when its sequence rises; a cancellation is the one change
    # a feed can recognise without remembering earlier versions.
    item.add("sequence", 1 if session.status == "cancelled" else 0)
    if url is not None:
        item.add("url", url)
    return item


def summary(session: Session, module_title: str) -> str:
    if session.status == "cancelled":
        return f"{vocabulary.SESSION_STATUSES['cancelled']}: {module_title}"
    return module_title
