"""Read a YAML content file into plain data, remembering where every field starts.

PyYAML's safe loader alone silently keeps the last of two equal keys, expands aliases without
bound and turns impossible dates into tracebacks; this reader refuses the first two and leaves
dates as text for the schema to judge, so every mistake becomes a located `Problem`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from .errors import Problem, line_and_column
from .safety import forbidden_character
from .schema import dotted
from .storyfiles import RefusedFile, read_story_file

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 50  # levels of nesting; a story uses 5, and each level costs the reader a few stack frames
_TYPE_WORDS = {"tag:yaml.org,2002:int": "a whole number", "tag:yaml.org,2002:float": "a number",
               "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:timestamp": "a real date"}
Position = tuple[int, int]


_WITHOUT_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _StoryLoader(yaml.SafeLoader):
    """Safe loader without the timestamp resolver: dates stay strings until the schema checks them."""

    yaml_implicit_resolvers = _WITHOUT_TIMESTAMPS


# libyaml parses about fifteen times faster; the pure-Python loader is the fallback where it is missing.
_Composer: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = _StoryLoader
if hasattr(yaml, "CSafeLoader"):
    class _FastStoryLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers = _WITHOUT_TIMESTAMPS

    _Composer = _FastStoryLoader


@dataclass
class YamlDocument:
    """Plain data read from a file, with the line and column where each field path begins."""

    path: str
    data: object
    positions: dict[tuple, Position] = field(default_factory=dict)

    def position_of(self, loc: tuple) -> Position:
        """The place of the nearest enclosing field that exists in the file."""
        loc = tuple(loc)
        while loc and loc not in self.positions:
            loc = loc[:-1]
        return self.positions.get(loc, (1, 1))

    def problem(self, loc: tuple, field_name: str, message: str) -> Problem:
        line, column = self.position_of(loc)
        return Problem(self.path, line, column, field_name, message)


def read_text(path: Path, label: str, max_bytes: int = DEFAULT_MAX_BYTES,
              folder: Path | None = None) -> tuple[str | None, list[Problem]]:
    """Decode a UTF-8 file inside `folder` (default: its own); a byte-order mark and CRLF line ends are removed."""
    try:
        raw = read_story_file(path, folder or path.parent, max_bytes)
    except RefusedFile as error:
        return None, [Problem(label, 1, 1, "", str(error))]
    except OSError as error:
        return None, [Problem(label, 1, 1, "", f"cannot be read: {error.strerror or error}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start : error.start + 1].hex()
        message = f"byte 0x{byte} is not UTF-8; save the file as UTF-8"
        return None, [Problem(label, line, column, "", message)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = forbidden_character(text)
    if found:
        offset, name = found
        line, column = line_and_column(text, offset)
        message = f"{name} has no place in a story file (no control characters or non-characters); remove it"
        return None, [Problem(label, line, column, "", message)]
    return text, []


def load_yaml(path: Path, label: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document, or return the problems that stop it being read."""
    text, problems = read_text(path, label, max_bytes)
    if text is None:
        return None, problems
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(label, text, _python_wording(text) or error)]
    except yaml.YAMLError as error:
        return None, [Problem(label, 1, 1, "", f"not valid YAML: {error}")]
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at 1,000 levels itself
        return None, [Problem(label, 1, 1, "", f"nested too deeply; a story needs at most {MAX_DEPTH} levels")]
    document = YamlDocument(label, None)
    if root is None:
        return document, []
    builder = _Builder(document, text, lambda: _alias_positions(text))
    document.data = builder.build(root, ())
    return document, builder.problems


def _python_wording(text: str) -> yaml.MarkedYAMLError | None:
    """The pure-Python parser's error, which words its messages better than libyaml's."""
    try:
        yaml.compose(text, Loader=_StoryLoader)
    except yaml.MarkedYAMLError as error:
        return error
    except RecursionError:  # a document nested too deeply for it: libyaml's own message will do
        return None
    return None


