"""What the desk's front page and feed say of each story: its headline, standfirst, dates and share card."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.explainer_dates import first_published, last_updated
from ..content.schema import Story
from ..pages.assets import share_image_path
from ..pages.date_words import long_date
from ..pages.identity import Identity
from ..pages.page_types import HOME


@dataclass(frozen=True)
class DeskEntry:
    slug: str
    site_name: str
    headline: str
    standfirst: str
    published: dt.datetime | None  # None for a draft, not yet published
    updated: dt.datetime | None  # the latest update or correction, if any
    image: str  # the overview's share card, relative to the story's address

    @property
    def newest(self) -> dt.datetime | None:
        return self.updated or self.published


def desk_entry(slug: str, story: Story, identity: Identity) -> DeskEntry:
    """What the front page and feed list of a story (a draft has no publication stamp yet)."""
    return DeskEntry(slug=slug, site_name=identity.name, headline=story.meta.headline,
                     standfirst=story.meta.standfirst or story.meta.summary, published=first_published(story),
                     updated=last_updated(story), image=share_image_path(HOME))


def newest_first(entries: Iterable[DeskEntry]) -> list[DeskEntry]:
    """Newest update (or first publication) first; stories of one moment by slug."""
    by_slug = sorted(entries, key=lambda entry: entry.slug)
    drafts = [entry for entry in by_slug if entry.newest is None]  # listed last, by slug
    published = [entry for entry in by_slug if entry.newest is not None]
    return sorted(published, key=lambda entry: entry.newest or dt.datetime.min, reverse=True) + drafts


def written_date(moment: dt.datetime | dt.date, style: str) -> str:
    """The day in the desk's date style: 28 October 2024 (day-first) or October 28, 2024 (month-first)."""
    day = moment.date() if isinstance(moment, dt.datetime) else moment
    return f"{day:%B} {day.day}, {day.year}" if style == "month-first" else long_date(day)
