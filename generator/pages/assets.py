"""Files published beside the pages: the story as JSON, its JSON Schema, the map and share images."""

from __future__ import annotations

import json
from pathlib import Path

from ..content.load import LoadedStory
from ..content.schema import story_schema
from .page_types import PAGE_TYPES, PageType
from .render import CLOSE_UP_PATH, MAP_PATH
from .share_image import cached_share_image

DATA_JSON = "data/story.json"
SCHEMA_JSON = "data/story.schema.json"


def _json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def story_json(loaded: LoadedStory) -> bytes:
    """The checked content exactly as the schema describes it, so it round-trips to the same story."""
    data = loaded.story.model_dump(mode="json", exclude_defaults=False)
    return _json_bytes({"$schema": "story.schema.json", **data})


def share_image_path(page_type: PageType) -> str:
    """images/share/quotes.png for the quotes pages."""
    return f"images/share/{page_type.id}.png"


def build_assets(loaded: LoadedStory, site_name: str, cache: Path | None = None) -> dict[str, bytes]:
    """Every generated non-page file, by its path under the docs folder."""
    files = {DATA_JSON: story_json(loaded), SCHEMA_JSON: _json_bytes(story_schema())}
    if loaded.map_svg:
        files[MAP_PATH] = loaded.map_svg.encode("utf-8")
        if loaded.close_up_svg is not None:
            files[CLOSE_UP_PATH] = loaded.close_up_svg.encode("utf-8")
    story = loaded.story
    first_quote = story.quotes[0] if story.quotes else None
    for page_type in PAGE_TYPES:
        if not page_type.share_card:
            continue
        quote = speaker = None
        if page_type.id == "quotes" and first_quote:
            quote = first_quote.text
            speaker = next(p.name for p in story.people if p.id == first_quote.speaker)
        title = page_type.title_for(story)
        files[share_image_path(page_type)] = cached_share_image(cache, site_name, title, quote=quote, speaker=speaker)
    return files
