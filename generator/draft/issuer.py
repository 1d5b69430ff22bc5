"""A news release speaks for whoever issued it: NASA's release about its balloon is NASA's statement.

An article is taken for a release when its byline names an organisation that its headline or first paragraph also
names ("NASA, Feb. 26, 2024" over "GUSTO Breaks NASA Scientific Balloon Record"); a news agency or a newspaper is
rarely in its own headline. Where the release never says its issuer speaks ("NASA said ..."), its first sentence is
drafted as the issuer's statement, with a review marker; an issuer that speaks in it has its own statements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..article.source import Sentence
from .names import read_phrase
from .people import Cast, normalise_name
from .reported import DraftQuote, DraftStatement


def issuer_statement(issuer: str | None, headline: str, first_paragraph: Sequence[Sentence],
                     quotes: Sequence[DraftQuote], statements: Sequence[DraftStatement],
                     cast: Cast) -> DraftStatement | None:
    """The release's first sentence as its issuer's statement, where the issuer never speaks in it; None for an
    article that is no release, or a release whose first sentence quotes or reports someone."""
    if not issuer or not first_paragraph or not _names_its_issuer(issuer, headline, first_paragraph):
        return None
    phrase = read_phrase(issuer)
    if phrase is None or phrase.kind != "organisation":
        return None
    if _speaks(issuer, cast.organisations.full_name(issuer) or issuer, quotes, statements):
        return None
    lede = first_paragraph[0]
    if any(mark in lede.text for mark in "“”\"‘") or any(each.sentence == lede for each in statements):
        return None
    speaker = cast.resolve(phrase, issuer)
    if speaker is None:
        return None
    note = (f"a release by {issuer} (its byline, and its headline or first paragraph names it), in which "
            f"{issuer} is never said to speak: its first sentence taken as {issuer}'s own statement; delete it "
            "if it is not one")
    return DraftStatement(lede, speaker, issuer, " ".join(lede.text.split()), None, "", speaker_note=note)


def _names_its_issuer(issuer: str, headline: str, first_paragraph: Sequence[Sentence]) -> bool:
    """Whether the headline or the first paragraph names the organisation the byline does: a news release."""
    named = re.compile(rf"\b{re.escape(issuer)}\b")
    return bool(named.search(headline) or any(named.search(sentence.text) for sentence in first_paragraph))


def _speaks(issuer: str, full_name: str, quotes: Sequence[DraftQuote], statements: Sequence[DraftStatement]) -> bool:
    """Whether the issuer, by either of its names, is the speaker of a quote or a statement already."""
    speaking = [quote.speaker for quote in quotes if quote.speaker] + [each.speaker for each in statements]
    return any(normalise_name(speaker.name) in (normalise_name(issuer), normalise_name(full_name))
               for speaker in speaking)
