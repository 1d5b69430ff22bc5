"""The built site's HTML (Nu Html Checker), its links and anchors under the sub-path, its 404 handling over
HTTP, and byte-identical rebuilds."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from conftest import mkdocs_build
from tools import VNU_JAR, require_file, require_program
from tools.links import check_links, check_search_index, check_sitemap
from tools.site import assert_prefix_matches_site_url, built_pages, site_url
from tools.site_server import PREFIX


def run_vnu(*paths: Path) -> list[dict]:
    """The Nu Html Checker's errors for every HTML file under `paths`, in one Java run."""
    java = require_program("java")
    jar = require_file(VNU_JAR, "The Nu Html Checker (npm vnu-jar)")
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html",
                             *map(str, paths)], capture_output=True, text=True, timeout=300)
    assert result.stderr.strip().startswith("{"), f"vnu printed no JSON report:\n{result.stdout}\n{result.stderr}"
    messages = json.loads(result.stderr)["messages"]
    assert (result.returncode != 0) == bool(messages), result.stderr
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


def test_the_nu_html_checker_finds_no_error_in_the_built_site(built_site: Path, tmp_path: Path) -> None:
    # A page with a known error is checked in the same run: proof that the checker does check.
    canary = tmp_path / "canary"
    canary.mkdir()
    (canary / "broken.html").write_text('<!doctype html><html lang="en"><title>x</title>'
                                        '<input type="checkbox" autocomplete="off"><p><div></div></html>')
    errors = run_vnu(built_site, canary)
    assert any("broken.html" in e.get("url", "") for e in errors), "vnu did not flag the deliberately broken page"
    site_errors = [e for e in errors if "broken.html" not in e.get("url", "")]
    checked = built_pages(built_site)
    assert len(checked) >= 10
    assert not site_errors, f"{len(site_errors)} HTML errors in {len(checked)} pages:\n" + "\n".join(
        f"{e.get('url', '').split(str(built_site))[-1]}:{e.get('lastLine')}: {e['message']} "
        f"[{' '.join(e.get('extract', '').split())[:120]}]" for e in site_errors)


def test_the_site_url_is_under_the_sub_path_the_checks_use() -> None:
    assert_prefix_matches_site_url()


def test_every_internal_link_and_anchor_resolves_under_the_sub_path(built_site: Path) -> None:
    report = check_links(built_site, site_url())
    assert report.pages >= 10 and report.internal > 100 and report.anchors > 50, report
    assert not report.problems, f"{len(report.problems)} broken of {report.internal} internal links:\n" + "\n".join(
        report.problems)


def test_every_search_result_and_sitemap_entry_resolves(built_site: Path) -> None:
    search, sitemap = check_search_index(built_site, site_url()), check_sitemap(built_site, site_url())
    assert search.internal > 10 and sitemap.internal >= 9
    assert not search.problems + sitemap.problems, "\n".join(search.problems + sitemap.problems)


def test_the_link_checker_reports_broken_links_and_anchors(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "quotes").mkdir(parents=True)
    (site / "quotes" / "index.html").write_text('<h1 id="quotes">Quotes</h1><p id="q1">“…”</p>')
    (site / "404.html").write_text(f'<link href="{PREFIX}assets/x.css"><a href="../quotes/">relative</a>')
    (site / "assets").mkdir()
    (site / "assets" / "x.css").write_text("")
    (site / "index.html").write_text(
        '<a href="quotes/#q1">ok</a> <a href="quotes">ok, redirected</a> <a href="#top" id="top">ok</a>'
        ' <a href="https://example.org/x">external</a> <a href="mailto:a@b.c">mail</a>'
        f' <meta property="og:image" content="{site_url()}assets/x.css">'
        ' <a href="quotes/#q2">bad anchor</a> <a href="timeline/">missing page</a>'
        ' <a href="/assets/x.css">root-absolute, outside the sub-path</a>'
        f' <img src="{site_url()}images/none.png" alt="">')
    report = check_links(site, site_url())
    assert report.external == 1 and report.pages == 3
    assert [p.split(" ")[2] for p in report.problems] == [
        "'../quotes/'",  # the 404 page is served from deep missing URLs: relative links break there
        "'quotes/#q2'", "'timeline/'", "'/assets/x.css'", f"'{site_url()}images/none.png'"], report.problems


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.url, response.read()
    except urllib.error.HTTPError as error:
        return error.code, url, error.read()


def test_the_test_server_serves_like_github_pages(built_site: Path, served_site: str) -> None:
    assert served_site.startswith("http://127.0.0.1:") and served_site.endswith(PREFIX)
    assert _get(served_site)[:2] == (200, served_site)
    assert _get(served_site + "quotes")[:2] == (200, served_site + "quotes/")  # redirected, as Pages does
    not_found = (built_site / "404.html").read_bytes()
    for missing in ("no-such-page/", "quotes/missing.html", "a/b/c/d", "../outside"):
        assert _get(served_site + missing)[::2] == (404, not_found), missing
    assert _get(served_site.removesuffix(PREFIX) + "/index.html")[::2] == (404, not_found)


def test_two_builds_of_the_same_commit_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    result = mkdocs_build(again)
    assert result.returncode == 0, result.stderr
    first = {str(p.relative_to(built_site)): p for p in built_site.rglob("*") if p.is_file()}
    second = {str(p.relative_to(again)): p for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    differing = [name for name in sorted(first) if first[name].read_bytes() != second[name].read_bytes()]
    assert len(first) > 20
    assert not differing, f"{len(differing)} of {len(first)} files differ between two builds: {differing}"
