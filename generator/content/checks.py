"""Checks that need the whole story and the article: quotes verbatim, references, ids, dates.

Quotes are compared character for character: curly and straight quotation marks, dashes and spaces
all count. The one equivalence allowed is documented in docs/editing.md: a quote may leave out the
sentence punctuation (a comma or full stop) that the article puts just before its closing mark.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence

from ..article.quoted import QuotedPassages
from ..article.said_days import goes_with_saying
from ..article.source import Sentence, SourceText, split_sentences
from ..article.text_dates import WEEKDAYS, NamedDay, days_written, named_days
from .closest import closest_name
from .errors import Problem
from .explainer_dates import stamp_problems
from .id_checks import id_collisions
from .partial_dates import PartialDate
from .quote_checks import quote_problems
from .schema import SENTENCES, RefersTo, Story, dotted, identified_sections, references
from .source_checks import statements_cite_their_source, titles_as_written
from .stored_texts import (
    ARTICLE,
    StoredText,
    anchor_day,
    sentences_by_id,
    source_key,
    texts_by_key,
    unknown_sentence,
)
from .style_checks import style_problems
from .yamlfile import YamlDocument

# Past this many distinct unknown ids, the rest are listed without a guess.
GUESSES_MADE = 20


def check_story(story: Story, source: SourceText, document: YamlDocument,
                article_label: str = "article.txt", quoted: QuotedPassages | None = None,
                further: Sequence[StoredText] = ()) -> list[Problem]:
    """Every problem that the schema alone cannot see, each located in the YAML.

    `quoted`: the article's quoted passages, if the caller keeps them for the pages; `further`: the texts of the
    story's further sources."""
    quoted = quoted or QuotedPassages(source, article_label)
    texts = [StoredText(ARTICLE, article_label, source, quoted), *further]
    found = [
        *_duplicate_ids(story),
        *_headline_as_written(story, source),
        *titles_as_written(story, texts),
        *_references(story, texts),
        *statements_cite_their_source(story, texts),
        *quote_problems(story, source, quoted, document.data, article_label, further),
        *_dates(story, texts),
        *stamp_problems(story),
        *_statuses_given(story),
        *id_collisions(story),
        *style_problems(story, texts),
    ]
    return [document.problem(loc, dotted(loc), message) for loc, message in found]


def _headline_as_written(story: Story, source: SourceText) -> Iterator[tuple[tuple, str]]:
    """The article's headline is shown in quotation marks as the article's words: it is the text's first line."""
    paragraphs = source.paragraphs()
    if not paragraphs:  # a new story, its article not yet pasted
        return
    first = " ".join(sentence.text for sentence in paragraphs[0])
    if " ".join(story.article.headline.split()) != " ".join(first.split()):
        yield (("article", "headline"), f"is not the headline of the article text, “{first[:200]}” (its first "
                                        "paragraph); the site shows it in quotation marks as the article's")


def _identified(story: Story) -> Iterator[tuple[str, int, str]]:
    for section, ids in identified_sections(story):
        for index, item_id in enumerate(ids):
            yield section, index, item_id


def _duplicate_ids(story: Story) -> Iterator[tuple[tuple, str]]:
    first_seen: dict[str, str] = {}
    for section, index, item_id in _identified(story):
        here = dotted((section, index))
        if item_id in first_seen:
            yield (section, index, "id"), f"id '{item_id}' is already used by {first_seen[item_id]}"
        else:
            first_seen[item_id] = here


class _Guesses:
    """'Did you mean' for the first few distinct unknown ids: each guess compares against every id the
    story has, so guessing for thousands of them (a wrong article file, a pasted list) took minutes."""

    def __init__(self, known: dict[str, list[str]]) -> None:
        self.known = known
        self.made: dict[tuple[str, str], str | None] = {}

    def guess(self, section: str, value: str) -> str | None:
        key = (section, value)
        if key not in self.made:
            if len(self.made) >= GUESSES_MADE:
                return None
            self.made[key] = closest_name(value, self.known[section])
        return self.made[key]


def _unknown_reference(marker: RefersTo, value: str, known: list[str], guess: str | None) -> str:
    hint = f"; did you mean '{guess}'?" if guess else ""
    if marker.section == SENTENCES:
        return unknown_sentence(value, known) + hint
    return f"no {marker.noun} with id '{value}'{hint}"


def _references(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, str]]:
    """Every field the schema marks as a reference names an item that exists."""
    known = dict(identified_sections(story))
    known[SENTENCES] = [sentence_id for text in texts for sentence_id in text.sentence_ids()]
    sets = {section: set(ids) for section, ids in known.items()}
    listed: dict[tuple, tuple] = {}
    guesses = _Guesses(known)
    for loc, marker, value in references(story):
        if value not in sets[marker.section]:
            yield loc, _unknown_reference(marker, value, known[marker.section], guesses.guess(marker.section, value))
        if isinstance(loc[-1], int):  # an item of a list of references
            first = listed.setdefault((*loc[:-1], value), loc)
            if first != loc:
                yield loc, f"'{value}' is already listed in {dotted(first)}; give each once"
    yield from _evidence_given(story)


def _evidence_given(story: Story) -> Iterator[tuple[tuple, str]]:
    """Who said it, what must cite something, and what a source can carry: rules beyond the references."""
    for rule in (_statements_say_who_and_where, _points_rest_on_something, _sources_carry_sentences_there_are,
                 _article_events_cite_it):
        yield from rule(story)


