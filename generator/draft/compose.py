"""Read an article into a first draft: the article's facts, its quotes, speakers, statements and timeline.

Every value that is a guess carries the reason for it (`Guess.why`), which becomes its review marker.
Nothing is invented: a value the article does not give is left out, or is a placeholder that says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..article.quotations import Quotation, find_passages, whole_quotations
from ..article.quoted import QuotedPassages
from ..article.source import SourceText, split_article
from ..article.speaker_fit import fits
from ..content.errors import Problem
from ..content.speech_checks import not_their_words
from .attribution import VERB
from .byline import without_dateline
from .dates import agree_with_named_days, date_everything
from .front import read_head
from .issuer import issuer_statement
from .names import read_phrase
from .organisations import organisations_in
from .people import Cast, Speaker, names_them, slug
from .reading import RawArticle
from .reported import DraftQuote, DraftStatement, read_sentences
from .terms import DraftTerm, separate_terms
from .timeline import DraftEvent, timeline_events


@dataclass
class Draft:
    text: str
    article: dict[str, Any]  # a value, or a Guess of one
    lead: str
    quotes: list[DraftQuote]
    terms: list[DraftTerm]  # quoted words that are nobody's speech
    people: list[Speaker]
    statements: list[DraftStatement]
    events: list[DraftEvent]  # the timeline
    warnings: list[Problem] = field(default_factory=list)  # located, for the editor: a missing byline
    sources: list[tuple[str, Draft]] = field(default_factory=list)  # further sources joined to it, by id


def compose(raw: RawArticle, today: dt.date | None = None) -> Draft:
    """The draft of the article in `raw`; `today`, the day of drafting, stands in for a date the article lacks."""
    source = split_article(raw.text)
    head = read_head(raw, source, today or dt.date.today())
    body_start = head.body_start
    every_passage = whole_quotations(find_passages(source.text, source.quoted_passages(), _reopening(source),
                                                   own_marks="‘"), source.text)
    passages = _unique(every_passage)
    cast = Cast(organisations=organisations_in(source.text[body_start:], VERB))
    quotes, statements = read_sentences(source.text, source, passages, cast, body_start)
    _merge_speakers(quotes, statements, cast.complete_names())
    quoted = QuotedPassages(source)
    _agree_with_check(quotes, quoted, cast)
    quotes, terms = separate_terms(quotes, statements, every_passage, source, cast.speakers)
    quotes, terms = _given_to_nobody_as_terms(quotes, terms, statements, quoted)
    issued = issuer_statement(head.issuer, head.headline, head.first_paragraph, quotes, statements, cast)
    statements = sorted([*statements, issued], key=lambda each: each.sentence.start) if issued else statements
    for quote in quotes:
        quote.how, quote.where = _how_and_where(quote.how, quote.where)
    date_everything(quotes, statements, head.calendar)
    agree_with_named_days(quotes, statements, source, quoted)
    _give_ids(quotes, statements, cast.speakers)
    if any(quote.speaker is None for quote in quotes):
        unknown = Speaker("unidentified-speaker", "Speaker not identified in the article", "person")
        cast.speakers.append(unknown)
        for quote in quotes:
            quote.speaker = quote.speaker or unknown
    used = {id(q.speaker) for q in quotes} | {id(s.speaker) for s in statements}
    people = [speaker for speaker in cast.speakers if id(speaker) in used]
    events = timeline_events([*head.notes, *head.body], head.lede, statements, head.calendar, quoted)
    return Draft(raw.text, head.article, without_dateline(head.lede.text).strip(), quotes, terms, people, statements,
                 events, head.warnings)


_NOBODY = Speaker("", "", "person")  # whom no attribution fits: a quote the draft found no speaker for


def _agree_with_check(quotes: list[DraftQuote], quoted: QuotedPassages, cast: Cast) -> None:
    """Give each quote the speaker `check` reads for it where the two readings differ: the draft's nearest
    attribution is a guess, and the check's rule (which attribution governs which quotation) decides."""
    for quote in quotes:
        not_theirs = not_their_words(quoted, quoted.find(quote.passage.words), quote.speaker or _NOBODY)
        other = not_theirs.other if not_theirs else None
        phrase = read_phrase(other.name) if other else None
        if other is None or phrase is None or phrase.pronoun:
            continue
        found = cast.resolve(phrase, other.evidence)
        if found is None or not fits(other, found):  # "the institute": the one the check takes it for
            found = next((speaker for speaker in cast.speakers if fits(other, speaker)), found)
        if found is not None:
            quote.speaker, quote.direct, quote.named = found, True, names_them(phrase, found)
            quote.speaker_why = f"from the words '{other.evidence}'"


