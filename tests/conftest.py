"""Shared fixtures: the real site is built once per session and every site test inspects it."""

import datetime
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html
from playwright.sync_api import Browser

from browser_support import launch_chromium, serve
from projectz.content import ContentPaths, load_content
from projectz.site.csp import nginx_config

ROOT = Path(__file__).resolve().parent.parent

VALID_MODULE = """\
---
id: {id}
title: {title}
summary: Je kunt een reactie op sociale media schrijven.
topic: webcare
audience: [webcare]
level: basis
duration: 120
formats: [groep, op-afstand]
objectives:
  - id: reageren
    text: Je kunt een reactie schrijven.
key_points:
  - id: snel
    text: Reageer binnen een dagdeel.
    notes: Vertel waarom een snel antwoord telt.
prerequisites: {prerequisites}
status: {status}
version: "1.0"
last_reviewed: 2026-10-01
license: CC-BY-4.0
authors: [Kernteam Project Z]
group_size: {{min: 4, max: 12}}
check_questions:
  - question: Hoe snel reageer je?
    answer: Binnen een dagdeel.
    objectives: [reageren]
blocks:
  - id: uitleg
    title: Uitleg en oefenen
    minutes: 120
    werkvorm: uitleg
    key_points: [snel]
    section: waarom-deze-module
    slide:
      text: [Reageer snel en vriendelijk]
      notes: Vertel waarom een snel antwoord telt.
---

## Waarom deze module

Tekst van {id}.
"""


# A folder module with the whole lesson plan: a break, an exercise with a worksheet, a draaiboek.
KIT_MODULE = """\
---
id: oefenmodule
title: Oefenmodule webcare
summary: Je kunt reageren op berichten van inwoners.
topic: webcare
audience: [webcare]
level: basis
duration: 180
formats: [groep, op-afstand]
objectives:
  - id: reageren
    text: Je kunt een reactie schrijven.
  - id: doorzetten
    text: Je kunt een vraag doorzetten.
key_points:
  - id: snel
    text: Reageer binnen een dagdeel.
    notes: Vertel waarom een snel antwoord telt.
prerequisites: []
status: published
version: "1.0"
last_reviewed: 2026-10-01
license: CC-BY-4.0
authors: [Kernteam Project Z]
group_size: {min: 4, max: 12}
preparation: [Een zaal met tafels voor tweetallen.]
intake: [Wie doet nu de webcare?]
hard_questions:
  - question: Mag ik iemand blokkeren?
    answer: Alleen volgens de huisregel.
check_questions:
  - question: Hoe snel reageer je?
    answer: Binnen een dagdeel.
    objectives: [reageren]
blocks:
  - id: uitleg
    title: Uitleg over reageren
    minutes: 75
    werkvorm: uitleg
    key_points: [snel]
    section: reageren
    slide:
      text: [Reageer snel en vriendelijk, Zeg wat je gaat doen]
      notes: Vertel waarom een snel antwoord telt.
    trainer:
      aim: De deelnemers weten hoe snel ze reageren.
      say: Vertel over reactietijd.
      ask: [Hoe snel reageert jouw gemeente nu?]
      expected: [Vaak pas na een dag.]
      pitfalls: [Te lang uitweiden.]
      op_afstand: Gebruik de chat.
      in_huis: Gebruik eigen voorbeelden.
  - id: pauze
    title: Pauze
    minutes: 15
    werkvorm: pauze
  - id: oefenen
    title: Oefenen met berichten
    minutes: 75
    werkvorm: oefening
    objectives: [doorzetten]
    slide:
      text: [Vier berichten op maandag]
      notes: Leg de oefening uit.
    exercise:
      title: Een drukke maandag
      casus: Op maandag staan er vier berichten op de pagina van Dijkveen.
      steps:
        - {text: Lees de berichtkaarten., minutes: 15}
        - {text: Schrijf reacties., minutes: 45}
        - {text: Bespreek., minutes: 15}
      materials: [materialen/berichtkaarten.md]
      practises: [uitleg]
      model_answer: [Bericht 1 beantwoord je zelf.]
      assessment: [Geen persoonsgegevens gevraagd.]
      debrief: [{question: Waar twijfelde je?, hear: Dat er vaste afspraken nodig zijn.}]
  - id: afsluiting
    title: Afsluiting
    minutes: 15
    werkvorm: afsluiting
    slide:
      text: [Wat neem je mee?]
      notes: Vraag naar actiepunten.
---

Inleiding.

## Reageren

Reageer snel.

## Na de training

Kies twee acties.
"""
KIT_WORKSHEET = "# Berichtkaarten\n\n1. Mijn container is niet geleegd.\n"


