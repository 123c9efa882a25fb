"""iCalendar (RFC 5545) feeds of training sessions, for agendas that subscribe to them.

A feed is bytes that depend on nothing but its arguments: DTSTAMP comes from the `generated`
date, the time zone is defined by its yearly rule, and events are in date order. The caller
chooses which sessions go in (see agenda.select), the feed's name and every module URL.
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from projectz.content import Content
from projectz.core import vocabulary
from projectz.core.templating import render
from projectz.sessions.records import TIMEZONE, Session, in_date_order

# icalendar is imported where a feed is made: the build's main process only lists the feeds (its
# second process makes them), and importing icalendar took it a twentieth of a second.
if TYPE_CHECKING:
    from icalendar import Event, Timezone

PRODID = "-//Project Z//Trainingsagenda//NL"
UID_DOMAIN = "projectz"

CALENDAR_END = b"END:VCALENDAR\r\n"

EVENT_STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}

# How often a subscribed agenda should fetch the feed again (RFC 7986; X-PUBLISHED-TTL for Outlook).
REFRESH_INTERVAL = datetime.timedelta(hours=12)


def amsterdam_timezone() -> "Timezone":
    """Europe/Amsterdam as the yearly EU rule (summer time from the last Sunday of March to the last
    Sunday of October, both at 01:00 UTC) that every calendar client applies to any year, rather
    than a list of transition dates that ends."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", TIMEZONE.key)
    for part, name, month, local_start, offset_from, offset_to in (
            (TimezoneDaylight(), "CEST", 3, datetime.datetime(1981, 3, 29, 2), 1, 2),
            (TimezoneStandard(), "CET", 10, datetime.datetime(1996, 10, 27, 3), 2, 1)):
        part.add("tzname", name)
        # DTSTART is local time before the change: 01:00 UTC is 02:00 in winter and 03:00 in summer.
        part.add("dtstart", local_start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
        part.add("tzoffsetto", datetime.timedelta(hours=offset_to))
        zone.add_component(part)
    return zone


class FeedWriter:
    """Writes several feeds over the same sessions, serializing each session's event only once.

    A session is in the feed of everything, of its province and of its module; icalendar would
    otherwise serialize it three times, which is most of the time the feeds take.
    """

    def __init__(self, content: Content, *, generated: datetime.date, module_urls: Mapping[str, str]):
        """module_urls maps every published module to its page."""
        self.content = content
        self.module_urls = module_urls
        self.stamp = datetime.datetime.combine(generated, datetime.time(), datetime.UTC)
        self.events: dict[str, bytes] = {}

    def feed(self, sessions: Iterable[Session], name: str) -> bytes:
        """One calendar with an event per session.

        Raises ValueError if a session's module is published but has no URL.
        """
        chosen = in_date_order(sessions)
        published = self.content.published_module_ids
        if missing := sorted({s.module for s in chosen if s.module in published} - self.module_urls.keys()):
            raise ValueError(f"no URL for module {', '.join(missing)}")
        from icalendar import Calendar, vDuration

        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
        if chosen:
            calendar.add_component(amsterdam_timezone())
        # The events go last, after the zone they refer to, as icalendar itself would put them.
        head = calendar.to_ical().removesuffix(CALENDAR_END)
        return head + b"".join(self.event_lines(session) for session in chosen) + CALENDAR_END

    def event_lines(self, session: Session) -> bytes:
        if session.id not in self.events:
            url = self.module_urls.get(session.module)
            self.events[session.id] = event(session, self.content, self.stamp, url).to_ical()
        return self.events[session.id]


def event(session: Session, content: Content, stamp: datetime.datetime, url: str | None) -> "Event":
    from icalendar import Event

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
        "sessions/feeds/event_description.txt.j2",
        session=session,
        module=module,
        trainers=[content.trainer(trainer_id).name for trainer_id in session.trainers],
        host=host,
        invited=[content.geography.municipality(code).name for code in session.invited],
        url=url,
    ).strip())
    item.add("status", EVENT_STATUS[session.status])
    # A cancelled training no longer blocks the time in the subscriber's agenda.
    item.add("transp", "TRANSPARENT" if session.status == "cancelled" else "OPAQUE")
    # Agendas apply a changed event only when its sequence rises: authors raise the revision with
    # every change of date, time, place or status.
    item.add("sequence", session.revision)
    if url is not None:
        item.add("url", url)
    return item


def summary(session: Session, module_title: str) -> str:
    if session.status == "cancelled":
        return f"{vocabulary.SESSION_STATUSES['cancelled']}: {module_title}"
    return module_title
