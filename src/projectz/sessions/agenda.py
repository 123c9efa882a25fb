"""Choosing sessions for an agenda or a feed: by province, module, trainer, municipality and date.

Pure functions: "today" is always passed in, so a build on a fixed date gives the same agenda.
"""

import datetime
from collections.abc import Iterable

from projectz.sessions.records import Session, in_date_order


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
