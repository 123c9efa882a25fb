"""Builds of small sites of our own: what gets published, what is escaped, what a failure leaves."""

import os
import stat
import zipfile
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from test_readability import LONG_SENTENCE

from conftest import module_text, parse
from projectz.site.build import build_site


def write_module(site: Path, name: str, text: str) -> None:
    (site / "curriculum" / f"{name}.md").write_text(text, encoding="utf-8")


def test_draft_module_is_absent_from_catalogue_and_site(mini_site: Path):
    write_module(mini_site, "klaar", module_text("klaar", title="Klaar voor gebruik"))
    write_module(mini_site, "concept", module_text("concept", title="Nog in concept", status="draft"))
    write_module(mini_site, "oud", module_text("oud", title="Oude module", status="archived"))
    out = mini_site / "site"
    build_site(mini_site / "mkdocs.yml", out)

    catalogue = parse(out / "catalogus" / "index.html")
    titles = [a.text_content() for a in catalogue.cssselect(".pz-card__title a")]
    assert titles == ["Klaar voor gebruik"]
    assert not (out / "modules" / "concept").exists()
    assert "Nog in concept" not in (out / "search" / "search_index.json").read_text(encoding="utf-8")
    archived = parse(out / "modules" / "oud" / "index.html")
    assert "gearchiveerd" in archived.cssselect(".pz-notice")[0].text_content()
    # Slides exist only for modules that are given.
    assert sorted(path.name for path in (out / "dias").iterdir()) == ["klaar"]
    assert not archived.cssselect(".pz-meta__deck")


def test_values_from_content_are_escaped(mini_site: Path):
    hostile = "Webcare <script>alert(1)</script> & meer"
    write_module(mini_site, "a", module_text("a", title=f'"{hostile}"'))
    out = mini_site / "site"
    build_site(mini_site / "mkdocs.yml", out)
    pages = ["catalogus", "modules/a", "dias/a"]
    for page in [out / folder / "index.html" for folder in pages]:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert parse(out / "modules" / "a" / "index.html").cssselect("h1")[0].text_content() == hostile
    assert parse(out / "dias" / "a" / "index.html").cssselect(".pz-slide h2")[0].text_content() == hostile


def test_failed_build_leaves_the_previous_site_untouched(mini_site: Path, caplog):
    write_module(mini_site, "a", module_text("a", title="Eerste versie"))
    out = mini_site / "site"
    build_site(mini_site / "mkdocs.yml", out)
    before = sorted(path.relative_to(out) for path in out.rglob("*"))

    write_module(mini_site, "a", module_text("a").replace("level: basis", "level: beginner"))
    write_module(mini_site, "b", "geen front matter\n")
    with pytest.raises(Abort):
        build_site(mini_site / "mkdocs.yml", out)

    assert sorted(path.relative_to(out) for path in out.rglob("*")) == before
    assert "Eerste versie" in (out / "catalogus" / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in mini_site.iterdir() if p.name.startswith(".site")] == []
    assert "curriculum/a.md:7: level: 'beginner' is niet toegestaan" in caplog.text
    assert "curriculum/b.md:1: front matter: geen front matter gevonden" in caplog.text


def test_failed_build_on_author_html_names_the_line_and_keeps_the_previous_site(mini_site: Path, caplog):
    write_module(mini_site, "a", module_text("a", title="Eerste versie"))
    out = mini_site / "site"
    build_site(mini_site / "mkdocs.yml", out)
    before = {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()}

    write_module(mini_site, "a", module_text("a") + '\n<img src="x.png" alt="" onerror="alert(1)">\n')
    with pytest.raises(Abort):
        build_site(mini_site / "mkdocs.yml", out)

    assert {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()} == before
    assert "curriculum/a.md:44: tekst: attribuut 'onerror' op <img> is niet toegestaan" in caplog.text


