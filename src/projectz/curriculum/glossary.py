"""The glossary: every technical term the modules use, explained in one plain sentence.

Module pages explain a term where it occurs through Markdown abbreviations (`*[term]: text`),
which Python-Markdown's abbr extension turns into <abbr title="…">: the browser and the theme
show the explanation on hover and focus, without script of our own.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from projectz.core import urls
from projectz.core.issues import Issue
from projectz.core.registry import Registry, load_registry
from projectz.core.schema import Field, ListOf, Schema, Text

# A term is matched as a whole word, so brackets or a colon in it would break the abbreviation syntax.
_TERM = Text(max_length=60, pattern=r"[^\[\]:*\\\n]+", pattern_hint="een woord of woordgroep zonder [ ] : * of \\",
             plain=True)

GLOSSARY_SCHEMA = Schema(
    title="Project Z: woordenlijst",
    fields=(
        Field("term", _TERM, "Het woord zoals het in de modules staat, bijvoorbeeld 'webcare' of 'Woo'."),
        Field("definition", Text(max_length=250, plain=True), "Wat het betekent, in één zin op B1-niveau."),
        Field("forms", ListOf(_TERM), "Andere vormen van het woord in de tekst, zoals 'Woo-verzoek' of een "
              "meervoud; die krijgen dezelfde uitleg.", required=False),
    ),
)

GLOSSARY = Registry("terms", GLOSSARY_SCHEMA, unique="term")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    forms: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return urls.slug(self.term)

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every form as written, with a capital (as at the start of a sentence) and, for an
        ordinary word, without one (as inside a sentence); an abbreviation such as 'AVG' keeps its capitals."""
        found: list[str] = []
        for form in (self.term, *self.forms):
            variants = [form, form[:1].upper() + form[1:]]
            if form[1:] == form[1:].lower():
                variants.append(form[:1].lower() + form[1:])
            found += variants
        return tuple(dict.fromkeys(found))


def load_glossary(path: Path, root: Path) -> tuple[tuple[Term, ...], list[Issue]]:
    """Every term, and every problem: besides the schema's, a word that two terms explain (a page
    can show only one explanation for it)."""
    records, issues = load_registry(path, root, GLOSSARY)
    owner: dict[str, str] = {}
    terms = [Term(**record.values) for record in records]
    for record, term in zip(records, terms, strict=True):
        for index, form in enumerate((term.term, *term.forms)):
            where = "term" if index == 0 else ("forms", index - 1)
            if (other := owner.setdefault(form.casefold(), term.term)) != term.term:
                issues.append(record.issue(where, f"'{form}' wordt al uitgelegd bij '{other}'; een woord heeft één "
                                                  "uitleg"))
    return tuple(sorted(terms, key=lambda term: term.term.casefold())), issues


def abbreviations(markdown: str, terms: Iterable[Term]) -> str:
    """The abbreviation definitions for the terms that occur in markdown, one per line."""
    terms = tuple(terms)
    found = set(_spelling_pattern(terms).findall(markdown))
    return "\n".join(f"*[{spelling}]: {term.definition}" for term in terms for spelling in term.spellings
                     if spelling in found)


@cache
def _spelling_pattern(terms: tuple[Term, ...]) -> re.Pattern[str]:
    """One pattern for every spelling of every term, so a page is read once instead of once per
    spelling (which took seconds per build). The spellings share their beginnings as in a
    dictionary, "Woo(?:-verzoek)?": side by side, Python's regex engine tried every spelling at
    every word of every page, a third of a second per build."""
    spellings = sorted({spelling for term in terms for spelling in term.spellings})
    return re.compile(rf"(?<!\w){_alternatives(spellings)}(?!\w)" if spellings else r"(?!)")


def _alternatives(words: list[str]) -> str:
    """A pattern for the sorted, distinct words that tries the longest match first."""
    branches = [re.escape(first) + _alternatives([word[1:] for word in group])
                for first, group in groupby((word for word in words if word), key=itemgetter(0))]
    if not branches:
        return ""
    either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # A word that ends here, as "Woo" before "Woo-verzoek": the rest is optional, and greedy.
    if "" in words:
        return f"(?:{either})?" if len(branches) == 1 else f"{either}?"
    return either


def explained(markdown: Callable[[urls.PageLinks], str], terms: tuple[Term, ...]) -> Callable[[urls.PageLinks], str]:
    """A page's Markdown with the glossary's explanation on each term it uses."""
    def with_terms(links: urls.PageLinks) -> str:
        text = markdown(links)
        definitions = abbreviations(text, terms)
        return f"{text}\n\n{definitions}\n" if definitions else text
    return with_terms
