"""The built site in a real browser (Debian's Chromium driven by Playwright), served over HTTP from loopback
under /kursk-explainer/ as GitHub Pages serves it: console errors, requests to other hosts, axe-core in light
and dark mode, search, the light/dark toggle, the phone navigation drawer and the 404 page.

One browser for the module; each check gets its own context (fresh storage, its own colour scheme)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the `chromium` fixture: skipped, or failed under CI=true
    expect = sync_playwright = None

from conftest import CONTENT
from tools import AXE_JS, require_file
from tools.axe import describe, run_axe
from tools.site import MISSING_PATH, built_pages, mkdocs_config, nav_pages, page_path, visible_text
from tools.site_server import PREFIX

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
SCHEMES = {"light": "default", "dark": "slate"}  # Playwright's colour scheme -> Material's data-md-color-scheme
TIMEOUT_MS = 15_000



@pytest.fixture(scope="session")
def axe_available() -> None:
    require_file(AXE_JS, "axe-core (npm package axe-core)")


@dataclass
class Traffic:
    """Everything a browser context asked for and complained about."""

    loopback: str
    requests: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def on_request(self, request) -> None:
        self.requests.append(request.url)
        scheme = urlsplit(request.url).scheme
        if scheme not in ("data", "blob", "about") and not request.url.startswith(self.loopback):
            self.elsewhere.append(f"{request.resource_type} {request.url} (from {_initiator(request)})")

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "")
        # The 404 page's own document: the browser logs the status of the page it was asked to show.
        if message.page is not None and where == message.page.url and "status of 404" in message.text:
            return
        self.console_errors.append(f"{message.page.url if message.page else '?'}: {message.text} ({where})")

    def on_page_error(self, error) -> None:
        self.console_errors.append(f"{error.page.url if error.page else '?'}: uncaught {error.error}")

    def on_failed(self, request) -> None:
        if request.url.startswith(self.loopback):  # others are blocked on purpose, and listed in `elsewhere`
            self.failed.append(f"{request.url}: {request.failure}")


def _initiator(request) -> str:
    try:
        return request.frame.url
    except Exception:  # noqa: BLE001 - a worker's request has no frame
        return "a worker"


def open_context(chromium, served_site: str, *, scheme: str = "light", viewport: dict = DESKTOP):
    """A new browser context that records its traffic and never lets a request leave loopback."""
    context = chromium.new_context(color_scheme=scheme, viewport=viewport, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    origin = served_site.removesuffix(PREFIX) + "/"
    traffic = Traffic(origin)
    context.on("request", traffic.on_request)
    context.on("console", traffic.on_console)
    context.on("weberror", traffic.on_page_error)
    context.on("requestfailed", traffic.on_failed)
    context.route(lambda url: not url.startswith(origin), lambda route: route.abort("blockedbyclient"))
    return context, traffic


@dataclass
class Visit:
    url: str
    status: int
    scheme: str
    violations: list[dict]


@pytest.fixture(scope="module")
def site_visits(chromium, served_site: str, built_site: Path, axe_available) -> dict:
    """Every page of the built site (404 at a missing URL), loaded in light and in dark mode, with axe's verdict."""
    visits: dict[str, dict[str, Visit]] = {}
    traffic: dict[str, Traffic] = {}
    for scheme in SCHEMES:
        context, traffic[scheme] = open_context(chromium, served_site, scheme=scheme)
        page = context.new_page()
        visits[scheme] = {}
        for relative in built_pages(built_site):
            url = served_site + (MISSING_PATH if relative == "404.html" else page_path(relative))
            response = page.goto(url, wait_until="networkidle")
            visits[scheme][relative] = Visit(url, response.status if response else 0,
                                             page.locator("body").get_attribute("data-md-color-scheme") or "",
                                             run_axe(page))
        context.close()
    return {"visits": visits, "traffic": traffic}


def test_every_page_loads_with_no_console_error(site_visits: dict) -> None:
    for scheme, pages in site_visits["visits"].items():
        assert len(pages) >= 10
        wrong = {page: visit.status for page, visit in pages.items() if visit.status != (404 if page == "404.html" else 200)}
        assert not wrong, f"{scheme}: unexpected HTTP status {wrong}"
        traffic = site_visits["traffic"][scheme]
        assert not traffic.console_errors, f"{scheme}: console errors:\n" + "\n".join(traffic.console_errors)
        assert not traffic.failed, f"{scheme}: failed requests:\n" + "\n".join(traffic.failed)


