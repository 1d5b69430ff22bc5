"""Work that must be done once per build, not once per quote or per page: counted, so a quadratic path shows.

The times themselves are for the benchmark (benchmarks/hostile.py) to print; these tests count calls.
"""

from __future__ import annotations

import dataclasses
import gc
import json
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from conftest import SECOND_STORY
from tools.counting import CountingList, counted
from tools.stories import many_quotations_article, many_quotes_story

import generator.content.load as load_module
from generator.article.source import SourceText, split_article
from generator.content.checks import check_story
from generator.content.load import LoadedStory, load_story
from generator.content.schema import Story
from generator.content.yamlfile import load_yaml
from generator.draft import attribution, reported
from generator.draft.compose import compose
from generator.draft.reading import RawArticle, read_source
from generator.engines.mkdocs_build import Builds
from generator.generate import generate_site
from generator.pages.footnotes import LinearFootnotes, with_linear_footnotes
from generator.pages.render import render_pages
from generator.site.search_toc import index_toc_lookups


@pytest.fixture(scope="module")
def many_quotes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 added quotes: ten pages of the quotes list."""
    return many_quotes_story(tmp_path_factory.mktemp("many") / "story", 300)


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Count the calls of `owner.name` from now on: the count is the list's one item."""
    calls = [0]
    monkeypatch.setattr(owner, name, counted(getattr(owner, name), calls))
    return calls


