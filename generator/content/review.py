"""Review markers: `# REVIEW: ...` comments that `draft` puts beside every value it guessed.

A marker is a YAML comment, so the story loads and checks with markers left in. The editor deletes each
one after agreeing with the guess; until none is left, `check` counts them, every page says "Draft" and links
to a review list (review.md): each marker's line, the field it sits on and why the value is a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import Problem
from .safety import strings_in
from .schema import dotted
from .yamlfile import DEFAULT_MAX_BYTES, Position, YamlDocument, read_text

MARKER = "# REVIEW:"
_MARKER_LINE = re.compile(r"(?:^|\s)# REVIEW:(.*)")
# Names kept for examples and tests (RFC 2606, RFC 6761): an address there, such as the one `draft` writes when
# the article gives none, stands in for a real one.
_PLACEHOLDER_HOST = re.compile(r"(?:^|\.)(?:example\.(?:com|net|org)|invalid|example|test|localhost)$")


@dataclass(frozen=True)
class ReviewItem:
    """One marker left in the story: its line (from 1), the field it sits on (`quotes[2].speaker`) and its words."""

    line: int
    field: str
    reason: str


def review_items(yaml_text: str, positions: Mapping[tuple, Position] | None = None) -> list[ReviewItem]:
    """The markers left in a story's YAML, in story order. `positions` (a loaded story's, by field path) name the
    field each marker sits on: the innermost one starting on its line, or else the nearest one before it."""
    found = [(number, match.group(1).strip()) for number, line in enumerate(yaml_text.split("\n"), start=1)
             if (match := _MARKER_LINE.search(line))]
    if not found:  # a reviewed story: its field positions need not be read
        return []
    starts: dict[int, tuple] = {}
    for path, (line, _) in (positions or {}).items():
        if len(path) >= len(starts.get(line, ())):
            starts[line] = path
    lines = sorted(starts)
    items = []
    for number, reason in found:
        before = bisect.bisect_right(lines, number) - 1
        items.append(ReviewItem(number, dotted(starts[lines[before]]) if before >= 0 else "", reason))
    return items


def review_items_in(story_file: Path, positions: Mapping[tuple, Position] | None = None,
                    max_bytes: int | None = None) -> list[ReviewItem]:
    """The markers, read with the same care as the story itself: nothing through a link out of its folder."""
    text, _ = read_text(story_file, str(story_file), max_bytes or DEFAULT_MAX_BYTES)
    return review_items(text, positions) if text is not None else []


def markers_in(story_file: Path, max_bytes: int | None = None) -> list[int]:
    """The markers' lines."""
    return [item.line for item in review_items_in(story_file, max_bytes=max_bytes)]


# The markers that matter most: who said what, when, and what a speaker is. A wrong one misleads a reader; the
# rest are writing to do or wording to confirm.
_MATTERS_MOST = {"speaker", "date", "date_note", "event_date", "published", "kind"}


def matters_most(item: ReviewItem) -> bool:
    """Whether a marker sits on who said something, when, or what a speaker is."""
    return item.field.rsplit(".", 1)[-1] in _MATTERS_MOST


def count_message(items: list[ReviewItem]) -> str:
    """What `check` says about the markers left, those that matter most first: a reminder, not an error."""
    if not items:
        return ""
    first = [item.line for item in items if matters_most(item)]
    then = [item.line for item in items if not matters_most(item)]
    plural = "s" if len(items) != 1 else ""
    groups = [f"{len(first)} on who said what, when, or what a speaker is ({_lines(first)})" if first else "",
              f"{len(then)} to write or confirm ({_lines(then)})" if then else ""]
    order = "First the " + "; then the ".join(group for group in groups if group) if first else f"The {groups[1]}"
    return (f"Draft: {len(items)} review marker{plural} left. {order}. Delete each `{MARKER}` comment once you "
            "agree with the value beside it; pages are labelled Draft until then, and their notice links to the "
            "list of markers.")


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(line) for line in lines[:10]) + (", ..." if len(lines) > 10 else "")
    return f"line{'s' if len(lines) != 1 else ''} {shown}"


def is_placeholder_host(url: str) -> bool:
    """Whether the address's host is one kept for examples and tests (example.com, .invalid, localhost, ...)."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return False
    return bool(_PLACEHOLDER_HOST.search(host))


def placeholder_addresses(document: YamlDocument) -> list[Problem]:
    """What `check` says of each web address in the story that is a placeholder: a reminder, not an error, with
    the field's line, like the review markers'."""
    found = []
    for loc, text, is_name in strings_in(document.data):
        if is_name or not text.startswith(("http://", "https://")):
            continue
        try:
            host = (urlsplit(text).hostname or "").rstrip(".")
        except ValueError:  # not an address the schema takes; the check names it
            continue
        if _PLACEHOLDER_HOST.search(host):
            found.append(document.problem(loc, dotted(loc), f"{text} is a placeholder, not the real address: "
                                          "replace it with the address of the copy you used before publishing"))
    return found
