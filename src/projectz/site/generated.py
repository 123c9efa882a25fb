"""Every file a build adds to the hand-written pages, listed once for the adapter and for validation."""

import datetime
import json
import re
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from projectz.content import Content, ContentPaths, load_content
from projectz.core import dutch
from projectz.core.issues import Issue
from projectz.core.pages import Download, GeneratedPage
from projectz.curriculum.kit import SizeLabel, kit_downloads, measured_size, module_kit
from projectz.curriculum.modules import MODULE_SCHEMA
from projectz.curriculum.pages import generated_pages, module_link_problems
from projectz.geography.pages import region_pages
from projectz.opendata.files import open_data_files
from projectz.people.pages import trainer_pages
from projectz.sessions.pages import agenda_pages, feed_downloads

MODULE_SCHEMA_URI = "schemas/module.schema.json"


@dataclass(frozen=True)
class Attachment:
    """A file beside a folder module's index.md, published next to the module page."""

    src_uri: str
    path: Path


@dataclass(frozen=True)
class GeneratedFiles:
    pages: list[GeneratedPage]
    downloads: list[Download]
    # The PowerPoint and Word files of each module's kit, whose sizes the kit pages show.
    kit_files: list[Download]
    attachments: list[Attachment]
    root: Path  # the content root they were made from

    def src_uris(self) -> frozenset[str]:
        return frozenset(item.src_uri for item in [*self.pages, *self.downloads, *self.kit_files, *self.attachments])


class PendingSizes:
    """Kit file sizes for a build whose second process makes the files: the pages carry a
    placeholder for each size, which fill() replaces once the files are made."""

    def __init__(self) -> None:
        # New on every run, like the author-text markers: no text holds it by chance. Letters and
        # digits only, so that Markdown passes it through unchanged.
        self._token = f"pzsize{secrets.token_hex(8)}n"
        self._placeholder = re.compile(rf"{self._token}(\d+)z")
        self._paths: dict[str, int] = {}  # each file's number in its placeholder

    def __call__(self, download: Download) -> str:
        number = self._paths.setdefault(download.src_uri, len(self._paths))
        return f"{self._token}{number}z"

    def fill(self, text: str, sizes: Mapping[str, int]) -> str:
        """text with every placeholder replaced by its file's size, given the sizes in bytes by path."""
        if self._token not in text:
            return text
        paths = list(self._paths)
        return self._placeholder.sub(lambda match: dutch.file_size(sizes[paths[int(match[1])]]), text)


def generated_files(content: Content, root: Path, site_url: str, site_name: str, edit_base: str | None,
                    size_label: SizeLabel = measured_size) -> GeneratedFiles:
    """size_label: how the kit pages show a kit file's size; by default they make the file to measure it."""
    pages = [*generated_pages(content, root, edit_base, size_label), *region_pages(content), *trainer_pages(content),
             *agenda_pages(content)]
    schema = Download(MODULE_SCHEMA_URI, lambda: json.dumps(MODULE_SCHEMA.json_schema(f"{site_url}{MODULE_SCHEMA_URI}"),
                                                            ensure_ascii=False, indent=2))
    downloads = [*feed_downloads(content, site_url), *open_data_files(content, site_url=site_url, site_name=site_name),
                 schema]
    kit_files = [download for module in content.published_modules
                 for download in kit_downloads(module_kit(module, root, size_label))]
    # Drafts have no page, so their attachments stay unpublished too.
    attachments = [Attachment(module.attachment_src(name), root / module.source_path.removesuffix("index.md") / name)
                   for module in content.modules if module.status != "draft" for name in module.attachments]
    return GeneratedFiles(pages, downloads, kit_files, attachments, root)


def made_files(generated: GeneratedFiles) -> Iterator[dict[str, bytes | str]]:
    """The kit's files, then every download, each by path: the build's second process makes them
    (site.maker) while the first renders the pages, and the kit pages need the kit's sizes first."""
    yield {download.src_uri: download.make() for download in generated.kit_files}
    yield {download.src_uri: download.make() for download in generated.downloads}


def download_contents(paths: ContentPaths, build_date: datetime.date, site_url: str,
                      site_name: str) -> dict[str, bytes | str]:
    """Every download's content by path, as the second process makes them after the kit's files."""
    generated = generated_files(load_content(paths, build_date), paths.root, site_url, site_name, None)
    _, downloads = made_files(generated)
    return downloads


def link_problems(content: Content, docs_dir: Path, generated: GeneratedFiles) -> list[Issue]:
    """Links in module texts that lead nowhere on the site being built."""
    hand_written = frozenset(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file())
    return module_link_problems(content, generated.root, hand_written | generated.src_uris())

