"""Every valid shape of story builds under `mkdocs build --strict` into pages that read well.

Each shape is a story folder: the corpus articles under tests/corpus/, variants of them, a minimal
story and a fresh `generator new` one. Each is built for real, then every page's text is read as a
reader would: no empty heading, no "None", no stray " ." or " ,", no phrase said twice, and no word
of another story (the Kursk story the repository ships).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

CORPUS = ROOT / "tests" / "corpus"
# Where another newsroom would deploy: the repository's own address must not leak into the test either.
DEPLOYED = {"SITE_URL": "https://example.org/explainers/", "REPO_URL": "https://example.org/newsroom/explainers"}
OTHER_STORY = ("Kursk", "Rutte", "Reuters", "NATO", "Business Recorder", "brecorder", "North Korea", "Pyongyang",
               "Sybiha", "Putin", "Kremlin", "Ukraine", "Brussels")
INLINE_TAGS = "a|span|strong|em|b|i|time|code|abbr|small|sup|sub|mark|q"

MINIMAL_ARTICLE = """\
Northfield library to open on Sundays

NORTHFIELD - The town library will open on Sundays from next month, its manager said. “Readers asked for it,” said Iris Lund, who runs the library.
"""
MINIMAL_STORY = """\
meta:
  headline: "Northfield library opens on Sundays"
  summary: The town library will open on Sundays from next month.
  published: 2025-02-03T09:00:00+00:00
article:
  headline: "Northfield library to open on Sundays"
  agency: County Wire
  outlet: Northfield Echo
  url: https://example.org/northfield-echo/library
  byline: "2 Feb 2025 17:00"
  published: 2025-02-02T17:00:00+00:00
  dateline: Northfield
  event_date: 2025-02-02
people:
  - {id: iris-lund, name: Iris Lund, kind: person}
quotes:
  - {id: readers-asked, text: "Readers asked for it", speaker: iris-lund, how: said}
