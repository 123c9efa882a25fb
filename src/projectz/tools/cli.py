"""Command-line tools behind scripts/: validate, build, offline, new-module and server-config."""

import argparse
import datetime
import os
import re
import sys
from pathlib import Path

from projectz.content import Content, ContentPaths, check_content
from projectz.core import dutch
from projectz.core.templating import render
from projectz.curriculum.acceptance import acceptance_gaps, module_figures
from projectz.curriculum.modules import Module, module_readability
from projectz.curriculum.readability import Readability
from projectz.curriculum.slides import deck_slides
from projectz.site.build import BuildStopped, build_site, quiet_logging
from projectz.site.csp import nginx_config
from projectz.site.generated import generated_files, link_problems
from projectz.site.offline import build_offline_zip

# The build takes its date from this variable (mkdocs.yml); validate checks against the same day,
# so a consent or a held session in the future is an error in both or in neither.
BUILD_DATE_VARIABLE = "PROJECTZ_BUILD_DATE"


def validate(root: Path, figures: bool = False, acceptance: bool = False) -> int:
    value = os.environ.get(BUILD_DATE_VARIABLE, "")
    try:
        build_date = datetime.date.fromisoformat(value) if value else None
    except ValueError:
        print(f"{BUILD_DATE_VARIABLE} '{value}' is geen datum als JJJJ-MM-DD")
        return 1
    content, issues = check_content(ContentPaths.under(root), build_date)
    if content is not None:
        # Links need the whole site: only known once every part has loaded.
        generated = generated_files(content, root, "", "", None)
        issues = sorted(issues + link_problems(content, root / "docs", generated))
    for issue in issues:
        print(issue)
    if content is None or any(not issue.warning for issue in issues):
        errors = sum(1 for issue in issues if not issue.warning)
        print(f"{dutch.count(errors, 'fout', 'fouten')} gevonden.")
        return 1
    checked = [
        dutch.count(len(content.modules), "module", "modules"),
        dutch.count(len(content.hubs), "deelnemende gemeente", "deelnemende gemeenten"),
        dutch.count(len(content.trainers), "trainer met toestemming", "trainers met toestemming"),
        dutch.count(len(content.partnerships), "webcare-samenwerking", "webcare-samenwerkingen"),
        dutch.count(len(content.sessions), "trainingssessie", "trainingssessies"),
        dutch.count(len(content.statement.deviations), "afwijking uit de toegankelijkheidsverklaring",
                    "afwijkingen uit de toegankelijkheidsverklaring"),
    ]
    print(f"In orde: {', '.join(checked[:-1])} en {checked[-1]} gecontroleerd.")
    if figures:
        print(readability_table(content.modules))
    if acceptance:
        report, complete = acceptance_report(content, root)
        print(report)
        return 0 if complete else 1
    return 0


def readability_table(modules: tuple[Module, ...]) -> str:
    """Per module the words, Flesch-Douma and words per sentence of its page and of its deck."""
    rows = [("module", "woorden", "tekst: Flesch-Douma", "tekst: woorden/zin", "dia's: Flesch-Douma",
             "dia's: woorden/zin")]
    for module in modules:
        measured = module_readability(module)
        rows.append((module.id, str(measured.text.words), *_figures(measured.text), *_figures(measured.slides)))
    return "\n".join(["", "Leesbaarheid (doel: Flesch-Douma 60 of hoger, hooguit 15 woorden per zin):", *_table(rows)])


def acceptance_report(content: Content, root: Path) -> tuple[str, bool]:
    """Per published module the figures of the acceptance list, then what each still misses; and
    whether none misses anything."""
    published = content.published_modules
    rows = [("module", "woorden deelnemer", "woorden draaiboek", "oefeningen", "materialen", "bronnen",
             "tekst: Flesch-Douma", "dia's: Flesch-Douma", "dia's")]
    gaps = []
    for module in published:
        figures = module_figures(module)
        rows.append((module.id, str(figures.participant_words), str(figures.draaiboek_words), str(figures.exercises),
                     str(figures.materials), str(figures.sources), _figures(figures.text)[0],
                     _figures(figures.slides)[0], str(len(deck_slides(module, root)))))
        prerequisites = [content.module(prerequisite) for prerequisite in module.prerequisites]
        gaps += [f"{module.source_path}: {gap}" for gap in acceptance_gaps(module, prerequisites)]
    verdict = gaps or [f"Alle {len(published)} gepubliceerde modules voldoen aan wat de acceptatielijst telt."]
    return "\n".join(["", "Acceptatielijst (CURRICULUM.md), het telbare deel:", *_table(rows), "", *verdict]), not gaps


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as aligned text: the first column to the left, figures to the right."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                      for column, (cell, width) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]