def test_each_quote_is_placed_in_its_sentences_once_however_many_pages_list_quotes(
        many_quotes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load_story(many_quotes)
    quotes = len(loaded.story.quotes)
    calls = count_calls(monkeypatch, SourceText, "sentences_between")
    pages = render_pages(loaded)
    # Each quotes page placed every quote of the story again to tell where a shared sentence is shown.
    assert calls[0] <= quotes, f"{calls[0]} placements for {quotes} quotes"
    last_page = pages["quotes-10.md"]
    # The two quotes of a sentence share one "In context" block, shown after the second.
    assert last_page.count('class="ex-quote"') == 60 and last_page.count("**In context:**") == 30
    assert "**In context:** Person 0 said on Monday that “the pier 270 is open” and “ferry 270 runs”" in last_page


class CountingText(str):
    """An article text that counts the searches made in it."""

    searches = 0

    def find(self, *args, **kwargs) -> int:  # type: ignore[override]
        CountingText.searches += 1
        return super().find(*args, **kwargs)


def test_a_story_s_quotes_are_looked_for_in_one_pass_over_the_article(many_quotes: Path) -> None:
    document = load_yaml(many_quotes / "story.yaml", "story.yaml")[0]
    story = Story.model_validate(document.data)
    article = split_article((many_quotes / "article.txt").read_text(encoding="utf-8"))
    source = SourceText(CountingText(article.text), article.sentences)
    CountingText.searches = 0
    assert check_story(story, source, document) == []
    render_pages(LoadedStory(story, source, document, many_quotes, None))
    # A search per quote read the article 602 times, each from its start: quadratic in the number of quotes.
    assert CountingText.searches < 10, f"{CountingText.searches} searches for {len(story.quotes)} quotes"


def test_check_does_not_stop_to_collect_garbage_while_it_reads_a_story(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each full collection walks every object made so far: with the thousands a large story makes, that grew
    # faster than the story (check of 2 MB took 2.3 times as long as 1 MB, with collection off 2.0 times).
    collecting = []
    real_check = load_module.check_story

    def check(*args, **kwargs):
        collecting.append(gc.isenabled())
        return real_check(*args, **kwargs)

    monkeypatch.setattr(load_module, "check_story", check)
    load_story(SECOND_STORY)
    assert collecting == [False] and gc.isenabled()


def test_head_tags_give_each_page_its_quotations_without_reading_every_quote_for_every_page(many_quotes: Path) -> None:
    site = generate_site(many_quotes)
    assert site.story is not None
    story = site.story.model_copy(update={"quotes": CountingList(site.story.quotes),
                                          "people": CountingList(site.story.people)})
    builds = Builds()
    builds.last_good = dataclasses.replace(site, story=story)
    CountingList.handed_out = 0
    tags = {path: builds.head_tags(path, "", None, None, "https://example.org/s/") for path in site.pages}
    # Every page's JSON-LD picked its quotations out of all 602 quotes and looked up all 16 people: 30 pages x 618.
    assert CountingList.handed_out <= 2 * len(story.people), CountingList.handed_out
    ten = json.loads(tags["quotes-10.md"].split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert ten["hasPart"][0] == {"@type": "Quotation", "text": "the pier 269 is open", "dateCreated": "2025-03-03",
                                 "creator": {"@type": "Person", "@id": "https://example.org/s/people/#person-14",
                                             "name": "Person 14", "jobTitle": "Harbour pilot"}}
    assert len(ten["hasPart"]) == 60 and ten["hasPart"][-1]["text"] == "ferry 298 runs"


def test_every_page_s_citations_share_one_index_of_the_background(many_quotes: Path) -> None:
    loaded = load_story(many_quotes)
    first = loaded.story.background[0]
    background = CountingList([first, *(first.model_copy(update={"id": f"fact-{n}"}) for n in range(200))])
    loaded = dataclasses.replace(loaded, story=loaded.story.model_copy(update={"background": background}))
    CountingList.handed_out = 0
    pages = render_pages(loaded)
    # Each of the 30 pages indexed all 201 background items for its citations.
    assert len(pages) == 30 and CountingList.handed_out <= 5 * len(background), CountingList.handed_out
    assert "Background: [The storm](context.md#storm), from " in pages["timeline.md"]


def test_a_long_article_is_drafted_reading_only_the_quotations_near_each_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = many_quotations_article(tmp_path / "article.txt", 80_000)
    considered = [0]
    around = attribution.Spans.around

    def counting_around(spans: attribution.Spans, start: int, end: int) -> list[tuple[int, int]]:
        found = around(spans, start, end)
        considered[0] += len(found)
        return found

    monkeypatch.setattr(attribution.Spans, "around", counting_around)
    draft = compose(read_source(article))
    quotations = len(draft.quotes)
    # Every sentence's frame sorted and read all the article's quotations: 1,000 sentences x 480 quotations.
    assert quotations > 400 and considered[0] < 10 * quotations, (considered[0], quotations)
    # The same first words, quoted again in each copy, get the next free number (counting from 2 each time
    # was quadratic too).
    ids = [quote.id for quote in draft.quotes if quote.id.startswith("old-school-has")]
    assert ids == ["old-school-has", *(f"old-school-has-{n}" for n in range(2, len(ids) + 1))]
    assert len(ids) > 40


NOTES = "\n\n".join([
    "A claim.[^b] Another.[^a] Again.[^b] Unknown.[^nope] And again.[^b]",
    *(f"Item {n}.[^n{n}] Once more.[^a]" for n in range(30)),
    "[^a]: The first note.",
    "[^b]: The second, defined after a.",
    *(f"[^n{n}]: Note {n}, with a [link](https://example.org/{n})." for n in reversed(range(30))),
])


@pytest.mark.parametrize("definition_order", [True, False])
def test_footnotes_come_out_as_the_stock_extension_writes_them(definition_order: bool) -> None:
    settings = {"BACKLINK_TITLE": "Back to note %d in the text", "USE_DEFINITION_ORDER": definition_order}
    stock = markdown.markdown(NOTES, extensions=["footnotes"], extension_configs={"footnotes": settings})
    linear = markdown.markdown(NOTES, extensions=[LinearFootnotes(**settings)])
    assert linear == stock
    assert 'href="#fnref31:a"' in linear and "Back to note 3 in the text" in linear


class CountingSet(set):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.lookups += 1
        return super().__contains__(item)


class CountedFootnotes(LinearFootnotes):
    def reset(self) -> None:
        super().reset()
        self.used_refs = CountingSet()


def test_a_note_referred_to_many_times_gets_each_reference_its_id_by_lookup() -> None:
    text = " ".join(["Said.[^a]"] * 600) + "\n\n[^a]: The note."
    CountingSet.lookups = 0
    html = markdown.markdown(text, extensions=[CountedFootnotes()])
    assert 'id="fnref600:a"' in html and html.count('class="footnote-backref"') == 600
    # Each reference tried every id given before it: 600 x 600 / 2 lookups.
    assert CountingSet.lookups <= 2 * 600, CountingSet.lookups


def test_the_hook_puts_the_linear_footnotes_in_place_of_the_stock_ones() -> None:
    extensions = with_linear_footnotes(["admonition", "footnotes", "md_in_html"], {"footnotes": {"SEPARATOR": "-"}})
    assert extensions[::2] == ["admonition", "md_in_html"] and isinstance(extensions[1], LinearFootnotes)
    assert extensions[1].getConfig("SEPARATOR") == "-"


def test_the_search_index_finds_each_section_s_heading_as_material_does_without_walking_the_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import get_toc

    names = [f"Person {n}" for n in range(300)]
    text = "# People\n\n" + "".join(f"## {name}\n\nSaid something.\n\n### Quotes\n\nA quote.\n\n" for name in names)
    md = markdown.Markdown(extensions=["toc"])
    content = md.convert(text)
    page = SimpleNamespace(meta={}, content=content, toc=get_toc(md.toc_tokens), url="people/", title="People")

    def entries(index: SearchIndex) -> list[tuple[str, str]]:
        index.add_entry_from_context(page)
        return [(entry["location"], entry["title"]) for entry in index.entries]

    stock = entries(SearchIndex(lang=["en"]))
    walks = count_calls(monkeypatch, SearchIndex, "_find_toc_by_id")
    indexed = SearchIndex(lang=["en"])
    index_toc_lookups(indexed)
    assert entries(indexed) == stock and ("people/#person-299", "Person 299") in stock
    assert ("people/#quotes_299", "Quotes") in stock  # repeated headings keep the ids Markdown gave them
    # Material walked the whole table of contents for each of the 601 sections: 601 x 901 entries.
    assert walks[0] == 0


def test_a_long_paragraph_of_quotations_without_attribution_is_read_once_in_search_of_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    unattributed = " ".join(f"Then “word {n} of the day” came." for n in range(400))
    attributed_later = "Then “one more” came. The mayor, Ada Quill, said so at the end."
    text = f"Headline here\n\nWire Published 3 Mar, 2025 10:15am\n\nPORTVALE: {unattributed}\n\n{attributed_later}\n"
    reads = count_calls(monkeypatch, reported, "attributions")
    draft = compose(RawArticle(text, "article.txt"))
    # Each quotation read every sentence after it in its paragraph, looking for an attribution: 400 x 400 / 2.
    assert reads[0] < 5 * 403, reads[0]
    # No verb of saying gives them to anyone, so check would refuse them as anyone's quote: they are drafted as
    # terms, each saying why.
    assert not draft.quotes and len(draft.terms) == 401
    assert all("the article gives these words to nobody as their own" in term.why for term in draft.terms)


class CountingPages(dict):
    listed = 0

    def __iter__(self):
        CountingPages.listed += 1
        return super().__iter__()


def test_the_nav_asked_for_on_every_page_looks_the_pages_up_without_listing_them(many_quotes: Path) -> None:
    site = generate_site(many_quotes)
    site = dataclasses.replace(site, pages=CountingPages(site.pages))
    CountingPages.listed = 0
    navs = [site.nav() for _ in site.pages]  # engine-docs asks once per page for its title
    # Each call listed all the site's pages to check the few of the nav: pages x pages.
    assert CountingPages.listed <= 1 and navs[0][:2] == [{"Overview": "index.md"}, {"Quotes": "quotes.md"}]
