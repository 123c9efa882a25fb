"""The real site: the catalogue and module pages as readers see them."""

import json
from pathlib import Path

from conftest import REAL_CONTENT as CONTENT
from conftest import parse
from projectz.core import vocabulary


def test_catalogue_lists_every_published_module_once_with_its_facts(built_site: Path):
    page = parse(built_site / "catalogus" / "index.html")
    cards = page.cssselect("li.pz-card")
    titles = sorted(card.cssselect(".pz-card__title a")[0].text_content() for card in cards)
    assert titles == sorted(module.title for module in CONTENT.published_modules)
    for card in cards:
        module = next(m for m in CONTENT.published_modules if m.title == card.cssselect("a")[0].text_content())
        facts = card.cssselect(".pz-card__facts")[0].text_content()
        assert vocabulary.LEVELS[module.level] in facts
        assert vocabulary.duration_label(module.duration) in facts
        assert card.cssselect(".pz-card__summary")[0].text_content() == module.summary
        assert card.get("data-topic") == module.topic


def test_catalogue_groups_by_topic_under_headings(built_site: Path):
    page = parse(built_site / "catalogus" / "index.html")
    for group in page.cssselect("section.pz-group"):
        heading = group.cssselect("h2")[0]
        topic = heading.get("id")
        assert heading.text_content() == vocabulary.TOPICS[topic]
        assert {card.get("data-topic") for card in group.cssselect("li.pz-card")} == {topic}


def test_catalogue_links_resolve_to_module_pages(built_site: Path):
    page = parse(built_site / "catalogus" / "index.html")
    for link in page.cssselect(".pz-card__title a"):
        target = (built_site / "catalogus" / link.get("href") / "index.html").resolve()
        assert target.is_file(), link.get("href")
        assert parse(target).cssselect("h1")[0].text_content() == link.text_content()


def test_filters_are_hidden_without_javascript_and_offer_every_facet(built_site: Path):
    page = parse(built_site / "catalogus" / "index.html")
    form = page.cssselect("form.pz-filter")[0]
    assert form.get("hidden") is not None  # the full list shows until the script reveals the form
    facets = {select.get("data-pz-facet"): select for select in form.cssselect("select")}
    assert set(facets) == {"topic", "audience", "level", "format"}
    for select in facets.values():
        assert page.cssselect(f"label[for={select.get('id')}]"), "every filter has a label"
    offered = [option.get("value") for option in facets["level"].cssselect("option") if option.get("value")]
    assert offered == list(vocabulary.LEVELS)
    script = (built_site / "assets" / "javascripts" / "filter.js").read_text(encoding="utf-8")
    assert "form.hidden = false" in script


def test_module_page_shows_the_metadata_panel(built_site: Path):
    module = next(m for m in CONTENT.published_modules if m.prerequisites)
    page = parse(built_site / "modules" / module.id / "index.html")
    assert page.cssselect("h1")[0].text_content() == module.title
    panel = page.cssselect(".pz-meta")[0]
    facts = {dt.text_content(): dt.getnext().text_content().strip() for dt in panel.cssselect("dt")}
    assert facts["Thema"] == vocabulary.TOPICS[module.topic]
    assert facts["Niveau"] == vocabulary.LEVELS[module.level]
    assert facts["Duur"] == vocabulary.duration_label(module.duration)
    assert facts["Versie"] == module.version
    assert facts["Licentie"] == vocabulary.LICENSES[module.license]
    assert module.last_reviewed.isoformat() == panel.cssselect("time")[0].get("datetime")
    prerequisite_links = panel.cssselect(".pz-inline-list a")
    assert [link.text_content() for link in prerequisite_links] == [
        CONTENT.module(p).title for p in module.prerequisites
    ]
    for link in prerequisite_links:
        assert (built_site / "modules" / module.id / link.get("href") / "index.html").resolve().is_file()
    edit = panel.cssselect(".pz-meta__edit a")[0].get("href")
    assert edit.endswith(f"/{module.source_path}")


def test_module_page_lists_objectives_and_key_points(built_site: Path):
    module = CONTENT.published_modules[0]
    page = parse(built_site / "modules" / module.id / "index.html")
    sections = {h2.text_content().rstrip("¶"): h2.getnext().getnext() if h2.getnext().tag == "p" else h2.getnext()
                for h2 in page.cssselect("article h2")}
    shown = {name: [li.text_content() for li in sections[name].cssselect("li")]
             for name in ("Leerdoelen", "Kernpunten")}
    assert shown["Leerdoelen"] == [objective.text for objective in module.objectives]
    assert shown["Kernpunten"] == [point.text for point in module.key_points]


def test_module_text_keeps_the_sites_own_features_after_sanitizing(built_site: Path):
    assert any("!!! tip" in module.body for module in CONTENT.published_modules)
    for module in CONTENT.published_modules:
        html = (built_site / "modules" / module.id / "index.html").read_text(encoding="utf-8")
        assert "pz-author-" not in html, "the markers of the author's part never reach a page"
        page = parse(built_site / "modules" / module.id / "index.html")
        if "!!! tip" in module.body:
            assert page.cssselect("article .admonition.tip .admonition-title"), module.id
        headings = [h2.get("id") for h2 in page.cssselect("article h2") if h2.cssselect("a.headerlink")]
        assert "waarom-deze-module" in headings and "kernpunten" in headings


def test_site_is_dutch_and_searchable_with_dutch_stemming(built_site: Path):
    assert parse(built_site / "index.html").get("lang") == "nl"
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"modules/{m.id}/" for m in CONTENT.published_modules} <= locations


def test_no_request_leaves_the_site(built_site: Path):
    for page in built_site.rglob("*.html"):
        tree = parse(page)
        for element in tree.xpath("//script[@src] | //link[@href][@rel='stylesheet'] | //img[@src]"):
            source = element.get("src") or element.get("href")
            assert not source.startswith(("http:", "https:", "//")), f"{page}: {source}"
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8")


def schema_fields(schema: dict, prefix: str = "") -> list[tuple[str, bool]]:
    """Every field of a JSON Schema object with whether its record requires it, nested fields after
    their own, named as the author guide names them ('blocks[].slide.text')."""
    fields = []
    for name, spec in schema["properties"].items():
        fields.append((prefix + name, name in schema.get("required", ())))
        if "properties" in spec.get("items", {}):
            fields += schema_fields(spec["items"], f"{prefix}{name}[].")
        elif "properties" in spec:
            fields += schema_fields(spec, f"{prefix}{name}.")
    return fields


def test_author_page_documents_every_field_and_links_the_published_schema(built_site: Path):
    page = parse(built_site / "auteurs" / "index.html")
    documented = [code.text_content() for code in page.cssselect("article table tbody th code")]
    schema = json.loads((built_site / "schemas" / "module.schema.json").read_text(encoding="utf-8"))
    fields = schema_fields(schema)
    assert documented == [name for name, _ in fields]
    required = [row.cssselect("th code")[0].text_content() for row in page.cssselect("article table tbody tr")
                if row.cssselect("td")[0].text_content() == "ja"]
    assert required == [name for name, is_required in fields if is_required]
    assert {"objectives[].text", "blocks[].exercise.steps[].minutes", "group_size.min"} <= set(required)
    assert {"former_ids", "blocks[].slide.image", "key_points[].notes"} <= set(documented) - set(required), (
        "optional fields are documented as optional")
    link = [a.get("href") for a in page.cssselect("article a") if "module.schema.json" in a.get("href", "")]
    assert link and (built_site / "auteurs" / link[0]).resolve().is_file()
