"""The DCAT-AP-NL catalogue of the site's open data: every dataset, its licence, publisher and files.

JSON-LD with its context inline, so a harvester (data.overheid.nl) or any JSON-LD processor reads
it without fetching anything. Download addresses are absolute, from the site's public address.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from projectz.core import urls
from projectz.curriculum.pages import CATALOGUE_URL
from projectz.opendata import media
from projectz.sessions.results import AREA_NOTE

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "@language": "nl",
}
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Distribution:
    path: str
    title: str
    media_type: str


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    landing_page: str  # the page that shows the same data to people
    distributions: tuple[Distribution, ...]


DATASETS = (
    Dataset("resultaten", "Resultaten van Project Z",
            "Per provincie en voor heel Nederland, over de hele periode en per maand: gehouden trainingen, bereikte "
            f"gemeenten, trainersdagen en evaluatiecijfers. {AREA_NOTE}", "resultaten/",
            (Distribution(urls.RESULTS_WHOLE_PERIOD_CSV, "Hele periode (CSV, puntkomma, decimale komma)", media.CSV),
             Distribution(urls.RESULTS_MONTHLY_CSV, "Per maand (CSV, puntkomma, decimale komma)", media.CSV),
             Distribution(urls.RESULTS_CSVW, "Beschrijving van de CSV-kolommen (CSVW)", media.CSVW),
             Distribution(urls.RESULTS_XLSX, "Hele periode en per maand (Excel)", media.XLSX),
             Distribution(urls.RESULTS_JSON, "Hele periode en per maand (JSON)", media.JSON))),
    Dataset("modules", "Trainingsmodules van Project Z",
            "De modules van het curriculum: thema, doelgroep, niveau, duur, leerdoelen, versie en licentie.",
            CATALOGUE_URL,
            (Distribution(urls.API_MODULES, "Modules (JSON)", media.JSON),
             Distribution(urls.ATOM_MODULES, "Nieuwe en bijgewerkte modules (Atom)", media.ATOM))),
    Dataset("trainingen", "Trainingen van Project Z",
            "Alle trainingsdagen: module, trainers, gastgemeente en uitgenodigde gemeenten, vorm, status en, na "
            "afloop, deelnemers, bereikte gemeenten en cijfer.", urls.AGENDA,
            (Distribution(urls.API_SESSIONS, "Trainingen (JSON)", media.JSON),
             Distribution(urls.FEED_ALL, "Alle trainingen (iCalendar)", media.ICALENDAR),
             Distribution(urls.ATOM_SESSIONS, "Komende trainingen (Atom)", media.ATOM))),
    Dataset("gemeenten", "Gemeenten en hun hubs",
            "Alle gemeenten met CBS-code, TOOI-identificatie, provincie en inwonertal, of ze deelnemen, en de twee "
            "deelnemende gemeenten (hubs) waar ze eerst terechtkunnen.", "kaart/",
            (Distribution(urls.API_MUNICIPALITIES, "Gemeenten (JSON)", media.JSON),)),
    Dataset("trainers", "Trainers van Project Z",
            "De trainers die toestemming gaven voor publicatie: gemeente, modules, vormen en functionele mailbox.",
            "trainers/", (Distribution(urls.API_TRAINERS, "Trainers (JSON)", media.JSON),)),
    Dataset("webcare", "Webcare-samenwerkingen",
            "Gemeenten die samen webcare doen of die uitbesteden aan een grote buurgemeente.", "webcare/",
            (Distribution(urls.API_PARTNERSHIPS, "Webcare-samenwerkingen (JSON)", media.JSON),)),
)


def catalogue(*, site_url: str, site_name: str, modified: datetime.date) -> dict[str, Any]:
    publisher = {"@type": "foaf:Agent", "foaf:name": site_name}
    return {
        "@context": CONTEXT,
        "@id": f"{site_url}{urls.API_CATALOGUE}",
        "@type": "dcat:Catalog",
        "dct:title": f"Open data van {site_name}",
        "dct:description": "Alle open data van de trainingssite: resultaten, modules, trainingen, gemeenten, "
                           "trainers en webcare-samenwerkingen.",
        "dct:publisher": publisher,
        "dct:language": {"@id": DUTCH},
        "dct:license": {"@id": media.DATA_LICENSE},
        "dct:modified": _date(modified),
        "foaf:homepage": {"@id": site_url},
        "dcat:dataset": [_dataset(dataset, site_url, publisher, modified) for dataset in DATASETS],
    }


def _dataset(dataset: Dataset, site_url: str, publisher: dict[str, str], modified: datetime.date) -> dict[str, Any]:
    landing = f"{site_url}{dataset.landing_page}"
    return {
        "@id": f"{site_url}{urls.API_CATALOGUE}#{dataset.key}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{site_url}{urls.API_CATALOGUE}#{dataset.key}",
        "dct:title": dataset.title,
        "dct:description": dataset.description,
        "dct:publisher": publisher,
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": publisher["foaf:name"],
                              "vcard:hasURL": {"@id": landing}},
        "dct:license": {"@id": media.DATA_LICENSE},
        "dct:accessRights": {"@id": PUBLIC},
        "dct:language": {"@id": DUTCH},
        "dct:modified": _date(modified),
        "dcat:landingPage": {"@id": landing},
        "dcat:distribution": [_distribution(item, site_url) for item in dataset.distributions],
    }


def _distribution(distribution: Distribution, site_url: str) -> dict[str, Any]:
    address = {"@id": f"{site_url}{distribution.path}"}
    return {
        "@type": "dcat:Distribution",
        "dct:title": distribution.title,
        "dcat:accessURL": address,
        "dcat:downloadURL": address,
        "dcat:mediaType": {"@id": f"{IANA_MEDIA_TYPES}{distribution.media_type}"},
        "dct:license": {"@id": media.DATA_LICENSE},
    }


def _date(day: datetime.date) -> dict[str, str]:
    return {"@value": day.isoformat(), "@type": "xsd:date"}
