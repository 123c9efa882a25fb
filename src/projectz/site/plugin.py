"""MkDocs glue: validate content before anything is written, then add the generated pages.

Only wiring lives here; loading, checking and rendering are plain functions elsewhere.
"""

import datetime
import logging
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from projectz.content import Content, ContentPaths, check_content
from projectz.core import urls
from projectz.core.issues import ContentError, Issue
from projectz.curriculum.body import sanitize_author_part
from projectz.opendata.atom import FEEDS
from projectz.opendata.structured import script_json, structured_data
from projectz.publish import addresses, security
from projectz.site.csp import meta_policy
from projectz.site.generated import GeneratedFiles, PendingSizes, generated_files, link_problems
from projectz.site.maker import DownloadMaker, Job, MakerFailed, WriteOrder, own_files
from projectz.site.offline import OFFLINE_PLUGIN

# Content warnings go to a logger of our own: MkDocs' strict mode counts every warning on its
# own loggers as fatal, and a warning must inform the author without stopping the site.
content_log = logging.getLogger("projectz")


class ProjectZConfig(base.Config):
    content_root = c.Type(str, default=".")
    # The day the agenda and the results are built for (YYYY-MM-DD); empty means today.
    # YAML reads an unquoted date as a date, a quoted one or an empty variable as text.
    build_date = c.Type((str, datetime.date), default="")
    # Set by `scripts/build --production`: refuse to publish example addresses.
    production = c.Type(bool, default=False)


class _WrittenByPlugin(File):
    """A file the download maker writes into the site itself (site.maker): listed, so that links
    to it are checked, but not copied by MkDocs."""

    def copy_file(self, dirty: bool = False) -> None:
        """Written by the download maker instead."""


_PREVIOUS = ".projectz-previous-"


def _move_aside(site_dir: Path) -> Path | None:
    """Empties site_dir as MkDocs is about to, into a hidden folder the download maker deletes.

    MkDocs deletes a previous build file by file before it starts; with the site's 800 folders
    that took a tenth of the build or more, waiting on the disk. Moved into a hidden folder (one
    rename per entry), they are out of its way: MkDocs leaves hidden entries in the site alone.
    Such a folder left by an interrupted build goes along.
    """
    old = [entry for entry in site_dir.iterdir()
           if not entry.name.startswith(".") or entry.name.startswith(_PREVIOUS)] if site_dir.is_dir() else []
    if not old:
        return None
    previous = site_dir / f"{_PREVIOUS}{uuid.uuid4().hex}"
    previous.mkdir()
    for entry in old:
        try:
            entry.rename(previous / entry.name)
        except OSError:  # a mount point, say: MkDocs empties it as it always did
            continue
    return previous


