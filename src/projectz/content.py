"""Everything the site is built from, loaded and cross-checked in one pass."""

import datetime
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from projectz.core import vocabulary
from projectz.core.issues import Issue, raise_if_errors
from projectz.core.registry import load_registry
from projectz.core.textfile import read_text
from projectz.curriculum.glossary import Term, load_glossary
from projectz.curriculum.modules import Module, load_modules
from projectz.curriculum.paths import LearningPath, load_paths
from projectz.geography.coverage import Coverage, compute_coverage
from projectz.geography.network import NETWORK, Hub, hub_codes, load_network
from projectz.geography.regions import Geography, GeographyError, parse_geography
from projectz.people.trainers import TRAINERS, Trainer, load_trainers
from projectz.people.webcare import PARTNERSHIPS, Partnership, load_partnerships
from projectz.publish.security import SecurityContact, check_security
from projectz.sessions.agenda import upcoming
from projectz.sessions.records import SESSIONS, Session, load_sessions
from projectz.site.accessibility import Statement, check_statement


@dataclass(frozen=True)
class ContentPaths:
    root: Path
    curriculum: Path
    geography: Path
    network: Path
    trainers: Path
    webcare: Path
    sessions: Path
    paths: Path
    glossary: Path

    @classmethod
    def under(cls, root: Path) -> "ContentPaths":
        data = root / "data"
        return cls(root=root, curriculum=root / "curriculum", geography=data / "geography.json",
                   network=data / "network.yaml", trainers=data / "trainers.yaml", webcare=data / "webcare.yaml",
                   sessions=data / "sessions.yaml", paths=data / "leerpaden.yaml", glossary=data / "woordenlijst.yaml")


@dataclass(frozen=True)
class Content:
    modules: tuple[Module, ...]
    geography: Geography
    hubs: tuple[Hub, ...]
    # Only trainers who consented to publication: nothing else may reach a page, search or export.
    trainers: tuple[Trainer, ...]
    partnerships: tuple[Partnership, ...]
    sessions: tuple[Session, ...]
    statement: Statement
    security: SecurityContact
    # "Today" for everything that depends on it (the agenda, the results), fixed per build.
    build_date: datetime.date
    learning_paths: tuple[LearningPath, ...]
    glossary: tuple[Term, ...]

    # Pages look modules, hubs and trainers up many times each: index them once.
    @cached_property
    def _modules_by_id(self) -> dict[str, Module]:
        return {module.id: module for module in self.modules}

    @cached_property
    def _hubs_by_code(self) -> dict[str, Hub]:
        return {hub.municipality_code: hub for hub in self.hubs}

    @cached_property
    def _trainers_by_id(self) -> dict[str, Trainer]:
        return {trainer.id: trainer for trainer in self.trainers}

    def module(self, module_id: str) -> Module:
        return self._modules_by_id[module_id]

    @cached_property
    def published_modules(self) -> tuple[Module, ...]:
        return tuple(module for module in self.modules if module.published)

    @cached_property
    def published_module_ids(self) -> frozenset[str]:
        return frozenset(module.id for module in self.published_modules)

    @cached_property
    def coverage(self) -> Coverage:
        return compute_coverage(self.geography, self.hub_codes)

    @cached_property
    def hub_codes(self) -> frozenset[str]:
        """The participating municipalities."""
        return hub_codes(self.hubs)

    def hub(self, municipality_code: str) -> Hub | None:
        return self._hubs_by_code.get(municipality_code)

    def trainer(self, trainer_id: str) -> Trainer:
        return self._trainers_by_id[trainer_id]

    def trainers_for_module(self, module_id: str) -> tuple[Trainer, ...]:
        return tuple(trainer for trainer in self.trainers if module_id in trainer.modules)

    def trainers_in(self, municipality_codes: frozenset[str]) -> tuple[Trainer, ...]:
        return tuple(trainer for trainer in self.trainers if trainer.municipality in municipality_codes)

    @cached_property
    def _trainers_by_circle(self) -> dict[str, tuple[Trainer, ...]]:
        return {circle: tuple(trainer for trainer in self.trainers if trainer.circle == circle)
                for circle in vocabulary.CIRCLES}

    def trainers_in_circle(self, circle: str) -> tuple[Trainer, ...]:
        return self._trainers_by_circle[circle]

    def upcoming(self, **filters: str) -> tuple[Session, ...]:
        """Sessions from the build date on, by province, module, trainer or municipality."""
        return upcoming(self.sessions, self.build_date, **filters)

    def partnerships_concerning(self, municipality_codes: frozenset[str]) -> tuple[Partnership, ...]:
        return tuple(p for p in self.partnerships if municipality_codes & set(p.involved))


