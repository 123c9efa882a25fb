"""The author commands: scripts/validate and scripts/new-module, and the published JSON Schema."""

import datetime
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, content_repo, module_text
from projectz.core.yamlsource import split_front_matter
from projectz.curriculum.modules import MODULE_SCHEMA, module_files
from projectz.tools import cli


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return content_repo(tmp_path)


def test_validate_says_how_much_it_checked_when_clean(repo, capsys):
    (repo / "curriculum" / "a.md").write_text(module_text("a"), encoding="utf-8")
    assert cli.main(["--root", str(repo), "validate"]) == 0
    hubs = len(yaml.safe_load((repo / "data" / "network.yaml").read_text(encoding="utf-8"))["hubs"])
    deviations = len(yaml.safe_load((repo / "data" / "accessibility.yaml").read_text(encoding="utf-8"))["deviations"])
    assert capsys.readouterr().out == (f"In orde: 1 module, {hubs} deelnemende gemeenten, 0 trainers met toestemming, "
                                       f"0 webcare-samenwerkingen, 0 trainingssessies en {deviations} afwijkingen uit "
                                       f"de toegankelijkheidsverklaring gecontroleerd.\n")


def test_validate_lists_every_error_then_exits_1(repo, capsys):
    (repo / "curriculum" / "a.md").write_text(module_text("a").replace("level: basis", "level: x"), encoding="utf-8")
    (repo / "curriculum" / "b.md").write_text("zonder front matter\n", encoding="utf-8")
    assert cli.main(["--root", str(repo), "validate"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("curriculum/a.md:7: level: ")
    assert lines[1].startswith("curriculum/b.md:1: front matter: ")
    assert lines[2] == "2 fouten gevonden."


def test_new_module_scaffold_is_valid_and_has_every_field_explained(repo, capsys):
    assert cli.new_module(repo, "nieuwe-module", 'Titel met "aanhalingstekens": en dubbele punt',
                          datetime.date(2026, 11, 27)) == 0
    text = (repo / "curriculum" / "nieuwe-module" / "index.md").read_text(encoding="utf-8")
    document, _, _, issues = split_front_matter(text, "nieuwe-module.md")
    assert issues == []
    values, issues = MODULE_SCHEMA.validate(document)
    assert issues == []
    assert values["status"] == "draft"
    assert values["title"] == 'Titel met "aanhalingstekens": en dubbele punt'
    lines = text.splitlines()
    for field in MODULE_SCHEMA.fields:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{field.name}:"))
        assert lines[index - 1].startswith("# "), f"{field.name} has no Dutch comment above it"
    assert cli.main(["--root", str(repo), "validate"]) == 0


def test_new_module_refuses_to_overwrite(repo, capsys):
    (repo / "curriculum" / "a.md").write_text("bestaand", encoding="utf-8")
    assert cli.new_module(repo, "a", "A", datetime.date(2026, 1, 1)) == 1
    assert (repo / "curriculum" / "a.md").read_text(encoding="utf-8") == "bestaand"
    assert capsys.readouterr().out == "curriculum/a.md bestaat al.\n"


def test_acceptance_report_lists_each_gap_and_fails_until_there_is_none(repo, capsys):
    (repo / "curriculum" / "a.md").write_text(module_text("a"), encoding="utf-8")
    assert cli.main(["--root", str(repo), "validate", "--acceptatie"]) == 1
    lines = capsys.readouterr().out.splitlines()
    # "Tekst van a." is 3 words; the draaiboek's own words are the two notes of 6 words each.
    assert lines[lines.index("Acceptatielijst (CURRICULUM.md), het telbare deel:") + 2].split() == [
        "a", "3", "12", "0", "0", "0", "127", "77", "6"]
    assert "curriculum/a.md: sources: 0 bronnen; verwacht er minstens 3" in lines
    assert cli.main(["--root", str(ROOT), "validate", "--acceptatie"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("voldoen aan wat de acceptatielijst telt.")


def test_json_schema_accepts_every_real_module_and_rejects_a_typo():
    schema = MODULE_SCHEMA.json_schema("module.schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for path in module_files(ROOT / "curriculum"):
        document, _, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
        assert list(validator.iter_errors(document.data)) == [], path
    document.data["niveau"] = "basis"
    assert not validator.is_valid(document.data)


def test_server_config_prints_the_headers_for_a_built_site_and_refuses_a_folder_without_one(built_site: Path,
                                                                                             tmp_path: Path, capsys):
    assert cli.main(["server-config", str(built_site)]) == 0
    printed = capsys.readouterr().out
    assert 'add_header Content-Security-Policy "default-src \'self\'; script-src \'self\' \'sha256-' in printed
    assert cli.main(["server-config", str(tmp_path)]) == 1
    assert "voer eerst scripts/build uit" in capsys.readouterr().err
