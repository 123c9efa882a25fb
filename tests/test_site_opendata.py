"""The real site's open data: results files, the JSON API and the DCAT catalogue that describes them."""

import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from pyld import jsonld

from conftest import REAL_CONTENT as CONTENT
from conftest import ROOT, linked_page, page_at, parse
from projectz.core import urls
from projectz.sessions.results import AREA_NOTE

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
RESULTS_FILES = [urls.RESULTS_WHOLE_PERIOD_CSV, urls.RESULTS_MONTHLY_CSV, urls.RESULTS_CSVW, urls.RESULTS_XLSX,
                 urls.RESULTS_JSON]


def site_url(site: Path) -> str:
    """The public address the site was built for, as its home page names itself."""
    return parse(site / "index.html").xpath("//link[@rel='canonical']/@href")[0]


def api(site: Path, path: str) -> list[dict]:
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_results_page_links_every_results_file_and_states_how_areas_relate(built_site: Path):
    page = parse(page_at(built_site, "resultaten/"))
    downloads = {linked_page(built_site, "resultaten/", href).parent.relative_to(built_site).as_posix()
                 for href in page.xpath("//article//a[@download]/@href")}
    assert downloads == set(RESULTS_FILES)
    assert page.get_element_by_id("provincies-en-nederland").text_content() == AREA_NOTE
    catalogue = page.xpath("//article//a[contains(., 'catalogus van de open data')]/@href")[0]
    assert (built_site / "resultaten" / catalogue).resolve() == (built_site / urls.API_CATALOGUE).resolve()


def test_municipalities_carry_cbs_code_tooi_identifier_and_their_hubs(built_site: Path):
    records = api(built_site, urls.API_MUNICIPALITIES)
    assert [record["cbsCode"] for record in records] == [m.code for m in CONTENT.geography.municipalities]
    assert len(records) == 342
    base = site_url(built_site)
    for record in records:
        digits = record["cbsCode"].removeprefix("GM")
        assert record["tooi"] == f"https://identifier.overheid.nl/tooi/id/gemeente/gm{digits}"
        assert re.fullmatch(r"\d{4}", digits)
        assert all(hub["cbsCode"] in CONTENT.hub_codes for hub in record["hubs"]) and record["hubs"]
        assert page_at(built_site, record["url"].removeprefix(base)).is_file()
    hubs = [record for record in records if record["deelnemer"]]
    assert {record["cbsCode"] for record in hubs} == CONTENT.hub_codes


def test_api_lists_modules_sessions_consenting_trainers_and_partnerships(built_site: Path):
    assert [m["id"] for m in api(built_site, urls.API_MODULES)] == [m.id for m in CONTENT.modules
                                                                   if m.status != "draft"]
    sessions = api(built_site, urls.API_SESSIONS)
    assert [s["id"] for s in sessions] == [s.id for s in CONTENT.sessions]
    held = next(s for s in sessions if s["status"] == "held")
    assert held["resultaten"]["cijfer"] and held["begin"].endswith(("+01:00", "+02:00"))
    assert [t["id"] for t in api(built_site, urls.API_TRAINERS)] == [t.id for t in CONTENT.trainers]
    assert [p["id"] for p in api(built_site, urls.API_PARTNERSHIPS)] == [p.id for p in CONTENT.partnerships]


def test_no_trainer_without_consent_in_any_open_data_file(built_site: Path):
    raw = yaml.safe_load((ROOT / "data" / "trainers.yaml").read_text(encoding="utf-8"))["trainers"]
    hidden = [record for record in raw if record["consent"] is None]
    assert hidden, "the example registry keeps one record without consent to prove this"
    files = [*(built_site / "api").iterdir(), *(built_site / "resultaten").iterdir(),
             built_site / urls.ATOM_MODULES, built_site / urls.ATOM_SESSIONS]
    texts = {path: path.read_text(encoding="utf-8") for path in files
             if path.suffix in {".json", ".jsonld", ".xml", ".csv"}}
    with zipfile.ZipFile(built_site / urls.RESULTS_XLSX) as workbook:
        texts.update({Path(name): workbook.read(name).decode("utf-8") for name in workbook.namelist()})
    assert len(texts) > 15
    for record in hidden:
        for path, text in texts.items():
            assert record["name"] not in text and record["id"] not in text, path


# --- The DCAT catalogue --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def catalogue(built_site: Path) -> dict:
    """The catalogue as a JSON-LD processor reads it: expanded, so prefixes and context no longer matter."""
    (expanded,) = jsonld.expand(json.loads((built_site / urls.API_CATALOGUE).read_text(encoding="utf-8")))
    return expanded


def values(node: dict, iri: str) -> list:
    return [item.get("@value", item.get("@id", item)) for item in node.get(iri, [])]


def test_catalogue_describes_every_dataset_with_licence_publisher_and_files(catalogue: dict, built_site: Path):
    assert catalogue["@type"] == [f"{DCAT}Catalog"]
    datasets = catalogue[f"{DCAT}dataset"]
    assert len(datasets) == 6
    base = site_url(built_site)
    described: set[str] = set()
    for dataset in datasets:
        assert dataset["@type"] == [f"{DCAT}Dataset"]
        for required in ("title", "description", "identifier", "license", "publisher", "language"):
            assert values(dataset, f"{DCT}{required}"), (dataset["@id"], required)
        assert values(dataset[f"{DCT}publisher"][0], f"{FOAF}name") == ["Project Z – Zij aan zij"]
        assert values(dataset, f"{DCAT}landingPage")[0].startswith(base)
        for distribution in dataset[f"{DCAT}distribution"]:
            (download,) = values(distribution, f"{DCAT}downloadURL")
            (media_type,) = values(distribution, f"{DCAT}mediaType")
            assert media_type.startswith("https://www.iana.org/assignments/media-types/")
            assert values(distribution, f"{DCT}license") == ["http://creativecommons.org/licenses/by/4.0/"]
            assert download.startswith(base) and (built_site / download.removeprefix(base)).is_file(), download
            described.add(download.removeprefix(base))
    published = {path.relative_to(built_site).as_posix() for path in (built_site / "api").glob("*.json")}
    assert published | set(RESULTS_FILES) <= described
    results = next(d for d in datasets if d["@id"].endswith("#resultaten"))
    assert AREA_NOTE in values(results, f"{DCT}description")[0]

