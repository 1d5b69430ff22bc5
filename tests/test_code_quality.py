"""The code passes the linter and the type checker, both configured in pyproject.toml."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


def test_no_template_line_is_over_120_characters() -> None:
    """Templates keep the pages' structure; wording and punctuation that depend on the content are built in
    generator/pages/wording.py, and a long paragraph is written over lines inside `{% filter one_line %}`."""
    templates = sorted((ROOT / "generator" / "pages" / "templates").glob("*.j2"))
    assert len(templates) > 5, "the templates are not where this test looks"
    long = [f"{path.relative_to(ROOT)}:{number}: {len(line)} characters"
            for path in templates
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if len(line) > 120]
    assert not long, "\n".join(long)


def _imported_modules(path: Path, package: str, modules: set[str]) -> set[str]:
    """The generator's modules that a module imports, type-checking imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            found |= {f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target
                      for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found & modules


def test_no_module_of_the_generator_imports_itself_back() -> None:
    """An import circle, even one only for type checking, means two modules that cannot be read apart."""
    paths = {".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
             for path in (ROOT / "generator").rglob("*.py")}
    graph = {name: _imported_modules(path, name if path.name == "__init__.py" else name.rpartition(".")[0],
                                     set(paths)) - {name} for name, path in paths.items()}
    circles = []
    for start in sorted(graph):
        reached, frontier = set(), list(graph[start])
        while frontier:
            module = frontier.pop()
            if module not in reached:
                reached.add(module)
                frontier.extend(graph[module])
        if start in reached:
            circles.append(start)
    assert not circles, f"modules that import themselves back, through others: {circles}"



def _generator_modules() -> dict[str, Path]:
    return {".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
            for path in sorted((ROOT / "generator").rglob("*.py"))}


def test_no_module_imports_a_private_name_of_another() -> None:
    """A name with a leading underscore is its module's own business: another module that needs it needs a public
    helper, or the two modules are one."""
    private = [f"{path.relative_to(ROOT)}:{node.lineno}: {alias.name} from {node.module or '.'}"
               for path in _generator_modules().values()
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.ImportFrom)
               for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert not private, "\n".join(private)


def test_no_two_modules_or_public_classes_share_a_name() -> None:
    """A newcomer who reads `dates` or `Passage` should not have to ask which one: names say their stage's meaning."""
    modules: dict[str, list[str]] = {}
    classes: dict[str, list[str]] = {}
    for name, path in _generator_modules().items():
        if path.stem not in {"__init__", "__main__"}:
            modules.setdefault(path.stem, []).append(name)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                classes.setdefault(node.name, []).append(name)
    shared = {name: places for name, places in (modules | classes).items() if len(places) > 1}
    assert not shared, shared


COMPLEXITY_LIMIT = 15  # radon's cyclomatic complexity: a function above it is split before it grows further


def _complexities(folder: Path) -> dict[str, int]:
    """Every function's and method's cyclomatic complexity, by "path:Class.name"."""
    from radon.complexity import cc_visit  # a test tool, in requirements-dev.in

    found = {}
    for path in sorted(folder.rglob("*.py")):
        blocks = list(cc_visit(path.read_text(encoding="utf-8")))
        while blocks:
            block = blocks.pop()
            blocks.extend([*getattr(block, "methods", []), *getattr(block, "closures", [])])
            if not hasattr(block, "methods"):  # a function or method, not a class
                found[f"{path.relative_to(ROOT).as_posix()}:{block.fullname}"] = block.complexity
    return found


def test_no_function_of_the_generator_is_too_complex() -> None:
    too_complex = [f"{name}: {value}" for name, value in sorted(_complexities(ROOT / "generator").items())
                   if value > COMPLEXITY_LIMIT]
    assert not too_complex, f"above cyclomatic complexity {COMPLEXITY_LIMIT}, split them:\n" + "\n".join(too_complex)


def test_the_mkdocs_hook_only_maps_events_onto_plain_code() -> None:
    """The hook is a map of MkDocs events, as mkdocs-gen-files' plugin is: the work lives in modules that can be
    read, tested and shared with the other engines."""
    hook = ROOT / "generator" / "engines" / "mkdocs_hooks.py"
    lines = hook.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 80, f"{hook.relative_to(ROOT)} has {len(lines)} lines; move the work out of it"
