"""What the last cold read of the built pages found, each as a reader sees it on a page (issue 21)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CONTENT, ROOT
from tools.edits import copy_story, edit

from generator.content.load import load_story
from generator.pages.render import render_pages

CORPUS = ROOT / "tests" / "corpus"


def pages_of(folder: Path) -> dict[str, str]:
    return render_pages(load_story(folder))


def undated_list(overview: str) -> str:
    match = re.search(r"Not dated in the article:\n\n<ul class=\"ex-said\" markdown>\n(.*?)</ul>", overview, re.S)
    assert match, "no list of undated statements"
    return match.group(1)


def test_an_undated_list_does_not_say_again_that_each_item_is_undated() -> None:
    """"Not dated in the article:" over "Not given in the article" and "Date not given" said it three times."""
    undated = undated_list(pages_of(CORPUS / "library-hours")["index.md"])
    assert "The Friends of Millbrook Library said it had collected 3,400 signatures" in undated
    assert not re.search(r"not given|no date|undated", undated, re.I), undated
    kursk = undated_list(pages_of(CONTENT)["index.md"])
    # What a date note says besides "no date" stays: it places the statement in time.
    assert "After Rutte's confirmation on 28 October</span>" in kursk and "gives no date" not in kursk


def test_the_page_of_what_was_said_is_titled_by_what_it_holds(tmp_path: Path) -> None:
    statements_only = pages_of(CORPUS / "no-quotes")["quotes.md"]
    assert "\n# Statements " in statements_only and "Direct quotes" not in statements_only
    folder = copy_story(CORPUS / "nasa-pace-launch", tmp_path / "pace")
    text = (folder / "story.yaml").read_text(encoding="utf-8")
    (folder / "story.yaml").write_text(re.sub(r"\nstatements:\n(?:  .*\n|    .*\n)*", "\nstatements: []\n", text),
                                       encoding="utf-8")
    quotes_only = pages_of(folder)
    assert "\n# Quotes " in quotes_only["quotes.md"] and "statement" not in quotes_only["quotes.md"].lower()
    assert "[Quotes](quotes.md): who said what, word for word" in quotes_only["index.md"]


def test_a_questions_quotes_are_on_the_overview(second_story_copy: Path) -> None:
    """A question's `quotes:` were listed in the story and shown nowhere near its answer."""
    # The council's words in quotation marks, where the answer gives them.
    library = pages_of(CORPUS / "library-hours")["index.md"]
    assert "The council says the cut is “unavoidable” because its grant from central government" in library
    # A quote the answer does not give follows it, as a news paragraph gives one; here the chair's is no pull quote.
    edit(second_story_copy, "    how: said, of the plan\n", "    how: said, of the plan\n    lead: true\n")
    edit(second_story_copy, "    affiliation: Portvale harbour council\n    party: council\n",
         "    affiliation: Portvale harbour council\n")
    edit(second_story_copy, "    quotes: [normal-timetable]\n    cites: [p3.s1]", "    cites: [p3.s1]")
    overview = pages_of(second_story_copy)["index.md"]
    answer = overview[overview.index("### When do ferries run again?"):].split("\n## ", 1)[0]
    assert ("“Every ferry will run to the normal timetable from Wednesday,” **[Ada Quill](people.md#ada-quill)**, "
            "the chair of the harbour council, told a news conference on") in answer, answer


def test_what_is_still_to_come_is_not_told_as_what_happened() -> None:
    """The library "begins closing" in April, after the explainer of 15 March: that is what happens next."""
    library = pages_of(CORPUS / "library-hours")
    assert '<h2 id="what-happened-next">What happens next</h2>' in library["index.md"]
    assert "\n## What happens next\n" in library["timeline.md"]
    kursk = pages_of(CONTENT)
    assert '<h2 id="what-happened-next">What happened next</h2>' in kursk["index.md"]


def test_a_release_on_the_bodys_own_site_is_published_there_not_republished() -> None:
    pages = pages_of(CORPUS / "nasa-pace-launch")
    assert "Based on a NASA news release from Washington, published on [nasa.gov](" in pages["index.md"]
    assert "republished" not in "".join(pages.values())


def test_an_overview_without_sides_gives_more_than_one_voice() -> None:
    """The NASA release quotes four officials; its overview gave the administrator alone."""
    overview = pages_of(CORPUS / "nasa-pace-launch")["index.md"]
    said = overview[overview.index("## Who said what"):]
    for name in ("Karen St. Germain", "Marjorie Haskell", "Jeremy Werdell"):
        assert re.search(rf"<p class=\"ex-quote-line\" markdown>“[^”]+,” \*\*\[{name}\]", said), name
