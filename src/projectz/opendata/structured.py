"""schema.org JSON-LD for search engines and other governments, one block per kind of page.

Module pages describe a Course that is also a LearningResource, with its upcoming training days
as CourseInstances (an Event; a VirtualLocation when given remotely); the agenda lists the same
instances; the catalogue is an ItemList; a municipality page describes a GovernmentOrganization
identified by its TOOI identifier; a trainer page (only consenting trainers have one) a Person.
"""

import json
from collections.abc import Callable
from typing import Any

from projectz.content import Content
from projectz.core import urls, vocabulary
from projectz.core.pages import UPCOMING_LISTED
from projectz.curriculum.catalogue import build_catalogue
from projectz.curriculum.modules import Module
from projectz.geography.regions import Municipality
from projectz.opendata.api import tooi_identifier
from projectz.people.trainers import Trainer
from projectz.sessions.agenda import first_page
from projectz.sessions.records import REMOTE, Session

CONTEXT = "https://schema.org"

# The hand-written pages that list what the JSON-LD describes, by source file.
CATALOGUE_PAGE = "catalogus.md"
AGENDA_PAGE = "agenda.md"

EVENT_STATUS = {"planned": "EventScheduled", "held": "EventScheduled", "cancelled": "EventCancelled"}


def script_json(data: dict[str, Any]) -> str:
    """JSON for inside <script>: with <, > and & as \\u escapes no text in the data can end the
    element (a title holding "</script>") or read as markup, and the JSON means the same."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def government_organization(municipality: Municipality) -> dict[str, Any]:
    return {"@type": "GovernmentOrganization", "@id": tooi_identifier(municipality.code),
            "name": f"Gemeente {municipality.name}"}


def course_instance(session: Session, content: Content, site_url: str) -> dict[str, Any]:
    """A training day; online ones take place at a VirtualLocation rather than a Place."""
    module = content.module(session.module)
    host = content.geography.municipality(session.host)
    remote = session.format == REMOTE
    if session.location is None:
        location: dict[str, Any] = {"@type": "VirtualLocation", "name": vocabulary.FORMATS[session.format]}
    else:
        location = {"@type": "Place", "name": session.location,
                    "address": {"@type": "PostalAddress", "addressLocality": host.name, "addressCountry": "NL"}}
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "@id": f"{site_url}{urls.AGENDA}#{session.id}",
        "name": module.title,
        "startDate": session.starts_at.isoformat(),
        "endDate": session.ends_at.isoformat(),
        "courseMode": "online" if remote else "onsite",
        "eventAttendanceMode": f"{CONTEXT}/{'Online' if remote else 'Offline'}EventAttendanceMode",
        "eventStatus": f"{CONTEXT}/{EVENT_STATUS[session.status]}",
        "location": location,
        "organizer": government_organization(host),
        # Sessions name only trainers who consented to publication (records checks this).
        "instructor": [{"@type": "Person", "name": content.trainer(trainer_id).name,
                        "url": f"{site_url}{urls.TRAINERS.url(trainer_id)}"} for trainer_id in session.trainers],
    }
    if module.published:
        instance["url"] = f"{site_url}{urls.MODULES.url(module.id)}"
    return instance


def course(module: Module, content: Content, site_url: str, site_name: str) -> dict[str, Any]:
    page = f"{site_url}{urls.MODULES.url(module.id)}"
    return {
        "@context": CONTEXT,
        "@type": ["Course", "LearningResource"],
        "@id": f"{page}#module",
        "url": page,
        "name": module.title,
        "description": module.summary,
        "courseCode": module.id,
        "inLanguage": "nl",
        "about": vocabulary.TOPICS[module.topic],
        "educationalLevel": vocabulary.LEVELS[module.level],
        "learningResourceType": "Training",
        "timeRequired": f"PT{module.duration}M",
        "teaches": [objective.text for objective in module.objectives],
        "audience": [{"@type": "Audience", "audienceType": vocabulary.AUDIENCES[audience]}
                     for audience in module.audience],
        "coursePrerequisites": [content.module(prerequisite).title for prerequisite in module.prerequisites],
        "version": module.version,
        "dateModified": module.last_reviewed.isoformat(),
        "license": vocabulary.LICENSE_URLS[module.license],
        "provider": {"@type": "Organization", "name": site_name, "url": site_url},
        "hasCourseInstance": [course_instance(session, content, site_url)
                              for session in content.upcoming(module=module.id)[:UPCOMING_LISTED]],
    }


def agenda(content: Content, site_url: str) -> dict[str, Any]:
    """The training days the agenda page itself lists; the month pages hold the rest."""
    return {"@context": CONTEXT,
            "@graph": [course_instance(session, content, site_url) for session in first_page(content.upcoming())]}


def catalogue_list(content: Content, site_url: str) -> dict[str, Any]:
    """The modules in the order the catalogue shows them."""
    modules = [module for group in build_catalogue(list(content.modules)) for module in group.modules]
    return {
        "@context": CONTEXT,
        "@type": "ItemList",
        "name": "Trainingen van Project Z",
        "numberOfItems": len(modules),
        "itemListElement": [{"@type": "ListItem", "position": position, "name": module.title,
                             "url": f"{site_url}{urls.MODULES.url(module.id)}"}
                            for position, module in enumerate(modules, start=1)],
    }


def municipality_organization(municipality: Municipality, content: Content, site_url: str) -> dict[str, Any]:
    province = content.geography.province(municipality.province_code)
    return {
        "@context": CONTEXT,
        **government_organization(municipality),
        "identifier": [
            {"@type": "PropertyValue", "propertyID": "TOOI", "value": tooi_identifier(municipality.code)},
            {"@type": "PropertyValue", "propertyID": "CBS-gemeentecode", "value": municipality.code},
        ],
        "areaServed": {"@type": "AdministrativeArea", "name": municipality.name,
                       "containedInPlace": {"@type": "AdministrativeArea", "name": province.name}},
        "mainEntityOfPage": f"{site_url}{urls.MUNICIPALITIES.url(municipality.name)}",
    }


def trainer_person(trainer: Trainer, content: Content, site_url: str) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@type": "Person",
        "@id": f"{site_url}{urls.TRAINERS.url(trainer.id)}#trainer",
        "name": trainer.name,
        "jobTitle": trainer.role,
        "worksFor": government_organization(content.geography.municipality(trainer.municipality)),
        "knowsAbout": list(trainer.expertise),
        "knowsLanguage": list(trainer.languages),
        "email": trainer.contact,
        "mainEntityOfPage": f"{site_url}{urls.TRAINERS.url(trainer.id)}",
    }


def structured_data(content: Content, site_url: str, site_name: str) -> dict[str, Callable[[], dict[str, Any]]]:
    """For each page that has JSON-LD, by source file, how to make it (only pages being built ask)."""
    found: dict[str, Callable[[], dict[str, Any]]] = {
        CATALOGUE_PAGE: lambda: catalogue_list(content, site_url),
        AGENDA_PAGE: lambda: agenda(content, site_url),
    }
    for module in content.modules:
        if module.status != "draft":
            # A folder module's page is modules/<id>/index.md, beside its files.
            found[module.page_src] = lambda module=module: course(module, content, site_url, site_name)
    for municipality in content.geography.municipalities:
        found[urls.MUNICIPALITIES.src(municipality.name)] = (
            lambda municipality=municipality: municipality_organization(municipality, content, site_url))
    # content.trainers holds only the trainers who consented: no one else gets a page or a Person.
    for trainer in content.trainers:
        found[urls.TRAINERS.src(trainer.id)] = lambda trainer=trainer: trainer_person(trainer, content, site_url)
    return found