def _figures(measured: Readability) -> tuple[str, str]:
    if measured.flesch_douma is None or measured.average_sentence_length is None:
        return "-", "-"
    return str(round(measured.flesch_douma)), dutch.decimal(measured.average_sentence_length)


def new_module(root: Path, module_id: str, title: str, today: datetime.date) -> int:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", module_id):
        print(f"'{module_id}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens.")
        return 1
    folder = root / "curriculum" / module_id
    if existing := next((path for path in (folder, folder.with_suffix(".md")) if path.exists()), None):
        print(f"{existing.relative_to(root)} bestaat al.")
        return 1
    # A folder module: the checklist and template it needs are worksheets beside its text.
    files = {"index.md": "tools/new_module.md.j2", "materialen/checklist.md": "tools/new_checklist.md.j2",
             "materialen/sjabloon.md": "tools/new_template.md.j2"}
    for name, template in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(template, id=module_id, title=title, today=today.isoformat()), encoding="utf-8")
    print(f"Aangemaakt: {folder.relative_to(root)}/ met index.md en materialen/ (status: draft). "
          "Controleer met scripts/validate.")
    return 0


def build(root: Path, site_dir: Path, production: bool = False) -> int:
    quiet_logging()
    try:
        pages = build_site(root / "mkdocs.yml", site_dir, production=production)
    except BuildStopped:
        print("De build is gestopt; de vorige versie van de site is ongewijzigd gebleven.")
        return 1
    print(f"Site gebouwd in {site_dir}/ ({pages} pagina's).")
    return 0


def offline(root: Path, zip_path: Path) -> int:
    quiet_logging()
    try:
        build_offline_zip(root / "mkdocs.yml", zip_path)
    except BuildStopped as error:
        print(f"De offline-versie is niet gebouwd. {error}")
        return 1
    print(f"Offline-versie gebouwd: {zip_path}")
    return 0


def server_config(site_dir: Path) -> int:
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}/ bevat geen gebouwde site: voer eerst scripts/build uit.", file=sys.stderr)
        return 1
    print(nginx_config(site_dir), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="projectz")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="map van de repository")
    commands = parser.add_subparsers(dest="command", required=True)
    validate_command = commands.add_parser("validate", help="controleer alle inhoud")
    validate_command.add_argument("--leesbaarheid", action="store_true",
                                  help="toon ook de leesbaarheid van elke module en haar dia's")
    validate_command.add_argument("--acceptatie", action="store_true",
                                  help="toon ook wat elke gepubliceerde module nog mist van de acceptatielijst")
    build_command = commands.add_parser("build", help="bouw de site (strikt) en vervang de oude pas daarna")
    build_command.add_argument("--site-dir", type=Path, default=Path("site"))
    build_command.add_argument("--production", action="store_true",
                               help="de echte site: weiger voorbeeldadressen (.example)")
    offline_command = commands.add_parser("offline", help="bouw de offline-versie (zip die werkt vanaf file://)")
    offline_command.add_argument("--zip", type=Path, default=Path("dist") / "projectz-offline.zip")
    headers_command = commands.add_parser("server-config", help="nginx-configuratie met de beveiligingsheaders")
    headers_command.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    scaffold = commands.add_parser("new-module", help="maak een nieuwe module aan")
    scaffold.add_argument("id")
    scaffold.add_argument("title")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.root, args.leesbaarheid, args.acceptatie)
    if args.command == "build":
        return build(args.root, args.site_dir, args.production)
    if args.command == "offline":
        return offline(args.root, args.zip)
    if args.command == "server-config":
        return server_config(args.site_dir)
    return new_module(args.root, args.id, args.title, datetime.date.today())


if __name__ == "__main__":
    sys.exit(main())
