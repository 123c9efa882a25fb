"""Trainer and webcare registries: every rule's message names file, line and field."""

from pathlib import Path

import pytest

from conftest import REAL_CONTENT as CONTENT
from projectz.curriculum.modules import Curriculum
from projectz.people.trainers import load_trainers
from projectz.people.webcare import load_partnerships

GEOGRAPHY = CONTENT.geography
HUB = CONTENT.hubs[0]
SMALL = min(GEOGRAPHY.municipalities, key=lambda m: m.population)

TRAINER = f"""\
trainers:
  - id: test-trainer
    name: Tessa Proef
    role: Adviseur
    municipality: {HUB.municipality_code}
    modules: [webcare]
    expertise: [webcare]
    formats: [groep]
    days_per_month: 1
    languages: [nl]
    contact: train-je-collega@gemeente.example
    circle: netwerk
    fee: gratis
    support: [acuut]
    consent: 2026-01-01
    example: true
"""

PARTNERSHIP = f"""\
partnerships:
  - id: samen-test
    name: Samen testen
    kind: uitbesteed
    municipalities: [{SMALL.code}]
    provider: {HUB.municipality_code}
    scope: [monitoren]
    since: 2026-01-01
    example: true
"""


def trainer_problems(tmp_path: Path, text: str, modules=CONTENT.modules) -> list[str]:
    path = tmp_path / "trainers.yaml"
    path.write_text(text, encoding="utf-8")
    hubs = frozenset(hub.municipality_code for hub in CONTENT.hubs)
    curriculum = Curriculum(tuple(modules), frozenset(module.id for module in modules))
    _, issues = load_trainers(path, tmp_path, GEOGRAPHY, curriculum, hubs, CONTENT.build_date)
    return [str(issue) for issue in issues]


def test_valid_trainer_loads(tmp_path):
    assert trainer_problems(tmp_path, TRAINER) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("modules: [webcare]", "modules: [bestaat-niet]",
         "trainers.yaml:6: trainers[1].modules[1]: module 'bestaat-niet' bestaat niet"),
        (f"municipality: {HUB.municipality_code}", "municipality: GM9999",
         "trainers.yaml:5: trainers[1].municipality: gemeente 'GM9999' bestaat niet in de CBS-indeling van 2023"),
        (f"municipality: {HUB.municipality_code}", f"municipality: {SMALL.code}",
         f"trainers.yaml:12: trainers[1].circle: {SMALL.name} staat niet in data/network.yaml; een trainer uit "
         f"het netwerk werkt bij een deelnemende gemeente"),
        ("fee: gratis", "fee: gereduceerd",
         "trainers.yaml:13: trainers[1].fee: in de kring 'netwerk' is het tarief 'gratis'"),
        ("contact: train-je-collega@gemeente.example", "contact: tessa.proef@gemeente.example",
         "trainers.yaml:11: trainers[1].contact: 'tessa.proef@gemeente.example' lijkt een persoonlijk adres; "
         "gebruik een functionele mailbox van de gemeente of het netwerk"),
        ("consent: 2026-01-01", "consent: ja",
         "trainers.yaml:15: trainers[1].consent: 'ja' is geen geldige datum; schrijf JJJJ-MM-DD, "
         "bijvoorbeeld 2026-03-01"),
        ("consent: 2026-01-01", "consent: 2026-11-28",
         "trainers.yaml:15: trainers[1].consent: toestemming op 28 november 2026 ligt na de bouwdatum "
         "(27 november 2026); vul de dag in waarop de trainer toestemming gaf, of laat het veld leeg tot dan"),
        ("support: [acuut]", "support: [direct]",
         "trainers.yaml:14: trainers[1].support[1]: 'direct' is niet toegestaan; kies uit: acuut, proces, "
         "nazorg-in-huis, nazorg-op-afstand"),
    ],
)
def test_each_trainer_rule_names_file_line_and_field(tmp_path, old, new, expected):
    assert old in TRAINER
    assert trainer_problems(tmp_path, TRAINER.replace(old, new)) == [expected]


def test_unpublished_module_is_a_warning_naming_trainer_and_module(tmp_path):
    drafts = [module if module.id != "webcare" else type(module)(**{**module.__dict__, "status": "draft"})
              for module in CONTENT.modules]
    found = trainer_problems(tmp_path, TRAINER, modules=drafts)
    assert found == ["trainers.yaml:6: trainers[1].modules[1]: waarschuwing: trainer 'test-trainer' geeft module "
                     "'webcare', maar die is niet gepubliceerd"]


def test_consent_given_on_the_build_date_counts(tmp_path):
    assert trainer_problems(tmp_path, TRAINER.replace("consent: 2026-01-01", f"consent: {CONTENT.build_date}")) == []


def test_trainer_without_consent_is_loaded_but_not_publishable(tmp_path):
    path = tmp_path / "trainers.yaml"
    path.write_text(TRAINER.replace("consent: 2026-01-01", "consent: null"), encoding="utf-8")
    curriculum = Curriculum(CONTENT.modules, frozenset(module.id for module in CONTENT.modules))
    trainers, issues = load_trainers(path, tmp_path, GEOGRAPHY, curriculum,
                                     frozenset(hub.municipality_code for hub in CONTENT.hubs), CONTENT.build_date)
    assert issues == [] and not trainers[0].publishable


def partnership_problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "webcare.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(issue) for issue in sorted(load_partnerships(path, tmp_path, GEOGRAPHY)[1])]


def test_valid_partnership_loads(tmp_path):
    assert partnership_problems(tmp_path, PARTNERSHIP) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (f"provider: {HUB.municipality_code}", "provider: null",
         "webcare.yaml:6: partnerships[1].provider: bij 'uitbesteed' is de uitvoerende gemeente verplicht"),
        ("kind: uitbesteed", "kind: samen",
         "webcare.yaml:5: partnerships[1].municipalities: samen monitoren doe je met minstens twee gemeenten\n"
         "webcare.yaml:6: partnerships[1].provider: bij 'samen' is er geen uitvoerende gemeente; laat dit leeg"),
        (f"municipalities: [{SMALL.code}]", "municipalities: [GM9999]",
         "webcare.yaml:5: partnerships[1].municipalities[1]: gemeente 'GM9999' bestaat niet in de "
         "CBS-indeling van 2023"),
        ("scope: [monitoren]", "scope: []", "webcare.yaml:7: partnerships[1].scope: mag niet leeg zijn"),
    ],
)
def test_each_partnership_rule_names_file_line_and_field(tmp_path, old, new, expected):
    assert partnership_problems(tmp_path, PARTNERSHIP.replace(old, new)) == expected.split("\n")


def test_real_registries_hold_only_marked_examples_with_role_mailboxes():
    assert CONTENT.trainers and all(trainer.example for trainer in CONTENT.trainers)
    assert all(trainer.contact.endswith(".example") for trainer in CONTENT.trainers)
    assert CONTENT.partnerships and all(partnership.example for partnership in CONTENT.partnerships)
