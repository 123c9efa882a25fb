"""The real site's schema.org JSON-LD, read as a JSON-LD processor reads it, and its OpenGraph tags."""

import dataclasses
import json
from pathlib import Path

import pytest
from lxml import html
from pyld import jsonld

from conftest import REAL_CONTENT as CONTENT
from conftest import is_redirect, page_at, parse
from projectz.core import urls
from projectz.core.pages import UPCOMING_LISTED
from projectz.opendata.api import tooi_identifier
from projectz.opendata.structured import course, script_json

SCHEMA = "http://schema.org/"
# What the processor gets for "@context": "https://schema.org": schema.org's own context maps every
# term into this vocabulary. Served from here, because the tests must not fetch anything.
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def offline_loader(url: str, options: dict | None = None) -> dict:
    if url.rstrip("/") in {"https://schema.org", "http://schema.org"}:
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise AssertionError(f"the JSON-LD asks for {url}")


def structured_data(page: html.HtmlElement) -> list[dict]:
    """The page's JSON-LD, expanded: every term a full schema.org IRI, every value a list."""
    blocks = page.xpath("//script[@type='application/ld+json']/text()")
    return [node for block in blocks for node in jsonld.expand(json.loads(block), {"documentLoader": offline_loader})]


def only(page: html.HtmlElement) -> dict:
    (node,) = structured_data(page)
    return node


def types(node: dict) -> set[str]:
    return {kind.removeprefix(SCHEMA) for kind in node.get("@type", [])}


def value(node: dict, term: str) -> object:
    (item,) = node[SCHEMA + term]
    return item.get("@value", item.get("@id", item))


def test_processor_fetches_nothing_and_reads_schema_org_terms():
    (node,) = jsonld.expand({"@context": "https://schema.org", "@type": "Person", "name": "X"},
                            {"documentLoader": offline_loader})
    assert types(node) == {"Person"} and value(node, "name") == "X"
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context", "name": "X"}, {"documentLoader": offline_loader})


def test_json_ld_cannot_end_its_script_element_and_means_the_same():
    data = {"name": "</script><script>alert(1)</script> & <!-- 'x'"}
    text = script_json(data)
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == data


def check_course_instance(node: dict) -> None:
    assert "CourseInstance" in types(node)
    session = next(s for s in CONTENT.sessions if node["@id"].endswith(f"#{s.id}"))
    assert value(node, "startDate") == session.starts_at.isoformat()
    assert value(node, "endDate") == session.ends_at.isoformat()
    (location,) = node[SCHEMA + "location"]
    assert types(location) == ({"VirtualLocation"} if session.location is None else {"Place"})
    assert value(node, "eventStatus") == SCHEMA.replace("http:", "https:") + (
        "EventCancelled" if session.status == "cancelled" else "EventScheduled")
    (organizer,) = node[SCHEMA + "organizer"]
    assert organizer["@id"] == tooi_identifier(session.host)
    instructors = [value(person, "name") for person in node[SCHEMA + "instructor"]]
    assert instructors == [CONTENT.trainer(trainer_id).name for trainer_id in session.trainers]


def test_module_pages_describe_a_course_and_learning_resource_with_its_training_days(built_site: Path):
    modules = [module for module in CONTENT.modules if module.status != "draft"]
    remote_seen = False
    for module in modules:
        node = only(parse(page_at(built_site, urls.MODULES.url(module.id))))
        assert types(node) == {"Course", "LearningResource"}
        assert value(node, "name") == module.title and value(node, "description") == module.summary
        assert value(node, "timeRequired") == f"PT{module.duration}M"
        assert value(value(node, "provider"), "name") == "Project Z – Zij aan zij"
        instances = node.get(SCHEMA + "hasCourseInstance", [])
        assert len(instances) == len(CONTENT.upcoming(module=module.id))
        for instance in instances:
            check_course_instance(instance)
            remote_seen |= "VirtualLocation" in types(instance[SCHEMA + "location"][0])
    assert remote_seen, "the example sessions keep an upcoming online one to prove VirtualLocation"


def test_agenda_lists_every_upcoming_training_day_as_a_course_instance(built_site: Path):
    nodes = structured_data(parse(page_at(built_site, urls.AGENDA)))
    assert [node["@id"].rsplit("#", 1)[1] for node in nodes] == [session.id for session in CONTENT.upcoming()]
    for node in nodes:
        check_course_instance(node)


