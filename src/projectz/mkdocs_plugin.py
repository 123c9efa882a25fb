"""MkDocs glue: validate content before anything is written, then add the generated pages.

Only wiring lives here; loading, checking and rendering are plain functions elsewhere.
"""

import json
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from projectz.content import Content, ContentPaths, load_content
from projectz.issues import ContentError
from projectz.modules import MODULE_SCHEMA
from projectz.pages import generated_pages
from projectz.region_pages import region_pages

log = get_plugin_logger(__name__)

MODULE_SCHEMA_URI = "schemas/module.schema.json"


class ProjectZConfig(base.Config):
    content_root = c.Type(str, default=".")


class ProjectZPlugin(BasePlugin[ProjectZConfig]):
    content: Content

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent / self.config.content_root
        try:
            self.content = load_content(ContentPaths.under(root.resolve()))
        except ContentError as error:
            raise PluginError(f"De inhoud bevat fouten:\n{error}") from None
        for warning in self.content.warnings:
            log.warning(str(warning))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        edit_base = _edit_base(config)
        for file in files:
            # Hand-written pages live under docs/, so their edit links must say so.
            if edit_base and file.src_uri.endswith(".md"):
                file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
        for page in [*generated_pages(self.content, edit_base), *region_pages(self.content)]:
            file = File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
            file.edit_uri = page.source_path
            files.append(file)
        schema = MODULE_SCHEMA.json_schema(f"{config.site_url or ''}{MODULE_SCHEMA_URI}")
        files.append(File.generated(config, MODULE_SCHEMA_URI, content=json.dumps(schema, ensure_ascii=False, indent=2)))
        return files


def _edit_base(config: MkDocsConfig) -> str | None:
    """repo_url + edit_uri, pointing at the repository root rather than at docs/."""
    if not config.repo_url or not config.edit_uri:
        return None
    return f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/"