class ProjectZPlugin(BasePlugin[ProjectZConfig]):
    content: Content
    generated: GeneratedFiles
    # The JSON-LD of each page that has some, by source file; set in on_files.
    structured_data: dict[str, Callable[[], dict[str, Any]]]
    # Checks the module texts, makes the downloads and writes the plugin's own files (site.maker).
    download_maker: DownloadMaker | None = None
    # The kit pages show the sizes of files the download maker makes: filled in from on_env on.
    kit_sizes: PendingSizes
    kit_file_sizes: dict[str, int]
    # Set by `mkdocs build --dirty` and `mkdocs serve --dirty`: MkDocs then keeps the previous build.
    dirty: bool = False
    # The previous build, moved aside in on_pre_build for the download maker to delete.
    previous: Path | None = None
    write_order: WriteOrder

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.previous = None
        root = Path(config.config_file_path).parent / self.config.content_root
        build_date = _build_date(self.config.build_date) or datetime.date.today()
        paths = ContentPaths.under(root.resolve())
        # Making the feeds, the open data, the schema and the kit's PowerPoint and Word files took a
        # fifth of the build, and they depend on the content alone: another core makes them while
        # this one checks the content and renders the pages. It loads the content itself, so it
        # starts first; on content errors on_build_error stops it.
        self.download_maker = DownloadMaker(Job(paths, build_date, config.site_url or "", config.site_name))
        self.kit_sizes = PendingSizes()
        # Holding the module texts to the HTML policy and the readability goals took a twentieth
        # of the build: the other process checks everything, this one all but those, and on_env
        # reads what the other found before a page is written.
        content, issues = check_content(paths, build_date, check_text=False)
        if content is not None:
            self.content = content
            self.generated = generated_files(content, root.resolve(), config.site_url or "", config.site_name,
                                             _edit_base(config), self.kit_sizes)
            issues += link_problems(content, Path(config.docs_dir), self.generated)
        if _errors(issues):
            # Every error in one round: the other process's too.
            raise _content_errors(_every_issue(self.download_maker, issues))
        if self.config.production:
            _refuse_placeholders(config, self.content)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.dirty:
            self.previous = _move_aside(Path(config.site_dir))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        edit_base = _edit_base(config)
        for file in files:
            # Hand-written pages live under docs/, so their edit links must say so.
            if edit_base and file.src_uri.endswith(".md"):
                file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
        for page in self.generated.pages:
            file = File.generated(config, page.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            if not config.use_directory_urls:
                # A page kept in a folder of its own, beside its attachments, is still <folder>.html,
                # where links between pages look for it.
                file.dest_uri = urls.page_file(urls.page_url(page.src_uri))
            # Links are relative to the page's own URL, known only once MkDocs has placed the file.
            file.content_string = page.markdown(urls.PageLinks(file.url, config.site_url or ""))
            file.edit_uri = page.source_path
            files.append(file)
        # The offline plugin has set the URL style by now.
        self.write_order = WriteOrder(Path(config.site_dir), file_names=not config.use_directory_urls,
                                      redirects=not _offline(config), previous=self.previous)
        for path in own_files(self.content, self.generated, self.write_order):
            files.append(_WrittenByPlugin.generated(config, path, content=b""))
        self.structured_data = structured_data(self.content, config.site_url or "", config.site_name)
        # Both name absolute addresses, so a site without a public address has neither.
        if config.site_url:
            files.append(File.generated(config, addresses.ROBOTS_FILE, content=addresses.robots_txt(config.site_url)))
            # MkDocs leaves out files in dot-folders unless told to publish them.
            files.append(File.generated(config, security.SECURITY_TXT, inclusion=InclusionLevel.INCLUDED,
                                        content=security.security_txt(self.content.security, config.site_url)))
        return files

    def on_page_context(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        # overrides/partials/open-metadata.html writes these into the page's head.
        make = self.structured_data.get(page.file.src_uri)
        context["structured_data"] = script_json(make()) if make else None
        context["atom_feeds"] = FEEDS
        # Before the search plugin reads the page (projectz comes first in mkdocs.yml).
        if page.content:
            page.content = self.kit_sizes.fill(page.content, self.kit_file_sizes)
        return context

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Defence in depth: validation already refuses what the sanitizer would remove.
        return sanitize_author_part(html)

    def on_build_error(self, *, error: Exception) -> None:
        # A failed build writes nothing more, and a maker left alone would wait for its order.
        if self.download_maker is not None:
            self.download_maker.stop()
        if self.previous is not None:
            shutil.rmtree(self.previous, ignore_errors=True)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.download_maker is not None
        try:
            self.download_maker.finish()
        except MakerFailed as error:
            raise PluginError(str(error)) from None

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Every page is read and none written yet: the maker's findings decide whether it writes.
        assert self.download_maker is not None
        try:
            issues = self.download_maker.issues()
            if _errors(issues):
                raise _content_errors(issues)
            for warning in issues:
                content_log.warning(str(warning))
            self.kit_file_sizes = self.download_maker.sizes()
            # It writes while MkDocs renders the pages, after this event.
            self.download_maker.write(self.write_order)
        except MakerFailed as error:
            raise PluginError(str(error)) from None
        # overrides/main.html puts each page's Content-Security-Policy in a <meta> tag.
        env.filters["content_security_policy"] = meta_policy
        return env


def _errors(issues: list[Issue]) -> list[Issue]:
    return [issue for issue in issues if not issue.warning]


def _content_errors(issues: list[Issue]) -> PluginError:
    return PluginError(f"De inhoud bevat fouten:\n{ContentError(_errors(issues))}")


def _every_issue(maker: DownloadMaker, found: list[Issue]) -> list[Issue]:
    """found and what the download maker found, which checked the module texts too; just found if
    the maker failed (and said why)."""
    try:
        return sorted({*found, *maker.issues()})
    except MakerFailed:
        return found


def _refuse_placeholders(config: MkDocsConfig, content: Content) -> None:
    problems = [*addresses.placeholder_problems(config.site_url, config.repo_url),
                *security.production_problems(content.security)]
    if problems:
        raise PluginError("Een productiebuild publiceert geen voorbeeldadressen:\n" + "\n".join(problems))


def _offline(config: MkDocsConfig) -> bool:
    offline = config.plugins.get(OFFLINE_PLUGIN)
    return offline is not None and offline.config.enabled


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
