"""A strict MkDocs build that replaces the published folder only when it succeeded."""

import logging
import shutil
import uuid
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from projectz.site.offline import build_offline_zip, offline_edition_path

# How a build says it stopped (content errors, strict warnings): callers outside site/ catch this
# name and need not know which site generator ran.
BuildStopped = Abort

PROJECT_PLUGIN = "projectz"


def build_site(config_file: Path, site_dir: Path, *, production: bool = False) -> int:
    """Build into a staging folder beside site_dir, then swap; return the number of HTML pages.

    On any failure (content errors, strict warnings, example addresses in a production build)
    the exception propagates and site_dir is left exactly as it was.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = site_dir.with_name(f".{site_dir.name}.build-{uuid.uuid4().hex}")
    # Not mkdtemp: its folder is private (0700) and, swapped in, would keep a web server running as
    # another user out of the whole site. mkdir follows the umask, like every folder MkDocs makes.
    staging.mkdir()
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        config.plugins[PROJECT_PLUGIN].config.production = production
        build(config)
        edition = offline_edition_path(config)
        if edition:
            build_offline_zip(config_file, staging / edition)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sum(1 for _ in site_dir.rglob("*.html"))


def _swap(new: Path, current: Path) -> None:
    retired = current.with_name(f".{current.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if current.exists():
        current.rename(retired)
    new.rename(current)
    shutil.rmtree(retired, ignore_errors=True)


def quiet_logging() -> None:
    """Show MkDocs' warnings and errors, not its progress chatter."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
