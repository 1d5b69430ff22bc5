"""`python -m generator new DIR`: a minimal story that builds at once, with the schema's description of each field."""

from __future__ import annotations

import json
import typing
from pathlib import Path

from pydantic import BaseModel

from .errors import OutputError
from .schema import Article, Meta, SiteSettings, Story, story_schema

_HEADER = """\
# yaml-language-server: $schema=story.schema.json
# A new story. Every field is explained in docs/editing.md; `python -m generator check {folder}` checks it.
# List sentence ids to cite with `python -m generator sentences {folder}`.
"""

# What a new story starts with; each line's comment is the field's description in the schema.
_META = {"headline": '"New explainer"', "kind": "Explainer", "summary": '"A short summary of the story."',
         "published": "{now}"}
_ARTICLE = {"file": "article.txt", "headline": '"Headline of the source article"', "agency": "News agency",
            "outlet": "Publication", "url": "https://example.com/article", "byline": '"1 Jan 2025 09:00"',
            "published": "2025-01-01T09:00:00+00:00", "dateline": "City", "event_date": "2025-01-01"}
# Left commented out: the site then names itself after the story's headline (up to its colon), so a new story
# never goes out under another one's name, and a headline changed later renames the site too.
_SITE = {"name": '"Site name"'}
_FIRST_CHANGE = ["  - date: {now}", "    kind: published", "    text: First published."]


def _commented(line: str, comment: str | None) -> str:
    return f"{line.ljust(39)} # {comment}" if comment else line


def _mapping(name: str, model: type[BaseModel], values: dict[str, str], hint: bool = False) -> list[str]:
    """The section's lines; a hint is written as comments, for the editor to uncomment if needed."""
    prefix = "# " if hint else ""
    lines = [_commented(f"{prefix}{name}:", Story.model_fields[name].description)]
    lines += [_commented(f"{prefix}  {field}: {value}", model.model_fields[field].description)
              for field, value in values.items()]
    return [*lines, ""]


def _lists() -> list[str]:
    """One line per list of the story: empty, with what it holds and the fields of its items."""
    lines = []
    for name, info in Story.model_fields.items():
        is_list = typing.get_origin(info.annotation) is list
        item = next((argument for argument in (*typing.get_args(info.annotation), info.annotation)
                     if isinstance(argument, type) and issubclass(argument, BaseModel)), None)
        if item is None or name in ("meta", "site", "article"):
            continue
        comment = f"{info.description} {'Each item' if is_list else 'Fields'}: {{{', '.join(item.model_fields)}}}"
        if name == "changes":
            lines += [_commented("changes:", comment), *_FIRST_CHANGE]
        elif is_list:
            lines.append(_commented(f"{name}: []", comment))
        else:
            lines.append(f"# {name}: {comment}")  # optional, and left out until the story needs it
    return lines


def story_yaml(folder: Path, now: str) -> str:
    """The new story.yaml: the least that builds, and a comment from the schema on every field it shows."""
    meta = {field: value.replace("{now}", now) for field, value in _META.items()}
    body = [*_mapping("meta", Meta, meta), *_mapping("site", SiteSettings, _SITE, hint=True),
            *_mapping("article", Article, _ARTICLE), *_lists()]
    return (_HEADER + "\n" + "\n".join(body) + "\n").replace("{folder}", str(folder)).replace("{now}", now)


ARTICLE_TEMPLATE = """\
# Paste the source article's text below, exactly as published (lines starting with # are ignored).
# Separate paragraphs with a blank line. Quotes in story.yaml must match this text character for character.
# Sentences get ids by position: p1.s1 is the first sentence of the first paragraph.
"""


def scaffold_story(folder: Path, now: str) -> list[Path]:
    """Create story.yaml, article.txt and story.schema.json in a new or empty folder."""
    if folder.exists() and any(folder.iterdir()):
        raise OutputError(f"{folder} is not empty; choose a new folder for the story")
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        folder / "story.yaml": story_yaml(folder, now),
        folder / "article.txt": ARTICLE_TEMPLATE,
        folder / "story.schema.json": json.dumps(story_schema(), indent=2) + "\n",
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)
