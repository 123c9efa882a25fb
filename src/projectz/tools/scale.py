"""Synthetic copies of the project with its registries N times larger, for the benchmark's scale run.

Modules (a folder module with its files), trainers and sessions are repeated with suffixed ids
(`webcare-2`), every reference remapped to the copy of the same round, so the larger site is as
valid and as linked as the real one. Geography, network and webcare stay as they are: they
describe the country, not volume.
"""

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from projectz.core.yamlsource import split_front_matter
from projectz.curriculum.modules import module_files

COPIED = ("docs", "macros", "overrides", "mkdocs.yml")
UNCHANGED_DATA = ("geography.json", "network.yaml", "webcare.yaml", "accessibility.yaml", "security.yaml",
                  "leerpaden.yaml", "woordenlijst.yaml")


def scaled_copy(root: Path, target: Path, factor: int) -> None:
    """target becomes a buildable copy of root with factor times the modules, trainers and sessions."""
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True)
        elif source.exists():
            shutil.copy(source, target / name)
    # mkdocs.yml watches the sources; a link keeps that path valid without copying code.
    (target / "src").symlink_to(root / "src")
    (target / "data").mkdir()
    for name in UNCHANGED_DATA:
        if (root / "data" / name).exists():
            shutil.copy(root / "data" / name, target / "data" / name)
    (target / "curriculum").mkdir()
    for path in module_files(root / "curriculum"):
        document, body, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
        for round_ in range(factor):
            module = _renamed(document.data, round_, id_fields=("id",), list_fields=("prerequisites", "former_ids"))
            if round_:
                module["title"] = f"{module['title']} ({round_ + 1})"
            front = yaml.safe_dump(module, allow_unicode=True, sort_keys=False)
            _write_module(path, target / "curriculum", module["id"], f"---\n{front}---\n{body}")
    _scale_registry(root, target, "trainers.yaml", "trainers", factor, ("id",), ("modules",))
    _scale_registry(root, target, "sessions.yaml", "sessions", factor, ("id", "module"), ("trainers",))


def _write_module(source: Path, curriculum: Path, module_id: str, text: str) -> None:
    """A folder module's copy is a folder too, with the materials and images its lesson plan names."""
    if source.name == "index.md":
        shutil.copytree(source.parent, curriculum / module_id, symlinks=True)
        (curriculum / module_id / "index.md").write_text(text, encoding="utf-8")
    else:
        (curriculum / f"{module_id}.md").write_text(text, encoding="utf-8")


def _scale_registry(root: Path, target: Path, name: str, key: str, factor: int,
                    id_fields: tuple[str, ...], list_fields: tuple[str, ...]) -> None:
    records = yaml.safe_load((root / "data" / name).read_text(encoding="utf-8"))[key]
    scaled = [_renamed(record, round_, id_fields, list_fields) for round_ in range(factor) for record in records]
    (target / "data" / name).write_text(yaml.safe_dump({key: scaled}, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")


def _renamed(record: dict[str, Any], round_: int, id_fields: tuple[str, ...],
             list_fields: tuple[str, ...]) -> dict[str, Any]:
    """The record of round `round_`: its own id and every id it refers to get the same suffix."""
    # A copy of its own: lists shared between records would be written as YAML aliases, which
    # content files may not hold.
    renamed = copy.deepcopy(record)
    if not round_:
        return renamed
    suffix = f"-{round_ + 1}"
    for field in id_fields:
        renamed[field] = f"{record[field]}{suffix}"
    for field in (field for field in list_fields if field in record):
        renamed[field] = [f"{value}{suffix}" for value in record[field]]
    if "name" in renamed:
        renamed["name"] = f"{record['name']} {round_ + 1}"
    return renamed
