"""Declarative field checks for YAML records, shared by validation, author docs and JSON Schema.

One declaration per field drives three things that must never disagree: the errors the
build reports, the field table on the authors' page and the published JSON Schema.
"""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from projectz.core.issues import Issue
from projectz.core.yamlsource import Document, KeyPath

_TYPE_NAMES = {
    str: "tekst",
    int: "een geheel getal",
    float: "een getal",
    bool: "ja/nee",
    list: "een lijst",
    dict: "een groep velden",
    type(None): "niets (leeg)",
}


def type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Check:
    """Checks one value; subclasses say what they accept in words and as JSON Schema."""

    expected = "een waarde"

    def problem(self, value: Any) -> str | None:
        raise NotImplementedError

    def convert(self, value: Any) -> Any:
        return value

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError


# Markdown link, image and attribute syntax ("[a](b)", "[a][b]", "{: ... }"): in a field shown as
# plain text it would appear as typed, or worse, as a live link.
MARKUP = r"\]\s*[(\[]|\{[^}]*\}"


@dataclass(frozen=True)
class Text(Check):
    max_length: int | None = None
    pattern: str | None = None
    pattern_hint: str = ""
    plain: bool = False  # shown as plain text, so markup is a mistake

    @property
    def expected(self) -> str:
        return self.pattern_hint or "tekst"

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return f"verwacht {self.expected}, maar vond {type_name(value)}{_quote_hint(value)}"
        if not value.strip():
            return "mag niet leeg zijn"
        if self.max_length and len(value) > self.max_length:
            return f"is {len(value)} tekens lang; maximaal {self.max_length}"
        if self.pattern and not re.fullmatch(self.pattern, value):
            return f"'{value}' is geen geldige waarde: verwacht {self.pattern_hint}"
        if self.plain and re.search(MARKUP, value):
            return ("dit veld is gewone tekst: links en opmaak tussen { } werken hier niet; zet ze in de tekst van "
                    "de module")
        return None

    def convert(self, value: Any) -> Any:
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        # Not blank, like problem(); a pattern of its own excludes blanks already.
        schema: dict[str, Any] = {"type": "string", "pattern": whole(self.pattern) if self.pattern else r"\S"}
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.plain:
            schema["not"] = {"pattern": MARKUP}
        return schema


def whole(pattern: str) -> str:
    """A JSON Schema pattern that the whole string must match, as re.fullmatch does here.

    Not "$" at the end: Python's re (which validators in Python use) lets "$" match before a final
    newline, so an id ending in a line break would pass; "(?![\\s\\S])" means the end in both
    Python and ECMAScript regular expressions.
    """
    return rf"^(?:{pattern})(?![\s\S])"


SLUG = Text(pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*", pattern_hint="kleine letters, cijfers en koppeltekens")


EMAIL = Text(pattern=r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
             pattern_hint="een e-mailadres, bij voorkeur een functionele mailbox")

MUNICIPALITY_CODE = Text(pattern=r"GM\d{4}", pattern_hint="een CBS-gemeentecode zoals GM0014")


@dataclass(frozen=True)
class Boolean(Check):
    expected = "ja/nee (true of false)"

    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, bool) else f"verwacht {self.expected}, maar vond {type_name(value)}"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Choice(Check):
    vocabulary: Mapping[str, str]

    @property
    def expected(self) -> str:
        return "één van: " + ", ".join(self.vocabulary)

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, str) or value not in self.vocabulary:
            return f"'{value}' is niet toegestaan; kies uit: {', '.join(self.vocabulary)}"
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.vocabulary)}


@dataclass(frozen=True)
class Number(Check):
    """A number within a range; subclasses say which Python types count."""

    minimum: int
    maximum: int
    types: ClassVar[tuple[type, ...]]

    def problem(self, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, self.types):
            return f"verwacht {self.expected}, maar vond {type_name(value)}"
        if not self.minimum <= value <= self.maximum:
            return f"{value} valt buiten het bereik {self.minimum} tot en met {self.maximum}"
        return None


