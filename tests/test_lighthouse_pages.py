"""`make bench`'s Lighthouse section audits the desk's front page as well as every page of a story's navigation.

Lighthouse itself is left out here (it is installed by `make bench`, not `make test`): each audit is replaced by
fetching the page it would audit, so that the test sees which pages were served to it and from which site.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import lighthouse_audit  # noqa: E402
import run  # noqa: E402

SCORES = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100, "lcp_ms": 1.0, "tbt_ms": 0.0,
          "cls": 0.0, "benchmark_index": 1000, "failed_audits": [], "console_errors": []}


def test_the_lighthouse_section_audits_the_desk_front_page_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    audited: dict[str, str] = {}

    def fetch_instead(url: str, desktop: bool, out: Path) -> dict:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the local test server
            audited[url] = response.read().decode("utf-8")
        return SCORES

    monkeypatch.setattr(lighthouse_audit, "install", lambda: None)
    monkeypatch.setattr(lighthouse_audit, "_audit", fetch_instead)
    monkeypatch.setattr(run, "WORK", tmp_path)
    monkeypatch.setattr(sys, "argv", ["run.py", "--only", "lighthouse", "--lighthouse-runs", "1"])
    run.main()
    rows = json.loads((tmp_path / "results-partial.json").read_text(encoding="utf-8"))["lighthouse"]
    front = [row for row in rows if row["page"] == "/ (desk front page)"]
    assert [row["form_factor"] for row in front] == ["mobile", "desktop"]
    desk_pages = [html for url, html in audited.items() if "/kursk-explainer/" not in url]
    assert len(desk_pages) == 1 and all('href="kursk-explainer/"' in html for html in desk_pages), "the front page"
    assert {row["page"] for row in rows} >= {"/", "/quotes/", "/sources/", "/ (desk front page)"}
