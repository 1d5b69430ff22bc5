"""Read an article into a first draft: the article's facts, its quotes, speakers, statements and timeline.

Every value that is a guess carries the reason for it (`Guess.why`), which becomes its review marker.
Nothing is invented: a value the article does not give is left out, or is a placeholder that says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..errors import ContentError, Problem
from ..quote_checks import attributed_to_another
from ..quoted import QuotedPassages
from ..source import Sentence, SourceText, split_article
from .attribution import VERB
from .byline import event_date as find_event_date
from .byline import parse_byline, parse_dateline, without_dateline
from .dates import NamedTime, agree_with_named_days, date_everything, named_times
from .issuer import issuer_statement
from .names import read_phrase
from .organisations import organisations_in
from .people import Cast, Speaker, slug
from .quotes import Passage, find_passages, whole_quotations
from .reading import RawArticle
from .reported import DraftQuote, DraftStatement, read_sentences
from .terms import DraftTerm, separate_terms


@dataclass(frozen=True)
class Guess:
    """A value `draft` inferred, and why: the editor confirms it and deletes the marker."""

    value: Any
    why: str


@dataclass
class Draft:
    text: str
    article: dict[str, Any]  # a value, or a Guess of one
    lead: str
    quotes: list[DraftQuote]
    terms: list[DraftTerm]  # quoted words that are nobody's speech
    people: list[Speaker]
    statements: list[DraftStatement]
    named_times: list[NamedTime]  # sentences naming a year or a month, for the timeline


def compose(raw: RawArticle) -> Draft:
    source = split_article(raw.text)
    paragraphs = source.paragraphs()
    if len(paragraphs) < 3:
        message = ("expected the headline, a blank line, the byline line, a blank line, then the body "
                   f"(found {len(paragraphs)} paragraph{'s' if len(paragraphs) != 1 else ''})")
        raise ContentError([Problem(raw.label, 1, 1, "", message)])
    headline = " ".join(s.text for s in paragraphs[0])
    byline_text = " ".join(s.text for s in paragraphs[1])
    body_start = paragraphs[2][0].start
    body = source.text[body_start:]  # source.text: comment lines blanked, offsets as `check` counts them
    article = _article(raw, source, headline, byline_text, paragraphs[1][0], body)
    anchor = article["event_date"].value
    every_passage = whole_quotations(find_passages(source.text, source.quoted_passages(), _reopening(source),
                                                   own_marks="‘"), source.text)
    passages = _unique(every_passage)
    cast = Cast(organisations=organisations_in(body, VERB))
    quotes, statements = read_sentences(source.text, source, passages, cast, body_start)
    _merge_speakers(quotes, statements, cast.complete_names())
    quoted = QuotedPassages(source)
    _agree_with_check(quotes, quoted, cast)
    quotes, terms = separate_terms(quotes, statements, every_passage, source, cast.speakers)
    issued = issuer_statement(parse_byline(byline_text).agency, headline, paragraphs[2], quotes, statements, cast)
    statements = sorted([*statements, issued], key=lambda each: each.sentence.start) if issued else statements
    for quote in quotes:
        quote.how, quote.where = _how_and_where(quote.how, quote.where)
    date_everything(quotes, statements, anchor)
    agree_with_named_days(quotes, statements, source, quoted)
    _give_ids(quotes, statements, cast.speakers)
    if any(quote.speaker is None for quote in quotes):
        unknown = Speaker("unidentified-speaker", "Speaker not identified in the article", "person")
        cast.speakers.append(unknown)
        for quote in quotes:
            quote.speaker = quote.speaker or unknown
    used = {id(q.speaker) for q in quotes} | {id(s.speaker) for s in statements}
    people = [speaker for speaker in cast.speakers if id(speaker) in used]
    published = article["published"].value if isinstance(article["published"], Guess) else article["published"]
    body_sentences = [sentence for sentence in source.sentences if sentence.start >= body_start]
    times = named_times(body_sentences, published if type(published) is dt.date else published.date())
    return Draft(raw.text, article, without_dateline(paragraphs[2][0].text), quotes, terms, people, statements,
                 times)


def _article(raw: RawArticle, source: SourceText, headline: str, byline_text: str, byline: Sentence,
             body: str) -> dict[str, Any]:
    parsed = parse_byline(byline_text)
    if parsed.published is None and raw.published:
        parsed = parse_byline(raw.published)
    if parsed.published is None:
        line = source.text.count("\n", 0, byline.start) + 1
        message = (f"byline: no date found in {byline_text[:60]!r}; the line after the headline must be the byline, "
                   "e.g. 'Reuters Published 29 Oct, 2024 03:27am' or 'By Jane Roe, Associated Press, March 13, 2025'")
        raise ContentError([Problem(raw.label, line, 1, "", message)])
    dateline = parse_dateline(body)
    agency = parsed.agency or (dateline.agency if dateline else None) or raw.agency
    published = parsed.published
    zone_why = "" if parsed.has_zone else "the byline gives no time zone; UTC is assumed, set the outlet's"
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    day, day_why = find_event_date(published, body, parsed.has_time)
    # No time in the byline: the day alone and no `byline`, so that the site never shows a time nobody printed.
    when: dt.date | Guess = published.date() if not parsed.has_time else \
        Guess(published, zone_why) if zone_why else published
    return {
        "headline": headline,
        "agency": Guess(agency, "read from the byline") if agency else
        Guess("Not given in the byline", "the byline names no agency; write who wrote the article"),
        "outlet": Guess(raw.outlet, "the web page's site name") if raw.outlet else
        Guess(agency or "Not given", "the text does not say where it was published; write the outlet"),
        "url": Guess(raw.url, "the web page's canonical address") if raw.url else
        Guess("https://example.invalid/replace-with-the-article-address",
              "placeholder: the text gives no address; give --url or write the address of the copy used"),
        "byline": parsed.printed if parsed.has_time else None,
        "published": when,
        "dateline": Guess(dateline.place, "read from the first paragraph") if dateline else
        Guess("Not given", "the first paragraph has no dateline such as 'BRUSSELS:'; write where it was filed"),
        "event_date": Guess(day, day_why),
    }


_NOBODY = Speaker("", "", "person")  # whom no attribution fits: a quote the draft found no speaker for


def _agree_with_check(quotes: list[DraftQuote], quoted: QuotedPassages, cast: Cast) -> None:
    """Give each quote the speaker `check` reads for it where the two readings differ: the draft's nearest
    attribution is a guess, and the check's rule (which attribution governs which quotation) decides."""
    for quote in quotes:
        other = attributed_to_another(quoted, quoted.find(quote.passage.words), quote.speaker or _NOBODY)
        phrase = read_phrase(other.name) if other else None
        if other is None or phrase is None or phrase.pronoun:
            continue
        found = cast.resolve(phrase, other.evidence)
        if found is not None:
            quote.speaker, quote.direct = found, True
            quote.speaker_why = f"from the words '{other.evidence}'"


def _merge_speakers(quotes: list[DraftQuote], statements: list[DraftStatement], merged: dict[int, Speaker]) -> None:
    """Quotes and statements of a speaker known by a description ("A county judge") go to the named person who
    holds that title, saying so in the review marker."""
    def note(described: Speaker, holder: Speaker) -> str:
        return f"'{described.name}' taken to be {holder.name}, the only {described.name.split()[-1]} named"

    for quote in quotes:
        holder = merged.get(id(quote.speaker))
        if holder is not None and quote.speaker is not None:
            quote.speaker_why, quote.speaker = f"{note(quote.speaker, holder)}; {quote.speaker_why}", holder
    for statement in statements:
        holder = merged.get(id(statement.speaker))
        if holder is not None:
            statement.speaker_note, statement.speaker = note(statement.speaker, holder), holder


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


def _unique(passages: list[Passage]) -> list[Passage]:
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
