"""Find the passages an article puts in double quotation marks, curly (“ ”) or straight (").

News style lets a quotation run over several paragraphs: each paragraph of it opens with a mark,
and only the last one closes. So a paragraph that ends inside a quotation is fine when the next
paragraph opens a mark. Each paragraph's part is a passage of its own, marked `continued`: a quote
may list each part, or the whole quotation as it stands in the text, paragraph break included.

Inside a quotation, double marks of the other style are part of its text (“He wrote "no"”).
Single quotation marks are read as text: inside a double-quoted passage they are a quotation
within it (“He said ‘no’”, "He said 'no'"), and anywhere they may be an apostrophe (don't,
Russia's, troops'), which no rule can tell apart from a closing single mark.

A mark left open or closed without an opening is reported with its offset, never silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
# The sentence punctuation a quote may leave out when the article puts it just before the closing mark.
DROPPABLE_END = ",.;:"
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_MARK = re.compile(r'[“”"]')


@dataclass(frozen=True)
class Passage:
    start: int  # offset of the first character inside the marks
    text: str
    continued: bool = False  # one paragraph's part of a quotation that runs over several
    closed: bool = True  # False when it runs to the end of its paragraph without a closing mark
    straight: bool = False  # in straight marks (")


@dataclass(frozen=True)
class Unbalanced:
    offset: int  # offset of the mark in question
    message: str


@dataclass
class Quotations:
    passages: list[Passage] = field(default_factory=list)  # one per paragraph of a quotation
    unbalanced: list[Unbalanced] = field(default_factory=list)

    def whole(self, text: str) -> list[Passage]:
        """The quotations as the draft lists them: the parts of one in curly marks that runs over paragraphs
        joined, paragraph breaks and reopening marks included; one in straight marks stays in parts."""
        joined: list[Passage] = []
        for passage in self.passages:
            previous = joined[-1] if joined else None
            if previous and passage.continued and not previous.closed and not passage.straight:
                joined[-1] = Passage(previous.start, text[previous.start : passage.start + len(passage.text)],
                                     True, passage.closed, passage.straight)
            else:
                joined.append(passage)
        return joined


# The quotation marks the check reads; every other character that looks like one is refused in the site's text.
READ_MARKS = "“”‘’\"'"
# 'Like this': straight single marks at the edges of words, around words that hold no other quotation mark.
STRAIGHT_SINGLE = re.compile(r"(?<![\w’'])'([^\s'“”\"](?:[^'\n“”\"]*?[^\s'“”\"])?)'(?![\w’'])")
# Primes and spacing accents pass for marks when typed in pairs (′′…′′, ´´…´´, ˝…˝); an accent joined to its letter
# (é as e and U+0301) is a letter's, never a mark.
_LOOKS_LIKE = ("QUOTATION", "APOSTROPHE", "GERSHAYIM", "CORNER BRACKET", "DITTO", "PRIME", "TURNED COMMA",
               "REVERSED COMMA", "ACUTE ACCENT", "GRAVE ACCENT")


def looks_like_quotation_mark(character: str) -> bool:
    """Whether a character opens or closes a quotation in some style, or passes for one: «, ＂, 〝, ʺ, ״, ′, ´, ˝ ..."""
    if character.isascii() and (character.isalnum() or character.isspace()):
        return False
    category = unicodedata.category(character)
    if category in ("Pi", "Pf"):
        return True
    name = unicodedata.name(character, "")
    return category != "Mn" and any(part in name for part in _LOOKS_LIKE)


def listed_words(passage: str) -> str:
    """A quoted passage as a quote lists it: without spaces inside its marks (“ like this ”) or the comma or full
    stop before its closing mark; a passage of nothing but punctuation keeps it."""
    words = passage.strip()
    return words.rstrip(DROPPABLE_END).rstrip() or words or passage


def _opens_here(paragraph: str, index: int) -> bool:
    """A straight mark with nothing but space or an opening bracket or dash before it opens a quotation."""
    before = paragraph[index - 1] if index else " "
    return before.isspace() or before in "([{—–-/:"


def find_quotations(text: str) -> Quotations:
    """Every passage in double quotation marks, with its offset, and every mark left unbalanced."""
    found = Quotations()
    carried: int | None = None  # offset of the mark of a quotation still open at the last paragraph's end
    for block in _PARAGRAPH.finditer(text):
        if block.group().strip():
            carried = _QuotedParagraph(found, block.group(), block.start(), carried).read()
    if carried is not None:
        found.unbalanced.append(Unbalanced(carried, "this quotation mark is never closed before the article ends"))
    return found


class _QuotedParagraph:
    """One paragraph's quotation marks read in order, its passages and unbalanced marks added to `found`."""

    def __init__(self, found: Quotations, paragraph: str, start: int, carried: int | None) -> None:
        self.found, self.paragraph, self.start = found, paragraph, start
        self.lead = len(paragraph) - len(paragraph.lstrip())
        if carried is not None and paragraph[self.lead:self.lead + 1] not in (OPENING, STRAIGHT):
            found.unbalanced.append(Unbalanced(carried, "this quotation mark is never closed: its paragraph ends "
                                                        "inside the quotation and the next one does not reopen it"))
        self.continuing = carried is not None
        self.opened: int | None = None  # index in the paragraph just after the opening mark
        self.style = ""  # the mark that opened it: a mark of the other style inside a quotation is part of its text

    def read(self) -> int | None:
        """Read every mark; returns the offset of the mark of a quotation still open at the paragraph's end."""
        for match in _MARK.finditer(self.paragraph):
            self._mark(match.group(), match.start())
        if self.opened is None:
            return None
        rest = self.paragraph[self.opened:].rstrip()
        if rest.strip():
            self.found.passages.append(Passage(self.start + self.opened, rest, True, closed=False,
                                               straight=self.style == STRAIGHT))
        return self.start + self.opened - 1

    def _mark(self, mark: str, index: int) -> None:
        if self.opened is not None and (mark == STRAIGHT) != (self.style == STRAIGHT):
            return
        closes = mark == CLOSING or (mark == STRAIGHT and self.opened is not None)
        if closes and self.opened is not None:
            if self.paragraph[self.opened:index].strip():
                self.found.passages.append(Passage(self.start + self.opened, self.paragraph[self.opened:index],
                                                   self.continuing, straight=self.style == STRAIGHT))
            self.opened, self.continuing = None, False
        elif closes or (mark == STRAIGHT and not _opens_here(self.paragraph, index)):
            self.found.unbalanced.append(Unbalanced(self.start + index,
                                                    "this closing quotation mark has no opening mark before it"))
        else:
            if self.opened is not None:
                self.found.unbalanced.append(Unbalanced(self.start + self.opened - 1, "this quotation mark is not "
                                                        "closed before the next quotation opens"))
            self.continuing = self.continuing and index == self.lead  # only the reopening mark continues one
            self.opened, self.style = index + 1, mark
