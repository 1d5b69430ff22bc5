"""The site's identity, from the story: its name, description, language, credit line and error link.

It lives in the story, not in mkdocs.yml, so a second story never goes out under the first one's
name or credits the first one's source. Each value may be given under `site:` in story.yaml;
otherwise it is derived from the story as documented in docs/editing.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import Article, Story


@dataclass(frozen=True)
class Identity:
    name: str
    description: str
    language: str
    credit: str
    report_url: str | None  # None: the repository's issue tracker


def same_source(article: Article) -> bool:
    """An agency that is also the outlet ("Coastline Courier", twice) is named once."""
    return article.agency.strip().casefold() == article.outlet.strip().casefold()


def default_name(story: Story) -> str:
    """"Portvale's pier reopens: what we know" -> "Portvale's pier reopens"."""
    return story.meta.headline.split(":", 1)[0].strip() or story.meta.headline


def default_credit(article: Article) -> str:
    source = article.outlet if same_source(article) else f"{article.agency}, as republished by {article.outlet}"
    return f"Explainer text by the site's editors. Quotations and reported statements from {source}."


def site_identity(story: Story) -> Identity:
    site = story.site
    return Identity(
        name=site.name or default_name(story),
        description=site.description or story.meta.summary,
        language=story.meta.language,
        credit=site.credit or default_credit(story.article),
        report_url=site.report_url,
    )
