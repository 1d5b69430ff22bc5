"""One story, three engines: MkDocs (with the hook), ProperDocs (the hook unchanged) and Zensical (no hooks; the
generator writes the pages first) build the same site from stories/kursk-explainer/ and mkdocs.yml, page by page."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import CONTENT, ROOT, build_env
from tools import launch_chromium, require
from tools.site import built_pages, page_path, site_url
from tools.site_server import PREFIX, serve

from generator.content.load import load_story
from generator.pages.introductions import short_name

ENGINES = ("mkdocs", "properdocs", "zensical")
SEARCH_INDEX = {"mkdocs": "search/search_index.json", "properdocs": "search/search_index.json",
                "zensical": "search.json"}


def run(*command: str) -> None:
    result = subprocess.run([sys.executable, *command], cwd=ROOT, env=build_env(), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"


@pytest.fixture(scope="module")
def sites(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The story built by each engine, as `make build ENGINE=...` builds it."""
    for module in ("properdocs", "zensical"):
        require(find_spec(module), f"{module} is not installed (make .venv/.engine-{module})")
    work = tmp_path_factory.mktemp("engines")
    run("-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(work / "properdocs"))
    zensical = work / "zensical"
    run("-m", "generator", "engine-docs", "--out", str(zensical / "docs"),
        "--engine-config", str(zensical / "mkdocs.generated.yml"))
    run("-m", "zensical", "build", "--strict", "-f", str(zensical / "mkdocs.generated.yml"))
    run("-m", "generator", "engine-finish", "--site", str(zensical / "site"),
        "--engine-config", str(zensical / "mkdocs.generated.yml"))
    return {"mkdocs": built_site, "properdocs": work / "properdocs", "zensical": zensical / "site"}


class Page(HTMLParser):
    """What a reader and a crawler get from one page: head tags, quotes with their speakers, loaded resources."""

    LOADED = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
              ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}
    LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"}

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.head: dict[str, object] = {}
        self.resources: list[str] = []
        self._capture: str | None = None
        self._text = ""
        self.feed(markup)
        self.quotes = quotes_with_speakers(markup)
        article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', markup, re.S)
        body = re.sub(r'<a href="[^"]*" title="Edit this page".*?</a>', "", article.group(1) if article else "",
                      flags=re.S)
        self.text = visible(body)
        self.stamps = re.findall(r'<time datetime="([^"]+)">', body)
        self.edit_links = re.findall(r'<a href="([^"]*)" title="Edit this page"', markup)
        self.edit_links = [html.unescape(link) for link in self.edit_links]
        self.resources += re.findall(r"url\(\s*['\"]?(https?:)?//", markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        for name in ("src", "srcset", "data"):
            if (tag, name) in self.LOADED and attr.get(name):
                self.resources.append(attr[name])
        if tag == "link" and set(attr.get("rel", "").split()) & self.LOADED_LINKS:
            self.resources.append(attr.get("href", ""))
        if tag == "link" and attr.get("rel") == "canonical":
            self.head["canonical"] = attr.get("href")
        if tag == "html":
            self.head["lang"] = attr.get("lang")
        if tag == "meta":  # every one but the engine's name and version
            key = attr.get("property") or attr.get("name") or attr.get("http-equiv") or ""
            if key == "Content-Security-Policy":  # each engine's own inline scripts and styles, by their hashes
                self.head[key] = re.sub(r"( 'sha256-[^']+')+", " 'sha256-…'", attr.get("content") or "")
            elif key and key != "generator":
                self.head[key] = attr.get("content")
        if tag == "title" or (tag == "script" and attr.get("type") == "application/ld+json"):
            self._capture, self._text = tag, ""

    def handle_data(self, data: str) -> None:
        if self._capture:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._capture == "title":
            self.head["title"] = self._text.strip()
        elif tag == self._capture == "script":
            self.head["json-ld"] = json.loads(self._text)
        if tag == self._capture:
            self._capture = None


def visible(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def quotes_with_speakers(markup: str) -> dict[str, tuple[str, str]]:
    """{quote id: (the quote as shown, its speaker)} for every quote figure on the page."""
    figures = re.findall(r'<figure class="ex-quote" id="([^"]+)">\s*<blockquote>(.*?)</blockquote>\s*'
                         r"<figcaption>\s*<p><strong>(?:<a [^>]*>)?(.*?)(?:</a>|</strong>)", markup, re.S)
    return {quote_id: (visible(quote), visible(speaker)) for quote_id, quote, speaker in figures}


def read_pages(site: Path) -> dict[str, Page]:
    return {relative: Page((site / relative).read_text(encoding="utf-8")) for relative in built_pages(site)}


@pytest.fixture(scope="module")
def pages(sites: dict[str, Path]) -> dict[str, dict[str, Page]]:
    return {engine: read_pages(site) for engine, site in sites.items()}


def test_every_engine_builds_the_same_pages(pages: dict[str, dict[str, Page]]) -> None:
    expected = set(pages["mkdocs"])
    assert len(expected) >= 10 and "quotes/index.html" in expected and "404.html" in expected
    for engine in ENGINES:
        assert set(pages[engine]) == expected, (
            f"{engine}: missing {sorted(expected - set(pages[engine]))}, extra {sorted(set(pages[engine]) - expected)}")


@pytest.mark.parametrize("engine", ENGINES[1:])
def test_every_page_has_the_same_head_tags_on_every_engine(pages: dict[str, dict[str, Page]], engine: str) -> None:
    reference = pages["mkdocs"]
    assert {"og:title", "og:image", "twitter:card", "json-ld", "canonical", "description", "lang",
            "Content-Security-Policy"} <= set(reference["quotes/index.html"].head)
    different = {relative: (reference[relative].head, page.head) for relative, page in pages[engine].items()
                 if page.head != reference[relative].head}
    assert not different, f"{engine}: head tags differ from MkDocs on {sorted(different)}: {different}"


@pytest.mark.parametrize("engine", ENGINES[1:])
def test_a_reader_sees_the_same_words_and_dates_on_every_page_on_every_engine(
        pages: dict[str, dict[str, Page]], engine: str) -> None:
    reference = pages["mkdocs"]
    assert "Published 26 November 2026" in reference["index.html"].text and reference["index.html"].stamps
    different = sorted(relative for relative, page in pages[engine].items()
                       if (page.text, page.stamps) != (reference[relative].text, reference[relative].stamps))
    assert not different, f"{engine}: the text or dates of {different} differ from MkDocs"


@pytest.mark.parametrize("engine", ENGINES[1:])
def test_every_page_has_the_same_edit_link_on_every_engine(pages: dict[str, dict[str, Page]], engine: str) -> None:
    reference = pages["mkdocs"]
    assert reference["quotes/index.html"].edit_links == [site_repo() + "/edit/main/stories/kursk-explainer/story.yaml"]
    different = {relative: page.edit_links for relative, page in pages[engine].items()
                 if page.edit_links != reference[relative].edit_links}
    assert not different, f"{engine}: edit links differ from MkDocs: {different}"


def site_repo() -> str:
    from tools.site import mkdocs_config
    return mkdocs_config()["repo_url"].rstrip("/")


def test_every_direct_quote_is_shown_verbatim_with_its_speaker_on_every_engine(
        pages: dict[str, dict[str, Page]]) -> None:
    story = load_story(CONTENT).story
    # A page names a speaker in full the first time, by the short name after.
    names = {person.id: (person.name, short_name(person)) for person in story.people}
    expected = {quote.id: (f"“{quote.text}”", names[quote.speaker]) for quote in story.quotes}
    for engine in ENGINES:
        shown = {quote_id: value for page in pages[engine].values() for quote_id, value in page.quotes.items()}
        assert shown.keys() == expected.keys(), f"{engine}: quotes differ from story.yaml"
        wrong = [quote_id for quote_id, (text, speaker) in shown.items()
                 if text != expected[quote_id][0] or speaker not in expected[quote_id][1]]
        assert not wrong, f"{engine}: quotes or speakers differ from story.yaml: {wrong}"
        by_page = {relative: page.quotes for relative, page in pages[engine].items()}
        assert by_page == {relative: page.quotes for relative, page in pages["mkdocs"].items()}, (
            f"{engine}: quotes are not on the same pages as with MkDocs")


@pytest.mark.parametrize("engine", ENGINES)
def test_no_page_loads_anything_from_another_host(pages: dict[str, dict[str, Page]], engine: str) -> None:
    elsewhere = {relative: [url for url in page.resources if urlsplit(url).netloc or url.startswith("//")]
                 for relative, page in pages[engine].items()}
    elsewhere = {relative: urls for relative, urls in elsewhere.items() if urls}
    assert not elsewhere, f"{engine}: pages load from other hosts: {elsewhere}"
    assert any(page.resources for page in pages[engine].values())


@pytest.mark.parametrize("engine", ENGINES)
def test_the_share_cards_json_export_and_map_are_published(sites: dict[str, Path], engine: str) -> None:
    reference = sites["mkdocs"]
    for folder in ("images", "data"):
        files = sorted(p.relative_to(reference).as_posix() for p in (reference / folder).rglob("*") if p.is_file())
        assert files
        for file in files:
            assert (sites[engine] / file).read_bytes() == (reference / file).read_bytes(), f"{engine}: {file}"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_search_index_holds_every_page(sites: dict[str, Path], engine: str) -> None:
    index = json.loads((sites[engine] / SEARCH_INDEX[engine]).read_text(encoding="utf-8"))
    locations = {entry["location"].split("#")[0] for entry in index.get("docs") or index.get("items")}
    assert {"", "quotes/", "people/", "context/"} <= locations, f"{engine}: {sorted(locations)}"


# In a browser ------------------------------------------------------------------------------------------------


def search_results(page, engine: str, words: str) -> list:
    """Type `words` into the engine's search box; the result links, best first.

    Material lists results in the page (.md-search-result); Zensical opens its own dialog in a shadow root,
    which Playwright's locators enter by themselves."""
    if engine == "zensical":
        page.locator(".md-search__button").click()
        page.keyboard.type(words)
        links = page.locator('ol[role="listbox"] a[role="option"]')
    else:
        page.locator(".md-search__input").click()
        page.keyboard.type(words)
        page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d+ matching documents?")).wait_for()
        links = page.locator(".md-search-result__item > a.md-search-result__link")
    links.first.wait_for()
    return links.all()


@pytest.mark.browser
@pytest.mark.parametrize("engine", ENGINES)
def test_a_browser_search_for_sybiha_finds_his_quote(sites: dict[str, Path], engine: str) -> None:
    """Every page loads with no console error and no request leaving loopback; searching "Sybiha" leads to his
    quote."""
    from playwright.sync_api import sync_playwright

    story = yaml.safe_load((CONTENT / "story.yaml").read_text(encoding="utf-8"))
    his_quotes = [quote["text"] for quote in story["quotes"] if quote["speaker"] == "sybiha"]
    assert site_url().endswith(PREFIX)
    with serve(sites[engine]) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(service_workers="block")
        origin = base.removesuffix(PREFIX) + "/"
        requests: list[str] = []
        errors: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        context.on("weberror", lambda error: errors.append(str(error.error)))
        context.route(lambda url: not url.startswith(origin), lambda route: route.abort("blockedbyclient"))
        page = context.new_page()
        for relative in built_pages(sites[engine]):
            if relative != "404.html":
                page.goto(base + page_path(relative), wait_until="networkidle")
        page.goto(base, wait_until="networkidle")
        links = search_results(page, engine, "Sybiha")
        paths = [urlsplit(link.get_attribute("href") or "").path for link in links]
        on_quotes = [link for link, path in zip(links, paths, strict=True) if path.endswith("/quotes/")]
        assert on_quotes, f"{engine}: the search for Sybiha does not list the quotes page: {paths}"
        with page.expect_navigation():
            on_quotes[0].click()
        text = re.sub(r"\s+", " ", page.locator(".md-content").inner_text())
        assert any(quote in text for quote in his_quotes), f"{engine}: {page.url} does not show his quote"
        elsewhere = [url for url in requests if not url.startswith(origin) and urlsplit(url).scheme in ("http", "https")]
        assert not elsewhere, f"{engine}: requests to other hosts: {elsewhere}"
        assert not errors, f"{engine}: console errors: {errors}"
        assert any(url.endswith(SEARCH_INDEX[engine]) for url in requests), f"{engine}: the search index was not loaded"
        browser.close()