def test_no_page_makes_a_request_to_another_host(site_visits: dict) -> None:
    for scheme, traffic in site_visits["traffic"].items():
        # The recorder does see the requests: the pages, their CSS and the search worker's index.
        assert any("/assets/stylesheets/main." in url for url in traffic.requests)
        assert any(url.endswith("/search/search_index.json") for url in traffic.requests)
        assert not traffic.elsewhere, f"{scheme}: requests to other hosts:\n" + "\n".join(traffic.elsewhere)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_any_page(site_visits: dict, scheme: str) -> None:
    pages = site_visits["visits"][scheme]
    wrong_scheme = {page: visit.scheme for page, visit in pages.items() if visit.scheme != SCHEMES[scheme]}
    assert not wrong_scheme, f"pages not shown in {scheme} mode: {wrong_scheme}"
    problems = [line for page, visit in pages.items() for line in describe(visit.violations, f"{scheme} {page}")]
    assert not problems, f"{len(problems)} axe violations in {len(pages)} pages:\n" + "\n".join(problems)


def test_axe_reports_a_known_violation(chromium, axe_available) -> None:
    """The accessibility check is not vacuous: a page with known failures fails it."""
    page = chromium.new_page()
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="data:,">'
                     '<p style="color:#aaa;background:#fff">pale text</p></main></html>')
    assert {v["id"] for v in run_axe(page)} >= {"image-alt", "color-contrast"}
    page.close()


# Search ------------------------------------------------------------------------------------------------------

def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quotes_of(speaker: str) -> list[str]:
    story = yaml.safe_load((CONTENT / "story.yaml").read_text(encoding="utf-8"))
    return [quote["text"] for quote in story["quotes"] if quote["speaker"] == speaker]


def search(page, words: str) -> list[str]:
    """Type into Material's search box; the paths (under the sub-path) of the pages listed, best first."""
    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text=re.compile(r"\d+ matching documents?")).wait_for()
    # The results fade in over 0.4 s; check them as a reader sees them once they are there.
    expect(page.locator(".md-search__output")).to_have_css("opacity", "1")
    links = page.locator(".md-search-result__item > a.md-search-result__link:first-child")
    return [urlsplit(href).path.removeprefix(PREFIX) for href in links.evaluate_all("as => as.map(a => a.href)")]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_for_sybiha_lists_the_pages_that_quote_him(chromium, served_site: str, built_site: Path,
                                                          axe_available, scheme: str) -> None:
    his_quotes = quotes_of("sybiha")
    assert his_quotes
    quoting = sorted(page_path(relative) for relative in built_pages(built_site) if relative != "404.html"
                     and any(q in visible_text((built_site / relative).read_text(encoding="utf-8")) for q in his_quotes))
    assert "quotes/" in quoting
    context, traffic = open_context(chromium, served_site, scheme=scheme)
    page = context.new_page()
    page.goto(served_site)
    results = search(page, "Sybiha")
    assert set(quoting) <= set(results), f"search lists {results}; the pages quoting him are {quoting}"
    problems = describe(run_axe(page), f"{scheme} search results")
    assert not problems, "\n".join(problems)

    with page.expect_navigation():
        page.locator(".md-search-result__item a.md-search-result__link").first.click()
    assert urlsplit(page.url).path.removeprefix(PREFIX) == results[0]
    text = collapse(page.locator(".md-content").inner_text())
    assert any(q in text for q in his_quotes), (
        f"the first result, {page.url}, does not show any of his quotes in full: {his_quotes}")
    assert not traffic.console_errors and not traffic.elsewhere, (traffic.console_errors, traffic.elsewhere)
    context.close()


# Light and dark ----------------------------------------------------------------------------------------------

def toggle_names() -> dict[str, str]:
    """The toggle's title in each scheme: {"default": "Switch to dark mode", "slate": "Switch to light mode"}."""
    return {option["scheme"]: option["toggle"]["name"] for option in mkdocs_config()["theme"]["palette"]}


def current_scheme(page) -> tuple[str, str]:
    return (page.locator("body").get_attribute("data-md-color-scheme"),
            page.evaluate("getComputedStyle(document.body).backgroundColor"))


def test_the_light_dark_toggle_works_and_is_remembered(chromium, served_site: str) -> None:
    context, traffic = open_context(chromium, served_site, scheme="light")
    page = context.new_page()
    page.goto(served_site + "context/")  # the overview hides the sidebar this test follows to the next page
    light = current_scheme(page)
    assert light[0] == "default"

    page.get_by_title(toggle_names()["default"]).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    dark = current_scheme(page)
    assert dark[1] != light[1], "the background did not change"

    page.reload()
    assert current_scheme(page) == dark, "the choice was forgotten on reload"
    page.locator(".md-sidebar--primary").get_by_role("link", name="Quotes", exact=True).click()
    page.wait_for_url(served_site + "quotes/")
    assert current_scheme(page) == dark, "the choice was forgotten on the next page"

    page.get_by_title(toggle_names()["slate"]).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.goto(served_site + "timeline/")
    assert current_scheme(page) == light
    assert not traffic.console_errors, traffic.console_errors
    context.close()