"""


def _copy(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        shutil.copytree(CORPUS / name, folder)
    return make


def _without_byline_time(folder: Path) -> None:
    shutil.copytree(CORPUS / "straight-quotes", folder)
    story = folder / "story.yaml"
    text = story.read_text(encoding="utf-8")
    text = text.replace('  byline: "14 May 2025 16:20"\n', "").replace(
        "  published: 2025-05-14T16:20:00+01:00\n", "  published: 2025-05-14\n")
    story.write_text(text, encoding="utf-8")


def _minimal(folder: Path) -> None:
    folder.mkdir()
    (folder / "article.txt").write_text(MINIMAL_ARTICLE, encoding="utf-8")
    (folder / "story.yaml").write_text(MINIMAL_STORY, encoding="utf-8")


def _fresh(folder: Path) -> None:
    subprocess.run([sys.executable, "-m", "generator", "new", str(folder)], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)


SHAPES: dict[str, Callable[[Path], None]] = {
    "minimal": _minimal,
    "fresh-new-story": _fresh,
    "agency-is-outlet": _copy("multi-paragraph-quote"),
    "no-byline-time": _without_byline_time,
    "only-organisations-in-utc": _copy("no-quotes"),
    "many-parties": _copy("many-speakers"),
    # Every story of the corpus, including any added later, is a shape of its own.
    **{f"corpus-{path.name}": _copy(path.name) for path in sorted(CORPUS.iterdir())
       if (path / "story.yaml").is_file() and path.name not in ("multi-paragraph-quote", "no-quotes",
                                                                 "many-speakers")},
}


@pytest.fixture(scope="module", params=sorted(SHAPES))
def shape(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    """(name, story folder, built site) for each shape, built once with `mkdocs build --strict`."""
    base = tmp_path_factory.mktemp(request.param)
    folder = base / "story"
    SHAPES[request.param](folder)
    result = mkdocs_build(base / "site", STORY=str(folder), **DEPLOYED)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    return request.param, folder, base / "site"


def page_text(page: str) -> str:
    """What a reader sees: inline tags vanish, block tags break lines, permalink marks and scripts go."""
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    body = re.sub(r'<a class="headerlink".*?</a>', "", body, flags=re.S)
    body = re.sub(rf"</?(?:{INLINE_TAGS})\b[^>]*>", "", body)
    body = html.unescape(re.sub(r"<[^>]+>", "\n", body))
    return "\n".join(line.strip() for line in re.sub(r"[ \t]+", " ", body).split("\n") if line.strip())


def content_of(page: str) -> str:
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page, re.S)
    assert match, "no article element"
    return match.group(1)


def pages_of(site: Path) -> dict[str, str]:
    return {str(path.relative_to(site)): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}


def empty_headings(content: str) -> list[str]:
    """Headings with no text, or with nothing under them before the next heading of the same rank or above."""
    found = []
    headings = list(re.finditer(r"<h([1-6])\b[^>]*>(.*?)</h\1>", content, re.S))
    for index, heading in enumerate(headings):
        level, title = int(heading.group(1)), page_text(heading.group(2))
        end = next((h.start() for h in headings[index + 1:] if int(h.group(1)) <= level), len(content))
        if not title or not page_text(content[heading.end():end]):
            found.append(title or heading.group(0))
    return found


def doubled_phrases(text: str) -> list[str]:
    """A word said again just after a full stop ("Published. First published."), a value repeated in
    brackets after itself ("18:40 UTC (13 March 2025, 18:40 UTC)"), a word twice in a row."""
    found = [m.group(0) for m in re.finditer(r"\b(\w{4,})\.\s+(?:\w+\s+)?\1\b", text, re.I)]
    found += [m.group(0) for m in re.finditer(r"([^()\n]{8,}) \(\1\)", text)]
    found += [m.group(0) for m in re.finditer(r"\b(\w{3,}) \1\b", text, re.I)]
    return found


def abbreviated(word: str) -> bool:
    """A full stop that ends an abbreviation, not a sentence: "10 a.m. in", "the U.S. and", "Acme Inc. will"."""
    return bool(re.fullmatch(r"(?:\w\.){2,}", word.lstrip("(“‘\"'"))) or word in {"Inc.", "Corp.", "Ltd.", "Co.",
                                                                                "Jr.", "Sr.", "Bros."}


def article_words(folder: Path) -> str:
    """The source article's text, its whitespace as one space: what it says itself is not the pages' prose."""
    from generator.content.load import load_story

    return " ".join(load_story(folder).source.text.split())


def test_every_page_reads_well(shape: tuple[str, Path, Path]) -> None:
    name, folder, site = shape
    article = article_words(folder)
    problems = []
    for path, page in pages_of(site).items():
        if path.startswith("editing/"):
            continue  # the editing guide is the repository's, the same for every story
        content = content_of(page)
        text = page_text(content)
        if path != "404.html":  # the theme's own page: one heading, by design
            problems += [f"{path}: empty heading {h!r}" for h in empty_headings(content)]
        problems += [f"{path}: 'None' in {line!r}" for line in text.split("\n") if re.search(r"\bNone\b", line)]
        problems += [f"{path}: stray punctuation in {line!r}" for line in text.split("\n")
                     if re.search(r" [.,;:](?:\s|$)", line) or re.search(r"^[.,;:]", line)]
        problems += [f"{path}: said twice: {phrase!r}" for phrase in doubled_phrases(text)
                     if " ".join(phrase.split()) not in article]
    assert not problems, f"{name}:\n" + "\n".join(problems)


def test_nothing_of_another_story_is_published(shape: tuple[str, Path, Path]) -> None:
    name, _, site = shape
    found = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt", ".md"}:
            text = path.read_text(encoding="utf-8")
            visible = page_text(text) if path.suffix == ".html" else text
            found += [f"{path.relative_to(site)}: {word}" for word in OTHER_STORY if word in visible]
            if "kursk" in text.lower():
                found.append(f"{path.relative_to(site)}: kursk in the file")
    assert not found, name


def test_the_site_names_itself_and_credits_its_own_source(shape: tuple[str, Path, Path]) -> None:
    name, folder, site = shape
    from generator.content.load import load_story

    story = load_story(folder).story
    home = (site / "index.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", home, re.S).group(1))
    expected_name = story.site.name or story.meta.headline.split(":")[0].strip()
    if expected_name == story.meta.headline:
        assert title == expected_name, "a site named after its headline does not say it twice"
    else:
        assert title.endswith(f" - {expected_name}"), title
    assert f'<html lang="{story.meta.language}"' in home
    footer = page_text(re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>', home, re.S).group(1))
    assert footer.startswith(story.site.credit or "Explainer text by the site's editors.")
    assert story.site.credit or story.article.outlet in footer, "the default credit names the outlet"
    article = story.article
    if article.agency == article.outlet:
        assert "republished" not in page_text(content_of(home)), "an agency that is the outlet is named once"
        twice = [line for page in pages_of(site).values() for line in page_text(content_of(page)).split("\n")
                 if line.count(article.outlet) > 1]
        assert not twice
    expected_report = story.site.report_url or DEPLOYED["REPO_URL"] + "/issues/new"
    assert re.search(rf'<a href="{re.escape(html.escape(expected_report))}[?&](?:amp;)?title=', home), \
        "the 'Report an error' link leads where the story says"


def test_an_empty_list_hides_its_section(shape: tuple[str, Path, Path]) -> None:
    _, folder, site = shape
    from generator.content.load import load_story

    story = load_story(folder).story
    home = page_text(content_of((site / "index.html").read_text(encoding="utf-8")))
    context = page_text(content_of((site / "context" / "index.html").read_text(encoding="utf-8")))
    sources = page_text(content_of((site / "sources" / "index.html").read_text(encoding="utf-8")))
    assert ("At a glance" in home) == bool(story.takeaways)
    assert ("What we don't know" in home) == bool(story.unknowns)
    assert ("\nBackground\n" in context) == bool(story.background)
    assert ("Background sources" in sources) == bool(story.background)
    reactions = page_text(content_of((site / "reactions" / "index.html").read_text(encoding="utf-8")))
    assert ("Side\nStatus" in reactions) == bool(story.reactions)


def said_pages_text(site: Path) -> str:
    return "\n".join(page_text(content_of(page)) for path, page in pages_of(site).items()
                     if re.fullmatch(r"quotes(-\d+)?/index\.html", path))


def test_each_quote_names_its_speaker_then_how_it_was_said(shape: tuple[str, Path, Path]) -> None:
    """"Name, role, said" the first time a page names the speaker, "Surname said" after; never "Name, said"."""
    _, folder, site = shape
    from generator.content.load import load_story
    from generator.pages.introductions import apposition, short_name
    from generator.pages.story_index import index_story

    loaded = load_story(folder)
    common = index_story(loaded).common_words
    people = {person.id: person for person in loaded.story.people}
    quotes = {quote.id: quote for quote in loaded.story.quotes}
    for path, page in pages_of(site).items():
        if not re.fullmatch(r"quotes(-\d+)?/index\.html", path):
            continue
        named: set[str] = set()
        for quote_id, figure in re.findall(r'<figure class="ex-quote" id="([^"]+)">(.*?)</figure>', page, re.S):
            quote, caption = quotes[quote_id], page_text(figure.split("<figcaption>")[1]).replace("\n", " ")
            person = people[quote.speaker]
            verb = quote.how.split(",")[0].split()[0]
            if person.id in named:
                expected = f"{short_name(person)} {verb}"
            else:
                # a role stays as written: "PACE program executive", its short form spelled out elsewhere
                described = apposition(person, common, lower_titles=loaded.story.meta.date_style == "ap")
                expected = f"{person.name}, {described}, {verb}" if described else f"{person.name} {verb}"
                named.add(person.id)
            # The caption opens a sentence: "Van der Linde said", whatever the surname's own first letter.
            assert caption.startswith(expected[:1].upper() + expected[1:]), (quote.id, caption)


def test_the_timeline_dates_the_report_by_its_publication(shape: tuple[str, Path, Path]) -> None:
    _, folder, site = shape
    from generator.content.load import load_story
    from generator.pages.date_words import date_words

    story = load_story(folder).story
    article = story.article
    timeline = page_text(content_of((site / "timeline" / "index.html").read_text(encoding="utf-8")))
    reported = f"{article.agency} {article.kind} of {date_words(story).day(article.published)}"
    assert (reported in timeline) == any(event.basis == "article" for event in story.timeline)


def test_what_happened_next_is_labelled_by_each_event_basis(shape: tuple[str, Path, Path]) -> None:
    """An event the article itself gives is never called background or "not part of" the report."""
    _, folder, site = shape
    from generator.content.load import load_story

    bases = {event.basis for event in load_story(folder).story.timeline if event.next}
    home = page_text(content_of((site / "index.html").read_text(encoding="utf-8")))
    timeline = page_text(content_of((site / "timeline" / "index.html").read_text(encoding="utf-8")))
    if "article" in bases:
        assert "from other sources" not in home
        assert "Not part of the" not in timeline
    if bases == {"background"}:
        assert ", from other sources." in home and "Not part of the" in timeline


def test_a_date_in_words_reads_as_a_phrase_where_a_date_would_stand(shape: tuple[str, Path, Path]) -> None:
    """'Millbrook Borough Council (date not given):', never '(Not given in the article.):', nor '(not given in the
    article):', which read as if the council were what the article did not give."""
    _, folder, site = shape
    from generator.content.load import load_story
    from generator.pages.wording import beyond_no_date

    story = load_story(folder).story
    home = page_text(content_of((site / "index.html").read_text(encoding="utf-8")))
    said = said_pages_text(site)
    for statement in story.statements:
        if statement.date:
            continue
        # Listed under "Not dated in the article:", a statement says only what its note adds to that, if anything.
        added = beyond_no_date(statement.date_note or "")
        note = added or "date not given"  # where no label says "undated": what is missing, said of the date
        # The gist follows, its people introduced where the page first names them ("Tom Beale, the ..., said").
        opening = f"{added[:1].upper()}{added[1:]} " if added else ""
        told = any(statement.id in question.statements for question in story.questions)  # in its answer, once
        assert told or [line for line in home.split("\n") if statement.gist[-30:] in line and line.startswith(opening)
                        and not re.match(r"(?i)date not given|not given|the article (?:gives no date|does not say)",
                                         line)], statement.id
        assert re.search(rf"\((?i:{re.escape(note[:1])}){re.escape(note[1:])}[,)]", said), statement.id
        assert not re.search(r"\.\)|\.,", said.split(statement.gist)[0].rsplit("\n", 1)[-1]), statement.id


