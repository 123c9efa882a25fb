"""The results benchmark as open data: two CSV files that Dutch Excel opens in columns, their W3C CSVW
description, and the same tables as one Excel workbook.

Whole-period rows and monthly rows are separate tables, never mixed. Column names and descriptions
are Dutch and live here, once, for the CSV headers, the CSVW metadata, the JSON and the workbook.

The CSV files are written for Dutch Excel opened by double-click: Excel splits a .csv on the
Windows list separator, which is ";" in Dutch settings, and reads a UTF-8 file as UTF-8 only when
it starts with a byte order mark. So: ";" between fields, a decimal comma (Excel would read "8.2"
as a date), UTF-8 with BOM, CRLF line ends and quoting as RFC 4180 has it. The CSVW metadata
says all of this to programs (delimiter, decimalChar), so they need not guess.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

from projectz.core import dutch, urls
from projectz.core.zipfiles import with_fixed_times
from projectz.opendata.media import DATA_LICENSE, json_bytes
from projectz.sessions.results import AREA_NOTE, NATIONAL, Benchmark, Figures

DELIMITER = ";"
BOM = "\ufeff"


@dataclass(frozen=True)
class Column:
    name: str  # the identifier programs use: CSVW name and JSON key
    title: str  # the Dutch header people read in the CSV and the workbook
    datatype: str  # CSVW base datatype: string, integer, decimal or gYearMonth
    description: str


AREA_COLUMNS = (
    Column("gebiedscode", "Gebiedscode", "string",
           f"{NATIONAL} voor heel Nederland, anders de CBS-code van de provincie (PV20 tot en met PV31)."),
    Column("gebied", "Gebied", "string", "Nederland of de naam van de provincie."),
    Column("niveau", "Niveau", "string", "land of provincie. " + AREA_NOTE),
)
PERIOD_COLUMN = Column("periode", "Periode", "string",
                       "De hele periode, van de maand van de eerste training tot en met de maand van de build, "
                       "als JJJJ-MM/JJJJ-MM.")
MONTH_COLUMN = Column("maand", "Maand", "gYearMonth", "De maand als JJJJ-MM.")

# One column per field of results.Figures, in its order.
FIGURE_COLUMNS = {
    "sessions_held": Column("trainingenGehouden", "Trainingen gehouden", "integer",
                            "Gehouden trainingen in de periode waarvan de gastgemeente of een uitgenodigde gemeente "
                            "in het gebied ligt."),
    "municipalities_reached": Column("gemeentenBereikt", "Gemeenten bereikt", "integer",
                                     "Verschillende gemeenten van het gebied waarvan deelnemers een gehouden "
                                     "training volgden."),
    "smaller_reached": Column("kleinereGemeentenBereikt", "Kleinere gemeenten bereikt", "integer",
                              "Daarvan de gemeenten met minder dan 100.000 inwoners."),
    "smaller_total": Column("kleinereGemeentenTotaal", "Kleinere gemeenten totaal", "integer",
                            "Alle gemeenten van het gebied met minder dan 100.000 inwoners."),
    "smaller_share_percent": Column("aandeelKleinereGemeentenProcent", "Aandeel kleinere gemeenten bereikt (%)",
                                    "decimal",
                                    "Kleinere gemeenten bereikt als percentage van kleinere gemeenten totaal, "
                                    "0,0 tot en met 100,0, half naar boven afgerond op één decimaal."),
    "trainer_days_given": Column("trainersdagenGegeven", "Trainersdagen gegeven", "integer",
                                 "Eén dag per trainer per gehouden training."),
    "trainer_days_pledged": Column("trainersdagenToegezegd", "Trainersdagen toegezegd", "integer",
                                   "Per maand de toegezegde trainersdagen van de deelnemende gemeenten van het "
                                   "gebied die toen al meededen (de maand van toetreden telt mee), opgeteld."),
    "average_score": Column("gemiddeldCijfer", "Gemiddeld cijfer", "decimal",
                            "Ongewogen gemiddelde van de evaluatiecijfers van de gehouden trainingen, 1,0 tot en "
                            "met 10,0, half naar boven afgerond op één decimaal; leeg als er geen training is "
                            "gehouden."),
}

Row = tuple[str | int | float | None, ...]


@dataclass(frozen=True)
class Table:
    path: str  # where the CSV file is published
    sheet: str  # its worksheet in the workbook
    title: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # the columns that identify a row
    rows: tuple[Row, ...]

    def records(self) -> list[dict[str, Any]]:
        """The rows as objects keyed by column name, as the JSON has them."""
        return [dict(zip((column.name for column in self.columns), row, strict=True)) for row in self.rows]


def results_tables(result: Benchmark) -> tuple[Table, Table]:
    """The whole-period table and the monthly table, each with the country first, then the provinces."""
    figure_columns = tuple(FIGURE_COLUMNS.values())
    whole = Table(
        path=urls.RESULTS_WHOLE_PERIOD_CSV, sheet="Hele periode", title="Resultaten over de hele periode",
        description=f"Eén rij per gebied over de periode {result.period}. {AREA_NOTE}",
        columns=(*AREA_COLUMNS, PERIOD_COLUMN, *figure_columns), key=("gebiedscode", "periode"),
        rows=tuple((*_area_cells(area.code, area.name), result.period, *_figure_cells(area.total))
                   for area in result.areas),
    )
    monthly = Table(
        path=urls.RESULTS_MONTHLY_CSV, sheet="Per maand", title="Resultaten per maand",
        description=f"Eén rij per gebied en maand, de oudste maand eerst. {AREA_NOTE}",
        columns=(*AREA_COLUMNS, MONTH_COLUMN, *figure_columns), key=("gebiedscode", "maand"),
        rows=tuple((*_area_cells(area.code, area.name), f"{month:%Y-%m}", *_figure_cells(figures))
                   for area in result.areas
                   for month, figures in zip(result.months, area.monthly, strict=True)),
    )
    return whole, monthly


def _area_cells(code: str, name: str) -> Row:
    return code, name, "land" if code == NATIONAL else "provincie"


def _figure_cells(figures: Figures) -> Row:
    return tuple(getattr(figures, field) for field in FIGURE_COLUMNS)


# --- CSV and CSVW ------------------------------------------------------------------------------

def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(column.title for column in table.columns)
    writer.writerows([_csv_cell(value) for value in row] for row in table.rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def _csv_cell(value: str | int | float | None) -> str:
    if value is None:
        return ""
    return dutch.decimal(value) if isinstance(value, float) else str(value)


def csvw_metadata(tables: tuple[Table, ...], *, site_url: str, modified: datetime.date) -> dict[str, Any]:
    """A CSVW table group (W3C Metadata Vocabulary for Tabular Data) describing the CSV files.

    Table URLs are relative to this file, which lies beside them, so the description holds wherever
    the site is served.
    """
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "nl"}],
        "@id": f"{site_url}{urls.RESULTS_CSVW}",
        "dc:title": "Resultaten van Project Z",
        "dc:description": f"Wat de trainingen van Project Z opleverden, per gebied. {AREA_NOTE}",
        "dc:license": {"@id": DATA_LICENSE},
        "dc:modified": {"@value": modified.isoformat(), "@type": "xsd:date"},
        "dialect": {"delimiter": DELIMITER, "encoding": "utf-8", "header": True, "lineTerminators": ["\r\n"]},
        "tables": [
            {
                "url": table.path.rsplit("/", 1)[-1],
                "dc:title": table.title,
                "dc:description": table.description,
                "tableSchema": {
                    "columns": [_csvw_column(column) for column in table.columns],
                    "primaryKey": list(table.key),
                },
            }
            for table in tables
        ],
    }


def _csvw_column(column: Column) -> dict[str, Any]:
    described: dict[str, Any] = {"name": column.name, "titles": column.title, "dc:description": column.description}
    if column.datatype == "decimal":
        described["datatype"] = {"base": "decimal", "format": {"decimalChar": ","}}
    else:
        described["datatype"] = column.datatype
    # Only the average score may be empty: there is none without a held training.
    described["required"] = column.name != FIGURE_COLUMNS["average_score"].name
    return described


def to_json(tables: tuple[Table, Table], result: Benchmark) -> dict[str, Any]:
    """The same two tables for programs, with the note on how the areas relate."""
    whole, monthly = tables
    return {"periode": result.period, "toelichting": AREA_NOTE,
            "helePeriode": whole.records(), "perMaand": monthly.records()}


# --- Workbook ----------------------------------------------------------------------------------

# Excel shows these formats with the reader's own decimal separator: a comma in Dutch Excel.
NUMBER_FORMATS = {"integer": "0", "decimal": "0.0"}


def to_xlsx(tables: tuple[Table, ...], *, built: datetime.date) -> bytes:
    """One sheet per table with typed cells, and a sheet that explains every column.

    The bytes depend only on the arguments: the document's dates and the zip entries' times are
    the build date, not the moment of writing.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        _table_sheet(workbook, table)
    _explanation_sheet(workbook, tables)
    moment = datetime.datetime.combine(built, datetime.time())
    workbook.properties.creator = "Project Z"
    workbook.properties.title = "Resultaten van Project Z"
    workbook.properties.created = workbook.properties.modified = moment
    buffer = io.BytesIO()
    # Not workbook.save(): that stamps the document as modified now, the writer it calls does not.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return with_fixed_times(buffer.getvalue(), moment)