def check_content(paths: ContentPaths, build_date: datetime.date | None = None, *,
                  check_text: bool = True) -> tuple[Content | None, list[Issue]]:
    """All problems in all files at once; Content only when there is no error.

    check_text=False: all but the module texts' HTML policy and readability (curriculum.modules).
    """
    build_date = build_date or datetime.date.today()
    curriculum, issues = load_modules(paths.curriculum, paths.root, check_text=check_text)
    learning_paths, path_issues = load_paths(paths.paths, paths.root, curriculum)
    glossary, glossary_issues = load_glossary(paths.glossary, paths.root)
    issues += path_issues + glossary_issues
    statement, statement_issues = check_statement(paths.root)
    security, security_issues = check_security(paths.root, build_date)
    issues += statement_issues + security_issues
    geography, geography_issues = _read_geography(paths)
    if geography is None:
        # Without municipalities nothing can be cross-checked, but each registry's own fields can:
        # the author then sees every error in one round, not one more after regenerating the file.
        issues += geography_issues
        for path, registry in ((paths.network, NETWORK), (paths.trainers, TRAINERS), (paths.webcare, PARTNERSHIPS),
                               (paths.sessions, SESSIONS)):
            issues += load_registry(path, paths.root, registry)[1]
        return None, sorted(issues)
    hubs, network_issues = load_network(paths.network, paths.root, geography)
    trainers, trainer_issues = load_trainers(paths.trainers, paths.root, geography, curriculum, hub_codes(hubs),
                                             build_date)
    partnerships, webcare_issues = load_partnerships(paths.webcare, paths.root, geography)
    sessions, session_issues = load_sessions(paths.sessions, paths.root, geography, curriculum, trainers, build_date)
    issues = sorted(issues + network_issues + trainer_issues + webcare_issues + session_issues)
    if any(not issue.warning for issue in issues):
        return None, issues
    content = Content(
        modules=curriculum.modules,
        geography=geography,
        hubs=hubs,
        trainers=tuple(trainer for trainer in trainers if trainer.publishable),
        partnerships=partnerships,
        sessions=sessions,
        statement=statement,
        security=security,
        build_date=build_date,
        learning_paths=learning_paths,
        glossary=glossary,
    )
    return content, issues


def _read_geography(paths: ContentPaths) -> tuple[Geography | None, list[Issue]]:
    shown = paths.geography.relative_to(paths.root).as_posix()
    # Derived data, not authored: the fix is to rerun scripts/derive-geodata.
    remedy = "maak het bestand opnieuw met scripts/derive-geodata"
    text, issues = read_text(paths.geography, shown)
    if text is None:
        return None, [replace(issue, message=f"{issue.message}; {remedy}") for issue in issues]
    try:
        return parse_geography(text), []
    except GeographyError as error:
        return None, [Issue(shown, 1, "geography", f"{error}; {remedy}")]


def load_content(paths: ContentPaths, build_date: datetime.date | None = None) -> Content:
    """Like check_content, but raises ContentError listing every error."""
    content, issues = check_content(paths, build_date)
    raise_if_errors(issues)
    assert content is not None
    return content

