"""The article's head for the draft: headline, byline line, editor's notes and lede, and what they say (agency,
publication time, dateline, event date).

A missing or unreadable byline does not stop the draft: it is reported as a located warning, and every value it
would have given is a marked placeholder, but for the publication date: the first full date the body writes
("on Saturday 5 April 2025"), marked for review, when it writes one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from ..article.source import Sentence, SourceText
from ..article.text_dates import date_style, written_dates
from ..content.errors import ContentError, Problem
from .byline import (
    SENTENCE_ENDS,
    Byline,
    Dateline,
    is_editors_note,
    is_news_release,
    looks_like_byline,
    parse_byline,
    parse_dateline,
    tells_news,
    without_dateline,
)
from .byline import event_date as find_event_date
from .dates import Calendar
from .reading import RawArticle

BYLINE_EXAMPLES = "'Reuters Published 29 Oct, 2024 03:27am' or 'By Jane Roe, Associated Press, March 13, 2025'"


@dataclass(frozen=True)
class Guess:
    """A value `draft` inferred, and why: the editor confirms it and deletes the marker."""

    value: Any
    why: str


@dataclass(frozen=True)
class Head:
    headline: str
    body_start: int  # where the body starts: after the byline line, or after the headline when there is none
    lede: Sentence  # the story's first sentence: editor's notes, a subheading or a standfirst left out
    body: list[Sentence]  # the body's sentences, editor's notes left out
    notes: list[Sentence]  # the sentences of editor's notes that tell news ("The mission ended Feb. 26")
    article: dict[str, Any]  # a value, or a Guess of one
    calendar: Calendar
    warnings: list[Problem]
    issuer: str | None = None  # the organisation the byline names: the issuer of a news release
    first_paragraph: tuple[Sentence, ...] = ()  # the body's first paragraph, editor's notes left out


def read_head(raw: RawArticle, source: SourceText, today: dt.date) -> Head:
    """The head of the article in `source`; a ContentError when it has no body at all."""
    paragraphs = source.paragraphs()
    has_byline = _has_byline(paragraphs)
    body = paragraphs[2:] if has_byline else paragraphs[1:]
    news = [paragraph for paragraph in body if not is_editors_note(paragraph[0].text)]
    if not news:
        raise _no_body(raw.label, len(paragraphs))
    lede = _lede(news)
    opening = next(paragraph for paragraph in news if paragraph[0] is lede)
    parsed, from_body, warning = _publication(raw, source, paragraphs, has_byline, opening)
    dateline = parse_dateline(lede.text)
    dateline_agency = dateline.agency if dateline else None
    article = _facts(raw, parsed, dateline_agency, has_byline)
    article["headline"] = " ".join(s.text for s in paragraphs[0])
    article["dateline"] = _dateline(dateline)
    calendar = _calendar(parsed, lede.text, source.text[body[0][0].start:],
                         parsed.agency if has_byline else dateline_agency)
    article["published"] = _published(article["published"], parsed, from_body, today)
    article["event_date"] = Guess(calendar.event or today, calendar.event_why)
    sentences = [sentence for paragraph in news for sentence in paragraph]
    return Head(article["headline"], body[0][0].start, lede, sentences, _news_in_notes(body), article, calendar,
                [warning] if warning else [], parsed.agency if has_byline else None, tuple(opening))


def _has_byline(paragraphs: list[list[Sentence]]) -> bool:
    """Whether the paragraph after the headline is a byline line ("Reuters Published 29 Oct, 2024 03:27am")."""
    return len(paragraphs) > 1 and looks_like_byline(" ".join(s.text for s in paragraphs[1]))


def _dateline(dateline: Dateline | None) -> str | Guess:
    """Where the article was filed, as its first paragraph says ("BRUSSELS:"), or a marked placeholder."""
    if dateline:
        return dateline.place
    return Guess("Not given", "the first paragraph has no dateline such as 'BRUSSELS:'; write where it was filed")


def _no_body(label: str, paragraphs: int) -> ContentError:
    """The error for a text with no body after its headline and byline line (editor's notes aside), saying the
    shape an article takes."""
    message = ("expected the headline, a blank line, the byline line, a blank line, then the body "
               f"(found {paragraphs} paragraph{'s' if paragraphs != 1 else ''})")
    return ContentError([Problem(label, 1, 1, "", message)])


def _published(stated: Any, parsed: Byline, from_body: str, today: dt.date) -> Any:
    """The publication date: a date the body writes, marked with why it was taken, where no byline or page gives
    one; else the date stated, or today as a marked placeholder."""
    if parsed.published is not None and from_body:
        return Guess(parsed.published.date(), from_body)
    return stated or Guess(today, "placeholder: the article gives no date; write the day it was published")


def _news_in_notes(body: list[list[Sentence]]) -> list[Sentence]:
    """The sentences of editor's notes that tell news ("The mission ended Feb. 26"), not of the article itself."""
    return [s for paragraph in body if is_editors_note(paragraph[0].text) for s in paragraph if tells_news(s.text)]


def _publication(raw: RawArticle, source: SourceText, paragraphs: list[list[Sentence]], has_byline: bool,
                 opening: list[Sentence]) -> tuple[Byline, str, Problem | None]:
    """When the article was published: from its byline line, else the web page's date, else (with a located warning)
    the first full date the story's opening paragraph writes, with the reason for its review marker, else none.
    A date further on is the history the story tells, not its day (a spacecraft's launch, years before)."""
    byline_text = " ".join(s.text for s in paragraphs[1]) if has_byline else ""
    parsed = parse_byline(byline_text)
    if parsed.published is None and raw.published:
        parsed = replace(parse_byline(raw.published), author=parsed.author)
    if parsed.published is not None:
        return parsed, "", None
    written = _first_full_date(opening)
    found = f"the byline line, {byline_text[:60]!r}, gives no date" if has_byline else \
        f"no byline line after the headline: this line, {paragraphs[1][0].text[:40]!r}…, is read as the body"
    then = (f"takes its publication and event dates from the first date its opening writes, '{written[1]}', marked for "
            "review" if written else "marks its publication and event dates as placeholders to replace")
    warning = Problem(raw.label, source.line_of(paragraphs[1][0].start), 1, "", f"warning: {found}; expected a "
                      f"byline line with the date, e.g. {BYLINE_EXAMPLES}. The draft {then}")
    if written is None:
        return parsed, "", warning
    published = dt.datetime(written[0].year, written[0].month, written[0].day)
    why = (f"the article gives no date line: the first date its opening writes, '{written[1]}'; write the day it was "
           "published")
    return Byline(parsed.agency, None, published, False, False, parsed.author), why, warning


def _first_full_date(opening: list[Sentence]) -> tuple[dt.date, str] | None:
    """The first day the opening paragraph writes out with its year ("on Saturday 5 April 2025"), not a day to
    come."""
    for sentence in opening:
        for written in written_dates(without_dateline(sentence.text)):
            if written.year and written.month and written.day and not written.ahead:
                try:
                    return dt.date(written.year, written.month, written.day), written.text
                except ValueError:  # 31 April
                    continue
    return None


def _lede(news: list[list[Sentence]]) -> Sentence:
    """The first sentence of the story: of the body's first paragraph that is not a subheading or a standfirst."""
    for paragraph, following in zip(news, news[1:], strict=False):
        if not _before_the_story(paragraph, following):
            return paragraph[0]
    return news[-1][0]


def _before_the_story(paragraph: list[Sentence], following: list[Sentence]) -> bool:
    """A subheading or a standfirst: one line that does not end as a sentence does ("Islanders face a 40-mile
    drive"), or a paragraph with no dateline before one that opens with it ("PHILADELPHIA — ...")."""
    if parse_dateline(paragraph[0].text) is not None:
        return False
    heading = len(paragraph) == 1 and not paragraph[0].text.rstrip().endswith(SENTENCE_ENDS)
    return heading or parse_dateline(following[0].text) is not None


def _facts(raw: RawArticle, parsed: Byline, dateline_agency: str | None, has_byline: bool) -> dict[str, Any]:
    """Who wrote the article, where and when it was published, as the byline, the dateline and the page say. What
    the byline line states is taken as it is; the rest is marked."""
    agency, agency_why = next(((name, why) for name, why in (
        (parsed.agency if has_byline else None, ""), (dateline_agency, "read from the dateline"),
        (raw.agency, "the web page's author")) if name), (None, ""))
    outlet = _given_or_read(raw, "outlet", "the web page's site name", Guess(
        agency or "Not given", "the text does not say where it was published; write the outlet"))
    url = _given_or_read(raw, "url", "the web page's canonical address", Guess(
        "https://example.invalid/replace-with-the-article-address",
        "placeholder: the text gives no address; give --url or write the address of the copy used"))
    if isinstance(outlet, Guess) and isinstance(url, Guess) and url.why.startswith("placeholder"):
        # One question, where the copy was published: asked once, beside the address to replace.
        outlet, url = outlet.value, Guess(url.value, f"{url.why}, and, above, the outlet that published it, here "
                                                     "taken to be the agency")
    return {
        "agency": (Guess(agency, agency_why) if agency_why else agency) if agency else
        Guess("Not given in the byline", "the byline names no agency; write who wrote the article"),
        "outlet": outlet,
        "url": url,
        "author": parsed.author if has_byline else None,
        "byline": parsed.printed if parsed.has_time else None,
        "published": _publication_time(parsed),
    }


def _given_or_read(raw: RawArticle, field: str, read_why: str, placeholder: Guess) -> Any:
    """A field the editor gave on the command line as it is; one the web page gives, marked; else a placeholder."""
    value = getattr(raw, field)
    if field in raw.given:
        return value
    return Guess(value, read_why) if value else placeholder


def _publication_time(parsed: Byline) -> dt.datetime | dt.date | Guess | None:
    """The byline's time, in UTC (marked) where it gives no zone; the day alone where it gives no time, so that the
    site never shows a time nobody printed."""
    published = parsed.published
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    if not parsed.has_time:
        return published.date()
    return published if parsed.has_zone else \
        Guess(published, "the byline gives no time zone; UTC is assumed, set the outlet's")


def _calendar(parsed: Byline, lede: str, body: str, agency: str | None) -> Calendar:
    """The days the draft counts from; a news release of `agency` speaks on the day it is issued."""
    if parsed.published is None:
        return Calendar(None, None, "placeholder: the article gives no date; write the day of the news it reports")
    release = agency if is_news_release(agency, body) else None
    day, why = find_event_date(parsed.published, lede, body, parsed.has_time, release)
    return Calendar(parsed.published.date(), day, why, release is not None, date_style(f"{lede}\n{body}"))
