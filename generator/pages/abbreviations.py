"""Short forms spelled out at their first mention on a page, as a news story does: "the Plankton, Aerosol, Cloud,
ocean Ecosystem (PACE) satellite", then "PACE".

    spelled_out("NASA launched its PACE satellite.", Abbreviation(short="PACE", full="Plankton, ..."), [])
    -> "NASA launched its Plankton, Aerosol, Cloud, ocean Ecosystem (PACE) satellite."

Only the site's own words are changed: a quotation is the speaker's, and is left as it is.
"""

from __future__ import annotations

import re

from ..content.schema import Abbreviation


def mentions(text: str, item: Abbreviation) -> bool:
    """Whether the text names the short form or the full name."""
    return bool(_short(item).search(text)) or item.full in text


def spelled_out(text: str, item: Abbreviation, skipped: list[tuple[int, int]]) -> str:
    """The text with its first mention of the short form outside `skipped` (its quotations) given as 'full
    (short)'; as it is where it spells the name out already, or names it only inside quotation marks."""
    if item.full in text:
        return text
    place = next((match for match in _short(item).finditer(text)
                  if not any(start <= match.start() < end for start, end in skipped)), None)
    if place is None:
        return text
    return f"{text[: place.start()]}{item.full} ({item.short}){text[place.end():]}"


def _short(item: Abbreviation) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w(]){re.escape(item.short)}(?![\w)])")