def _given_to_nobody_as_terms(quotes: list[DraftQuote], terms: list[DraftTerm], statements: list[DraftStatement],
                              quoted: QuotedPassages) -> tuple[list[DraftQuote], list[DraftTerm]]:
    """Words the article gives to nobody the draft can name as their own ("he said" with nobody named before, a
    sign's words, a denial's) are no one's quote for `check`: the draft lists them as terms, each saying why."""
    kept = []
    for quote in quotes:
        not_theirs = not_their_words(quoted, quoted.find(quote.passage.words), quote.speaker or _NOBODY)
        if not_theirs is None:
            kept.append(quote)
        else:
            terms.append(DraftTerm(quote.passage, f"{not_theirs.because('these words')}: taken for a term; move it "
                                                  "to quotes, with its speaker, if the article gives it to someone"))
    taken = {id(quote.passage) for quote in quotes} - {id(quote.passage) for quote in kept}
    for statement in statements:
        statement.quotes = [quote for quote in statement.quotes if id(quote.passage) not in taken]
    return kept, sorted(terms, key=lambda term: term.passage.start)


def _how_and_where(how: str, where: str | None) -> tuple[str, str | None]:
    """Never the same words in both: "said in a statement" is how it was said, "on X" or "at a rally" where."""
    if not where or where not in how:
        return how, where
    if where.startswith("in "):
        return how, None
    rest = " ".join(how.replace(where, " ").split())
    return (rest or how), where if rest else None


def _reopening(source: SourceText) -> set[int]:
    """Where a passage reopens, in a new paragraph, a quotation left open at the end of the one before."""
    parts = source.quotations.passages
    return {passage.start for before, passage in zip(parts, parts[1:], strict=False)
            if passage.continued and not before.closed}


def _unique(passages: list[Quotation]) -> list[Quotation]:
    """The same words quoted twice are one quote (the checker wants one speaker for equal words)."""
    seen: set[str] = set()
    kept = []
    for passage in passages:
        if passage.words not in seen:
            seen.add(passage.words)
            kept.append(passage)
    return kept

def _give_ids(quotes: list[DraftQuote], statements: list[DraftStatement], speakers: list[Speaker]) -> None:
    taken = {speaker.id for speaker in speakers}
    numbered: dict[str, int] = {}  # the last number given to each base: counting up from 2 again was quadratic

    def free(base: str) -> str:
        candidate, number = base, numbered.get(base, 1) + 1
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        if candidate != base:
            numbered[base] = number - 1
        taken.add(candidate)
        return candidate

    for quote in quotes:
        words = re.findall(r"[A-Za-z0-9]+", quote.passage.words.replace("’", "").replace("'", ""))
        quote.id = free(slug(" ".join(words[:4]), "quote") if words else "quote")
    for statement in statements:
        statement.id = free(f"{statement.speaker.id[:40].strip('-')}-said-{statement.sentence.id.replace('.', '-')}")


def _merge_speakers(quotes: list[DraftQuote], statements: list[DraftStatement], merged: dict[int, Speaker]) -> None:
    """Quotes and statements of a speaker known by a description ("A county judge") go to the named person who
    holds that title, saying so in the review marker."""
    def note(described: Speaker, holder: Speaker) -> str:
        return f"'{described.name}' taken to be {holder.name}, the only {described.name.split()[-1]} named"

    for quote in quotes:
        holder = merged.get(id(quote.speaker))
        if holder is not None and quote.speaker is not None:
            quote.speaker_why, quote.speaker = f"{note(quote.speaker, holder)}; {quote.speaker_why}", holder
            quote.named = False
    for statement in statements:
        holder = merged.get(id(statement.speaker))
        if holder is not None:
            statement.speaker_note, statement.speaker = note(statement.speaker, holder), holder
            statement.named = False
