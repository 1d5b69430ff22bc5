"""The code passes the linter and the type checker, both configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "generator", "scripts", "tests", "benchmarks"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    # What to check, how strictly, and the cache that keeps later runs to seconds: [tool.mypy] in pyproject.toml.
    result = subprocess.run([sys.executable, "-m", "mypy"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
