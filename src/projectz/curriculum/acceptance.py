"""The mechanical part of the acceptance list (CURRICULUM.md) for one published module.

What a reader judges (is the example good, is the law right) is left to review; what can be
counted is counted here, so an author sees every gap at once and the test suite holds the line.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from projectz.core import dutch, vocabulary
from projectz.curriculum import readability
from projectz.curriculum.lessonplan import Block
from projectz.curriculum.modules import Module, module_readability

# Participant text for a half day (240 minutes); a shorter or longer module pro rata.
WORDS_PER_HALF_DAY = 1500
HALF_DAY = 240
MINUTES_PER_EXERCISE = 90
ARRIVAL_QUESTIONS = (2, 4)
CHECK_QUESTIONS = (3, 5)
MINIMUM_SOURCES = 3
MINIMUM_HARD_QUESTIONS = 2
MAXIMUM_SHARE_OF_LONG_SENTENCES = 0.10
CLOSING_WERKVORM = "afsluiting"
# Where the law and official guidance are published; a module rests on at least one of them.
OFFICIAL_DOMAINS = ("wetten.overheid.nl", "eur-lex.europa.eu", "autoriteitpersoonsgegevens.nl", "rijksoverheid.nl",
                    "vng.nl", "officielebekendmakingen.nl", "overheid.nl", "digitoegankelijk.nl", "tweedekamer.nl",
                    "eerstekamer.nl", "raadvanstate.nl", "politie.nl")
ANCHOR_CASE = "Haren"
ANCHOR_REPORT = "Twee werelden"
_TRAINER_PARTS = {"aim": "doel", "say": "wat je zegt", "ask": "wat je vraagt", "expected": "verwachte antwoorden",
                  "pitfalls": "valkuilen", "op_afstand": "variant op afstand", "in_huis": "variant in huis"}


@dataclass(frozen=True)
class ModuleFigures:
    """One row of the curriculum's acceptance table."""

    participant_words: int
    draaiboek_words: int
    exercises: int
    materials: int
    sources: int
    text: readability.Readability
    slides: readability.Readability


def module_figures(module: Module) -> ModuleFigures:
    measured = module_readability(module)
    return ModuleFigures(
        participant_words=measured.text.words, draaiboek_words=sum(_words(text) for text in trainer_texts(module)),
        exercises=len(exercises(module.blocks)), materials=len(module.material_pages), sources=len(module.sources),
        text=measured.text, slides=measured.slides)


def required_words(duration: int) -> int:
    return WORDS_PER_HALF_DAY * duration // HALF_DAY


