"""What rendering looks up, resolved once after the story passed its checks.

Each quote is placed in the article once here (its sentences, its order), and every ordering and lookup the
pages use is made once, so no page searches the article again or filters the whole story per item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..article.source import Sentence
from ..content.event_dates import after_article, in_timeline_order, puts_ahead
from ..content.load import LoadedStory
from ..content.schema import Background, Entity, Event, Party, Quote, Statement, Story, StorySource
from ..content.stored_texts import StoredText, split_sentence_id
from .captions import finishes_how
from .sentence_places import SentencePlaces, article_places
from .story_texts import quote_place, sentence_in, story_texts, text_places

Said = TypeVar("Said", Quote, Statement)


@dataclass(frozen=True)
class Figures:
    """Counts shown on the method page, computed from the checked content at every build."""

    quotes: int
    statements: int
    sentences: int
    citations: int
    background: int
    background_sources: int
    events: int


@dataclass(frozen=True)
class QuoteContext:
    """The whole sentences of the article a quote stands in."""

    text: str
    sentence_ids: tuple[str, ...]


@dataclass(frozen=True)
class StoryIndex:
    """Lookups by id, orderings and each quote's place in the article, for one checked story."""

    loaded: LoadedStory
    people: dict[str, Entity]
    parties: dict[str, Party]
    reacted: frozenset[str]  # parties with a row on the reactions page
    background: dict[str, Background]
    quotes: dict[str, Quote]
    said: tuple[Quote | Statement, ...]  # the quotes in the article's order, then the statements
    timeline: tuple[Event, ...]  # events up to the article, then what happened next, each part by date
    later: tuple[Event, ...]  # the events after the article (content/event_dates.py), in the timeline's order
    statements_by_date: tuple[Statement, ...]  # undated ones last, in the article's order
    quotes_by_speaker: dict[str, tuple[Quote, ...]]
    statements_by_speaker: dict[str, tuple[Statement, ...]]
    contexts: dict[str, QuoteContext]  # by quote id
    last_of_context: frozenset[str]  # ids of quotes after which their shared context is shown
    places: SentencePlaces
    figures: Figures
    woven: frozenset[str]  # ids of quotes that finish the words of their `how`, so their caption carries them
    common_words: frozenset[str]  # the words the article writes in lower case (see mentions.apposition)
    texts: dict[str, StoredText]  # the article (key "") and each further source, by key
    text_places: dict[str, SentencePlaces]  # where each text's sentences stand, by the text's key
    quoted_sources: frozenset[str]  # the further sources some quote is from

    def timeline_parts(self, events: Iterable[Event]) -> list[tuple[bool, list[Event]]]:
        """(whether after the article, its events) for each part the events have: up to the article, then after."""
        events, later = list(events), {event.id for event in self.later}
        parts = [(False, [event for event in events if event.id not in later]),
                 (True, [event for event in events if event.id in later])]
        return [(after, part) for after, part in parts if part]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.loaded.source.sentences

    @property
    def article_body(self) -> tuple[Sentence, ...]:
        """The article's sentences its page shows: a release's up to its end mark, without the contacts after."""
        return self.loaded.source.body

    def sentence(self, sentence_id: str) -> Sentence:
        """A sentence by the id the story cites it by: 'p3.s1' of the article, 'tass:p1.s1' of a further source."""
        return sentence_in(self.texts, sentence_id)

    def places_of(self, sentence_id: str) -> SentencePlaces:
        """Where the sentences of the text holding this one stand."""
        return self.text_places[split_sentence_id(sentence_id)[0]]

    def entry(self, source_id: str) -> StorySource:
        """A further source's entry in the story, by its id."""
        entry = self.texts[source_id].entry
        assert entry is not None, "the article has no entry under `sources`"
        return entry


