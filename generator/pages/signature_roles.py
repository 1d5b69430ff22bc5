"""A role as a news release's signature line writes it, in the words a news sentence uses.

    in_words("Director, Earth Science Division, Science Mission Directorate")
    -> "Director of the Earth Science Division in the Science Mission Directorate"
    in_words("Director, NASA’s Jet Propulsion Laboratory in Southern California")
    -> "Director of NASA’s Jet Propulsion Laboratory in Southern California"

A release names its officials by title, then unit, then the unit above it, each after a comma; set after a name in
a caption ("Karen St. Germain, the director, Earth Science Division, ...") that reads as a form, not a sentence. A
role of any other shape is left as the story gives it.
"""

from __future__ import annotations

import re

# The last word of a unit that takes "the": "the Earth Science Division", but "NASA Headquarters" as it is.
UNIT_NOUNS = {"division", "directorate", "department", "office", "bureau", "branch", "program", "programme",
              "center", "centre", "section", "service", "laboratory", "institute", "agency", "unit", "group",
              "team", "committee", "mission", "project", "administration", "council", "board", "school", "faculty",
              "college", "authority", "commission", "ministry", "secretariat", "command", "force", "fleet"}
PLACES = {"headquarters", "campus", "station", "base"}  # a unit that is a place: "at", not "of"
# "Director", "Deputy Program Scientist"; not "Researcher at Kessington University", whose place is said already.
_TITLE = re.compile(r"[A-Z][\w-]*(?: (?!(?:at|of|in|for|on|with|from|to)\b)[A-Za-z][\w-]*){0,4}")
_UNIT = re.compile(r"[A-Z][\w’'.&-]*(?: [\w’'.&-]+)*")  # "Earth Science Division", "NASA’s Jet Propulsion ..."


def in_words(role: str) -> str:
    """'Title of the Unit in the Unit above it' for a role written 'Title, Unit, Unit'; any other role as it is."""
    title, *units = [part.strip() for part in role.split(",")]
    if not units or not _TITLE.fullmatch(title) or not all(_UNIT.fullmatch(unit) for unit in units):
        return role
    first = units[0]
    joined = "at" if first.split()[-1].lower() in PLACES else "of"  # "at NASA Headquarters"
    return f"{title} {joined} {_with_article(first)}" + "".join(f" in {_with_article(unit)}" for unit in units[1:])


def _with_article(unit: str) -> str:
    """'the Earth Science Division'; a name that is not a unit's ('NASA Headquarters', 'NASA’s ...') as it is."""
    last = unit.split()[-1].lower()
    return f"the {unit}" if last in UNIT_NOUNS and not unit.startswith("The ") else unit
