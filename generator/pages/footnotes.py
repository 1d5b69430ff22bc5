"""Python-Markdown's footnotes (3.x), with the same output in time linear in the number of notes on a page.

The overview lists every reported statement, each with its note, and a note cited by many items is referred to
many times. The stock extension numbers each reference by searching the list of notes, remembers references in a
list, and gives the n-th reference to one note its id by trying every earlier one: work growing with the square
of a page's notes (a page of 8,000 notes spent seconds in it). Here each of those is a lookup. The hook puts this
extension in place of `footnotes` for MkDocs and ProperDocs; engines that ignore hooks keep the stock one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions.footnotes import RE_REF_ID, FootnoteExtension, FootnoteInlineProcessor

NAME = "footnotes"


class LinearFootnotes(FootnoteExtension):
    """`footnotes`, each lookup by dictionary: number of a note, whether it was referred to, next free id."""

    def reset(self) -> None:
        super().reset()
        self.defined: dict[str, int] = {}  # note id -> its place among the definitions, from 0
        self.referred: dict[str, int] = {}  # note id -> its place among the first references, from 0
        self.last_unique: dict[str, str] = {}  # reference id -> the last id given to a reference to it

    def setFootnote(self, id: str, text: str) -> None:  # noqa: A002 - the stock method's own names
        self.defined.setdefault(id, len(self.defined))
        super().setFootnote(id, text)

    def addFootnoteRef(self, id: str) -> None:  # noqa: A002
        if id not in self.referred:
            self.referred[id] = len(self.referred)
            self.footnote_order.append(id)

    def number(self, id: str) -> int:  # noqa: A002
        order = self.defined if self.getConfig("USE_DEFINITION_ORDER") else self.referred
        return order[id] + 1

    def unique_ref(self, reference: str, found: bool = False) -> str:
        """The stock sequence (fnref:x, fnref2:x, fnref3:x, ...), resumed where the last reference to x left it:
        every id before that one is taken already."""
        if not found:
            return reference
        original = reference
        reference = self.last_unique.get(original, original)
        while reference in self.used_refs:
            ref, rest = reference.split(self.get_separator(), 1)
            match = RE_REF_ID.match(ref)
            reference = (f"{match.group(1)}{int(match.group(2)) + 1}{self.get_separator()}{rest}" if match
                         else f"{ref}2{self.get_separator()}{rest}")
        self.used_refs.add(reference)
        self.last_unique[original] = reference
        self.found_refs[original] = self.found_refs.get(original, 0) + 1
        return reference

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.inlinePatterns.register(_NumberedReference(r"\[\^([^\]]*)\]", self), "footnote", 175)


class _NumberedReference(FootnoteInlineProcessor):
    """The stock reference marker, numbered by lookup."""

    footnotes: LinearFootnotes

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, int | None, int | None]:
        id = m.group(1)  # noqa: A001
        if id not in self.footnotes.footnotes:
            return None, None, None
        self.footnotes.addFootnoteRef(id)
        sup = etree.Element("sup")
        link = etree.SubElement(sup, "a")
        sup.set("id", self.footnotes.makeFootnoteRefId(id, found=True))
        link.set("href", "#" + self.footnotes.makeFootnoteId(id))
        link.set("class", "footnote-ref")
        link.text = self.footnotes.getConfig("SUPERSCRIPT_TEXT").format(self.footnotes.number(id))
        return sup, m.start(0), m.end(0)


def with_linear_footnotes(extensions: list[Any], configs: dict[str, dict]) -> list[Any]:
    """The configured Markdown extensions, `footnotes` replaced by `LinearFootnotes` with the same settings."""
    return [LinearFootnotes(**configs.get(NAME, {})) if extension == NAME else extension for extension in extensions]
