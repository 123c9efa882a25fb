"""Every open data file the site publishes beside its pages, by path."""

from projectz.content import Content
from projectz.opendata.api import api_files
from projectz.opendata.atom import atom_files
from projectz.opendata.tables import results_files
from projectz.sessions.pages import site_benchmark


def open_data_files(content: Content, *, site_url: str, site_name: str) -> dict[str, bytes]:
    """The results tables, the JSON API with its catalogue, and the Atom feeds."""
    return {
        **results_files(site_benchmark(content), site_url=site_url, built=content.build_date),
        **api_files(content, site_url=site_url, site_name=site_name),
        **atom_files(content, site_url),
    }
