"""The direct quotes the overview shows as pull quotes: the story's lead quote, then one for each other side; in a
story without sides, a quote from each of a few other speakers.

The lead is the quote the story marks (`lead: true`), else the article's first quote that reads as a sentence of
its own; each side (a party some speaker speaks for) without a quote shown yet gets its first such quote, or the
one the story marks for it. A phrase of a few words ("fake news") or a long passage stands only where a side has
nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..content.schema import Quote
from .story_index import StoryIndex
from .wording import quote_paragraphs

SHORTEST, LONGEST = 6, 45  # words of a quote that reads well on its own as a pull quote
VOICES = 3  # other speakers an overview without sides quotes, as a news story gives more than one voice


def _reads_alone(quote: Quote) -> bool:
    words = " ".join(quote_paragraphs(quote)).split()
    return quote.text[:1].isupper() and SHORTEST <= len(words) <= LONGEST


def _best(quotes: Sequence[Quote]) -> Quote | None:
    """The marked quote, else the first that reads alone, else the first."""
    return next((q for q in quotes if q.lead), None) or next((q for q in quotes if _reads_alone(q)), None) or \
        (quotes[0] if quotes else None)


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
    lead = _best(quotes)
    side_of = {quote.id: index.people[quote.speaker].party for quote in quotes}
    sides = [party for party in index.parties if party != (side_of[lead.id] if lead else None)]
    by_side = [_best([quote for quote in quotes if side_of[quote.id] == party]) for party in sides]
    return lead, [quote for quote in by_side if quote is not None and quote != lead]
