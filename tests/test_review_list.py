"""The review list of a draft: every `# REVIEW:` marker left, by line, field and reason, linked from the Draft
banner on every page, and gone once no marker is left."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from conftest import ROOT, build_env, mkdocs_build
from tools import require
from tools.site import visible_text

from generator.content.review import ReviewItem, matters_most, review_items
from generator.content.yamlfile import load_yaml
from generator.draft.drafting import draft_story
from generator.generate import generate_site
from generator.pages.review_page import review_page

NOW = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
ARTICLE = ROOT / "tests" / "corpus" / "ferry-evening-sailings" / "article.txt"

STORY = """\
# A header comment is no marker.
meta:
  headline: "Harbour reopens"  # REVIEW: the article's headline as a stand-in
quotes:
  - id: first
    text: "We are open"
  - id: second
    text: "Ferries <b>run</b> again"
    speaker: mayor  # REVIEW: from the words 'said the <mayor>'
    how: said  # REVIEW: the attribution's verb
takeaways: []  # REVIEW: to write: three to five takeaways
"""


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review") / "draft"
    draft_story(ARTICLE, out, NOW)
    return out


def test_each_marker_is_listed_with_its_line_field_and_reason_in_story_order(tmp_path: Path) -> None:
    path = tmp_path / "story.yaml"
    path.write_text(STORY, encoding="utf-8")
    document, problems = load_yaml(path, "story.yaml")
    assert document is not None and not problems
    assert review_items(STORY, document.positions) == [
        ReviewItem(3, "meta.headline", "the article's headline as a stand-in"),
        ReviewItem(9, "quotes[1].speaker", "from the words 'said the <mayor>'"),
        ReviewItem(10, "quotes[1].how", "the attribution's verb"),
        ReviewItem(11, "takeaways", "to write: three to five takeaways"),
    ]
    page = review_page(review_items(STORY, document.positions))
    assert "from the words 'said the &lt;mayor&gt;'" in page and "<mayor>" not in page, "the article's words as text"


def test_the_review_list_of_a_draft_names_each_marker_and_goes_with_the_last_one(draft: Path, tmp_path: Path) -> None:
    story = draft / "story.yaml"
    lines = story.read_text(encoding="utf-8").split("\n")
    speaker_line = next(number for number, line in enumerate(lines, start=1)
                        if line.strip().startswith("speaker:") and "# REVIEW:" in line)
    pages = generate_site(draft, "Test").pages
    review = pages["review.md"]
    assert "then delete its `# REVIEW:` comment" in review
    reason = lines[speaker_line - 1].split("# REVIEW:", 1)[1].strip()
    # "The council said ...": the council is Strand County Council, named in the lede; the marker asks.
    assert f"- **Line {speaker_line}** <code>statements\\[1\\].speaker</code>: " in review
    assert reason.split("'")[0] in review
    # Every marker, those on who said what, when and what a speaker is first, each group in story order.
    document, _ = load_yaml(story, "story.yaml")
    items = review_items(story.read_text(encoding="utf-8"), document.positions if document else None)
    listed = [int(number) for number in re.findall(r"^- \*\*Line (\d+)\*\*", review, re.M)]
    assert listed == [item.line for item in items if matters_most(item)] + \
        [item.line for item in items if not matters_most(item)]
    assert sorted(listed) == [number for number, line in enumerate(lines, start=1) if re.search(r"\s# REVIEW:", line)]
    assert review.index("## First: who said what") < review.index(f"**Line {speaker_line}**") < \
        review.index("## Then: what to write or confirm")
    for path, text in pages.items():
        if path.endswith(".md") and path != "review.md":
            assert "[list of items to review](review.md)" in text, path

    done = tmp_path / "done"
    draft_story(ARTICLE, done, NOW)
    (done / "story.yaml").write_text(re.sub(r"  # REVIEW:.*", "", (done / "story.yaml").read_text(encoding="utf-8")),
                                     encoding="utf-8")
    pages = generate_site(done, "Test").pages
    assert "review.md" not in pages
    assert not any("review.md" in text for text in pages.values())


def test_the_draft_banner_links_to_the_review_list_under_the_sub_path(draft: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(site, STORY=str(draft))
    assert result.returncode == 0, result.stderr
    quotes = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'see the <a href="\.\./review/">list of items to review</a>', quotes), "a relative link"
    review = (site / "review" / "index.html").read_text(encoding="utf-8")
    text = visible_text(review)
    assert "Left to review" in text and "Draft: not yet reviewed" in text
    assert re.search(r"Line \d+ statements\[1\]\.speaker : from the words", text), text[:2000]
    assert "review/" not in (site / "search" / "search_index.json").read_text(encoding="utf-8"), \
        "readers' search never finds it"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="review/"' in home
    assert "review/" not in re.findall(r'<a href="([^"]*)" class="md-nav__link', home), "not in the navigation"


def _run(*command: str, **env: str) -> None:
    result = subprocess.run([sys.executable, *command], cwd=ROOT, env=build_env(**env), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_the_other_engines_build_the_review_list_and_its_link(draft: Path, tmp_path: Path, engine: str) -> None:
    require(find_spec(engine), f"{engine} is not installed (make .venv/.engine-{engine})")
    site = tmp_path / "site"
    if engine == "properdocs":
        _run("-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site), STORY=str(draft))
    else:  # as `make build ENGINE=zensical` builds it: the generator writes the pages, Zensical builds them
        config = tmp_path / "mkdocs.generated.yml"
        _run("-m", "generator", "engine-docs", str(draft), "--out", str(tmp_path / "docs"), "--engine-config",
             str(config))
        _run("-m", "zensical", "build", "--strict", "-f", str(config))
    quotes = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    assert 'see the <a href="../review/">list of items to review</a>' in quotes
    text = visible_text((site / "review" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"Line \d+ statements\[1\]\.speaker : from the words", text), text[:2000]
