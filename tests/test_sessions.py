"""Training sessions: every rule's message names file, line and field; the agenda picks the right ones."""

import dataclasses
import datetime
from pathlib import Path

import pytest

from conftest import REAL_CONTENT as CONTENT
from conftest import ROOT
from projectz.curriculum.modules import Curriculum
from projectz.people.trainers import load_trainers
from projectz.sessions.agenda import first_page, month_parts, select, upcoming
from projectz.sessions.records import Results, Session, load_sessions

GEOGRAPHY = CONTENT.geography
CURRICULUM = Curriculum(CONTENT.modules, frozenset(module.id for module in CONTENT.modules))
# Consenting or not: load_sessions must see both to tell "unknown" from "may not be published".
# The real example date the data is written around: before it sessions were held, after it planned.
TODAY = datetime.date(2026, 11, 27)
ALL_TRAINERS, _ = load_trainers(ROOT / "data" / "trainers.yaml", ROOT, GEOGRAPHY, CURRICULUM,
                                frozenset(hub.municipality_code for hub in CONTENT.hubs), TODAY)

# Groningen (GM0014) hosts; Veendam (GM0047) and Pekela (GM0765) are invited. Line numbers matter.
SESSION = """\
sessions:
  - id: test-sessie
    date: 2026-03-12
    start: "09:30"
    end: "13:00"
    module: webcare
    trainers: [anouk-voorbeeld]
    host: GM0014
    invited: [GM0047, GM0765]
    format: groep
    location: Stadhuis, zaal 2
    status: held
    registration: train-je-collega@groningen.gemeente.example
    results:
      participants: 12
      municipalities: [GM0047]
      score: 8.1
      remarks: Veel vragen over Facebookgroepen.
    example: true
"""

RESULTS = """\
    results:
      participants: 12
      municipalities: [GM0047]
      score: 8.1
      remarks: Veel vragen over Facebookgroepen.
"""


def load(tmp_path: Path, text: str, curriculum: Curriculum = CURRICULUM) -> tuple[tuple[Session, ...], list[str]]:
    path = tmp_path / "sessions.yaml"
    path.write_text(text, encoding="utf-8")
    sessions, issues = load_sessions(path, tmp_path, GEOGRAPHY, curriculum, ALL_TRAINERS, TODAY)
    return sessions, [str(issue) for issue in sorted(issues)]


def test_valid_session_loads_with_converted_values(tmp_path):
    sessions, problems = load(tmp_path, SESSION)
    assert problems == []
    assert sessions == (Session(
        id="test-sessie", date=datetime.date(2026, 3, 12), start=datetime.time(9, 30), end=datetime.time(13),
        module="webcare", trainers=("anouk-voorbeeld",), host="GM0014", invited=("GM0047", "GM0765"),
        format="groep", location="Stadhuis, zaal 2", status="held",
        registration="train-je-collega@groningen.gemeente.example",
        results=Results(participants=12, municipalities=("GM0047",), score=8.1,
                        remarks="Veel vragen over Facebookgroepen."),
        example=True, provinces=("PV20",),
    ),)
    assert sessions[0].starts_at.isoformat() == "2026-03-12T09:30:00+01:00"


