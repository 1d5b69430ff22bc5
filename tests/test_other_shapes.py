"""What a cold news editor marked on two stories of other shapes, a local decision (`library-hours`) and a news
release (`nasa-pace-launch`), each as a reader sees it on the pages (issue 21)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from tools.cli import run_cli
from tools.edits import copy_story, edit, replace_once

from generator.content.load import load_story
from generator.pages.render import render_pages

CORPUS = ROOT / "tests" / "corpus"
LIBRARY = CORPUS / "library-hours"
PACE = CORPUS / "nasa-pace-launch"


def pages_of(folder: Path) -> dict[str, str]:
    return render_pages(load_story(folder))


def part(page: str, heading: str) -> str:
    """The page's text from a heading to the next heading of its level or higher."""
    start = page.index(heading)
    level = heading.split(" ", 1)[0]
    following = re.search(rf"\n#{{1,{len(level)}}} |\n<h2 |</aside>", page[start + len(heading):])
    return page[start : start + len(heading) + (following.start() if following else len(page))]


def test_a_deadline_known_to_its_month_is_after_the_article_it_is_still_to_come_in() -> None:
    """The report of 14 March says residents can comment "until the end of March": that is still to come, so it
    is never filed "Up to the article", and it sorts by the month's last day, after 13 March."""
    pages = pages_of(LIBRARY)
    up_to = part(pages["timeline.md"], "## Up to the article")
    after = part(pages["timeline.md"], "## What happens next")
    assert "until the end of March" not in up_to and "until the end of March" in after
    assert after.index("until the end of March") < after.index("begins closing on Mondays")
    assert up_to.rstrip().endswith("</ol>") and "13 March 2025" in up_to.split("<li")[-1]
    overview = pages["index.md"]
    box = overview[overview.index('<aside class="ex-next"'):overview.index("</aside>")]
    assert "What happens next" in box and "until the end of March" in box


def stamps(overview: str) -> str:
    return re.sub(r"<[^>]+>|\]\([^)]*\)|\[", "", overview.split('<p class="ex-stamps" markdown>', 1)[1].split("</p>")[0])


def test_the_source_is_named_once_and_its_place_only_where_it_adds_one() -> None:
    """"Based on a report by Millbrook Courier from Millbrook" said the outlet's town twice, and the day the line
    before it gives."""
    assert "Based on a Millbrook Courier report, published that day." in stamps(pages_of(LIBRARY)["index.md"])
    pace = stamps(pages_of(PACE)["index.md"])
    assert "Based on a NASA news release from Washington, published on nasa.gov that day." in pace


def test_a_pull_quotes_link_says_where_it_goes() -> None:
    """"In context" as a link's whole text said nothing of where it led."""
    for folder, kind in ((LIBRARY, "report"), (PACE, "news release")):
        overview = pages_of(folder)["index.md"]
        captions = re.findall(r"<figcaption markdown>(.*?)</figcaption>", overview)
        assert captions and all(re.search(rf"\[Read the passage in the {kind}\]\(article\.md#p\d+-s\d+\)$", caption)
                                for caption in captions), captions
        assert "[In context]" not in overview


def test_a_note_on_words_the_reader_has_already_points_to_their_paragraph() -> None:
    """"[Millbrook Courier], given word for word above." The timeline gives the report's sentence as it is: its note
    says where the sentence stands, as a short citation does."""
    timeline = pages_of(LIBRARY)["timeline.md"]
    assert "[^p13-s1]: Millbrook Courier, [paragraph 13](article.md#p13-s1).\n" in timeline


def test_a_role_from_a_releases_signature_line_reads_as_a_news_sentence_gives_it() -> None:
    """"Karen St. Germain, the director, Earth Science Division, Science Mission Directorate, said" read as a form."""
    pages = pages_of(PACE)
    assert ("**[Karen St. Germain](people.md#karen-st-germain)**, the director of the Earth Science Division in the "
            "Science Mission Directorate, said") in pages["index.md"]
    assert ("Director of the Earth Science Division in the Science Mission Directorate (NASA Headquarters)."
            in pages["people.md"])
    assert "the director, Earth" not in "".join(pages.values())