class _Mark(Protocol):
    """A place in the text, as the pure-Python and the libyaml parser both give it (0-based)."""

    line: int
    column: int


def _position(mark: _Mark | None) -> Position:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _alias_positions(text: str) -> list[Position]:
    """Where each alias is used, in document order: the order in which the builder meets them."""
    events = yaml.parse(text, Loader=_Composer)
    return [_position(event.start_mark) for event in events if isinstance(event, yaml.AliasEvent)]


def _syntax_problem(label: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    line, column = _position(error.problem_mark or error.context_mark)
    line_text = text.split("\n")[line - 1] if line - 1 < len(text.split("\n")) else ""
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or "'\\t'" in str(error.problem):
        return Problem(label, line, column, "", "a tab is used for indentation; indent with spaces")
    what = (error.problem or "cannot be read").strip()
    hint = f" ({error.context.strip()})" if error.context else ""
    return Problem(label, line, column, "", f"not valid YAML: {what}{hint}")


class _Builder:
    """Turns YAML nodes into dicts, lists and scalars, checking what PyYAML lets through."""

    def __init__(self, document: YamlDocument, text: str, alias_positions: Callable[[], list[Position]]) -> None:
        self.document = document
        self.find_alias_positions = alias_positions
        self.alias_positions: Iterator[Position] | None = None
        self.loader = _StoryLoader("")  # constructs scalars only; the text was parsed already
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: tuple) -> object:
        # An alias reuses a node already built; refusing every reuse stops "billion laughs" expansion.
        if id(node) in self.seen:
            if self.alias_positions is None:  # only a file with aliases is parsed a second time, to find them
                self.alias_positions = iter(self.find_alias_positions())
            line, column = next(self.alias_positions, _position(node.start_mark))
            self.problems.append(Problem(self.document.path, line, column, dotted(loc),
                                         "YAML aliases (*name) are not allowed; write the value out"))
            return None
        self.seen.add(id(node))
        if len(loc) >= MAX_DEPTH and isinstance(node, yaml.CollectionNode):
            self._problem(node, loc[:4], f"nested too deeply; a story needs at most {MAX_DEPTH} levels")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self._item(child, loc + (index,)) for index, child in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self._problem(node, loc, f"value cannot be read: {error}")
        except Exception:  # noqa: BLE001 - PyYAML's constructors raise ValueError and others on odd input
            self._problem(node, loc, _unreadable(node))
        return None

    def _item(self, node: yaml.Node, loc: tuple) -> object:
        self.document.positions[loc] = _position(node.start_mark)
        return self.build(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, loc, "merge keys (<<) are not allowed; write the fields out")
                continue
            key = self.build(key_node, loc) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self._problem(key_node, loc, "field names must be plain words")
                continue
            place = _position(key_node.start_mark)
            if key in result:
                first = self.document.positions[loc + (key,)]
                self._problem(key_node, loc + (key,), f"duplicate field; first given on line {first[0]}")
                continue
            self.document.positions[loc + (key,)] = place
            result[key] = self.build(value_node, loc + (key,))
        return result

    def _problem(self, node: yaml.Node, loc: tuple, message: str) -> None:
        line, column = _position(node.start_mark)
        self.problems.append(Problem(self.document.path, line, column, dotted(loc), message))


def _unreadable(node: yaml.Node) -> str:
    """Why a scalar that PyYAML could not turn into a value (`!!int abc`, `!!timestamp 2024-02-30`) is wrong."""
    value = str(node.value)
    limit = sys.get_int_max_str_digits()
    if node.tag == "tag:yaml.org,2002:int" and limit and sum(character.isdigit() for character in value) > limit:
        return f"a number with more than {limit:,} digits cannot be read; put it in quotation marks if it is text"
    shown = value if len(value) <= 40 else value[:40] + "…"
    return f"{shown!r} is not {_TYPE_WORDS.get(node.tag, f'a value of type {node.tag}')}"
