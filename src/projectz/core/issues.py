"""Problems found in content files, reported the way an author can act on them."""

from dataclasses import dataclass

from projectz.core import dutch


@dataclass(frozen=True, order=True)
class Issue:
    """One problem, located as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "waarschuwing: " if self.warning else ""
        return f"{self.path}:{self.line}: {self.field}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised with every error found, so an author fixes them all in one round."""

    def __init__(self, issues: list[Issue]):
        self.issues = sorted(issues)
        lines = [str(issue) for issue in self.issues]
        total = dutch.count(len(self.issues), "fout", "fouten")
        super().__init__("\n".join([*lines, f"{total} gevonden; er is niets gepubliceerd."]))


def raise_if_errors(issues: list[Issue]) -> None:
    errors = [issue for issue in issues if not issue.warning]
    if errors:
        raise ContentError(errors)