def test_only_a_role_of_a_signature_lines_shape_is_reworded() -> None:
    from generator.pages.signature_roles import in_words

    assert in_words("Director, NASA’s Jet Propulsion Laboratory in Southern California") == (
        "Director of NASA’s Jet Propulsion Laboratory in Southern California")
    assert in_words("Program Scientist, NASA Headquarters") == "Program Scientist at NASA Headquarters"
    for role in ("Councillor, the council's finance lead", "Sleep researcher at Kessington University, Oxford",
                 "Official of North Korea's foreign ministry, not named in the article", "Mayor"):
        assert in_words(role) == role


def test_a_short_form_is_spelled_out_at_its_first_mention_on_each_page() -> None:
    """"PACE" was never spelled out, although the release does: each page's first mention in the site's own words
    gives the full name, then the short form; quotes keep the speaker's words."""
    pages = pages_of(PACE)
    full = "Plankton, Aerosol, Cloud, ocean Ecosystem (PACE)"
    standfirst = pages["index.md"].split('<p class="ex-standfirst">', 1)[1].split("</p>", 1)[0]
    assert standfirst.startswith(f"NASA launched its {full} satellite on Feb. 8, 2024")
    for path in ("index.md", "timeline.md"):
        assert pages[path].count(full) == 1, path
    for path in ("quotes.md", "people.md"):  # named there only in a role, which stays as written
        assert pages[path].count(full) <= 1, path
    assert "- PACE is to study microscopic life" in pages["index.md"]  # once spelled out, the short form
    assert "“Congratulations to the PACE team" in pages["index.md"]


def test_a_short_form_in_a_persons_role_is_left_as_the_role_gives_it() -> None:
    """"Marjorie Haskell, Plankton, Aerosol, Cloud, ocean Ecosystem (PACE) program executive, said" buried the
    speaker's role under the full name: the short form is spelled out in running text only."""
    pages = pages_of(PACE)
    full = "Plankton, Aerosol, Cloud, ocean Ecosystem (PACE) program executive"
    assert "**[Marjorie Haskell](people.md#marjorie-haskell)**, PACE program executive, said" in pages["quotes.md"]
    assert "PACE program executive (NASA Headquarters)." in pages["people.md"]
    assert all(full not in page for page in pages.values())


def test_a_short_form_or_its_full_name_not_in_the_article_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = copy_story(PACE, tmp_path / "pace")
    line = edit(folder, "    full: Plankton, Aerosol, Cloud, ocean Ecosystem\n",
                "    full: Plankton, Aerosol, Cloud, Ocean Ecosystem\n")
    result = run_cli("check", str(folder))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert (f"story.yaml:{line}:5: abbreviations[0].full: “Plankton, Aerosol, Cloud, Ocean Ecosystem” is not in "
            "the article as written; copy it from the article, character for character") in result.stderr


def test_the_lead_quote_adds_to_the_takeaways_and_its_speaker_says_it_first() -> None:
    """The library's lead quote gave the second takeaway again in the head's words, and the human stakes (who
    loses what) reached no part of the overview. The lead is now hers on who will miss the library; introduced
    there, she "said" it, as nothing before it on the page is there to "add" to."""
    overview = pages_of(LIBRARY)["index.md"]
    lead = overview.split('<figure class="ex-pullquote" markdown>', 2)[1]
    assert "“People tell us this is the only warm, free place they can sit all day”" in lead
    assert ("**[Priya Natarajan](people.md#priya-natarajan)**, the head of Millbrook central library, said at a "
            "public meeting") in lead
    assert "children's sessions" not in lead


def test_an_undated_statement_says_it_is_the_date_that_is_not_given() -> None:
    """"**Millbrook Borough Council** (not given in the article):" read as if the council were not given."""
    quotes = pages_of(LIBRARY)["quotes.md"]
    assert "**[Millbrook Borough Council](people.md#millbrook-council)** (date not given):" in quotes
    assert "(not given in the article)" not in quotes


def test_an_undated_quotes_caption_is_one_sentence_and_the_page_says_once_it_is_undated() -> None:
    """"The article does not say when the council said this." ended the caption as a second sentence of machine
    text; the quotes page says it once, over the quotes."""
    quotes = pages_of(LIBRARY)["quotes.md"]
    assert "**[Millbrook Borough Council](people.md#millbrook-council)** said.\n" in quotes
    assert "the council said this" not in quotes
    direct = part(quotes, "## Direct quotes")
    assert direct.count("does not say when") == 1
    assert direct.index("The article does not say when one of these 7 quotes was said: its caption gives no date.") \
        < direct.index("<figure")


