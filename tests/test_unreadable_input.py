"""Files an author's tools can get wrong (encodings, symlinks, folders, YAML beyond plain data) and
dates that are not true yet: through the real CLI each ends in its own `path:line: field: message`,
exit 1 and no traceback, for scripts/validate and for the build, which leaves the old site alone."""

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_DATE, content_repo, mkdocs_env, module_text
from projectz.tools import cli

UTF8_HINT = "sla het bestand op als UTF-8"
NOT_UTF8 = ("niet opgeslagen als UTF-8: de eerste onleesbare byte, {byte} (in Windows-1252 '{char}'), staat op "
            "deze regel")
ALIAS = ("verwijzing '*a' is niet toegestaan; schrijf de waarde voluit (YAML-ankers en -verwijzingen worden in de "
         "inhoud niet gebruikt)")
TOO_DEEP = "meer dan 50 niveaus diep genest; zo diep gaat geen enkel veld"
# Ten lines, each naming the one before nine times: 9^10 (3.5 billion) scalars once expanded.
ALIAS_BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]", *(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]"
    for previous, name in zip("abcdefghi", "bcdefghij", strict=True))])


def run_cli(root: Path, *command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "projectz.tools.cli", "--root", str(root), *command],
                          cwd=root, env=mkdocs_env(), capture_output=True, text=True, timeout=timeout)


def assert_refused(result: subprocess.CompletedProcess[str], *expected: str) -> list[str]:
    """The expected lines are in the output, with exit 1 and no traceback; returns the output's lines."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for line in expected:
        assert line in output.splitlines(), output
    return output.splitlines()


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


def hub(root: Path) -> dict:
    return yaml.safe_load((root / "data" / "network.yaml").read_text(encoding="utf-8"))["hubs"][0]


def trainer_yaml(root: Path, consent: str = "2026-01-01") -> str:
    """One valid trainer who gives the module 'webcare' (line numbers matter)."""
    return f"""\
trainers:
  - id: tessa-proef
    name: Tessa Proef
    role: Adviseur
    municipality: {hub(root)["municipality"]}
    modules: [webcare]
    expertise: []
    formats: [groep]
    days_per_month: 1
    languages: [nl]
    contact: {hub(root)["mailbox"]}
    circle: netwerk
    fee: gratis
    support: []
    consent: {consent}
    example: true
"""


def session_yaml(root: Path, date: str) -> str:
    """One held session of the trainer above (line numbers matter)."""
    return f"""\
sessions:
  - id: sessie
    date: {date}
    start: "09:30"
    end: "13:00"
    module: webcare
    trainers: [tessa-proef]
    host: {hub(root)["municipality"]}
    invited: []
    format: groep
    location: Stadhuis
    status: held
    registration: {hub(root)["mailbox"]}
    results:
      participants: 12
      municipalities: [{hub(root)["municipality"]}]
      score: 8.1
    example: true
