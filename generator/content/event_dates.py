"""Where a timeline event stands against its article: up to it, or after it (what happened, or happens, next).

    after_article(Event(date="2025-03", cites=["p13.s1"], ...), article, put_ahead=True)  # a report of 14 March
    -> True: "Residents can comment on the new hours until the end of March" is still to come

An event is after the article when the story marks it `next: true`, when its date begins after the article's day,
or when its date is a month or a year around that day that the sentence it rests on puts ahead ("until the end
of March", "will close ... from April"); a month the article only reports ("The union welcomed the news", dated
August) is up to it. What is still to come is ordered by the last day its date allows, as a deadline is: "March
2025" after 13 March, not before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ..article.text_dates import written_dates
from .schema import Article, Event


def article_day(article: Article) -> dt.date:
    """The day the article was published: what happened up to it is its news."""
    published = article.published
    return published.date() if isinstance(published, dt.datetime) else published


def after_article(event: Event, article: Article, put_ahead: bool = False) -> bool:
    """Whether the event lies after the article: marked so, dated after it, or dated to a span around the
    article's day that its sentence puts ahead (`put_ahead`, from `puts_ahead`)."""
    day = article_day(article)
    return event.next or event.date.first_day() > day or (put_ahead and event.date.last_day() > day)


def puts_ahead(event: Event, sentence_text: Callable[[str], str]) -> bool:
    """Whether a sentence the event cites writes the event's month (or year) as still to come: "until the end of
    March" for an event dated 2025-03."""
    date = event.date
    for sentence_id in event.cites:
        for written in written_dates(sentence_text(sentence_id)):
            same = (written.month == date.month and written.year in (None, date.year)) if date.month else \
                (written.month is None and written.year == date.year)
            if same and written.day is None and written.ahead:
                return True
    return False


def in_timeline_order(events: Iterable[Event], later: Callable[[Event], bool]) -> list[Event]:
    """Events up to the article, each month or year first in its span; then those after it (`later`), by the last
    day each date allows. Equal dates keep the story's order."""
    def key(event: Event) -> tuple:
        after = later(event)
        return (after, event.date.last_day() if after else event.date.first_day(), event.date.sort_key())
    return sorted(events, key=key)
