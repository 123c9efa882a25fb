"""A Markdown extension that explains each glossary term once per page, also to keyboard users.

The abbr extension wraps every occurrence of a term in <abbr title="…">. A reader needs the
explanation where the term first appears, and every focusable element is one more stop for the
Tab key, so this keeps the first <abbr> of each term outside a link, makes it focusable (the
browser and the theme's tooltips show the title on hover and focus), and turns the others back
into plain text.
Used in mkdocs.yml as `projectz.curriculum.focusable_terms`.
"""

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Below the abbr extension's treeprocessor (priority 7), so its <abbr> elements exist already.
_PRIORITY = 1


class FocusableTermsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        terms = list(root.iter("abbr"))
        if not terms:  # most pages: no need to map the whole tree
            return
        explained: set[str] = set()
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in terms:
            term = (element.text or "").casefold()
            # A link is focusable itself and may not hold another focusable element.
            if term in explained or _inside_link(element, parents):
                _unwrap(element, parents[element])
            else:
                explained.add(term)
                element.set("tabindex", "0")


def _inside_link(element: etree.Element, parents: dict[etree.Element, etree.Element]) -> bool:
    while element in parents:
        element = parents[element]
        if element.tag == "a":
            return True
    return False


def _unwrap(element: etree.Element, parent: etree.Element) -> None:
    """Replace the element by its text, keeping the text that followed it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


class FocusableTermsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(FocusableTermsTreeprocessor(md), "focusable_terms", _PRIORITY)


def makeExtension(**kwargs: object) -> FocusableTermsExtension:  # noqa: N802 (Python-Markdown's entry point)
    return FocusableTermsExtension(**kwargs)
