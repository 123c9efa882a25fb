"""The JSON API: the site's registries as plain JSON lists that other governments can read.

Every record says where its page is (absolute, from the site's public address) and whether it is
invented example data. Municipalities carry their CBS code and their TOOI identifier, the Dutch
government's persistent identifier for an organisation. Only trainers who consented appear; a
session names its trainers by id, and every trainer of a published session has consented.
"""

from typing import Any

from projectz.content import Content
from projectz.core import urls, vocabulary
from projectz.curriculum.modules import Module
from projectz.geography.regions import Municipality
from projectz.opendata.dcat import catalogue
from projectz.opendata.media import json_bytes
from projectz.people.trainers import Trainer
from projectz.people.webcare import Partnership
from projectz.sessions.records import Session

TOOI_MUNICIPALITY = "https://identifier.overheid.nl/tooi/id/gemeente/gm"


def tooi_identifier(municipality_code: str) -> str:
    """GM0014 → https://identifier.overheid.nl/tooi/id/gemeente/gm0014."""
    return f"{TOOI_MUNICIPALITY}{municipality_code.removeprefix('GM')}"


def module_record(module: Module, site_url: str) -> dict[str, Any]:
    return {
        "id": module.id,
        "titel": module.title,
        "samenvatting": module.summary,
        "thema": module.topic,
        "doelgroepen": list(module.audience),
        "niveau": module.level,
        "duurMinuten": module.duration,
        "vormen": list(module.formats),
        "leerdoelen": [objective.text for objective in module.objectives],
        "kernpunten": [point.text for point in module.key_points],
        "voorkennis": list(module.prerequisites),
        "status": module.status,
        "versie": module.version,
        "laatstGecontroleerd": module.last_reviewed.isoformat(),
        "licentie": vocabulary.LICENSE_URLS[module.license],
        "beheer": list(module.authors),
        "url": f"{site_url}{urls.MODULES.url(module.id)}",
        "dias": f"{site_url}{urls.DECKS.url(module.id)}" if module.published else None,
    }


def session_record(session: Session, site_url: str) -> dict[str, Any]:
    results = session.results
    return {
        "id": session.id,
        "begin": session.starts_at.isoformat(),
        "einde": session.ends_at.isoformat(),
        "module": session.module,
        "trainers": list(session.trainers),
        "gastgemeente": session.host,
        "uitgenodigd": list(session.invited),
        "provincies": list(session.provinces),
        "vorm": session.format,
        "locatie": session.location,
        "status": session.status,
        "revisie": session.revision,
        "aanmelden": session.registration,
        "resultaten": {"deelnemers": results.participants, "gemeenten": list(results.municipalities),
                       "cijfer": results.score} if results else None,
        "voorbeeld": session.example,
    }


def municipality_record(municipality: Municipality, content: Content, site_url: str) -> dict[str, Any]:
    hub = content.hub(municipality.code)
    return {
        "cbsCode": municipality.code,
        "tooi": tooi_identifier(municipality.code),
        "naam": municipality.name,
        "provincie": municipality.province_code,
        "inwoners": municipality.population,
        "deelnemer": {"trainersdagenPerMaand": hub.trainer_days_per_month, "sinds": hub.since.isoformat(),
                      "mailbox": hub.mailbox, "voorbeeld": hub.example} if hub else None,
        # The participating municipalities it turns to first, nearest first.
        "hubs": [{"cbsCode": ref.municipality_code, "afstandKm": ref.distance_km, "eigenProvincie": ref.in_own_province}
                 for ref in content.coverage.assignment(municipality.code).hubs],
        "url": f"{site_url}{urls.MUNICIPALITIES.url(municipality.name)}",
    }


def trainer_record(trainer: Trainer, site_url: str) -> dict[str, Any]:
    return {
        "id": trainer.id,
        "naam": trainer.name,
        "functie": trainer.role,
        "gemeente": trainer.municipality,
        "modules": list(trainer.modules),
        "expertise": list(trainer.expertise),
        "vormen": list(trainer.formats),
        "dagenPerMaand": trainer.days_per_month,
        "talen": list(trainer.languages),
        "contact": trainer.contact,
        "kring": trainer.circle,
        "tarief": trainer.fee,
        "hulp": list(trainer.support),
        "url": f"{site_url}{urls.TRAINERS.url(trainer.id)}",
        "voorbeeld": trainer.example,
    }


def partnership_record(partnership: Partnership) -> dict[str, Any]:
    return {
        "id": partnership.id,
        "naam": partnership.name,
        "soort": partnership.kind,
        "gemeenten": list(partnership.municipalities),
        "uitvoerder": partnership.provider,
        "omvang": list(partnership.scope),
        "sinds": partnership.since.isoformat(),
        "voorbeeld": partnership.example,
    }


def api_records(content: Content, site_url: str) -> dict[str, list[dict[str, Any]]]:
    """Every API file's records, by path; draft modules have no page and stay out."""
    return {
        urls.API_MODULES: [module_record(m, site_url) for m in content.modules if m.status != "draft"],
        urls.API_SESSIONS: [session_record(s, site_url) for s in content.sessions],
        urls.API_MUNICIPALITIES: [municipality_record(m, content, site_url) for m in content.geography.municipalities],
        # content.trainers holds only the trainers who consented to publication.
        urls.API_TRAINERS: [trainer_record(t, site_url) for t in content.trainers],
        urls.API_PARTNERSHIPS: [partnership_record(p) for p in content.partnerships],
    }


# Every file of the API, named before any is made (projectz.core.pages.made_together).
API_FILES = (urls.API_MODULES, urls.API_SESSIONS, urls.API_MUNICIPALITIES, urls.API_TRAINERS, urls.API_PARTNERSHIPS,
             urls.API_CATALOGUE)


def api_files(content: Content, *, site_url: str, site_name: str) -> dict[str, bytes]:
    """The API's files and the catalogue that describes them with every other dataset, by path."""
    files = {path: json_bytes(records) for path, records in api_records(content, site_url).items()}
    files[urls.API_CATALOGUE] = json_bytes(catalogue(site_url=site_url, site_name=site_name,
                                                     modified=content.build_date))
    return files
