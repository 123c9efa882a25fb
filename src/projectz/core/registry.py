"""Loading a YAML registry: a file holding one list of records, each checked against a schema."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projectz.core.issues import Issue
from projectz.core.schema import Schema, field_path, type_name
from projectz.core.textfile import read_text
from projectz.core.yamlsource import Document, KeyPath, parse_yaml


@dataclass(frozen=True)
class Record:
    """A record that passed its schema, with what is needed to point at it in later checks."""

    values: dict[str, Any]
    document: Document
    index: int
    list_key: str

    def line(self, *field: str | int) -> int:
        return self.document.line(self.list_key, self.index, *field)

    def issue(self, field: str | KeyPath, message: str, *, warning: bool = False, line_at: KeyPath = ()) -> Issue:
        """A problem with a field of this record, or with an item in it (field as a path such as
        ("modules", 0)); line_at points the author at another field's line when that one needs the fix."""
        path = (field,) if isinstance(field, str) else field
        return Issue(self.document.path, self.line(*(line_at or path)), field_path(self.list_key, self.index, *path),
                     message, warning=warning)


@dataclass(frozen=True)
class Registry:
    """How a registry file is laid out: one list under list_key, each item checked against schema,
    and no two items with the same value for `unique`."""

    list_key: str
    schema: Schema
    unique: str | None = None


def read_document(path: Path, root: Path) -> tuple[Document | None, list[Issue]]:
    """The parsed YAML file, or None and why (missing, unreadable, not UTF-8, not valid YAML)."""
    shown = path.relative_to(root).as_posix()
    text, issues = read_text(path, shown)
    if text is None:
        return None, issues
    return parse_yaml(text, shown)


def load_registry(path: Path, root: Path, registry: Registry) -> tuple[list[Record], list[Issue]]:
    """Every record that is valid, and every problem in the file, including duplicate `unique` values."""
    list_key, schema, unique = registry.list_key, registry.schema, registry.unique
    document, issues = read_document(path, root)
    if document is None:
        return [], issues
    shown = document.path
    data = document.data
    if not isinstance(data, dict) or set(data) != {list_key}:
        found = ", ".join(map(str, data)) if isinstance(data, dict) else type_name(data)
        return [], [*issues, Issue(shown, 1, list_key, f"verwacht precies één veld '{list_key}' met een lijst; "
                                                       f"gevonden: {found}")]
    items = data[list_key]
    if not isinstance(items, list):
        return [], [*issues, Issue(shown, document.line(list_key), list_key,
                                   f"verwacht een lijst, maar vond {type_name(items)}")]
    records = []
    for index in range(len(items)):
        values, record_issues = schema.validate(document, at=(list_key, index))
        issues += record_issues
        if values is not None:
            records.append(Record(values, document, index, list_key))
    if unique:
        issues += _duplicates(records, unique)
    return records, issues


def _duplicates(records: list[Record], field: str) -> list[Issue]:
    first: dict[Any, Record] = {}
    issues = []
    for record in records:
        value = record.values[field]
        if value in first:
            issues.append(record.issue(field, f"'{value}' staat al in regel {first[value].line(field)}"))
        else:
            first[value] = record
    return issues
