"""A lesson plan a trainer would trip over in the room is an error, named by file, line and field."""

import pytest
from test_module_validation import problems
from test_unreadable_input import assert_refused, run_cli, snapshot, write

from conftest import KIT_MODULE, kit_module_files

INDEX = "curriculum/oefenmodule/index.md"


def kit_problems(tmp_path, *changes: tuple[str, str]) -> list[str]:
    text = KIT_MODULE
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return problems(tmp_path, kit_module_files(text))


def test_complete_lesson_plan_is_valid(tmp_path):
    assert kit_problems(tmp_path) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(("    minutes: 15\n    werkvorm: afsluiting", "    minutes: 20\n    werkvorm: afsluiting"),
                     f"{INDEX}:35: blocks: de blokken duren samen 185 minuten, maar duration is 180; maak ze gelijk",
                     id="blocks-not-adding-up"),
        pytest.param(("    werkvorm: pauze", "    werkvorm: gesprek"),
                     f"{INDEX}:36: blocks[1]: 180 minuten achter elkaar zonder pauze (blok 1 tot en met 4); plan een "
                     "blok met werkvorm: pauze na hooguit 90 minuten", id="no-break"),
        pytest.param(("    objectives: [doorzetten]", "    objectives: [doorverwijzen]"),
                     f"{INDEX}:61: blocks[3].objectives[1]: leerdoel 'doorverwijzen' bestaat niet in deze module",
                     id="unknown-objective"),
        pytest.param(("      materials: [materialen/berichtkaarten.md]", "      materials: [materialen/kaarten.md]"),
                     f"{INDEX}:72: blocks[3].exercise.materials[1]: bestand 'materialen/kaarten.md' bestaat niet: zet "
                     "het in de map van de module (een module met bestanden is een map met index.md)",
                     id="missing-material"),
        pytest.param(("{text: Bespreek., minutes: 15}", "{text: Bespreek., minutes: 20}"),
                     f"{INDEX}:68: blocks[3].exercise.steps: de stappen duren samen 80 minuten, maar het blok 75",
                     id="steps-not-adding-up"),
        pytest.param(("      practises: [uitleg]", "      practises: [afsluiting]"),
                     f"{INDEX}:73: blocks[3].exercise.practises[1]: de oefening komt vóór blok 'afsluiting', waarin "
                     "de deelnemers leren wat ze oefenen; zet dat blok eerder", id="exercise-before-theory"),
        pytest.param(("      practises: [uitleg]", "      practises: [theorie]"),
                     f"{INDEX}:73: blocks[3].exercise.practises[1]: blok 'theorie' bestaat niet in deze module",
                     id="unknown-block"),
        pytest.param(("    objectives: [reageren]\n", "    objectives: []\n"),
                     f"{INDEX}:11: objectives[1].id: leerdoel 'reageren' wordt niet geoefend of getoetst: noem het "
                     "bij objectives van een blok met een oefening of van een check_question", id="unserved-objective"),
        pytest.param(("    section: reageren", "    section: reactietijd"),
                     f"{INDEX}:41: blocks[1].section: de tekst heeft geen kop met anker 'reactietijd'; koppen met een "
                     "anker: reageren, na-de-training", id="unknown-section"),
        pytest.param(("  - id: pauze\n", "  - id: uitleg\n"),
                     f"{INDEX}:53: blocks[2].id: id 'uitleg' komt twee keer voor", id="duplicate-block"),
        pytest.param(("    minutes: 15\n    werkvorm: pauze", "    minutes: 15\n    werkvorm: pauze\n    extra: 1"),
                     f"{INDEX}:57: blocks[2].extra: onbekend veld (tikfout?); toegestaan zijn: id, title, minutes, "
                     "werkvorm, objectives, key_points, section, materials, slide, trainer, exercise",
                     id="unknown-field-in-block"),
        pytest.param(("      steps:\n", "      stappen:\n"),
                     f"{INDEX}:65: blocks[3].exercise.steps: verplicht veld ontbreekt", id="missing-nested-field"),
    ],
)
def test_lesson_plan_error(tmp_path, change, expected):
    found = kit_problems(tmp_path, change)
    assert expected in found, "\n".join(found)


def test_every_error_is_reported_at_once(tmp_path):
    found = kit_problems(tmp_path,
                         ("    minutes: 15\n    werkvorm: afsluiting", "    minutes: 20\n    werkvorm: afsluiting"),
                         ("    objectives: [doorzetten]", "    objectives: [doorverwijzen]"),
                         ("{text: Bespreek., minutes: 15}", "{text: Bespreek., minutes: 20}"))
    fields = [line.split(": ")[1] for line in found if ": waarschuwing: " not in line]
    assert fields == ["objectives[2].id", "blocks", "blocks[3]", "blocks[3].objectives[1]", "blocks[3].exercise.steps"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(("      text: [Vier berichten op maandag]", "      text: [" + "woord " * 41 + "]"),
                     f"{INDEX}:63: blocks[3].slide.text: waarschuwing: de dia heeft 41 woorden; "
                     "houd het bij hooguit 40 en zet de rest in notes", id="slide-over-limit"),
        pytest.param(("      notes: Leg de oefening uit.\n", ""),
                     f"{INDEX}:62: blocks[3].slide: waarschuwing: de dia heeft geen notities voor de trainer",
                     id="missing-notes"),
        pytest.param(("      notes: Leg de oefening uit.\n",
                      "      notes: Leg de oefening uit.\n      image: materialen/berichtkaarten.md\n"),
                     f"{INDEX}:65: blocks[3].slide.image: waarschuwing: de afbeelding heeft geen alt-tekst: "
                     "beschrijf wat erop staat",
                     id="image-without-alt"),
        pytest.param(("    text: Reageer binnen een dagdeel.\n    notes: Vertel waarom een snel antwoord telt.\n",
                      "    text: Reageer binnen een dagdeel.\n"),
                     f"{INDEX}:16: key_points[1]: waarschuwing: kernpunt 'snel' heeft geen notities voor de trainer",
                     id="key-point-without-notes"),
    ],
)
def test_slide_warnings_name_the_line_and_publish_anyway(tmp_path, change, expected):
    # problems() also checks that warnings alone leave the content publishable.
    assert kit_problems(tmp_path, change) == [expected]


def test_build_stops_on_a_broken_lesson_plan_and_keeps_the_previous_site(mini_site):
    site = mini_site / "site"
    write(site / "index.html", "<p>Vorige versie</p>\n")
    before = snapshot(site)
    files = kit_module_files(KIT_MODULE.replace("    minutes: 15\n    werkvorm: afsluiting",
                                                "    minutes: 20\n    werkvorm: afsluiting", 1)
                             .replace("      materials: [materialen/berichtkaarten.md]",
                                      "      materials: [materialen/kaarten.md]", 1))
    for name, text in files.items():
        write(mini_site / "curriculum" / name, text)
    # Every error at once, in the author's words, with exit 1 and no traceback; nothing published.
    lines = assert_refused(
        run_cli(mini_site, "build", "--site-dir", str(site)),
        f"{INDEX}:35: blocks: de blokken duren samen 185 minuten, maar duration is 180; maak ze gelijk",
        f"{INDEX}:72: blocks[3].exercise.materials[1]: bestand 'materialen/kaarten.md' bestaat niet: "
        "zet het in de map van de module (een module met bestanden is een map met index.md)")
    assert "3 fouten gevonden; er is niets gepubliceerd." in lines
    assert snapshot(site) == before
