"""What every published data file shares: its licence, media types and how JSON is written."""

import json
from typing import Any

# The site's content licence (mkdocs.yml's copyright), as the IRI catalogues recognise.
DATA_LICENSE = "http://creativecommons.org/licenses/by/4.0/"

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSVW = "application/csvm+json"
JSON = "application/json"
ATOM = "application/atom+xml"
ICALENDAR = "text/calendar"


def json_bytes(data: Any) -> bytes:
    """UTF-8 JSON on one line (without indent json uses its fast C encoder), with a final newline;
    keys keep the order the code gives them."""
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")
