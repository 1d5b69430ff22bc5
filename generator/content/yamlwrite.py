"""Writing YAML by hand: every value and comment the generator puts into a YAML file goes through here.

Drafts, new stories and page front matter are written line by line (to keep comments and order), so this is
where text from an article, a file name or a guess meets YAML. A value is written bare only when it is a
lower-case id (`ada-quill`, `p1.s1`) that every YAML reader takes as that text; anything else is one
double-quoted line, escaped so that YAML reads it back unchanged. A comment stays on its line whatever its text
holds: no line break, control character or other odd character in it can end it and start a field.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import yaml

from .partial_dates import PartialDate
from .safety import NON_CHARACTERS

# YAML double-quoted scalars accept only printable characters (YAML 1.1, 5.1); everything else is escaped,
# with the byte-order mark and the non-characters, which the story reader refuses.
_UNPRINTABLE = re.compile(f"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
                          f"|[\ufdd0-\ufdef{NON_CHARACTERS}\ufeff]")
# In a comment, besides: every line break YAML knows, and the bidirectional controls, which can make a
# comment show other words than it holds.
_ODD_IN_COMMENT = re.compile(f"{_UNPRINTABLE.pattern}|[\x85\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x85": "\\N", "\u2028": "\\L",
            "\u2029": "\\P"}
_SPECIAL = re.compile("[\\\\\"\n\r\t\x85\u2028\u2029]")
_BREAKING_SPACE = re.compile(r"\s*[^\S ]\s*")
_BARE = re.compile(r"[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*\Z")
_BARE_MAX = 100
_RESOLVER = yaml.resolver.Resolver()  # what PyYAML's safe loader takes a bare word for


def _escape(match: re.Match) -> str:
    """A character as a YAML escape; a lone surrogate, which no escape can write, as U+FFFD."""
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:
        return "\\ufffd"
    return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def _double_quoted(text: str) -> str:
    text = _SPECIAL.sub(lambda match: _ESCAPES[match.group()], text)
    return '"' + _UNPRINTABLE.sub(_escape, text) + '"'


def _is_bare(text: str) -> bool:
    # y and n are booleans to YAML 1.1 readers, though not to PyYAML's resolver.
    return (len(text) <= _BARE_MAX and bool(_BARE.match(text)) and text not in ("y", "n")
            and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str")


def yaml_value(value: object) -> str:
    """`value` as YAML on one line, read back as the same value by any YAML parser.

    Dates and times are written bare (a `PartialDate` of a year reads back as a number, which the schema takes);
    lists and dicts as flow collections; text bare when it is an id, else double-quoted:
    yaml_value("ada-quill") == 'ada-quill'; yaml_value("Yes\\n") == '"Yes\\\\n"'.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        return repr(value) if math.isfinite(value) else ("-.inf" if value < 0 else ".inf")
    if isinstance(value, dt.date | PartialDate):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_value(str(key))}: {yaml_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    text = str(value)
    return text if _is_bare(text) else _double_quoted(text)


def yaml_comment(text: str) -> str:
    """`text` made safe to follow a `#` on one line: a run of white space holding a line break, a tab or any white
    space but the plain space becomes one space, and any other character that YAML or the story reader would not
    take, or that reorders text, an escape such as \\x1b."""
    return _ODD_IN_COMMENT.sub(_escape, _BREAKING_SPACE.sub(" ", text).strip())
