"""Review markers: `# REVIEW: ...` comments that `draft` puts beside every value it guessed.

A marker is a YAML comment, so the story loads and checks with markers left in. The editor deletes each
one after agreeing with the guess; until none is left, `check` counts them and every page says "Draft".
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .errors import Problem
from .safety import strings_in
from .schema import dotted
from .yamlfile import DEFAULT_MAX_BYTES, YamlDocument, read_text

MARKER = "# REVIEW:"
_MARKER_LINE = re.compile(r"(?:^|\s)# REVIEW:")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# Names kept for examples and tests (RFC 2606, RFC 6761): an address there, such as the one `draft` writes when
# the article gives none, stands in for a real one.
_PLACEHOLDER_HOST = re.compile(r"(?:^|\.)(?:example\.(?:com|net|org)|invalid|example|test|localhost)$")


def marker_lines(yaml_text: str) -> list[int]:
    """Line numbers (from 1) of the review markers left in a story's YAML."""
    return [number for number, line in enumerate(yaml_text.split("\n"), start=1) if _MARKER_LINE.search(line)]


def markers_in(story_file: Path, max_bytes: int | None = None) -> list[int]:
    """The markers' lines, read with the same care as the story itself: nothing through a link out of its folder."""
    text, _ = read_text(story_file, str(story_file), max_bytes or DEFAULT_MAX_BYTES)
    return marker_lines(text) if text is not None else []


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
    plural = "s" if count != 1 else ""
    return (f'!!! warning "Draft: not yet reviewed"\n\n'
            f"    This page comes from a first draft of the story. {count} guess{'es' if plural else ''} in "
            f"its content {'are' if plural else 'is'} still marked for an editor to review.\n\n")


def label_pages(pages: dict[str, str], count: int) -> dict[str, str]:
    """Every Markdown page with the draft notice just after its front matter."""
    if not count:
        return pages
    notice = draft_notice(count)
    labelled = {}
    for path, text in pages.items():
        if not path.endswith(".md"):
            labelled[path] = text
            continue
        front = _FRONT_MATTER.match(text)
        cut = front.end() if front else 0
        labelled[path] = text[:cut] + "\n" + notice + text[cut:].lstrip("\n")
    return labelled
