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
