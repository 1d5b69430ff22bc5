"""Files published beside the pages: the story as JSON, its JSON Schema, the map and share images."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .load import LoadedStory
from .render import MAP_PATH, NAV_PAGES
from .schema import story_schema
from .share_image import cached_share_image

DATA_JSON = "data/story.json"
SCHEMA_JSON = "data/story.schema.json"


def _json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def story_json(loaded: LoadedStory) -> bytes:
    """The checked content exactly as the schema describes it, so it round-trips to the same story."""
    data = loaded.story.model_dump(mode="json", exclude_defaults=False)
    return _json_bytes({"$schema": "story.schema.json", **data})


def share_image_path(page: str) -> str:
    """quotes.md -> images/share/quotes.png; index.md -> images/share/index.png."""
    return f"images/share/{page.removesuffix('.md')}.png"


def share_card_for(page: str) -> str:
    """The share image a page shows: its own, its first part's (quotes-2.md -> quotes), else the overview's."""
    first_part = re.sub(r"-\d+\.md$", ".md", page)
    return share_image_path(first_part if first_part in NAV_PAGES else "index.md")


def build_assets(loaded: LoadedStory, site_name: str, page_titles: dict[str, str],
                 cache: Path | None = None) -> dict[str, bytes]:
    """Every generated non-page file, by its path under the docs folder."""
    files = {DATA_JSON: story_json(loaded), SCHEMA_JSON: _json_bytes(story_schema())}
    if loaded.map_svg:
        files[MAP_PATH] = loaded.map_svg.encode("utf-8")
    story = loaded.story
    first_quote = story.quotes[0] if story.quotes else None
    for page in NAV_PAGES:
        quote = speaker = None
        if page == "quotes.md" and first_quote:
            quote = first_quote.text
            speaker = next(p.name for p in story.people if p.id == first_quote.speaker)
        title = page_titles.get(page, story.meta.headline)
        files[share_image_path(page)] = cached_share_image(cache, site_name, title, quote=quote, speaker=speaker)
    return files
