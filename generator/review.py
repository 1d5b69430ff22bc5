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
from .text import md_escape
from .yamlfile import DEFAULT_MAX_BYTES, Position, YamlDocument, read_text
from .yamlwrite import yaml_value

MARKER = "# REVIEW:"
REVIEW_PAGE = "review.md"
_MARKER_LINE = re.compile(r"(?:^|\s)# REVIEW:(.*)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
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


def count_message(lines: list[int]) -> str:
    """What `check` says about the markers left: a reminder, not an error."""
    if not lines:
        return ""
    shown = ", ".join(str(line) for line in lines[:10]) + (", ..." if len(lines) > 10 else "")
    plural = "s" if len(lines) != 1 else ""
    return (f"Draft: {len(lines)} review marker{plural} left (line{plural} {shown}). Delete each "
            f"`{MARKER}` comment once you agree with the guess beside it; pages are labelled Draft until then.")


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


def draft_notice(count: int) -> str:
    """The Markdown put at the top of every page of a story that still has review markers."""
    guesses, are = ("guesses", "are") if count != 1 else ("guess", "is")
    return (f'!!! warning "Draft: not yet reviewed"\n\n'
            f"    This page comes from a first draft of the story. {count} {guesses} in its content {are} still "
            f"marked for an editor to review: see the [list of items to review]({REVIEW_PAGE}).\n\n")


def label_pages(pages: dict[str, str], items: list[ReviewItem]) -> dict[str, str]:
    """Every Markdown page with the draft notice just after its front matter, and the review list, while any
    marker is left; the pages as they are once none is."""
    if not items:
        return pages
    notice = draft_notice(len(items))
    labelled = {}
    for path, text in pages.items():
        if not path.endswith(".md"):
            labelled[path] = text
            continue
        front = _FRONT_MATTER.match(text)
        cut = front.end() if front else 0
        labelled[path] = text[:cut] + "\n" + notice + text[cut:].lstrip("\n")
    labelled[REVIEW_PAGE] = review_page(items)
    return labelled


def review_page(items: list[ReviewItem]) -> str:
    """The review list: what to do, then each marker's line, field and reason, in story order. It is no page a
    reader of the finished story sees, so search leaves it out."""
    count = len(items)
    guesses, are = ("guesses", "are") if count != 1 else ("guess", "is")
    lines = [
        "---",
        f"title: {yaml_value('Left to review')}",
        f"description: {yaml_value('The guesses of this draft still marked for an editor to review.')}",
        "search:\n  exclude: true",
        "---",
        "",
        "# Left to review {: #left-to-review }",
        "",
        '!!! warning "Draft: not yet reviewed"',
        "",
        f"    {count} {guesses} in `story.yaml` {are} still marked for review. For each one below, check the value "
        f"on that line against the article and correct it if needed, then delete its `{MARKER}` comment. Pages "
        "are labelled Draft until none is left; then this list goes too.",
        "",
    ]
    for item in items:
        field = f" <code>{md_escape(item.field)}</code>" if item.field else ""
        lines.append(f"- **Line {item.line}**{field}: {md_escape(item.reason) or 'no reason given'}")
    return "\n".join(lines) + "\n"
