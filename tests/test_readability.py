"""Readability figures: Flesch-Douma and sentence length, as warnings and as a table in validate."""

import pytest
from test_module_validation import problems

from conftest import content_repo, module_text
from projectz.content import ContentPaths, check_content
from projectz.curriculum import readability as r
from projectz.tools import cli


def test_figures_of_a_small_text_match_the_formula_by_hand():
    # 8 words of one syllable each in 2 sentences: 206.835 - 0.93 * 4 - 77 * 1
    measured = r.readability("De kat zit op de mat. Hij slaapt.")
    assert (measured.words, measured.sentences, measured.syllables) == (8, 2, 8)
    assert measured.flesch_douma == pytest.approx(126.115)
    assert measured.average_sentence_length == 4
    assert measured.share_of_long_sentences == 0


def test_long_words_lower_the_score():
    # bij-voor-beeld (3), de (1), ge-meen-te (3): 206.835 - 0.93 * 3 - 77 * 7 / 3
    measured = r.readability("Bijvoorbeeld de gemeente.")
    assert measured.syllables == 7
    assert measured.flesch_douma == pytest.approx(206.835 - 2.79 - 77 * 7 / 3)


def test_a_sentence_of_more_than_twenty_words_counts_as_long():
    measured = r.readability(" ".join(["woord"] * 21) + ". Kort.")
    assert measured.share_of_long_sentences == 0.5


@pytest.mark.parametrize(("word", "count"), [
    ("gemeente", 3), ("bijvoorbeeld", 3), ("ui", 1), ("zee", 1), ("nieuw", 1), ("eigen", 2),
    ("ideeën", 3), ("geïnteresseerd", 5), ("tijd", 1), ("Één", 1), ("x", 1),
    # A known limit: vowels that meet across a syllable break form one group (re-ac-tie has 3).
    ("reactie", 2),
])
def test_dutch_syllables_are_groups_of_vowels(word, count):
    assert r.syllable_count(word) == count


def test_abbreviations_and_numbers_do_not_end_a_sentence():
    text = "Kijk bijv. naar art. 3, o.a. de regels, d.w.z. nr. 2. Het kost 1.000 euro om 10.30 uur!"
    assert len(r.sentences(text)) == 2


def test_each_line_is_a_sentence_and_numbers_are_no_words():
    assert r.readability("Reageer snel\nBlijf vriendelijk\n- 12 -").sentences == 2
    assert r.words("Er zijn 12 - 15 vragen") == ["Er", "zijn", "vragen"]


def test_html_text_leaves_out_headings_and_code_blocks():
    html = "<h2>Kop</h2><p>Een zin</p><ul><li>Een punt</li><li>Nog een</li></ul><pre><code>x = 1.</code></pre>"
    assert r.readability(r.html_text(html)).sentences == 3
    assert "Kop" not in r.html_text(html)


def test_empty_text_has_no_score():
    measured = r.readability("")
    assert (measured.words, measured.flesch_douma, measured.below_goal) == (0, None, False)


LONG_SENTENCE = ("De gemeentelijke communicatieafdeling beantwoordt zorgvuldig alle binnenkomende vragen van "
                 "inwoners, ondernemers en maatschappelijke organisaties over vergunningen, belastingen, "
                 "evenementen en andere onderwerpen die de gemeente raken.")
PLAIN_SENTENCES = "Je leest een vraag van een inwoner. Je geeft snel een kort antwoord."


def test_module_with_long_sentences_gets_a_warning_at_line_one(tmp_path):
    text = module_text("a").replace("Tekst van a.", " ".join([LONG_SENTENCE] * 5))
    found = problems(tmp_path, {"a.md": text})
    assert len(found) == 1
    assert found[0].startswith("curriculum/a.md:1: tekst: waarschuwing: leesbaarheid Flesch-Douma ")
    assert found[0].endswith("(doel: 60 of hoger); gemiddeld 25,0 woorden per zin (doel: hooguit 15)")


def test_a_check_without_the_texts_leaves_out_only_their_html_policy_and_readability(tmp_path):
    """What a build's first process checks; its second process checks the rest (site.maker)."""
    text = (module_text("a", prerequisites="[bestaat-niet]").replace("Tekst van a.", " ".join([LONG_SENTENCE] * 5))
            + '\n<span onclick="alert(1)">Klik</span>\n')
    everything = problems(tmp_path, {"a.md": text})
    _, issues = check_content(ContentPaths.under(tmp_path), check_text=False)
    without_texts = [str(issue) for issue in issues]
    assert without_texts == ["curriculum/a.md:17: prerequisites[1]: module 'bestaat-niet' bestaat niet"]
    text_only = [line for line in everything if line not in without_texts]
    assert len(text_only) == 2
    assert text_only[0].startswith("curriculum/a.md:1: tekst: waarschuwing: leesbaarheid Flesch-Douma ")
    assert text_only[1] == "curriculum/a.md:44: tekst: attribuut 'onclick' op <span> is niet toegestaan"


def test_plain_text_gets_no_warning(tmp_path):
    plain = " ".join([PLAIN_SENTENCES] * 10)
    assert r.readability(plain).words == 130 >= r.MINIMUM_WORDS
    text = module_text("a").replace("Tekst van a.", plain)
    assert problems(tmp_path, {"a.md": text}) == []


def test_short_text_gets_no_warning_however_hard(tmp_path):
    text = module_text("a").replace("Tekst van a.", LONG_SENTENCE)
    assert problems(tmp_path, {"a.md": text}) == []


def test_validate_shows_the_figures_on_request(tmp_path, capsys):
    repo = content_repo(tmp_path)
    (repo / "curriculum" / "a.md").write_text(module_text("a").replace("Tekst van a.", PLAIN_SENTENCES),
                                              encoding="utf-8")
    assert cli.main(["--root", str(repo), "validate"]) == 0
    assert "Leesbaarheid" not in capsys.readouterr().out
    assert cli.main(["--root", str(repo), "validate", "--leesbaarheid"]) == 0
    table = capsys.readouterr().out.split("\n\n", 1)[1].splitlines()
    assert table[0].startswith("Leesbaarheid (doel: Flesch-Douma 60 of hoger")
    assert table[1].split() == ["module", "woorden", "tekst:", "Flesch-Douma", "tekst:", "woorden/zin",
                                "dia's:", "Flesch-Douma", "dia's:", "woorden/zin"]
    # 13 words in 2 sentences with 16 syllables: 206.835 - 0.93 * 6.5 - 77 * 16 / 13 = 106
    assert table[2].split()[:4] == ["a", "13", "106", "6,5"]


def test_deck_with_long_sentences_gets_a_warning_at_its_blocks(tmp_path):
    lines = ", ".join(f'"{number}. {LONG_SENTENCE}"' for number in range(1, 6))
    text = module_text("a").replace("text: [Reageer snel en vriendelijk]", f"text: [{lines}]")
    found = [line for line in problems(tmp_path, {"a.md": text}) if "leesbaarheid" in line]
    assert len(found) == 1
    assert found[0].startswith("curriculum/a.md:28: blocks: waarschuwing: leesbaarheid van de dia's Flesch-Douma ")
