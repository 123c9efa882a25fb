"""What an author writes in a module text or text field: checked by validate, with the line in the
author's own file, and never able to run in a visitor's browser."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

from conftest import ROOT, content_repo, mkdocs_env, module_text
from projectz.curriculum import body
from projectz.tools import cli

# module_text's body ends on line 42; text added after a blank line starts on line 44.
ADDED = 44
MODULE = "curriculum/a.md"


def with_body(text: str, module_id: str = "a") -> str:
    return module_text(module_id) + f"\n{text}\n"


def validate(root: Path, files: dict[str, str | bytes], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    if not (root / "curriculum").exists():
        content_repo(root)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    code = cli.main(["--root", str(root), "validate"])
    return code, capsys.readouterr().out.splitlines()


NOT_AN_ADDRESS = ("is niet toegestaan: gebruik een adres dat begint met https: of mailto:, of een pagina of bestand "
                  "van de site")
FOREIGN_IMAGE = ("staat op een andere website; de site haalt niets van andere websites op. Zet de afbeelding als "
                 "bijlage bij de module")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<script>alert(1)</script>", ["HTML-element <script> is niet toegestaan"], id="script"),
        pytest.param('<SCRIPT SRC="x.js"></SCRIPT>', ["HTML-element <script> is niet toegestaan"],
                     id="script-uppercase"),
        pytest.param('Een foto: <img src="foto.png" alt="" onerror="alert(1)">',
                     ["attribuut 'onerror' op <img> is niet toegestaan"], id="onerror"),
        pytest.param('<p onmouseover="alert(1)">Tekst</p>', ["attribuut 'onmouseover' op <p> is niet toegestaan"],
                     id="event-handler"),
        pytest.param('<p style="display:none">Tekst</p>', ["attribuut 'style' op <p> is niet toegestaan"],
                     id="style-attribute"),
        pytest.param("[Klik](javascript:alert(1))", [f"adres 'javascript:alert(1)' {NOT_AN_ADDRESS}"],
                     id="javascript-link"),
        pytest.param('<a href="JaVaScRiPt:alert(1)">Klik</a>', [f"adres 'JaVaScRiPt:alert(1)' {NOT_AN_ADDRESS}"],
                     id="javascript-mixed-case"),
        pytest.param("[Klik](&#106;avascript:alert(1))", [f"adres 'javascript:alert(1)' {NOT_AN_ADDRESS}"],
                     id="javascript-entity"),
        pytest.param('<a href="java&#x09;script:alert(1)">Klik</a>', [f"adres 'java script:alert(1)' {NOT_AN_ADDRESS}"],
                     id="javascript-tab"),
        pytest.param('<a href="data:text/html;base64,PHNjcmlwdD4=">Klik</a>',
                     [f"adres 'data:text/html;base64,PHNjcmlwdD4=' {NOT_AN_ADDRESS}"], id="data-link"),
        pytest.param("![Plaatje](data:image/png;base64,AAAA)", [f"adres 'data:image/png;base64,AAAA' {NOT_AN_ADDRESS}"],
                     id="data-image"),
        pytest.param("[Site](http://example.org/)", [f"adres 'http://example.org/' {NOT_AN_ADDRESS}"], id="http-link"),
        pytest.param('<iframe src="https://www.youtube.com/embed/x"></iframe>',
                     ["HTML-element <iframe> is niet toegestaan"], id="iframe"),
        pytest.param("<style>body { display: none }</style>", ["HTML-element <style> is niet toegestaan"], id="style"),
        pytest.param('<object data="x.swf"></object>', ["HTML-element <object> is niet toegestaan"], id="object"),
        pytest.param('<embed src="x.swf">', ["HTML-element <embed> is niet toegestaan"], id="embed"),
        pytest.param('<form action="https://example.org/"><button>Stuur</button></form>',
                     ["HTML-element <form> is niet toegestaan", "HTML-element <button> is niet toegestaan"], id="form"),
        pytest.param('<button formaction="javascript:alert(1)">Klik</button>',
                     ["HTML-element <button> is niet toegestaan"], id="formaction"),
        pytest.param("<svg><script>alert(1)</script></svg>",
                     ["HTML-element <svg> is niet toegestaan", "HTML-element <script> is niet toegestaan"],
                     id="svg-script"),
        pytest.param('<img src="foto.png" alt="" srcset="https://example.org/groot.png 2x">',
                     ["attribuut 'srcset' op <img> is niet toegestaan"], id="srcset"),
        pytest.param("*Let op*{: onclick=\"alert(1)\" }", ["attribuut 'onclick' op <em> is niet toegestaan"],
                     id="attribute-list"),
        pytest.param("![Logo](https://example.org/logo.png)",
                     [f"afbeelding 'https://example.org/logo.png' {FOREIGN_IMAGE}"],
                     id="external-image"),
        pytest.param('<img src="//example.org/logo.png" alt="Logo">',
                     [f"afbeelding '//example.org/logo.png' {FOREIGN_IMAGE}"],
                     id="external-image-without-scheme"),
        pytest.param("<div>\n\n## Meer\n\nDe rest.",
                     ["<div> wordt niet afgesloten met </div>; de rest van de pagina wordt dan als losse tekst "
                      "getoond"],
                     id="unclosed-div"),
        pytest.param("Een opmerking <!-- voor de trainer", ["<!-- wordt niet afgesloten met -->; de tekst daarna "
                                                            "verdwijnt dan van de pagina"], id="unclosed-comment"),
        pytest.param("Een <span>open element.", ["<span> wordt niet afgesloten met </span>; de rest van de pagina "
                                                 "wordt dan als losse tekst getoond"], id="unclosed-span"),
    ],
)
def test_body_html_outside_the_policy_is_an_error_on_its_line(tmp_path, capsys, text, expected):
    code, lines = validate(tmp_path, {MODULE: with_body(text)}, capsys)
    assert code == 1
    assert lines == [f"{MODULE}:{ADDED}: tekst: {message}" for message in sorted(expected)] + [
        f"{len(expected)} fout{'en' if len(expected) > 1 else ''} gevonden."]


def test_stray_end_tag_is_reported_on_its_own_line(tmp_path, capsys):
    code, lines = validate(tmp_path, {MODULE: with_body("<div>\nTekst\n</div>\n</div>")}, capsys)
    assert lines == [f"{MODULE}:{ADDED + 3}: tekst: </div> sluit niets af: er staat geen <div> voor, of de elementen "
                     "staan in de verkeerde volgorde", "1 fout gevonden."]


def test_problem_further_down_names_its_own_line(tmp_path, capsys):
    text = "## Opbouw\n\n1. Start\n2. Oefening\n\n!!! tip \"Tip\"\n    Kijk [hier](javascript:void(0)).\n"
    code, lines = validate(tmp_path, {MODULE: with_body(text)}, capsys)
    assert code == 1
    assert lines[0] == f"{MODULE}:{ADDED + 6}: tekst: adres 'javascript:void(0)' {NOT_AN_ADDRESS}"


def test_reference_link_is_reported_where_its_address_is(tmp_path, capsys):
    text = "Lees [de uitleg][uitleg].\n\nMeer tekst.\n\n[uitleg]: javascript:alert(1)"
    code, lines = validate(tmp_path, {MODULE: with_body(text)}, capsys)
    assert lines[0] == f"{MODULE}:{ADDED + 4}: tekst: adres 'javascript:alert(1)' {NOT_AN_ADDRESS}"


@pytest.mark.parametrize(("line", "field"), [(12, "objectives[1].text"), (15, "key_points[1].text"),
                                           (16, "key_points[1].notes")])
@pytest.mark.parametrize("value", ['"[Klik](javascript:alert(1))"', "\"*Let op*{: onclick='alert(1)' }\""])
def test_front_matter_text_is_plain_text(tmp_path, capsys, line, field, value):
    text = module_text("a").splitlines(keepends=True)
    name = field.rsplit(".", 1)[1]
    assert text[line - 1].startswith(f"    {name}: ")
    text[line - 1] = f"    {name}: {value}\n"
    code, lines = validate(tmp_path, {MODULE: "".join(text)}, capsys)
    assert code == 1
    assert lines == [f"{MODULE}:{line}: {field}: dit veld is gewone tekst: links en opmaak tussen {{ }} werken hier "
                     "niet; zet ze in de tekst van de module", "1 fout gevonden."]


def test_broken_internal_link_is_an_error(tmp_path, capsys):
    code, lines = validate(tmp_path, {MODULE: with_body("Zie [elders](bestaat-niet.md).")}, capsys)
    assert code == 1
    assert lines == [f"{MODULE}:{ADDED}: tekst: link 'bestaat-niet.md' gaat naar een pagina of bestand dat niet op "
                     "de site staat", "1 fout gevonden."]


def test_link_from_the_site_root_is_an_error(tmp_path, capsys):
    code, lines = validate(tmp_path, {MODULE: with_body("Zie [de catalogus](/catalogus/).")}, capsys)
    assert lines[0] == (f"{MODULE}:{ADDED}: tekst: link '/catalogus/' gaat niet naar een pagina van de site; schrijf "
                        "een link vanaf deze pagina, zoals ../catalogus.md")


def test_broken_anchors_are_errors_and_real_ones_pass(tmp_path, capsys):
    text = ("Zie [de kernpunten](#kernpunten), [waarom](#waarom-deze-module), [b](b.md#waarom-deze-module) en "
            "[de catalogus](../catalogus.md).\n\n"
            "Maar niet [dit](#bestaat-niet) of [dat](b.md#ook-niet).")
    files = {MODULE: with_body(text), "curriculum/b.md": module_text("b"), "docs/catalogus.md": "# Catalogus\n"}
    code, lines = validate(tmp_path, files, capsys)
    assert code == 1
    assert lines == [
        f"{MODULE}:{ADDED + 2}: tekst: link '#bestaat-niet': de pagina heeft geen kop of anker 'bestaat-niet'",
        f"{MODULE}:{ADDED + 2}: tekst: link 'b.md#ook-niet': de pagina heeft geen kop of anker 'ook-niet'",
        "2 fouten gevonden.",
    ]


def test_link_to_a_draft_is_broken(tmp_path, capsys):
    files = {MODULE: with_body("Zie [b](b.md)."), "curriculum/b.md": module_text("b", status="draft")}
    code, lines = validate(tmp_path, files, capsys)
    assert lines[0] == f"{MODULE}:{ADDED}: tekst: link 'b.md' gaat naar een pagina of bestand dat niet op de site staat"


def test_what_the_site_uses_passes(tmp_path, capsys):
    text = ("## Eigen kop {#eigen}\n\n!!! tip \"Tip\"\n    Doe dit.\n\n"
            "<details><summary>Meer</summary>\n<p>Uitleg bij <abbr title=\"Wet open overheid\">Woo</abbr>.</p>\n"
            "</details>\n\n<table><caption>Rooster</caption><tr><th scope=\"col\">Dag</th></tr>"
            "<tr><td>Maandag</td></tr></table>\n\n"
            "Mail [het kernteam](mailto:kernteam@projectz.example) of lees [de wet](https://wetten.overheid.nl/) "
            "en [de kop](#eigen).\n\n<!-- Een opmerking voor andere auteurs. -->\n\nSchrijf `<!--` in code.")
    code, lines = validate(tmp_path, {MODULE: with_body(text)}, capsys)
    assert code == 0, lines


def test_missing_attachment_is_an_error(tmp_path, capsys):
    code, lines = validate(tmp_path, {"curriculum/a/index.md": with_body("![Schema](schema.png)")}, capsys)
    assert code == 1
    assert lines == [f"curriculum/a/index.md:{ADDED}: tekst: bijlage 'schema.png' bestaat niet: zet het bestand naast "
                     "curriculum/a/index.md", "1 fout gevonden."]


def test_folder_module_links_to_other_pages_one_folder_higher(tmp_path, capsys):
    files = {"curriculum/a/index.md": with_body("Zie [b](../b.md), niet [b](b.md)."),
             "curriculum/b.md": module_text("b")}
    code, lines = validate(tmp_path, files, capsys)
    assert lines == [f"curriculum/a/index.md:{ADDED}: tekst: link 'b.md' gaat naar een pagina of bestand dat niet op "
                     "de site staat", "1 fout gevonden."]


def test_unreferenced_attachment_is_a_warning(tmp_path, capsys):
    files = {"curriculum/a/index.md": with_body("Het [werkblad](werkblad.pdf)."),
             "curriculum/a/werkblad.pdf": b"%PDF-1.4\n", "curriculum/a/oud.pdf": b"%PDF-1.4\n"}
    code, lines = validate(tmp_path, files, capsys)
    assert code == 0
    assert lines[0] == ("curriculum/a/oud.pdf:1: bijlage: waarschuwing: wordt nergens in de module gebruikt; verwijs "
                        "ernaar in de tekst of haal het bestand weg")
    assert lines[1].startswith("In orde: 1 module,")


@pytest.mark.parametrize("name", ["pagina.html", "logo.svg", "extra.md"])
def test_attachment_that_the_site_would_serve_as_a_page_is_an_error(tmp_path, capsys, name):
    files = {"curriculum/a/index.md": with_body(f"Zie [dit]({name})."), f"curriculum/a/{name}": "<script></script>"}
    code, lines = validate(tmp_path, files, capsys)
    assert code == 1
    suffix = name[name.index("."):]
    assert lines == [(f"curriculum/a/{name}:1: bijlage: een bijlage mag niet van het soort '{suffix}' zijn; "
                        "toegestaan zijn: .csv, .docx, .gif, .jpeg, .jpg, .odp, .ods, .odt, .pdf, .png, .pptx, .txt, "
                        ".webp, .xlsx, en .md in materialen/"), "1 fout gevonden."]


def test_the_command_itself_reports_a_body_problem(tmp_path):
    """The real command, as scripts/validate runs it: message, exit status, no traceback."""
    content_repo(tmp_path)
    (tmp_path / MODULE).write_text(with_body("<script>alert(1)</script>"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "projectz.tools.cli", "--root", str(tmp_path), "validate"],
                            capture_output=True, text=True, env=mkdocs_env())
    assert result.returncode == 1
    assert result.stdout == f"{MODULE}:{ADDED}: tekst: HTML-element <script> is niet toegestaan\n1 fout gevonden.\n"
    assert result.stderr == ""


def test_the_validation_renders_with_the_sites_own_markdown_extensions():
    class IgnoreTags(yaml.SafeLoader):
        pass

    IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    settings = {name: value for item in config["markdown_extensions"] if isinstance(item, dict)
                for name, value in item.items()}
    assert tuple(names) == body.MARKDOWN_EXTENSIONS
    assert settings == body.MARKDOWN_SETTINGS
    # MkDocs adds its own before the site's: a worksheet's table must be a table when validated too.
    assert MkDocsConfig.markdown_extensions.builtins == list(body.MKDOCS_BUILTIN_EXTENSIONS)
    assert "<table>" in body.render_body("| a | b |\n|---|---|\n| 1 | 2 |\n")


def test_the_page_shows_the_sanitized_author_part_only():
    """Defence in depth: whatever validation might miss, the sanitizer removes from the page."""
    page = (f'<div onclick="theme()">eigen</div>{body.BODY_START}<p>tekst<img src="x.png" alt="" onerror="alert(1)">'
            f"<script>alert(2)</script></p>{body.BODY_END}<script src=\"theme.js\"></script>")
    assert body.sanitize_author_part(page) == ('<div onclick="theme()">eigen</div><p>tekst<img src="x.png" alt=""></p>'
                                              '<script src="theme.js"></script>')
    # A marker an author copies from one build's page is useless in the next: the token is random.
    assert len(body.BODY_START) > len("<!-- pz-author-start  -->") + 8
