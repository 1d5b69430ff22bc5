"""Drafting from several sources: `draft A.txt B.html --out DIR`. The first is the story's article; each further one
is drafted on its own, with its own byline and calendar (so a later source's "on Monday" is counted from its own
day, never the article's), then joined to the article's draft as an entry of `sources:`.

Its quotes, terms and statements name it as their `source`, its sentences are cited after its id (`b:p3.s1`), and a
speaker the article's draft has already (the same name) is one person, not two: the article's entry is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..article.quoted import same_speaker
from ..draft.people import Speaker, slug
from .compose import Draft, compose
from .front import Guess
from .reading import RawArticle
from .source_kind import source_kind

# File names a further source's text may not take: the article's and the story's own.
_TAKEN_FILES = ("article", "story")


@dataclass
class FurtherSource:
    """A further source as drafted: its id (its text goes to `<id>.txt`, the schema's default) and its draft."""

    id: str
    draft: Draft


def draft_further(raw: RawArticle, path: Path, today: dt.date, taken: set[str]) -> FurtherSource:
    """One further source's draft, under an id from its file's name that no other id of the story has."""
    base = slug(path.stem, "source")
    source_id, number = base, 1
    while source_id in taken or source_id in _TAKEN_FILES:
        number += 1
        source_id = f"{base}-{number}"
    taken.add(source_id)
    return FurtherSource(source_id, compose(raw, today))


def join(main: Draft, further: list[FurtherSource]) -> None:
    """Join each further source's draft to the article's: its quotes, terms, statements, events and new speakers."""
    taken = {person.id for person in main.people} | {quote.id for quote in main.quotes} | \
        {statement.id for statement in main.statements} | {source.id for source in further}
    for source in further:
        _same_speakers(main, source, taken)
        for quote in source.draft.quotes:
            quote.source = source.id
            quote.id = _free(quote.id, source.id, taken)
        source.draft.terms = [dataclasses.replace(term, source=source.id) for term in source.draft.terms]
        for statement in source.draft.statements:
            statement.source = source.id
            statement.id = _free(statement.id, source.id, taken)
            statement.sentence = dataclasses.replace(statement.sentence, id=f"{source.id}:{statement.sentence.id}")
        source.draft.events = [dataclasses.replace(event, sentence=dataclasses.replace(
            event.sentence, id=f"{source.id}:{event.sentence.id}")) for event in source.draft.events]
        main.quotes += source.draft.quotes
        main.terms += source.draft.terms
        main.statements += source.draft.statements
        main.events = sorted([*main.events, *source.draft.events], key=lambda event: event.date)
        main.warnings += source.draft.warnings
    main.sources = [(source.id, source.draft) for source in further]


def _same_speakers(main: Draft, source: FurtherSource, taken: set[str]) -> None:
    """A speaker of the further source whom the article's draft names already is the article's entry; any other
    joins the story's people under an id of its own."""
    other = source.draft
    for speaker in other.people:
        known = next((person for person in main.people if _same(person, speaker)), None)
        if known is None:
            speaker.id = _free(speaker.id, source.id, taken)
            main.people.append(speaker)
            continue
        for quote in other.quotes:
            quote.speaker = known if quote.speaker is speaker else quote.speaker
        for statement in other.statements:
            statement.speaker = known if statement.speaker is speaker else statement.speaker


def _same(known: Speaker, speaker: Speaker) -> bool:
    """The same person or organisation: the same kind, and every word of one name among the other's ("Varga-Stone"
    is Imelda Varga-Stone)."""
    return known.kind == speaker.kind and (same_speaker(speaker.name, known.name)
                                           or same_speaker(known.name, speaker.name))


def _free(wanted: str, suffix: str, taken: set[str]) -> str:
    """`wanted`, or with the source's id after it (and a number) where the story has that id already."""
    candidate, number = wanted, 1
    while candidate in taken:
        candidate = f"{wanted}-{suffix}" if number == 1 else f"{wanted}-{suffix}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def sources_yaml(further: list[tuple[str, Draft]], line: Callable[..., str]) -> list[str]:
    """The `sources:` section of the draft: each further source with what its own text says of it, marked."""
    if not further:
        return []
    out = ["", "sources:"]
    for source_id, draft in further:
        article = draft.article
        out.append(line("  - ", "id", source_id))
        out.append(line("    ", "kind", source_kind(draft.text, article["headline"], _value(article["url"]),
                                               _value(article["agency"]))))
        out.append(line("    ", "outlet", article["outlet"]))
        out += [line("    ", "author", article["author"], verbatim=True)] if article.get("author") else []
        out.append(line("    ", "title", article["headline"], verbatim=True))
        out.append(line("    ", "date", _day(article["published"]), "the day its byline gives"))
        out.append(line("    ", "url", article["url"]))
    return out


def _value(drafted: object) -> str:
    """A drafted value as text, a guess's included."""
    return str(drafted.value if isinstance(drafted, Guess) else drafted)


def _day(published: object) -> object:
    """The day of a byline's time, kept as a guess where the byline gave none."""
    if isinstance(published, Guess):
        return Guess(_day(published.value), published.why)
    return published.date() if isinstance(published, dt.datetime) else published
