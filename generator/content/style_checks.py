"""The rules of `check` for the story's own words: short forms as the article spells them, and every date the
editor writes in the story's one date style.

    meta.summary: writes “Feb. 8, 2024” month first, but the story writes dates day first (meta.date_style:
    british): write “8 February 2024”, or set meta.date_style: ap

The pages write every date they make in `meta.date_style`; a date typed into a summary or a takeaway in the other
style would show the reader two styles on one page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .schema import Story
from .stored_texts import StoredText, sentences_by_id

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.")
_MONTH_FIRST = re.compile(rf"\b(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?(?![\w:])")
_DAY_FIRST = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})(?: \d{{4}})?\b")
_MONTH_NUMBER = {name[:3]: number for number, name in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                                  "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
_AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def style_problems(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, str]]:
    yield from _abbreviations_as_written(story, texts)
    yield from _dates_in_style(story, texts)


def _abbreviations_as_written(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, str]]:
    """A short form and what it stands for are the article's words (or a further source's), as it writes them."""
    for index, item in enumerate(story.abbreviations):
        for field in ("short", "full"):
            words = getattr(item, field)
            if not any(re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text.text.text) for text in texts):
                yield (("abbreviations", index, field),
                       f"“{words}” is not in the article as written; copy it from the article, character for "
                       "character")


def _story_words(story: Story) -> Iterator[tuple[tuple, str, list[str]]]:
    """(where, text, the sentences it cites) for each text the editor writes that the pages show as the site's
    own words."""
    yield ("meta", "summary"), story.meta.summary, []
    if story.meta.standfirst:
        yield ("meta", "standfirst"), story.meta.standfirst, []
    for section, fields in (("takeaways", ("text",)), ("unknowns", ("text",)), ("questions", ("question", "answer")),
                            ("figures", ("value", "what")), ("statements", ("gist",)), ("timeline", ("text",)),
                            ("reactions", ("position",)), ("background", ("title", "text"))):
        for index, item in enumerate(getattr(story, section)):
            for field in fields:
                yield (section, index, field), getattr(item, field), getattr(item, "cites", [])


def _dates_in_style(story: Story, texts: Sequence[StoredText]) -> Iterator[tuple[tuple, str]]:
    """A date the editor writes in the other style than `meta.date_style`: one style on every page. A date a cited
    sentence writes so is the source's own words, copied (as `draft` copies a sentence into an event), not a
    second style of the editor's."""
    ap = story.meta.date_style == "ap"
    wrong = _DAY_FIRST if ap else _MONTH_FIRST
    found = sentences_by_id(texts)
    for where, words, cites in _story_words(story):
        for match in wrong.finditer(words):
            # Each cited sentence once: a list may cite one long sentence thousands of times.
            if any(match.group(0) in found[sentence_id][0].text for sentence_id in dict.fromkeys(cites)
                   if sentence_id in found):
                continue
            yield where, (f"writes “{match.group(0)}” {'day' if ap else 'month'} first, but the story writes dates "
                          f"{'month first' if ap else 'day first'} (meta.date_style: {story.meta.date_style}): write "
                          f"“{_restyled(match.group(0), ap)}”, or set meta.date_style: {'british' if ap else 'ap'}")


def _restyled(date: str, ap: bool) -> str:
    """'Feb. 8, 2024' -> '8 February 2024'; '8 February 2024' -> 'Feb. 8, 2024'."""
    day, *year = re.findall(r"\d+", date)  # the day, then the year where the date gives one
    month = _MONTH_NUMBER[re.findall(r"[A-Z][a-z]{2}", date)[0]]
    if ap:
        return f"{_AP_MONTHS.get(month, _FULL_MONTHS[month - 1])} {int(day)}" + "".join(f", {y}" for y in year)
    return f"{int(day)} {_FULL_MONTHS[month - 1]}" + "".join(f" {y}" for y in year)
