"""Issue 12: the acceptance list's countable part for every published module, what a module
records about itself (questions, contributors, change log, sources, checklist and template),
learning paths per role and the glossary."""

import dataclasses
import datetime
import functools
from pathlib import Path

import markdown
import pytest

from conftest import REAL_CONTENT, ROOT, content_repo, module_text, page_at, parse
from projectz.content import ContentPaths, check_content
from projectz.core import urls
from projectz.core.vocabulary import duration_label
from projectz.curriculum.acceptance import acceptance_gaps, module_figures, required_exercises, required_words
from projectz.curriculum.glossary import Term, abbreviations
from projectz.curriculum.lessonplan import TrainerNotes
from projectz.curriculum.modules import Curriculum
from projectz.curriculum.paths import order_problems
from projectz.curriculum.provenance import Source

PROVENANCE = """\
questions:
  - Hoe snel moet ik reageren?
  - Wat doe ik met een klacht?
contributors:
  - {name: Kernteam Project Z, role: tekst}
changes:
  - {date: 2026-10-01, version: "1.0", reviewed: true, text: Eerste versie.}
sources:
  - {title: Wet open overheid, url: "https://wetten.overheid.nl/BWBR0045754"}
"""


def _check(tmp_path: Path, text: str, files: dict[str, str] | None = None, paths: str = "paths: []\n"):
    root = content_repo(tmp_path)
    folder = root / "curriculum" / "a"
    (folder / "materialen").mkdir(parents=True)
    (folder / "index.md").write_text(text, encoding="utf-8")
    for name, content in (files or {}).items():
        (folder / name).write_text(content, encoding="utf-8")
    (root / "data" / "leerpaden.yaml").write_text(paths, encoding="utf-8")
    return check_content(ContentPaths.under(root))


def _with_provenance(extra: str = "", **replacements: str) -> str:
    text = module_text("a").replace("group_size:", PROVENANCE + extra + "group_size:")
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def test_recorded_provenance_loads_and_shows_on_the_module_page(tmp_path):
    checklist = "materialen/checklist.md"
    content, issues = _check(tmp_path, _with_provenance(f"checklist: {checklist}\n"),
                             {checklist: "# Checklist: reageren\n\n- [ ] Kort\n"})
    assert [issue for issue in issues if not issue.warning] == []
    module = content.module("a")
    assert module.questions == ("Hoe snel moet ik reageren?", "Wat doe ik met een klacht?")
    assert module.sources == (Source("Wet open overheid", "https://wetten.overheid.nl/BWBR0045754"),)
    assert module.material_page(module.checklist).title == "Checklist: reageren"


def test_last_reviewed_must_be_the_newest_recorded_check(tmp_path):
    text = _with_provenance(**{"last_reviewed: 2026-10-01": "last_reviewed: 2026-11-15"})
    _, issues = _check(tmp_path, text)
    line = text.splitlines().index("last_reviewed: 2026-11-15") + 1
    assert [str(issue) for issue in issues if not issue.warning] == [
        f"curriculum/a/index.md:{line}: last_reviewed: is 2026-11-15, maar de laatste gecontroleerde wijziging in "
        "changes is van 2026-10-01; zet last_reviewed op 2026-10-01, of leg de nieuwe controle van inhoud en bronnen "
        "vast in changes met reviewed: true"]


def test_change_log_out_of_order_and_a_missing_checklist_are_errors_at_once(tmp_path):
    first = "reviewed: true, text: Eerste versie.}"
    older = ('  - {date: 2026-09-01, version: "0.8", reviewed: false, text: Opzet.}\n'
             '  - {date: 2026-09-15, version: "0.9", reviewed: false, text: Later dan de opzet.}')
    text = _with_provenance("checklist: materialen/weg.md\n", **{first: f"{first}\n{older}"})
    _, issues = _check(tmp_path, text)
    assert {(issue.field, issue.message) for issue in issues if not issue.warning} == {
        ("checklist", "'materialen/weg.md' is geen werkblad van de module: zet een Markdown-bestand in materialen/ "
                      "en noem het hier"),
        ("changes[3]", "het wijzigingslog staat nieuwste eerst; deze wijziging is nieuwer dan de wijziging erboven"),
    }


