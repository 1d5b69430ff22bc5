"""`python -m generator preflight [DIR]`: what still stands between a story and its publication.

`check` says whether a story is right; preflight says whether it is finished: no review marker left, no starter
text or placeholder address, a "Report an error" address that is the newsroom's own rather than an example's or
one copied from another story, a site name that fits a phone's header, a text alternative for the map and a
credit that names the source. Each finding is located like a content mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..content.desk_settings import DeskSettings, setting_places
from ..content.errors import ContentError, Problem
from ..content.explainer_dates import first_published
from ..content.load import MAP_FILE, STORY_FILE, LoadedStory, display_path, load_story
from ..content.project import CONFIG_FILE
from ..content.review import is_placeholder_host, placeholder_addresses, review_items_in
from ..content.safety import strings_in
from ..content.scaffold import starter_texts
from ..content.schema import dotted
from ..generate import checked_story
from ..pages.identity import site_identity
from .header_width import HEADER_ROOM, PHONE_WIDTH, header_width

_UNFINISHED = re.compile(r"\b(TODO|TBC|TKTK|FIXME|XXX)\b|lorem ipsum", re.IGNORECASE)
MAP_DESCRIPTION_WORDS = 8  # fewer words than this describe no map
_COPIED_SETTINGS = ("name", "description", "credit", "report_url")


def preflight(folder: Path, desk: DeskSettings | None = None, config_file: Path = Path(CONFIG_FILE),
              others: Iterable[Path] = ()) -> list[Problem]:
    """Everything that stands between the story in `folder` and publication, in file order; [] when it is ready.
    A story that fails `check` gets its mistakes. `others`: the desk's other stories, which nothing may copy."""
    try:
        loaded = checked_story(folder)
    except ContentError as error:
        return list(error.problems)
    addresses = [problem for problem in placeholder_addresses(loaded.document)
                 if problem.field != "site.report_url"]  # said by _report_address, in its own words
    found = [*_markers(loaded), *addresses, *_unfinished_text(loaded),
             *_report_address(loaded, desk, config_file), *_copied(loaded, others), *_header(loaded, desk),
             *_map_text(loaded), *_credit(loaded)]
    return sorted(set(found))


def _markers(loaded: LoadedStory) -> list[Problem]:
    return [Problem(loaded.document.path, item.line, 1, item.field, f"review marker left: {item.reason}")
            for item in review_items_in(loaded.folder / STORY_FILE, loaded.document.positions)]


def _unfinished_text(loaded: LoadedStory) -> list[Problem]:
    starters, found = starter_texts(), []
    for loc, text, is_name in strings_in(loaded.document.data):
        if is_name:
            continue
        if text.strip() in starters:
            found.append(loaded.document.problem(loc, dotted(loc), f"{text!r} is the new story's starter text; "
                                                                   "write the story's own"))
        elif match := _UNFINISHED.search(text):
            found.append(loaded.document.problem(loc, dotted(loc), f"{match.group()!r} marks unfinished text"))
    if not loaded.source.sentences:
        found.append(Problem(display_path(loaded.folder / loaded.story.article.file), 1, 1, "",
                             "the article is empty: paste the source's text"))
    return found


def _report_address(loaded: LoadedStory, desk: DeskSettings | None, config_file: Path) -> list[Problem]:
    """The address "Report an error" leads to, from the story, the desk or the repository's issues."""
    own = loaded.story.site.report_url
    address = own or (desk.report_url if desk else None)
    if address is None and desk is not None and desk.repository:
        address = desk.repository.rstrip("/") + "/issues/new"
    if address is None or not _is_example(address):
        return []
    message = (f"'Report an error' leads to {address}, an example's address, where no one reads reports; give "
               "the newsroom's own")
    if own:
        return [loaded.document.problem(("site", "report_url"), "site.report_url", message)]
    key = "report_url" if desk and desk.report_url else ""
    line, column = setting_places(config_file).get(key, (1, 1))
    return [Problem(display_path(config_file), line, column, "extra.desk.report_url" if key else "repo_url", message)]


def _is_example(address: str) -> bool:
    if address.startswith("mailto:"):
        return is_placeholder_host("https://" + address.rsplit("@", 1)[-1])
    return is_placeholder_host(address)


def _copied(loaded: LoadedStory, others: Iterable[Path]) -> list[Problem]:
    """The story's own site settings that an older story of the desk has word for word: copied with its folder."""
    own = loaded.story.site
    given = {key: getattr(own, key) for key in _COPIED_SETTINGS if key in own.model_fields_set}
    found = []
    for other in others:
        if other.resolve() == loaded.folder.resolve():
            continue
        try:
            older = load_story(other).story
        except ContentError:
            continue
        ours, theirs_published = first_published(loaded.story), first_published(older)
        if ours is None or theirs_published is None or theirs_published > ours:  # the copy is the later story
            continue
        theirs = older.site
        for key, value in given.items():
            if value and getattr(theirs, key) == value:
                found.append(loaded.document.problem(("site", key), f"site.{key}", (
                    f"is the same as {display_path(other)}'s: inherited from the story this one was copied from? "
                    "Give this story its own")))
    return found


def _header(loaded: LoadedStory, desk: DeskSettings | None) -> list[Problem]:
    name = site_identity(loaded.story).name
    width = header_width(name)
    if width <= HEADER_ROOM:
        return []
    given = "name" in loaded.story.site.model_fields_set
    loc, field = (("site", "name"), "site.name") if given else (("meta", "headline"), "meta.headline")
    return [loaded.document.problem(loc, field, (
        f"the site name {name!r} is about {width:.0f} px wide, and a phone's header ({PHONE_WIDTH} px) has room "
        f"for {HEADER_ROOM}: it is cut short there; give a shorter site.name"))]


def _map_text(loaded: LoadedStory) -> list[Problem]:
    story = loaded.story
    if story.map is None:
        if (loaded.folder / MAP_FILE).is_file():
            return [Problem(display_path(loaded.folder / MAP_FILE), 1, 1, "", (
                "the map has no `map:` in story.yaml, so it has no text alternative and is not shown; add its "
                "title and description"))]
        return []
    words = len(story.map.description.split())
    if words < MAP_DESCRIPTION_WORDS or story.map.description.strip() == story.map.title.strip():
        return [loaded.document.problem(("map", "description"), "map.description", (
            f"the map's text alternative has {words} words; say what the map shows for readers who cannot see it"))]
    return []


def _credit(loaded: LoadedStory) -> list[Problem]:
    """A footer credit written by hand must still name where the quotations come from."""
    site, article = loaded.story.site, loaded.story.article
    if site.credit is None:
        return []
    if article.agency.casefold() in site.credit.casefold() or article.outlet.casefold() in site.credit.casefold():
        return []
    return [loaded.document.problem(("site", "credit"), "site.credit", (
        f"the credit names neither the article's agency ({article.agency}) nor its outlet ({article.outlet}); "
        "credit the source of the quotations"))]
