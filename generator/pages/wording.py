"""The sentences pages build from the content: captions, "X said ... on DATE" lines, lists joined with commas.

Every function returns Markdown as `Markup`; each value from the content is escaped with `text.md_escape` on
the way in (never by `Markup`'s own `+`, which escapes for HTML only). Links to other items come in built, from
generator/pages/links.py, so these functions decide wording and punctuation alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable

from markupsafe import Markup

from ..content.explainer_dates import ExplainerDates
from ..content.partial_dates import PartialDate
from ..content.schema import (
    CHANGE_WORDS,
    STATUS_WORDS,
    Article,
    Change,
    Event,
    Quote,
    Reaction,
    Source,
    Statement,
    Story,
)
from .date_words import BRITISH, DateWords, in_zone
from .identity import passed_on_by
from .markdown_text import as_phrase, capitalised, href, html_escape, md_escape, plain_words

UPDATES_LOG = "method.md#updates-and-corrections"
REPORTED_ON = (("quotes", "[quotes](quotes.md)"), ("reactions", "[reactions](reactions.md)"))


def time_tag(moment: dt.date | PartialDate, dates: DateWords = BRITISH) -> Markup:
    """<time datetime="2024-10-29">29 October 2024</time>; a moment with its time and zone in words."""
    words = dates.day(moment) if isinstance(moment, PartialDate) else dates.moment(moment)
    return Markup(f'<time datetime="{html_escape(moment.isoformat())}">{md_escape(words)}</time>')


def quote_paragraphs(quote: Quote) -> list[str]:
    """A quote's paragraphs, each without the mark that reopens it in the article: a quotation written whole
    over paragraphs carries them ("...go.\\n\\n\\"We will...") and is shown paragraph by paragraph in one style."""
    parts = [part.strip() for part in re.split(r"\n\s*\n", quote.text) if part.strip()]
    return [parts[0], *(part[1:] if part[:1] in ('"', "“") else part for part in parts[1:])]


def quoted_paragraphs(quote: Quote) -> list[Markup]:
    """A quote's paragraphs as printed: each opens a quotation mark, and only the last closes it."""
    paragraphs = quote_paragraphs(quote)
    return [Markup("“") + md_escape(paragraph) + Markup("”" if number == len(paragraphs) else "")
            for number, paragraph in enumerate(paragraphs, start=1)]


def in_apposition(role: str) -> str:
    """A role as it reads after a name and a comma: 'The Russian presidency' -> 'the Russian presidency'.

    Only a leading article is lowered; titles such as 'Secretary General of NATO' keep their capitals.
    """
    first, _, rest = role.partition(" ")
    return f"{first.lower()} {rest}" if first in ("The", "A", "An") and rest else role


def same_words(context: str, quote: str) -> bool:
    """Whether a quote's context adds nothing to it: the quote is its sentences whole."""
    return plain_words(context) == plain_words(quote)


def quote_source(passage: Markup, article: Article, same_source: bool, quote_id: str) -> Markup:
    """'From [paragraph 4](…) of the Reuters report, republished by [Outlet](url) · [Link to this quote](#id)'."""
    if same_source:
        report = Markup(f" of the {md_escape(article.kind)} published by [{md_escape(article.outlet)}]"
                        f"({href(article.url)})")
    else:
        report = Markup(f" of the {named_source(article)}, {passed_on_by(article)} "
                        f"[{md_escape(article.outlet)}]({href(article.url)})")
    return Markup("From ") + passage + report + Markup(f" · [Link to this quote](#{quote_id})")


def when_and_where(statement: Statement, named: Callable[[str], str] = str, dates: DateWords = BRITISH,
                   listed_as_undated: bool = False) -> Markup:
    """When and where a statement was made, opening a line: '<time>28 October 2024</time> (date from the
    background), in Brussels', or 'After the vote, in Brussels' without a date. `named` introduces the people a
    date in words names ("after Rutte's confirmation"), when it is the page's first mention of them. Under a label
    that says the items are undated (`listed_as_undated`), a note that only says so again is left out: empty when
    nothing else is known."""
    if statement.date:
        when = time_tag(statement.date, dates)
        if statement.date_note:
            when += Markup(" (") + md_escape(named(as_phrase(statement.date_note))) + Markup(")")
        return _with_place(when, statement)
    note = beyond_no_date(statement.date_note or "")
    if not listed_as_undated:
        note = note or "date not given"
    if not note:
        return md_escape(capitalised(statement.where)) if statement.where else Markup("")
    return _with_place(md_escape(named(as_phrase(note, capital=True))), statement)


def when_and_where_in_brackets(statement: Statement, named: Callable[[str], str] = str,
                               dates: DateWords = BRITISH) -> Markup:
    """The same inside brackets after the speaker: '<time>…</time>; date from the background, in Brussels'."""
    if statement.date:
        when = time_tag(statement.date, dates)
        if statement.date_note:
            when += Markup("; ") + md_escape(named(as_phrase(statement.date_note)))
    else:  # "(not given in the article)" after a name said the name was not given: say what is missing
        when = md_escape(named(as_phrase(beyond_no_date(statement.date_note or "") or "date not given")))
    return _with_place(when, statement)


# A date note, or a part of one, that says only that there is no date: "Not given in the article", "the article
# gives no date", "Date not given".
_NO_DATE = re.compile(r"(?:the (?:article|report|release|source) (?:gives no date|does not (?:say|give) (?:when|the "
                      r"date|a date|the day)\b.*)|(?:(?:the )?date )?not (?:given|dated|stated|known)\b.*|no date"
                      r"(?: given)?|undated|(?:date )?unknown)", re.IGNORECASE)


def beyond_no_date(note: str) -> str:
    """What a date note says besides that the date is not given: 'After the vote; the article gives no date' ->
    'After the vote'; 'Not given in the article.' -> ''."""
    whole = note.strip().rstrip(".")
    parts = [re.sub(rf",\s*(?:{_NO_DATE.pattern})$", "", part.strip(), flags=re.IGNORECASE)
             for part in whole.split(";")]
    kept = [part for part in parts if part and not _NO_DATE.fullmatch(part)]
    if kept == [part.strip() for part in whole.split(";") if part.strip()]:
        return whole  # nothing said twice: the note as written, its own semicolons ("&amp;") and all
    return "; ".join(kept)


def _with_place(when: Markup, statement: Statement) -> Markup:
    return when + Markup(", ") + md_escape(statement.where) if statement.where else when


def change_entry(change: Change, named: Callable[[str], str] = str) -> Markup:
    """'**Correction.** The name was misspelt.' The first publication's entry is its text alone: it is
    written as 'First published.' or the like, and 'Published. First published.' says it twice.
    """
    if change.kind == "published":
        return md_escape(named(change.text))
    return Markup(f"**{CHANGE_WORDS[change.kind]}.** ") + md_escape(named(change.text))


def status_words(reaction: Reaction) -> str:
    """A side's status as the page shows it: the story's own words, else the built-in ones."""
    return reaction.status_words or STATUS_WORDS[reaction.status or ""]


def source_title(source: Source) -> Markup:
    """A source's headline in quotation marks, linked; a description stands in square brackets."""
    link = Markup(f"[{md_escape(source.title)}]({href(source.url)})")
    return Markup(f"\\[{link}\\]") if source.untitled else Markup(f"“{link}”")


def source_entry(source: Source, dates: DateWords = BRITISH) -> Markup:
    """'Outlet, “[Title](url)”, 28 October 2024 (own statement)': whether it reports or speaks for itself, in words."""
    return _source_start(source, dates) + (Markup(" (own statement)") if source.kind == "primary" else Markup(""))


def sources_in_brief(sources: Iterable[Source], dates: DateWords = BRITISH) -> Markup:
    """'Outlet, “[Title](url)”, 28 October 2024, **own statement**; Other, ...': one item's sources on one line."""
    return Markup("; ").join(_source_start(source, dates) + (Markup(", **own statement**") if source.kind == "primary"
                                                       else Markup("")) for source in sources)


def _source_start(source: Source, dates: DateWords) -> Markup:
    date = md_escape(loose_date(source.date, dates))
    return Markup(", ").join((md_escape(source.outlet), source_title(source), date))


def loose_date(date: str | None, dates: DateWords = BRITISH) -> str:
    """A source's date in words: '2024-10-28' -> '28 October 2024', '2024-08-08/09' -> '8–9 August 2024',
    '2024-10' -> 'October 2024'; none -> 'no date'."""
    if not date:
        return "no date"
    day, _, second = date.partition("/")
    first = PartialDate.parse(day)
    if not second or first.as_date() is None:
        return dates.day(first)
    start = first.first_day()
    return dates.days(start, start.replace(day=int(second)))


def publication_time(article: Article, dates: DateWords = BRITISH) -> Markup:
    """When the report was published, in words: '28 October 2024, 22:27 UTC; the byline reads 29 Oct 2024 03:27
    (Pakistan time)'; a time in UTC and in its zone without a byline, or the day alone."""
    published = article.published
    if not article.byline or not isinstance(published, dt.datetime):
        return md_escape(dates.with_utc(published, article.time_zone))
    return md_escape(dates.moment(published.astimezone(dt.UTC), "UTC")) + Markup("; the byline reads ") + \
        md_escape(article.byline)


def stamps(explainer: ExplainerDates, as_of: PartialDate | None, article: Article, same_source: bool,
           dates: DateWords = BRITISH) -> Markup:
    """When the explainer was published and updated, what it knows as of when, and the report it is based on:
    the explainer's own dates first and apart, and only those it has."""
    line = Markup(" · ").join(
        Markup(label) + time_tag(moment, dates) for label, moment in (("Published ", explainer.published),
                                                                     ("Updated ", explainer.updated)) if moment)
    if explainer.updated:
        line += Markup(f" ([what changed]({UPDATES_LOG}))")
    latest = explainer.latest
    shown = as_of if as_of and not (latest and as_of.as_date() == _local_day(latest, dates)) else None
    # "as of 14 March 2025. Based on a report published that day": the day once, where the report has no time.
    # The report's day, not its minute: beside the explainer's own stamps, a second time of day is clutter (the
    # article page gives it).
    day = in_zone(article.published, article.time_zone).date() if isinstance(article.published, dt.datetime) \
        else article.published
    same_day = shown is not None and shown.as_date() == day
    published = Markup("that day") if same_day else Markup("on ") + md_escape(dates.day(day))
    based = based_on(article, same_source, published)
    if shown:
        based = Markup("What we know as of ") + time_tag(shown, dates) + Markup(". ") + based
    return Markup("<br>\n").join(part for part in (line, based) if part)


def based_on(article: Article, same_source: bool, published: Markup) -> Markup:
    """'Based on a [Millbrook Courier](url) report, published that day.', 'Based on a Reuters report from Brussels,
    republished by [Business Recorder](url) on 29 October 2024, 03:27 PKT.': each name once, the place where it
    adds one."""
    outlet = Markup(f"[{md_escape(article.outlet)}]({href(article.url)})")
    place = Markup(" from ") + md_escape(article.dateline) if adds_a_place(article) else Markup("")
    if same_source:
        return Markup(f"Based on {a_or_an(article.outlet)} {outlet} {md_escape(article.kind)}{place}, "
                      f"published {published}.")
    return Markup(f"Based on {a_or_an(article.agency)} {named_source(article)}{place}, {passed_on_by(article)} "
                  f"{outlet} {published}.")


def adds_a_place(article: Article) -> bool:
    """Whether the dateline tells the reader something the source's name does not: "from Millbrook" after
    "Millbrook Courier" says the place twice."""
    place = article.dateline.strip().casefold()
    names = f" {article.agency} {article.outlet} ".casefold()
    return bool(place) and not re.search(rf"(?<!\w){re.escape(place)}(?!\w)", names)


def a_or_an(word: str) -> str:
    """'a' or 'an' before a word, by its first letter: "a Reuters report", "an Associated Press report"."""
    return "an" if word.strip()[:1].lower() in "aeiou" else "a"


def _local_day(moment: dt.datetime, dates: DateWords) -> dt.date:
    """The day a stamp shows, in the explainer's own zone."""
    return in_zone(moment, dates.zone).date()


def still_to_come(events: Iterable[Event], explainer: ExplainerDates) -> bool:
    """Whether every event lies after the explainer's latest stamp (or, without one, is one the article
    announces): "What happens next", not "What happened next", over plans the article reports. A month or a year
    counts by its last day, as the timeline places it: "until the end of March" is still to come on 15 March."""
    latest = explainer.latest
    return all(event.date.last_day() > latest.date() if latest else event.basis == "article" for event in events)


ISSUED_KINDS = ("news release", "statement", "court ruling")  # what a body issues, not what a newsroom writes


def release_day(article: Article) -> dt.date | None:
    """The day of a body's own release, statement or ruling, which dates every quote given in it; None for a
    report."""
    if article.kind not in ISSUED_KINDS:
        return None
    published = article.published
    return published.date() if isinstance(published, dt.datetime) else published


def written_by(article: Article) -> str:
    """The label for who a source is by: a body issues its own release or statement, an agency writes a report."""
    return "Issued by" if article.kind in ISSUED_KINDS else "Written by"


def named_source(article: Article) -> Markup:
    """'Reuters report', 'NASA news release': the source by its agency and what it is."""
    return md_escape(f"{article.agency} {article.kind}")


def report_credit(article: Article, same_source: bool) -> Markup:
    """'published by [Outlet](url)', or 'by Agency, as republished by [Outlet](url)'; with the writer the byline
    names: 'written by Ellen Marsh and published by [Kelby Gazette](url)', 'by Jane Roe of Reuters, as ...'."""
    outlet = Markup(f"[{md_escape(article.outlet)}]({href(article.url)})")
    writer = md_escape(article.author) if article.author else None
    if same_source:
        return Markup(f"written by {writer} and published by {outlet}" if writer else f"published by {outlet}")
    agency = md_escape(article.agency)
    return Markup(f"by {f'{writer} of {agency}' if writer else agency}, as {passed_on_by(article)} {outlet}")


def reported_on(linked: Collection[str]) -> Markup:
    """'What the article itself reports is on the [quotes](quotes.md) and [reactions](reactions.md) pages.',
    naming only the pages the story has; empty if it has neither."""
    shown = [link for page, link in REPORTED_ON if page in linked]
    if not shown:
        return Markup("")
    pages = " and ".join(shown) + (" pages" if len(shown) > 1 else " page")
    return Markup(f"What the article itself reports is on the {pages}.")


def counted(number: int, noun: str, plural: str | None = None) -> Markup:
    """'**1** direct quote', '**8** direct quotes': a count with its noun in the number the count asks for."""
    return Markup(f"**{number}** ") + md_escape(noun if number == 1 else plural or noun + "s")


def pager(number: int, count: int, previous: str | None, following: str | None) -> Markup:
    """'Page 2 of 3 · [Previous page](quotes.md) · [Next page](quotes-3.md)'."""
    parts = [Markup(f"Page {number} of {count}")]
    if previous:
        parts.append(Markup(f"[Previous page]({previous})"))
    if following:
        parts.append(Markup(f"[Next page]({following})"))
    return Markup(" · ").join(parts)


def listed_parts(story: Story) -> str:
    """What the story's file lists, in words, naming only what this story has: 'quotes, statements and
    timeline'; '' for none."""
    parts = [name for name, items in (("quotes", story.quotes), ("statements", story.statements),
                                      ("reactions", story.reactions), ("timeline", story.timeline),
                                      ("background", story.background)) if items]
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
