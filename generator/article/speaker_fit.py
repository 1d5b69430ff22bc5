"""Whether the speaker a source names for a quotation is a story's speaker: by name, or by what describes them.

A name fits by the speaker's name alone (a role is the story's own words). A pronoun fits whom it was read as, of
its kind: "he" and "she" a person, "it" an organisation. A description fits by a word of the speaker's name, role or
affiliation ("the judge" for a judge, "the institute" for the Calder Institute); what else it may stand for ("the
company" for the one named as speaking just before) is read with the quotation (generator/article/introduced.py).
"""

from __future__ import annotations

import re
from typing import Protocol

from .quoted import PRONOUN_KINDS, Attributed, same_speaker

# People who speak for an organisation rather than for themselves.
SPOKESPEOPLE = frozenset(("spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "representative",
                          "statement"))
# Words that make a description many people: "some residents", "other parents".
MANY = frozenset(("some", "many", "several", "most", "few", "other", "others", "all", "both", "critics"))


class Speaking(Protocol):
    """A speaker as the quote rules see one: a story's person or organisation, or one the draft has read."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def affiliation(self) -> str | None: ...


def fits(attributed: Attributed, speaker: Speaking) -> bool:
    """Whether the source's name for the speaker is this speaker."""
    if attributed.pronoun and attributed.named:  # "he said": a person, by name
        return speaker.kind in PRONOUN_KINDS.get(attributed.pronoun, ()) and same_speaker(attributed.name,
                                                                                           speaker.name)
    if attributed.story_name:  # the story's full name for them: a text's name fits it as it fits a speaker's
        return same_speaker(speaker.name, attributed.name) or same_speaker(attributed.name, speaker.name)
    if attributed.named:
        return same_speaker(attributed.name, speaker.name)
    return same_speaker(attributed.name, speaker.name, speaker.role, speaker.affiliation) or \
        described(attributed.name, speaker)


def described(description: str, speaker: Speaking) -> bool:
    """Whether a description ("the judge", "the institute", "critics") names a word of this speaker's name, role or
    affiliation."""
    words = description_words(description)
    own = set(description_words(" ".join(part for part in (speaker.name, speaker.role, speaker.affiliation) if part)))
    return bool(words) and (words[-1] in own or words[-1].removesuffix("s") in own)


def many(words: list[str]) -> bool:
    """Whether a description's words are of many people: "critics", "some residents", "the operators"."""
    head = words[-1]
    return words[0] in MANY or head in MANY or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def description_words(text: str) -> list[str]:
    """A description's words, lower case, a possessive's 's dropped."""
    return [word.removesuffix("'s") for word in re.findall(r"[^\W_]+(?:['-][^\W_]+)*", text.replace("’", "'").lower())]