def index_story(loaded: LoadedStory) -> StoryIndex:
    """The index of a story that passed `check_story`."""
    story = loaded.story
    texts = story_texts(loaded)
    places = {quote.id: quote_place(loaded, texts, quote) for quote in story.quotes}  # one search for each quote
    order = {key: number for number, key in enumerate(texts)}  # the article's quotes, then each source's
    timeline, later = _timeline(story, texts)
    in_article_order = sorted(story.quotes, key=lambda quote: (order[places[quote.id][0]], *places[quote.id][1:]))
    contexts = {quote.id: _context(texts[places[quote.id][0]], *places[quote.id][1:]) for quote in in_article_order}
    return StoryIndex(
        loaded=loaded,
        people={person.id: person for person in story.people},
        parties={party.id: party for party in story.parties},
        reacted=frozenset(reaction.party for reaction in story.reactions),
        background={item.id: item for item in story.background},
        quotes={quote.id: quote for quote in story.quotes},
        said=(*in_article_order, *story.statements),
        timeline=tuple(timeline),
        later=later,
        statements_by_date=_by_date(story.statements),
        quotes_by_speaker=_grouped(story.quotes),
        statements_by_speaker=_grouped([statement for statement in story.statements if statement.speaker]),
        contexts=contexts,
        last_of_context=_last_of_context([contexts[quote.id].sentence_ids for quote in in_article_order],
                                         in_article_order),
        places=article_places(loaded),
        figures=_figures(loaded),
        woven=_woven(story.quotes, {quote_id: texts[key] for quote_id, (key, _, _) in places.items()}),
        common_words=frozenset(re.findall(r"\b[a-z][\w’'-]*", loaded.source.text)),
        texts=texts,
        text_places=text_places(loaded, texts),
        quoted_sources=frozenset(key for key, _, _ in places.values() if key),
    )


def _timeline(story: Story, texts: dict[str, StoredText]) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """(every event in the timeline's order, the events after the article), as content/event_dates.py places
    them: an event dated to the month of the article is after it when its sentence puts that month ahead."""
    later = {event.id for event in story.timeline if after_article(event, story.article, puts_ahead(
        event, lambda sentence_id: sentence_in(texts, sentence_id).text))}
    timeline = in_timeline_order(story.timeline, lambda event: event.id in later)
    return tuple(timeline), tuple(event for event in timeline if event.id in later)


def _woven(quotes: list[Quote], text_of: dict[str, StoredText]) -> frozenset[str]:
    """The quotes that finish the words of their `how` in the text they are from."""
    return frozenset(quote.id for quote in quotes if finishes_how(quote, text_of[quote.id].text.text))


def _context(text: StoredText, start: int, end: int) -> QuoteContext:
    touched = text.text.sentences_between(start, end)
    return QuoteContext(" ".join(sentence.text for sentence in touched),
                        tuple(text.sentence_id(sentence) for sentence in touched))


def _last_of_context(contexts: list[tuple[str, ...]], quotes: list[Quote]) -> frozenset[str]:
    """Fragments of one sentence share one context block, shown after the last of them."""
    return frozenset(quote.id for index, quote in enumerate(quotes)
                     if index + 1 == len(quotes) or contexts[index + 1] != contexts[index])


def _by_date(statements: list[Statement]) -> tuple[Statement, ...]:
    dated = sorted((s.date, index) for index, s in enumerate(statements) if s.date)  # equal dates: article order
    return (*(statements[index] for _, index in dated), *(s for s in statements if not s.date))


def _grouped(items: list[Said]) -> dict[str, tuple[Said, ...]]:
    """Items by speaker in story order: one pass for all speakers, as filtering per person was quadratic."""
    grouped: dict[str, list[Said]] = {}
    for item in items:
        grouped.setdefault(item.speaker or "", []).append(item)
    return {speaker: tuple(said) for speaker, said in grouped.items()}


def _figures(loaded: LoadedStory) -> Figures:
    story = loaded.story
    cited = [*story.statements, *story.reactions, *story.takeaways, *story.questions, *story.timeline,
             *story.unknowns, *story.figures]
    return Figures(
        quotes=len(story.quotes),
        statements=len(story.statements),
        sentences=len(loaded.source.body),
        citations=sum(len(item.cites) for item in cited),
        background=len(story.background),
        background_sources=len({source.url for item in story.background for source in item.sources}),
        events=len(story.timeline),
    )
