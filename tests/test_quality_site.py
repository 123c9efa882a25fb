"""Quality gates over the whole built site and its offline edition: links, privacy, offline use."""

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
import pytest
import yaml
from lxml import html
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from playwright.sync_api import Request

from browser_support import WIDTHS, browser_context, open_search
from conftest import ROOT, is_redirect, parse, served_headers
from link_checker import broken_links
from projectz.core.schema import EMAIL
from projectz.site.build import build_site
from projectz.site.csp import inline_scripts, nginx_config, script_hash
from projectz.site.offline import ZIP_FOLDER, offline_edition_path

SITE_CONFIG = load_config(str(ROOT / "mkdocs.yml"))
OFFLINE_ZIP = offline_edition_path(SITE_CONFIG)
THEME_FILES = Path(material.__file__).parent / "templates"
TEXT_SUFFIXES = {".html", ".json", ".xml", ".js", ".css", ".svg", ".txt"}
# Signs of analytics or tracking code, by the names of the common services and browser APIs.
TRACKING_SIGNS = ["google-analytics", "googletagmanager", "gtag(", "_paq", "matomo", "plausible",
                  "hotjar", "clarity.ms", "fbq(", "sendBeacon"]


@pytest.fixture(scope="module")
def offline_edition(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline edition as a reader gets it: the zip linked from the site, unpacked."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return folder / ZIP_FOLDER


@pytest.fixture(scope="module", params=["site", "offline edition"])
def published(request: pytest.FixtureRequest, built_site: Path) -> Iterator[Path]:
    yield built_site if request.param == "site" else request.getfixturevalue("offline_edition")


def served_over_http(published: Path, built_site: Path) -> bool:
    return published == built_site


def text_files(site: Path) -> Iterator[Path]:
    return (path for path in sorted(site.rglob("*")) if path.suffix in TEXT_SUFFIXES)


# --- Links -----------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(published: Path, built_site: Path):
    problems = broken_links(published, folders_open_index=served_over_http(published, built_site))
    assert not problems, "\n".join(problems)


def test_link_checker_reports_missing_pages_and_anchors(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="https://example.org/x">ok</a>'
        '<a href="b/">gone</a><a href="a/#elsewhere">no anchor</a><a href="../up/">out</a>',
        encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html: b/: no such file",
        "index.html: a/#elsewhere: no element with id 'elsewhere'",
        "index.html: ../up/: leads out of the site",
    ]
    assert "index.html: a/: a folder, which file:// cannot open" in broken_links(tmp_path, folders_open_index=False)


# --- Privacy ---------------------------------------------------------------

def registry_mailboxes() -> set[str]:
    """Every e-mail address published on purpose: the values in the data/*.yaml registries."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and re.fullmatch(EMAIL.pattern or "", value.removeprefix("mailto:")):
            found.add(value.removeprefix("mailto:"))

    for registry in sorted((ROOT / "data").glob("*.yaml")):
        walk(yaml.safe_load(registry.read_text(encoding="utf-8")))
    return found


def is_theme_file(site: Path, path: Path) -> bool:
    """Copied unchanged from Material, such as its search libraries with their authors' notices."""
    shipped = THEME_FILES / path.relative_to(site)
    return shipped.is_file() and shipped.read_bytes() == path.read_bytes()


def test_no_email_address_but_the_registries_mailboxes(published: Path):
    allowed = registry_mailboxes()
    assert "toegankelijkheid@projectz.example" in allowed  # negative control: the scan sees the registries
    # The search index runs table cells together ("Alkmaar111.8341train-je-collega@..."), so a
    # published mailbox may be found with text glued to its front.
    unexpected = {
        f"{path.relative_to(published)}: {address}"
        for path in text_files(published) if not is_theme_file(published, path)
        for address in re.findall(EMAIL.pattern or "", path.read_text(encoding="utf-8", errors="replace"))
        if not any(address.endswith(mailbox) for mailbox in allowed)
    }
    assert not unexpected, "\n".join(sorted(unexpected))


def test_no_tracking_script_and_every_script_from_the_site(published: Path):
    problems = []
    for path in text_files(published):
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [f"{path.relative_to(published)}: {sign}" for sign in TRACKING_SIGNS if sign in text]
        if path.suffix == ".html":
            problems += [f"{path.relative_to(published)}: script from {src}"
                         for src in html.fromstring(text).xpath("//script/@src") if re.match(r"\w+:|//", src)]
    assert not problems, "\n".join(problems)


def site_privacy_settings() -> dict[str, object]:
    privacy = SITE_CONFIG.plugins["material/privacy"].config
    return {"assets_fetch": privacy.assets_fetch, "assets_exclude": list(privacy.assets_exclude)}


def test_site_configuration_never_fetches_external_assets():
    privacy = SITE_CONFIG.plugins["material/privacy"].config
    assert privacy.enabled and privacy.assets and not privacy.assets_fetch


def test_external_image_in_content_fails_the_build_naming_it(mini_site: Path, caplog):
    config = mini_site / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"].append({"privacy": site_privacy_settings()})
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    out = mini_site / "site"
    build_site(config, out)  # negative control: the same site without the image builds

    page = mini_site / "docs" / "index.md"
    page.write_text("# Start\n\n![Logo](https://cdn.example.org/logo.png)\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(config, out)
    assert "External file: https://cdn.example.org/logo.png" in caplog.text


# --- Offline edition -------------------------------------------------------

def test_offline_edition_works_from_file_urls_including_search(browser, offline_edition: Path):
    problems: list[str] = []

    def check_request(request: Request) -> None:
        if not request.url.startswith("file://"):
            problems.append(f"not from the zip: {request.url}")

    def check_failure(request: Request) -> None:
        # A missing file fails as ERR_FILE_NOT_FOUND; ERR_ABORTED is a load cut off by clicking on.
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"failed: {request.url} {request.failure}")

    with browser_context(browser, WIDTHS["desktop"]) as context:
        page = context.new_page()
        page.on("request", check_request)
        page.on("requestfailed", check_failure)
        page.goto((offline_edition / "index.html").as_uri(), wait_until="networkidle")
        page.click("a.md-nav__link[href='catalogus.html']")
        card = page.locator(".pz-card__title a").first
        title = card.text_content()
        card.click()
        assert re.search(r"/modules/[a-z0-9-]+\.html$", page.url)
        assert page.locator("h1").text_content() == title

        page.goto((offline_edition / "index.html").as_uri(), wait_until="networkidle")
        open_search(page, "webcare")
        page.locator(".md-search-result__item a").first.click()
        assert Path(unquote(urlsplit(page.url).path)).is_relative_to(offline_edition)
        assert "webcare" in page.locator("article").text_content().lower()
    assert problems == []


# --- Content-Security-Policy -------------------------------------------------

def meta_policy_of(page: html.HtmlElement) -> str:
    policies = page.xpath("//head/meta[@http-equiv='Content-Security-Policy']/@content")
    assert len(policies) == 1, "one policy per page"
    return policies[0]


def test_every_page_allows_exactly_its_own_inline_scripts_before_any_script_runs(built_site: Path):
    problems = []
    # Redirect pages (old addresses) hold no script and no theme; the server's header covers them.
    for path in sorted(path for path in built_site.rglob("*.html") if not is_redirect(path)):
        text = path.read_text(encoding="utf-8")
        page = html.fromstring(text)
        policy = meta_policy_of(page)
        allowed = set(re.findall(r"'sha256-[^']+'", policy))
        if allowed != {script_hash(script) for script in inline_scripts(text)}:
            problems.append(f"{path.relative_to(built_site)}: hashes do not match its inline scripts")
        first_script = text.find("<script")
        if first_script != -1 and text.find('http-equiv="Content-Security-Policy"') > first_script:
            problems.append(f"{path.relative_to(built_site)}: a script comes before the policy")
    assert len(problems) == 0, "\n".join(problems)


def test_server_sends_the_pages_policy_for_every_page_and_what_only_a_header_can_say(built_site: Path):
    headers = served_headers(nginx_config(built_site))
    assert headers.keys() == {"Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
                              "Referrer-Policy"}
    header = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in header and "unsafe-inline" not in header
    hash_free = re.compile(r" 'sha256-[^']+'")
    for path in [built_site / "index.html", built_site / "modules" / "webcare" / "index.html", built_site / "404.html"]:
        policy = meta_policy_of(parse(path))
        assert set(re.findall(r"'sha256-[^']+'", policy)) <= set(re.findall(r"'sha256-[^']+'", header))
        assert hash_free.sub("", header) == hash_free.sub("", policy) + "; frame-ancestors 'none'"

