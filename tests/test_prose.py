"""Every story reads as if a newsroom wrote it: the generator's sentences around the content, read on built pages.

Each story of the desk, of the corpus and the fixture story is built for real, and each page's visible text is
read as an editor would (issue 21): no phrase that reads like a machine (the list is data, tests/tools/prose.py), no
"1 reported statements", no label with nothing after it, every person named in full at first mention on each page,
no passage of the source quoted twice on one page (in its quotes, contexts and notes), and notes that take at most a quarter of the overview.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import CONTENT, ROOT, mkdocs_build
from test_story_shapes import DEPLOYED, content_of, page_text, pages_of
from tools.prose import (
    CAPTION_PHRASES,
    NEEDS_BACKGROUND,
    NEEDS_BACKGROUND_EVENT,
    TITLE_PROMISES,
    Named,
    captions,
    first_mentions_not_in_full,
    labels_without_content,
    lowercase_openings,
    machine_phrases,
    notes_and_body_words,
    paragraphs_quoted_twice,
    quoted_text,
    site_words,
)

from generator.content.load import LoadedStory, load_story
from generator.pages.introductions import short_name

STORIES = {"kursk": CONTENT,
           # The desk's other stories: the NASA release an editor read there mixed two date styles.
           **{f"desk-{path.name}": path for path in sorted((ROOT / "stories").iterdir())
              if (path / "story.yaml").is_file() and path.resolve() != CONTENT.resolve()},
           **{f"fixture-{path.name}": path for path in sorted((ROOT / "tests" / "fixtures").iterdir())
              if (path / "story.yaml").is_file()},
           **{f"corpus-{path.name}": path for path in sorted((ROOT / "tests" / "corpus").iterdir())
              if (path / "story.yaml").is_file()}}
# The theme's own pages and the editors' review list are not the story's prose.
NOT_PROSE = ("404.html", "review/index.html")


@pytest.fixture(scope="module", params=sorted(STORIES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, LoadedStory, dict]:
    """(name, the loaded story, {page path: the page's content HTML}) for each story, built once."""
    site = tmp_path_factory.mktemp(request.param) / "site"
    result = mkdocs_build(site, STORY=str(STORIES[request.param]), **DEPLOYED)
    assert result.returncode == 0, result.stderr
    pages = {path: content_of(page) for path, page in pages_of(site).items()
             if path not in NOT_PROSE and not path.startswith("editing/")}
    return request.param, load_story(STORIES[request.param]), pages


def without_the_source(text: str, loaded: LoadedStory) -> str:
    """The text with every sentence and quote of the article taken out: what is left is the site's own words."""
    for passage in sorted({*(s.text for s in loaded.source.sentences), *(q.text for q in loaded.story.quotes)},
                          key=len, reverse=True):
        text = text.replace(passage, "¶")
    return text


def masked(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "¶").replace(name.replace("’", "'"), "¶")
    return text


def report(name: str, problems: list[str]) -> str:
    """Each problem once, with how many times it was found."""
    counted = Counter(problems)
    return f"{name}:\n" + "\n".join(f"{problem}" + (f" ({count} times)" if count > 1 else "")
                                    for problem, count in counted.items())


def test_no_phrase_reads_like_a_machine(built: tuple[str, LoadedStory, dict]) -> None:
    name, loaded, pages = built
    problems = [f"{path}: {found}" for path, content in pages.items()
                for found in machine_phrases(without_the_source(" ".join(page_text(content).split()), loaded))]
    problems += [f"{path}: {found}" for path, content in pages.items()
                 for found in machine_phrases(captions(content), CAPTION_PHRASES)]
    assert not problems, report(name, problems)


def test_nothing_is_said_of_what_the_story_does_not_have(built: tuple[str, LoadedStory, dict]) -> None:
    """No "every background source" without background, no "Background" badge legend without a background event."""
    name, loaded, pages = built
    story = loaded.story
    rules = [] if story.background else [(path, pattern) for path in pages for pattern in NEEDS_BACKGROUND]
    if not any(event.basis == "background" for event in story.timeline):
        rules += [(path, pattern) for path in pages if path.startswith("timeline")
                  for pattern in NEEDS_BACKGROUND_EVENT]
    problems = [f"{path}: {match.group(0)!r}" for path, pattern in rules
                for match in re.finditer(pattern, without_the_source(page_text(pages[path]), loaded))]
    assert not problems, report(name, problems)


def test_every_label_has_its_content(built: tuple[str, LoadedStory, dict]) -> None:
    name, _, pages = built
    problems = [f"{path}: {found}" for path, content in pages.items() if not path.startswith("article/")
                for found in labels_without_content(content)]  # the article's own text may end a line with ":"
    assert not problems, report(name, problems)


def test_no_sentence_of_the_site_opens_in_lower_case(built: tuple[str, LoadedStory, dict]) -> None:
    name, _, pages = built
    problems = [f"{path}: {found}" for path, content in pages.items() if not path.startswith("article/")
                for found in lowercase_openings(content)]
    assert not problems, report(name, problems)


def test_a_pages_title_promises_only_what_it_holds(built: tuple[str, LoadedStory, dict]) -> None:
    """"Quotes and statements" was the title of a page with no statement on it."""
    name, loaded, pages = built
    titles = {path: re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S) for path, content in pages.items()}
    problems = [f"{path}: {found.group(1)!r} without {section}" for path, found in titles.items() if found
                for pattern, section in TITLE_PROMISES
                if re.search(pattern, found.group(1), re.I) and not getattr(loaded.story, section)]
    assert not problems, report(name, problems)


def test_every_person_is_named_in_full_at_first_mention_on_each_page(built: tuple[str, LoadedStory, dict]) -> None:
    name, loaded, pages = built
    story = loaded.story
    people = [Named(person.name, short_name(person)) for person in story.people
              if person.kind == "person" and short_name(person) != person.name]
    # A name that holds a surname is not a mention of that person: "Fenwick's Bakery".
    others = [entity.name for entity in [*story.people, *story.parties] if getattr(entity, "kind", "") != "person"]
    problems = [f"{path}: {found}" for path, content in pages.items() if not path.startswith("article/")
                for found in first_mentions_not_in_full(masked(site_words(content), others), people)]
    assert not problems, report(name, problems)


def test_no_passage_of_the_source_is_quoted_twice_on_a_page(built: tuple[str, LoadedStory, dict]) -> None:
    name, loaded, pages = built
    sentences = [sentence.text for sentence in loaded.source.sentences]
    problems = [f"{path}: {found}" for path, content in pages.items()
                for found in paragraphs_quoted_twice(quoted_text(content), sentences)]
    assert not problems, report(name, problems)


def test_notes_are_at_most_a_quarter_of_the_overview(built: tuple[str, LoadedStory, dict]) -> None:
    """Half the Kursk overview's 2,515 words were notes, the report's first two paragraphs printed four times."""
    name, _, pages = built
    notes, words = notes_and_body_words(pages["index.html"])
    assert notes <= words / 4, f"{name}: notes are {notes} of the overview's {words} words ({notes / words:.0%})"


def test_the_overview_carries_a_direct_quote(built: tuple[str, LoadedStory, dict]) -> None:
    """"No overview carries a single direct quote": now the lead quote, and one for each other side that has one."""
    name, loaded, pages = built
    shown = re.findall(r'<figure class="ex-pullquote">\s*<blockquote>(.*?)</blockquote>', pages["index.html"], re.S)
    assert bool(shown) == bool(loaded.story.quotes), name
    people = {person.id: person for person in loaded.story.people}
    quoted_sides = {people[quote.speaker].party for quote in loaded.story.quotes} - {None}
    assert len(shown) >= len(quoted_sides), f"{name}: {len(shown)} pull quotes for {len(quoted_sides)} sides"


def test_the_rules_catch_what_the_editor_marked() -> None:
    """Each phrase the editor quoted is found by the rules, so that putting one back fails the prose test."""
    from tools.prose import MACHINE_PHRASES, labels_without_content

    for quoted, _ in MACHINE_PHRASES:
        assert list(machine_phrases(quoted)), quoted
    for quoted, _ in CAPTION_PHRASES:
        assert list(machine_phrases(quoted, CAPTION_PHRASES)), quoted
    assert list(machine_phrases("There are 1 reported statements and 1 direct quotes."))
    assert not list(machine_phrases("Mark Rutte, NATO's Secretary General, said on 28 October 2024 of the war."))
    assert list(labels_without_content("<p>Sources:</p><h2>Next</h2>"))
    assert not list(labels_without_content("<p>Sources:</p><ol><li>A</li></ol>"))
    assert list(first_mentions_not_in_full("Reed said it. Anna Reed agreed.", [Named("Anna Reed", "Reed")]))
    assert not list(first_mentions_not_in_full("Anna Reed said it. Reed agreed.", [Named("Anna Reed", "Reed")]))
    assert list(paragraphs_quoted_twice("One two three four five six seven. One two three four five six seven.",
                                        ["One two three four five six seven."]))
    assert list(lowercase_openings("<h2>Jo Reed</h2><p>principal investigator.</p>"))
    assert not list(lowercase_openings("<p>Principal investigator.</p><blockquote><p>“and then”</p></blockquote>"))

