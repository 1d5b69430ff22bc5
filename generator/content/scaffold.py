"""`python -m generator new DIR`: a minimal story that builds at once, with the schema's description of each field."""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

from .errors import OutputError
from .schema import Article, Meta, SiteSettings, Story, story_schema
from .yamlwrite import yaml_comment, yaml_value

_HEADER = """\
# yaml-language-server: $schema=story.schema.json
# A new story. Every field is explained in docs/editing.md; `python -m generator check {folder}` checks it.
# List sentence ids to cite with `python -m generator sentences {folder}`.
"""

# What a new story starts with; each line's comment is the field's description in the schema.
_META = {"headline": "New explainer", "kind": "Explainer", "summary": "A short summary of the story."}
_ARTICLE = {"file": "article.txt", "headline": "Headline of the source article", "agency": "News agency",
            "outlet": "Publication", "url": "https://example.com/article", "byline": "1 Jan 2025 09:00",
            "published": dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC), "dateline": "City",
            "event_date": dt.date(2025, 1, 1)}
# Left commented out: the site then names itself after the story's headline (up to its colon), so a new story
# never goes out under another one's name, and a headline changed later renames the site too.
_SITE = {"name": "Site name"}


def starter_texts() -> frozenset[str]:
    """The words a new story starts with, which an editor replaces: "New explainer", "News agency", ...;
    `preflight` names each one left."""
    return frozenset(value for section in (_META, _ARTICLE, _SITE) for key, value in section.items()
                     if isinstance(value, str) and key not in ("kind", "file", "url", "byline"))


def _commented(line: str, comment: str | None) -> str:
    return f"{line.ljust(39)} # {yaml_comment(comment)}" if comment else line


def _mapping(name: str, model: type[BaseModel], values: Mapping[str, object], hint: bool = False) -> list[str]:
    """The section's lines; a hint is written as comments, for the editor to uncomment if needed."""
    prefix = "# " if hint else ""
    lines = [_commented(f"{prefix}{name}:", Story.model_fields[name].description)]
    lines += [_commented(f"{prefix}  {field}: {yaml_value(value)}", model.model_fields[field].description)
              for field, value in values.items()]
    return [*lines, ""]


def _lists(now: dt.datetime) -> list[str]:
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
            lines += [_commented("changes:", comment), f"  - date: {yaml_value(now)}",
                      f"    kind: {yaml_value('published')}", f"    text: {yaml_value('First published.')}"]
        elif is_list:
            lines.append(_commented(f"{name}: []", comment))
        else:
            lines.append(f"# {name}: {yaml_comment(comment)}")  # optional, and left out until the story needs it
    return lines


def story_yaml(folder: Path, now: dt.datetime) -> str:
    """The new story.yaml: the least that builds, and a comment from the schema on every field it shows."""
    body = [*_mapping("meta", Meta, {**_META, "published": now}), *_mapping("site", SiteSettings, _SITE, hint=True),
            *_mapping("article", Article, _ARTICLE), *_lists(now)]
    header = _HEADER.replace("{folder}", yaml_comment(yaml_value(str(folder))))  # quoted: odd characters show
    return header + "\n" + "\n".join(body) + "\n"


ARTICLE_TEMPLATE = """\
# Paste the source article's text below, exactly as published (lines starting with # are ignored).
# Separate paragraphs with a blank line. Quotes in story.yaml must match this text character for character.
# Sentences get ids by position: p1.s1 is the first sentence of the first paragraph.
"""


def scaffold_story(folder: Path, now: dt.datetime) -> list[Path]:
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
