"""Calendar feeds, read back with vobject: a second iCalendar implementation, independent of icalendar."""

import datetime
import hashlib
import os
import subprocess
import sys
import zoneinfo

import dateutil.rrule
import pytest
import vobject
from test_sessions import CONTENT, GEOGRAPHY
from test_sessions import REAL as SESSIONS

from conftest import ROOT
from projectz.sessions.agenda import select
from projectz.sessions.feeds import FeedWriter
from projectz.sessions.records import Session

GENERATED = datetime.date(2026, 11, 27)
URLS = {module.id: f"https://projectz.example/modules/{module.id}/" for module in CONTENT.published_modules}


def make(sessions, name: str = "Project Z: test") -> bytes:
    return FeedWriter(CONTENT, generated=GENERATED, module_urls=URLS).feed(sessions, name)


def read(data: bytes) -> list:
    return vobject.readOne(data.decode("utf-8")).vevent_list


def uids(data: bytes) -> list[str]:
    return [event.uid.value for event in read(data)]


def test_all_sessions_feed_has_one_event_per_session_with_unique_stable_uids():
    data = make(SESSIONS)
    found = uids(data)
    assert found == [f"{session.id}@projectz" for session in SESSIONS]
    assert len(set(found)) == len(SESSIONS)
    assert uids(make(reversed(SESSIONS))) == found


# Run in a fresh interpreter: set order and hashing differ between processes, not within one.
FEED_DIGEST = """
import hashlib
from projectz.sessions.agenda import select
import test_feeds as t
data = t.make(t.SESSIONS) + t.make(select(t.SESSIONS, province="PV29"))
print(hashlib.sha256(data).hexdigest())
"""


def test_feed_bytes_are_identical_across_runs_whatever_the_hash_seed():
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "tests")}
        result = subprocess.run([sys.executable, "-c", FEED_DIGEST], cwd=ROOT, env=env, capture_output=True,
                                text=True, check=True)
        digests.add(result.stdout.strip())
    here = hashlib.sha256(make(SESSIONS) + make(select(SESSIONS, province="PV29"))).hexdigest()
    assert digests == {here}


def first(month_numbers: set[int]) -> Session:
    return next(session for session in SESSIONS if session.date.month in month_numbers)


@pytest.mark.parametrize(("months", "offset"), [({6, 7, 8}, 2), ({12, 1, 2}, 1)])
def test_times_are_amsterdam_local_with_the_right_utc_offset(months, offset):
    session = first(months)
    data = make([session])
    text = data.decode("utf-8")
    assert f"DTSTART;TZID=Europe/Amsterdam:{session.date:%Y%m%d}T{session.start:%H%M}00" in text
    assert f"DTEND;TZID=Europe/Amsterdam:{session.date:%Y%m%d}T{session.end:%H%M}00" in text
    assert text.count("BEGIN:VTIMEZONE") == 1 and "TZID:Europe/Amsterdam" in text
    # vobject applies the feed's own VTIMEZONE: this checks the zone definition, not just the label.
    (event,) = read(data)
    start = event.dtstart.value
    assert event.dtstart.params["X-VOBJ-ORIGINAL-TZID"] == ["Europe/Amsterdam"]
    assert start.utcoffset() == datetime.timedelta(hours=offset)
    assert start.astimezone(datetime.UTC).replace(tzinfo=None) == (
        datetime.datetime.combine(session.date, session.start) - datetime.timedelta(hours=offset))
    assert event.dtstamp.value == datetime.datetime(2026, 11, 27, tzinfo=datetime.UTC)


def test_cancelled_sessions_are_marked_cancelled_and_others_confirmed():
    cancelled = {f"{session.id}@projectz" for session in SESSIONS if session.status == "cancelled"}
    assert cancelled
    for event in read(make(SESSIONS)):
        is_cancelled = event.uid.value in cancelled
        assert event.status.value == ("CANCELLED" if is_cancelled else "CONFIRMED")
        assert event.summary.value.startswith("Afgelast: ") == is_cancelled
        assert event.transp.value == ("TRANSPARENT" if is_cancelled else "OPAQUE")


def test_sequence_is_the_sessions_revision_so_agendas_apply_each_change():
    revisions = {f"{session.id}@projectz": session.revision for session in SESSIONS}
    assert {revision for revision in revisions.values()} >= {0, 1}
    for event in read(make(SESSIONS)):
        assert int(event.sequence.value) == revisions[event.uid.value]
    moved = session(revision=3, start=datetime.time(10))
    assert read(make([moved]))[0].sequence.value == "3"


def test_feed_tells_subscribed_agendas_to_refresh_twice_a_day():
    calendar = vobject.readOne(make(SESSIONS).decode("utf-8"))
    assert calendar.contents["refresh-interval"][0].value == "PT12H"
    assert calendar.contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]
    assert calendar.contents["x-published-ttl"][0].value == "PT12H"


