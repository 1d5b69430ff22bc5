"""The explainer's own dates, kept apart from its source's: when it was published and updated, and what it covers.

    explainer_dates(story) -> ExplainerDates(published=<26 November 2026>, updated=<7 December 2026>)
    as_of(story) -> PartialDate(2025, 4, 30)

Each is the story's own value where it gives one, else what its updates log and content show, else None: the
pages then say nothing rather than guess, and the source's date never stands in for the explainer's.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass

from .event_dates import after_article
from .partial_dates import PartialDate
from .schema import Story


@dataclass(frozen=True)
class ExplainerDates:
    published: dt.datetime | None
    updated: dt.datetime | None

    @property
    def latest(self) -> dt.datetime | None:
        """The explainer's latest stamp: what it can speak for."""
        return self.updated or self.published


def explainer_dates(story: Story) -> ExplainerDates:
    """When the explainer was published and last updated, as far as the story says."""
    return ExplainerDates(story.meta.published or first_published(story), story.meta.updated or last_updated(story))


def as_of(story: Story) -> PartialDate | None:
    """The day (or month) the explainer's account runs up to."""
    if story.meta.as_of:
        return PartialDate.parse(story.meta.as_of)
    return latest_known(story, explainer_dates(story).latest)


def first_published(story: Story) -> dt.datetime | None:
    """The date of the updates log's first publication, if it lists one."""
    return min((change.date for change in story.changes if change.kind == "published"), default=None)


def last_updated(story: Story) -> dt.datetime | None:
    """The latest update or correction by its date (not by its place in the list), if any."""
    return max((change.date for change in story.changes if change.kind != "published"), default=None)


def latest_known(story: Story, until: dt.datetime | None) -> PartialDate | None:
    """The latest date the story's account rests on: the source's, a background source's, a statement's, a
    figure's or an event's that had happened (an event the article announces is a plan, not yet news), none of
    them after the explainer's own date when it has one."""
    cutoff = until.date() if until else None
    known = [day for day in _dates_told(story) if cutoff is None or day.first_day() <= cutoff]
    return max(known, key=PartialDate.sort_key, default=None)


def _dates_told(story: Story) -> Iterator[PartialDate]:
    article = story.article
    published = article.published.date() if isinstance(article.published, dt.datetime) else article.published
    yield PartialDate.parse(published)
    yield PartialDate.parse(article.event_date)
    yield from (quote.date for quote in story.quotes if quote.date)
    yield from (statement.date for statement in story.statements if statement.date)
    yield from (figure.date for figure in story.figures)
    yield from (event.date for event in story.timeline
                if event.basis == "background" or not after_article(event, article))
    for item in story.background:
        for source in item.sources:
            if source.date:  # "2024-08-08/09": the second day is the later
                day, _, second = source.date.partition("/")
                yield PartialDate.parse(day[:-2] + second if second else day)


# How far ahead of this machine's clock a stamp may be: another machine's clock, or a zone written wrong by hours.
CLOCK_SKEW = dt.timedelta(days=1)


def stamp_problems(story: Story, now: dt.datetime | None = None) -> Iterator[tuple[tuple, str]]:
    """Stamps that cannot all be true: an explainer published before its source, updated before it was published,
    or as of a day after its own latest stamp; a stamp still to come (after `now`, the clock's time, by more than
    CLOCK_SKEW); a byline's offset that is not its zone's."""
    yield from _published_problems(story)
    yield from _updated_problems(story)
    yield from _future_stamps(story, now or dt.datetime.now(dt.UTC))
    yield from _byline_zone(story)


def _future_stamps(story: Story, now: dt.datetime) -> Iterator[tuple[tuple, str]]:
    """A published or updated time still to come would keep the story first on the desk's front page and atop its
    feed until then, and show readers a date that has not happened."""
    stamps = [(("meta", "published"), story.meta.published), (("meta", "updated"), story.meta.updated),
              *((("changes", index, "date"), change.date) for index, change in enumerate(story.changes))]
    for where, moment in stamps:
        if moment is not None and moment > now + CLOCK_SKEW:
            yield where, (f"{moment.isoformat()} is still to come (it is {now.isoformat(timespec='minutes')} now); "
                          "a stamp in the future would keep the story at the top of the desk's front page and its "
                          "feed: give the time it was published or changed")


def _published_problems(story: Story) -> Iterator[tuple[tuple, str]]:
    meta, article = story.meta, story.article
    logged = first_published(story)
    if meta.published and logged and meta.published != logged:
        yield ("meta", "published"), (f"{meta.published.isoformat()} is not the first publication the updates log "
                                      f"gives ({logged.isoformat()}, under changes); give one time for both")
    published = meta.published or logged
    if published is None:
        return
    source = article.published
    if published < source if isinstance(source, dt.datetime) else published.date() < source:
        where = ("meta", "published") if meta.published else _published_entry(story)
        yield where, (f"{published.isoformat()} is before the source was published ({source.isoformat()}); "
                      "the explainer's stamp is its own, never the source's")
    for index, change in enumerate(story.changes):
        if change.kind != "published" and change.date < published:
            yield ("changes", index, "date"), (f"{change.date.isoformat()} is before the explainer was first "
                                               f"published ({published.isoformat()})")


def _updated_problems(story: Story) -> Iterator[tuple[tuple, str]]:
    meta = story.meta
    published, latest_change = meta.published or first_published(story), last_updated(story)
    if meta.updated and latest_change and meta.updated < latest_change:
        yield ("meta", "updated"), (f"{meta.updated.isoformat()} is before the latest change in the updates log "
                                    f"({latest_change.isoformat()})")
    if meta.updated and published and meta.updated < published:
        yield ("meta", "updated"), f"{meta.updated.isoformat()} is before it was published ({published.isoformat()})"
    latest = meta.updated or latest_change or published
    if meta.as_of and latest and meta.as_of > latest.date():
        yield ("meta", "as_of"), (f"{meta.as_of.isoformat()} is after the explainer's latest stamp "
                                  f"({latest.isoformat()}); it cannot speak for a day still to come")


def _published_entry(story: Story) -> tuple:
    index = next(index for index, change in enumerate(story.changes) if change.kind == "published")
    return ("changes", index, "date")


def _byline_zone(story: Story) -> Iterator[tuple[tuple, str]]:
    article = story.article
    if not article.time_zone:
        return
    if not isinstance(article.published, dt.datetime):
        yield ("article", "time_zone"), "the source's date has no time to show in a zone; leave time_zone out"
        return
    zone = zoneinfo.ZoneInfo(article.time_zone)
    offset = article.published.utcoffset()
    if article.published.astimezone(zone).utcoffset() != offset:
        local = article.published.astimezone(zone).isoformat()
        yield ("article", "time_zone"), (f"{article.time_zone} was not at the byline's offset on that day: "
                                         f"{article.published.isoformat()} is {local} there")
