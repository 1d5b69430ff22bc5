"""What an editor probably meant: the passage of the article most like a quote that is not in it, where the quote
first departs from it, and the known name closest to a misspelt one ("did you mean").

rapidfuzz compares in time proportional to the article's length (bit-parallel, in C++), so a quote is compared
at every place of a long article, and a name with every known one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from .safety import character_name

COMPARED_CHARS = 300  # longer quotes are compared, and their closest passage shown, by their start
LEAST_ALIKE = 30  # percent: a passage less alike than this (no word in common, say) is no help to the editor
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")  # a letter or digit not preceded by one
NAME_CUTOFF = 60  # percent, as difflib.get_close_matches' default: below it a name is not a guess worth showing


def closest_passage(text: str, source: str) -> str:
    """The stretch of `source` most like `text`, starting at a word, or "" if nothing in it is alike."""
    probe = text[:COMPARED_CHARS]
    found = fuzz.partial_ratio_alignment(probe, source, score_cutoff=LEAST_ALIKE) if probe and source else None
    if found is None:
        return ""
    # The best window may start inside a word or at a quotation mark; the passage shown starts at a word near it.
    nearby = [match.start() for match in _WORD_START.finditer(source, max(0, found.dest_start - len(probe)),
                                                                  found.dest_end)]
    start = max(nearby or [found.dest_start], key=lambda at: (fuzz.ratio(probe, source[at : at + len(probe)]), -at))
    shown = source[start : start + len(probe)].strip()
    return f"{shown} …" if len(text) > len(probe) else shown


def first_difference(quote: str, passage: str) -> str:
    """Where a quote first departs from the passage most like it, in characters and code points:
    "at character 12: ' (U+0027) in the quote, ’ (U+2019) in the article"."""
    shown = passage.removesuffix(" …")
    # difflib, as before rapidfuzz came in, so that the place named does not move where a doubled letter could be
    # either one; both strings are at most COMPARED_CHARS long, so it is quick.
    matcher = difflib.SequenceMatcher(None, quote, shown, autojunk=False)
    for tag, quote_start, quote_end, passage_start, passage_end in matcher.get_opcodes():
        if tag != "equal":
            return (f"at character {quote_start + 1}: {_described(quote[quote_start:quote_end])} in the quote, "
                    f"{_described(shown[passage_start:passage_end])} in the article")
    return ""


def closest_name(name: str, known: Iterable[str]) -> str | None:
    """The known name most like `name`, if one is alike enough to suggest; of equally alike ones, the last in
    alphabetical order, as difflib.get_close_matches(name, known, n=1) chooses."""
    alike = process.extract(name, list(known), scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF, limit=None)
    return max(alike, key=lambda match: (match[1], match[0]))[0] if alike else None


def _described(characters: str) -> str:
    """"’ (U+2019 RIGHT SINGLE QUOTATION MARK)"; a space or other invisible character by its name alone."""
    if not characters:
        return "nothing"
    named = [character_name(c) if not c.isprintable() or c.isspace() else f"{c} ({character_name(c)})"
             for c in characters[:3]]
    return ", ".join(named) + (" and more" if len(characters) > 3 else "")
