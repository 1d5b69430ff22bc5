"""Printing a page: no navigation or search, and the address of every outside link printed beside it."""

from __future__ import annotations

import pytest
from tools import launch_chromium

pytestmark = pytest.mark.browser


def test_print_hides_navigation_and_search_and_prints_link_addresses(served_site: str) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto(served_site + "quotes/")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-search', '.md-footer']
            .map(selector => getComputedStyle(document.querySelector(selector)).display)""")
        assert hidden == ["none"] * 4
        printed = page.evaluate("""() => getComputedStyle(
            document.querySelector('.md-typeset a[href^="https://www.brecorder.com/"]'), '::after').content""")
        assert "attr(href)" in printed or "brecorder.com" in printed
        page.emulate_media(media="screen")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") != "none"
        browser.close()