def test_no_sentence_starts_lower_case_after_a_full_stop(shape: tuple[str, Path, Path]) -> None:
    """'visits last year. The council, 13 March 2025.', though the story writes `who: the council`."""
    name, folder, site = shape
    article = article_words(folder)
    lower = [f"{path}: {line!r}" for path, page in pages_of(site).items() if not path.startswith("editing/")
             for line in page_text(content_of(page)).split("\n")
             if any(match.group(0) not in article and not abbreviated(match.group(1))
                    for match in re.finditer(r"(\S*\w\.) [a-z]+", line))]
    assert not lower, f"{name}:\n" + "\n".join(lower)


def test_a_quote_over_paragraphs_shows_as_paragraphs_with_one_source_line(shape: tuple[str, Path, Path]) -> None:
    """Each paragraph opens with a curly mark, only the last closes; no straight mark inside the curly ones;
    the source names the passage and the report once: "From paragraphs 6–7 of the report published by ..."."""
    _, folder, site = shape
    from generator.content.load import load_story

    story = load_story(folder).story
    pages = "\n".join(page for path, page in pages_of(site).items() if re.fullmatch(r"quotes(-\d+)?/index\.html", path))
    for quote in story.quotes:
        figure = re.search(rf'<figure class="ex-quote" id="{quote.id}">(.*?)</figure>', pages, re.S).group(1)
        shown = [page_text(p) for p in re.findall(r"<p>(.*?)</p>", figure.split("</blockquote>")[0], re.S)]
        parts = [part for part in re.split(r"\n\s*\n", quote.text) if part.strip()]
        assert len(shown) == len(parts), quote.id
        assert all(p.startswith("“") for p in shown) and shown[-1].endswith("”"), shown
        assert not any('"' in p[:2] for p in shown), shown
        source = page_text(re.search(r'<p class="ex-source">(.*?)</p>', figure, re.S).group(1))
        # A quote of a further source names that source, as the others name the article.
        named = next((entry for entry in story.sources if entry.id == quote.source), story.article)
        assert source.startswith("From ") and source.count(f" {named.kind}") == 1, source
        assert source.count(named.outlet) == 1, source


