"""Shared fixtures: the real site is built once per session and every site test inspects it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

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
  - Je kunt een reactie schrijven.
key_points:
  - Reageer binnen een dagdeel.
prerequisites: {prerequisites}
status: {status}
version: "1.0"
last_reviewed: 2026-10-01
license: CC-BY-4.0
authors: [Kernteam Project Z]
---

## Waarom deze module

Tekst van {id}.
"""


def module_text(module_id: str = "webcare-test", *, title: str = "Webcare oefenen", status: str = "published",
                prerequisites: str = "[]") -> str:
    return VALID_MODULE.format(id=module_id, title=title, status=status, prerequisites=prerequisites)


def content_repo(root: Path) -> Path:
    """A folder shaped like the repository's content: an empty curriculum and the real data."""
    (root / "curriculum").mkdir()
    shutil.copytree(ROOT / "data", root / "data")
    return root


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly, exactly as scripts/build does."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "projectz.cli", "--root", str(ROOT), "build", "--site-dir", str(site)],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


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