@dataclass(frozen=True)
class Integer(Number):
    types = (int,)

    @property
    def expected(self) -> str:
        return f"een geheel getal van {self.minimum} tot en met {self.maximum}"

    def problem(self, value: Any) -> str | None:
        # 240.0 is a whole number to JSON Schema (and to the author), so it is one here too.
        return super().problem(int(value) if isinstance(value, float) and value.is_integer() else value)

    def convert(self, value: Any) -> Any:
        return int(value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Tenths(Number):
    """A number with at most one decimal, such as an evaluation score of 7.5."""

    types = (int, float)

    @property
    def expected(self) -> str:
        return f"een getal van {self.minimum} tot en met {self.maximum}, met hoogstens één decimaal"

    def problem(self, value: Any) -> str | None:
        if problem := super().problem(value):
            return problem
        if round(value, 1) != value:
            return f"{value} heeft te veel decimalen; schrijf hoogstens één cijfer achter de punt"
        return None

    def convert(self, value: Any) -> Any:
        return float(value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum, "multipleOf": 0.1}


# A day that exists: 29, 30 or 31 only in months that have them, 29 February only in leap years
# (divisible by 4, except whole centuries not divisible by 400).
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_EXISTING_DAY = (r"\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
                 r"|(?:0[13578]|1[02])-31)" + rf"|{_LEAP_YEAR}-02-29")


@dataclass(frozen=True)
class Date(Check):
    expected = "een datum als JJJJ-MM-DD"

    def problem(self, value: Any) -> str | None:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                datetime.date.fromisoformat(value)
                return None
            except ValueError:
                pass
        return f"'{value}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01"

    def convert(self, value: Any) -> Any:
        return datetime.date.fromisoformat(value)

    def json_schema(self) -> dict[str, Any]:
        # Editors seldom check "format", so the pattern itself admits only days that exist.
        return {"type": "string", "format": "date", "pattern": whole(_EXISTING_DAY)}


@dataclass(frozen=True)
class Time(Check):
    """A wall-clock time written "HH:MM"."""

    expected = 'een tijd als "UU:MM" (tussen aanhalingstekens)'

    def problem(self, value: Any) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            # YAML 1.1 reads an unquoted 13:30 as the base-60 number 810: show what was meant.
            hours, minutes = divmod(value, 60)
            meant = f"{hours:02d}:{minutes:02d}"
            return f'YAML leest deze tijd als het getal {value}; schrijf "{meant}" met aanhalingstekens'
        if isinstance(value, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            return None
        return f"'{value}' is geen geldige tijd; schrijf \"UU:MM\", bijvoorbeeld \"09:30\""

    def convert(self, value: Any) -> Any:
        return datetime.time.fromisoformat(value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}


@dataclass(frozen=True)
class Optional(Check):
    """A value that may be left empty (`null` or nothing after the colon)."""

    inner: Check
    empty_means: str

    @property
    def expected(self) -> str:
        return f"{self.inner.expected}, of leeg ({self.empty_means})"

    def problem(self, value: Any) -> str | None:
        return None if value is None else self.inner.problem(value)

    def convert(self, value: Any) -> Any:
        return None if value is None else self.inner.convert(value)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.inner.json_schema(), {"type": "null"}]}


@dataclass(frozen=True)
class ListOf(Check):
    item: Check
    min_items: int = 0

    @property
    def expected(self) -> str:
        return f"een lijst van {self.item.expected}"

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, list):
            return f"verwacht {self.expected}, maar vond {type_name(value)}"
        if len(value) < self.min_items:
            return "mag niet leeg zijn" if self.min_items == 1 else f"heeft minstens {self.min_items} items nodig"
        return None

    def convert(self, value: Any) -> Any:
        return tuple(self.item.convert(item) for item in value)

    def json_schema(self) -> dict[str, Any]:
        schema = {"type": "array", "items": self.item.json_schema(), "uniqueItems": True}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


@dataclass(frozen=True)
class Field:
    name: str
    check: Check
    description: str
    required: bool = True


# Every registry marks its invented records, so that each page showing one can say so.
EXAMPLE = Field("example", Boolean(), "true zolang dit een voorbeeldrecord is; de site vermeldt dat dan.")


