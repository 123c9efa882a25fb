"""The results benchmark on a small hand-made fixture whose figures are worked out below, and its charts.

The published files made from these figures are tested in test_opendata_tables."""

import dataclasses
import datetime

from lxml import etree
from test_sessions import CONTENT as REAL
from test_sessions import REAL as REAL_SESSIONS
from test_sessions import TODAY

from projectz.geography.network import Hub
from projectz.sessions.charts import render_score_chart, render_sessions_chart
from projectz.sessions.records import Results, Session
from projectz.sessions.results import Figures, benchmark

# Our own hubs, so the pledges below do not change when data/network.yaml does:
# Groningen pledges 2 days a month from January, Almere 1 day from mid-February (so from February).
CONTENT = dataclasses.replace(REAL, hubs=(
    Hub("GM0014", "groningen@gemeente.example", 2, datetime.date(2026, 1, 1), True),
    Hub("GM0034", "almere@gemeente.example", 1, datetime.date(2026, 2, 15), True),
))
UNTIL = datetime.date(2026, 3, 31)

# Province Groningen (PV20): 10 municipalities, 9 under 100,000 (all but GM0014 Groningen).
# Province Flevoland (PV24): 6 municipalities, 5 under 100,000 (all but GM0034 Almere).
# The whole country: 342 municipalities, 310 under 100,000.
VEENDAM, PEKELA, WESTERWOLDE = "GM0047", "GM0765", "GM1950"
ZEEWOLDE, URK = "GM0050", "GM0184"


def session(session_id: str, date: str, host: str, invited: tuple[str, ...], provinces: tuple[str, ...], *,
            trainers: tuple[str, ...] = ("t1",), status: str = "held", reached: tuple[str, ...] = (),
            score: float = 0) -> Session:
    return Session(
        id=session_id, date=datetime.date.fromisoformat(date), start=datetime.time(9, 30), end=datetime.time(12),
        module="webcare", trainers=trainers, host=host, invited=invited, format="groep", location="Stadhuis",
        status=status, registration="aanmelden@gemeente.example",
        results=Results(participants=10, municipalities=reached, score=score) if status == "held" else None,
        example=True, provinces=provinces,
    )


SESSIONS = (
    session("a", "2026-01-13", "GM0014", (VEENDAM, PEKELA), ("PV20",), reached=(VEENDAM, PEKELA), score=8.0),
    session("b", "2026-02-10", "GM0014", (VEENDAM, WESTERWOLDE), ("PV20",), trainers=("t1", "t2"),
            reached=(VEENDAM, WESTERWOLDE), score=7.5),
    # Almere itself took part: reached, but not one of the smaller municipalities.
    session("c", "2026-02-17", "GM0034", (ZEEWOLDE, URK), ("PV24",), reached=("GM0034", ZEEWOLDE), score=7.5),
    session("d", "2026-03-03", "GM0014", (PEKELA,), ("PV20",), status="cancelled"),
    # Hosted in Flevoland, also inviting Veendam: it counts for both provinces, once for the country.
    session("e", "2026-03-24", "GM0034", (URK, VEENDAM), ("PV20", "PV24"), reached=(URK, VEENDAM), score=9.0),
    session("f", "2026-04-07", "GM0014", (PEKELA,), ("PV20",), status="planned"),
)


def figures(held, reached, smaller, total, share, given, pledged, score) -> Figures:
    return Figures(sessions_held=held, municipalities_reached=reached, smaller_reached=smaller, smaller_total=total,
                   smaller_share_percent=share, trainer_days_given=given, trainer_days_pledged=pledged,
                   average_score=score)


RESULT = benchmark(SESSIONS, CONTENT, until=UNTIL)


def test_period_runs_from_the_first_session_month_to_until():
    assert RESULT.months == (datetime.date(2026, 1, 1), datetime.date(2026, 2, 1), datetime.date(2026, 3, 1))
    assert RESULT.period == "2026-01/2026-03"


def test_groningen_worked_out_by_hand():
    groningen = next(area for area in RESULT.provinces if area.code == "PV20")
    # Held a, b, e; reached Veendam, Pekela, Westerwolde (Urk lies in Flevoland): 3 of 9 = 33.3 %;
    # days 1 + 2 + 1; pledged 2 a month for 3 months; score (8.0 + 7.5 + 9.0) / 3 = 8.17 -> 8.2.
    assert groningen.name == "Groningen"
    assert groningen.total == figures(3, 3, 3, 9, 33.3, 4, 6, 8.2)
    assert groningen.monthly == (
        figures(1, 2, 2, 9, 22.2, 1, 2, 8.0),
        figures(1, 2, 2, 9, 22.2, 2, 2, 7.5),
        figures(1, 1, 1, 9, 11.1, 1, 2, 9.0),  # d was cancelled
    )


