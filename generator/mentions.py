"""How a page names the people in its story: in full at first mention, by their short name after.

    short_name(Entity(name="Ingrid van der Linde", ...))   -> "van der Linde"
    short_name(Entity(name="Conrad C. Lautenbacher, Jr."))  -> "Lautenbacher"
"""

from __future__ import annotations

import re

from .draft.names import NAME_PARTICLES
from .schema import Entity

# Words that open a surname and belong to it: "van der Linde", "Ní Fhlatharta", "Mac Giolla Rua", "St. Germain".
SURNAME_OPENERS = NAME_PARTICLES | {"ap", "ab", "ní", "nic", "mac", "ó", "uí", "st.", "st", "della", "dos", "das"}
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")


def short_name(person: Entity) -> str:
    """The name used after the first mention: the story's `short_name`, else a person's surname with the particles
    that open it, else (an organisation, or a person known by a description) the whole name."""
    if person.short_name:
        return person.short_name
    words = _SUFFIX.sub("", person.name).split()
    if person.kind != "person" or len(words) < 2 or not all(_is_name_word(word) for word in words):
        return person.name
    start = next((index for index, word in enumerate(words[1:-1], start=1) if word.lower() in SURNAME_OPENERS),
                 len(words) - 1)
    return " ".join(words[start:])


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in SURNAME_OPENERS
