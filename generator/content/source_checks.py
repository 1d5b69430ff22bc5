"""The rules of `check` that tie quotes and statements to the source they name, in a story of several sources.

- A quote is checked against the source it names (`source:`, else the article) alone. One that is not there but
  that another stored source quotes word for word is reported as given the wrong source, naming where it is.
- A statement cites a sentence of the source it names: its `source` says which report it comes from.
- A further source kept in full starts with its title, when the story gives one, as the article does its headline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from ..article.quoted import Span
from .schema import Quote, Story, Term
from .stored_texts import ARTICLE, StoredText, source_key, split_sentence_id, texts_by_key

Named = TypeVar("Named", Quote, Term)


def naming(items: Iterable[Named], key: str, also: Iterable[int] = ()) -> list[tuple[int, Named]]:
    """The items (with their index in the story's list) that name the text of `key` as their source, and those of
    `also`, by index."""
    extra = set(also)
    return [(index, item) for index, item in enumerate(items) if source_key(item.source) == key or index in extra]


def misplaced_quotes(story: Story, texts: Sequence[StoredText]) -> dict[int, tuple[StoredText, str]]:
    """Quotes that are not in the source they name but that another source quotes word for word: by the quote's
    index, the text that has them and the message saying so."""
    by_key = texts_by_key(texts)
    found: dict[int, tuple[StoredText, str]] = {}
    for index, quote in enumerate(story.quotes):
        named = by_key.get(source_key(quote.source))
        if named is None or named.quoted.find(quote.text):
            continue
        other = next(((text, places[0]) for text in texts if text is not named
                      for places in [text.quoted.find(quote.text)] if places), None)
        if other is not None:
            found[index] = (other[0], _elsewhere(named, *other))
    return found


def _elsewhere(named: StoredText, other: StoredText, place: Span) -> str:
    line, column = other.text.line_and_column(place.start)
    sentence = other.text.sentence_at(place.start)
    where = f"{other.label}:{line}:{column}" + (f" (sentence {other.sentence_id(sentence)})" if sentence else "")
    fix = ("leave out `source:`, as the article is the default" if other.key == ARTICLE
           else f"give it `source: {other.key}`")
    named_as = "the article, its default source" if named.key == ARTICLE else f"{named.label}, the source it names"
    return f"is not quoted in {named_as}, but in {where}, another source; {fix}"


def misplaced_locations(story: Story, misplaced: dict[int, tuple[StoredText, str]]) -> Iterator[tuple[tuple, str]]:
    """Each misplaced quote's message, on its `source` field if it gives one, else on its words."""
    for index, (_, message) in misplaced.items():
        yield ("quotes", index, "source" if story.quotes[index].source else "text"), message


def statements_cite_their_source(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, str]]:
    """A statement's `source` is the report it comes from: it cites at least one sentence of it."""
    known = texts_by_key(texts)
    for index, statement in enumerate(story.statements):
        key = source_key(statement.source)
        cited = {split_sentence_id(sentence_id)[0] for sentence_id in statement.cites}
        if not cited or key in cited or key not in known:
            continue
        others = sorted(cited)
        if statement.source:
            yield (("statements", index, "source"), f"cites no sentence of '{key}', the source it names; it cites "
                                                    f"{_sources(others)}")
        else:
            yield (("statements", index, "cites"), f"cites only {_sources(others)}, not the article; give the "
                                                   f"statement `source: {others[0]}`")


def _sources(keys: list[str]) -> str:
    return " and ".join("the article" if key == ARTICLE else f"'{key}'" for key in keys)


def titles_as_written(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, str]]:
    """A further source kept in full opens with its title, when the story gives one (the pages show it in quotation
    marks as the source's own words)."""
    by_key = texts_by_key(texts)
    for index, entry in enumerate(story.sources):
        text = by_key.get(entry.id)
        paragraphs = text.text.paragraphs() if text else []
        if entry.excerpt or entry.title is None or not paragraphs:
            continue
        first = " ".join(sentence.text for sentence in paragraphs[0])
        if " ".join(entry.title.split()) != " ".join(first.split()):
            yield (("sources", index, "title"), f"is not the first paragraph of {text.label if text else 'its text'}, "
                                                f"“{first[:200]}”; a full source's text starts with its title "
                                                "(mark it `excerpt: true` if the file holds only part of it)")
