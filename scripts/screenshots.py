"""Screenshots of the overview at 375 px and 1280 px wide, in light and dark mode, for the README.

Usage: python scripts/screenshots.py [SITE_DIR] [OUT_DIR]
Builds the site first when SITE_DIR is not given; writes OUT_DIR/overview-{375,1280}-{light,dark}.png
(default OUT_DIR: screenshots/). Needs Playwright and Chromium (`make node_modules/.installed system-deps`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402
from tools import launch_chromium  # noqa: E402
from tools.site_server import serve  # noqa: E402

WIDTHS = {375: 812, 1280: 900}  # width -> height of the first screen
SCHEMES = ("light", "dark")


def build(site: Path) -> None:
    """The Kursk story's site (or STORY's), as the screenshots in the README show it."""
    env = {**os.environ, "STORY": os.environ.get("STORY") or "stories/kursk-explainer"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                   check=True, env=env)


def take(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for width, height in WIDTHS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                              device_scale_factor=1, service_workers="block")
                page = context.new_page()
                page.goto(base_url, wait_until="networkidle")
                path = out / f"overview-{width}-{scheme}.png"
                page.screenshot(path=str(path))  # the first screen, as a reader lands on it
                written.append(path)
                context.close()
        browser.close()
    return written


def main() -> None:
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "screenshots"
    if len(sys.argv) > 1:
        written = take(Path(sys.argv[1]), out)
    else:
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder) / "site")
            written = take(Path(folder) / "site", out)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