def test_a_failed_build_names_errors_in_module_texts_and_elsewhere_in_one_round(mini_site: Path, caplog):
    """The build's second process holds module texts to the HTML policy while the first checks the rest."""
    write_module(mini_site, "a", module_text("a") + '\n<img src="x.png" alt="" onerror="alert(1)">\n')
    write_module(mini_site, "b", module_text("b").replace("level: basis", "level: beginner"))
    with pytest.raises(Abort):
        build_site(mini_site / "mkdocs.yml", mini_site / "site")
    assert "curriculum/a.md:44: tekst: attribuut 'onerror' op <img> is niet toegestaan" in caplog.text
    assert "curriculum/b.md:7: level: 'beginner' is niet toegestaan" in caplog.text
    assert "2 fouten gevonden" in caplog.text


def test_a_build_warns_about_hard_module_text_and_publishes_it(mini_site: Path, caplog):
    write_module(mini_site, "a", module_text("a").replace("Tekst van a.", " ".join([LONG_SENTENCE] * 5)))
    build_site(mini_site / "mkdocs.yml", mini_site / "site")
    assert caplog.text.count("curriculum/a.md:1: tekst: waarschuwing: leesbaarheid Flesch-Douma ") == 1
    assert (mini_site / "site" / "modules" / "a" / "index.html").is_file()


# The smallest PNG there is: one transparent pixel.
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def write_folder_module(site: Path) -> None:
    folder = site / "curriculum" / "kaart"
    folder.mkdir()
    (folder / "index.md").write_text(module_text("kaart") + "\n![Het schema](schema.png)\n\n"
                                     "Print [het werkblad](bijlagen/werkblad.pdf).\n", encoding="utf-8")
    (folder / "schema.png").write_bytes(PIXEL)
    (folder / "bijlagen").mkdir()
    (folder / "bijlagen" / "werkblad.pdf").write_bytes(WORKSHEET)


WORKSHEET = b"%PDF-1.4\n%%EOF\n"


def assert_attachments_reachable(page_file: Path) -> None:
    page = parse(page_file)
    image = page.cssselect("article img[alt='Het schema']")[0].get("src")
    worksheet = next(a.get("href") for a in page.cssselect("article a") if a.text_content() == "het werkblad")
    assert (page_file.parent / image).resolve().read_bytes() == PIXEL
    assert (page_file.parent / worksheet).resolve().read_bytes() == WORKSHEET


def test_a_build_into_an_earlier_build_leaves_nothing_of_it(mini_site: Path):
    """The plugin clears the earlier build on a thread, through a hidden folder in the site."""
    site = mini_site / "site"
    build(load_config(str(mini_site / "mkdocs.yml"), site_dir=str(site)))
    files = sorted(site.rglob("*"))
    (site / "oud").mkdir()
    (site / "oud" / "index.html").write_text("oud", encoding="utf-8")
    (site / "oud.txt").write_text("oud", encoding="utf-8")
    # What an interrupted build left of the build before it.
    (site / ".projectz-previous-0").mkdir()
    (site / ".projectz-previous-0" / "oud.txt").write_text("oud", encoding="utf-8")
    build(load_config(str(mini_site / "mkdocs.yml"), site_dir=str(site)))
    assert sorted(site.rglob("*")) == files


def test_a_failed_build_into_an_earlier_build_leaves_no_hidden_folder(mini_site: Path):
    """The earlier build, moved aside for the download maker to delete, goes even when the build fails."""
    site = mini_site / "site"
    build(load_config(str(mini_site / "mkdocs.yml"), site_dir=str(site)))
    # Found by the maker (on_env), after the earlier build was moved aside (on_pre_build).
    write_module(mini_site, "a", module_text("a") + '\n<span onclick="alert(1)">Klik</span>\n')
    with pytest.raises(Abort):
        build(load_config(str(mini_site / "mkdocs.yml"), site_dir=str(site)))
    assert [path.name for path in site.iterdir() if path.name.startswith(".")] == []


def test_attachments_of_a_folder_module_are_published_beside_its_page(mini_site: Path):
    write_folder_module(mini_site)
    out = mini_site / "site"
    build_site(mini_site / "mkdocs.yml", out)
    assert_attachments_reachable(out / "modules" / "kaart" / "index.html")
    card = parse(out / "catalogus" / "index.html").cssselect(".pz-card__title a")[0].get("href")
    assert (out / "catalogus" / card / "index.html").resolve() == out / "modules" / "kaart" / "index.html"