def _table_sheet(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(table.sheet)
    sheet.append([column.title for column in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append(list(row))
    for index, column in enumerate(table.columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(12, min(len(column.title) + 2, 24))
        if number_format := NUMBER_FORMATS.get(column.datatype):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = sheet.dimensions


def _explanation_sheet(workbook: Workbook, tables: tuple[Table, ...]) -> None:
    sheet = workbook.create_sheet("Toelichting")
    sheet.append(["Kolom", "Naam voor programma's", "Soort", "Betekenis"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    seen: set[str] = set()
    for table in tables:
        for column in table.columns:
            if column.name not in seen:
                seen.add(column.name)
                sheet.append([column.title, column.name, DATATYPE_LABELS[column.datatype], column.description])
    sheet.append([])
    sheet.append(["Provincies en Nederland", None, None, AREA_NOTE])
    sheet.append(["Licentie", None, None, f"Creative Commons Naamsvermelding 4.0: {DATA_LICENSE}"])
    for width, letter in zip((38, 34, 18, 100), "ABCD", strict=True):
        sheet.column_dimensions[letter].width = width
    for (cell,) in sheet.iter_rows(min_col=4, max_col=4):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


DATATYPE_LABELS = {"string": "tekst", "integer": "geheel getal", "decimal": "getal met één decimaal",
                   "gYearMonth": "maand (JJJJ-MM)"}


def results_files(result: Benchmark, *, site_url: str, built: datetime.date) -> dict[str, bytes]:
    """Every results file the site publishes, by path."""
    tables = results_tables(result)
    return {
        **{table.path: to_csv(table) for table in tables},
        urls.RESULTS_CSVW: json_bytes(csvw_metadata(tables, site_url=site_url, modified=built)),
        urls.RESULTS_JSON: json_bytes(to_json(tables, result)),
        urls.RESULTS_XLSX: to_xlsx(tables, built=built),
    }