def test_a_first_visit_in_dark_mode_is_dark_before_any_script_file_runs(chromium, served_site: str) -> None:
    """No light flash: the page's first paint already follows the system setting. With every script file
    held back (the theme's bundle among them), only the inline scripts, the switch's own among them, have run."""
    context, traffic = open_context(chromium, served_site, scheme="dark", viewport=PHONE)
    context.route(re.compile(r".*\.js$"), lambda route: route.abort())
    page = context.new_page()
    page.goto(served_site + "quotes/")
    assert current_scheme(page)[0] == "slate"
    context.close()


@pytest.mark.parametrize("stored", ['{"index":"__proto__"}', '{"index":7}', "not json",
                                    '{"index":0,"color":{"scheme":"slate"}}', '{"index":0,"color":{"switching":""}}'])
def test_the_switch_survives_whatever_is_stored_for_it(chromium, served_site: str, stored: str) -> None:
    """Storage is shared by every script on the site; a value the switch did not write must not hide it, or
    show one scheme while the button offers to switch to it, or leave the page without its transitions."""
    context, traffic = open_context(chromium, served_site, scheme="light")
    key = urlsplit(served_site).path + ".__palette"
    context.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(stored)})")
    page = context.new_page()
    page.goto(served_site + "quotes/")
    expect(page.get_by_title(toggle_names()["default"])).to_be_visible()
    assert current_scheme(page)[0] == "default"
    assert page.locator("body").get_attribute("data-md-color-switching") is None
    page.get_by_title(toggle_names()["default"]).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    context.close()


def test_the_switch_follows_the_system_setting_until_the_reader_chooses(chromium, served_site: str) -> None:
    """A visit stores nothing by itself: the system's setting is followed while the page is open and on the next
    visit; once the reader chooses, the choice wins over the system's."""
    context, traffic = open_context(chromium, served_site, scheme="dark")
    page = context.new_page()
    page.goto(served_site + "quotes/")
    assert current_scheme(page)[0] == "slate"
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    page.goto(served_site + "timeline/")
    assert current_scheme(page)[0] == "slate", "the scheme of the first visit was kept as if chosen"

    page.get_by_title(toggle_names()["slate"]).click()
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.reload()
    assert current_scheme(page)[0] == "default", "the reader's choice gave way to the system's setting"
    assert not traffic.console_errors, traffic.console_errors
    context.close()


def test_the_switch_works_from_the_keyboard(chromium, served_site: str) -> None:
    """Tab reaches the switch under its name, and Enter switches, again and again (arrow keys do too, as radios)."""
    context, traffic = open_context(chromium, served_site, scheme="light")
    page = context.new_page()
    page.goto(served_site + "quotes/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "__palette":
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == toggle_names()["default"]
    for scheme in ("slate", "default", "slate"):
        page.keyboard.press("Enter")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    page.keyboard.press("ArrowRight")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    context.close()


# Phone -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
def test_at_375px_the_drawer_opens_and_reaches_every_page(chromium, served_site: str, axe_available,
                                                         tmp_path_factory: pytest.TempPathFactory, scheme: str) -> None:
    context, traffic = open_context(chromium, served_site, scheme=scheme, viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "article/")  # not in the nav: every step below is a real navigation
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    menu = page.locator("label.md-header__button[for='__drawer']")
    for number, (title, path) in enumerate(nav_pages()):
        entry = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link",
                             has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))
        assert entry.count() == 1, f"no single nav entry {title!r}"
        expect(entry).not_to_be_in_viewport()  # the drawer is closed
        menu.click()
        expect(entry).to_be_in_viewport()
        if number == 0:
            page.wait_for_timeout(300)  # let the drawer finish sliding in (250 ms)
            shot = tmp_path_factory.mktemp("screenshots") / f"drawer-{scheme}-375.png"
            page.screenshot(path=str(shot))
            problems = describe(run_axe(page), f"{scheme} drawer open")
            assert not problems, "\n".join(problems)
        entry.click()
        page.wait_for_url(served_site + path)
        assert page.locator(".md-content h1").first.is_visible(), f"{title}: no heading"
        assert current_scheme(page)[0] == SCHEMES[scheme]
    assert not traffic.console_errors and not traffic.elsewhere, (traffic.console_errors, traffic.elsewhere)
    context.close()


# 404 ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("missing", ["no-such-page/", MISSING_PATH + "deeper/still.html"])
def test_a_missing_url_gets_the_styled_404_page(chromium, served_site: str, missing: str) -> None:
    context, traffic = open_context(chromium, served_site)
    page = context.new_page()
    response = page.goto(served_site + missing, wait_until="networkidle")
    assert response is not None and response.status == 404
    assert "404" in page.locator("h1").first.inner_text()
    header = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.md-header'));
                                      return [s.backgroundColor, s.position, s.color]; }""")
    # Material's CSS makes the header sticky; the site's inlined CSS gives it the primary colour #1e3a8a.
    assert header[:2] == ["rgb(30, 58, 138)", "sticky"], header
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href && new URL(s.href).pathname)")
    assert any("/assets/stylesheets/main." in (s or "") for s in sheets)
    assert not traffic.failed and not traffic.console_errors and not traffic.elsewhere, traffic
    context.close()
