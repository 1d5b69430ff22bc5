"""Check every internal link and #anchor of a built site as served under the sub-path, from the files alone.

Each page's links are resolved against the URL the page is served at (http://127.0.0.1/kursk-explainer/quotes/
for quotes/index.html; 404.html from a deep missing URL, as GitHub Pages serves it anywhere), then mapped back
to a file. A link whose #fragment names no id (or <a name>) on its target page is broken too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tools.site import MISSING_PATH, page_path
from tools.site_server import PREFIX

ORIGIN = "http://127.0.0.1:8000"
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:")
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "action", "data"}
META_URLS = {"og:url", "og:image", "twitter:image", "twitter:url"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, str]] = []  # (line, tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name in URL_ATTRIBUTES & values.keys():
            if tag == "object" and name != "data" or tag != "object" and name == "data":
                continue
            urls = [c.strip().split()[0] for c in values[name].split(",") if c.strip()] if name == "srcset" else [values[name]]
            self.links.extend((line, tag, url) for url in urls)
        if tag == "meta" and (values.get("property") or values.get("name")) in META_URLS:
            self.links.append((line, "meta", values.get("content", "")))


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    internal: int = 0
    anchors: int = 0
    external: int = 0
    pages: int = 0


@dataclass
class Site:
    root: Path
    site_url: str
    prefix: str = PREFIX  # the path the site is served under; a desk's is its address's path
    parsed: dict[str, _Page] = field(default_factory=dict)

    def parse(self, relative: str) -> _Page:
        if relative not in self.parsed:
            page = self.parsed[relative] = _Page()
            page.feed((self.root / relative).read_text(encoding="utf-8"))
            page.close()
        return self.parsed[relative]

    def served_at(self, relative: str) -> str:
        return ORIGIN + self.prefix + (MISSING_PATH if relative == "404.html" else page_path(relative))

    def check(self, url: str, base: str, report: Report) -> str | None:
        """Why `url`, found on the page served at `base`, is broken; None when it resolves (or is external)."""
        url = url.strip()
        if url.lower().startswith(NOT_FETCHED):
            return None
        if url.startswith(self.site_url):
            url = ORIGIN + self.prefix + url[len(self.site_url):]
        parts = urlsplit(urljoin(base, url))
        if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != ORIGIN:
            report.external += 1
            return None
        report.internal += 1
        path = unquote(parts.path)
        if path + "/" == self.prefix:
            path = self.prefix
        if not path.startswith(self.prefix):
            return f"resolves to {path}, outside {self.prefix}"
        relative = path[len(self.prefix):]
        if relative == "" or relative.endswith("/"):
            target = relative + "index.html"
        elif (self.root / relative).is_dir():
            target = relative + "/index.html"
        else:
            target = relative
        if not (self.root / target).is_file():
            return f"resolves to {path}, and there is no {target} in the site"
        if parts.fragment and target.endswith(".html"):
            report.anchors += 1
            if unquote(parts.fragment) not in self.parse(target).ids:
                return f"#{parts.fragment}: no element has that id on {target}"
        return None


def check_links(root: Path, site_url: str, prefix: str = PREFIX) -> Report:
    """Every URL in every page (href, src, srcset, social meta tags) of the built site at `root`, served under
    `prefix`."""
    site, report = Site(root, site_url, prefix), Report()
    for page in sorted(root.rglob("*.html")):
        relative = str(page.relative_to(root))
        report.pages += 1
        for line, tag, url in site.parse(relative).links:
            problem = site.check(url, site.served_at(relative), report)
            if problem:
                report.problems.append(f"{relative}:{line}: <{tag}> {url!r} {problem}")
    return report


def check_search_index(root: Path, site_url: str) -> Report:
    """Every location in search/search_index.json: search results link to them."""
    site, report = Site(root, site_url), Report()
    for doc in json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]:
        problem = site.check(doc["location"], ORIGIN + PREFIX, report)
        if problem:
            report.problems.append(f"search index: {doc['location']!r} ({doc['title']}) {problem}")
    return report


def check_sitemap(root: Path, site_url: str) -> Report:
    site, report = Site(root, site_url), Report()
    for url in re.findall(r"<loc>([^<]+)</loc>", (root / "sitemap.xml").read_text(encoding="utf-8")):
        if not url.startswith(site_url):
            report.problems.append(f"sitemap.xml: {url} is not under {site_url}")
            continue
        problem = site.check(url, ORIGIN + PREFIX, report)
        if problem:
            report.problems.append(f"sitemap.xml: {url} {problem}")
    return report
