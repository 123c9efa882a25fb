"""The fixed vocabularies of the content model, each value with the Dutch label readers see.

Order matters: it is the order in which the site lists topics, levels and formats.
"""

from projectz.core import dutch

TOPICS = {
    "webcare": "Webcare",
    "e-participatie": "E-participatie",
    "dienstverlening": "Dienstverlening verbeteren",
    "sociale-media-bestuur": "Sociale media voor raads- en collegeleden",
    "politieke-sensitiviteit": "Politieke sensitiviteit",
    "communicatieprofessional": "De nieuwe communicatieprofessional",
    "crisiscommunicatie": "Crisiscommunicatie en monitoring",
    "online-haat": "Online haat, bedreiging en moderatie",
    "desinformatie": "Desinformatie en AI",
    "helder-schrijven": "Helder schrijven",
    "trainen": "Zelf trainen",
}

AUDIENCES = {
    "communicatie": "Communicatieadviseurs",
    "webcare": "Webcaremedewerkers en webredacteuren",
    "klantcontact": "Medewerkers klantcontact",
    "bestuur": "Raads- en collegeleden",
    "griffie": "Griffie en bestuursondersteuning",
    "beleid": "Beleidsmedewerkers",
    "management": "Leidinggevenden",
    "crisisteam": "Crisisteam en openbare orde en veiligheid",
    "trainer": "Trainers van de deelnemende gemeenten",
}

LEVELS = {
    "basis": "Basis",
    "gevorderd": "Gevorderd",
    "expert": "Expert",
}

FORMATS = {
    "groep": "Groepssessie",
    "in-huis": "In huis",
    "op-afstand": "Op afstand",
}

STATUSES = {
    "draft": "Concept",
    "published": "Gepubliceerd",
    "archived": "Gearchiveerd",
}

LICENSES = {
    "CC-BY-4.0": "Creative Commons Naamsvermelding 4.0",
    "CC-BY-SA-4.0": "Creative Commons Naamsvermelding-GelijkDelen 4.0",
    "CC0-1.0": "Creative Commons Zero 1.0 (publiek domein)",
}

LICENSE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/deed.nl",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}


# The circles of the flexible pool, in the order a municipality turns to them.
CIRCLES = {
    "netwerk": "Netwerk van 100.000+-gemeenten",
    "intern": "Interne vrijwilligers (zoals Ambtenaar 2.0)",
    "extern": "Externe deskundigen",
}

FEES = {
    "gratis": "Kosteloos",
    "gereduceerd": "Gereduceerd tarief",
}

SUPPORT_LEVELS = {
    "acuut": "Acute hulp bij een dreiging",
    "proces": "Procesbegeleiding bij de invoering",
    "nazorg-in-huis": "Nazorg in huis",
    "nazorg-op-afstand": "Nazorg op afstand",
}

LANGUAGES = {
    "nl": "Nederlands",
    "fy": "Fries",
    "en": "Engels",
    "de": "Duits",
    "pap": "Papiamentu",
}

WEBCARE_KINDS = {
    "samen": "Samen monitoren",
    "uitbesteed": "Uitbesteed aan een grote buurgemeente",
}

# A municipality's part in a partnership, as the webcare map shows it.
WEBCARE_ROLES = {
    "samen": "Monitort samen met buurgemeenten",
    "uitbesteed": "Heeft webcare uitbesteed",
    "uitvoerder": "Doet webcare voor buurgemeenten",
}

WEBCARE_SCOPES = {
    "monitoren": "Monitoren van sociale media",
    "beantwoorden": "Vragen en reacties beantwoorden",
    "avond-weekend": "Bereikbaar in avond en weekend",
    "crisis": "Opschalen bij incidenten en crises",
    "rapportage": "Maandelijkse signalenrapportage",
}

# Keyed by CoverageLevel values: how a province's number of participating hubs reads.
COVERAGE = {
    "twee": "Twee of meer deelnemende gemeenten",
    "een": "Eén deelnemende gemeente",
    "geen": "Geen deelnemende gemeente",
}


def duration_label(minutes: int) -> str:
    """'90 minuten', '3 uur', '3,5 uur': how Dutch readers write a training length."""
    if minutes < 60:
        return f"{minutes} minuten"
    return f"{dutch.decimal(minutes / 60).removesuffix(',0')} uur"


# What became of a training session: planned first, then held or cancelled.
SESSION_STATUSES = {
    "planned": "Gepland",
    "held": "Gehouden",
    "cancelled": "Afgelast",
}
