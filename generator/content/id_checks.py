"""Ids that would appear twice on one page: a link to either would land on the first.

The site's own anchors (`#map`, `#figures`, ...) are read from the templates, so a new one is covered.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from .schema import Story, dotted, identified_sections

TEMPLATES = Path(__file__).parents[1] / "pages" / "templates"  # the ids the templates write themselves
_LITERAL_ID = re.compile(r"""\{:\s*#([a-z0-9-]+)\s*\}|\bid="([a-z0-9-]+)\"""")


@functools.cache
def template_ids() -> dict[str, str]:
    """Each id the templates write themselves, with the template's name: {"map": "context.md.j2", ...}."""
    found: dict[str, str] = {}
    for template in sorted(TEMPLATES.glob("*.j2")):
        for match in _LITERAL_ID.finditer(template.read_text(encoding="utf-8")):
            found.setdefault(match.group(1) or match.group(2), template.name)
    return found


def id_collisions(story: Story) -> Iterator[tuple[tuple, str]]:
    """Content ids equal to an id of the site's own, and two reactions for one party (both get its id)."""
    reserved = template_ids()
    for section, ids in identified_sections(story):
        for index, item_id in enumerate(ids):
            if item_id in reserved:
                page = reserved[item_id].removesuffix(".md.j2")
                message = f"id '{item_id}' is used by the site itself (on the {page} page); choose another"
                yield (section, index, "id"), message
    first_reaction: dict[str, int] = {}
    for index, reaction in enumerate(story.reactions):
        earlier = first_reaction.setdefault(reaction.party, index)
        if earlier != index:
            yield (("reactions", index, "party"),
                   f"party '{reaction.party}' already has a reaction in {dotted(('reactions', earlier))}; "
                   "give one party one reaction")
