"""Choosing sessions for an agenda or a feed: by province, module, trainer, municipality and date.

Pure functions: "today" is always passed in, so a build on a fixed date gives the same agenda.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from projectz.sessions.records import Session, in_date_order

# No agenda page lists more sessions than this, so that none grows past about 150 kB (what a phone
# on a poor connection still loads quickly), even with fifty times today's sessions: each costs
# about 0.7 kB of list and, on the agenda page, 0.9 kB of JSON-LD.
SESSIONS_PER_PAGE = 50


@dataclass(frozen=True)
class AgendaPart:
    """The sessions of one month, or one part of a month too full for a single page."""

    month: datetime.date  # the first day of the month
    part: int  # counted from 1
    parts: int
    sessions: tuple[Session, ...]

    @property
    def key(self) -> str:
        """'2027-03', or '2027-03-deel-2' for the second part of a full month."""
        return f"{self.month:%Y-%m}" if self.part == 1 else f"{self.month:%Y-%m}-deel-{self.part}"


def select(sessions: Iterable[Session], *, province: str | None = None, module: str | None = None,
           trainer: str | None = None, municipality: str | None = None) -> tuple[Session, ...]:
    """The sessions that match every filter given, in date order.

    A session is in a province, or for a municipality, when its host or one of its invited
    municipalities is.
    """
    return in_date_order(
        session for session in sessions
        if (province is None or province in session.provinces)
        and (module is None or session.module == module)
        and (trainer is None or trainer in session.trainers)
        and (municipality is None or municipality in session.municipalities)
    )


def upcoming(sessions: Iterable[Session], today: datetime.date, *, province: str | None = None,
             module: str | None = None, trainer: str | None = None,
             municipality: str | None = None) -> tuple[Session, ...]:
    """Sessions from today on that match every filter given, soonest first.

    Cancelled sessions stay in: whoever signed up looks for them here and must see the cancellation.
    """
    chosen = select(sessions, province=province, module=module, trainer=trainer, municipality=municipality)
    return tuple(session for session in chosen if session.date >= today)


def _month(session: Session) -> datetime.date:
    return session.date.replace(day=1)


def month_parts(sessions: Iterable[Session], per_page: int = SESSIONS_PER_PAGE) -> tuple[AgendaPart, ...]:
    """Every month with sessions, in date order, each split into parts of at most per_page sessions."""
    parts: list[AgendaPart] = []
    for month, group in groupby(in_date_order(sessions), key=_month):
        in_month = tuple(group)
        chunks = [in_month[start:start + per_page] for start in range(0, len(in_month), per_page)]
        parts += [AgendaPart(month, number, len(chunks), chunk) for number, chunk in enumerate(chunks, 1)]
    return tuple(parts)


def first_page(soonest_first: tuple[Session, ...], per_page: int = SESSIONS_PER_PAGE) -> tuple[Session, ...]:
    """What the agenda page shows of the upcoming sessions: whole months while they fit on one page,
    and never less than a page's worth; the month pages have the rest."""
    shown: list[Session] = []
    for _, group in groupby(soonest_first, key=_month):
        in_month = tuple(group)
        if shown and len(shown) + len(in_month) > per_page:
            break
        shown += in_month[:per_page - len(shown)]
    return tuple(shown)
