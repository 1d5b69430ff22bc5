"""Characters that text has no use for, and how to write any text where a parser must accept it.

Control characters and Unicode non-characters are invisible, break YAML front matter (MkDocs then drops
it without a word and shows it as page text) and can rewrite a terminal that prints them. Content is
refused when it holds one; messages that quote content show them as escapes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# C0 controls but tab and line feed, DEL, C1 controls, surrogates (a YAML "\ud800" escape makes one) and the
# 66 non-characters: U+FDD0..U+FDEF and the last two code points of every plane.
NON_CHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
FORBIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{NON_CHARACTERS}]")
# What a message may print as it is: no control, format-less terminal escapes or line breaks of any kind.
_UNPRINTABLE_IN_MESSAGE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{NON_CHARACTERS}]")


def character_name(character: str) -> str:
    """'U+007F DELETE', 'U+FFFE (a non-character)'."""
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    if name:
        return f"{code} {name}"
    kind = {"Cc": "a control character", "Cs": "a lone surrogate"}.get(unicodedata.category(character),
                                                                      "a non-character")
    return f"{code} ({kind})"


def forbidden_character(text: str) -> tuple[int, str] | None:
    """The offset and name of the first character text has no use for, or None."""
    match = FORBIDDEN.search(text)
    return (match.start(), character_name(match.group())) if match else None


def for_message(text: str) -> str:
    """Content quoted in a message, with every control character shown as an escape such as \\x1b."""
    return _UNPRINTABLE_IN_MESSAGE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def strings_in(data: object, loc: tuple = ()) -> Iterator[tuple[tuple, str, bool]]:
    """Every string in plain data (dicts, lists, scalars), with its path and whether it is a field name."""
    if isinstance(data, str):
        yield loc, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield loc + (key,), key, True
            yield from strings_in(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_in(value, loc + (index,))