def test_remote_session_needs_no_location_and_in_house_session_may_invite_nobody(tmp_path):
    remote = SESSION.replace("format: groep", "format: op-afstand").replace("    location: Stadhuis, zaal 2\n", "")
    in_house = SESSION.replace("format: groep", "format: in-huis").replace("invited: [GM0047, GM0765]", "invited: []")
    assert load(tmp_path, remote)[1] == []
    assert load(tmp_path, in_house)[1] == []
    assert load(tmp_path, remote)[0][0].location is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([('end: "13:00"', 'end: "09:30"')],
         "sessions.yaml:5: sessions[1].end: eindtijd 09:30 ligt niet na begintijd 09:30"),
        ([('start: "09:30"', "start: 13:30")],
         'sessions.yaml:4: sessions[1].start: YAML leest deze tijd als het getal 810; schrijf "13:30" met '
         'aanhalingstekens'),
        ([("module: webcare", "module: bestaat-niet")],
         "sessions.yaml:6: sessions[1].module: module 'bestaat-niet' bestaat niet"),
        ([("trainers: [anouk-voorbeeld]", "trainers: [anouk-voorbeeld, niemand]")],
         "sessions.yaml:7: sessions[1].trainers[2]: trainer 'niemand' staat niet in data/trainers.yaml"),
        ([("trainers: [anouk-voorbeeld]", "trainers: [noor-zonderja]")],
         "sessions.yaml:7: sessions[1].trainers[1]: trainer 'noor-zonderja' gaf geen toestemming voor publicatie; "
         "de sessie zou deze trainer toch publiceren"),
        ([("host: GM0014", "host: GM9999")],
         "sessions.yaml:8: sessions[1].host: gemeente 'GM9999' bestaat niet in de CBS-indeling van 2023"),
        ([("invited: [GM0047, GM0765]", "invited: [GM0047, GM9999]")],
         "sessions.yaml:9: sessions[1].invited[2]: gemeente 'GM9999' bestaat niet in de CBS-indeling van 2023"),
        ([("municipalities: [GM0047]", "municipalities: [GM9999]")],
         "sessions.yaml:16: sessions[1].results.municipalities[1]: gemeente 'GM9999' bestaat niet in de "
         "CBS-indeling van 2023"),
        ([("    location: Stadhuis, zaal 2\n", "")],
         "sessions.yaml:10: sessions[1].location: verplicht bij vorm 'groep'; alleen een sessie op afstand heeft "
         "geen locatie"),
        ([("format: groep", "format: op-afstand")],
         "sessions.yaml:11: sessions[1].location: een sessie op afstand heeft geen locatie; laat dit veld weg"),
        ([("status: held", "status: planned")],
         "sessions.yaml:14: sessions[1].results: alleen een gehouden sessie (held) heeft resultaten; deze sessie "
         "is planned"),
        ([("status: held", "status: cancelled\n    revision: 1")],
         "sessions.yaml:15: sessions[1].results: alleen een gehouden sessie (held) heeft resultaten; deze sessie "
         "is cancelled"),
        ([(RESULTS, ""), ("status: held", "status: cancelled")],
         "sessions.yaml:12: sessions[1].revision: een afgelaste sessie heeft een hogere revision dan 0 nodig "
         "(zet revision: 1, of 1 hoger dan hij was); anders houden agenda's die op de site geabonneerd zijn de "
         "training als doorgaand"),
        ([(RESULTS, ""), ("status: held", "status: cancelled\n    revision: 0")],
         "sessions.yaml:13: sessions[1].revision: een afgelaste sessie heeft een hogere revision dan 0 nodig "
         "(zet revision: 1, of 1 hoger dan hij was); anders houden agenda's die op de site geabonneerd zijn de "
         "training als doorgaand"),
        ([("status: held", "status: held\n    revision: -1")],
         "sessions.yaml:13: sessions[1].revision: -1 valt buiten het bereik 0 tot en met 999"),
        ([(RESULTS, "")],
         "sessions.yaml:12: sessions[1].results: een gehouden sessie heeft resultaten nodig: participants, "
         "municipalities en score"),
        ([("score: 8.1", "score: 11")],
         "sessions.yaml:17: sessions[1].results.score: 11 valt buiten het bereik 1 tot en met 10"),
        ([("score: 8.1", "score: 0.5")],
         "sessions.yaml:17: sessions[1].results.score: 0.5 valt buiten het bereik 1 tot en met 10"),
        ([("score: 8.1", "score: 8.15")],
         "sessions.yaml:17: sessions[1].results.score: 8.15 heeft te veel decimalen; schrijf hoogstens één cijfer "
         "achter de punt"),
        ([("remarks:", "remark:")],
         "sessions.yaml:18: sessions[1].results.remark: onbekend veld (tikfout?); toegestaan zijn: participants, "
         "municipalities, score, remarks"),
        ([("participants: 12", "participants: twaalf")],
         "sessions.yaml:15: sessions[1].results.participants: verwacht een geheel getal van 1 tot en met 500, maar "
         "vond tekst"),
        ([("status: held", "status: gehouden")],
         "sessions.yaml:12: sessions[1].status: 'gehouden' is niet toegestaan; kies uit: planned, held, cancelled"),
        ([("date: 2026-03-12", "date: 2026-11-28")],
         "sessions.yaml:12: sessions[1].status: de sessie van 28 november 2026 is nog niet geweest (bouwdatum "
         "27 november 2026); een sessie na de bouwdatum is planned of cancelled"),
    ],
)
def test_each_session_rule_names_file_line_and_field(tmp_path, changes, expected):
    text = SESSION
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    sessions, problems = load(tmp_path, text)
    assert problems == [expected]
    assert sessions == ()