"""


def people(root: Path, consent: str = "2026-01-01", held_on: str | None = None) -> None:
    """The module, trainer and (if held_on) session that the dates in them are about."""
    write(root / "curriculum" / "webcare.md", module_text("webcare"))
    write(root / "data" / "trainers.yaml", trainer_yaml(root, consent))
    if held_on:
        write(root / "data" / "sessions.yaml", session_yaml(root, held_on))


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], None]
    expected: tuple[str, ...]


def module_at(name: str, encoding: str = "utf-8", **replacements: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        text = module_text("a")
        for old, new in replacements.items():
            text = text.replace(old, new)
        write(root / "curriculum" / name, text, encoding)
    return make


def entry(name: str, make_entry: Callable[[Path], None]) -> Callable[[Path], None]:
    return lambda root: make_entry(root / name)


def nested_folder_module(path: Path) -> None:
    write(path / "index.md", module_text("a"))


CASES = [
    # Encodings: the line of the first bad byte, what it means in Windows-1252, and the fix.
    Case("module-windows-1252", module_at("a.md", "cp1252", **{"Webcare oefenen": "Café oefenen"}),
         (f"curriculum/a.md:3: bestand: {NOT_UTF8.format(byte='0xE9', char='é')}; {UTF8_HINT}",)),
    Case("module-latin-1-in-body", module_at("a.md", "latin-1", **{"Tekst van a.": "Ideeën"}),
         (f"curriculum/a.md:42: bestand: {NOT_UTF8.format(byte='0xEB', char='ë')}; {UTF8_HINT}",)),
    Case("module-utf-16", module_at("a.md", "utf-16"),
         (f"curriculum/a.md:1: bestand: opgeslagen als UTF-16 ('Unicode'), niet als UTF-8; {UTF8_HINT}",)),
    Case("folder-module-windows-1252", module_at("a/index.md", "cp1252", **{"Webcare oefenen": "Één dag"}),
         (f"curriculum/a/index.md:3: bestand: {NOT_UTF8.format(byte='0xC9', char='É')}; {UTF8_HINT}",)),
    Case("registry-windows-1252", lambda root: write(root / "data" / "trainers.yaml", trainer_yaml(root).replace(
        "Adviseur", "Adviseur café"), "cp1252"),
         (f"data/trainers.yaml:4: bestand: {NOT_UTF8.format(byte='0xE9', char='é')}; {UTF8_HINT}",)),
    Case("registry-utf-16", lambda root: write(root / "data" / "webcare.yaml", "partnerships: []\n", "utf-16"),
         (f"data/webcare.yaml:1: bestand: opgeslagen als UTF-16 ('Unicode'), niet als UTF-8; {UTF8_HINT}",)),
    # Entries that are not readable files.
    Case("dangling-symlink", entry("curriculum/a.md", lambda path: path.symlink_to("weg.md")),
         ("curriculum/a.md:1: bestand: is een snelkoppeling (symlink) naar 'weg.md', maar dat bestaat niet",)),
    Case("symlink-loop", entry("curriculum/a.md", lambda path: path.symlink_to("a.md")),
         ("curriculum/a.md:1: bestand: is een snelkoppeling (symlink) die in een kring naar zichzelf verwijst",)),
    Case("folder-named-md", entry("curriculum/a.md", nested_folder_module),
         ("curriculum/a.md:1: bestand: is een map, geen bestand; hernoem of verplaats de map",)),
    Case("pipe-named-md", entry("curriculum/a.md", os.mkfifo),
         ("curriculum/a.md:1: bestand: is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); zet er een "
          "tekstbestand neer",)),
    Case("registry-is-a-folder", entry("data/sessions.yaml", lambda path: (path.unlink(), path.mkdir())),
         ("data/sessions.yaml:1: bestand: is een map, geen bestand; hernoem of verplaats de map",)),
    Case("registry-dangling-symlink", entry("data/webcare.yaml", lambda path: (path.unlink(), path.symlink_to("x"))),
         ("data/webcare.yaml:1: bestand: is een snelkoppeling (symlink) naar 'x', maar dat bestaat niet",)),
    # Derived geodata missing: reported, and the registries' own errors still are too.
    Case("geography-missing-and-a-registry-error", lambda root: (
        (root / "data" / "geography.json").unlink(), write(root / "data" / "trainers.yaml", "trainers: geen\n"),
        write(root / "data" / "sessions.yaml", "sessions: 3\n")),
         ("data/geography.json:1: bestand: ontbreekt; maak het bestand opnieuw met scripts/derive-geodata",
          "data/sessions.yaml:1: sessions: verwacht een lijst, maar vond een geheel getal",
          "data/trainers.yaml:1: trainers: verwacht een lijst, maar vond tekst")),
    Case("geography-latin-1", lambda root: write(root / "data" / "geography.json", '{"attribution": "©"}', "latin-1"),
         (f"data/geography.json:1: bestand: {NOT_UTF8.format(byte='0xA9', char='©')}; {UTF8_HINT}; maak het "
          f"bestand opnieuw met scripts/derive-geodata",)),
    # YAML beyond plain data, in a registry and in front matter.
    Case("registry-alias-bomb", lambda root: write(root / "data" / "trainers.yaml", ALIAS_BOMB + "\ntrainers: []\n"),
         (f"data/trainers.yaml:2: yaml: {ALIAS}",)),
    Case("front-matter-alias-bomb", module_at("a.md", **{"title: Webcare oefenen\n": ALIAS_BOMB + "\n"}),
         (f"curriculum/a.md:4: yaml: {ALIAS}",)),
    Case("registry-990-deep", lambda root: write(root / "data" / "webcare.yaml",
                                                 "partnerships:\n  - " + "[" * 990 + "]" * 990 + "\n"),
         (f"data/webcare.yaml:2: yaml: {TOO_DEEP}",)),
    Case("registry-100000-deep", lambda root: write(root / "data" / "webcare.yaml",
                                                    "partnerships: " + "[" * 100_000 + "]" * 100_000 + "\n"),
         (f"data/webcare.yaml:1: yaml: {TOO_DEEP}",)),
    Case("front-matter-deep-blocks", module_at("a.md", **{
        "key_points:\n": "extra:\n" + "".join(f"{'  ' * (depth + 1)}k:\n" for depth in range(60)) + "key_points:\n"}),
         (f"curriculum/a.md:63: yaml: {TOO_DEEP}",)),
    Case("explicit-tag", lambda root: write(root / "data" / "trainers.yaml",
                                            "trainers: !!python/object:os.system []\n"),
         ("data/trainers.yaml:1: yaml: YAML-label '!!python/object:os.system' is niet toegestaan; schrijf de waarde "
          "zonder label (tekst eventueel tussen aanhalingstekens)",)),
    Case("control-character", module_at("a.md", **{"Webcare oefenen": "Webcare\x0coefenen"}),
         ("curriculum/a.md:3: yaml: onzichtbaar stuurteken U+000C op deze regel; verwijder het",)),
    Case("number-too-long", module_at("a.md", **{"duration: 120": "duration: " + "9" * 5000}),
         ("curriculum/a.md:8: yaml: YAML-fout: een getal van 5000 tekens is te lang",)),
    # Dates that are not true yet on the build date (2026-11-27).
    Case("consent-after-build-date", lambda root: people(root, consent="2026-11-28", held_on="2026-11-02"),
         ("data/sessions.yaml:7: sessions[1].trainers[1]: trainer 'tessa-proef' gaf geen toestemming voor "
          "publicatie; de sessie zou deze trainer toch publiceren",
          "data/trainers.yaml:15: trainers[1].consent: toestemming op 28 november 2026 ligt na de bouwdatum "
          "(27 november 2026); vul de dag in waarop de trainer toestemming gaf, of laat het veld leeg tot dan")),
    Case("held-after-build-date", lambda root: people(root, held_on="2026-11-28"),
         ("data/sessions.yaml:12: sessions[1].status: de sessie van 28 november 2026 is nog niet geweest (bouwdatum "
          "27 november 2026); een sessie na de bouwdatum is planned of cancelled",)),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_validate_names_the_file_and_line(tmp_path: Path, case: Case):
    root = content_repo(tmp_path)
    case.make(root)
    errors = "1 fout" if len(case.expected) == 1 else f"{len(case.expected)} fouten"
    # Exactly these: no traceback, and no second error that follows from the first.
    assert assert_refused(run_cli(root, "validate"), *case.expected) == [*case.expected, f"{errors} gevonden."]


def snapshot(site: Path) -> dict[str, tuple[int, bytes]]:
    return {path.relative_to(site).as_posix(): (path.stat().st_mode, path.read_bytes() if path.is_file() else b"")
            for path in sorted(site.rglob("*"))}


# The build runs the same checks as validate (in the plugin, before anything is written): one case
# of each kind shows it stops on them, in the same words, without touching the published site.
BUILD_CASES = [case for case in CASES if case.id in {
    "module-windows-1252", "registry-utf-16", "dangling-symlink", "folder-named-md", "registry-is-a-folder",
    "geography-missing-and-a-registry-error", "registry-alias-bomb", "registry-100000-deep",
    "consent-after-build-date", "held-after-build-date"}]


@pytest.mark.parametrize("case", BUILD_CASES, ids=[case.id for case in BUILD_CASES])
def test_build_stops_and_keeps_the_previous_site(mini_site: Path, case: Case):
    config = mini_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - projectz\n", f'  - projectz:\n      build_date: "{BUILD_DATE}"\n'), encoding="utf-8")
    site = mini_site / "site"
    write(site / "index.html", "<p>Vorige versie</p>\n")
    write(site / "modules" / "a" / "index.html", "<p>Vorige module</p>\n")
    before = snapshot(site)
    case.make(mini_site)
    assert_refused(run_cli(mini_site, "build", "--site-dir", str(site)), *case.expected)
    assert snapshot(site) == before
    assert sorted(path.name for path in mini_site.iterdir() if path.name.startswith(".site")) == []


def test_bom_in_a_module_is_accepted(tmp_path: Path):
    root = content_repo(tmp_path)
    write(root / "curriculum" / "a.md", "\ufeff" + module_text("a"))
    write(root / "data" / "trainers.yaml", "\ufefftrainers: []\n")
    result = run_cli(root, "validate")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("In orde: 1 module,")


def test_on_the_build_date_itself_consent_counts_and_a_session_can_be_held(tmp_path: Path):
    root = content_repo(tmp_path)
    people(root, consent=BUILD_DATE, held_on=BUILD_DATE)
    result = run_cli(root, "validate")
    assert result.returncode == 0, result.stdout
    assert "1 trainer met toestemming" in result.stdout and "1 trainingssessie" in result.stdout


def test_an_alias_bomb_is_refused_within_a_second(tmp_path: Path):
    # In a child process with a time limit: were the aliases expanded, this would never end.
    script = ("import sys, time\nfrom projectz.core.yamlsource import parse_yaml\n"
              "start = time.perf_counter()\n_, issues = parse_yaml(sys.stdin.read(), 'x.yaml')\n"
              "print(time.perf_counter() - start)\nprint(issues[0])\n")
    result = subprocess.run([sys.executable, "-c", script], input=ALIAS_BOMB, capture_output=True, text=True,
                            timeout=30)
    seconds, issue = result.stdout.splitlines()
    assert float(seconds) < 1.0
    assert issue == f"x.yaml:2: yaml: {ALIAS}"


def test_unreadable_module_says_so(tmp_path: Path, monkeypatch, capsys):
    # Root reads anything whatever its mode, so the refusal a normal user gets is played here.
    root = content_repo(tmp_path)
    write(root / "curriculum" / "a.md", module_text("a"))
    locked = root / "curriculum" / "a.md"
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert cli.main(["--root", str(root), "validate"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "curriculum/a.md:1: bestand: kan niet gelezen worden: geen leesrechten; pas de rechten van het bestand (of "
        "de map) aan")


def test_validate_refuses_a_build_date_that_is_no_date(tmp_path: Path):
    root = content_repo(tmp_path)
    result = subprocess.run([sys.executable, "-m", "projectz.tools.cli", "--root", str(root), "validate"],
                            env={**mkdocs_env(), "PROJECTZ_BUILD_DATE": "27-11-2026"}, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == "PROJECTZ_BUILD_DATE '27-11-2026' is geen datum als JJJJ-MM-DD\n"
