"""A story's id is an anchor on the page that shows its item: it may not be one of the anchors the page gives its
own headings, which the pages are read for as rendered (a title, a section, a heading of a list), so that no page
holds two elements with one id and a link to either lands where it should."""

from __future__ import annotations

from pathlib import Path

import pytest
from tools.cli import run_cli
from tools.edits import edit


def rename(story: Path, old: str, new: str, *references: str) -> int:
    """Give an item a new id, and every reference to it; returns the line of its id."""
    line = edit(story, f"  - id: {old}\n", f"  - id: {new}\n")
    for reference in references:
        text = (story / "story.yaml").read_text(encoding="utf-8")
        (story / "story.yaml").write_text(text.replace(reference.format(old), reference.format(new)),
                                          encoding="utf-8")
    return line


COLLIDING = [
    pytest.param("ada-quill", "whos-who", ("speaker: {}",), "people[0].id", "“Who's who” on the people page",
                 id="a person under the people page's title"),
    pytest.param("rushed", "direct-quotes", ("quotes: [{}]",), "quotes[1].id",
                 "“Direct quotes” on the quotes page", id="a quote under the heading of the quotes list"),
    pytest.param("not-consulted", "quotes-and-statements", ("statements: [{}]",), "statements[1].id",
                 "“Quotes and statements” on the quotes page", id="a statement under the quotes page's title"),
    pytest.param("storm", "background", ("background: [{}]",), "background[0].id",
                 "“Background” on the context page", id="a background item under its list's heading"),
    pytest.param("when-do-ferries-run", "what-happened", (), "questions[0].id",
                 "“What happened” on the index page", id="a question under its section's heading"),
    pytest.param("storm-closes-pier", "up-to-the-article", (), "timeline[0].id",
                 "“Up to the article” on the timeline page", id="an event under its part's heading"),
]


@pytest.mark.parametrize(("old", "new", "references", "field", "heading"), COLLIDING)
def test_an_id_that_is_a_heading_anchor_on_its_page_is_refused(
        second_story_copy: Path, old: str, new: str, references: tuple[str, ...], field: str, heading: str) -> None:
    line = rename(second_story_copy, old, new, *references)
    result = run_cli("check", str(second_story_copy))
    assert result.code == 1, result.stdout
    message = f"story.yaml:{line}:5: {field}: id '{new}' is also the anchor of the heading {heading}"
    assert message in result.stderr, result.stderr


def test_the_build_refuses_it_too(second_story_copy: Path, tmp_path: Path) -> None:
    rename(second_story_copy, "rushed", "direct-quotes", "quotes: [{}]")
    result = run_cli("build", str(second_story_copy), "--out", str(tmp_path / "pages"))
    assert result.code == 1 and "quotes[1].id: id 'direct-quotes' is also the anchor" in result.stderr
    assert not (tmp_path / "pages").exists()


def test_a_heading_anchor_of_another_page_is_a_free_id(second_story_copy: Path) -> None:
    """"Direct quotes" heads the quotes page's list, not the who's who: a person may take its anchor."""
    rename(second_story_copy, "ada-quill", "direct-quotes", "speaker: {}")
    result = run_cli("check", str(second_story_copy))
    assert result.code == 0, result.stderr
