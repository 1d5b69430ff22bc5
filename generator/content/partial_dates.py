"""Dates that may be known only to the year or the month: `2019`, `2024-08`, `2024-08-06`.

An explainer often knows only that something happened "in 2019" or "in August"; writing 2019-01-01
would print a day nobody reported. A `PartialDate` keeps exactly what was given, shows it as
"2019", "August 2024" or "6 August 2024", and is published as the ISO text it was written as.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_PARTS = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_HINT = "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019, 2024-08 or 2024-08-06"


@dataclass(frozen=True)
class PartialDate:
    """A year, a month of a year, or a day. Sorts before the full dates inside its span."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def is_full(self) -> bool:
        return self.day is not None

    def isoformat(self) -> str:
        """'2019', '2024-08' or '2024-08-06': also a valid HTML <time datetime> value."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    def long(self) -> str:
        """'2019', 'August 2024' or '6 August 2024'."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def as_date(self) -> dt.date | None:
        """The day, when the date is a full one."""
        return self.first_day() if self.is_full else None

    def sort_key(self) -> tuple[int, int, int]:
        """2024 < 2024-01 < 2024-01-01: a partial date comes first within its span."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key() >= other.sort_key()

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """From what YAML gives: an int (`2019`), a date, or text (`2024-08`). Raises ValueError."""
        if isinstance(value, PartialDate):
            return value
        if value is None:
            raise ValueError("is empty; give it a value")
        if isinstance(value, dt.datetime):
            raise ValueError(f"{value.isoformat()!r} has a time; {_HINT}")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(f"{value!r} is not a date; {_HINT}")
        return cls._from_text(value)

    @classmethod
    def _from_text(cls, value: int | str) -> PartialDate:
        """From a year YAML read as a number (`2019`) or from text (`2024-08`). Raises ValueError."""
        text = f"{value:04d}" if isinstance(value, int) and value >= 0 else str(value).strip()
        match = _PARTS.fullmatch(text)
        if not match:
            raise ValueError(f"{str(value)!r} is not a date; {_HINT}")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"{str(value)!r} is not a real date; {_HINT}") from None
        return cls(year, month, day)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.isoformat(), when_used="json-unless-none"))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        # YAML reads a bare year as a number, so the schema editors use accepts that too.
        return {"anyOf": [{"type": "string", "pattern": PARTIAL_DATE_PATTERN},
                          {"type": "integer", "minimum": 1, "maximum": 9999}],
                "description": "A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD."}