def test_session_held_on_the_build_date_itself_is_fine(tmp_path):
    assert load(tmp_path, SESSION.replace("date: 2026-03-12", f"date: {TODAY}"))[1] == []


def test_planned_session_of_unpublished_module_is_an_error_but_a_past_one_is_not(tmp_path):
    drafts = Curriculum(tuple(dataclasses.replace(module, status="draft") if module.id == "webcare" else module
                              for module in CONTENT.modules), CURRICULUM.declared_ids)
    planned = SESSION.replace("status: held", "status: planned").replace(RESULTS, "")
    assert load(tmp_path, planned, drafts)[1] == [
        "sessions.yaml:6: sessions[1].module: module 'webcare' is niet gepubliceerd; een geplande sessie gaat over "
        "een gepubliceerde module"]
    assert load(tmp_path, SESSION, drafts)[1] == []


def test_trainer_who_does_not_give_the_module_is_a_warning_and_the_session_still_loads(tmp_path):
    sessions, problems = load(tmp_path, SESSION.replace("[anouk-voorbeeld]", "[floor-denkbeeld]"))
    assert problems == ["sessions.yaml:7: sessions[1].trainers[1]: waarschuwing: trainer 'floor-denkbeeld' geeft "
                        "module 'webcare' niet volgens data/trainers.yaml"]
    assert [session.id for session in sessions] == ["test-sessie"]


def test_module_with_errors_of_its_own_is_not_reported_again_as_missing(tmp_path):
    without_webcare = Curriculum(tuple(m for m in CONTENT.modules if m.id != "webcare"), CURRICULUM.declared_ids)
    assert load(tmp_path, SESSION, without_webcare)[1] == []


def test_duplicate_id_names_the_first_line(tmp_path):
    record = SESSION.removeprefix("sessions:\n")
    problems = load(tmp_path, SESSION + record)[1]
    assert problems == ["sessions.yaml:20: sessions[2].id: 'test-sessie' staat al in regel 2"]


# --- The real data --------------------------------------------------------------------------

REAL, REAL_ISSUES = load_sessions(ROOT / "data" / "sessions.yaml", ROOT, GEOGRAPHY, CURRICULUM, ALL_TRAINERS,
                                  TODAY)


def test_real_sessions_validate_and_are_marked_examples():
    assert [str(issue) for issue in REAL_ISSUES] == []
    assert len(REAL) >= 48 and all(session.example for session in REAL)
    assert all(session.registration.endswith(".example") for session in REAL)


