"""The direct quotes the overview shows as pull quotes: the story's lead quote, then one for each other side; in a
story without sides, a quote from each of a few other speakers.

The lead is the quote the story marks (`lead: true`), else the article's first quote that reads as a sentence of
its own and that the takeaways above it do not already give in other words; each side (a party some speaker
speaks for) without a quote shown yet gets its first such quote, or the one the story marks for it. A phrase of a
few words ("fake news") or a long passage stands only where a side has nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..content.schema import Quote
from .story_index import StoryIndex
from .wording import quote_paragraphs

SHORTEST, LONGEST = 6, 45  # words of a quote that reads well on its own as a pull quote
VOICES = 3  # other speakers an overview without sides quotes, as a news story gives more than one voice


def _reads_alone(quote: Quote) -> bool:
    words = " ".join(quote_paragraphs(quote)).split()
    return quote.text[:1].isupper() and SHORTEST <= len(words) <= LONGEST


def _best(quotes: Sequence[Quote], told: Sequence[str] = ()) -> Quote | None:
    """The marked quote, else the first that reads alone and says more than the overview's takeaways (`told`) do,
    else the first that reads alone, else the first."""
    return next((q for q in quotes if q.lead), None) or \
        next((q for q in quotes if _reads_alone(q) and not _retold(q, told)), None) or \
        next((q for q in quotes if _reads_alone(q)), None) or (quotes[0] if quotes else None)


RETOLD = 0.6  # of a quote's words that a takeaway has: the takeaway says it in other words


def _retold(quote: Quote, told: Sequence[str]) -> bool:
    """Whether a takeaway gives the quote in its own words already ("The library's head says children's sessions
    are protected ..." over “We have protected the children's sessions ...”): a pull quote under it says it twice."""
    words = _stems(" ".join(quote_paragraphs(quote)))
    return bool(words) and any(len(words & _stems(text)) >= RETOLD * len(words) for text in told)


def _stems(text: str) -> set[str]:
    """A text's words of four letters or more, each cut to its first five letters ("staffed", "staff")."""
    return {word[:5] for word in re.findall(r"[a-z]{4,}", text.lower().replace("’", "'"))
            if word not in ("that", "this", "with", "have", "will", "they", "them", "their", "from", "been")}


def other_voices(index: StoryIndex, shown: Sequence[Quote]) -> list[Quote]:
    """In a story without sides, the best quote of each speaker the overview has not quoted yet, up to VOICES of
    them in the article's order; only a quote that reads alone, since it is given as a paragraph of its own."""
    if index.parties:
        return []
    quotes = [item for item in index.said if isinstance(item, Quote)]
    quoted = {quote.speaker for quote in shown}
    speakers = [speaker for speaker in dict.fromkeys(quote.speaker for quote in quotes) if speaker not in quoted]
    best = [_best([quote for quote in quotes if quote.speaker == speaker]) for speaker in speakers]
    return [quote for quote in best if quote is not None and _reads_alone(quote)][:VOICES]


def pull_quotes(index: StoryIndex) -> tuple[Quote | None, list[Quote]]:
    """(the lead quote, one quote for each other side), each in the article's order."""
    quotes = [item for item in index.said if isinstance(item, Quote)]  # in the article's order
    lead = _best(quotes, [point.text for point in index.loaded.story.takeaways])
    side_of = {quote.id: index.people[quote.speaker].party for quote in quotes}
    sides = [party for party in index.parties if party != (side_of[lead.id] if lead else None)]
    by_side = [_best([quote for quote in quotes if side_of[quote.id] == party]) for party in sides]
    return lead, [quote for quote in by_side if quote is not None and quote != lead]
