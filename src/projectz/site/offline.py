"""The offline edition: the whole site in one zip that works from file://, search included.

Material's offline plugin does the work: file-name URLs instead of folders (file:// cannot open a
folder), a search index that loads without a server, and the search worker run through a shim.
Our generated links follow each page's own URL style (projectz.core.urls.PageLinks), so they need no
rewriting. What is left to us: the shim would come from a CDN, and the site makes no third-party
requests, so a pinned copy from node_modules is used.
"""

import shutil
import stat
import tempfile
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

OFFLINE_PLUGIN = "material/offline"
# Browsers refuse Web Workers on file://; the shim runs Material's search worker in an iframe.
WORKER_SHIM = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
WORKER_SHIM_URL = "assets/javascripts/iframe-worker-shim.js"
ZIP_FOLDER = "projectz-offline"
# One fixed time for every entry, so the same site always gives the same zip.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Readable by everyone, writable by the owner: what a published file needs.
PUBLISHED_FILE_MODE = 0o644

def offline_edition_path(config: MkDocsConfig) -> str | None:
    """Where in the site the zip goes, if this site publishes an offline edition."""
    if OFFLINE_PLUGIN not in config.plugins:
        return None
    return config.extra.get("offline_edition")


def build_offline_zip(config_file: Path, zip_path: Path) -> None:
    """Build the site strictly with the offline plugin switched on, and zip it."""
    shim = config_file.parent / WORKER_SHIM
    if not shim.is_file():
        raise Abort(f"{WORKER_SHIM} ontbreekt: voer eerst 'npm ci' uit (de scripts in scripts/ doen dat zelf).")
    with tempfile.TemporaryDirectory() as out:
        site = Path(out)
        config = load_config(str(config_file), site_dir=out, strict=True)
        config.plugins[OFFLINE_PLUGIN].config.enabled = True
        config.extra["polyfills"] = [WORKER_SHIM_URL]
        build(config)
        shutil.copyfile(shim, site / WORKER_SHIM_URL)
        # Only a web server shows the error page, and its links are relative to the server's root.
        (site / "404.html").unlink(missing_ok=True)
        write_zip(site, zip_path)


def write_zip(site: Path, zip_path: Path) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path.relative_to(site).as_posix()}", date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            # zipfile's default is owner-only (0600): unzipped on a shared or web server, nobody else could read it.
            entry.external_attr = (stat.S_IFREG | PUBLISHED_FILE_MODE) << 16
            archive.writestr(entry, path.read_bytes())