def test_folder_module_keeps_its_address_when_the_site_uses_file_names(mini_site: Path):
    """As in the offline edition: the page is modules/kaart.html, where every link to it points."""
    config = mini_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    write_folder_module(mini_site)
    out = mini_site / "site"
    build_site(config, out)
    assert_attachments_reachable(out / "modules" / "kaart.html")
    card = parse(out / "catalogus.html").cssselect(".pz-card__title a")[0].get("href")
    assert (out / card).resolve() == out / "modules" / "kaart.html"


def test_strict_build_fails_on_a_broken_link_in_a_module(mini_site: Path, caplog):
    write_module(mini_site, "a", module_text("a") + "\nZie [elders](bestaat-niet.md).\n")
    with pytest.raises(Abort):
        build_site(mini_site / "mkdocs.yml", mini_site / "site")
    assert not (mini_site / "site").exists()
    # The author's own file and line, before MkDocs gets to name a generated page.
    assert ("curriculum/a.md:44: tekst: link 'bestaat-niet.md' gaat naar een pagina of bestand dat niet op de site "
            "staat") in caplog.text
    assert "modules/a.md" not in caplog.text


def write_trainer(site: Path, **changes: object) -> dict:
    hub = yaml.safe_load((site / "data" / "network.yaml").read_text(encoding="utf-8"))["hubs"][0]
    record = {
        "id": "tessa-proef", "name": "Tessa Proef", "role": "Adviseur",
        "municipality": hub["municipality"], "modules": ["webcare"], "expertise": [], "formats": ["groep"],
        "days_per_month": 1, "languages": ["nl"], "contact": hub["mailbox"], "circle": "netwerk", "fee": "gratis",
        "support": [], "consent": "2026-01-01", "example": True, **changes,
    }
    (site / "data" / "trainers.yaml").write_text(yaml.safe_dump({"trainers": [record]}), encoding="utf-8")
    return record


def test_trainer_offering_a_draft_module_warns_but_builds(mini_site: Path, caplog):
    write_module(mini_site, "webcare", module_text("webcare", title="Webcare in concept", status="draft"))
    write_trainer(mini_site)
    out = mini_site / "site"
    build_site(mini_site / "mkdocs.yml", out)
    assert ("data/trainers.yaml:15: trainers[1].modules[1]: waarschuwing: trainer 'tessa-proef' geeft module "
            "'webcare', maar die is niet gepubliceerd") in caplog.text
    trainer_page = parse(out / "trainers" / "tessa-proef" / "index.html")
    assert "Webcare in concept (nog niet gepubliceerd)" in trainer_page.text_content()
    assert not trainer_page.xpath("//article//a[contains(@href, 'modules/webcare')]")


def test_names_from_registries_render_as_text(mini_site: Path):
    write_module(mini_site, "webcare", module_text("webcare"))
    write_trainer(mini_site, name="<script>alert(1)</script>", role="<b>Rol</b>")
    out = mini_site / "site"
    build_site(mini_site / "mkdocs.yml", out)
    pages = [path for path in out.rglob("*.html")]
    assert not any("<script>alert(1)</script>" in path.read_text(encoding="utf-8") for path in pages)
    escaped = [path for path in pages if "&lt;script&gt;alert(1)&lt;/script&gt;" in path.read_text(encoding="utf-8")]
    assert escaped, "the name is shown, as text"


def test_published_site_is_readable_by_a_web_server_running_as_another_user(built_site: Path):
    umask = os.umask(0)
    os.umask(umask)
    # With the usual umask 022 that is 755 for folders and 644 for files.
    folder_mode, file_mode = 0o777 & ~umask, 0o666 & ~umask
    modes = {path: stat.S_IMODE(path.stat().st_mode) for path in [built_site, *built_site.rglob("*")]}
    assert {path: mode for path, mode in modes.items() if path.is_dir() and mode != folder_mode} == {}
    assert {path: mode for path, mode in modes.items() if path.is_file() and mode != file_mode} == {}
    with zipfile.ZipFile(built_site / "projectz-offline.zip") as edition:
        entry_modes = {stat.S_IMODE(entry.external_attr >> 16) for entry in edition.infolist()}
    assert entry_modes == {0o644}
