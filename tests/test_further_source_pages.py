"""What a reader sees of a story's further sources, on the two multi-source stories of the corpus, built for real:
where each quote comes from, in words; what the site takes from each source; a full source's own text page with
sentence anchors; an excerpt shown, and named, as an excerpt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from tools.site import visible_text as tagged_text

CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def two_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wire report and the water board's own news release on the same event."""
    site = tmp_path_factory.mktemp("wire-and-release") / "site"
    result = mkdocs_build(site, STORY=str(CORPUS / "wire-and-release"))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def excerpts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A council vote, with the swimming club's statement and the committee's report kept as excerpts."""
    site = tmp_path_factory.mktemp("council-vote-excerpts") / "site"
    result = mkdocs_build(site, STORY=str(CORPUS / "council-vote-excerpts"))
    assert result.returncode == 0, result.stderr
    return site


def visible_text(html: str) -> str:
    """The text as a reader sees it, without the space a tag left before punctuation ("2025 .")."""
    return re.sub(r" ([.,:;])", r"\1", tagged_text(html))


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def figure(page: str, quote_id: str) -> str:
    match = re.search(rf'<figure class="ex-quote" id="{quote_id}">(.*?)</figure>', page, re.S)
    assert match, quote_id
    return match.group(1)


def test_a_quote_of_a_further_source_says_in_words_where_it_comes_from(two_sources: Path) -> None:
    card = figure(read(two_sources, "quotes"), "sorry-for-it")
    assert "From paragraph 6 of the Halverston Water Board news release of 14 May 2025" in visible_text(card)
    assert 'href="../source-release/#release-p6-s1"' in card
    wire = figure(read(two_sources, "quotes"), "sorry")
    assert "From paragraph 4 of the report published by Meridian Wire" in visible_text(wire)


def test_the_overview_names_the_source_of_a_pull_quote_that_is_not_the_articles(two_sources: Path) -> None:
    overview = visible_text(read(two_sources, ""))
    assert "said in the board's news release on 14 May 2025. From Halverston Water Board, 14 May 2025." in overview


def test_a_full_source_has_its_own_text_page_with_sentence_anchors(two_sources: Path) -> None:
    page = read(two_sources, "source-release")
    assert '<li id="release-p6-s1"><span class="ex-sentence-id">Paragraph 6, sentence 1</span>' in page
    assert "“We know how hard the last week has been for families and businesses, and we are sorry for it,” " \
           "Varga-Stone said." in visible_text(page)
    assert "The Halverston Water Board news release of 14 May 2025, sentence by sentence" in visible_text(page)


def test_the_sources_page_lists_each_source_with_what_the_site_takes_from_it(two_sources: Path) -> None:
    page = read(two_sources, "sources")
    section = visible_text(page.split('id="release"', 1)[1].split('id="background-sources"', 1)[0])
    assert section.startswith(">Halverston Water Board, 14 May 2025")
    assert "Its whole text is kept and checked at every build: read it sentence by sentence." in section
    assert "Quotes: Imelda Varga-Stone on the tests" in section
    assert "Reported statements: The Halverston Water Board said it had lifted the boil-water notice" in section
    assert 'href="../quotes/#sorry-for-it"' in page and 'href="../source-release/"' in page


def test_a_note_citing_a_further_source_names_it_and_links_its_sentence(two_sources: Path) -> None:
    notes = read(two_sources, "quotes").split('class="footnote"', 1)[1]
    # Named in words; the cited clause is quoted, or, where it is too long for a note, its paragraph is named.
    assert re.search(r"Halverston Water Board, 14 May 2025(: |, paragraph 3\.)", visible_text(notes))
    assert 'href="../source-release/#release-p3-s1"' in notes


def test_an_excerpt_is_named_as_one_and_shown_whole_on_the_sources_page(excerpts: Path) -> None:
    page = read(excerpts, "sources")
    section = page.split('id="club-statement"', 1)[1].split('id="committee-report"', 1)[0]
    text = visible_text(section)
    assert "Brenlow Swimming Club, news release" not in text
    assert "statement, 2 April 2025, by Marguerite Lacey, the words of Brenlow Swimming Club" in text
    assert "Only an excerpt is kept, the words this explainer quotes, exactly as published:" in text
    assert ('<li id="club-statement-p1-s2">We will not stop fighting for a pool in Brenlow, and we will be at every '
            "meeting until we have one.</li>") in section
    assert not (excerpts / "source-club-statement").exists()


def test_a_quote_of_an_excerpt_says_so_and_links_to_it(excerpts: Path) -> None:
    card = figure(read(excerpts, "quotes"), "not-stop-fighting")
    assert ("From the excerpt this explainer keeps of the Brenlow Swimming Club statement of 2 April 2025"
            in visible_text(card))
    assert 'href="../sources/#club-statement"' in card


def test_a_background_source_whose_words_are_kept_links_to_them(excerpts: Path) -> None:
    page = read(excerpts, "context")
    assert "· words kept" in visible_text(page)
    assert 'href="../sources/#committee-report"' in page
    overview = read(excerpts, "")
    assert 'href="../sources/#club-statement-p1-s2"' in overview.replace('href="sources/', 'href="../sources/')
