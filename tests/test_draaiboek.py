"""The draaiboek holds what only the trainer needs; the participant page and its search entry never do."""

import json
from pathlib import Path

from test_module_validation import problems

from conftest import KIT_MODULE, KIT_WORKSHEET, REAL_CONTENT, ROOT, kit_module_files, parse
from projectz.content import ContentPaths, check_content
from projectz.core import urls
from projectz.curriculum.kit import ModuleKit, material_page
from projectz.curriculum.modules import Module
from projectz.curriculum.pages import module_page

# Short texts ("Ja.") may also be ordinary participant text; these are long enough to be the trainer's own.
MIN_LENGTH = 40


def trainer_texts(module: Module) -> list[str]:
    texts = [*module.preparation, *module.intake, *(question.answer for question in module.hard_questions)]
    for block in module.blocks:
        notes = block.trainer
        texts += [notes.aim, notes.say, *notes.ask, *notes.expected, *notes.pitfalls, notes.op_afstand, notes.in_huis]
        if block.slide:
            texts.append(block.slide.notes)
        if block.exercise:
            texts += [*block.exercise.model_answer, *block.exercise.assessment]
    return [text for text in texts if len(text) >= MIN_LENGTH]


def page_text(site: Path, url: str) -> str:
    return " ".join(parse(site / url / "index.html").cssselect("article")[0].text_content().split())


def test_the_draaiboek_holds_every_trainer_text_and_the_module_page_none(built_site: Path):
    for module in REAL_CONTENT.published_modules:
        texts = trainer_texts(module)
        assert texts, module.id
        draaiboek = page_text(built_site, urls.module_part(module.id, urls.DRAAIBOEK))
        participant = page_text(built_site, urls.MODULES.url(module.id))
        assert [text for text in texts if text not in draaiboek] == [], module.id
        assert [text for text in texts if text in participant] == [], module.id


def test_search_finds_the_draaiboek_on_its_own_entry_and_trainer_text_nowhere_else(built_site: Path):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    module = REAL_CONTENT.module("webcare")
    texts = trainer_texts(module)
    draaiboek_url = urls.module_part(module.id, urls.DRAAIBOEK)
    module_entries = " ".join(" ".join(doc["text"].split()) for doc in docs
                              if doc["location"].startswith(urls.MODULES.url(module.id))
                              and not doc["location"].startswith(draaiboek_url))
    draaiboek_entries = " ".join(" ".join(doc["text"].split()) for doc in docs
                                 if doc["location"].startswith(draaiboek_url))
    assert draaiboek_entries
    assert [text for text in texts if text in module_entries] == []
    assert module.blocks[0].trainer.say in draaiboek_entries


def test_the_module_page_follows_the_programme_with_each_exercise_after_its_block(built_site: Path):
    module = REAL_CONTENT.module("webcare")
    page = parse(built_site / "modules" / "webcare" / "index.html")
    rows = page.cssselect("table.pz-programme tbody tr")
    assert [row.cssselect("td")[0].text_content() for row in rows] == [block.title for block in module.blocks]
    headings = [heading.get("id") for heading in page.cssselect("article h2")]
    sections = [block.section for block in module.blocks if block.section]
    exercise = next(block for block in module.blocks if block.exercise)
    before = [block.section for block in module.blocks[:module.blocks.index(exercise) + 1] if block.section]
    assert [heading for heading in headings if heading in sections] == sections
    assert headings.index(f"oefening-{exercise.id}") == headings.index(before[-1]) + 1
    questions = page.cssselect("details.pz-question")
    assert [question.cssselect("summary")[0].text_content() for question in questions] == [
        question.question for question in module.check_questions]
    assert not [question for question in questions if question.get("open") is not None]


def test_trainer_text_is_escaped_not_run(tmp_path: Path):
    module_files = kit_module_files()
    index = "oefenmodule/index.md"
    module_files[index] = module_files[index].replace("say: Vertel over reactietijd.",
                                                      'say: "<script>alert(1)</script> & <b>vet</b>"')
    assert problems(tmp_path, module_files) == []
    content, _ = check_content(ContentPaths.under(tmp_path))
    kit = ModuleKit(content.module("oefenmodule"), tmp_path)
    markdown = kit.render("curriculum/draaiboek.md.j2", urls.PageLinks("modules/oefenmodule/draaiboek/"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in markdown
    assert "<script>" not in markdown and "<b>" not in markdown


def test_module_text_and_worksheets_reach_their_pages_as_markdown(tmp_path):
    """Author Markdown is not text to escape: the page renders it, and sanitizes what it becomes."""
    tip = '!!! tip "Tip"\n    Zeg wat je gaat doen.'
    quote = '> "Waar blijft mijn pas?"'
    files = kit_module_files(KIT_MODULE.replace("Reageer snel.\n", f"Reageer snel.\n\n{tip}\n"))
    files["oefenmodule/materialen/berichtkaarten.md"] = f"{KIT_WORKSHEET}\n{quote}\n"
    assert problems(tmp_path, files) == []
    content, _ = check_content(ContentPaths.under(tmp_path))
    kit = ModuleKit(content.module("oefenmodule"), tmp_path)
    links = urls.PageLinks("modules/oefenmodule/")
    assert tip in module_page(kit, content, None).markdown(links)
    assert quote in material_page(kit, kit.worksheets[0]).markdown(links)
    assert quote in kit.render("curriculum/handout.md.j2", links)


def test_every_module_folder_is_published_with_its_worksheets(built_site: Path):
    for module in REAL_CONTENT.published_modules:
        for material in module.material_pages:
            page = parse(built_site / "modules" / module.id / material.name.removesuffix(".md") / "index.html")
            assert page.cssselect("article h1")[0].text_content().rstrip("¶") == material.title
    assert (ROOT / "curriculum" / "webcare" / "materialen").is_dir()