def kit_module_files(module_text: str = KIT_MODULE) -> dict[str, str]:
    """The files of the folder module above, by their path in curriculum/."""
    return {"oefenmodule/index.md": module_text, "oefenmodule/materialen/berichtkaarten.md": KIT_WORKSHEET}


def module_text(module_id: str = "webcare-test", *, title: str = "Webcare oefenen", status: str = "published",
                prerequisites: str = "[]") -> str:
    return VALID_MODULE.format(id=module_id, title=title, status=status, prerequisites=prerequisites)


def content_repo(root: Path) -> Path:
    """A folder shaped like the repository's content: the real geography and network, and
    an empty curriculum and empty people registries for the test to fill."""
    (root / "curriculum").mkdir()
    (root / "data").mkdir()
    for name in ("geography.json", "network.yaml", "accessibility.yaml", "security.yaml"):
        shutil.copy(ROOT / "data" / name, root / "data" / name)
    (root / "data" / "trainers.yaml").write_text("trainers: []\n", encoding="utf-8")
    (root / "data" / "webcare.yaml").write_text("partnerships: []\n", encoding="utf-8")
    (root / "data" / "sessions.yaml").write_text("sessions: []\n", encoding="utf-8")
    (root / "data" / "leerpaden.yaml").write_text("paths: []\n", encoding="utf-8")
    (root / "data" / "woordenlijst.yaml").write_text("terms: []\n", encoding="utf-8")
    return root


# The day the test site is built for: the agenda and the results must not follow the wall clock.
BUILD_DATE = "2026-11-27"


# The real content, as the test site is built from it.
REAL_CONTENT = load_content(ContentPaths.under(ROOT), datetime.date.fromisoformat(BUILD_DATE))


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PROJECTZ_BUILD_DATE": BUILD_DATE}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly, exactly as scripts/build does."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "projectz.tools.cli", "--root", str(ROOT), "build", "--site-dir", str(site)],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def served_headers(nginx: str) -> dict[str, str]:
    """The headers an nginx configuration's add_header lines send."""
    return dict(re.findall(r'^add_header ([\w-]+) "([^"]*)" always;$', nginx, re.MULTILINE))


def page_at(site: Path, url: str) -> Path:
    """The HTML file of the page at a directory-style URL, or at a file's URL such as '404.html'."""
    return site / url if url.endswith(".html") else site / url / "index.html"


def is_redirect(page: Path) -> bool:
    """An old address that only leads on to the current page (site.redirects): no theme, no footer."""
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")


def linked_page(site: Path, page_url: str, href: str) -> Path:
    """The HTML file a relative link on the page at page_url leads to."""
    return (site / page_url / href.split("#")[0] / "index.html").resolve()


def parse(page: Path) -> html.HtmlElement:
    return html.fromstring(page.read_text(encoding="utf-8"))


@pytest.fixture
def mini_site(tmp_path: Path) -> Path:
    """A small site of our own with the project's plugin and macros, to build in a test."""
    content_repo(tmp_path)
    (tmp_path / "docs").mkdir()
    shutil.copytree(ROOT / "macros", tmp_path / "macros")
    shutil.copy(ROOT / "docs" / "catalogus.md", tmp_path / "docs" / "catalogus.md")
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\n"
        "theme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - projectz\n  - search\n"
        "  - macros:\n      module_name: macros\n      render_by_default: false\n"
        "      on_error_fail: true\n      on_undefined: strict\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, toc]\n"
        "nav:\n  - index.md\n  - catalogus.md\n",
        encoding="utf-8",
    )
    return tmp_path


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, as a reader's browser gets it: with the security
    headers of the server configuration that scripts/server-config writes for it."""
    with serve(built_site, served_headers(nginx_config(built_site))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session; each test opens its own context."""
    with launch_chromium() as chromium:
        yield chromium
