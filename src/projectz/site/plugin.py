"""MkDocs glue: validate content before anything is written, then add the generated pages.

Only wiring lives here; loading, checking and rendering are plain functions elsewhere.
"""

import datetime
import json
import logging
from pathlib import Path

import mkdocs_redirects.plugin
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from projectz.content import Content, ContentPaths, load_content
from projectz.core import urls
from projectz.core.issues import ContentError
from projectz.core.templating import render
from projectz.curriculum.modules import MODULE_SCHEMA
from projectz.curriculum.pages import former_id_redirects, generated_pages
from projectz.geography.pages import code_redirects, region_pages
from projectz.people.pages import trainer_pages
from projectz.publish import addresses, security
from projectz.sessions.pages import feed_downloads, results_downloads, site_benchmark
from projectz.site.offline import OFFLINE_PLUGIN

# Content warnings go to a logger of our own: MkDocs' strict mode counts every warning on its
# own loggers as fatal, and a warning must inform the author without stopping the site.
content_log = logging.getLogger("projectz")

MODULE_SCHEMA_URI = "schemas/module.schema.json"
REDIRECTS_PLUGIN = "redirects"


class ProjectZConfig(base.Config):
    content_root = c.Type(str, default=".")
    # The day the agenda and the results are built for (YYYY-MM-DD); empty means today.
    # YAML reads an unquoted date as a date, a quoted one or an empty variable as text.
    build_date = c.Type((str, datetime.date), default="")
    # Set by `scripts/build --production`: refuse to publish example addresses.
    production = c.Type(bool, default=False)


class ProjectZPlugin(BasePlugin[ProjectZConfig]):
    content: Content

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent / self.config.content_root
        build_date = _build_date(self.config.build_date)
        try:
            self.content = load_content(ContentPaths.under(root.resolve()), build_date)
        except ContentError as error:
            raise PluginError(f"De inhoud bevat fouten:\n{error}") from None
        for warning in self.content.warnings:
            content_log.warning(str(warning))
        if self.config.production:
            _refuse_placeholders(config, self.content)
        _add_redirects(config, self.content)
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
        downloads = [*feed_downloads(self.content, config.site_url or ""),
                     *results_downloads(site_benchmark(self.content))]
        for download in downloads:
            files.append(File.generated(config, download.src_uri, content=download.content))
        schema = MODULE_SCHEMA.json_schema(f"{config.site_url or ''}{MODULE_SCHEMA_URI}")
        schema_text = json.dumps(schema, ensure_ascii=False, indent=2)
        files.append(File.generated(config, MODULE_SCHEMA_URI, content=schema_text))
        # Both name absolute addresses, so a site without a public address has neither.
        if config.site_url:
            files.append(File.generated(config, addresses.ROBOTS_FILE, content=addresses.robots_txt(config.site_url)))
            # MkDocs leaves out files in dot-folders unless told to publish them.
            files.append(File.generated(config, security.SECURITY_TXT, inclusion=InclusionLevel.INCLUDED,
                                        content=security.security_txt(self.content.security, config.site_url)))
        return files


def _refuse_placeholders(config: MkDocsConfig, content: Content) -> None:
    problems = [*addresses.placeholder_problems(config.site_url, config.repo_url),
                *security.production_problems(content.security)]
    if problems:
        raise PluginError("Een productiebuild publiceert geen voorbeeldadressen:\n" + "\n".join(problems))


def _add_redirects(config: MkDocsConfig, content: Content) -> None:
    """Old addresses (CBS codes, former module ids) to the current pages, for mkdocs-redirects to write.

    The offline edition gets none: nobody holds an old link into a zip.
    """
    plugin = config.plugins.get(REDIRECTS_PLUGIN)
    offline = config.plugins.get(OFFLINE_PLUGIN)
    if plugin is None or (offline is not None and offline.config.enabled):
        return
    # mkdocs-redirects takes no template of its own; its module-level page text is the one way to
    # make the page Dutch, and a test reads the written page to see that this still works.
    mkdocs_redirects.plugin.HTML_TEMPLATE = render("site/redirect.html.j2")
    plugin.config["redirect_maps"].update({**code_redirects(content), **former_id_redirects(content)})


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