def _statements_say_who_and_where(story: Story) -> Iterator[tuple[tuple, str]]:
    """A statement has a speaker or a party, one of the two, and cites the sentence it comes from."""
    for index, statement in enumerate(story.statements):
        if (statement.speaker is None) == (statement.party is None):
            yield ("statements", index, "speaker"), "give either a speaker or a party, not both or neither"
        if not statement.cites:
            yield ("statements", index, "cites"), "a reported statement must cite the article sentence it comes from"


def _points_rest_on_something(story: Story) -> Iterator[tuple[tuple, str]]:
    """A takeaway, an event or a figure cites the article's sentences or background items."""
    for section in ("takeaways", "timeline", "figures"):
        for index, item in enumerate(getattr(story, section)):
            if not item.cites and not item.background:
                yield (section, index, "cites"), "cite the article sentences or background items this rests on"


def _sources_carry_sentences_there_are(story: Story) -> Iterator[tuple[tuple, str]]:
    """A background source carries sentences of the item's text by number, each within the text's count."""
    for index, item in enumerate(story.background):
        count = len(split_sentences(item.text))
        for number, item_source in enumerate(item.sources):
            for place, sentence in enumerate(item_source.carries):
                if sentence > count:
                    yield (("background", index, "sources", number, "carries", place),
                           f"the text has {count} sentence{'s' if count != 1 else ''}, not {sentence}")


def _article_events_cite_it(story: Story) -> Iterator[tuple[tuple, str]]:
    """An event known from the article cites the sentence that tells it."""
    for index, event in enumerate(story.timeline):
        if event.basis == "article" and not event.cites:
            yield (("timeline", index, "cites"), "an event known from the article must cite its sentence")


def _statuses_given(story: Story) -> Iterator[tuple[tuple, str]]:
    for index, reaction in enumerate(story.reactions):
        if reaction.status is None and reaction.status_words is None:
            yield (("reactions", index, "status"), "give its status: a built-in one, or status_words in the "
                                                   "story's own words")


def _dates(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, str]]:
    """A full date must fall on a weekday its sentences name: a quote's or a statement's on the day they give as when
    it was said ("said on Monday", generator/article/said_days.py), a timeline event's on any day they name."""
    anchor = story.article.event_date
    for index, event in enumerate(story.timeline):
        if event.date.first_day() > anchor and not event.next:
            yield (("timeline", index, "date"),
                   f"{event.date.isoformat()} is after the article ({anchor.isoformat()}); mark it `next: true`")
    found = sentences_by_id(texts)
    named_in, written_in = _weekdays_named(found), functools.cache(lambda sentence_id: days_written(
        found[sentence_id][0].text))
    for loc, partial, cited, spoken in _dated(story, texts):
        # Only a full date has a weekday; "2024-10" cannot contradict "on Monday".
        date = partial.as_date() if partial else None
        if date is None:
            continue
        cited = [sentence_id for sentence_id in dict.fromkeys(cited) if sentence_id in found]
        named = {day.weekday: day for sentence_id in cited for day in named_in(sentence_id, spoken)}
        written = {(date.year, date.month, date.day), (None, date.month, date.day)}
        if named and WEEKDAYS[date.weekday()] not in named and not any(
                written & written_in(sentence_id) for sentence_id in cited):
            yield loc, _other_weekday(date, named, found[cited[0]][1], story)


def _other_weekday(date: dt.date, named: Mapping[str, NamedDay], text: StoredText, story: Story) -> str:
    """The weekday a text names instead, and its date as counted from that text's own day."""
    anchor = anchor_day(story, text)
    expected = ", ".join(day.isoformat() for name in sorted(named) if (day := named[name].day(anchor)))
    return (f"{date.isoformat()} is a {WEEKDAYS[date.weekday()]}, but {text.what_names} says "
            f"{' or '.join(sorted(named))}" + (f" (that is {expected})" if expected else ""))


def _dated(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, PartialDate | None, list[str], bool]]:
    """Each date of the story: where it is, the date, the sentences it rests on, and whether it is a day of saying
    (a quote's or a statement's) or of an event."""
    by_key = texts_by_key(texts)
    for index, quote in enumerate(story.quotes):
        text = by_key.get(source_key(quote.source), texts[0])
        places = text.quoted.find(quote.text)  # the first place its source quotes these words
        touched = [text.sentence_id(s) for s in text.text.sentences_between(places[0].start, places[0].end)
                   ] if places else []
        yield ("quotes", index, "date"), quote.date, touched, True
    for index, statement in enumerate(story.statements):
        yield ("statements", index, "date"), statement.date, statement.cites, True
    for index, event in enumerate(story.timeline):
        yield ("timeline", index, "date"), event.date, event.cites, False


def _weekdays_named(sentences: Mapping[str, tuple[Sentence, StoredText]]
                    ) -> Callable[[str, bool], tuple[NamedDay, ...]]:
    """The weekdays a sentence names ("on Monday"), or only those it gives as when something was said ("said on
    Monday", read on the sentence with its quotations left out), read once per sentence however often it is cited."""
    @functools.cache
    def named_in(sentence_id: str, spoken: bool) -> tuple[NamedDay, ...]:
        sentence, text = sentences[sentence_id]
        if not spoken:
            return tuple(named_days(sentence.text))
        frame = text.quoted.frame_of(sentence.start, sentence.end)
        return tuple(day for day in named_days(frame) if not day.ahead and goes_with_saying(frame, day))
    return named_in
