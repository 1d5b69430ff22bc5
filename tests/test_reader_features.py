"""What readers of explainers expect, built from content: overview, timeline, who's who, stance grid, map, log, cards."""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

import pytest
from conftest import SECOND_STORY, mkdocs_build
from tools.cli import run_cli
from tools.site import declared_pages, visible_text

NAV_PAGES = declared_pages(lambda page_type: page_type.nav_label is not None)


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("second") / "site"
    result = mkdocs_build(site, STORY=str(SECOND_STORY))
    assert result.returncode == 0, result.stderr
    return site


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_overview_has_label_stamps_glance_questions_and_unknowns(built_site: Path) -> None:
    home = page(built_site, "")
    text = visible_text(home)
    assert '<p class="ex-kicker">Explainer</p>' in home
    assert re.search(r'Published <time datetime="2026-11-26T09:08:00\+00:00">26 November 2026, 09:08 UTC</time>', home)
    assert "At a glance" in text and "What did NATO confirm?" in text and "What does Ukraine want?" in text
    assert "What we don't know" in text and "a figure not independently verified" in text


def test_the_timeline_is_an_ordered_list_of_dated_events_with_what_happened_next_apart(built_site: Path) -> None:
    timeline = page(built_site, "timeline/")
    parts = timeline.split('id="what-happened-next"')
    assert len(parts) == 2
    before, after = parts
    dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', before)
    assert dates == sorted(dates) and "2024-10-28" in dates and all(d <= "2024-10-28" for d in dates)
    assert all(d > "2024-10-29" for d in re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', after))
    assert '<ol class="ex-timeline">' in timeline
    assert "Article" in visible_text(before) and "Background" in visible_text(before)


def test_whos_who_lists_each_speakers_quotes_and_quotes_link_to_speakers(built_site: Path) -> None:
    people = page(built_site, "people/")
    assert 'id="rutte"' in people and "Secretary General of NATO" in people
    assert 'href="../quotes/#deepening-cooperation"' in people
    quotes = page(built_site, "quotes/")
    assert 'href="../people/#rutte"' in quotes and 'href="../people/#sybiha"' in quotes


def test_the_stance_grid_has_one_row_per_party_with_the_status_in_words(built_site: Path, second_site: Path) -> None:
    rows = re.findall(r"<tr>\s*<td><span id=\"([a-z-]+)\">.*?</td>\s*<td><span class=\"ex-status[^\"]*\">([^<]+)</span>",
                      page(built_site, "reactions/"), re.S)
    assert rows == [("nato", "Confirmed"), ("ukraine", "Said troops were in Kursk"), ("russia", "Did not deny"),
                    ("north-korea", "Did not confirm"), ("south-korea", "Briefed NATO"),
                    ("united-states", "Confirmed in part")]
    other = re.findall(r"<td><span id=\"([a-z-]+)\">", page(second_site, "reactions/"))
    assert other == ["council", "operators"]


def test_the_map_is_a_static_svg_with_a_text_alternative_and_credit(built_site: Path) -> None:
    context = page(built_site, "context/")
    image = re.search(r'<img alt="([^"]+)"[^>]*src="../images/locator-map.svg"', context)
    assert image and image.group(1) == "Where the Kursk region is: described in words below the map."
    caption = visible_text(re.search(r'<figure class="ex-map">(.*?)</figure>', context, re.S).group(1))
    assert "Russia's Kursk region is shaded" in caption and "Natural Earth" in caption
    svg = (built_site / "images" / "locator-map.svg").read_text(encoding="utf-8")
    assert "<title" in svg and "<desc" in svg and "<script" not in svg and "http" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "").replace("naturalearthdata.com", "")


def test_the_updates_log_labels_corrections_and_sets_the_updated_stamp(second_site: Path) -> None:
    method = visible_text(page(second_site, "method/"))
    assert "Correction. The chair's name was misspelt in the first version." in method
    home = page(second_site, "")
    assert re.search(r'Updated <time datetime="2025-03-05T09:30:00\+01:00">5 March 2025, 09:30 UTC\+1</time>', home)


