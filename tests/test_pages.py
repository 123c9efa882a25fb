"""Front matter of generated pages: whatever a title holds must come back the same from YAML."""

import pytest
import yaml
from markupsafe import escape

from projectz.core.pages import page_markdown


@pytest.mark.parametrize("title", [
    'Webcare: "toon" & <script>', "Súdwest-Fryslân 😀", "regel\u2028scheiding\u0085en\u2029meer",
    "DEL\x7f en C1\x9f", "niet\ufffe of\uffff", "tab\ten\nnieuwe regel",
])
def test_titles_survive_the_front_matter_unchanged(title: str):
    front_matter = page_markdown(title, f"Over {title}", "body", searchable=False).split("---\n")[1]
    assert yaml.safe_load(front_matter) == {
        "title": str(escape(title)), "description": str(escape(f"Over {title}")), "search": {"exclude": True}}
