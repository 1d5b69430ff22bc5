"""Find every quoted passage in the article: curly or straight double quotes, curly single quotes, and
quotations that run over several paragraphs (an opening mark starts each paragraph, one closing mark ends it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
DROPPABLE_END = ",.;:"


@dataclass(frozen=True)
class Passage:
    """A quotation: `start`/`end` are offsets of its words (inside the marks) in the article text."""

    start: int
    end: int
    text: str
    opening: int  # offset of the opening mark

    @property
    def words(self) -> str:
        """The words as a quote lists them: without the comma or full stop before the closing mark."""
        trimmed = self.text.rstrip(DROPPABLE_END)
        return trimmed if trimmed.strip() else self.text


def find_passages(text: str, checked: list[tuple[int, str]] = ()) -> list[Passage]:
    """Every quotation in `text`, in order; quotations nested in another are part of it.

    `checked` are the passages `check` itself requires to be listed (offset, words): they are taken as they
    are, so that the draft lists exactly what the check looks for, and found passages overlapping them dropped.
    """
    required = [Passage(offset, offset + len(words), words, offset - 1) for offset, words in checked]
    taken = [(p.opening, p.end + 1) for p in required]
    own = [p for p in _find(text) if not any(p.opening < end and start < p.end + 1 for start, end in taken)]
    return sorted(required + own, key=lambda p: p.start)


def _find(text: str) -> list[Passage]:
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    found: list[Passage] = []
    carried: int | None = None  # opening of a quotation that continues into the next paragraph
    carried_mark = ""
    for index, (offset, paragraph) in enumerate(paragraphs):
        following = paragraphs[index + 1][1] if index + 1 < len(paragraphs) else ""
        position = 0
        if carried is not None:
            if paragraph.startswith(carried_mark):
                position = 1
            else:  # the quotation never closed: keep what is certain, the first paragraph's words
                found.append(_passage(text, carried, _paragraph_end(text, carried)))
                carried = None
        opening = carried
        while position < len(paragraph):
            if opening is None:
                mark_at, mark = _next_opening(paragraph, position)
                if mark_at < 0:
                    break
                opening, carried_mark, position = offset + mark_at, mark, mark_at + 1
            closing_at = _next_closing(paragraph, position, carried_mark)
            if closing_at < 0:
                if following.startswith(carried_mark):
                    carried = opening
                else:
                    found.append(_passage(text, opening, offset + len(paragraph)))
                    carried = None
                opening = None
                break
            found.append(_passage(text, opening, offset + closing_at))
            opening, carried, position = None, None, closing_at + 1
    if carried is not None:
        found.append(_passage(text, carried, _paragraph_end(text, carried)))
    return [passage for passage in found if passage.text.strip()]


def _passage(text: str, opening: int, closing: int) -> Passage:
    return Passage(opening + 1, closing, text[opening + 1 : closing], opening)


def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n\n", offset)
    return len(text.rstrip("\n")) if end < 0 else end


def _next_opening(paragraph: str, start: int) -> tuple[int, str]:
    for index in range(start, len(paragraph)):
        char = paragraph[index]
        before = paragraph[index - 1] if index else " "
        after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
        if char == "“" or (char == '"' and not after.isspace()):
            return index, char
        if char == "‘" and (before.isspace() or before in "([—–-") and not after.isspace():
            return index, char
    return -1, ""


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
