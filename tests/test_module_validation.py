"""One broken module per validation rule; each message must name file, line and field."""

from pathlib import Path

import pytest

from conftest import content_repo, module_text
from projectz.content import ContentPaths, check_content


def problems(root: Path, files: dict[str, str]) -> list[str]:
    curriculum = root / "curriculum"
    if not curriculum.exists():
        content_repo(root)
    for name, text in files.items():
        path = curriculum / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    content, issues = check_content(ContentPaths.under(root))
    assert (content is None) == any(not issue.warning for issue in issues)
    return [str(issue) for issue in issues]


def test_valid_module_has_no_problems(tmp_path):
    assert problems(tmp_path, {"a.md": module_text("a")}) == []


def test_folder_module_with_index_is_loaded(tmp_path):
    problems(tmp_path, {"map-module/index.md": module_text("map-module")})
    content, _ = check_content(ContentPaths.under(tmp_path))
    assert [module.source_path for module in content.modules] == ["curriculum/map-module/index.md"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(("level: basis\n", ""), "curriculum/a.md:2: level: verplicht veld ontbreekt", id="missing-field"),
        pytest.param(("level: basis\n", "level: basis\nniveau: basis\n"),
                     "curriculum/a.md:8: niveau: onbekend veld (tikfout?); toegestaan zijn: id, title, summary, "
                     "topic, audience, level, duration, formats, objectives, key_points, prerequisites, status, "
                     "version, last_reviewed, license, authors, former_ids, group_size, preparation, intake, "
                     "hard_questions, check_questions, blocks", id="unknown-field"),
        pytest.param(("    text: Je kunt een reactie schrijven.\n",
                      "    text: Je kunt een reactie schrijven.\n    niveau: basis\n"),
                     "curriculum/a.md:13: objectives[1].niveau: onbekend veld (tikfout?); toegestaan zijn: id, text",
                     id="unknown-field-in-objective"),
        pytest.param(("group_size: {min: 4, max: 12}\n", ""), "curriculum/a.md:2: group_size: verplicht veld ontbreekt",
                     id="missing-group-size"),
        pytest.param(("    werkvorm: uitleg\n", "    werkvorm: lezing\n"),
                     "curriculum/a.md:32: blocks[1].werkvorm: 'lezing' is niet toegestaan; kies uit: kennismaking, "
                     "uitleg, gesprek, demonstratie, oefening, casus, rollenspel, pauze, afsluiting",
                     id="block-werkvorm-outside-vocabulary"),
        pytest.param(("duration: 120\n", "duration: twee uur\n"),
                     "curriculum/a.md:8: duration: verwacht een geheel getal van 30 tot en met 960, maar vond tekst",
                     id="wrong-type"),
        pytest.param(('version: "1.0"\n', "version: 1.0\n"),
                     "curriculum/a.md:19: version: verwacht een versie als \"1.0\" (tussen aanhalingstekens), "
                     "maar vond een getal (1.0; zet de waarde tussen aanhalingstekens)", id="unquoted-version"),
        pytest.param(("level: basis\n", "level: beginner\n"),
                     "curriculum/a.md:7: level: 'beginner' is niet toegestaan; kies uit: basis, gevorderd, expert",
                     id="outside-vocabulary"),
        pytest.param(("audience: [webcare]\n", "audience: [webcare, burgers]\n"),
                     "curriculum/a.md:6: audience[2]: 'burgers' is niet toegestaan; kies uit: communicatie, "
                     "webcare, klantcontact, bestuur, griffie, beleid, management, crisisteam",
                     id="list-item-outside-vocabulary"),
        pytest.param(("last_reviewed: 2026-10-01\n", "last_reviewed: 2026-13-01\n"),
                     "curriculum/a.md:20: last_reviewed: '2026-13-01' is geen geldige datum; schrijf JJJJ-MM-DD, "
                     "bijvoorbeeld 2026-03-01", id="malformed-date"),
        pytest.param(("objectives:\n  - id: reageren\n    text: Je kunt een reactie schrijven.\n", "objectives: []\n"),
                     "curriculum/a.md:10: objectives: mag niet leeg zijn", id="empty-objectives"),
        pytest.param(("prerequisites: []\n", "prerequisites: [bestaat-niet]\n"),
                     "curriculum/a.md:17: prerequisites[1]: module 'bestaat-niet' bestaat niet",
                     id="missing-prerequisite"),
        pytest.param(("title: Webcare oefenen\n", "title: Webcare: oefenen: nu\n"),
                     # The rest of the sentence is the YAML parser's own (libyaml or PyYAML's).
                     "curriculum/a.md:3: yaml: YAML-fout: mapping values are not allowed", id="broken-yaml"),
        pytest.param(("level: basis\n", "level: basis\nlevel: expert\n"),
                     "curriculum/a.md:8: level: dit veld staat er twee keer in", id="duplicate-key"),
    ],
)
def test_each_rule_names_file_line_and_field(tmp_path, change, expected):
    old, new = change
    text = module_text("a")
    assert old in text
    found = problems(tmp_path, {"a.md": text.replace(old, new, 1)})
    assert len(found) == 1 and found[0].startswith(expected), found


def test_file_without_front_matter(tmp_path):
    assert problems(tmp_path, {"a.md": "# Alleen tekst\n"}) == [
        "curriculum/a.md:1: front matter: geen front matter gevonden: begin het bestand met een regel '---'"
    ]


def test_duplicate_id_names_both_files(tmp_path):
    found = problems(tmp_path, {"a.md": module_text("zelfde"), "b.md": module_text("zelfde")})
    assert found == ["curriculum/b.md:2: id: id 'zelfde' wordt ook gebruikt in curriculum/a.md:2"]


def test_prerequisite_cycle_is_reported_once(tmp_path):
    found = problems(tmp_path, {
        "a.md": module_text("a", prerequisites="[b]"),
        "b.md": module_text("b", prerequisites="[c]"),
        "c.md": module_text("c", prerequisites="[a]"),
    })
    assert found == ["curriculum/a.md:17: prerequisites: voorkennis vormt een kring: a → b → c → a"]


def test_a_broken_module_is_not_also_reported_missing_where_it_is_referenced(tmp_path):
    found = problems(tmp_path, {
        "a.md": module_text("a").replace("level: basis", "level: hoog"),
        "b.md": module_text("b", prerequisites="[a]"),
    })
    assert [line.split(": ")[0] for line in found] == ["curriculum/a.md:7"]


def test_all_problems_in_all_files_are_reported_in_one_run(tmp_path):
    found = problems(tmp_path, {
        "a.md": module_text("a").replace("level: basis\n", "level: hoog\n").replace("duration: 120\n", ""),
        "b.md": "geen front matter\n",
        "c.md": module_text("c", prerequisites="[x]"),
    })
    assert [line.split(":")[0] + ":" + line.split(":")[2] for line in found] == [
        "curriculum/a.md: duration", "curriculum/a.md: level", "curriculum/b.md: front matter",
        "curriculum/c.md: prerequisites[1]",
    ]


def test_real_curriculum_is_valid():
    root = Path(__file__).resolve().parent.parent
    content, issues = check_content(ContentPaths.under(root))
    # Readability is a signal for the authors, not a rule: the decks' keyword lists may score low.
    assert [issue for issue in issues if not (issue.warning and "leesbaarheid" in issue.message)] == []
    assert len(content.published_modules) >= 7
