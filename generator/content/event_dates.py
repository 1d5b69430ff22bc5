"""Where a timeline event stands against its article: up to it, or after it (what happened, or happens, next).

    after_article(Event(date="2025-03", ...), article)   # a report of 14 March 2025
    -> True: "until the end of March" may still be to come

An event known only to its month or year is placed by the latest day its date allows, since the story cannot say
it is over: a consultation that ends "in March", told in a report of 14 March, is still to come, and sorts after
13 March, not before it. An event the story marks `next: true` is after the article whatever its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .schema import Article, Event


def article_day(article: Article) -> dt.date:
    """The day the article was published: what happened up to it is its news."""
    published = article.published
    return published.date() if isinstance(published, dt.datetime) else published


def after_article(event: Event, article: Article) -> bool:
    """Whether the event lies after the article: marked so, or dated to a span that ends after it."""
    return event.next or event.date.last_day() > article_day(article)


def in_timeline_order(events: Iterable[Event], article: Article) -> list[Event]:
    """Events up to the article, then those after it, each part by the latest day its date allows (a month before
    a day at its end, as "March 2025" before "31 March 2025"); equal dates keep the story's order."""
    return sorted(events, key=lambda event: (after_article(event, article), event.date.last_day(),
                                             event.date.sort_key()))
