"""The site's identity, from the story: its name, description, language, credit line and error link.

It lives in the story, not in mkdocs.yml, so a second story never goes out under the first one's
name or credits the first one's source. Each value may be given under `site:` in story.yaml;
otherwise it is derived from the story as documented in docs/editing.md.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import material

from ..content.schema import Article, Story


@dataclass(frozen=True)
class Identity:
    name: str
    description: str
    language: str
    credit: str
    report_url: str | None  # None: the repository's issue tracker


# Shown only while the very first build of `mkdocs serve` has content mistakes.
UNNAMED = Identity(name="Explainer", description="", language="en", credit="", report_url=None)


def same_source(article: Article) -> bool:
    """An agency that is also the outlet ("Coastline Courier", twice) is named once."""
    return article.agency.strip().casefold() == article.outlet.strip().casefold()


def own_site(article: Article) -> bool:
    """A body's text taken from its own website ("nasa.gov" or "publicaffairs.noaa.gov" for its news release): it
    is published there, not republished."""
    outlet = article.outlet.strip().casefold()
    agency = re.sub(r"\W", "", article.agency.casefold())
    return " " not in outlet and agency in outlet.split(".")[:-1]


def passed_on_by(article: Article) -> str:
    """How the copy the explainer used came out: 'republished by' an outlet, or 'published on' the body's site."""
    return "published on" if own_site(article) else "republished by"


def default_name(story: Story) -> str:
    """"Portvale's pier reopens: what we know" -> "Portvale's pier reopens"."""
    return story.meta.headline.split(":", 1)[0].strip() or story.meta.headline


def default_credit(article: Article) -> str:
    source = article.outlet if same_source(article) else \
        f"{article.agency}, as {passed_on_by(article)} {article.outlet}"
    return f"Explainer text by the site's editors. Quotations and reported statements from {source}."


def site_identity(story: Story, default_report_url: str | None = None) -> Identity:
    """The story's identity; `default_report_url` is the desk's report address, for a story that names none."""
    site = story.site
    return Identity(
        name=site.name or default_name(story),
        description=site.description or story.meta.summary,
        language=story.meta.language,
        credit=site.credit or default_credit(story.article),
        report_url=site.report_url or default_report_url,
    )


def identity_settings(identity: Identity) -> dict[str, str | None]:
    """The story's identity as mkdocs.yml settings. Material prints these into HTML unescaped, so they are
    escaped here; engines without hooks get the same values in their generated config."""
    return {"site_name": html.escape(identity.name),
            "site_description": html.escape(identity.description) or None,
            "copyright": html.escape(identity.credit) or None}


def identity_report_url(identity: Identity) -> str | None:
    return html.escape(identity.report_url) if identity.report_url else None


@functools.cache
def _material_languages() -> frozenset[str]:
    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


def material_language(tag: str) -> str:
    """The theme's interface language for a language tag: en-GB -> en, pt-BR -> pt-BR, unknown -> en."""
    for candidate in (tag, tag.split("-", 1)[0]):
        if candidate in _material_languages():
            return candidate
    return "en"


def apply_identity(config: MutableMapping[str, Any], identity: Identity) -> None:
    """Set the story's identity in MkDocs' config, as the hook does before the theme reads it."""
    config.update(identity_settings(identity))
    config["theme"]["language"] = material_language(identity.language)
    config["extra"]["report_url"] = identity_report_url(identity)
