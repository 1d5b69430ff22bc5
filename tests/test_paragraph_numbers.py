"""One numbering of a source's paragraphs everywhere a reader or an editor sees one: the sentence ids a story cites
(`p6.s1`), the `sentences` command, the article page, a further source's page and the notes. The headline and the
byline line count, as they do in the ids, and are named rather than numbered."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT

from generator.generate import generate_site

STORIES = [CONTENT, ROOT / "tests" / "corpus" / "wire-and-release", ROOT / "tests" / "corpus" / "ferry-evening-sailings"]
_LISTED = re.compile(r'<li id="(?:(\w+)-)?p(\d+)-s\d+"><span class="ex-sentence-id">([^<]*)</span>')
_LINKED = re.compile(r"\[(?:the )?(headline|byline|paragraphs? [\d–]+)\]\((?:article|source-\w+)\.md#(?:\w+-)?p(\d+)-s\d+\)")


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.name)
def test_the_text_pages_number_each_paragraph_as_its_sentence_ids_do(story: Path) -> None:
    """The Kursk article page called p3.s1 "Paragraph 1" and its notes said "paragraph 4" of p6.s1."""
    pages = generate_site(story, "Test").pages
    listed = [match for path, text in pages.items() if path == "article.md" or path.startswith("source-")
              for match in _LISTED.findall(text)]
    assert listed
    for _, number, where in listed:
        named = {"1": "Headline", "2": "Byline"}.get(number)
        assert where.split(",")[0] in ({named} if named else set()) | {f"Paragraph {number}"}, (number, where)
    assert "the headline is paragraph 1 and the byline paragraph 2, so the report's own text starts at paragraph 3" \
        in pages["article.md"]


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.name)
def test_every_note_and_link_names_the_paragraph_its_sentence_id_names(story: Path) -> None:
    pages = generate_site(story, "Test").pages
    linked = [match for text in pages.values() for match in _LINKED.findall(text)]
    assert linked
    for place, number in linked:
        if place in ("headline", "byline"):
            assert number == {"headline": "1", "byline": "2"}[place]
        else:
            assert place.split()[-1].split("–")[0] == number, (place, number)


def test_the_sentences_command_lists_the_ids_the_article_page_numbers() -> None:
    listed = subprocess.run([sys.executable, "-m", "generator", "sentences", str(CONTENT)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True).stdout
    assert re.search(r"^p6\.s1\t", listed, re.M)
    article = generate_site(CONTENT, "Test").pages["article.md"]
    assert '<li id="p6-s1"><span class="ex-sentence-id">Paragraph 6</span>' in article
