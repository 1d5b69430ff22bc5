"""Head tags for every page: Open Graph, Twitter card and JSON-LD built from the content."""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import urljoin

from ..content.explainer_dates import explainer_dates
from ..content.schema import Entity, Quote, Source, Story, StorySource
from .markdown_text import html_escape
from .source_wording import source_words

# The pages that list the background's sources, which carry them as citations; the others would repeat them all
# on every page (about 4 kB compressed on the Kursk story) for facts they show only by a note.
_LISTS_BACKGROUND_SOURCES = ("context", "sources")


def _entity(person: Entity, site_url: str) -> dict:
    kind = "Person" if person.kind == "person" else "Organization"
    data: dict = {"@type": kind, "@id": urljoin(site_url, f"people/#{person.id}"), "name": person.name}
    if person.role:
        data["jobTitle" if kind == "Person" else "description"] = person.role
    if person.affiliation and kind == "Person":
        data["affiliation"] = {"@type": "Organization", "name": person.affiliation}
    return data


def _written_by(story: Story) -> dict:
    """The article's author: the person its byline names, with the newsroom they wrote for; else the newsroom."""
    agency = {"@type": "Organization", "name": story.article.agency}
    if not story.article.author:
        return {"author": agency}
    return {"author": {"@type": "Person", "name": story.article.author}, "sourceOrganization": agency}


def json_ld(story: Story, page: str, page_url: str, site_url: str, image_url: str,
            quotations: Sequence[tuple[Quote, Entity]] = ()) -> dict:
    """NewsArticle (BackgroundNewsArticle) for the page: the article it is based on, the further sources it cites
    (and on the pages listing them, the background's sources), the quotations it shows, each with its speaker.

    The quotations come in from an index made once per build: picking a page's own out of every quote of
    the story, on every page, grew with the square of the number of quotes.
    """
    stamps = explainer_dates(story)
    article: dict = {
        "@context": "https://schema.org",
        "@type": "BackgroundNewsArticle" if story.meta.kind == "Explainer" else "NewsArticle",
        "headline": story.meta.headline[:110],
        "description": story.meta.summary,
        "url": page_url,
        "image": [image_url],
        "inLanguage": story.meta.language,
        # The explainer's own dates, and none it does not know: the source's are under isBasedOn.
        **({"datePublished": stamps.published.isoformat()} if stamps.published else {}),
        **({"dateModified": stamps.latest.isoformat()} if stamps.latest else {}),
        "about": [{"@type": "Thing", "name": party.name} for party in story.parties],
        "isBasedOn": {
            "@type": "NewsArticle",
            "headline": story.article.headline,
            "url": story.article.url,
            "datePublished": story.article.published.isoformat(),
            "publisher": {"@type": "Organization", "name": story.article.outlet},
            **_written_by(story),
        },
    }
    cited = cited_sources(story, with_background=page.removesuffix(".md") in _LISTS_BACKGROUND_SOURCES)
    if cited:
        article["citation"] = cited
    if page.startswith("people"):
        article["mentions"] = [_entity(person, site_url) for person in story.people]
    if quotations:
        article["hasPart"] = [
            {"@type": "Quotation", "text": quote.text, "creator": _entity(speaker, site_url),
             **({"dateCreated": quote.date.isoformat()} if quote.date else {})}
            for quote, speaker in quotations
        ]
    return article


def cited_sources(story: Story, with_background: bool) -> list[dict]:
    """Each further source the story keeps words of, then (`with_background`) each background source, once by its
    address: a background source whose words are kept is the further source that keeps them."""
    entries = {entry.url: _further(entry) for entry in story.sources}
    if with_background:
        for item in story.background:
            for source in item.sources:
                entries.setdefault(source.url, _background(source))
    return list(entries.values())


def _further(entry: StorySource) -> dict:
    return {"@type": "NewsArticle" if entry.kind == "news report" else "CreativeWork",
            "name": entry.title or source_words(entry), "genre": entry.kind, "url": entry.url,
            "datePublished": entry.date.isoformat(), "inLanguage": entry.language,
            "publisher": {"@type": "Organization", "name": entry.outlet}}


def _background(source: Source) -> dict:
    # An untitled source's `title` describes the page: no name of its own to give.
    named = {"description" if source.untitled else "name": source.title}
    day = source.date.partition("/")[0] if source.date else None  # "2024-08-08/09" was published from the 8th
    return {"@type": "CreativeWork", **named, "url": source.url, **({"datePublished": day} if day else {}),
            "publisher": {"@type": "Organization", "name": source.outlet}}


def script_json(data: dict) -> str:
    """JSON that cannot close its <script> element early or open a comment, whatever the text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def meta_tags(*, story: Story, site_name: str, title: str, description: str, page_url: str,
              image_url: str) -> list[tuple[str, str, str]]:
    """The Open Graph and Twitter tags as (attribute, name, content), content not yet escaped."""
    return [
        ("property", "og:type", "article"),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", page_url),
        ("property", "og:image", image_url),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", f"{site_name}: {title}"),
        ("property", "og:locale", story.meta.language.replace("-", "_")),
        *_stamp_tags(story),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image_url),
    ]


def _stamp_tags(story: Story) -> list[tuple[str, str, str]]:
    stamps = explainer_dates(story)
    return [("property", f"article:{name}_time", moment.isoformat())
            for name, moment in (("published", stamps.published), ("modified", stamps.updated)) if moment]


def head_tags(*, story: Story, site_name: str, page: str, title: str, description: str, page_url: str,
              site_url: str, image_url: str, quotations: Sequence[tuple[Quote, Entity]] = ()) -> str:
    """The tags to put before </head>."""
    meta = meta_tags(story=story, site_name=site_name, title=title, description=description, page_url=page_url,
                     image_url=image_url)
    tags = [f'<meta {kind}="{name}" content="{html_escape(value)}">' for kind, name, value in meta]
    data = json_ld(story, page, page_url, site_url, image_url, quotations)
    tags.append(f'<script type="application/ld+json">{script_json(data)}</script>')
    return "\n".join(tags) + "\n"
