"""YAML loading that remembers where every key and list item stands in its file.

PyYAML's `safe_load` forgets line numbers and silently keeps the last of two
duplicate keys; authors need both the line and the duplicate reported.

Content files are plain data, so what YAML offers beyond that is refused before any work is done
on it: aliases (`*name`, which let a few lines expand into billions of nodes), explicit tags
(`!!int`, `!!binary`, `!!set`: types no field takes) and nesting deeper than any field goes
(which would exhaust the parser's stack). Every step after that is linear in the file's size.
"""

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from projectz.core.issues import Issue

# A key path into a document, e.g. ("trainers", 3, "modules").
KeyPath = tuple[str | int, ...]

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)

# The deepest real field is five levels down (sessions → item → results → municipalities → item).
MAX_DEPTH = 50
TOO_DEEP = f"meer dan {MAX_DEPTH} niveaus diep genest; zo diep gaat geen enkel veld"
# libyaml stops at 1000 levels of brackets by itself, before our own check sees them.
LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"

# What YAML accepts as text (YAML 1.1, "printable"); anything else is a control character.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# libyaml's parser when PyYAML has it: the registries are large enough for the pure-Python one to
# cost most of a build's own time.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Safe loader that leaves dates as text, so a bad date is a field error, not a crash."""

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        # Python refuses to read a number of more than 4300 digits; say so at the number's line.
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"een getal van {len(node.value)} tekens is te lang", node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)

_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A parsed YAML document with the line of every key and item (1-based, in the file)."""

    path: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, *key_path: str | int) -> int:
        """The line of the deepest known ancestor of key_path: always a line worth looking at."""
        path = tuple(key_path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Document | None, list[Issue]]:
    """Parse text into a Document; on failure return the parser's own line and words."""
    refusal = _control_character(text) or _unsupported_structure(text)
    if refusal:
        line, message = refusal
        return None, [Issue(path, line + 1 + line_offset, "yaml", message)]
    loader = _Loader(text)
    try:
        # One parse gives both the node tree (for line numbers) and the data built from it.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        return None, [_parse_error(error, path, line_offset)]
    finally:
        loader.dispose()
    document = Document(path, data, first_line=1 + line_offset)
    issues: list[Issue] = []
    if node is not None:
        _record_lines(node, (), document, line_offset, issues)
    return document, issues


def _parse_error(error: yaml.MarkedYAMLError, path: str, line_offset: int) -> Issue:
    mark = error.problem_mark or error.context_mark
    line = (mark.line + 1 if mark else 1) + line_offset
    problem = error.problem or error.context or "onleesbare YAML"
    if problem == LIBYAML_TOO_DEEP:
        return Issue(path, line, "yaml", TOO_DEEP)
    return Issue(path, line, "yaml", f"YAML-fout: {problem}")


def _control_character(text: str) -> tuple[int, str] | None:
    """The (0-based) line and a message for the first character YAML does not allow."""
    found = NOT_PRINTABLE.search(text)
    if not found:
        return None
    return text.count("\n", 0, found.start()), (f"onzichtbaar stuurteken U+{ord(found.group()):04X} op deze "
                                                 f"regel; verwijder het")


def _unsupported_structure(text: str) -> tuple[int, str] | None:
    """The (0-based) line and a message for the first alias, explicit tag or too deep nesting.

    Reads only the event stream, which costs time in proportion to the text whatever it holds.
    """
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line
            if isinstance(event, yaml.AliasEvent):
                return line, (f"verwijzing '*{event.anchor}' is niet toegestaan; schrijf de waarde voluit "
                              f"(YAML-ankers en -verwijzingen worden in de inhoud niet gebruikt)")
            if getattr(event, "tag", None) not in (None, "!"):
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                return line, (f"YAML-label '{tag}' is niet toegestaan; schrijf de waarde zonder label "
                              f"(tekst eventueel tussen aanhalingstekens)")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return line, TOO_DEEP
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError:
        return None  # the full parse reports it in its own words
    finally:
        loader.dispose()
    return None


def split_front_matter(text: str, path: str) -> tuple[Document | None, str, int, list[Issue]]:
    """Split a Markdown file into its front matter Document, its body and the body's first line."""
    match = FRONT_MATTER.match(text)
    if not match:
        issue = Issue(path, 1, "front matter", "geen front matter gevonden: begin het bestand met een regel '---'")
        return None, text, 1, [issue]
    document, issues = parse_yaml(match.group(1), path, line_offset=1)
    body_line = text.count("\n", 0, match.end()) + 1
    return document, text[match.end():], body_line, issues


def _record_lines(node: yaml.Node, key_path: KeyPath, document: Document, offset: int, issues: list[Issue]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                name = ".".join(str(part) for part in (*key_path, key))
                issues.append(Issue(document.path, line, name, "dit veld staat er twee keer in"))
            seen.add(key)
            document.lines[(*key_path, key)] = line
            _record_lines(value_node, (*key_path, key), document, offset, issues)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            document.lines[(*key_path, index)] = item.start_mark.line + 1 + offset
            _record_lines(item, (*key_path, index), document, offset, issues)
