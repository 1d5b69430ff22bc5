"""Whether a source gives quoted words to a speaker as their own: the rule that a quote, a statement's quoted words
and a reaction's are the speaker's only where the source says so (generator/article/voicing.py reads it).

Words found in several places pass if one of them gives them to the speaker. Elsewhere the first place says why not:
the source gives them to another speaker ("the article attributes these words to Rutte"), reports them as denied or
not said, gives them to a sign or a document with no speaker, or to nobody at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..article.introduced import Refusal, Voicing
from ..article.quoted import Attributed, QuotedPassages, Span
from ..article.speaker_fit import Speaking, fits
from ..article.voicing import voicing


class Quoting(Protocol):
    """Where the rules look for quoted words: one text's quoted passages, or several texts searched as one."""

    def find(self, words: str) -> list[Span]: ...
    def attributed(self, span: Span) -> list[Attributed]: ...
    def passages_at(self, span: Span) -> QuotedPassages: ...


@dataclass(frozen=True)
class NotTheirWords:
    """Why a source does not give quoted words to a speaker: another speaker it names, or a refusal."""

    other: Attributed | None = None
    refusal: Refusal | None = None
    where: str = ""  # where the source quotes the words: "article.txt:12:5 (sentence p4.s1)"

    def because(self, words: str = "them") -> str:
        """"the article attributes them to Rutte (from the words '…')", "the article gives them to a sign ..."."""
        if self.other is not None:
            return f"{by_article(self.other, words)} at {self.where}"
        refusal = self.refusal or Refusal("nobody", "", "", "")
        if refusal.kind == "denied":
            return (f"the article reports {words} as denied, not said or alleged, not as anyone's own (from the "
                    f"words '{refusal.evidence}' at {refusal.where})")
        if refusal.kind == "carried":
            return (f"the article gives {words} to {refusal.who.lower()}, not to someone speaking (from the words "
                    f"'{refusal.evidence}' at {refusal.where})")
        return (f"the article gives {words} to nobody as their own at {refusal.where}: no verb of saying there "
                "(“…,” X said; X said: “…”), no colon after a speaker, no “he” or “she” standing for one")

    @property
    def advice(self) -> str:
        if self.other is not None:
            return "give the quote to the speaker it names"
        return "report what the sentence says in a statement instead, not as a quote of the speaker"


def not_their_words(quoted: Quoting, places: Sequence[Span], speaker: Speaking) -> NotTheirWords | None:
    """Why the source gives the words at `places` to this speaker nowhere, or None where one place does."""
    found: list[tuple[Voicing, Span]] = []
    for place in places:
        voiced = voicing(quoted.passages_at(place), place)
        if voiced.unchecked or any(fits(each, speaker) for each in voiced.speakers):
            return None
        found.append((voiced, place))
    # The place that names another speaker says most; else one that gives the words to anyone; else the first.
    named = [(voiced, place, each) for voiced, place in found for each in voiced.speakers if each.named]
    anyone = [(voiced, place, each) for voiced, place in found for each in voiced.speakers]
    if named or anyone:
        voiced, place, other = (named or anyone)[0]
        return NotTheirWords(other, None, quoted.passages_at(place).where(place.start))
    if not found:
        return None
    voiced, place = found[0]
    return NotTheirWords(None, voiced.refusal, quoted.passages_at(place).where(place.start))


def by_article(other: Attributed, words: str = "them") -> str:
    """"the article attributes them to Rutte (from the words '…')": who the article says spoke, and where."""
    who = f"{other.name}, someone named before “{other.pronoun}”" if other.pronoun else other.name
    who = f"{who}, whom “{other.described}” stands for" if other.described else who
    return f"the article attributes {words} to {who} (from the words '{other.evidence}')"
