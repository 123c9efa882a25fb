"""YAML loading that remembers where every key and list item stands in its file.

PyYAML's `safe_load` forgets line numbers and silently keeps the last of two
duplicate keys; authors need both the line and the duplicate reported.
"""

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from projectz.core.issues import Issue

# A key path into a document, e.g. ("trainers", 3, "modules").
KeyPath = tuple[str | int, ...]

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)


# libyaml's parser when PyYAML has it: the registries are large enough for the pure-Python one to
# cost most of a build's own time.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Safe loader that leaves dates as text, so a bad date is a field error, not a crash."""


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
    loader = _Loader(text)
    try:
        # One parse gives both the node tree (for line numbers) and the data built from it.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = error.problem or error.context or "onleesbare YAML"
        return None, [Issue(path, line, "yaml", f"YAML-fout: {problem}")]
    finally:
        loader.dispose()
    document = Document(path, data, first_line=1 + line_offset)
    issues: list[Issue] = []
    if node is not None:
        _record_lines(node, (), document, line_offset, issues)
    return document, issues


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
