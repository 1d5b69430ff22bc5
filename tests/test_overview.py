"""The overview explains the story to someone who has not read the article, and citations read as notes.

Each editorial correction that can be pinned is pinned here, on the built pages a reader sees.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, SECOND_STORY, mkdocs_build
from tools.site import visible_text

from generator.article.source import split_sentences
from generator.content.load import load_story
from generator.pages.wording import beyond_no_date, in_apposition, status_words

SENTENCE_ID = re.compile(r"\bp\d+\.s\d+\b")
CURLY_QUOTED = re.compile(r"“([^”]*)”")


@pytest.fixture(scope="module")
def loaded():
    return load_story(CONTENT)


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def words(markup: str) -> str:
    """Visible text with no space before punctuation, as the eye reads `28 October 2024</time>.`"""
    return re.sub(r"\s+([.,;:])", r"\1", visible_text(markup))


def section(page: str, anchor: str) -> str:
    """The HTML from the heading with id `anchor` to the next heading of the same or a higher level."""
    start = re.search(rf'<h([1-6]) id="{anchor}">', page)
    assert start, f"no section #{anchor}"
    end = re.compile(rf"<h[1-{start.group(1)}][ >]|<div class=\"footnote\"").search(page, start.end())
    return page[start.start() : end.start() if end else len(page)]


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("second-overview") / "site"
    result = mkdocs_build(site, STORY=str(SECOND_STORY))
    assert result.returncode == 0, result.stderr
    return site


# Citations for readers ---------------------------------------------------------------------------------------

def test_no_sentence_id_shows_on_any_page_or_in_search(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        found = SENTENCE_ID.findall(visible_text(page.read_text(encoding="utf-8")))
        assert not found, f"{page.relative_to(built_site)} shows {found}"
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    shown = [doc["location"] for doc in index["docs"] if SENTENCE_ID.search(doc["text"] + doc["title"])]
    assert not shown, shown
    notes = [doc["location"] for doc in index["docs"] if "Reuters, 29 October 2024:" in doc["text"]]
    assert not notes, f"the notes repeat the article's sentences; search should find them once: {notes}"


def test_a_citation_is_a_numbered_note_naming_the_report_in_words_and_linking_to_it(built_site: Path) -> None:
    """"Reuters report, paragraph 7, sentence 2:" read as a database label: a note names the report and its date,
    and quotes the words cited, linked to the sentence on the article page."""
    home = html(built_site, "")
    refs = re.findall(r'<sup id="fnref\d*:([\w-]+)"><a class="footnote-ref" href="#fn:\1">(\d+)</a></sup>', home)
    assert refs and refs[0][1] == "1"
    notes = re.search(r'<div class="footnote" data-search-exclude>(.*)', home, re.S).group(1)
    first = re.search(r'<li id="fn:[\w-]+">\n<p>(Reuters\b.*?)</p>', notes, re.S)
    assert first.group(1).startswith("Reuters, 29 October 2024: "), "the first note citing it names the report in full"
    note = re.search(r'<li id="fn:p3-s1[\w-]*">(.*?)</li>', home, re.S)
    assert note, "no note for the report's first paragraph"
    assert note.group(1).startswith("\n<p>Reuters: "), "later notes name the report by its agency, a short citation"
    # Words quoted and linked to their sentence; a clause too long for the page's notes is linked, never cut.
    assert re.search(r'<a href="article/#p4-s1">…[^<]*briefed by a South Korean delegation', note.group(1))
    assert re.search(r'<a href="article/#p3-s1">(…[^<]*North Korean troops have been sent to Russia|paragraph 3)<',
                     note.group(1))
    assert 'id="p3-s1"' in html(built_site, "article/")
    assert "Paragraph 3 " in visible_text(html(built_site, "article/"))  # p3.s1, as its id numbers it


def test_each_cited_passage_has_one_marker(built_site: Path) -> None:
    """A passage resting on several sources gets one marker whose note names them all, a paragraph for the report
    and one for the background: no run
    of markers ("1,2,3") to tap one by one, and a note gets a back-link per passage, not per source."""
    home = html(built_site, "")
    note = re.search(r'<li id="fn:[\w-]*p4-s1_bg-nato-briefing">(.*?)</li>', home, re.S)
    assert note, "the briefing passage's two sources are not one note"
    paragraphs = re.findall(r"<p>(.*?)</p>", note.group(1), re.S)
    assert [p.split(":")[0] for p in paragraphs] == ["Reuters", "Background"]
    for page in built_site.rglob("*.html"):
        markup = page.read_text(encoding="utf-8")
        adjacent = re.findall(r"</sup>\s*(?:<sup>,</sup>)?\s*<sup id=\"fnref", markup)
        assert not adjacent, f"{page.relative_to(built_site)}: markers side by side"


def test_no_quote_is_cut_inside_quotation_marks(built_site: Path, loaded) -> None:
    """Every passage shown in curly quotation marks is whole: a quote of the article, a quote of the treaty in
    the background, a source's headline (a further source's included), or the article's headline."""
    story = loaded.story
    whole = {passage.rstrip(",.;:") for _, passage in loaded.source.quoted_passages()}
    whole |= {quote.text for quote in story.quotes}
    whole |= {match for item in story.background for match in CURLY_QUOTED.findall(item.text)}
    whole |= {source.title for item in story.background for source in item.sources if not source.untitled}
    whole |= {story.article.headline}
    whole |= {entry.title for entry in story.sources if entry.title}
    for page in built_site.rglob("*.html"):
        text = visible_text(page.read_text(encoding="utf-8"))
        cut = [p for p in CURLY_QUOTED.findall(text) if p.strip() not in whole and p.rstrip(",.;:") not in whole]
        assert not cut, f"{page.relative_to(built_site)}: {cut}"
        assert "…”" not in text and "“…" not in text, page


