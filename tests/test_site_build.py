"""The real `mkdocs build --strict` of the story: every page there, every quote verbatim with its speaker."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CONTENT, SECOND_STORY, mkdocs_build
from tools.site import declared_pages, visible_text

from generator.content.load import load_story
from generator.pages.introductions import short_name

PAGES = [f"{path}index.html" for path in declared_pages()] + ["404.html"]


def test_build_prints_no_warning(build_log: str) -> None:
    assert "WARNING" not in build_log and "ERROR" not in build_log, build_log


def test_every_page_is_built(built_site: Path) -> None:
    missing = [page for page in PAGES if not (built_site / page).is_file()]
    assert not missing


def test_every_quote_stands_verbatim_next_to_its_speaker(built_site: Path) -> None:
    """The speaker is named as the page names them (in full the first time, by surname after), linked to them."""
    story = load_story(CONTENT).story
    names = {person.id: (person.name, short_name(person)) for person in story.people}
    page = (built_site / "quotes" / "index.html").read_text(encoding="utf-8")
    for quote in story.quotes:
        match = re.search(rf'<figure class="ex-quote" id="{quote.id}">(.*?)</figure>', page, re.S)
        assert match, f"no card for quote {quote.id}"
        card = visible_text(match.group(1))
        assert f"“{quote.text}”" in card
        speaker = re.search(rf'<a href="../people/#{quote.speaker}">([^<]*)</a>', match.group(1))
        assert speaker and speaker.group(1) in names[quote.speaker], quote.id


def test_every_quote_of_the_article_is_on_the_quotes_page(built_site: Path) -> None:
    article = (CONTENT / "article.txt").read_text(encoding="utf-8")
    page = visible_text((built_site / "quotes" / "index.html").read_text(encoding="utf-8"))
    for passage in re.findall(r"“([^”]*)”", article):
        assert f"“{passage.rstrip(',')}”" in page


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    loaders = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//(?!explainer-desk\.github\.io)', re.I)
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<link\b[^>]*>", text):
            if 'rel="canonical"' in tag or "rel=\"alternate\"" in tag:
                continue
            assert not loaders.search(tag), f"{page}: {tag}"
        assert not re.search(r'<(?:script|img|iframe)\b[^>]*\bsrc="(?:https?:)?//', text), page
        assert "fonts.googleapis.com" not in text


def test_a_second_story_builds_a_different_site_with_no_code_change(tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", STORY=str(SECOND_STORY))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    home = visible_text((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert "Portvale's northern pier reopens" in home and "North Korea" not in home
    reactions = visible_text((tmp_path / "site" / "reactions" / "index.html").read_text(encoding="utf-8"))
    assert "Harbour council" in reactions and "Ferry operators" in reactions and "NATO" not in reactions
    quotes = visible_text((tmp_path / "site" / "quotes" / "index.html").read_text(encoding="utf-8"))
    assert "“Every ferry will run to the normal timetable from Wednesday”" in quotes


def test_a_content_mistake_fails_the_build_with_the_located_message(story_copy: Path, tmp_path: Path) -> None:
    story = story_copy / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("speaker: sybiha", "speaker: sybiga", 1), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", STORY=str(story_copy))
    assert result.returncode == 1
    assert re.search(r"story\.yaml:\d+:\d+: quotes\[4\]\.speaker: no person or organisation with id 'sybiga'", result.stderr)
    assert "Traceback" not in result.stderr


def test_no_unconfirmed_reuters_address_is_published(built_site: Path) -> None:
    offending = [str(p) for p in built_site.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".xml"}
                 and "reuters.com" in p.read_text(encoding="utf-8")]
    assert not offending
