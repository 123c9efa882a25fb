"""A Markdown extension that lets keyboard users reach the glossary's explanations.

The abbr extension writes <abbr title="…">, whose explanation the browser and the theme's
tooltips show on hover; an element only gets focus with a tabindex, so this adds one to each.
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
        for element in root.iter("abbr"):
            element.set("tabindex", "0")


class FocusableTermsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(FocusableTermsTreeprocessor(md), "focusable_terms", _PRIORITY)


def makeExtension(**kwargs: object) -> FocusableTermsExtension:  # noqa: N802 (Python-Markdown's entry point)
    return FocusableTermsExtension(**kwargs)
