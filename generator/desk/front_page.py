"""The desk's front page, as the Markdown MkDocs renders: one entry per story, newest update first.

Each entry is raw HTML (escaped here, since every word of it comes from a story) whose links are relative, so the
page works under any address the desk is published at. A story's share card is the one its own site publishes.
"""

from __future__ import annotations

import datetime as dt
import html
import json

from ..content.desk_settings import DeskSettings
from ..pages.markdown_text import md_escape
from .listing import DeskEntry, newest_first, written_date

FEED_FILE = "feed.xml"


def _time(moment: dt.datetime, style: str) -> str:
    return f'<time datetime="{moment.isoformat()}">{html.escape(written_date(moment, style))}</time>'


def _entry(entry: DeskEntry, style: str) -> str:
    link = html.escape(f"{entry.slug}/", quote=True)
    dates = f"Published {_time(entry.published, style)}" if entry.published else "Draft, not yet published"
    if entry.updated:
        dates += f" · Updated {_time(entry.updated, style)}"
    return "\n".join([
        '<article class="ex-desk-story">',
        f'<h2><a href="{link}">{html.escape(entry.headline)}</a></h2>',
        f'<p><img src="{html.escape(link + entry.image, quote=True)}" alt="" width="600" height="315" '
        'loading="lazy"></p>',  # the story's share card: it shows the headline again, so it is left unread
        f"<p>{dates}</p>",
        f"<p>{html.escape(entry.standfirst)}</p>",
        "</article>",
    ])


def front_page_markdown(desk: DeskSettings, entries: list[DeskEntry]) -> str:
    """The page: its title and description in front matter (JSON, a subset of YAML that needs no escaping rules
    of its own), a heading, then the entries."""
    front = {"title": desk.name, "description": f"Explainers from {desk.name}, newest update first.",
             "hide": ["navigation", "toc"]}
    body = "\n\n".join(_entry(entry, desk.date_style) for entry in newest_first(entries)) or \
        "<p>No explainers are published yet.</p>"
    feed = f'<p><a href="{FEED_FILE}">Follow new and updated explainers with the feed (Atom)</a>.</p>'
    return f"---\n{json.dumps(front, ensure_ascii=True)}\n---\n\n# {md_escape(desk.name)}\n\n{body}\n\n{feed}\n"


def feed_link_tag(desk: DeskSettings) -> str:
    """The <link> that lets feed readers find the feed from the front page."""
    return (f'<link rel="alternate" type="application/atom+xml" title="{html.escape(desk.name, quote=True)}" '
            f'href="{FEED_FILE}">\n')
