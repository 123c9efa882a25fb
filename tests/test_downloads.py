"""Downloads are named before they are made: validation needs only the names, a build makes each once."""

import pytest

from conftest import REAL_CONTENT, ROOT
from projectz.content import ContentPaths
from projectz.core.pages import Download, made_together
from projectz.site.generated import PendingSizes, download_contents, generated_files


def test_files_made_together_are_made_once_and_only_when_asked_for():
    calls = []

    def make() -> dict[str, str]:
        calls.append(1)
        return {"a.txt": "A", "b.txt": "B"}

    downloads = made_together(("a.txt", "b.txt"), make)
    assert [download.src_uri for download in downloads] == ["a.txt", "b.txt"]
    assert calls == []
    assert [download.make() for download in downloads] == ["A", "B"]
    assert calls == [1]


def test_files_made_together_must_be_the_files_declared():
    (download,) = made_together(("a.txt",), lambda: {"a.txt": "A", "extra.txt": "?"})
    with pytest.raises(ValueError, match="extra.txt"):
        download.make()


def test_the_download_maker_makes_every_download_the_build_lists():
    """What the plugin's second process hands over: every listed download, the same bytes as made here."""
    listed = generated_files(REAL_CONTENT, ROOT, "https://projectz.example/", "Project Z", None).downloads
    made = download_contents(ContentPaths.under(ROOT), REAL_CONTENT.build_date, "https://projectz.example/",
                             "Project Z")
    assert made.keys() == {download.src_uri for download in listed}
    assert all(made[download.src_uri] == download.make() for download in listed)


def test_pending_sizes_become_the_sizes_of_the_files_once_made():
    """The build's main process shows kit file sizes before its second process has made the files."""
    sizes = PendingSizes()
    deck, sheet = Download("dias/m/m.pptx", lambda: b""), Download("modules/m/materialen/w.docx", lambda: b"")
    text = f"PowerPoint (pptx, {sizes(deck)}), Word (docx, {sizes(sheet)}), again {sizes(deck)}"
    assert "kB" not in text
    made = {deck.src_uri: 180_400, sheet.src_uri: 300}
    assert sizes.fill(text, made) == "PowerPoint (pptx, 180 kB), Word (docx, 1 kB), again 180 kB"
    assert sizes.fill("no sizes here", made) == "no sizes here"
