"""The results as open data, on the hand-made benchmark of test_results: CSV files that Dutch Excel
opens in columns, their CSVW description, the workbook and the JSON."""

import csv
import datetime
import io
import json
import re
import zipfile

from openpyxl import load_workbook
from test_results import RESULT

from projectz.core import urls
from projectz.opendata.tables import csvw_metadata, results_files, results_tables, to_csv, to_xlsx
from projectz.sessions.results import AREA_NOTE

BUILT = datetime.date(2026, 11, 27)
WHOLE, MONTHLY = results_tables(RESULT)
FILES = results_files(RESULT, site_url="https://projectz.example/", built=BUILT)


def read_csv(data: bytes) -> list[list[str]]:
    """As a program that follows the CSVW dialect reads it."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_is_what_dutch_excel_opens_in_columns_by_double_click():
    data = to_csv(WHOLE)
    # The byte order mark makes Excel read UTF-8 ("Fryslân", not "FryslÃ¢n").
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    # Excel splits on the Windows list separator, ";" in Dutch settings; RFC 4180 ends lines with CRLF.
    lines = text.split("\r\n")
    assert lines[-1] == "" and all("\n" not in line for line in lines)
    assert {line.count(";") for line in lines[:-1]} == {len(WHOLE.columns) - 1}
    # Dutch Excel reads "8.2" as a date (8 February): decimals carry a comma.
    assert not re.search(r"(^|;)\d+\.\d+(;|$)", text, re.MULTILINE)
    assert "NL;Nederland;land;2026-01/2026-03;4;6;5;310;1,6;5;8;8,0" in lines


def test_whole_period_and_monthly_rows_are_in_separate_files_with_dutch_headers():
    whole, monthly = read_csv(FILES[urls.RESULTS_WHOLE_PERIOD_CSV]), read_csv(FILES[urls.RESULTS_MONTHLY_CSV])
    assert whole[0][:4] == ["Gebiedscode", "Gebied", "Niveau", "Periode"]
    assert monthly[0][:4] == ["Gebiedscode", "Gebied", "Niveau", "Maand"]
    assert whole[0][4:] == monthly[0][4:] and "Gemiddeld cijfer" in whole[0]
    assert [row[3] for row in whole[1:]] == ["2026-01/2026-03"] * 13
    assert {row[3] for row in monthly[1:]} == {"2026-01", "2026-02", "2026-03"} and len(monthly) == 1 + 13 * 3
    # Flevoland held nothing in January: no score, an empty field rather than 0.
    assert ["PV24", "Flevoland", "provincie", "2026-01", "0", "0", "0", "5", "0,0", "0", "0", ""] in monthly


def test_csvw_metadata_describes_every_column_and_every_cell_fits_it():
    metadata = json.loads(FILES[urls.RESULTS_CSVW])
    assert metadata["@context"][0] == "http://www.w3.org/ns/csvw"
    assert metadata["dialect"]["delimiter"] == ";" and metadata["dialect"]["encoding"] == "utf-8"
    assert AREA_NOTE in metadata["dc:description"]
    tables = {table["url"]: table for table in metadata["tables"]}
    assert set(tables) == {"resultaten-hele-periode.csv", "resultaten-per-maand.csv"}
    for name, table in tables.items():
        columns = table["tableSchema"]["columns"]
        rows = read_csv(FILES[f"resultaten/{name}"])
        assert [column["titles"] for column in columns] == rows[0]
        assert all(column["dc:description"] for column in columns)
        assert set(table["tableSchema"]["primaryKey"]) <= {column["name"] for column in columns}
        for row in rows[1:]:
            for column, cell in zip(columns, row, strict=True):
                assert fits(column, cell), (name, column["name"], cell)


def fits(column: dict, cell: str) -> bool:
    if cell == "":
        return not column["required"]
    datatype = column["datatype"]
    if datatype == "integer":
        return re.fullmatch(r"\d+", cell) is not None
    if datatype == "gYearMonth":
        return re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", cell) is not None
    if isinstance(datatype, dict):
        assert datatype == {"base": "decimal", "format": {"decimalChar": ","}}
        return re.fullmatch(r"\d+,\d", cell) is not None
    return datatype == "string"


def test_metadata_table_urls_are_beside_the_metadata_file():
    metadata = csvw_metadata(results_tables(RESULT), site_url="", modified=BUILT)
    folder = urls.RESULTS_CSVW.rsplit("/", 1)[0]
    assert {f"{folder}/{table['url']}" for table in metadata["tables"]} == {WHOLE.path, MONTHLY.path}


def test_workbook_has_typed_cells_dutch_headers_and_a_sheet_explaining_columns():
    workbook = load_workbook(io.BytesIO(FILES[urls.RESULTS_XLSX]))
    assert workbook.sheetnames == ["Hele periode", "Per maand", "Toelichting"]
    whole = list(workbook["Hele periode"].iter_rows(values_only=True))
    assert whole[0] == tuple(column.title for column in WHOLE.columns)
    assert whole[1] == ("NL", "Nederland", "land", "2026-01/2026-03", 4, 6, 5, 310, 1.6, 5, 8, 8.0)
    assert type(whole[1][4]) is int and type(whole[1][8]) is float
    monthly = list(workbook["Per maand"].iter_rows(values_only=True))
    assert len(monthly) == 1 + 13 * 3
    assert ("PV24", "Flevoland", "provincie", "2026-01", 0, 0, 0, 5, 0.0, 0, 0, None) in monthly
    assert workbook["Hele periode"]["L2"].number_format == "0.0"
    explained = {row[0]: row[3] for row in workbook["Toelichting"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert set(explained) >= {column.title for column in (*WHOLE.columns, *MONTHLY.columns)}
    assert AREA_NOTE in explained.values()


def test_workbook_bytes_depend_only_on_the_data_and_the_build_date():
    again = to_xlsx(results_tables(RESULT), built=BUILT)
    assert again == FILES[urls.RESULTS_XLSX]
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        assert {entry.date_time[:3] for entry in archive.infolist()} == {(2026, 11, 27)}
        # Created and modified: the build date, never the moment of writing.
        stamps = re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", archive.read("docProps/core.xml").decode())
        assert stamps == ["2026-11-27T00:00:00Z"] * 2
    assert to_xlsx(results_tables(RESULT), built=datetime.date(2026, 11, 28)) != again


def test_json_holds_both_tables_by_column_name_and_the_note():
    data = json.loads(FILES[urls.RESULTS_JSON])
    assert data["toelichting"] == AREA_NOTE and data["periode"] == "2026-01/2026-03"
    assert data["helePeriode"][0] == {
        "gebiedscode": "NL", "gebied": "Nederland", "niveau": "land", "periode": "2026-01/2026-03",
        "trainingenGehouden": 4, "gemeentenBereikt": 6, "kleinereGemeentenBereikt": 5, "kleinereGemeentenTotaal": 310,
        "aandeelKleinereGemeentenProcent": 1.6, "trainersdagenGegeven": 5, "trainersdagenToegezegd": 8,
        "gemiddeldCijfer": 8.0,
    }
    assert len(data["perMaand"]) == 13 * 3 and data["perMaand"][0]["maand"] == "2026-01"