def test_the_library_story_reads_as_its_editor_wrote_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The local story that found these: a key number dated by month, a quote over two paragraphs."""
    site = tmp_path_factory.mktemp("library") / "site"
    assert mkdocs_build(site, STORY=str(CORPUS / "library-hours"), **DEPLOYED).returncode == 0
    home = page_text(content_of((site / "index.html").read_text(encoding="utf-8")))
    assert "visits to the library last year. Council figures, 13 March 2025." in home
    assert "The Friends of Millbrook Library, March 2025." in home
    quotes = said_pages_text(site)
    assert "Millbrook Borough Council said." in quotes
    assert "From paragraphs 6–7 of the report published by Millbrook Courier ·" in quotes
    assert "“Closing it two days a week will be felt most by the people who have nowhere else to go.\n“We will" in quotes
    assert "Millbrook Borough Council (date not given):" in quotes


def test_no_link_leads_to_a_page_with_nothing_on_it(shape: tuple[str, Path, Path]) -> None:
    """An empty page is still built, but neither the nav, the overview's "Read on" nor any page links to it."""
    name, folder, site = shape
    from generator.content.load import load_story
    from generator.pages.page_types import PAGE_TYPES

    story = load_story(folder).story
    empty = [page_type.id for page_type in PAGE_TYPES if not page_type.has_content(story)]
    found = []
    for path, page in pages_of(site).items():
        for page_id in empty:
            if path.startswith(f"{page_id}/"):
                continue
            found += [f"{path}: {link}" for link in re.findall(rf'href="[./]*{page_id}/(?:#[^"]*)?"', page)]
    assert not found, f"{name}:\n" + "\n".join(found)