def utc_offset(text: str) -> datetime.timedelta:
    """An RFC 5545 UTC offset such as +0200."""
    sign = -1 if text.startswith("-") else 1
    return sign * datetime.timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))


def utc_transitions(first_year: int, last_year: int, offset_at) -> dict[datetime.datetime, datetime.timedelta]:
    """Every UTC hour in the years at which the offset changes, with the offset from then on."""
    found = {}
    moment = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC)
    previous = offset_at(moment)
    while moment.year <= last_year:
        moment += datetime.timedelta(hours=1)
        if (offset := offset_at(moment)) != previous:
            found[moment] = previous = offset
    return found


def test_time_zone_is_a_yearly_rule_that_matches_the_tz_database_from_2020_to_2035():
    text = make(SESSIONS).decode("utf-8")
    zone = vobject.readOne(text).vtimezone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text and "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    assert "RDATE" not in text
    # Expand the feed's own rules: each part starts at DTSTART local time, i.e. DTSTART minus TZOFFSETFROM in UTC.
    from_feed = {}
    for part in (*zone.contents["daylight"], *zone.contents["standard"]):
        offset_from, offset_to = utc_offset(part.tzoffsetfrom.value), utc_offset(part.tzoffsetto.value)
        rule = dateutil.rrule.rrulestr(part.rrule.value, dtstart=part.dtstart.value)
        for local in rule.between(datetime.datetime(2020, 1, 1), datetime.datetime(2036, 1, 1)):
            from_feed[(local - offset_from).replace(tzinfo=datetime.UTC)] = offset_to
    amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
    from_tzdb = utc_transitions(2020, 2035, lambda moment: moment.astimezone(amsterdam).utcoffset())
    assert len(from_tzdb) == 32
    assert from_feed == from_tzdb


@pytest.mark.parametrize("province", [province.code for province in GEOGRAPHY.provinces])
def test_province_feed_holds_exactly_the_sessions_hosted_in_or_inviting_the_province(province):
    expected = [f"{session.id}@projectz" for session in SESSIONS
                if any(GEOGRAPHY.municipality(code).province_code == province
                       for code in (session.host, *session.invited))]
    assert expected
    assert uids(make(select(SESSIONS, province=province))) == expected


@pytest.mark.parametrize("module", sorted({session.module for session in SESSIONS}))
def test_module_feed_holds_exactly_the_sessions_of_the_module_and_links_to_it(module):
    events = read(make(select(SESSIONS, module=module)))
    assert [event.uid.value for event in events] == [f"{s.id}@projectz" for s in SESSIONS if s.module == module]
    assert {event.url.value for event in events} == {URLS[module]}


def session(**fields) -> Session:
    values = dict(id="test-sessie", date=datetime.date(2026, 3, 12), start=datetime.time(9, 30),
                  end=datetime.time(13), module="webcare", trainers=("anouk-voorbeeld",), host="GM0014",
                  invited=("GM0047", "GM0765"), format="groep", location="Stadhuis, zaal 2", status="planned",
                  registration="train-je-collega@groningen.gemeente.example", results=None, example=True,
                  provinces=("PV20",))
    return Session(**{**values, **fields})


def test_event_text_is_dutch_and_names_place_people_and_mailbox():
    (event,) = read(make([session()], name="Project Z: trainingen in Groningen"))
    assert event.summary.value == CONTENT.module("webcare").title
    assert event.location.value == "Stadhuis, zaal 2, Groningen"
    description = event.description.value
    for line in ("Vorm: Groepssessie", "Trainers: Anouk Voorbeeld", "Gastgemeente: Groningen",
                 "Uitgenodigd: Veendam, Pekela", "Aanmelden: train-je-collega@groningen.gemeente.example",
                 f"Over de module: {URLS['webcare']}"):
        assert line in description.splitlines()
    assert "Voorbeeldgegevens" in description
    assert "Voorbeeldgegevens" not in read(make([session(example=False)]))[0].description.value
    assert "X-WR-CALNAME:Project Z: trainingen in Groningen" in make([session()], name="Project Z: trainingen in "
                                                                                       "Groningen").decode()


def test_remote_session_is_located_op_afstand():
    (event,) = read(make([session(format="op-afstand", location=None)]))
    assert event.location.value == "Op afstand"


def test_a_published_module_without_url_is_an_error():
    with pytest.raises(ValueError, match="no URL for module webcare"):
        FeedWriter(CONTENT, generated=GENERATED, module_urls={}).feed([session()], "x")


def test_a_writer_gives_each_feed_the_same_bytes_as_a_fresh_writer_would():
    writer = FeedWriter(CONTENT, generated=GENERATED, module_urls=URLS)
    selections = [SESSIONS, select(SESSIONS, module="webcare"), select(SESSIONS, province="PV29"), ()]
    assert [writer.feed(chosen, "Project Z: test") for chosen in selections] == [make(chosen) for chosen in selections]
