"""The line under each name on the who's who page: what they are, and whose side they are on, in a sentence.

    describe(Entity(role="Kremlin spokesman", affiliation="The Kremlin", party="russia", ...),
             Markup("[Russia](reactions.md#russia)"), "Russia")
    -> "Kremlin spokesman, on the side of [Russia](reactions.md#russia)."

Values from the content are escaped with `md_escape` on the way in, as in generator/pages/wording.py.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from markupsafe import Markup

from ..content.schema import Article, Entity
from .markdown_text import capitalised, md_escape
from .signature_roles import in_words
from .wording import ISSUED_KINDS


def describe(person: Entity, side: Markup | None, side_name: str = "", common_words: Collection[str] = (),
             article: Article | None = None) -> Markup:
    """'Mayor (Marsh Valley), on the side of [Council](reactions.md#council).', with only the parts the story gives.

    The affiliation is left out where the role names it already ("Kremlin spokesman (The Kremlin)"); a side the
    role names is linked where it is named ("Secretary General of [NATO](reactions.md#nato)."), and an
    organisation that is a side of its own is not said to be on its own side ("Millbrook Borough Council: Speaks
    for Millbrook Borough Council"). An organisation the story says nothing of, but that issued the source, is
    said to have done so. A role is as written: a short form in it is spelled out in running text, not here."""
    said = _role(person)
    if side is not None and side_name.casefold() == person.name.casefold():
        side = None
    if side is not None and said and (linked := _linked_where_named(said, side, side_name)) is not None:
        said, side = linked, None
    if side is not None:
        on_side = Markup("on the side of ") + _side_in_sentence(side, side_name, common_words)
        said = said + Markup(", ") + on_side if said else Markup(capitalised(str(on_side)))
    if not said and article is not None and _issued_by(person, article):
        verb = "Issued" if article.kind in ISSUED_KINDS else "Published"
        said = md_escape(f"{verb} the {article.kind} this explainer is based on")
    return said + Markup(".") if said else Markup("")


def _role(person: Entity) -> Markup:
    """'Mayor (Marsh Valley)': the role, opening a sentence, and the affiliation where the role does not name it."""
    role, affiliation = person.role, person.affiliation
    if not (role or affiliation):
        return Markup("")
    said = md_escape(capitalised(in_words(role) if role else affiliation or ""))
    if role and affiliation and _bare(affiliation) not in role.casefold():
        # After a role that holds brackets already ("... (PACE) program executive"), a comma reads better.
        said += Markup(", ") + md_escape(affiliation) if ")" in said else \
            Markup(" (") + md_escape(affiliation) + Markup(")")
    return said


def _bare(name: str) -> str:
    """'The Kremlin' -> 'kremlin': a name as a role may hold it ("Kremlin spokesman")."""
    return re.sub(r"^the\s+", "", name.strip().casefold())


def _linked_where_named(said: Markup, side: Markup, side_name: str) -> Markup | None:
    """The role with the side's name linked where it stands as a word of its own ("Secretary General of
    [NATO](…)"; never inside another word, as in "[Russia](…)n presidency"), or None if it is not there."""
    named = str(md_escape(side_name))
    place = re.search(rf"(?<![\w-]){re.escape(named)}(?![\w-])", str(said)) if named else None
    if place is None:
        return None
    return Markup(str(said)[: place.start()] + str(side) + str(said)[place.end():])


def _side_in_sentence(side: Markup, side_name: str, common_words: Collection[str]) -> Markup:
    """A side's name as it reads inside a sentence: 'the library campaigners' where its first word is one the
    article writes in lower case and the rest is in lower case already; a name ("Russia") as it is."""
    words = side_name.split()
    if not words or words[0].lower() not in common_words or any(word[:1].isupper() for word in words[1:]):
        return side
    lowered = Markup(str(side).replace(str(md_escape(side_name)),
                                       str(md_escape(words[0].lower() + side_name[len(words[0]):])), 1))
    return lowered if words[0].lower() == "the" else Markup("the ") + lowered  # "The council": "the council"


def _issued_by(person: Entity, article: Article) -> bool:
    return person.kind == "organisation" and _bare(person.name) == _bare(article.agency)
