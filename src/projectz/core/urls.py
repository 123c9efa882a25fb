"""Where each kind of page lives, and links between pages that work from any depth."""

import posixpath
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A folder with one generated page per key: its source is <folder>/<key>.md, its URL <folder>/<key>/.

    Sections keyed by a place's name write its slug; the others are keyed by an id already fit for a URL.
    """

    folder: str
    by_name: bool = False

    def src(self, key: str) -> str:
        return f"{self.folder}/{self._name(key)}.md"

    def url(self, key: str) -> str:
        return f"{self.folder}/{self._name(key)}/"

    def _name(self, key: str) -> str:
        return slug(key) if self.by_name else key


MODULES = Section("modules")
DECKS = Section("dias")
PROVINCES = Section("provincies", by_name=True)
MUNICIPALITIES = Section("gemeenten", by_name=True)
# The same pages by CBS code in lower case (gemeenten/gm0014/): an address that outlives a rename.
MUNICIPALITY_CODES = Section("gemeenten")
TRAINERS = Section("trainers")
# One page per learning path (leerpaden/<id>/), beside the overview docs/leerpaden.md.
LEARNING_PATHS = Section("leerpaden")
# The trainer's kit beside each module page: modules/<id>/draaiboek/ and so on.
DRAAIBOEK = "draaiboek"
HANDOUT = "hand-out"
EVALUATION = "evaluatie"
CERTIFICATE = "bewijs-van-deelname"


def module_part(module_id: str, part: str) -> str:
    """The URL of a page of a module's kit, such as 'modules/webcare/draaiboek/'."""
    return f"{MODULES.folder}/{module_id}/{part}/"


def module_part_src(module_id: str, part: str) -> str:
    return f"{MODULES.folder}/{module_id}/{part}.md"


def deck_pptx(module_id: str) -> str:
    """The module's slides as PowerPoint, beside the HTML deck."""
    return f"{DECKS.folder}/{module_id}/{module_id}.pptx"


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two directory-style site URLs ('' is the home page)."""
    path = relpath(to_url.rstrip("/"), from_url.rstrip("/"))
    return "./" if path == "." else f"{path}/"


def relpath(target: str, start: str) -> str:
    """posixpath.relpath for site paths, which are always relative to the site root.

    Thousands of links are made per build; this skips relpath's abspath and getcwd calls.
    """
    target_parts = [part for part in target.split("/") if part]
    start_parts = [part for part in start.split("/") if part]
    common = 0
    for target_part, start_part in zip(target_parts, start_parts, strict=False):
        if target_part != start_part:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


def slug(name: str) -> str:
    """'Fryslân' → 'fryslan', "'s-Hertogenbosch" → 's-hertogenbosch', 'Bergen (NH.)' → 'bergen-nh'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


# The hand-written agenda page (the upcoming sessions), the page listing every feed with how to
# subscribe, and a page per month (or part of a month) with all its sessions, past ones included.
AGENDA = "agenda/"
AGENDA_FEEDS = "agenda/abonneren/"
AGENDA_MONTHS = Section("agenda")
FEED_ALL = "agenda/projectz.ics"
# The results as open data: whole-period and monthly rows in separate files.
RESULTS_WHOLE_PERIOD_CSV = "resultaten/resultaten-hele-periode.csv"
RESULTS_MONTHLY_CSV = "resultaten/resultaten-per-maand.csv"
# The W3C CSVW name a processor looks for beside a CSV file.
RESULTS_CSVW = "resultaten/csv-metadata.json"
RESULTS_XLSX = "resultaten/resultaten.xlsx"
RESULTS_JSON = "resultaten/resultaten.json"
# The JSON API and the DCAT catalogue that describes every dataset.
API_CATALOGUE = "api/catalogus.jsonld"
API_MODULES = "api/modules.json"
API_SESSIONS = "api/trainingen.json"
API_MUNICIPALITIES = "api/gemeenten.json"
API_TRAINERS = "api/trainers.json"
API_PARTNERSHIPS = "api/webcare-samenwerkingen.json"
# Atom feeds, linked from every page's head. They lie in the site's root folder because Material
# fetches sitemap.xml beside every <link rel="alternate"> (meant for other languages of the site).
ATOM_MODULES = "nieuwe-modules.xml"
ATOM_SESSIONS = "komende-trainingen.xml"


def province_feed(province_name: str) -> str:
    return f"agenda/provincie-{slug(province_name)}.ics"


def module_feed(module_id: str) -> str:
    return f"agenda/module-{module_id}.ics"


def page_url(src_uri: str) -> str:
    """The directory-style URL of the page in a source file: 'a/b.md' and 'a/b/index.md' → 'a/b/'."""
    folder, name = posixpath.split(src_uri.removesuffix(".md"))
    path = folder if name == "index" else posixpath.join(folder, name)
    return f"{path}/" if path else ""


def page_file(url: str) -> str:
    """Where a directory-style URL's page lives when the site uses file names: 'a/b/' → 'a/b.html'."""
    return f"{url.rstrip('/')}.html" if url else "index.html"


class PageLinks:
    """Relative links from one page to every kind of page, for templates.

    `here` is the page's own URL as MkDocs gives it: 'modules/webcare/' on the website, or
    'modules/webcare.html' in the offline edition, whose links must name files to work from file://.
    `site_url` is the site's public address, when known ('' in a local build).
    """

    def __init__(self, here: str, site_url: str = ""):
        self.here = here
        self.file_names = here.endswith(".html")
        self.site_url = site_url

    def to(self, url: str) -> str:
        """A link to the page at a directory-style URL such as 'modules/webcare/'."""
        if not self.file_names:
            return relative(self.here, url)
        return relpath(page_file(url), posixpath.dirname(self.here))

    def file(self, path: str) -> str:
        """A link to a file such as 'agenda/projectz.ics'."""
        folder = posixpath.dirname(self.here) if self.file_names else self.here.rstrip("/")
        return relpath(path, folder)

    def absolute(self, url: str) -> str | None:
        """The public address of a page or file, when the site has one."""
        if "://" not in self.site_url:
            return None
        return f"{self.site_url.rstrip('/')}/{url}"

    def subscribe(self, feed: str) -> str | None:
        """The webcal: address of a calendar feed, which agenda apps open as a subscription.

        None where it can't work: without the site's public address, and in the offline edition.
        """
        if self.file_names or "://" not in self.site_url:
            return None
        return f"webcal://{self.site_url.split('://', 1)[1].rstrip('/')}/{feed}"

    def module(self, module_id: str) -> str:
        return self.to(MODULES.url(module_id))

    def deck(self, module_id: str) -> str:
        return self.to(DECKS.url(module_id))

    def module_part(self, module_id: str, part: str) -> str:
        return self.to(module_part(module_id, part))

    def province(self, province_name: str) -> str:
        return self.to(PROVINCES.url(province_name))

    def municipality(self, municipality_name: str) -> str:
        return self.to(MUNICIPALITIES.url(municipality_name))

    def trainer(self, trainer_id: str) -> str:
        return self.to(TRAINERS.url(trainer_id))
