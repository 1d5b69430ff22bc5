"""A new page type takes five files: the schema, a template, the page declaration, the docs and a golden.

The test adds a glossary that way to a copy of the repository and builds it with `mkdocs build --strict`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SECOND_STORY, build_env
from tools.site import visible_text

SCHEMA_MODEL = '''

class GlossaryEntry(Model):
    """A term the story uses, explained."""

    term: Text = Field(description="The term as the story uses it.")
    meaning: Text = Field(description="What it means, in one or two sentences.")
'''
SCHEMA_FIELD = '    glossary: list[GlossaryEntry] = Field(default=[], description="Terms the story uses, explained.")\n'
TEMPLATE = """\
# {{ title }}

{% for entry in story.glossary %}
- **{{ entry.term }}**: {{ entry.meaning }}
{% else %}
No terms yet.
{% endfor %}
"""
DECLARATION = """\
    PageType(
        "glossary", title=_constant("Glossary"), description=_constant("The terms the story uses, explained."),
        nav_label="Glossary", read_on="the terms the story uses, explained.",
    ),
"""
STORY_ENTRIES = """
glossary:
  - term: Pier
    meaning: A platform on posts where <ferries> berth.
"""


def _insert(path: Path, before: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count(before) == 1, f"{before!r} is not unique in {path}"
    path.write_text(source.replace(before, text + before), encoding="utf-8")


def _append_to_class(path: Path, header: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    end = source.index("\n\n\n", source.index(header))
    path.write_text(source[:end] + "\n" + text.rstrip("\n") + source[end:], encoding="utf-8")


def _copy_of_the_repository(target: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def _run(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=repo, env=build_env(PYTHONPATH=str(repo), **env),
                          capture_output=True, text=True, timeout=600)


def test_a_glossary_page_takes_five_files_and_builds_strictly(tmp_path: Path) -> None:
    repo = _copy_of_the_repository(tmp_path / "repo")
    # 1. The schema.
    _insert(repo / "generator" / "content" / "schema.py", "\n\nclass Story(Model):", SCHEMA_MODEL)
    _append_to_class(repo / "generator" / "content" / "schema.py", "class Story(Model):", SCHEMA_FIELD)
    # 2. A template.
    (repo / "generator" / "pages" / "templates" / "glossary.md.j2").write_text(TEMPLATE, encoding="utf-8")
    # 3. The page declaration.
    _insert(repo / "generator" / "pages" / "page_types.py", "    PageType(\n        \"article\",", DECLARATION)
    # 4. The docs: the field tables are written from the schema.
    tables = _run(repo, "-m", "generator.content.field_docs")
    assert tables.returncode == 0, tables.stderr
    assert "### `glossary[]`" in (repo / "docs" / "editing.md").read_text(encoding="utf-8")
    # 5. A golden, written by the golden test itself.
    golden = _run(repo, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--update-goldens",
                  "tests/test_pages_golden.py::test_pages_match_the_golden_files")
    assert golden.returncode == 0, golden.stdout + golden.stderr
    assert "No terms yet." in (repo / "tests" / "golden" / "glossary.md").read_text(encoding="utf-8")
    docs = _run(repo, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_docs.py")
    assert docs.returncode == 0, docs.stdout + docs.stderr

    story = tmp_path / "story"
    shutil.copytree(SECOND_STORY, story)
    with open(story / "story.yaml", "a", encoding="utf-8") as handle:
        handle.write(STORY_ENTRIES)
    site = tmp_path / "site"
    build = _run(repo, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), STORY=str(story))
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr

    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Pier : A platform on posts where <ferries> berth." in visible_text(glossary)
    assert "<ferries>" not in glossary
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary/"' in home, "the glossary is in the nav and the overview's 'Read on' list"
    assert "Glossary : the terms the story uses, explained." in visible_text(home)
    assert (site / "images" / "share" / "glossary.png").is_file()
