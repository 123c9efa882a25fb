"""Everything the site is built from, loaded and cross-checked in one pass."""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from projectz.coverage import Coverage, compute_coverage
from projectz.geography import Geography, GeographyError, load_geography
from projectz.issues import Issue, raise_if_errors
from projectz.modules import Module, load_modules
from projectz.network import Hub, load_network


@dataclass(frozen=True)
class ContentPaths:
    root: Path
    curriculum: Path
    geography: Path
    network: Path

    @classmethod
    def under(cls, root: Path) -> "ContentPaths":
        data = root / "data"
        return cls(root=root, curriculum=root / "curriculum", geography=data / "geography.json",
                   network=data / "network.yaml")


@dataclass(frozen=True)
class Content:
    modules: tuple[Module, ...]
    geography: Geography
    hubs: tuple[Hub, ...]
    warnings: tuple[Issue, ...] = ()

    def module(self, module_id: str) -> Module:
        return next(module for module in self.modules if module.id == module_id)

    @property
    def published_modules(self) -> tuple[Module, ...]:
        return tuple(module for module in self.modules if module.published)

    @cached_property
    def coverage(self) -> Coverage:
        return compute_coverage(self.geography, frozenset(hub.municipality_code for hub in self.hubs))

    def hub(self, municipality_code: str) -> Hub | None:
        return next((hub for hub in self.hubs if hub.municipality_code == municipality_code), None)


def check_content(paths: ContentPaths) -> tuple[Content | None, list[Issue]]:
    """All problems in all files at once; Content only when there is no error."""
    modules, issues = load_modules(paths.curriculum, paths.root)
    try:
        geography = load_geography(paths.geography)
    except GeographyError as error:
        # Derived data, not authored: the fix is to rerun scripts/derive-geodata.
        issues.append(Issue(paths.geography.relative_to(paths.root).as_posix(), 1, "geography",
                            f"{error}; maak het bestand opnieuw met scripts/derive-geodata"))
        return None, sorted(issues)
    hubs, network_issues = load_network(paths.network, paths.root, geography)
    issues = sorted(issues + network_issues)
    if any(not issue.warning for issue in issues):
        return None, issues
    return Content(modules=tuple(modules), geography=geography, hubs=hubs, warnings=tuple(issues)), issues


def load_content(paths: ContentPaths) -> Content:
    """Like check_content, but raises ContentError listing every error."""
    content, issues = check_content(paths)
    raise_if_errors(issues)
    assert content is not None
    return content
