"""Dates and times in words, in the story's house style (`meta.date_style`), the same on every page.

    DateWords("british").day(dt.date(2024, 2, 8))  -> "8 February 2024"
    DateWords("ap").day(dt.date(2024, 2, 8))       -> "Feb. 8, 2024"
    DateWords("ap").moment(datetime(2024, 2, 8, 1, 33, tzinfo=ZoneInfo("America/New_York")))
                                                   -> "Feb. 8, 2024, 1:33 a.m. EST"

A time is shown in the zone the story names (`meta.time_zone` for the explainer's own times, `article.time_zone`
for the byline's) by that zone's name on the day, GMT or BST; with no zone named, by its offset ("UTC+5"), as a
bare offset names no zone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from ..content.partial_dates import PartialDate
from ..content.schema import Story

# AP abbreviates these months before a day ("Feb. 8"), and spells out the rest and any month without a day.
_AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
_ZONE_ABBREVIATION = re.compile(r"[A-Z]{2,5}")  # "GMT", "CEST"; zoneinfo gives "+04" for zones without one


@dataclass(frozen=True)
class DateWords:
    style: str = "british"  # "british" or "ap"
    zone: str | None = None  # the explainer's own time zone, an IANA name

    @property
    def is_ap(self) -> bool:
        return self.style == "ap"

    def day(self, day: dt.date | PartialDate) -> str:
        """'8 February 2024' or 'Feb. 8, 2024'; 'February 2024' and '2024' for a month or a year."""
        date = day if isinstance(day, PartialDate) else PartialDate(day.year, day.month, day.day)
        if date.month is None:
            return str(date.year)
        month = calendar.month_name[date.month]
        if date.day is None:
            return f"{month} {date.year}"
        if self.is_ap:
            return f"{_AP_MONTHS.get(date.month, month)} {date.day}, {date.year}"
        return f"{date.day} {month} {date.year}"

    def days(self, first: dt.date, last: dt.date) -> str:
        """Two days of one month: '8–9 August 2024' or 'Aug. 8-9, 2024'."""
        if (first.year, first.month) != (last.year, last.month):
            return f"{self.day(first)} to {self.day(last)}"
        month = calendar.month_name[first.month]
        if self.is_ap:
            return f"{_AP_MONTHS.get(first.month, month)} {first.day}-{last.day}, {first.year}"
        return f"{first.day}–{last.day} {month} {first.year}"

    def time(self, moment: dt.datetime) -> str:
        """'15:27 GMT' or '3:27 p.m. EST' (AP: 'noon', '3 p.m.'), in the zone the moment is given in."""
        zone = zone_name(moment)
        if not self.is_ap:
            return f"{moment:%H:%M} {zone}"
        if (moment.hour, moment.minute) in ((12, 0), (0, 0)):
            return ("noon " if moment.hour else "midnight ") + zone
        hour = moment.hour % 12 or 12
        minutes = f":{moment.minute:02d}" if moment.minute else ""
        return f"{hour}{minutes} {'a.m.' if moment.hour < 12 else 'p.m.'} {zone}"

    def moment(self, moment: dt.datetime | dt.date, zone: str | None = None) -> str:
        """'29 October 2024, 03:27 PKT': the day and time in `zone` (else the explainer's, else as written)."""
        if not isinstance(moment, dt.datetime):
            return self.day(moment)
        local = in_zone(moment, zone or self.zone)
        return f"{self.day(local.date())}, {self.time(local)}"

    def with_utc(self, moment: dt.datetime | dt.date, zone: str | None = None) -> str:
        """A byline time as readers need it: local time and UTC, each once; a bare day as a day.

        29 October 2024, 03:27 PKT (28 October 2024, 22:27 UTC); 13 March 2025, 18:40 UTC; 13 March 2025.
        """
        if not isinstance(moment, dt.datetime):
            return self.day(moment)
        local = in_zone(moment, zone or self.zone)
        if not local.utcoffset():
            return self.moment(local)
        return f"{self.moment(local)} ({self.moment(moment.astimezone(dt.UTC))})"


BRITISH = DateWords()


def long_date(day: dt.date | PartialDate) -> str:
    """'8 February 2024': a day where no story's house style applies (a source's date, the desk's own pages)."""
    return DateWords().day(day)


def date_words(story: Story) -> DateWords:
    """The story's house style for dates, and its own time zone."""
    return DateWords(story.meta.date_style, story.meta.time_zone)


def in_zone(moment: dt.datetime, zone: str | None) -> dt.datetime:
    return moment.astimezone(zoneinfo.ZoneInfo(zone)) if zone else moment


def zone_name(moment: dt.datetime) -> str:
    """'BST', 'EST' where the moment's zone has a name; else 'UTC' or the offset as people write it, 'UTC+5'."""
    named = moment.tzname() if isinstance(moment.tzinfo, zoneinfo.ZoneInfo) else None
    if named and _ZONE_ABBREVIATION.fullmatch(named):
        return named
    offset = moment.utcoffset() or dt.timedelta(0)
    if not offset:
        return "UTC"
    # Split the offset's size, not the signed offset: divmod(-210, 60) is (-4, 30), which would read UTC-04:30.
    hours, minutes = divmod(abs(int(offset.total_seconds())) // 60, 60)
    # "UTC+5", "UTC-3:30": as people write an offset, not "UTC+05:00" as a machine does.
    return f"UTC{'+' if offset > dt.timedelta(0) else '-'}{hours}" + (f":{minutes:02d}" if minutes else "")
