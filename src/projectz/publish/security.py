"""/.well-known/security.txt (RFC 9116) from data/security.yaml: where to report a vulnerability.

Municipalities must publish one; keeping the values as data lets validation check them and a test
hold the expiry date far enough ahead.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from projectz.core.issues import Issue
from projectz.core.registry import read_document
from projectz.core.schema import EMAIL, EXAMPLE, Date, Field, Schema, Text

SECURITY_FILE = Path("data") / "security.yaml"
SECURITY_TXT = ".well-known/security.txt"
PREFERRED_LANGUAGES = "nl, en"
# Renewing takes a change and a deployment: warn a month before the file goes stale.
RENEW_WITHIN = datetime.timedelta(days=30)

CONTACT = Text(pattern=rf"mailto:{EMAIL.pattern}|https://[^\s]+",
               pattern_hint="een mailto:-adres van een functionele mailbox of een https://-adres")

SECURITY_SCHEMA = Schema(
    title="Project Z: security.txt",
    fields=(
        Field("contact", CONTACT, "Waar je een beveiligingsprobleem meldt: mailto: met een functionele mailbox, "
                                  "of een https://-formulier."),
        Field("expires", Date(), "Vanaf deze datum is security.txt verlopen; hoogstens een jaar vooruit."),
        EXAMPLE,
    ),
)


@dataclass(frozen=True)
class SecurityContact:
    contact: str
    expires: datetime.date
    example: bool


def check_security(root: Path, today: datetime.date) -> tuple[SecurityContact | None, list[Issue]]:
    """The security contact (None if anything is wrong) and every problem, including a near expiry."""
    document, issues = read_document(root / SECURITY_FILE, root)
    if document is None:
        return None, issues
    values, problems = SECURITY_SCHEMA.validate(document)
    issues += problems
    if values is None:
        return None, issues
    security = SecurityContact(**values)
    if security.expires - today < RENEW_WITHIN:
        issues.append(Issue(document.path, document.line("expires"), "expires",
                            f"security.txt verloopt op {security.expires.isoformat()}; "
                            "zet een nieuwe datum, hoogstens een jaar vooruit", warning=True))
    return security, issues


def security_txt(security: SecurityContact, site_url: str) -> str:
    """The file's fields; an example record says so in a comment, which RFC 9116 allows."""
    lines = ["# Voorbeeldgegevens: dit adres is nog niet in gebruik."] if security.example else []
    lines += [
        f"Contact: {security.contact}",
        f"Expires: {security.expires.isoformat()}T00:00:00Z",
        f"Preferred-Languages: {PREFERRED_LANGUAGES}",
        f"Canonical: {site_url.rstrip('/')}/{SECURITY_TXT}",
    ]
    return "\n".join(lines) + "\n"


def production_problems(security: SecurityContact) -> list[str]:
    """A production site must not send vulnerability reports to an example mailbox."""
    if not security.example:
        return []
    return [f"{SECURITY_FILE.as_posix()}: example: security.txt bevat voorbeeldgegevens; "
            "vul een echt meldadres in en haal 'example: true' weg"]
