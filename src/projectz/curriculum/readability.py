"""How easy a Dutch text is to read: the Flesch-Douma score and the length of its sentences.

Flesch-Douma is Douma's 1960 Dutch adaptation of the Flesch reading ease formula:
    206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)
Higher is easier; around 60 and up suits most readers (B1). The counts here are estimates that
need no dictionary, so the figures are a signal for the author, never a verdict.
"""
import re
from dataclasses import dataclass

from lxml import html as lxml_html

# The goals the validator holds texts to: a score of at least 60, at most 15 words per sentence.
MINIMUM_FLESCH_DOUMA = 60
MAXIMUM_SENTENCE_LENGTH = 15
LONG_SENTENCE = 20  # words; a sentence longer than this counts as long
# Below this many words one long sentence swings the figures; such a text gets no warning.
MINIMUM_WORDS = 100

# Abbreviations whose dots do not end a sentence. "enz." is left out on purpose: it usually does.
_ABBREVIATIONS = re.compile(r"(?<!\w)(bijv|o\.a|d\.w\.z|art|nr|m\.b\.t|i\.p\.v|t\.o\.v|ca|incl|excl|z\.o\.z)\.",
                            re.IGNORECASE)
# A sentence ends at . ! or ? followed by white space or the end, so "1.000" and "10.30" stay whole.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]’”]*(?=\s|$)")
_VOWELS = re.compile(r"[aeiouyáàâäéèêëíìîïóòôöúùûüý]+")
# A trema marks the start of a new syllable: "ideeën" is i-dee-en, "geïnteresseerd" ge-in-...
_TREMA = re.compile(r"(?=[äëïöü])")
# Headings are labels, not sentences; preformatted blocks are code or examples.
_LEFT_OUT = ("h1", "h2", "h3", "h4", "h5", "h6", "pre")
_BLOCKS = ("p", "li", "dt", "dd", "td", "th", "blockquote", "div", "figcaption", "caption", "br", "tr")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    flesch_douma: float | None  # None for a text without words
    average_sentence_length: float | None
    share_of_long_sentences: float | None  # sentences of more than LONG_SENTENCE words, 0 to 1

    @property
    def too_hard(self) -> bool:
        return self.flesch_douma is not None and self.flesch_douma < MINIMUM_FLESCH_DOUMA

    @property
    def sentences_too_long(self) -> bool:
        return self.average_sentence_length is not None and self.average_sentence_length > MAXIMUM_SENTENCE_LENGTH

    @property
    def below_goal(self) -> bool:
        """Long enough to judge and missing at least one of the two goals."""
        return self.words >= MINIMUM_WORDS and (self.too_hard or self.sentences_too_long)


def readability(text: str) -> Readability:
    """The figures of a plain text; each line is read on its own, so a list item without a full
    stop still counts as a sentence."""
    lengths, syllables = [], 0
    for sentence in sentences(text):
        found = words(sentence)
        lengths.append(len(found))
        syllables += sum(syllable_count(word) for word in found)
    total = sum(lengths)
    if not total:
        return Readability(0, 0, 0, None, None, None)
    average = total / len(lengths)
    return Readability(
        words=total, sentences=len(lengths), syllables=syllables,
        flesch_douma=206.835 - 0.93 * average - 77 * (syllables / total),
        average_sentence_length=average,
        share_of_long_sentences=sum(1 for length in lengths if length > LONG_SENTENCE) / len(lengths),
    )


def sentences(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        line = _ABBREVIATIONS.sub(lambda match: match[1].replace(".", ""), line)
        found += [part for part in _SENTENCE_END.split(line) if words(part)]
    return found


def words(text: str) -> list[str]:
    """Tokens with at least one letter; a number or a dash on its own is no word."""
    return [token for token in text.split() if any(character.isalpha() for character in token)]


def syllable_count(word: str) -> int:
    """Groups of vowels, "ij" being one vowel; at least one per word.

    A known limit: vowels that meet across a syllable break without a trema count as one group,
    so "reactie" (re-ac-tie) gives 2 and "museum" gives 2 instead of 3.
    """
    groups = 0
    for part in _TREMA.split(word.lower().replace("ij", "y")):
        groups += len(_VOWELS.findall(part))
    return max(groups, 1)


def html_text(html: str) -> str:
    """The running text of rendered HTML, one line per paragraph or list item, without headings
    and preformatted blocks."""
    if not html.strip():
        return ""
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in list(tree.iter(*_LEFT_OUT)):
        element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()
