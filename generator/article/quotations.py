"""Find every quoted passage in the article: curly or straight double quotes, curly single quotes, and
quotations that run over several paragraphs (an opening mark starts each paragraph, one closing mark ends it).

A quotation over several paragraphs is found as one passage per paragraph, as `check` reads it. It is drafted
so, one quote per paragraph, when it opens a paragraph: the article sets it out as paragraphs of their own. One
that opens inside a paragraph, after other words, and runs on is drafted whole (`whole_quotations`): its first
part is only the end of a paragraph, and the break after it splits one remark. `check` accepts either.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .quotation import listed_words

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


@dataclass(frozen=True)
class Quotation:
    """A quotation: `start`/`end` are offsets of its words (inside the marks) in the article text."""

    start: int
    end: int
    text: str
    opening: int  # offset of the opening mark
    continues: bool = False  # reopens a quotation left open at the end of the paragraph before
    paragraphs: int = 1  # how many paragraphs it runs over, when drafted whole

    @property
    def words(self) -> str:
        """The words as a quote lists them: without the comma or full stop before the closing mark."""
        return listed_words(self.text)


def find_passages(text: str, checked: Sequence[tuple[int, str]] = (), reopening: Collection[int] = (),
                  own_marks: str | None = None) -> list[Quotation]:
    """Every quotation in `text`, in order; quotations nested in another are part of it.

    `checked` are the passages `check` itself requires to be listed (offset, words): they are taken as they
    are, so that the draft lists exactly what the check looks for, and found passages overlapping them dropped,
    but for one that holds them whole (‘… called it “wholly unacceptable” …’: both are quotations).
    `reopening` are the offsets of those that reopen a quotation left open in the paragraph before.
    `own_marks`: if given, only passages opened by one of these marks are added to `checked` (the check reads
    double marks itself, so the draft adds only single-marked speech).
    """
    required = [Quotation(offset, offset + len(words), words, offset - 1, offset in reopening)
                for offset, words in checked]
    taken = sorted((p.opening, p.end + 1) for p in required)  # apart from one another, so their ends are in order
    starts = [start for start, _ in taken]

    def overlaps_taken(passage: Quotation) -> bool:
        first = bisect.bisect_right(starts, passage.opening)  # the first taken span starting inside it
        if first and taken[first - 1][1] > passage.opening:  # one starting before it runs into it
            return True
        inside = taken[first : bisect.bisect_left(starts, passage.end + 1)]
        return any(end > passage.end for _, end in inside)  # one starting inside it runs past its closing mark

    own = [p for p in _find(text) if not overlaps_taken(p) and (own_marks is None or text[p.opening] in own_marks)]
    return sorted(required + own, key=lambda p: p.start)


def whole_quotations(passages: Sequence[Quotation], text: str) -> list[Quotation]:
    """The passages with each quotation over paragraphs that opens inside a paragraph made one passage, its
    paragraph breaks and reopening marks included ("…" X added. "Closing it will be felt.⏎⏎"We will …")."""
    joined: list[Quotation] = []
    for passage in passages:
        first = joined[-1] if joined else None
        if passage.continues and first is not None and (first.paragraphs > 1 or _opens_inside_paragraph(first, text)):
            joined[-1] = Quotation(first.start, passage.end, text[first.start : passage.end], first.opening,
                                 first.continues, first.paragraphs + 1)
        else:
            joined.append(passage)
    return joined


def _opens_inside_paragraph(passage: Quotation, text: str) -> bool:
    paragraph_start = text.rfind("\n\n", 0, passage.opening)
    return bool(text[paragraph_start + 1 : passage.opening].strip())


def _find(text: str) -> list[Quotation]:
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    found: list[Quotation] = []
    carried_mark = ""  # the mark of a quotation that continues into the next paragraph, if any
    for index, (offset, paragraph) in enumerate(paragraphs):
        following = paragraphs[index + 1][1] if index + 1 < len(paragraphs) else ""
        position, continues = 0, False
        opening: int | None = None
        if carried_mark and paragraph.startswith(carried_mark):
            opening, position, continues = offset, 1, True
        mark = carried_mark
        carried_mark = ""
        while position < len(paragraph):
            if opening is None:
                mark_at, mark = _next_opening(paragraph, position)
                if mark_at < 0:
                    break
                opening, position = offset + mark_at, mark_at + 1
            closing_at = _next_closing(paragraph, position, mark)
            if closing_at < 0:  # open at the paragraph's end: news style reopens it in the next paragraph
                found.append(_passage(text, opening, offset + len(paragraph.rstrip()), continues))
                carried_mark = mark if following.startswith(mark) else ""
                break
            found.append(_passage(text, opening, offset + closing_at, continues))
            opening, continues, position = None, False, closing_at + 1
    return [passage for passage in found if passage.text.strip()]


def _passage(text: str, opening: int, closing: int, continues: bool = False) -> Quotation:
    return Quotation(opening + 1, closing, text[opening + 1 : closing], opening, continues)


def _next_opening(paragraph: str, start: int) -> tuple[int, str]:
    for index in range(start, len(paragraph)):
        char = paragraph[index]
        before = paragraph[index - 1] if index else " "
        after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
        if char == "“" or (char == '"' and not after.isspace()):
            return index, char
        # ‘90s, ‘til: a ‘ before a digit or an elided word is an apostrophe, not an opening mark.
        if char == "‘" and (before.isspace() or before in "([—–-") and not after.isspace() and not after.isdigit() \
                and not paragraph.startswith(_ELISIONS, index + 1):
            return index, char
    return -1, ""


_ELISIONS = ("til ", "til,", "til.", "em ", "n’ ", "n' ", "cause ", "tis ")


def _next_closing(paragraph: str, start: int, mark: str) -> int:
    if mark == "“":
        return paragraph.find("”", start)
    if mark == '"':
        return paragraph.find('"', start)
    candidates = []  # ’ is also an apostrophe: it can close only before a non-letter
    for index in range(start, len(paragraph)):
        after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
        if paragraph[index] == "’" and not after.isalnum() and paragraph[index - 1] != " ":
            candidates.append(index)
    for number, index in enumerate(candidates):
        later = candidates[number + 1] if number + 1 < len(candidates) else -1
        in_sentence = later > 0 and not re.search(r"[.!?]\s", paragraph[index:later])
        if in_sentence and paragraph[index - 1] == "s" and _is_possessive(paragraph, index):
            continue  # "the operators’ association ... ‘unfair’": the first ’ is a possessive
        return index
    return -1


def _is_possessive(paragraph: str, index: int) -> bool:
    """"the operators’ association": a plural possessive is followed by a lower-case noun."""
    rest = paragraph[index + 2 : index + 20]
    return bool(rest) and rest[0].islower() and not rest.startswith(("he ", "she ", "they ", "said", "says"))
