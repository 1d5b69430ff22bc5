"""The command line, run as an editor runs it: in-process with click's runner, or as a real process."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

from click.testing import CliRunner

from generator.cli import main
from tools import ROOT


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Run:
    """`python -m generator ARGS` in this process; any exception but a clean exit fails the test."""
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def run_command(*args: str) -> Run:
    """`python -m generator ARGS` in a fresh process from the repository, as typed in a shell."""
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    return Run(result.returncode, result.stdout, result.stderr)