def test_no_behind_this_rows_or_reported_labels(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        text = visible_text(page.read_text(encoding="utf-8"))
        assert "Behind this" not in text and "Ukraine (government)" not in text, page
        assert not re.search(r", reported(?! that)", text), page  # "Mark Rutte, reported" as a link label


def test_fragments_of_one_sentence_share_one_in_context_block(built_site: Path) -> None:
    quotes = visible_text(html(built_site, "quotes/"))
    sentence = "Rutte said the North Korean deployment represented “a significant escalation”"
    assert quotes.count("In context: " + sentence) == 1


# The reader's questions, answered by the overview alone --------------------------------------------------------

def test_statements_show_their_date_or_say_why_there_is_none(built_site: Path, loaded) -> None:
    said = section(html(built_site, ""), "what-each-side-said")
    dated, undated = said.split("Not dated in the article:")
    for statement in loaded.story.statements:
        items = re.findall(r"<li>(.*?)</li>", undated if statement.date is None else dated, re.S)
        item = next((i for i in items if statement.gist.split()[3] in i and statement.gist[-20:-1] in i), None)
        assert item, f"statement {statement.id} is not listed where its date puts it"
        if statement.date:
            assert f'<time datetime="{statement.date.isoformat()}">' in item, statement.id
        else:
            # The label says why there is no date; the item says what its note adds ("After Rutte's confirmation").
            assert statement.date_note and beyond_no_date(statement.date_note) in visible_text(item), statement.id
    dates = re.findall(r'<time datetime="([\d-]+)">', said)
    assert dates == sorted(dates), "not in date order"


def test_putin_is_dated_and_placed_and_not_said_to_answer_rutte(built_site: Path) -> None:
    text = words(html(built_site, ""))
    assert re.search(r"24 October 2024, in Kazan Russia's president Vladimir Putin did not deny that North Korean "
                     r"troops were in Russia\. He said it was Moscow's business how to implement", text)
    # The place is background, the words are the report's: the statement's note says which is which.
    note = visible_text(re.search(r'<li id="fn:p9-s2_bg-putin-our-business">(.*?)</li>', html(built_site, ""),
                                  re.S).group(1))
    assert note.startswith("Reuters") and "Background: Putin in Kazan, 24 October , from Yonhap" in note
    assert "later did not deny" not in text and "Putin later" not in visible_text(html(built_site, "reactions/"))


def test_north_korea_keeps_the_articles_hedge(built_site: Path) -> None:
    hedge = "if Pyongyang had taken such action, he believed it would be in line with international norms"
    for path in ("", "reactions/"):
        assert hedge in visible_text(html(built_site, path)), path


def test_what_nato_confirmed_keeps_reuters_context_apart_from_rutte(built_site: Path) -> None:
    answer = visible_text(section(html(built_site, ""), "what-nato-confirmed"))
    assert "Ukrainian troops" not in answer
    where = visible_text(section(html(built_site, ""), "where-is-kursk"))
    assert "Ukrainian troops have been operating in the border region since that major incursion, Reuters reported" \
        in where


def test_what_we_dont_know_does_not_assume_the_troops_are_in_kursk(built_site: Path) -> None:
    unknowns = visible_text(section(html(built_site, ""), "what-we-dont-know"))
    assert "how many are in the Kursk region" not in unknowns and "that Rutte described" in unknowns


def test_the_troop_estimates_read_as_a_count_that_rose_in_date_order(built_site: Path) -> None:
    """1,500 (18 October), 3,000 (23 October), 10,000 (28 October): later figures, not officials who disagree."""
    home = html(built_site, "")
    glance = visible_text(section(home, "at-a-glance"))
    assert re.search(r"rose through October, from about 1,500 to around 10,000", glance), glance
    figures = re.findall(r"<dt>(.*?)</dt>", section(home, "key-numbers"))
    assert figures[:3] == ["About 1,500", "About 3,000", "Around 10,000"]
    assert "differ" not in visible_text(section(home, "what-we-dont-know"))


def test_the_us_estimate_says_a_portion_had_moved_closer_to_ukraine(built_site: Path) -> None:
    us_row = re.search(r'<tr>\s*<td><span id="united-states">.*?</tr>', html(built_site, "reactions/"), re.S)
    assert "a portion of them had already moved closer to Ukraine" in visible_text(us_row.group(0))
    figures = visible_text(section(html(built_site, ""), "key-numbers"))
    assert "a portion had already moved closer to Ukraine" in figures


def test_the_north_korean_official_did_not_confirm_as_the_article_says(built_site: Path) -> None:
    glance = visible_text(section(html(built_site, ""), "at-a-glance"))
    assert "North Korean foreign ministry official did not confirm media reports" in glance
    assert "would not confirm" not in visible_text(html(built_site, ""))


def test_the_overview_names_the_treaty(built_site: Path) -> None:
    treaty = visible_text(section(html(built_site, ""), "the-treaty"))
    assert "signed the Treaty on Comprehensive Strategic Partnership in Pyongyang" in treaty


def test_whose_strike_restrictions_says_what_the_background_shows(built_site: Path) -> None:
    page = html(built_site, "")
    answer = section(page, "wants")  # one side's wants: its question is the section's heading
    assert 'id="what-ukraine-wants"' in answer
    text = visible_text(answer)
    assert "Western" not in text, "the sources do not say whose restrictions they were"
    assert "authorised Ukraine to use ATACMS, US long-range missiles, against targets inside Russia" in text
    assert "citing unnamed officials" in text


def test_the_kursk_question_asks_only_what_the_sources_answer(built_site: Path) -> None:
    block = section(html(built_site, ""), "where-is-kursk")
    question = visible_text(re.search(r"<h3[^>]*>(.*?)</h3>", block, re.S).group(1))
    assert "why" not in question.lower() and "how long" in question
    assert "crossed into it on 6 August 2024" in visible_text(block)


def test_the_duma_vote_is_its_own_background_event(built_site: Path) -> None:
    timeline = html(built_site, "timeline/")
    putin = re.search(r'<li id="putin-kazan">(.*?)</li>', timeline, re.S).group(1)
    duma = re.search(r'<li id="duma-ratifies">(.*?)</li>', timeline, re.S).group(1)
    assert "Duma" not in putin and ">Article<" in putin
    assert ">Background<" in duma


def test_the_treaty_article_keeps_its_conditions_in_its_own_words(built_site: Path) -> None:
    for path in ("", "context/"):
        text = visible_text(html(built_site, path))
        assert ("armed attack by one or more states and is in a state of war, the other will “immediately provide "
                "military and other assistance by all means at its disposal”, under Article 51 of the UN Charter "
                "and the laws of both countries") in text, path


def test_every_background_sentence_names_the_sources_that_carry_it(built_site: Path, loaded) -> None:
    context = html(built_site, "context/")
    for item in loaded.story.background:
        block = section(context, item.id)
        assert block.count('<sup class="ex-ref"') == len(split_sentences(item.text)), item.id
    by_id = {item.id: item for item in loaded.story.background}

    def carriers(item_id: str, sentence: int) -> set[str]:
        return {s.outlet for s in by_id[item_id].sources if not s.carries or sentence in s.carries}

    assert "Interfax-Ukraine" in carriers("kursk-incursion", 2)
    assert "KUNA (via MENAFN)" in carriers("treaty-ratified", 2)
    assert {"The Korea Times (Yonhap)", "KBS World"} <= carriers("nato-briefing", 1)
    assert "UAWire" in carriers("kremlin-fake-news", 2)
    assert "The Moscow Times" in carriers("rutte-600000", 1)
    assert "as Reuters quoted him" not in by_id["putin-our-business"].text


def test_descriptions_are_not_shown_as_headlines_and_state_media_is_not_primary(built_site: Path) -> None:
    for path in ("context/", "sources/"):
        text = visible_text(html(built_site, path))
        assert "“[" not in text and re.search(r"\[ ?Report on Zelensky's evening address", text), path
    sources = visible_text(html(built_site, "sources/"))
    tass = re.search(r"TASS \(Russian state news agency\)[^;]*", sources).group(0)
    assert "primary" not in tass


def test_roles_after_a_name_read_as_a_sentence() -> None:
    assert in_apposition("The Russian presidency") == "the Russian presidency"
    assert in_apposition("Secretary General of NATO") == "Secretary General of NATO"


def test_the_kremlin_is_named_as_a_newsroom_would_name_it(built_site: Path) -> None:
    """"The Kremlin, the Russian presidency, said": a body every reader knows is named, not glossed."""
    quotes = words(html(built_site, "quotes/"))
    assert "The Kremlin said" in quotes or "The Kremlin , said" not in quotes
    assert "the Russian presidency" not in quotes and "The Russian presidency, said" not in quotes


def test_the_maps_description_cites_where_its_place_positions_come_from(built_site: Path) -> None:
    context = html(built_site, "context/")
    figure = re.search(r'<figure class="ex-map">(.*?)</figure>', context, re.S).group(1)
    [note_id] = re.findall(r'class="footnote-ref" href="#(fn:[\w-]+)"', figure)
    note = re.search(rf'<li id="{note_id}">(.*?)</li>', context, re.S).group(1)
    assert 'href="./#map-places"' in note, note
    assert "naturalearthdata.com" in section(html(built_site, "context/"), "map-places")


def test_whos_who_names_everyone_the_background_names(built_site: Path) -> None:
    people = visible_text(html(built_site, "people/")).replace(" 's ", "'s ")  # a side linked in "South Korea's"
    for name, role in [("Hong Jang-won", "First Deputy Director of South Korea's National Intelligence Service"),
                       ("Dmitry Peskov", "Kremlin spokesman"), ("Sabrina Singh", "Deputy Pentagon Press Secretary"),
                       ("Kim Jong Un", "Signed the partnership treaty"), ("Yoon Suk Yeol", "President of South Korea"),
                       ("Rustem Umerov", "Defence Minister of Ukraine")]:
        assert re.search(rf"{name} ¶? ?{re.escape(role)}", people), name


def test_casualty_figures_are_worded_as_the_review_asked(built_site: Path) -> None:
    context = visible_text(html(built_site, "context/"))
    assert "Neither Russia nor North Korea has published casualty figures" in context
    assert "were found" not in context


def test_the_update_shows_and_date_modified_matches(built_site: Path, loaded) -> None:
    home = html(built_site, "")
    latest = max(change.date for change in loaded.story.changes)
    assert f'Updated <time datetime="{latest.isoformat()}">' in home
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', home, re.S).group(1))
    assert data["dateModified"] == latest.isoformat()


def test_the_standfirst_says_nothing_about_the_sites_own_checking(built_site: Path, loaded) -> None:
    standfirst = re.search(r'<p class="ex-standfirst">(.*?)</p>', html(built_site, ""), re.S).group(1)
    assert "Rutte" in standfirst and "Kursk" in standfirst and "Ukraine" in standfirst
    assert not re.search(r"check|verif|source", standfirst, re.I)
    glance = visible_text(section(html(built_site, ""), "at-a-glance"))
    first = split_sentences(loaded.story.meta.standfirst)[0]
    assert first not in glance


def test_the_overview_sections_come_in_the_readers_order(built_site: Path) -> None:
    home = html(built_site, "")
    order = ["at-a-glance", "what-happened", "where", "key-numbers", "what-each-side-said", "wants",
             "why-it-matters", "what-we-dont-know", "what-happened-next"]
    places = [home.index(f'id="{anchor}"') for anchor in order]
    assert places == sorted(places)
    assert 'href="context/#map"' in section(home, "where")
    assert 'src="images/locator-map-close-up.svg"' in section(home, "where")


def test_the_overview_map_is_the_close_up_drawn_for_it_at_its_own_size(built_site: Path) -> None:
    """The whole map shrunk to a phone's width has labels too small to read: the overview shows the close-up the
    map drawer made, published as it is in the story folder, and sized by its own width and height."""
    home = html(built_site, "")
    image = re.search(r'<img [^>]*src="images/locator-map-close-up.svg"[^>]*>', home).group(0)
    drawn = (CONTENT / "locator-map-close-up.svg").read_text(encoding="utf-8")
    root = drawn[:drawn.index(">") + 1]
    width, height = re.search(r' width="(\d+)" height="(\d+)"', root).groups()
    assert f'width="{width}"' in image and f'height="{height}"' in image and "close-up" in image
    assert int(width) < 600, "drawn for a phone's width, not the whole map's 1000 px"
    assert (built_site / "images" / "locator-map-close-up.svg").read_text(encoding="utf-8") == drawn
    assert 'class="ex-map ex-map--small ex-map--close-up"' in section(home, "where")


def test_a_story_with_a_map_but_no_close_up_shows_the_whole_map(story_copy: Path, tmp_path: Path) -> None:
    (story_copy / "locator-map-close-up.svg").unlink()
    result = mkdocs_build(tmp_path / "site", STORY=str(story_copy))
    assert result.returncode == 0, result.stderr
    where = section(html(tmp_path / "site", ""), "where")
    image = re.search(r'<img [^>]*src="images/locator-map.svg"[^>]*>', where).group(0)
    assert 'width="1000"' in image and 'height="700"' in image and "a small locator map" in image
    assert "close-up" not in where
    assert not (tmp_path / "site" / "images" / "locator-map-close-up.svg").exists()


def test_key_numbers_say_who_gave_them_and_when(built_site: Path, loaded) -> None:
    numbers = words(section(html(built_site, ""), "key-numbers"))
    for figure in loaded.story.figures:
        who = figure.who[:1].upper() + figure.who[1:]  # it opens a sentence
        assert f"{figure.value} {figure.what}. {who}, {figure.date.long()}." in numbers


def test_the_editors_guide_is_not_published(built_site: Path) -> None:
    assert not (built_site / "editing").exists()
    assert "editing/" not in (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "editing/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert (ROOT / "docs" / "editing.md").is_file()


def test_a_story_with_no_numbers_and_no_map_builds_an_overview_without_those_sections(second_site: Path) -> None:
    home = html(second_site, "")
    assert 'id="key-numbers"' not in home and 'id="where"' not in home and "locator-map" not in home
    assert 'id="what-happened"' in home and 'id="what-each-side-said"' in home
    assert "Fictional Wire, 3 March 2025: " in home


def test_a_statements_date_from_the_background_says_so(built_site: Path) -> None:
    """The article says only that the Kremlin "initially" dismissed the reports; the date is TASS's, and says so."""
    said = visible_text(section(html(built_site, ""), "what-each-side-said"))
    assert re.search(r"10 October 2024\s*\(the date TASS gives\) The Kremlin,? (the Russian presidency, )?initially",
                     said)
    quotes = visible_text(html(built_site, "quotes/"))
    assert re.search(r"The Kremlin \(\s*10 October 2024\s*; the date TASS gives\):", quotes)


def test_the_reactions_page_says_once_what_a_status_is_and_lists_no_key(built_site: Path, loaded) -> None:
    """"**Status**, in words: *Confirmed*; *Claimed*." listed again the words every row shows."""
    page = visible_text(html(built_site, "reactions/"))
    assert "in words:" not in page and page.count("A status gives what a side said, not whether it is true") == 1
    for reaction in loaded.story.reactions:
        assert status_words(reaction) in page


def test_a_quote_caption_dates_the_words_in_a_sentence(built_site: Path) -> None:
    """"said, of the conflict, 28 October 2024" read like a list, and "said, of the conflict, on 28 October 2024."
    still did: the date follows the verb, as in a news sentence, and the speaker is introduced once."""
    captions = re.sub(r"\s+([,.])", r"\1", visible_text(html(built_site, "quotes/")))
    assert "Mark Rutte, the Secretary General of NATO, told reporters" in captions
    assert "Rutte said on 28 October 2024 of the conflict." in captions
    assert "Rutte said on 28 October 2024." in captions
    assert not re.search(r"said, \d|said, of|Secretary General of NATO, said", captions)


def test_a_timeline_event_badged_article_holds_no_place_from_the_background(built_site: Path) -> None:
    """The article says only that Putin spoke "on Thursday"; Kazan comes from the background."""
    article = (CONTENT / "article.txt").read_text(encoding="utf-8")
    assert "Kazan" not in article
    entries = re.findall(r'<li id="[^"]+"><time[^>]*>[^<]*</time>\s*<span class="ex-badge">Article</span>(.*?)</li>',
                         html(built_site, "timeline/"), re.DOTALL)
    assert entries and not [entry for entry in entries if "Kazan" in entry]