def test_a_source_must_be_an_https_address(tmp_path):
    text = _with_provenance(**{'"https://wetten.overheid.nl/BWBR0045754"': '"http://wetten.overheid.nl/BWBR0045754"'})
    _, issues = _check(tmp_path, text)
    assert [(issue.field, issue.message) for issue in issues if not issue.warning] == [
        ("sources[1].url", "'http://wetten.overheid.nl/BWBR0045754' is geen geldige waarde: verwacht een webadres dat "
                           "begint met https://")]


def test_acceptance_names_every_countable_gap():
    webcare = REAL_CONTENT.module("webcare")
    stripped = dataclasses.replace(webcare, questions=(), sources=webcare.sources[:1], checklist=None,
                                   check_questions=webcare.check_questions[:2], hard_questions=(),
                                   body=webcare.body.replace("Twee werelden", "Het rapport"))
    gaps = acceptance_gaps(stripped)
    assert "questions: 0 vragen waarmee deelnemers binnenkomen; verwacht 2 tot 4" in gaps
    assert "sources: 1 bron; verwacht er minstens 3" in gaps
    assert "checklist: er is geen checklist om mee te nemen naar je werk" in gaps
    assert "check_questions: 2 toetsvragen; verwacht 3 tot 5" in gaps
    assert "hard_questions: 0 lastige vragen; verwacht er minstens 2" in gaps
    assert 'tekst: Haren wordt genoemd zonder het rapport "Twee werelden. You only live once" (2013)' in gaps
    longer = dataclasses.replace(webcare, duration=480, blocks=webcare.blocks[:-1])
    words = module_figures(longer).participant_words
    assert f"tekst: {words} woorden; voor 480 minuten zijn dat er minstens 3000" in acceptance_gaps(longer)
    assert "blocks: het laatste blok is geen 'afsluiting' met evaluatie en eigen actiepunten" in acceptance_gaps(longer)
    assert [required_words(minutes) for minutes in (120, 180, 240, 360)] == [750, 1125, 1500, 2250]
    assert [required_exercises(minutes) for minutes in (60, 120, 180, 240, 360)] == [1, 1, 2, 2, 4]


def _first_exercise(module):
    return next(block for block in module.blocks if block.exercise)


def _replace_block(module, block, **changes):
    return tuple(dataclasses.replace(other, **changes) if other is block else other for other in module.blocks)


def _without(module, field):
    return dataclasses.replace(module, **{field: ()})


LONG_WORDS = " ".join(["Dit is een uitgebreide onoverzichtelijke beleidsmatige communicatieverantwoordelijkheid."] * 40)
GAP_CASES = {
    "contributors": (lambda m: _without(m, "contributors"),
                     "contributors: niemand genoemd die de module maakte of controleerde"),
    "unreviewed": (lambda m: dataclasses.replace(m, changes=tuple(dataclasses.replace(c, reviewed=False)
                                                                  for c in m.changes)),
                   "changes: het wijzigingslog heeft geen gecontroleerde wijziging (reviewed: true)"),
    "template": (lambda m: dataclasses.replace(m, template=None),
                 "template: er is geen sjabloon om mee te nemen naar je werk"),
    "official": (lambda m: dataclasses.replace(m, sources=(Source("Blog", "https://blog.example/a"),) * 3),
                 "sources: geen enkele bron is een officiële bron (wetten.overheid.nl, eur-lex.europa.eu, "
                 "autoriteitpersoonsgegevens.nl, rijksoverheid.nl, vng.nl ...)"),
    "report twice": (lambda m: dataclasses.replace(m, body=m.body + "\n\nZie ook Twee werelden.\n"),
                     'tekst: het rapport "Twee werelden" wordt meer dan één keer aangehaald'),
    "exercise materials": (
        lambda m: dataclasses.replace(m, blocks=_replace_block(m, _first_exercise(m), exercise=dataclasses.replace(
            _first_exercise(m).exercise, materials=(), assessment=()))),
        "blocks: oefening 'oefening' heeft geen materialen"),
    "draaiboek": (lambda m: dataclasses.replace(m, blocks=_replace_block(m, m.blocks[0], trainer=TrainerNotes())),
                  "blocks: blok 'opening' mist in het draaiboek: doel, wat je zegt, wat je vraagt, verwachte "
                  "antwoorden, valkuilen, variant op afstand, variant in huis"),
    "slide": (lambda m: dataclasses.replace(m, blocks=_replace_block(m, m.blocks[0], slide=None)),
              "blocks: blok 'opening' heeft geen dia met tekst en notities"),
    "readability": (lambda m: dataclasses.replace(m, body=LONG_WORDS), "tekst: Flesch-Douma"),
}


