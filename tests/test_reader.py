"""A new reader's test of the overview, in a real browser: the overview alone answers their questions.

Only what Chromium renders on the overview counts (Playwright's inner_text): no other page, no hidden text.
"""

from __future__ import annotations

import re

import pytest

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    expect = sync_playwright = None


pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}



@pytest.fixture(scope="module", params=list(VIEWPORTS))
def overview(request, chromium, served_site: str):
    """The overview as Chromium shows it at one width: (page, its visible text with white space collapsed)."""
    context = chromium.new_context(viewport=VIEWPORTS[request.param], service_workers="block")
    page = context.new_page()
    page.goto(served_site, wait_until="networkidle")
    text = re.sub(r"\s+", " ", page.locator(".md-content").inner_text())
    yield page, text
    context.close()


def test_who_confirmed_what_when_and_where(overview) -> None:
    _, text = overview
    assert re.search(r"NATO's Secretary General Mark Rutte said in Brussels on 28 October 2024 that North Korean "
                     r"troops had been sent to Russia and units deployed to its Kursk region, which borders Ukraine",
                     text)


def test_where_kursk_is_and_since_when_ukrainian_troops_are_there(overview) -> None:
    page, text = overview
    assert "Russia's Kursk region borders Ukraine's Sumy region" in text
    assert "Ukrainian forces crossed into it on 6 August 2024" in text
    assert "since staging a major incursion in August" in text
    expect(page.get_by_role("img", name=re.compile("locator map"))).to_be_visible()


def test_how_many_troops_by_whose_estimate(overview) -> None:
    _, text = overview
    assert re.search(r"Around 10,000 North Korean soldiers sent to train in eastern Russia.*?The Pentagon, "
                     r"28 October 2024", text)
    assert re.search(r"About 3,000 North Korean troops sent to Russia in all.*?South Korea's intelligence chief", text)


def test_what_russia_said_and_when(overview) -> None:
    _, text = overview
    assert ("10 October 2024 (the date TASS gives) The Kremlin initially dismissed reports about a North Korean "
            "deployment") in text
    assert re.search(r"24 October 2024, in Kazan Russia's president Vladimir Putin did not deny that North Korean "
                     r"troops were in Russia", text)


def test_what_north_korea_said(overview) -> None:
    _, text = overview
    assert ("A North Korean foreign ministry official did not confirm media reports of a troop deployment to Russia, "
            "but said that if Pyongyang had taken such action, he believed it would be in line with international "
            "norms") in text


def test_what_ukraine_wants(overview) -> None:
    _, text = overview
    assert "What does Ukraine want?" in text
    assert "Ukraine urged its allies to supply weapons and allow deep strikes into Russia" in text
    assert "restrictions on Ukraine's long-range strikes against Russia to be lifted" in text


def test_what_is_not_known(overview) -> None:
    page, text = overview
    unknowns = page.locator("#what-we-dont-know + ul > li")
    assert unknowns.count() >= 3
    assert "How large the deployment to the Kursk region that Rutte described is" in text


def test_what_happened_next_is_dated(overview) -> None:
    page, _ = overview
    box = page.locator("aside.ex-next")
    expect(box).to_be_visible()
    assert box.locator("time").count() >= 3


def test_a_citation_marker_opens_its_sentence(overview) -> None:
    page, _ = overview
    marker = page.locator("#what-nato-confirmed ~ p a.footnote-ref").first
    marker.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="briefed by a South Korean delegation")
    expect(tooltip.first).to_be_visible()


def test_on_a_phone_a_tap_on_a_marker_leads_to_its_note_and_back(chromium, served_site: str) -> None:
    """Nothing on a phone can hover, so no tooltip is mounted there: the tap goes to the note, the note's
    back-link returns to the marker."""
    context = chromium.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True,
                                   service_workers="block")
    page = context.new_page()
    page.goto(served_site, wait_until="networkidle")
    marker = page.locator("#what-nato-confirmed ~ p a.footnote-ref").first
    note_id = marker.get_attribute("href").removeprefix("#")
    marker.tap()
    note = page.locator(f'[id="{note_id}"]')
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text("Reuters: …")
    assert page.locator(".md-tooltip2").count() == 0
    note.locator("a.footnote-backref").first.tap()
    expect(marker).to_be_in_viewport()
    context.close()


def test_the_navigation_does_not_crowd_the_story(overview) -> None:
    page, _ = overview
    expect(page.locator(".md-sidebar--primary .md-nav__link").first).not_to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    headline = page.locator(".md-content h1").first
    box = headline.bounding_box()
    assert box and box["y"] < 200, "the headline is pushed below the first screen's top"
    weight = page.evaluate("getComputedStyle(document.querySelector('.md-content h1')).fontWeight")
    assert int(weight) >= 700, "the headline is not set in bold"


def test_on_a_phone_each_sides_reaction_reads_without_scrolling_sideways(chromium, served_site: str) -> None:
    """At 375 px the reactions table is one card per party: its position is read in full, not cut at the edge."""
    context = chromium.new_context(viewport=VIEWPORTS["phone"], service_workers="block")
    page = context.new_page()
    page.goto(served_site + "reactions/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    table = page.locator(".ex-table .md-typeset__scrollwrap")
    assert table.evaluate("el => el.scrollWidth <= el.clientWidth"), "the table still scrolls sideways"
    for cell in page.locator(".ex-table td:nth-child(3)").all():
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS["phone"]["width"]
    label = page.locator(".ex-table td:nth-child(3)").first.evaluate("el => getComputedStyle(el, '::before').content")
    assert label == '"Position"'
    context.close()
