"""Read an article into a first draft: the article's facts, its quotes, speakers, statements and timeline.

Every value that is a guess carries the reason for it (`Guess.why`), which becomes its review marker.
Nothing is invented: a value the article does not give is left out, or is a placeholder that says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import ContentError, Problem
from ..source import WEEKDAYS, Sentence, SourceText, split_article
from .attribution import Attribution, Q, attributions, days_named, frame_of
from .byline import event_date as find_event_date
from .byline import parse_byline, parse_dateline
from .people import TITLES, Cast, Speaker, is_capitalised, read_phrase, slug
from .quotes import Passage, find_passages
from .reading import RawArticle


@dataclass(frozen=True)
class Guess:
    """A value `draft` inferred, and why: the editor confirms it and deletes the marker."""

    value: object
    why: str


@dataclass
class DraftQuote:
    passage: Passage
    speaker: Speaker | None
    speaker_why: str
    how: str
    where: str | None
    frame: str = ""  # its sentences with every quotation replaced by Q
    date: dt.date | None = None
    date_why: str = ""
    id: str = ""


@dataclass
class DraftStatement:
    sentence: Sentence
    speaker: Speaker
    evidence: str
    frame: str
    date: dt.date | None
    date_why: str
    quotes: list[DraftQuote] = field(default_factory=list)
    id: str = ""


@dataclass
class Draft:
    text: str
    article: dict[str, object]
    lead: str
    quotes: list[DraftQuote]
    people: list[Speaker]
    statements: list[DraftStatement]


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
    passages = _unique(find_passages(source.text, source.quoted_passages()))
    cast = Cast()
    quotes, statements = _read_sentences(source.text, source, passages, cast, body_start)
    cast.complete_names()
    _date_everything(quotes, statements, anchor)
    _agree_with_named_days(quotes, statements, source)
    _give_ids(quotes, statements, cast.speakers)
    if any(quote.speaker is None for quote in quotes):
        unknown = Speaker("unidentified-speaker", "Speaker not identified in the article", "person")
        cast.speakers.append(unknown)
        for quote in quotes:
            quote.speaker = quote.speaker or unknown
    used = {id(q.speaker) for q in quotes} | {id(s.speaker) for s in statements}
    people = [speaker for speaker in cast.speakers if id(speaker) in used]
    return Draft(raw.text, article, paragraphs[2][0].text, quotes, people, statements)


def _article(raw: RawArticle, source: SourceText, headline: str, byline_text: str, byline: Sentence,
             body: str) -> dict[str, object]:
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
    if not parsed.has_time:
        zone_why = "the byline gives no time; midnight UTC is assumed"
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    day, day_why = find_event_date(published, body, parsed.has_time)
    return {
        "headline": headline,
        "agency": Guess(agency, "read from the byline") if agency else
        Guess("Not given in the byline", "the byline names no agency; write who wrote the article"),
        "outlet": Guess(raw.outlet, "the web page's site name") if raw.outlet else
        Guess(agency or "Not given", "the text does not say where it was published; write the outlet"),
        "url": Guess(raw.url, "the web page's canonical address") if raw.url else
        Guess("https://example.invalid/replace-with-the-article-address",
              "placeholder: the text gives no address; give --url or write the address of the copy used"),
        "byline": parsed.printed,
        "published": Guess(published, zone_why) if zone_why else published,
        "dateline": Guess(dateline.place, "read from the first paragraph") if dateline else
        Guess("Not given", "the first paragraph has no dateline such as 'BRUSSELS:'; write where it was filed"),
        "event_date": Guess(day, day_why),
    }


def _unique(passages: list[Passage]) -> list[Passage]:
    """The same words quoted twice are one quote (the checker wants one speaker for equal words)."""
    seen: set[str] = set()
    kept = []
    for passage in passages:
        if passage.words not in seen:
            seen.add(passage.words)
            kept.append(passage)
    return kept


def _read_sentences(text: str, source: SourceText, passages: list[Passage], cast: Cast,
                    body_start: int) -> tuple[list[DraftQuote], list[DraftStatement]]:
    spans = [(p.opening, p.end + 1) for p in passages]
    quotes: list[DraftQuote] = []
    statements: list[DraftStatement] = []
    pending = sorted(passages, key=lambda p: p.end)
    headline_quotes = [p for p in pending if p.end < body_start]
    pending = [p for p in pending if p.end >= body_start]
    for sentence in source.sentences:
        if sentence.end <= body_start:
            continue
        frame = frame_of(text, sentence.start, sentence.end, spans)
        _note_names(frame, cast)
        _note_subject(frame, cast)
        for found in attributions(frame):  # everyone named as saying something, for "he said" and "the union"
            if not found.phrase.pronoun:
                cast.resolve(found.phrase, found.evidence)
        statement = _statement(sentence, frame, cast)
        if statement:
            statements.append(statement)
        while pending and pending[0].end <= sentence.end:
            passage = pending.pop(0)
            quote = _quote(text, source, passage, spans, cast, quotes)
            quotes.append(quote)
            if statement and statement.sentence.start <= passage.opening < statement.sentence.end:
                statement.quotes.append(quote)
    for passage in pending + headline_quotes:  # quotations outside any sentence, or in the headline
        quotes.append(_quote(text, source, passage, spans, cast, quotes))
    quotes.sort(key=lambda q: q.passage.start)
    return quotes, statements


_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z.'’ -]+(?:\([^)]*\))?\s*(?::|[-–—])\s+")


def _note_subject(frame: str, cast: Cast) -> None:
    """A sentence that opens with a full name ("Resident Grace Fennimore spoke ...") names who "she" is next."""
    words = []
    for word in _DATELINE_PREFIX.sub("", frame).split():
        if word[:1].islower() and word.lower() not in TITLES or not word[:1].isalpha():
            break
        words.append(word)
    phrase = read_phrase(" ".join(words)) if len(words) >= 2 else None
    if phrase and phrase.kind == "person" and not phrase.pronoun and len(phrase.name.split()) >= 2 \
            and phrase.name[:1].isupper() and not phrase.name.lower().startswith(("a ", "an ", "the ")):
        cast.resolve(phrase, " ".join(words))


_CAPITALISED_RUN = re.compile(r"(?:\b[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+")


def _note_names(frame: str, cast: Cast) -> None:
    """Full names with their titles, so that a surname quoted first can be completed."""
    for match in _CAPITALISED_RUN.finditer(frame):
        before = frame[: match.start()].split()[-3:]
        phrase = read_phrase(" ".join([w for w in before if is_capitalised(w) or w.islower()] + [match.group()]))
        if phrase and phrase.kind == "person" and not phrase.pronoun:
            cast.note_full_name(phrase.name, phrase.role)


def _statement(sentence: Sentence, frame: str, cast: Cast) -> DraftStatement | None:
    for found in attributions(frame):
        if found.reported and not found.phrase.pronoun or found.reported and cast.last_person:
            speaker = cast.resolve(found.phrase, found.evidence)
            if speaker:
                return DraftStatement(sentence, speaker, found.evidence, frame, None, "")
    return None


def _quote(text: str, source: SourceText, passage: Passage, spans: list[tuple[int, int]], cast: Cast,
           earlier: list[DraftQuote]) -> DraftQuote:
    quote = _attributed_quote(text, source, passage, spans, cast, earlier)
    region = source.sentences_between(passage.opening, passage.end + 1)
    if region:
        quote.frame = frame_of(text, region[0].start, region[-1].end, spans)
    return quote


def _attributed_quote(text: str, source: SourceText, passage: Passage, spans: list[tuple[int, int]], cast: Cast,
                      earlier: list[DraftQuote]) -> DraftQuote:
    region = source.sentences_between(passage.opening, passage.end + 1)
    start, end = (region[0].start, region[-1].end) if region else (passage.opening, passage.end + 1)
    frame = frame_of(text, start, end, spans)
    target = frame_of(text, start, passage.end + 1, spans).rfind(Q)
    chosen = _nearest(attributions(frame), target)
    if chosen:
        speaker = cast.resolve(chosen.phrase, chosen.evidence)
        if speaker:
            why = f"from the words '{chosen.evidence}'"
            if chosen.phrase.pronoun:
                why = f"'{chosen.phrase.name}' taken to be the last named: from '{chosen.evidence}'"
            return DraftQuote(passage, speaker, why, chosen.how, chosen.where)
    paragraph_start = text.rfind("\n\n", 0, passage.opening)
    same_paragraph = [q for q in earlier if q.passage.opening > paragraph_start and q.speaker]
    if same_paragraph:
        previous = same_paragraph[-1]
        return DraftQuote(passage, previous.speaker, "no attribution beside it; the speaker of the quote before it "
                          "in the same paragraph", previous.how, previous.where)
    later = _attribution_later_in_paragraph(text, source, passage, spans)
    if later:
        speaker = cast.resolve(later.phrase, later.evidence)
        if speaker:
            return DraftQuote(passage, speaker, f"from the words '{later.evidence}' later in the paragraph",
                              later.how, later.where)
    with_speaker = [q for q in earlier if q.speaker]
    if with_speaker:
        previous = with_speaker[-1]
        return DraftQuote(passage, previous.speaker, "no attribution in its paragraph; the speaker of the quote "
                          "before it", previous.how, previous.where)
    return DraftQuote(passage, None, "no attribution found", "said", None)


def _nearest(found: list[Attribution], target: int) -> Attribution | None:
    """The attribution closest to the quotation, preferring one just after it ("Q, Rutte said")."""
    usable = [a for a in found if a.phrase]
    if not usable:
        return None
    return min(usable, key=lambda a: (0 if 0 <= a.verb_at - target <= 40 else 1, abs(a.verb_at - target)))


def _attribution_later_in_paragraph(text: str, source: SourceText, passage: Passage,
                                    spans: list[tuple[int, int]]) -> Attribution | None:
    paragraph_end = text.find("\n\n", passage.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    for sentence in source.sentences_between(passage.end, paragraph_end):
        if sentence.start < passage.end:
            continue
        found = attributions(frame_of(text, sentence.start, sentence.end, spans))
        if found:
            return found[0]
    return None


def _resolve_day(day: str, anchor: dt.date) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - WEEKDAYS.index(day)) % 7)


def _date_everything(quotes: list[DraftQuote], statements: list[DraftStatement], anchor: dt.date) -> None:
    """Dates from "on Monday" words; else the date the same speaker is given elsewhere in the article."""
    for statement in statements:
        own = days_named(statement.frame)
        if own:
            statement.date = _resolve_day(own[0], anchor)
            statement.date_why = f"'on {own[0]}' in the sentence, counted back from the event date"
    for quote in quotes:
        sentence_days = days_named(quote.passage.text)
        outside = days_named(quote.frame)
        if outside:
            quote.date = _resolve_day(outside[0], anchor)
            quote.date_why = f"'on {outside[0]}' in its sentence"
        elif sentence_days:
            quote.date_why = f"the quotation itself says 'on {sentence_days[0]}'; the article does not date it"
    dated = [(s.sentence.start, s.speaker, s.date) for s in statements if s.date] + \
            [(q.passage.start, q.speaker, q.date) for q in quotes if q.date]
    for item in [*statements, *quotes]:
        if item.date or item.date_why:
            continue
        position = item.sentence.start if isinstance(item, DraftStatement) else item.passage.start
        same = sorted((abs(at - position), day) for at, who, day in dated if who is item.speaker)
        if same:
            item.date, item.date_why = same[0][1], "no day beside it; the day the same speaker is dated elsewhere"
        elif isinstance(item, DraftQuote) and item.how.startswith("told"):
            item.date, item.date_why = anchor, "told to an audience, with no other day given: the event date"
        else:
            item.date_why = "The article does not say when this was said."


def _agree_with_named_days(quotes: list[DraftQuote], statements: list[DraftStatement], source: SourceText) -> None:
    """A date must fall on a day its sentences name ("on Friday" inside a quotation counts too, as in `check`)."""
    def named(text: str) -> set[str]:
        return {day for day in WEEKDAYS if f"on {day}" in text}

    for item in [*statements, *quotes]:
        if item.date is None:
            continue
        if isinstance(item, DraftStatement):
            days = named(item.sentence.text)
        else:
            start = source.find(item.passage.words)  # as `check` does: where the words first occur
            touched = source.sentences_between(start, start + len(item.passage.words)) if start >= 0 else []
            days = set().union(*(named(s.text) for s in touched))
        if days and WEEKDAYS[item.date.weekday()] not in days:
            item.date = None
            item.date_why = f"The sentence names {' and '.join(sorted(days))}; the article does not say which day."


def _give_ids(quotes: list[DraftQuote], statements: list[DraftStatement], speakers: list[Speaker]) -> None:
    taken = {speaker.id for speaker in speakers}
    for quote in quotes:
        words = re.findall(r"[A-Za-z0-9]+", quote.passage.words.replace("’", "").replace("'", ""))
        base = slug(" ".join(words[:4])) if words else "quote"
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        quote.id = candidate
        taken.add(candidate)
    for statement in statements:
        base = f"{statement.speaker.id[:40].strip('-')}-said-{statement.sentence.id.replace('.', '-')}"
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        statement.id = candidate
        taken.add(candidate)
