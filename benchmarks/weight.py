"""Reader weight: what each page of the built site costs a first-time reader, loaded in headless Chromium.

Bytes are counted where they leave the local server (gzipped, as GitHub Pages sends them), because
Chromium reports no body size for the search web worker's script; the browser supplies the list of
requests, including any to other hosts, which the server never sees.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright
from sites import html_pages, serve_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
APART = ("images/share/", "images/locator-map")  # share cards and the map (and its close-up), reported apart
SEARCH_INDEX = "search/search_index.json"
SETTLE_MS = 1000  # after network idle: Material starts its search worker and index fetch a little later


def _load(browser, url: str, served) -> tuple[list, list[str]]:
    """Load `url` with an empty cache; return the server's responses and the other hosts' URLs requested."""
    context = browser.new_context()
    page = context.new_page()
    elsewhere: list[str] = []
    host = url.split("/", 3)[2]
    page.on("request", lambda request: elsewhere.append(request.url)
            if request.url.startswith("http") and request.url.split("/", 3)[2] != host else None)
    served.hits.clear()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(SETTLE_MS)
    hits = list(served.hits)
    context.close()
    return hits, elsewhere


def measure_weight(site: Path, prefix: str, log, search_index: str = SEARCH_INDEX) -> dict:
    """Weight and requests of every page; images apart; the search index (Material's unless named) on its own."""
    rows = []
    with serve_site(site, prefix) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in html_pages(site):
            hits, elsewhere = _load(browser, served.url + path, served)
            local = [(hit.path[len(prefix):], hit.body_bytes) for hit in hits]
            page = [(name, size) for name, size in local if not name.startswith(APART)]
            apart = [(name, size) for name, size in local if name.startswith(APART)]
            rows.append({
                "page": "/" + path,
                "bytes": sum(size for _, size in page),
                "requests": len(page),
                "search_index_bytes": sum(size for name, size in page if name == search_index),
                "images_apart_bytes": sum(size for _, size in apart),
                "images_apart_requests": len(apart),
                "other_hosts": sorted(set(elsewhere)),
                "files": dict(page + apart),
            })
            log(f"  /{path}: {rows[-1]['bytes'] / 1000:.1f} kB in {rows[-1]['requests']} requests"
                + (f", +{len(elsewhere)} to other hosts" if elsewhere else ""))
        browser.close()
    index = site / search_index
    compressed = next((row["search_index_bytes"] for row in rows if row["search_index_bytes"]), 0)
    return {"pages": rows, "search_index": {"bytes": index.stat().st_size if index.is_file() else 0,
                                            "compressed_bytes": compressed,
                                            "loaded_by_every_page": all(row["search_index_bytes"] for row in rows)}}
