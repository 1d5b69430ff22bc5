"""Which of the draft's values carry a review marker: only what a person must decide.

A value the article states in so many words is taken as it is: a speaker named beside the quotation ("Tate said"),
a date its own sentence gives ("said on Thursday") or writes with its year, a kind the name's words tell ("Strand
County Council"), a role that only says what someone is ("night-shift nurse"), the verb and place of an attribution.
What is inferred is marked, with why: a speaker pointed to ("she said", "the council said", the quote before), a
day counted or assumed, a kind told by capitals alone, a role with a clause that describes rather than names.
Writing tasks (the explainer's own headline, gists, event texts, the editorial sections) get one marker each, not
one per item.
"""

from __future__ import annotations

import re

from .names import looks_like_name, made_from_a_clause, proper_name, says_what_it_is
from .people import Speaker

# A role that tells a story about someone rather than naming what they are ("who has run Bay Ferries since 2011"),
# points to someone named elsewhere ("Its chair") or runs several pieces together ("The council's finance lead,
# Councillor").
_UNSURE_ROLE = re.compile(r"\b(?:who|whose|which|that)\b|^(?:its|his|her|their)\b|,", re.I)
_LONGEST_PLAIN_ROLE = 8  # words: a longer role is a description to cut down


def _role_why(person: Speaker) -> str | None:
    """Why a person's role is to review: it tells a story, or the draft made it from a clause beside the name."""
    if not person.role:
        return None
    read_from = f"read from '{person.evidence}'; " if person.evidence else ""
    if _UNSURE_ROLE.search(person.role) or len(person.role.split()) > _LONGEST_PLAIN_ROLE:
        return f"{read_from}a role says what they are, in words of its own: keep what does, cut what only " \
            "describes them"
    if made_from_a_clause(person.role):
        return read_from + "made from the article's 'who ...' clause beside the name: check it says what they are"
    return None


def person_marks(person: Speaker) -> dict[str, str]:
    """The fields of a person or organisation to review, each with why."""
    marks = {}
    if person.name_why:
        marks["name"] = person.name_why
    elif person.kind == "organisation" and not proper_name(person.name.split()) or person.described:
        marks["name"] = (f"the article calls them '{person.evidence or person.name}', not by a name: give the name if "
                         "the article gives one")
    if person.kind_why:
        marks["kind"] = person.kind_why
    elif not _kind_told(person):
        marks["kind"] = (f"taken for {'a person' if person.kind == 'person' else 'an organisation'} by the capitals "
                         f"of '{person.name}' alone: no title, role or word in the article says what it is")
    role_why = _role_why(person)
    if role_why:
        marks["role"] = role_why
    if person.affiliation and not proper_name(person.affiliation.split()):
        marks["affiliation"] = "read from the words beside the name: keep the organisation's name alone"
    return marks


def _kind_told(person: Speaker) -> bool:
    """Whether the article's words say what a speaker is: a title, role or he or she for a person, a word such as
    "council" or "company" or an acronym for an organisation."""
    words = person.name.split()
    if person.kind == "person":
        return bool(person.role or person.gender) or not looks_like_name(person.name) or says_what_it_is(words)
    return says_what_it_is(words)
