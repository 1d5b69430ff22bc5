"""A description of the machine and software the figures were measured with."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

from sites import BENCH, ROOT


def _first_line(command: list[str]) -> str | None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30, cwd=ROOT)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip().splitlines()[0] if result.returncode == 0 and result.stdout.strip() else None


def _proc_field(path: str, name: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _os_name() -> str:
    try:
        fields = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
    except OSError:
        fields = {}
    pretty = fields.get("PRETTY_NAME", "").strip('"') or platform.system()
    return f"{pretty} ({platform.system()} {platform.release()}, {platform.machine()})"


def describe() -> dict:
    memory_kb = _proc_field("/proc/meminfo", "MemTotal")
    lighthouse = BENCH / "node_modules" / "lighthouse" / "package.json"
    commit = _first_line(["git", "rev-parse", "--short", "HEAD"])
    dirty = _first_line(["git", "status", "--porcelain", "--untracked-files=no"])
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or platform.machine(),
        "memory_gb": round(int(memory_kb.split()[0]) / 1024 / 1024, 1) if memory_kb else None,
        "os": _os_name(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "chromium": _first_line(["/usr/bin/chromium", "--version"]),
        "node": _first_line(["node", "--version"]),
        "lighthouse": json.loads(lighthouse.read_text())["version"] if lighthouse.is_file() else None,
        "load_average_1min": round(os.getloadavg()[0], 2),  # other work on the machine skews the timings
        "commit": f"{commit}{' (with uncommitted changes)' if dirty else ''}" if commit else None,
    }
