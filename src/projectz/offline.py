"""The offline edition: the whole site in one zip that works from file://, search included.

Material's offline plugin makes the search index load without a server and runs the search
worker through a shim. Two things are left to us. The shim would come from a CDN, and the site
makes no third-party requests, so a pinned copy from node_modules is used. And file:// cannot
open a folder: Material's plugin answers that by switching to file-name URLs, but the links our
templates write are relative to folder URLs, so the edition keeps folder URLs and every link to
a folder gets 'index.html' appended instead, in the pages and in the search index alike.
"""

import json
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority

OFFLINE_PLUGIN = "material/offline"
# Browsers refuse Web Workers on file://; the shim runs Material's search worker in an iframe.
WORKER_SHIM = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
WORKER_SHIM_URL = "assets/javascripts/iframe-worker-shim.js"
ZIP_FOLDER = "projectz-offline"
# One fixed time for every entry, so the same site always gives the same zip.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# A relative address in a page: no scheme, not root-relative, not only an anchor.
_RELATIVE_ADDRESS = re.compile(r'(href|src)="(?![A-Za-z][A-Za-z0-9+.-]*:|/|#)([^"#?]*)([?#][^"]*)?"')


class _KeepFolderUrls(BasePlugin):
    """Runs after Material's offline plugin and undoes its switch to file-name URLs."""

    @event_priority(-100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.use_directory_urls = True
        return config


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
        config.plugins["projectz/keep-folder-urls"] = _KeepFolderUrls()
        config.extra["polyfills"] = [WORKER_SHIM_URL]
        build(config)
        shutil.copyfile(shim, site / WORKER_SHIM_URL)
        # Only a web server shows the error page, and its links are relative to the server's root.
        (site / "404.html").unlink(missing_ok=True)
        for page in site.rglob("*.html"):
            page.write_text(file_links(page.read_text(encoding="utf-8")), encoding="utf-8")
        _file_search_index(site / "search")
        write_zip(site, zip_path)


def file_link(address: str) -> str:
    """'../modules/webcare/#doel' → '../modules/webcare/index.html#doel'; other addresses unchanged."""
    path = re.split(r"[?#]", address, maxsplit=1)[0]
    rest = address[len(path):]
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/index.html"
    return f"{path}{rest}"


def file_links(html: str) -> str:
    """Every relative link to a folder in a page, pointed at the folder's index.html."""
    return _RELATIVE_ADDRESS.sub(
        lambda match: f'{match.group(1)}="{file_link(match.group(2) + (match.group(3) or ""))}"', html)


def _file_search_index(search: Path) -> None:
    """Search results link to index locations; the offline plugin's search_index.js is rewritten too."""
    index = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    for document in index["docs"]:
        document["location"] = file_link(document["location"])
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (search / "search_index.json").write_text(text, encoding="utf-8")
    (search / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def write_zip(site: Path, zip_path: Path) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path.relative_to(site).as_posix()}", date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, path.read_bytes())