def test_updated_is_the_latest_change_by_date_links_to_the_log_and_agrees_with_json_ld(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(SECOND_STORY, story)
    path = story / "story.yaml"
    later = "  - date: 2025-03-07T10:00:00-03:30\n    kind: update\n    text: Ferry times were added.\n"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("changes:\n", "changes:\n" + later, 1), encoding="utf-8")  # listed first
    result = mkdocs_build(tmp_path / "site", STORY=str(story))
    assert result.returncode == 0, result.stderr
    home = page(tmp_path / "site", "")
    stamps = re.search(r'<p class="ex-stamps">(.*?)</p>', home, re.S).group(1)
    assert re.search(r'Updated <time datetime="2025-03-07T10:00:00-03:30">7 March 2025, 10:00 UTC-3:30</time>', stamps)
    assert re.search(r'\(<a href="method/#updates-and-corrections">what changed</a>\)', stamps), stamps
    assert "](" not in visible_text(home)
    assert json_ld(home)["dateModified"] == "2025-03-07T10:00:00-03:30"


@pytest.mark.parametrize("path", NAV_PAGES)
def test_every_page_has_open_graph_tags_json_ld_and_a_share_image(built_site: Path, path: str) -> None:
    html = page(built_site, path)
    for tag in ("og:title", "og:description", "og:image", "og:url", "twitter:card"):
        assert f'property="{tag}"' in html or f'name="{tag}"' in html, tag
    assert '<link rel="canonical" href="https://explainer-desk.github.io/kursk-explainer/' in html
    image_url = re.search(r'property="og:image" content="([^"]+)"', html).group(1)
    image = built_site / image_url.removeprefix("https://explainer-desk.github.io/kursk-explainer/")
    assert png_size(image) == (1200, 630)
    data = json_ld(html)
    assert data["@type"] == "BackgroundNewsArticle"
    assert data["datePublished"] == "2026-11-26T09:08:00+00:00" and data["headline"]
    assert {"NATO", "Ukraine", "Russia"} <= {thing["name"] for thing in data["about"]}


def test_the_quotes_page_json_ld_has_each_quotation_with_its_creator(built_site: Path) -> None:
    data = json_ld(page(built_site, "quotes/"))
    quotations = {part["text"]: part["creator"] for part in data["hasPart"] if part["@type"] == "Quotation"}
    assert len(quotations) == 8
    assert quotations["a significant escalation"] == {
        "@type": "Person", "@id": "https://explainer-desk.github.io/kursk-explainer/people/#rutte",
        "name": "Mark Rutte", "jobTitle": "Secretary General of NATO", "affiliation": {"@type": "Organization", "name": "NATO"}}
    assert quotations["fake news"]["@type"] == "Organization"


def test_every_page_has_a_report_an_error_link_to_the_issues(built_site: Path) -> None:
    for path in NAV_PAGES:
        assert 'href="https://github.com/explainer-desk/explainer-desk.github.io/issues/new?title=' in page(built_site, path)


def test_the_404_page_loads_its_assets_from_the_sub_path(built_site: Path) -> None:
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/kursk-explainer/assets/stylesheets/main.' in not_found
    assert "<style>" in not_found and ".ex-kicker" in not_found  # the site's own CSS, inlined


def test_a_new_story_builds_at_once_with_strict(tmp_path: Path) -> None:
    folder = tmp_path / "new-story"
    result = run_cli("new", str(folder))
    assert result.code == 0, result.stderr
    assert "make serve STORY=" in result.stdout
    build = mkdocs_build(tmp_path / "site", STORY=str(folder))
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr


def test_the_search_dialog_has_an_accessible_name_on_every_page(built_site: Path) -> None:
    for html_file in built_site.rglob("*.html"):
        assert 'role="dialog" aria-label="Search this site"' in html_file.read_text(encoding="utf-8"), html_file
