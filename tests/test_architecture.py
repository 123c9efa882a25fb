"""The source tree keeps the shape ARCHITECTURE.md describes: parts that stay plain Python, one
adapter that knows MkDocs, and templates beside the package that renders them."""

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "projectz"
# Material for MkDocs reaches end of life in 2027; only the adapter (and the benchmark, which
# compares against a bare Material build) may depend on it, so another generator can reuse the rest.
MKDOCS_ALLOWED = {"projectz.site.plugin", "projectz.site.build", "projectz.site.offline", "projectz.tools.bench"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            # `from projectz.core import urls` imports the module projectz.core.urls
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


SOURCES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
PROJECT_IMPORTS = {name: {imported for imported in imports(path) if imported in SOURCES}
                   for name, path in SOURCES.items()}


def test_every_package_says_what_it_holds():
    packages = [path for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"]
    parts = {"core", "curriculum", "geography", "people", "sessions", "site", "tools"}
    assert {path.name for path in packages} >= parts
    for package in packages:
        docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert docstring and "\n" not in docstring, f"{package.name}/__init__.py needs a one-line docstring"


def test_only_the_site_adapter_imports_mkdocs():
    offenders = sorted(name for name, path in SOURCES.items()
                       if name not in MKDOCS_ALLOWED
                       and any(imported.split(".")[0] in {"mkdocs", "material"} for imported in imports(path)))
    assert offenders == []


def test_core_depends_on_no_part():
    core = {name for name in SOURCES if name.startswith("projectz.core")}
    outward = {(name, imported) for name in core for imported in PROJECT_IMPORTS[name]
               if imported not in core and imported != "projectz"}
    assert outward == set()


def test_modules_import_each_other_without_cycles():
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join((*trail[trail.index(name):], name))
        if name in done:
            return
        for imported in PROJECT_IMPORTS[name]:
            visit(imported, (*trail, name))
        done.add(name)

    for name in SOURCES:
        visit(name, ())


def test_each_package_renders_only_its_own_templates():
    for name, path in SOURCES.items():
        package = name.split(".")[1] if name.count(".") > 1 else None
        for template in re.findall(r'render\(\s*"([a-z_]+)/', path.read_text(encoding="utf-8")):
            assert template == package, f"{name} renders a template of {template}/"


def test_every_template_is_used():
    """A template left behind by a move would render nothing and mislead the next reader."""
    text = "\n".join(path.read_text(encoding="utf-8")
                     for path in [*SOURCES.values(), *PACKAGE.glob("*/templates/**/*.j2")])
    for template in PACKAGE.glob("*/templates/**/*.j2"):
        package, _, *rest = template.relative_to(PACKAGE).parts
        assert f'"{package}/{"/".join(rest)}"' in text, f"{template.relative_to(ROOT)} is never rendered"