def test_flevoland_worked_out_by_hand():
    flevoland = next(area for area in RESULT.provinces if area.code == "PV24")
    # Held c, e; reached Almere, Zeewolde, Urk, of which 2 of 5 smaller = 40 %; pledged in February and
    # March only; score (7.5 + 9.0) / 2 = 8.25, rounded half up to 8.3 (not to the even 8.2).
    assert flevoland.total == figures(2, 3, 2, 5, 40.0, 2, 2, 8.3)
    assert flevoland.monthly == (
        figures(0, 0, 0, 5, 0.0, 0, 0, None),
        figures(1, 2, 1, 5, 20.0, 1, 1, 7.5),
        figures(1, 1, 1, 5, 20.0, 1, 1, 9.0),
    )


def test_country_counts_each_session_once_worked_out_by_hand():
    # Held a, b, c, e; reached 6, all but Almere smaller: 5 of 310 = 1.6 %; days 1 + 2 + 1 + 1;
    # pledged 2 + 3 + 3; score (8.0 + 7.5 + 7.5 + 9.0) / 4 = 8.0. f is after until and planned.
    assert (RESULT.national.code, RESULT.national.name) == ("NL", "Nederland")
    assert RESULT.national.total == figures(4, 6, 5, 310, 1.6, 5, 8, 8.0)
    assert [month.sessions_held for month in RESULT.national.monthly] == [1, 2, 1]


def test_provinces_without_sessions_count_zero_and_have_no_score():
    zeeland = next(area for area in RESULT.provinces if area.code == "PV29")
    assert zeeland.total == figures(0, 0, 0, 13, 0.0, 0, 0, None)
    assert [area.code for area in RESULT.provinces] == sorted(area.code for area in RESULT.provinces)
    assert len(RESULT.provinces) == 12


def test_order_of_sessions_does_not_matter():
    assert benchmark(reversed(SESSIONS), CONTENT, until=UNTIL) == RESULT


# --- Charts ---------------------------------------------------------------------------------

def svg(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


NS = {"svg": "http://www.w3.org/2000/svg"}


def test_sessions_chart_has_a_column_and_a_value_per_month_and_is_labelled():
    text = render_sessions_chart(RESULT, RESULT.national)
    root = svg(text)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "grafiek-sessies-titel grafiek-sessies-beschrijving"
    assert root.find("svg:title", NS).text == "Gehouden trainingen per maand in Nederland"
    description = " ".join(root.find("svg:desc", NS).text.split())
    assert "van januari 2026 tot en met maart 2026: in totaal 4 gehouden trainingen" in description
    assert "De meeste, 2, in februari 2026." in description
    heights = [int(rect.get("height")) for rect in root.iterfind("svg:g[@class='staven']/svg:rect", NS)]
    assert heights[0] == heights[2] and heights[1] == 2 * heights[0] > 0
    labels = [t.text for t in root.iterfind("svg:g[@class='labels']/svg:text", NS)]
    assert labels == ["1", "jan", "2026", "2", "feb", "1", "mrt"]
    assert "<script" not in text


def test_score_chart_draws_provinces_with_a_score_and_says_which_have_none():
    root = svg(render_score_chart(RESULT, id_prefix="cijfers"))
    assert root.get("aria-labelledby") == "cijfers-titel cijfers-beschrijving"
    description = " ".join(root.find("svg:desc", NS).text.split())
    assert "Gemiddeld in Nederland: 8,0." in description
    assert "Hoogste: Flevoland (8,3); laagste: Groningen (8,2)." in description
    bars = root.findall("svg:g[@class='staven']/svg:rect", NS)
    assert len(bars) == 2 and int(bars[1].get("width")) > int(bars[0].get("width"))
    texts = [t.text for t in root.iterfind("svg:g[@class='labels']/svg:text", NS)]
    assert texts[:4] == ["Groningen", "8,2", "Fryslân", "geen gehouden sessies"]
    assert texts.count("geen gehouden sessies") == 10


def test_charts_of_the_real_data_stay_small_and_well_formed():
    result = benchmark(REAL_SESSIONS, REAL, until=TODAY)
    for text in (render_sessions_chart(result, result.national), render_score_chart(result),
                 *(render_sessions_chart(result, province, id_prefix=f"s-{province.code}")
                   for province in result.provinces)):
        assert len(text.encode("utf-8")) <= 20_000
        svg(text)