@dataclass(frozen=True)
class Schema:
    title: str
    fields: tuple[Field, ...]

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    def rows(self, prefix: str = "") -> list[tuple[str, "Field"]]:
        """Every field with its dotted name, nested records' fields after their own ('blocks[].slide.text')."""
        rows = []
        for field in self.fields:
            name = f"{prefix}{field.name}"
            rows.append((name, field))
            check = field.check
            if isinstance(check, ListOf) and isinstance(check.item, Record):
                rows += check.item.schema.rows(f"{name}[].")
            elif isinstance(check, Record):
                rows += check.schema.rows(f"{name}.")
        return rows

    def validate(self, document: Document, at: KeyPath = ()) -> tuple[dict[str, Any] | None, list[Issue]]:
        """Check the mapping at `at` in document; return converted values only if all is well."""
        record = _lookup(document.data, at)
        if not isinstance(record, dict):
            found = type_name(record)
            return None, [Issue(document.path, document.line(*at), field_path(*at) or "front matter",
                                f"verwacht een groep velden, maar vond {found}")]
        issues: list[Issue] = []
        known = self.field_names
        for key in record:
            if key not in known:
                issues.append(Issue(document.path, document.line(*at, key), field_path(*at, key),
                                    f"onbekend veld (tikfout?); toegestaan zijn: {', '.join(known)}"))
        values: dict[str, Any] = {}
        for field in self.fields:
            where = field_path(*at, field.name)
            if field.name not in record:
                if field.required:
                    issues.append(Issue(document.path, document.line(*at), where, "verplicht veld ontbreekt"))
                continue
            value = record[field.name]
            issues += _check_value(field.check, value, document, (*at, field.name), where)
            if not issues:
                values[field.name] = field.check.convert(value)
        return (None if issues else values), issues

    def json_schema(self, schema_id: str) -> dict[str, Any]:
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": schema_id,
            "title": self.title,
            "type": "object",
            "additionalProperties": False,
            "required": [field.name for field in self.fields if field.required],
            "properties": {
                field.name: {"description": field.description, **field.check.json_schema()} for field in self.fields
            },
        }


@dataclass(frozen=True)
class Group(Check):
    """A nested mapping; its own fields are checked with `schema` where the record is loaded."""

    schema: Schema
    expected = "een groep velden"

    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, dict) else f"verwacht {self.expected}, maar vond {type_name(value)}"

    def json_schema(self) -> dict[str, Any]:
        document = self.schema.json_schema("")
        return {key: value for key, value in document.items() if key not in ("$schema", "$id")}


@dataclass(frozen=True)
class Record(Group):
    """A nested mapping checked field by field where it stands, with the record around it."""

    def convert(self, value: Any) -> Any:
        return {field.name: field.check.convert(value[field.name]) for field in self.schema.fields
                if field.name in value}


def field_path(*parts: str | int) -> str:
    """How an author finds a value: 'hubs[3].mailbox', counting list items from 1."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def _check_value(check: Check, value: Any, document: Document, key_path: KeyPath, where: str) -> list[Issue]:
    message = check.problem(value)
    if message:
        return [Issue(document.path, document.line(*key_path), where, message)]
    if isinstance(check, Record):
        return check.schema.validate(document, key_path)[1]
    issues = []
    if isinstance(check, ListOf):
        seen = set()
        for index, item in enumerate(value):
            item_path = (*key_path, index)
            issues += _check_value(check.item, item, document, item_path, f"{where}[{index + 1}]")
            if isinstance(item, str | int) and item in seen:
                issues.append(Issue(document.path, document.line(*item_path), f"{where}[{index + 1}]",
                                    f"'{item}' staat twee keer in de lijst"))
            seen.add(item if isinstance(item, str | int) else id(item))
    return issues


def _lookup(data: Any, at: KeyPath) -> Any:
    for part in at:
        data = data[part]
    return data


def _quote_hint(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f" ({value}; zet de waarde tussen aanhalingstekens)"
    return ""
