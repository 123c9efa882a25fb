"""MkDocs glue: validate content before anything is written, then add the generated pages.

Only wiring lives here; loading, checking and rendering are plain functions elsewhere.
"""

import datetime
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from projectz.content import Content, ContentPaths, load_content
from projectz.core import urls
from projectz.core.issues import ContentError
from projectz.curriculum.modules import MODULE_SCHEMA
from projectz.curriculum.pages import generated_pages
from projectz.geography.pages import region_pages
from projectz.opendata.atom import FEEDS
from projectz.opendata.files import open_data_files
from projectz.opendata.structured import script_json, structured_data
from projectz.people.pages import trainer_pages
from projectz.sessions.pages import feed_downloads

# Content warnings go to a logger of our own: MkDocs' strict mode counts every warning on its
# own loggers as fatal, and a warning must inform the author without stopping the site.
content_log = logging.getLogger("projectz")

MODULE_SCHEMA_URI = "schemas/module.schema.json"


class ProjectZConfig(base.Config):
    content_root = c.Type(str, default=".")
    # The day the agenda and the results are built for (YYYY-MM-DD); empty means today.
    # YAML reads an unquoted date as a date, a quoted one or an empty variable as text.
    build_date = c.Type((str, datetime.date), default="")


class ProjectZPlugin(BasePlugin[ProjectZConfig]):
    content: Content
    # The JSON-LD of each page that has some, by source file; set in on_files.
    structured_data: dict[str, Callable[[], dict[str, Any]]]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent / self.config.content_root
        build_date = _build_date(self.config.build_date)
        try:
            self.content = load_content(ContentPaths.under(root.resolve()), build_date)
        except ContentError as error:
            raise PluginError(f"De inhoud bevat fouten:\n{error}") from None
        for warning in self.content.warnings:
            content_log.warning(str(warning))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        edit_base = _edit_base(config)
        for file in files:
            # Hand-written pages live under docs/, so their edit links must say so.
            if edit_base and file.src_uri.endswith(".md"):
                file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
        pages = [*generated_pages(self.content, edit_base), *region_pages(self.content), *trainer_pages(self.content)]
        for page in pages:
            file = File.generated(config, page.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            # Links are relative to the page's own URL, known only once MkDocs has placed the file.
            file.content_string = page.markdown(urls.PageLinks(file.url, config.site_url or ""))
            file.edit_uri = page.source_path
            files.append(file)
        for download in feed_downloads(self.content, config.site_url or ""):
            files.append(File.generated(config, download.src_uri, content=download.content))
        for path, data in open_data_files(self.content, site_url=config.site_url or "",
                                          site_name=config.site_name).items():
            files.append(File.generated(config, path, content=data))
        self.structured_data = structured_data(self.content, config.site_url or "", config.site_name)
        schema = MODULE_SCHEMA.json_schema(f"{config.site_url or ''}{MODULE_SCHEMA_URI}")
        schema_text = json.dumps(schema, ensure_ascii=False, indent=2)
        files.append(File.generated(config, MODULE_SCHEMA_URI, content=schema_text))
        return files

    def on_page_context(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        # overrides/partials/open-metadata.html writes these into the page's head.
        make = self.structured_data.get(page.file.src_uri)
        context["structured_data"] = script_json(make()) if make else None
        context["atom_feeds"] = FEEDS
        return context


def _edit_base(config: MkDocsConfig) -> str | None:
    """repo_url + edit_uri, pointing at the repository root rather than at docs/."""
    if not config.repo_url or not config.edit_uri:
        return None
    return f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/"


def _build_date(value: str | datetime.date) -> datetime.date | None:
    if isinstance(value, datetime.date) or not value:
        return value or None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"build_date '{value}' is geen datum als JJJJ-MM-DD") from None