def test_quotes_of_a_release_are_not_dated_again_one_by_one() -> None:
    """Every quote of the NASA release read "said on Feb. 8, 2024", four times on the overview: the release is
    their date, and the stamps give it once. A report's quotes keep their own dates."""
    pace = pages_of(PACE)
    said = re.findall(r'<p class="ex-quote-line" markdown>.*</p>', pace["index.md"])
    assert said and all(line.endswith(", said.</p>") for line in said), said
    assert "Feb. 8, 2024</time>.</figcaption>" not in pace["index.md"]
    assert "said at a public meeting on <time datetime=\"2025-03-13\">" in pages_of(LIBRARY)["index.md"]


def test_a_statement_an_answer_tells_is_not_listed_again_on_the_overview() -> None:
    """"The council said the cut was unavoidable ..." stood under "What each side said" and again as the answer
    to "Why is the council cutting library hours?", which rests on it."""
    body = re.sub(r"(?m)^\[\^.*$", "", pages_of(LIBRARY)["index.md"])  # the notes quote the report, not the site
    assert body.count("grant from central government fell for a third year") + \
        body.count("central government grant fell for a third year") == 1


def test_the_article_page_of_a_release_stops_at_its_end_mark(tmp_path: Path) -> None:
    """The release's press contacts after "-end-" (names, phone numbers, emails) were numbered as paragraphs 18
    to 26 of the article. The text file keeps them; the page stops at the mark, its numbers before it as they were."""
    for mark in ("-end-", "###", "- 30 -"):
        folder = copy_story(PACE, tmp_path / f"pace-{len(mark)}")
        replace_once(folder / "article.txt", "\n-end-\n", f"\n{mark}\n")
        article = pages_of(folder)["article.md"]
        assert '<li id="p17-s1"><span class="ex-sentence-id">Paragraph 17</span> https://www.nasa.gov/pace</li>' \
            in article, mark
        assert 'id="p18-s1"' not in article and mark not in article, mark
        assert "Faith McKie" not in article and "202-358-1600" not in article and "@nasa.gov" not in article, mark
        assert "Faith McKie" in (folder / "article.txt").read_text(encoding="utf-8")


def test_a_sentence_after_a_releases_end_mark_is_not_cited(tmp_path: Path) -> None:
    folder = copy_story(PACE, tmp_path / "pace")
    line = edit(folder, "cites: [p13.s2, p8.s3]", "cites: [p19.s1, p8.s3]")
    result = run_cli("check", str(folder))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert f"story.yaml:{line}:" in result.stderr and "no sentence 'p19.s1' in the article (its last is p17.s1)" \
        in result.stderr


def test_a_quote_found_only_after_a_releases_end_mark_is_refused_at_check(tmp_path: Path) -> None:
    """Words in the press contacts after "-end-" are no part of the release: check refuses them, located, where the
    build would have stopped on a sentence the pages do not have."""
    folder = copy_story(PACE, tmp_path / "pace")
    article = folder / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").rstrip() + '\n\n"We are thrilled," said Jake Richmond.\n',
                       encoding="utf-8")
    quote = '  - id: after-end\n    text: "We are thrilled"\n    speaker: bill-nelson\n    how: said\n'
    line = edit(folder, "quotes:\n", "quotes:\n" + quote) + 2
    result = run_cli("check", str(folder))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert f"story.yaml:{line}:5: quotes[0].text: not found in the source" in result.stderr, result.stderr


def test_the_method_page_names_only_the_parts_the_story_has() -> None:
    """The release's method page listed reactions and background it has not, and pointed to a "What we don't know"
    it does not have."""
    method = pages_of(PACE)["method.md"]
    assert "one YAML file that lists the story's quotes, statements and timeline, and the text" in method
    assert "reactions" not in method and "What we don't know" not in method and "not known" not in method
    assert "of the article's 29 sentences" in method  # not the press contacts after its end mark
    library = pages_of(LIBRARY)["method.md"]
    assert "the story's quotes, statements, reactions and timeline, and the text" in library
    assert "see \"What we don't know\" on the [overview](index.md)" in library


def test_a_release_ending_on_three_hashes_checks_without_a_comment_warning(tmp_path: Path) -> None:
    """"###" is a release's end mark, not an editor's comment that shifts the ids after it."""
    folder = copy_story(PACE, tmp_path / "pace")
    replace_once(folder / "article.txt", "\n-end-\n", "\n###\n")
    result = run_cli("check", str(folder))
    assert result.code == 0 and "warning" not in result.stderr, result.stderr
