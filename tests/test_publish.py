"""Publishing for real: addresses from configuration, robots.txt, security.txt, the 404 page and
redirects from old addresses (CBS codes, former module ids)."""

import datetime
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import BUILD_DATE, REAL_CONTENT, ROOT, content_repo, mkdocs_env, module_text, page_at, parse
from projectz.content import ContentPaths, check_content
from projectz.core import urls
from projectz.publish.addresses import is_placeholder, placeholder_problems
from projectz.publish.security import SECURITY_FILE, check_security
from projectz.site.build import build_site

REAL_ADDRESS = "https://training.voorbeeldgemeente.nl/"
REAL_REPOSITORY = "https://code.voorbeeldgemeente.nl/projectz/site"


# --- Addresses ---------------------------------------------------------------

def test_site_and_repository_addresses_come_from_the_environment(monkeypatch):
    local = load_config(str(ROOT / "mkdocs.yml"))
    assert (local.site_url, local.repo_url) == ("https://projectz.example/", "https://git.projectz.example/projectz/site")
    monkeypatch.setenv("PROJECTZ_SITE_URL", REAL_ADDRESS)
    monkeypatch.setenv("PROJECTZ_REPO_URL", REAL_REPOSITORY)
    deployed = load_config(str(ROOT / "mkdocs.yml"))
    assert (deployed.site_url, deployed.repo_url) == (REAL_ADDRESS, REAL_REPOSITORY)


@pytest.mark.parametrize("address, placeholder", [
    ("https://projectz.example/", True),
    ("https://git.projectz.example/projectz/site", True),
    ("mailto:beveiliging@projectz.example", True),
    ("http://www.example.org/", True),
    ("", True),
    (REAL_ADDRESS, False),
    ("mailto:beveiliging@voorbeeldgemeente.nl", False),
    ("https://example.nl/", False),  # a real domain that merely starts with "example"
])
def test_example_addresses_are_recognised(address: str, placeholder: bool):
    assert is_placeholder(address) is placeholder


def test_placeholder_problems_name_the_setting_and_the_variable():
    assert placeholder_problems(REAL_ADDRESS, "https://git.projectz.example/projectz/site") == [
        "repo_url: 'https://git.projectz.example/projectz/site' is geen echt adres; "
        "zet PROJECTZ_REPO_URL op het adres van de repository"]
    assert placeholder_problems(REAL_ADDRESS, REAL_REPOSITORY) == []


# --- security.txt data ---------------------------------------------------------

def write_security(root: Path, text: str) -> None:
    (root / SECURITY_FILE).write_text(text, encoding="utf-8")


def test_real_security_txt_stays_valid_a_month_after_the_build_date():
    """Fails a month before the file goes stale: renew `expires` in data/security.yaml."""
    build_date = datetime.date.fromisoformat(BUILD_DATE)
    assert REAL_CONTENT.security.expires - build_date >= datetime.timedelta(days=30)
    assert REAL_CONTENT.security.example, "the example record is marked until real values exist"


CONTACT_HINT = "verwacht een mailto:-adres van een functionele mailbox of een https://-adres"


@pytest.mark.parametrize("contact, expected", [
    ("mailto:beveiliging@voorbeeldgemeente.nl", None),
    ("https://www.voorbeeldgemeente.nl/kwetsbaarheid-melden", None),
    ("beveiliging@voorbeeldgemeente.nl",
     f"data/security.yaml:1: contact: 'beveiliging@voorbeeldgemeente.nl' is geen geldige waarde: {CONTACT_HINT}"),
    ("http://www.voorbeeldgemeente.nl/melden",
     f"data/security.yaml:1: contact: 'http://www.voorbeeldgemeente.nl/melden' is geen geldige waarde: {CONTACT_HINT}"),
])
def test_security_contact_is_a_mailbox_or_an_https_address(tmp_path: Path, contact: str, expected: str | None):
    (tmp_path / "data").mkdir()
    write_security(tmp_path, f"contact: {contact}\nexpires: 2027-11-01\nexample: false\n")
    security, issues = check_security(tmp_path, datetime.date(2026, 11, 27))
    assert [str(issue) for issue in issues] == ([expected] if expected else [])
    assert (security is None) == bool(expected)


def test_security_txt_close_to_expiry_warns_and_every_problem_is_reported(tmp_path: Path):
    (tmp_path / "data").mkdir()
    write_security(tmp_path, "contact: mailto:beveiliging@voorbeeldgemeente.nl\nexpires: 2026-12-20\nexample: false\n")
    _, issues = check_security(tmp_path, datetime.date(2026, 11, 27))
    assert [str(issue) for issue in issues] == [
        "data/security.yaml:2: expires: waarschuwing: security.txt verloopt op 2026-12-20; "
        "zet een nieuwe datum, hoogstens een jaar vooruit"]
    write_security(tmp_path, "contact: mailto:x@voorbeeldgemeente.nl\nexpires: 2026-02-30\nteam: ik\n")
    _, issues = check_security(tmp_path, datetime.date(2026, 11, 27))
    assert [issue.field for issue in issues] == ["team", "expires", "example"]


