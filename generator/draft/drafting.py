"""`python -m generator draft SOURCE --out DIR`: from a raw article to a first draft that passes `check`.

Every guess carries a review marker. The draft is written to a fresh folder of its own beside DIR, checked like
any story, and only then moved into place, so a draft that would not pass `check` is never left behind.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from ..content.errors import ContentError, OutputError, Problem
from ..content.load import display_path, load_story
from ..content.schema import story_schema
from .compose import compose
from .reading import RawArticle, read_source
from .several_sources import draft_further, join
from .writing import story_yaml


def draft_story(source: Path, folder: Path, now: dt.datetime, url: str | None = None,
                outlet: str | None = None, warn: Callable[[Problem], object] | None = None,
                further: Sequence[Path] = ()) -> list[Path]:
    """Draft a story from the article in `source` into the new folder `folder`; return the files written.

    `warn` is given each located warning about the article (a missing byline), once the draft is written;
    `further` are more sources of the same story (a news release beside a wire report), each drafted on its own
    and joined to it (generator/draft/several_sources.py)."""
    _refuse_folder_or_address(folder, url)
    raw = _with_given(read_source(source), url, outlet)
    draft = compose(raw, now.date())
    taken: set[str] = set()
    more = [draft_further(read_source(path), path, now.date(), taken) for path in further]
    join(draft, more)
    files = {
        "story.yaml": story_yaml(draft, ", ".join(display_path(path) for path in (source, *further)), now),
        "article.txt": draft.text,
        **{f"{each.id}.txt": each.draft.text for each in more},
        "story.schema.json": json.dumps(story_schema(), indent=2) + "\n",
    }
    try:
        _write_checked(folder, files, source)
    except OSError as error:
        raise OutputError(f"{folder} cannot be written: {error.strerror or error}") from None
    for warning in draft.warnings:
        if warn is not None:
            warn(warning)
    return [folder / name for name in files]


def _refuse_folder_or_address(folder: Path, url: str | None) -> None:
    """An OutputError for a folder that holds anything (a draft never overwrites a story), or an --url that is no
    web address."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError(f"{folder} already exists and is not empty; drafts never overwrite a story")
    if url is not None and not re.fullmatch(r"https?://[^\s\x00-\x1f\x7f<>\"]+", url):
        raise OutputError(f"--url {url[:200]!r} is not a web address: give the article's address, starting with "
                          "https:// (or http://), with no spaces")


def _with_given(raw: RawArticle, url: str | None, outlet: str | None) -> RawArticle:
    """The article with the address and outlet the editor gave on the command line, which no guess replaces."""
    if not (url or outlet):
        return raw
    given = tuple(field for field, value in (("url", url), ("outlet", outlet)) if value)
    return type(raw)(raw.text, raw.label, url=url or raw.url, outlet=outlet or raw.outlet,
                     agency=raw.agency, published=raw.published, given=given)


def _write_checked(folder: Path, files: dict[str, str], source: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    # A name no one else has, made here (mkdir fails on one that exists), so that removing it removes nothing
    # of the user's; not tempfile.mkdtemp, whose 0700 the draft would keep.
    staging = folder.parent / f".{folder.name}.{secrets.token_hex(6)}.drafting"
    staging.mkdir()
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        try:
            load_story(staging)
        except ContentError as error:  # a fault of `draft` itself: say so, with what check found
            note = Problem(display_path(source), 1, 1, "", "the draft made from this article does not pass "
                           "check; nothing was written. Please report it with the article")
            raise ContentError([note, *error.problems]) from None
        if folder.exists():
            folder.rmdir()
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