def test_partial_dates_read_as_written_and_sort_first_in_their_span(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(site, STORY=str(CORPUS / "partial-date"), **DEPLOYED).returncode == 0
    timeline = content_of((site / "timeline" / "index.html").read_text(encoding="utf-8"))
    stamps = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', timeline)
    assert stamps == [("2019", "2019"), ("2024-03", "March 2024"), ("2024-07", "July 2024"),
                      ("2024-08", "August 2024"), ("2024-08-06", "6 August 2024"), ("2024-11", "November 2024")]
    quotes = page_text(content_of((site / "quotes" / "index.html").read_text(encoding="utf-8")))
    assert "Nadia Rahman, the branch secretary of Dockers' union, said in August 2024." in quotes
    data = json.loads((site / "data" / "story.json").read_text(encoding="utf-8"))
    assert [event["date"] for event in data["timeline"]][:2] == ["2024-08-06", "2019"]
    schema = json.loads((site / "data" / "story.schema.json").read_text(encoding="utf-8"))
    assert not [word for word in OTHER_STORY if word.casefold() in json.dumps(schema).casefold()], \
        "the published schema's examples belong to no story"
    patterns = [option.get("pattern") for option in schema["$defs"]["Event"]["properties"]["date"]["anyOf"]]
    assert any(pattern and re.fullmatch(pattern, "2024-08") for pattern in patterns)


def test_markup_in_the_site_identity_shows_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(CORPUS / "many-speakers", folder)
    story = folder / "story.yaml"
    # No quotation marks in the name: check would refuse it before the build (a stray " opens or closes nothing).
    hostile_name, hostile_credit = "<img src=x onerror=alert(1)> & co", "</div><script>alert(2)</script> credit"
    text = story.read_text(encoding="utf-8")
    text = text.replace("  name: Elmstead school explainer\n", f"  name: {json.dumps(hostile_name)}\n")
    text = re.sub(r"  credit: .*\n", f"  credit: {json.dumps(hostile_credit)}\n", text, count=1)
    text = text.replace("site:\n", "site:\n  report_url: 'https://example.org/report?a=1&b=\"2\"'\n", 1)
    story.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, STORY=str(folder), **DEPLOYED)
    assert result.returncode == 0, result.stderr
    for path, page in pages_of(site).items():
        assert "<img src=x" not in page and "<script>alert(2)" not in page, path
        assert 'b="2"' not in page, path
    home = (site / "index.html").read_text(encoding="utf-8")
    assert html.unescape(re.search(r"<title>(.*?)</title>", home, re.S).group(1)).endswith(hostile_name)
    assert hostile_credit in page_text(home)