# --- former_ids ------------------------------------------------------------------

def renamed(module_id: str, *former_ids: str) -> str:
    return module_text(module_id).replace("status:", f"former_ids: [{', '.join(former_ids)}]\nstatus:")


def module_problems(root: Path, files: dict[str, str]) -> list[str]:
    content_repo(root)
    for name, text in files.items():
        (root / "curriculum" / name).write_text(text, encoding="utf-8")
    _, issues = check_content(ContentPaths.under(root))
    return [str(issue) for issue in issues]


def test_a_former_id_may_not_be_a_current_id_or_claimed_twice(tmp_path: Path):
    found = module_problems(tmp_path, {
        "a.md": renamed("a", "oud"),
        "b.md": renamed("b", "a"),
        "c.md": renamed("c", "oud", "c"),
    })
    assert found == [
        "curriculum/b.md:18: former_ids[1]: 'a' is de id van een bestaande module; "
        "een oude id mag niet opnieuw gebruikt worden",
        "curriculum/c.md:18: former_ids[1]: 'oud' staat ook bij former_ids van curriculum/a.md:18",
        "curriculum/c.md:18: former_ids[2]: 'c' is de id van een bestaande module; "
        "een oude id mag niet opnieuw gebruikt worden",
    ]


def test_former_ids_are_optional_and_checked_like_ids(tmp_path: Path):
    assert module_problems(tmp_path, {"a.md": renamed("a", "Oude_Naam")}) == [
        "curriculum/a.md:18: former_ids[1]: 'Oude_Naam' is geen geldige waarde: "
        "verwacht kleine letters, cijfers en koppeltekens"]
    assert all(module.former_ids == () for module in REAL_CONTENT.modules)


# --- The real site -----------------------------------------------------------------

def test_robots_txt_points_to_the_sitemap(built_site: Path):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://projectz.example/sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots


def test_security_txt_has_the_fields_rfc_9116_asks_for(built_site: Path):
    lines = (built_site / ".well-known" / "security.txt").read_text(encoding="utf-8").splitlines()
    fields = dict(line.split(": ", 1) for line in lines if not line.startswith("#"))
    assert fields == {
        "Contact": "mailto:beveiliging@projectz.example",
        "Expires": f"{REAL_CONTENT.security.expires.isoformat()}T00:00:00Z",
        "Preferred-Languages": "nl, en",
        "Canonical": "https://projectz.example/.well-known/security.txt",
    }
    assert lines[0].startswith("# Voorbeeldgegevens"), "an example record says so"


def test_404_page_is_dutch_and_offers_a_way_on(built_site: Path):
    page = parse(built_site / "404.html")
    assert page.xpath("//html/@lang") == ["nl"]
    assert page.cssselect("article h1")[0].text_content() == "Pagina niet gevonden"
    assert "404 - Not found" not in page.text_content()
    links = {a.text_content(): a.get("href") for a in page.cssselect("article a")}
    assert {name: links.get(name) for name in ("Trainingen (catalogus)", "Agenda", "Hulp aanvragen")} == {
        "Trainingen (catalogus)": "/catalogus/", "Agenda": "/agenda/", "Hulp aanvragen": "/hulp/"}
    assert page.cssselect("input.md-search__input"), "the search is on the page"


def test_every_municipality_page_shows_its_cbs_code_and_the_code_address_leads_there(built_site: Path):
    municipalities = REAL_CONTENT.geography.municipalities
    for municipality in municipalities:
        code_line = parse(page_at(built_site, urls.MUNICIPALITIES.url(municipality.name))).cssselect(".pz-code")[0]
        assert municipality.code in code_line.text_content()
    groningen = parse(page_at(built_site, "gemeenten/gm0014/"))
    assert groningen.xpath("//html/@lang") == ["nl"]
    assert groningen.xpath("//meta[@http-equiv='refresh']/@content") == ["0; url=../groningen/"]
    assert [(a.text_content(), a.get("href")) for a in groningen.cssselect("a")] == [
        ("Ga naar de nieuwe pagina", "../groningen/")]
    redirects = [path for path in (built_site / "gemeenten").glob("gm[0-9]*/index.html")]
    assert len(redirects) == len(municipalities)
    assert max(path.stat().st_size for path in redirects) < 1024, "redirect pages stay tiny"


# --- A deployed site: a fixture with real addresses, built as production -------------------

