"""Everything the site is built from, loaded and cross-checked in one pass."""

from dataclasses import dataclass
from pathlib import Path

from projectz.issues import Issue, raise_if_errors
from projectz.modules import Module, load_modules


@dataclass(frozen=True)
class ContentPaths:
    root: Path
    curriculum: Path

    @classmethod
    def under(cls, root: Path) -> "ContentPaths":
        return cls(root=root, curriculum=root / "curriculum")


@dataclass(frozen=True)
class Content:
    modules: tuple[Module, ...]
    warnings: tuple[Issue, ...] = ()

    def module(self, module_id: str) -> Module:
        return next(module for module in self.modules if module.id == module_id)

    @property
    def published_modules(self) -> tuple[Module, ...]:
        return tuple(module for module in self.modules if module.published)


def check_content(paths: ContentPaths) -> tuple[Content | None, list[Issue]]:
    """All problems in all files at once; Content only when there is no error."""
    modules, issues = load_modules(paths.curriculum, paths.root)
    issues.sort()
    if any(not issue.warning for issue in issues):
        return None, issues
    return Content(modules=tuple(modules), warnings=tuple(issues)), issues


def load_content(paths: ContentPaths) -> Content:
    """Like check_content, but raises ContentError listing every error."""
    content, issues = check_content(paths)
    raise_if_errors(issues)
    assert content is not None
    return content