def test_real_sessions_fit_the_calendar_around_today():
    past = [session for session in REAL if session.date < TODAY]
    future = [session for session in REAL if session.date >= TODAY]
    assert {session.status for session in past} == {"held", "cancelled"}
    assert sum(session.status == "held" for session in past) > 5 * sum(s.status == "cancelled" for s in past)
    assert {session.status for session in future} <= {"planned", "cancelled"}
    months = {(session.date.year, session.date.month) for session in REAL}
    expected = {(2025 + (5 + index) // 12, (5 + index) % 12 + 1) for index in range(24)}  # 2025-06 … 2027-05
    assert months == expected


def test_real_sessions_are_given_by_publishable_trainers_of_published_modules_they_teach():
    published = {module.id for module in CONTENT.published_modules}
    consenting = {trainer.id: trainer for trainer in CONTENT.trainers}
    for session in REAL:
        assert session.module in published, session.id
        assert all(session.module in consenting[trainer_id].modules for trainer_id in session.trainers), session.id


# --- The agenda -----------------------------------------------------------------------------


def agenda_session(session_id: str, date: str, **fields) -> Session:
    values = dict(id=session_id, date=datetime.date.fromisoformat(date), start=datetime.time(9, 30),
                  end=datetime.time(12, 30), module="webcare", trainers=("anouk-voorbeeld",), host="GM0014",
                  invited=("GM0047",), format="groep", location="Stadhuis", status="planned",
                  registration="aanmelden@gemeente.example", results=None, example=True, provinces=("PV20",))
    return Session(**{**values, **fields})


AGENDA = (
    agenda_session("later", "2026-12-10"),
    agenda_session("vandaag-middag", "2026-11-27", start=datetime.time(13), end=datetime.time(16)),
    agenda_session("vandaag-ochtend", "2026-11-27"),
    agenda_session("gisteren", "2026-11-26", status="held"),
    agenda_session("afgelast", "2026-12-01", status="cancelled"),
    agenda_session("flevoland", "2026-12-02", module="politieke-sensitiviteit", trainers=("esra-fictief",),
                   host="GM0034", invited=("GM0050", "GM0047"), provinces=("PV20", "PV24")),
)


def ids(sessions: tuple[Session, ...]) -> list[str]:
    return [session.id for session in sessions]


def test_upcoming_starts_today_soonest_first_and_keeps_cancellations():
    assert ids(upcoming(AGENDA, TODAY)) == ["vandaag-ochtend", "vandaag-middag", "afgelast", "flevoland", "later"]


def test_upcoming_filters_combine():
    assert ids(upcoming(AGENDA, TODAY, province="PV24")) == ["flevoland"]
    assert ids(upcoming(AGENDA, TODAY, province="PV20", module="politieke-sensitiviteit")) == ["flevoland"]
    assert ids(upcoming(AGENDA, TODAY, trainer="esra-fictief")) == ["flevoland"]
    assert ids(upcoming(AGENDA, TODAY, municipality="GM0050")) == ["flevoland"]
    assert ids(upcoming(AGENDA, TODAY, municipality="GM0014")) == ["vandaag-ochtend", "vandaag-middag", "afgelast",
                                                                    "later"]
    assert upcoming(AGENDA, datetime.date(2027, 1, 1)) == ()


def test_select_keeps_the_past():
    assert ids(select(AGENDA, module="webcare"))[0] == "gisteren"


def test_month_parts_hold_each_month_whole_or_split_into_pages_of_at_most_per_page():
    parts = month_parts(reversed(AGENDA), per_page=2)
    assert [(part.key, part.part, part.parts, ids(part.sessions)) for part in parts] == [
        ("2026-11", 1, 2, ["gisteren", "vandaag-ochtend"]),
        ("2026-11-deel-2", 2, 2, ["vandaag-middag"]),
        ("2026-12", 1, 2, ["afgelast", "flevoland"]),
        ("2026-12-deel-2", 2, 2, ["later"]),
    ]
    assert [part.key for part in month_parts(AGENDA)] == ["2026-11", "2026-12"]


def test_first_page_shows_whole_months_while_they_fit_and_at_least_a_page():
    soonest_first = upcoming(AGENDA, TODAY)  # two on 27 November, three in December
    assert ids(first_page(soonest_first, per_page=5)) == ids(soonest_first)
    assert ids(first_page(soonest_first, per_page=4)) == ["vandaag-ochtend", "vandaag-middag"]
    assert ids(first_page(soonest_first, per_page=1)) == ["vandaag-ochtend"]
    assert first_page(()) == ()