@pytest.mark.parametrize("case", GAP_CASES)
def test_each_countable_gap_is_named(case):
    change, expected = GAP_CASES[case]
    gaps = acceptance_gaps(change(REAL_CONTENT.module("webcare")))
    assert any(gap.startswith(expected) for gap in gaps), gaps


def test_a_prerequisite_for_another_audience_is_a_gap():
    webcare = REAL_CONTENT.module("webcare")
    council = dataclasses.replace(webcare, id="raad", audience=("bestuur",))
    assert acceptance_gaps(webcare, [council]) == [
        "prerequisites: 'raad' is voor een andere doelgroep (raads- en collegeleden)"]


@functools.cache
def real_content_warnings() -> list[str]:
    """Every warning about the real content, as `scripts/validate` shows them."""
    _, issues = check_content(ContentPaths.under(ROOT), REAL_CONTENT.build_date)
    return [str(issue) for issue in issues if issue.warning]


@pytest.mark.parametrize("module_id", sorted(REAL_CONTENT.published_module_ids))
def test_every_published_module_meets_the_countable_acceptance_list(module_id):
    module = REAL_CONTENT.module(module_id)
    prerequisites = [REAL_CONTENT.module(other) for other in module.prerequisites]
    assert acceptance_gaps(module, prerequisites) == []
    own_files = module.folder or module.source_path
    assert [warning for warning in real_content_warnings() if warning.startswith(own_files)] == []


def test_a_learning_path_that_breaks_prerequisites_is_an_error(tmp_path):
    (tmp_path / "b").mkdir()
    paths = ("paths:\n  - id: rol\n    title: Leerpad\n    role: webcare\n    summary: Voor wie.\n"
             "    modules: [a, b, c]\n    outcomes: [Je kunt iets.]\n")
    root = content_repo(tmp_path / "b")
    (root / "curriculum" / "a.md").write_text(module_text("a", prerequisites="[b]"), encoding="utf-8")
    (root / "curriculum" / "b.md").write_text(module_text("b"), encoding="utf-8")
    (root / "data" / "leerpaden.yaml").write_text(paths, encoding="utf-8")
    content, issues = check_content(ContentPaths.under(root))
    assert content is None
    assert [str(issue) for issue in issues if not issue.warning] == [
        "data/leerpaden.yaml:6: paths[1].modules[1]: 'a' vraagt 'b' als voorkennis; zet 'b' eerder in het leerpad",
        "data/leerpaden.yaml:6: paths[1].modules[3]: module 'c' bestaat niet",
    ]


def test_real_learning_paths_cover_every_role_the_issue_names():
    assert {path.role for path in REAL_CONTENT.learning_paths} == {"bestuur", "webcare", "communicatie", "management",
                                                                     "trainer"}


def test_a_path_names_only_published_modules_and_leaves_a_broken_module_to_its_own_error():
    webcare = REAL_CONTENT.module("webcare")
    draft = dataclasses.replace(webcare, id="concept", status="draft")
    curriculum = Curriculum((webcare, draft), frozenset({"webcare", "concept", "kapot"}))
    assert order_problems(("concept", "kapot", "webcare"), curriculum) == [
        (0, "module 'concept' is niet gepubliceerd; een leerpad noemt alleen modules uit de catalogus")]


def test_learning_path_pages_are_linked_from_home_and_catalogue_with_total_time(built_site: Path):
    for path in REAL_CONTENT.learning_paths:
        page = parse(page_at(built_site, urls.LEARNING_PATHS.url(path.id)))
        listed = [item.text_content() for item in page.cssselect("ol.pz-path > li")]
        titles = [REAL_CONTENT.module(module_id).title for module_id in path.modules]
        assert [title for title, item in zip(titles, listed, strict=True) if item.startswith(title)] == titles
        total = sum(REAL_CONTENT.module(module_id).duration for module_id in path.modules)
        assert page.cssselect(".pz-meta__list dd")[2].text_content() == duration_label(total)
    for start in ("", "catalogus/"):
        links = {link.get("href") for link in parse(page_at(built_site, start)).cssselect("article a")}
        assert any("leerpaden/" in (href or "") for href in links), start
    home = parse(page_at(built_site, ""))
    assert len(home.cssselect(".pz-paths__item")) == len(REAL_CONTENT.learning_paths)


