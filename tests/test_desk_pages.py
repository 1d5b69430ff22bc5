"""The desk's own pages checked as every page is: the Nu Html Checker, every link of the whole desk, and the front
page in Chromium (axe-core in light and dark mode, no console error, no request to another host)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from test_browser import SCHEMES, Traffic
from test_desk import DESK_ADDRESS, desk_build
from test_html_and_links import run_vnu
from tools.axe import describe, run_axe
from tools.links import check_links
from tools.site_server import serve

from generator.content.desk_layout import desk_stories

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def desk_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("desk-pages") / "site"
    result = desk_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_nu_html_checker_finds_no_error_in_the_front_page_or_its_404(desk_site: Path) -> None:
    errors = run_vnu(desk_site / "index.html", desk_site / "404.html")
    assert not errors, "\n".join(f"{e.get('url', '')}:{e.get('lastLine')}: {e['message']}" for e in errors)


def test_every_link_of_the_whole_desk_resolves(desk_site: Path) -> None:
    report = check_links(desk_site, DESK_ADDRESS, urlsplit(DESK_ADDRESS).path)
    assert report.pages > 10 * len(desk_stories(ROOT)) // 2
    assert not report.problems, f"{len(report.problems)} broken links:\n" + "\n".join(report.problems[:40])


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_front_page_passes_axe_and_asks_nothing_of_another_host(chromium, desk_site: Path, scheme: str) -> None:
    prefix = urlsplit(DESK_ADDRESS).path
    with serve(desk_site, prefix) as url:
        origin = url.removesuffix(prefix) + "/"
        context = chromium.new_context(color_scheme=scheme, service_workers="block")
        traffic = Traffic(origin)
        context.on("request", traffic.on_request)
        context.on("console", traffic.on_console)
        context.on("weberror", traffic.on_page_error)
        context.route(lambda address: not address.startswith(origin), lambda route: route.abort("blockedbyclient"))
        try:
            page = context.new_page()
            response = page.goto(url, wait_until="networkidle")
            assert response is not None and response.status == 200
            links = page.locator("article.ex-desk-story h2 a")
            assert links.count() == len(desk_stories(ROOT))
            problems = describe(run_axe(page), f"{scheme} front page")
            assert not problems, "\n".join(problems)
            page.goto(url + links.first.get_attribute("href"), wait_until="networkidle")
            assert page.locator("h1").count() == 1
        finally:
            context.close()
    assert not traffic.console_errors, traffic.console_errors
    assert not traffic.elsewhere, traffic.elsewhere
