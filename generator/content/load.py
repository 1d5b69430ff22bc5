"""Load a story folder: read the YAML and the article, validate them, check them against each other."""

from __future__ import annotations

import copy
import gc
import os
import re
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from ..article.quoted import QuotedPassages
from ..article.source import END_MARKS, SourceText, split_article
from . import schema
from .checks import check_story
from .closest import closest_name
from .errors import ContentError, Problem
from .map_files import CLOSE_UP_FILE, MAP_FILE
from .safety import forbidden_character, strings_in
from .schema import Quote, Story, dotted
from .stored_texts import StoredText, load_further_sources
from .svg_check import svg_problems
from .yamlfile import DEFAULT_MAX_BYTES, YamlDocument, load_yaml, read_text

STORY_FILE = "story.yaml"
MAP_MAX_BYTES = 2_000_000  # the drawn map is about 120 KB; a map this large is not one the script drew


@dataclass(frozen=True)
class LoadedStory:
    """A story that passed every check, with what the pages need beside it."""

    story: Story
    source: SourceText
    document: YamlDocument
    folder: Path
    map_svg: str | None
    close_up_svg: str | None = None  # the map's close-up, where the drawer made one
    warnings: tuple[Problem, ...] = ()
    given_quoted: QuotedPassages | None = None  # the index `check` verified the quotes with, handed on
    further: tuple[StoredText, ...] = ()  # the texts of the story's further sources, in the order listed

    @cached_property
    def quoted(self) -> QuotedPassages:
        """The article's quoted passages, where each quote stands."""
        return self.given_quoted or QuotedPassages(self.source)

    def place_of(self, quote: Quote) -> tuple[int, int]:
        """Where the article quotes a quote's words: the first passage `check` found them in (start, end)."""
        places = self.quoted.find(quote.text)
        if places:
            return places[0].start, places[0].end
        start = self.source.find(quote.text)  # a story rendered without being checked, as some tests do
        return start, start + len(quote.text)


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def max_bytes_from_environment() -> int:
    value = os.environ.get("EXPLAINER_MAX_CONTENT_BYTES", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


@contextmanager
def without_collection_pauses() -> Iterator[None]:
    """A large story allocates many small objects that all live on; collecting while it loads only wastes time,
    more than in proportion: each full collection walks every object made so far."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_story(folder: Path, max_bytes: int | None = None) -> LoadedStory:
    """Read, validate and check a story folder; raise ContentError listing every problem.

    Any other exception is a fault of the generator that some input provoked; it still reaches the
    editor as a problem in the story file instead of a traceback.
    """
    try:
        with without_collection_pauses():
            return _load_story(folder, max_bytes)
    except ContentError:
        raise
    except Exception as error:  # noqa: BLE001
        label = display_path(folder / STORY_FILE)
        message = f"cannot be checked: {type(error).__name__}: {str(error)[:300]}; please report this with the file"
        raise ContentError([Problem(label, 1, 1, "", message)]) from error


def _load_story(folder: Path, max_bytes: int | None) -> LoadedStory:
    limit = max_bytes or max_bytes_from_environment()
    story_path = folder / STORY_FILE
    label = display_path(story_path)
    if not os.path.lexists(story_path):
        hint = f"no {STORY_FILE} here; create one with `python -m generator new {display_path(folder)}`"
        raise ContentError([Problem(label, 1, 1, "", hint)])
    document, problems = load_yaml(story_path, label, limit)
    if document is None or problems:
        raise ContentError(problems)
    if not isinstance(document.data, dict):
        raise ContentError([Problem(label, 1, 1, "", "the file must be a mapping of fields (meta:, article:, ...)")])
    problems = _unusable_characters(document)
    if problems:
        raise ContentError(problems)
    story, problems = _validated(document)
    if story is None:
        raise ContentError(problems)
    source, warnings = _load_source(folder, story, document, limit)
    further, unreadable = load_further_sources(folder, story, document, limit, _comment_lines,
                                               [display_path(folder / entry.file_name) for entry in story.sources])
    if unreadable:
        raise ContentError(problems + unreadable)
    article_label = display_path(folder / story.article.file)
    quoted = QuotedPassages(source, article_label)
    problems += check_story(story, source, document, article_label, quoted, further)
    if problems:
        raise ContentError(problems)
    map_svg, close_up_svg = _load_maps(folder, document) if story.map else (None, None)
    return LoadedStory(story, source, document, folder, map_svg, close_up_svg,
                       warnings + _further_warnings(further) + quotation_warnings(source, article_label), quoted,
                       tuple(further))


def _validated(document: YamlDocument) -> tuple[Story | None, list[Problem]]:
    """The story and the schema's problems. Where the only faults are unknown fields or bad optional values, the
    story without them is returned too, so that the checks against the article still run: one unknown field must
    not hide five other mistakes."""
    try:
        return Story.model_validate(document.data), []
    except ValidationError as error:
        problems = [_located(document, item) for item in error.errors()]
        trimmed = copy.deepcopy(document.data)
        if not all(_drop(trimmed, tuple(item["loc"]), item["type"]) for item in error.errors()):
            return None, problems
    try:
        return Story.model_validate(trimmed), problems
    except ValidationError:
        return None, problems


def _drop(data: object, loc: tuple, kind: str) -> bool:
    """Remove the field at `loc` if the story can do without it: an unknown field, or an optional one."""
    *parents, name = loc
    model: type[BaseModel] | None = Story
    for part in parents:
        if isinstance(part, str) and model is not None:
            model = _model_of(model.model_fields.get(part))
        data = _child(data, part)
        if data is _ABSENT:
            return False
    if not isinstance(data, dict) or name not in data:
        return False
    known = model.model_fields.get(str(name)) if model is not None else None
    if kind != "extra_forbidden" and (known is None or known.is_required()):
        return False
    del data[name]
    return True


_ABSENT = object()


def _child(data: object, part: object) -> object:
    """data[part] where `data` is a mapping that holds `part` or a list with that index, else _ABSENT."""
    if isinstance(data, dict) and part in data:
        return data[part]
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return _ABSENT


def _model_of(field: FieldInfo | None) -> type[BaseModel] | None:
    """The model a field holds, itself or in a list or an Optional."""
    if field is None:
        return None
    for candidate in (field.annotation, *typing.get_args(field.annotation)):
        for inner in (candidate, *typing.get_args(candidate)):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def quotation_warnings(source: SourceText, article_label: str) -> tuple[Problem, ...]:
    """Marks the article leaves unbalanced: its quotes may then be checked over the wrong stretch."""
    return tuple(Problem(article_label, *source.line_and_column(mark.offset), "warning", mark.message)
                 for mark in source.quotations.unbalanced)


def _further_warnings(further: list[StoredText]) -> tuple[Problem, ...]:
    """The warnings the article's text gets, for each further source's text."""
    return tuple(warning for text in further
                 for warning in (*text.warnings, *quotation_warnings(text.text, text.label)))


def _load_maps(folder: Path, document: YamlDocument) -> tuple[str, str | None]:
    """The map and its close-up (None where there is none), each read and checked the same way."""
    if not os.path.lexists(folder / MAP_FILE):
        hint = f"{MAP_FILE} is missing; draw it with `python scripts/draw_locator_map.py {display_path(folder)}`"
        raise ContentError([document.problem(("map",), "map", hint)])
    svg, problems = _read_svg(folder, MAP_FILE)
    close_up: str | None = None
    if os.path.lexists(folder / CLOSE_UP_FILE):  # a link that leads nowhere is refused, not taken for no file
        close_up, close_up_problems = _read_svg(folder, CLOSE_UP_FILE)
        problems += close_up_problems
    if svg is None or problems:
        raise ContentError(problems)
    return svg, close_up


def _read_svg(folder: Path, name: str) -> tuple[str | None, list[Problem]]:
    path = folder / name
    svg, problems = read_text(path, display_path(path), MAP_MAX_BYTES, folder)
    return svg, problems or svg_problems(svg or "", display_path(path))


def _unusable_characters(document: YamlDocument) -> list[Problem]:
    """Control characters and non-characters, in any field or field name: text has no use for them."""
    problems = []
    for loc, text, is_name in strings_in(document.data):
        found = forbidden_character(text)
        if found:
            offset, name = found
            what = "the field name" if is_name else "the text"
            message = (f"{what} holds {name} at character {offset + 1}; control characters and "
                       "non-characters are not allowed, remove it")
            problems.append(document.problem(loc, dotted(loc), message))
    return problems


def _load_source(folder: Path, story: Story, document: YamlDocument,
                 limit: int) -> tuple[SourceText, tuple[Problem, ...]]:
    path = folder / story.article.file
    if not os.path.lexists(path):
        message = f"no file {display_path(path)}; article.file names the text file beside the YAML"
        raise ContentError([document.problem(("article", "file"), "article.file", message)])
    text, problems = read_text(path, display_path(path), limit, folder)
    if text is None:
        raise ContentError(problems)
    return split_article(text), tuple(_comment_lines(text, display_path(path)))


def _comment_lines(text: str, label: str) -> list[Problem]:
    """A line starting with # is left out, which is easy to miss once the text has begun: it may be text
    (a hashtag), and it shifts the ids of the sentences after it. Notes above the text are harmless."""
    message = ("warning: this line starts with #, so it is an editor's comment and left out of the text; "
               "the sentence ids after it are counted without it")
    warnings, text_begun = [], False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("#") and text_begun and line.strip() not in END_MARKS:  # "###" ends a release
            warnings.append(Problem(label, number, 1, "", message))
        text_begun = text_begun or (bool(line.strip()) and not line.startswith("#"))
    return warnings


def read_article(path: Path, max_bytes: int | None = None) -> SourceText:
    """The article of a story folder, or an article file itself, split into sentences; nothing else is checked.

    The story's YAML may be unfinished or broken: only `article.file` is looked for, else article.txt.
    """
    limit = max_bytes or max_bytes_from_environment()
    folder = path if path.is_dir() else None
    if folder is not None:
        path = folder / _article_file_name(folder / STORY_FILE, limit)
    label = display_path(path)
    if not path.is_file():
        raise ContentError([Problem(label, 1, 1, "", "no such file; give a story folder or an article's text file")])
    text, problems = read_text(path, label, limit, folder)
    if text is None:
        raise ContentError(problems)
    return split_article(text)


def _article_file_name(story_path: Path, limit: int) -> str:
    default = schema.Article.model_fields["file"].default
    if not story_path.is_file():
        return default
    document, _ = load_yaml(story_path, display_path(story_path), limit)
    data = document.data if document else None
    article = data.get("article") if isinstance(data, dict) else None
    name = article.get("file") if isinstance(article, dict) else None
    # Only a plain file name beside the YAML, as the schema allows, never a path elsewhere.
    if isinstance(name, str) and re.fullmatch(schema.ARTICLE_FILE_PATTERN, name):
        return name
    return default


def _all_field_names() -> set[str]:
    names: set[str] = set()
    for value in vars(schema).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            names.update(value.model_fields)
    return names


def _located(document: YamlDocument, item: ErrorDetails) -> Problem:
    loc = tuple(item["loc"])
    kind, message = item["type"], item["msg"]
    if kind == "extra_forbidden":
        guess = closest_name(str(loc[-1]), _all_field_names())
        hint = f"; did you mean '{guess}'?" if guess else ""
        message = f"unknown field '{loc[-1]}'{hint}"
    elif item.get("input", "") is None and kind.endswith("_type"):
        message = "is empty; give it a value"
    elif kind == "missing":
        message = "required field is missing"
    elif kind == "string_pattern_mismatch":
        pattern = item.get("ctx", {}).get("pattern", "")
        message = {
            schema.ID_PATTERN: "must be an id: lower-case letters, digits and hyphens, e.g. 'ada-quill'",
            schema.SENTENCE_ID_PATTERN:
                "must be a sentence id such as 'p3.s1' (list them with `python -m generator sentences`)",
            schema.LOOSE_DATE_PATTERN: "must be a date written YYYY-MM-DD, YYYY-MM or YYYY",
        }.get(pattern, f"does not have the expected form ({pattern})")
    elif kind.startswith("date_") or kind.startswith("datetime_"):
        message = f"{item.get('input')!r} is not a real date; write YYYY-MM-DD (times as 2024-10-29T03:27:00+05:00)"
    elif kind == "finite_number":
        message = f"{item.get('input')!r} is not a finite number; write a number such as 12.5 (1e309 is too large)"
    elif kind == "too_short" and isinstance(item.get("input"), list):
        message = "needs at least one item"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "value_error":
        message = message.removeprefix("Value error, ")
    else:
        message = message[0].lower() + message[1:]
    return document.problem(loc, dotted(loc), message)