def test_glossary_terms_are_explained_where_they_occur_and_listed_on_one_page(built_site: Path):
    glossary = parse(page_at(built_site, "woordenlijst/"))
    assert [term.text_content().split(" (ook:")[0] for term in glossary.cssselect("dl.pz-glossary > dt")] == \
        [term.term for term in REAL_CONTENT.glossary]
    webcare = parse(page_at(built_site, "modules/webcare/"))
    terms = webcare.cssselect("article abbr")
    explained = [element.text_content().casefold() for element in terms]
    assert len(explained) == len(set(explained)) > 10
    term = next(term for term in REAL_CONTENT.glossary if term.term.casefold() == "webcare")
    first = terms[explained.index("webcare")]
    assert (first.get("title"), first.get("tabindex")) == (term.definition, "0")


def test_a_term_is_explained_at_its_first_use_only():
    text = "Een **webcare** team. Webcare is *leuk* en webcare werkt.\n\n*[webcare]: uitleg\n"
    html = markdown.markdown(text + "*[Webcare]: uitleg", extensions=["abbr", "projectz.curriculum.focusable_terms"])
    assert html == ('<p>Een <strong><abbr tabindex="0" title="uitleg">webcare</abbr></strong> team. Webcare is '
                    '<em>leuk</em> en webcare werkt.</p>')
    linked = markdown.markdown("[Over webcare](a.md) en webcare.\n\n*[webcare]: uitleg",
                               extensions=["abbr", "projectz.curriculum.focusable_terms"])
    assert linked == '<p><a href="a.md">Over webcare</a> en <abbr tabindex="0" title="uitleg">webcare</abbr>.</p>'


def test_a_word_explained_by_two_terms_is_an_error(tmp_path):
    root = content_repo(tmp_path)
    (root / "data" / "woordenlijst.yaml").write_text(
        "terms:\n  - term: Persoonsgegevens\n    definition: Gegevens over een mens.\n    forms: [persoonsgegeven]\n"
        "  - term: Persoonsgegeven\n    definition: Eén gegeven over een mens.\n", encoding="utf-8")
    _, issues = check_content(ContentPaths.under(root))
    assert [str(issue) for issue in issues] == [
        "data/woordenlijst.yaml:5: terms[2].term: 'Persoonsgegeven' wordt al uitgelegd bij 'Persoonsgegevens'; een "
        "woord heeft één uitleg"]


def test_abbreviations_cover_only_terms_on_the_page_and_their_capitalised_form():
    avg = Term("AVG", "De Europese privacywet.")
    woo = Term("Woo", "De Wet open overheid.", ("Woo-verzoek",))
    moderation = Term("Moderatie", "Toezicht op reacties.")
    assert abbreviations("De AVG, een Woo-verzoek en moderatie.", [avg, woo, moderation]) == (
        "*[AVG]: De Europese privacywet.\n*[Woo-verzoek]: De Wet open overheid.\n*[moderatie]: Toezicht op reacties.")
    assert abbreviations("Woonwijk, avg", [woo, avg]) == ""


def test_module_page_says_as_of_when_and_shows_sources_take_home_and_change_log(built_site: Path):
    webcare = REAL_CONTENT.module("webcare")
    page = parse(page_at(built_site, "modules/webcare/"))
    as_of = page.cssselect(".pz-as-of time")[0]
    assert as_of.get("datetime") == webcare.last_reviewed.isoformat()
    assert [link.get("href") for link in page.cssselect("ul.pz-sources a")] == [s.url for s in webcare.sources]
    rows = page.cssselect("ul.pz-changes > li")
    assert len(rows) == len(webcare.changes)
    assert datetime.date.fromisoformat(rows[0].cssselect("time")[0].get("datetime")) == webcare.changes[0].date
    assert [row.text_content().endswith("(inhoud en bronnen gecontroleerd)") for row in rows] == \
        [change.reviewed for change in webcare.changes]
    take_home = page.xpath("//h2[@id='mee-naar-je-werk']/following-sibling::ul[1]//a/text()")
    assert webcare.material_page(webcare.checklist).title in take_home
    assert webcare.material_page(webcare.template).title in take_home