def test_catalogue_is_an_item_list_of_the_published_modules(built_site: Path):
    node = only(parse(page_at(built_site, "catalogus/")))
    assert types(node) == {"ItemList"}
    items = node[SCHEMA + "itemListElement"]
    assert [value(item, "position") for item in items] == list(range(1, len(CONTENT.published_modules) + 1))
    assert sorted(value(item, "name") for item in items) == sorted(m.title for m in CONTENT.published_modules)
    page = parse(page_at(built_site, "catalogus/"))
    shown = [a.text_content() for a in page.cssselect(".pz-card__title a")]
    assert [value(item, "name") for item in items] == shown


def test_municipality_pages_describe_the_government_organization_by_its_tooi_identifier(built_site: Path):
    for municipality in CONTENT.geography.municipalities:
        node = only(parse(page_at(built_site, urls.MUNICIPALITIES.url(municipality.name))))
        assert types(node) == {"GovernmentOrganization"}
        assert node["@id"] == f"https://identifier.overheid.nl/tooi/id/gemeente/gm{municipality.code[2:]}"
        assert value(node, "name") == f"Gemeente {municipality.name}"
        identifiers = {value(item, "propertyID"): value(item, "value") for item in node[SCHEMA + "identifier"]}
        assert identifiers == {"TOOI": node["@id"], "CBS-gemeentecode": municipality.code}


def test_trainer_pages_describe_a_person_and_only_consenting_trainers_have_one(built_site: Path):
    for trainer in CONTENT.trainers:
        node = only(parse(page_at(built_site, urls.TRAINERS.url(trainer.id))))
        assert types(node) == {"Person"} and value(node, "name") == trainer.name
        assert node[SCHEMA + "worksFor"][0]["@id"] == tooi_identifier(trainer.municipality)
    pages = {path.parent.name for path in (built_site / "trainers").glob("*/index.html")}
    assert pages == {trainer.id for trainer in CONTENT.trainers}


def test_other_pages_carry_no_json_ld(built_site: Path):
    for url in ("", "kaart/", "hulp/", "resultaten/"):
        assert structured_data(parse(page_at(built_site, url))) == []


# --- OpenGraph and feeds in every page's head -----------------------------------------------------

def test_every_page_has_opengraph_and_links_both_atom_feeds(built_site: Path):
    # Redirect pages (old addresses) send the visitor on before anything could read their head.
    pages = sorted(path for path in built_site.rglob("index.html") if not is_redirect(path))
    assert len(pages) > 390
    for path in pages:
        page = parse(path)
        og = {meta.get("property"): meta.get("content") for meta in page.xpath("//head/meta[@property]")}
        assert og["og:title"] and og["og:description"] and og["og:type"] == "website", path
        assert og["og:url"] == page.xpath("//link[@rel='canonical']/@href")[0], path
        assert og["og:url"].startswith(("https://", "http://")), path
        feeds = page.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")
        assert len(feeds) == 2
        assert all((path.parent / href).resolve().is_file() for href in feeds), path


def test_opengraph_title_and_description_are_the_pages_own(built_site: Path):
    module = CONTENT.published_modules[0]
    page = parse(page_at(built_site, urls.MODULES.url(module.id)))
    og = {meta.get("property"): meta.get("content") for meta in page.xpath("//head/meta[@property]")}
    assert (og["og:title"], og["og:description"]) == (module.title, module.summary)
    home = {meta.get("property"): meta.get("content")
            for meta in parse(built_site / "index.html").xpath("//head/meta[@property]")}
    assert home["og:title"] == "Project Z – Zij aan zij"


def test_a_module_describes_only_the_training_days_its_page_lists():
    # Fifty rounds of the real sessions: the page lists the soonest few, and so does its JSON-LD.
    many = tuple(dataclasses.replace(session, id=f"{session.id}-{n}")
                 for n in range(50) for session in CONTENT.sessions)
    busy = dataclasses.replace(CONTENT, sessions=many)
    module = next(m for m in CONTENT.published_modules if CONTENT.upcoming(module=m.id))
    assert len(busy.upcoming(module=module.id)) > UPCOMING_LISTED
    instances = course(module, busy, "https://projectz.example/", "Project Z")["hasCourseInstance"]
    listed = busy.upcoming(module=module.id)[:UPCOMING_LISTED]
    assert [instance["@id"] for instance in instances] == [
        f"https://projectz.example/agenda/#{session.id}" for session in listed]