@pytest.fixture(scope="module")
def deployed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content with one module renamed, built for a real address with --production."""
    root = content_repo(tmp_path_factory.mktemp("deployed"))
    for name in ("trainers.yaml", "webcare.yaml", "sessions.yaml"):
        shutil.copy(ROOT / "data" / name, root / "data" / name)
    shutil.copytree(ROOT / "curriculum", root / "curriculum", dirs_exist_ok=True)
    webcare = root / "curriculum" / "webcare" / "index.md"
    front_matter_change = ("\nstatus:", "\nformer_ids: [webcare-basis]\nstatus:", 1)
    webcare.write_text(webcare.read_text(encoding="utf-8").replace(*front_matter_change), encoding="utf-8")
    write_security(root, "contact: mailto:beveiliging@voorbeeldgemeente.nl\nexpires: 2027-11-01\nexample: false\n")
    # Module texts link to the site's own pages, such as Hulp aanvragen.
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: Test\nsite_url: {REAL_ADDRESS}\nrepo_url: {REAL_REPOSITORY}\nedit_uri: edit/main/\n"
        "theme:\n  name: material\n  language: nl\n  font: false\n  features: [content.action.edit]\n"
        f"plugins:\n  - projectz:\n      build_date: {BUILD_DATE}\n  - search\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, toc]\nnav:\n  - index.md\n",
        encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site", production=True)
    return root / "site"


def test_every_published_address_follows_the_configured_site_url(deployed_site: Path):
    everything = "\n".join(path.read_text(encoding="utf-8", errors="replace")
                           for path in deployed_site.rglob("*") if path.suffix in {".html", ".xml", ".ics", ".json"})
    # Registry mailboxes may still be examples; no address of the site or its repository may be.
    assert not re.findall(r"(?:https?|webcal)://[\w.-]*projectz\.example[^\s\"<]*", everything)
    sitemap = (deployed_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{REAL_ADDRESS}modules/webcare/</loc>" in sitemap
    module = parse(page_at(deployed_site, "modules/webcare/"))
    assert module.xpath("//link[@rel='canonical']/@href") == [f"{REAL_ADDRESS}modules/webcare/"]
    assert module.xpath("//a[contains(@class, 'md-content__button')]/@href") == [
        f"{REAL_REPOSITORY}/edit/main/curriculum/webcare/index.md"]
    schema = json.loads((deployed_site / "schemas" / "module.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == f"{REAL_ADDRESS}schemas/module.schema.json"
    feed = (deployed_site / "agenda" / "projectz.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert f"URL:{REAL_ADDRESS}modules/webcare/" in feed
    municipality = parse(page_at(deployed_site, "gemeenten/groningen/"))
    assert "webcal://training.voorbeeldgemeente.nl/agenda/provincie-groningen.ics" in municipality.xpath("//a/@href")
    assert f"{REAL_ADDRESS}gemeenten/gm0014/" in municipality.cssselect(".pz-code")[0].text_content()
    assert f"Sitemap: {REAL_ADDRESS}sitemap.xml" in (deployed_site / "robots.txt").read_text(encoding="utf-8")
    security = (deployed_site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert security.startswith("Contact: mailto:beveiliging@voorbeeldgemeente.nl\n")
    assert f"Canonical: {REAL_ADDRESS}.well-known/security.txt" in security


def test_a_renamed_module_keeps_its_old_addresses(deployed_site: Path):
    for section in ("modules", "dias"):
        old = parse(page_at(deployed_site, f"{section}/webcare-basis/"))
        assert old.xpath("//meta[@http-equiv='refresh']/@content") == ["0; url=../webcare/"]
    assert not (deployed_site / "modules" / "webcare-basis" / "assets").exists()


def test_production_build_refuses_example_addresses_and_keeps_the_old_site(mini_site: Path, caplog):
    out = mini_site / "site"
    config = mini_site / "mkdocs.yml"
    config.write_text(f"site_url: https://projectz.example/\nrepo_url: {REAL_REPOSITORY}\n"
                      + config.read_text(encoding="utf-8"), encoding="utf-8")
    build_site(config, out)  # negative control: without --production the example address builds
    before = sorted(path.relative_to(out) for path in out.rglob("*"))
    with pytest.raises(Abort):
        build_site(config, out, production=True)
    assert sorted(path.relative_to(out) for path in out.rglob("*")) == before
    assert ("Een productiebuild publiceert geen voorbeeldadressen:\n"
            "site_url: 'https://projectz.example/' is geen echt adres; zet PROJECTZ_SITE_URL op het openbare adres "
            "van de site\n"
            "data/security.yaml: example: security.txt bevat voorbeeldgegevens; vul een echt meldadres in en haal "
            "'example: true' weg") in caplog.text
    assert (out / "robots.txt").read_text(encoding="utf-8").endswith("Sitemap: https://projectz.example/sitemap.xml\n")


def test_production_flag_reaches_the_build_from_the_command_line(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "projectz.tools.cli", "--root", str(ROOT), "build", "--production",
                             "--site-dir", str(tmp_path / "site")],
                            cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "site_url: 'https://projectz.example/' is geen echt adres" in result.stderr
    assert result.stdout.strip() == "De build is gestopt; de vorige versie van de site is ongewijzigd gebleven."
    assert not (tmp_path / "site").exists()
