"""The dependency files agree: each direct dependency is pinned once with its reason, and the locks match them.

`make serve` installs requirements.txt and `make test` requirements-dev.txt, so a test tool that slips into the
runtime lock, or a runtime pin that differs between the two locks, would go unnoticed without these checks.
"""

from __future__ import annotations

import re

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s#;]+)")


def pins(name: str) -> dict[str, str]:
    found = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def direct_lines(name: str) -> list[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_every_direct_dependency_is_pinned_with_its_reason() -> None:
    for name in ("requirements.in", "requirements-dev.in"):
        for line in direct_lines(name):
            assert PIN.match(line), f"{name}: {line!r} is not pinned with =="
            assert "#" in line and line.split("#", 1)[1].strip(), f"{name}: {line!r} gives no reason"


def test_the_runtime_lock_holds_the_runtime_dependencies_and_no_test_tool() -> None:
    runtime, runtime_lock = pins("requirements.in"), pins("requirements.txt")
    for package, version in runtime.items():
        assert runtime_lock.get(package) == version, f"requirements.txt pins {package} differently"
    for package in pins("requirements-dev.in"):
        assert package not in runtime_lock, f"{package} is a test tool but make serve would install it"


def test_the_dev_lock_pins_the_runtime_tree_the_same_way() -> None:
    dev_lock = pins("requirements-dev.txt")
    for package, version in {**pins("requirements.txt"), **pins("requirements-dev.in")}.items():
        assert dev_lock.get(package) == version, f"requirements-dev.txt pins {package} differently"


# Modules the package imports that come with a declared dependency: pydantic pins its own core exactly, and
# zensical is an engine, pinned in requirements-engines/ and imported only when that engine runs.
PROVIDED = {"pydantic_core": "pydantic", "zensical": "requirements-engines/zensical.txt"}


def test_every_module_the_package_imports_is_a_declared_dependency() -> None:
    """A module used only because another dependency happens to pull it in breaks when that one drops it."""
    import ast
    import importlib.metadata
    import sys

    distributions = importlib.metadata.packages_distributions()
    declared = set(pins("requirements.in"))
    imported: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "generator"}
    assert len(third_party) > 10, "the imports were not found"
    undeclared = sorted(name for name in third_party - set(PROVIDED)
                        if not {re.sub(r"[-_.]+", "-", dist).lower() for dist in distributions.get(name, [name])}
                        & declared)
    assert not undeclared, f"imported but not in requirements.in: {undeclared}"