def required_exercises(duration: int) -> int:
    return max(1, duration // MINUTES_PER_EXERCISE)


def acceptance_gaps(module: Module, prerequisites: Iterable[Module] = ()) -> list[str]:
    """What the module still misses from the acceptance list, each in a sentence for its author."""
    figures = module_figures(module)
    return [*_metadata_gaps(module, prerequisites), *_programme_gaps(module), *_text_gaps(module, figures),
            *_exercise_gaps(module), *_take_home_gaps(module), *_source_gaps(module), *_language_gaps(figures),
            *_draaiboek_gaps(module)]


def _metadata_gaps(module: Module, prerequisites: Iterable[Module]) -> list[str]:
    gaps = []
    low, high = ARRIVAL_QUESTIONS
    if not low <= len(module.questions) <= high:
        gaps.append(f"questions: {dutch.count(len(module.questions), 'vraag', 'vragen')} waarmee deelnemers "
                    f"binnenkomen; verwacht {low} tot {high}")
    if not module.contributors:
        gaps.append("contributors: niemand genoemd die de module maakte of controleerde")
    if not any(change.reviewed for change in module.changes):
        gaps.append("changes: het wijzigingslog heeft geen gecontroleerde wijziging (reviewed: true)")
    gaps += [f"prerequisites: '{other.id}' is voor een andere doelgroep "
             f"({', '.join(vocabulary.AUDIENCES[audience].lower() for audience in other.audience)})"
             for other in prerequisites if not set(other.audience) & set(module.audience)]
    return gaps


def _programme_gaps(module: Module) -> list[str]:
    if module.blocks and module.blocks[-1].werkvorm == CLOSING_WERKVORM:
        return []
    return [f"blocks: het laatste blok is geen '{CLOSING_WERKVORM}' met evaluatie en eigen actiepunten"]


def _text_gaps(module: Module, figures: ModuleFigures) -> list[str]:
    gaps = []
    if figures.participant_words < required_words(module.duration):
        gaps.append(f"tekst: {figures.participant_words} woorden; voor {module.duration} minuten zijn dat er "
                    f"minstens {required_words(module.duration)}")
    if ANCHOR_CASE in module.body and ANCHOR_REPORT not in module.body:
        gaps.append(f"tekst: {ANCHOR_CASE} wordt genoemd zonder het rapport "
                    "\"Twee werelden. You only live once\" (2013)")
    if module.body.count(ANCHOR_REPORT) > 1:
        gaps.append(f"tekst: het rapport \"{ANCHOR_REPORT}\" wordt meer dan één keer aangehaald")
    return gaps


def exercises(blocks: Iterable[Block]) -> list[Block]:
    return [block for block in blocks if block.exercise]


def _exercise_gaps(module: Module) -> list[str]:
    practised = exercises(module.blocks)
    gaps = []
    if len(practised) < required_exercises(module.duration):
        gaps.append(f"blocks: {dutch.count(len(practised), 'oefening', 'oefeningen')}; voor {module.duration} "
                    f"minuten zijn dat er minstens {required_exercises(module.duration)}")
    for block in practised:
        if not block.exercise.materials:
            gaps.append(f"blocks: oefening '{block.id}' heeft geen materialen")
        if not block.exercise.assessment:
            gaps.append(f"blocks: oefening '{block.id}' heeft geen beoordelingspunten (assessment)")
    low, high = CHECK_QUESTIONS
    if not low <= len(module.check_questions) <= high:
        gaps.append(f"check_questions: {dutch.count(len(module.check_questions), 'toetsvraag', 'toetsvragen')}; "
                    f"verwacht {low} tot {high}")
    return gaps


def _take_home_gaps(module: Module) -> list[str]:
    return [f"{field}: er is geen {label} om mee te nemen naar je werk"
            for field, label in (("checklist", "checklist"), ("template", "sjabloon")) if not getattr(module, field)]


def _source_gaps(module: Module) -> list[str]:
    gaps = []
    if len(module.sources) < MINIMUM_SOURCES:
        gaps.append(f"sources: {dutch.count(len(module.sources), 'bron', 'bronnen')}; verwacht er minstens "
                    f"{MINIMUM_SOURCES}")
    if module.sources and not any(_official(source.url) for source in module.sources):
        gaps.append("sources: geen enkele bron is een officiële bron (" + ", ".join(OFFICIAL_DOMAINS[:5]) + " ...)")
    return gaps


def _official(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == domain or host.endswith(f".{domain}") for domain in OFFICIAL_DOMAINS)


def _language_gaps(figures: ModuleFigures) -> list[str]:
    gaps = []
    # A text without words has no figures; a missing text or slide is a gap of its own.
    for label, measured in (("tekst", figures.text), ("dia's", figures.slides)):
        if measured.too_hard:
            gaps.append(f"{label}: Flesch-Douma {round(measured.flesch_douma)}; "
                        f"verwacht {readability.MINIMUM_FLESCH_DOUMA} of hoger")
        if measured.sentences_too_long:
            gaps.append(f"{label}: gemiddeld {measured.average_sentence_length:.1f} woorden per zin; "
                        f"verwacht hooguit {readability.MAXIMUM_SENTENCE_LENGTH}")
    if (figures.text.share_of_long_sentences or 0) > MAXIMUM_SHARE_OF_LONG_SENTENCES:
        gaps.append(f"tekst: {figures.text.share_of_long_sentences:.0%} van de zinnen is langer dan "
                    f"{readability.LONG_SENTENCE} woorden; verwacht hooguit {MAXIMUM_SHARE_OF_LONG_SENTENCES:.0%}")
    return gaps


def _draaiboek_gaps(module: Module) -> list[str]:
    gaps = [f"{field}: ontbreekt in het draaiboek" for field, values in
            (("preparation", module.preparation), ("intake", module.intake)) if not values]
    if len(module.hard_questions) < MINIMUM_HARD_QUESTIONS:
        gaps.append(f"hard_questions: {dutch.count(len(module.hard_questions), 'lastige vraag', 'lastige vragen')}; "
                    f"verwacht er minstens {MINIMUM_HARD_QUESTIONS}")
    for block in module.blocks:
        if block.is_break:
            continue
        if not block.slide or not block.slide.text or not block.slide.notes:
            gaps.append(f"blocks: blok '{block.id}' heeft geen dia met tekst en notities")
        missing = [label for part, label in _TRAINER_PARTS.items() if not getattr(block.trainer, part)]
        if missing:
            gaps.append(f"blocks: blok '{block.id}' mist in het draaiboek: {', '.join(missing)}")
    return gaps


def trainer_texts(module: Module) -> list[str]:
    """Text only the trainer reads: the draaiboek's own words, beside the participant text."""
    texts = [*module.preparation, *module.intake, *(point.notes for point in module.key_points)]
    texts += [text for question in module.hard_questions for text in (question.question, question.answer)]
    for block in module.blocks:
        trainer = block.trainer
        texts += [trainer.aim, trainer.say, *trainer.ask, *trainer.expected, *trainer.pitfalls,
                  trainer.op_afstand, trainer.in_huis]
        texts += [block.slide.notes] if block.slide else []
        if block.exercise:
            texts += [*block.exercise.model_answer, *block.exercise.assessment,
                      *(point.hear for point in block.exercise.debrief)]
    return texts


def _words(text: str) -> int:
    return len(readability.words(text))
