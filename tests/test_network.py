"""The network registry: each rule's message names file, line and field."""

from pathlib import Path

import pytest

from conftest import REAL_CONTENT, ROOT
from projectz.geography.network import load_network

GEOGRAPHY = REAL_CONTENT.geography
LARGEST = max(GEOGRAPHY.municipalities, key=lambda m: m.population)
SMALLEST = min(GEOGRAPHY.municipalities, key=lambda m: m.population)

RECORD = f"""\
hubs:
  - municipality: {LARGEST.code}
    mailbox: train-je-collega@gemeente.example
    trainer_days_per_month: 1
    since: 2025-01-01
    example: true
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "network.yaml").write_text(text, encoding="utf-8")
    hubs, issues = load_network(tmp_path / "data" / "network.yaml", tmp_path, GEOGRAPHY)
    return [str(issue) for issue in issues]


def test_valid_record_loads(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "network.yaml").write_text(RECORD, encoding="utf-8")
    hubs, issues = load_network(tmp_path / "data" / "network.yaml", tmp_path, GEOGRAPHY)
    assert issues == []
    assert [hub.municipality_code for hub in hubs] == [LARGEST.code]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (LARGEST.code, "GM9999", "data/network.yaml:2: hubs[1].municipality: gemeente 'GM9999' bestaat niet in de "
                                 "CBS-indeling van 2023"),
        (LARGEST.code, SMALLEST.code, f"data/network.yaml:2: hubs[1].municipality: {SMALLEST.name} heeft "
                                      f"{SMALLEST.population:,} inwoners; een deelnemende gemeente heeft er "
                                      f"minstens 100.000".replace(",", ".")),
        ("train-je-collega@gemeente.example", "niet een adres",
         "data/network.yaml:3: hubs[1].mailbox: 'niet een adres' is geen geldige waarde: verwacht een "
         "e-mailadres, bij voorkeur een functionele mailbox"),
        ("    example: true\n", "", "data/network.yaml:2: hubs[1].example: verplicht veld ontbreekt"),
        ("trainer_days_per_month: 1", "trainer_days_per_month: 0",
         "data/network.yaml:4: hubs[1].trainer_days_per_month: 0 valt buiten het bereik 1 tot en met 10"),
    ],
)
def test_each_rule_names_file_line_and_field(tmp_path, old, new, expected):
    assert problems(tmp_path, RECORD.replace(old, new)) == [expected]


def test_duplicate_municipality_points_at_the_first(tmp_path):
    second = RECORD.split("\n", 1)[1]
    assert problems(tmp_path, RECORD + second) == [
        "data/network.yaml:7: hubs[2].municipality: '" + LARGEST.code + "' staat al in regel 2"
    ]


def test_real_registry_is_marked_as_examples():
    hubs, issues = load_network(ROOT / "data" / "network.yaml", ROOT, GEOGRAPHY)
    assert issues == []
    assert hubs and all(hub.example and hub.mailbox.endswith(".example") for hub in hubs)
