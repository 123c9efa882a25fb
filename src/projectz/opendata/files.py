"""Every open data file the site publishes beside its pages."""

from projectz.content import Content
from projectz.core.pages import Download, made_together
from projectz.opendata.api import API_FILES, api_files
from projectz.opendata.atom import FEEDS, atom_files
from projectz.opendata.tables import RESULTS_FILES, results_files
from projectz.sessions.pages import site_benchmark


def open_data_files(content: Content, *, site_url: str, site_name: str) -> list[Download]:
    """The results tables, the JSON API with its catalogue, and the Atom feeds."""
    return [
        *made_together(RESULTS_FILES, lambda: results_files(site_benchmark(content), site_url=site_url,
                                                            built=content.build_date)),
        *made_together(API_FILES, lambda: api_files(content, site_url=site_url, site_name=site_name)),
        *made_together(tuple(FEEDS), lambda: atom_files(content, site_url)),
    ]
