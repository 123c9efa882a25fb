"""Dutch formatting of dates and numbers, the same on every machine (no locale lookups)."""

import datetime

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def long_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def number(value: int) -> str:
    """12345 → '12.345': Dutch digit grouping."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, places: int = 1) -> str:
    """23.45 → '23,5': Dutch decimal comma."""
    return f"{value:.{places}f}".replace(".", ",")


def count(amount: int, singular: str, plural: str) -> str:
    """'1 module', '7 modules'."""
    return f"{amount} {singular if amount == 1 else plural}"


SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def month_year(day: datetime.date) -> str:
    """'juni 2025': a month as a heading or table cell names it."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def short_month(day: datetime.date) -> str:
    """'mrt': the abbreviation Dutch readers expect under a narrow chart column."""
    return SHORT_MONTHS[day.month - 1]


def clock(moment: datetime.time) -> str:
    """13:30 → '13.30': how Dutch texts write a time of day."""
    return f"{moment.hour}.{moment.minute:02d}"


def file_size(size: int) -> str:
    """'180 kB', '1,2 MB': how a link tells what a download weighs (kB and MB in thousands)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{decimal(size / 1_000_000)} MB"
