"""The desk: every story of stories/ is a microsite of its own under <desk address><slug>/, with nothing of another
story in any of its files, and the front page and feed list them all, newest update first."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, build_env
from tools.edits import copy_story

from generator.content.desk_layout import desk_stories, story_address
from generator.content.load import load_story
from generator.content.schema import story_schema
from generator.pages.identity import site_identity

DESK_ADDRESS = "https://desk.example/explainers/"  # where another newsroom would publish its desk
ATOM = "{http://www.w3.org/2005/Atom}"


def desk_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "desk-build", "--site", str(site)], cwd=project,
                          env=build_env(SITE_URL=DESK_ADDRESS, **env), capture_output=True, text=True, timeout=900)


def desk_project(tmp_path: Path, *stories: Path) -> Path:
    """A repository of its own: this project's config, docs and generator, and `stories` in its stories/."""
    project = tmp_path / "desk"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "generator").symlink_to(ROOT / "generator")  # mkdocs.yml names the hook by this path
    for story in stories:
        copy_story(story, project / "stories" / story.name)
    return project


@dataclass(frozen=True)
class Marks:
    """What is a story's own: the words and addresses no other story's files may hold."""

    slug: str
    address: str
    words: frozenset[str]


def story_marks(folder: Path) -> Marks:
    story = load_story(folder).story
    words = {folder.name, site_identity(story).name, story.meta.headline, story.article.headline,
             story.article.url, story.article.outlet, *(person.name for person in story.people)}
    # The schema every story publishes names examples in its field descriptions ("the NASA news release").
    generic = json.dumps(story_schema(), ensure_ascii=False)
    return Marks(folder.name, story_address(DESK_ADDRESS, folder.name),
                 frozenset(word for word in words if word not in generic))


def text_of(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return html.unescape(data.decode("utf-8", errors="ignore"))


@pytest.fixture(scope="module")
def desk_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("desk") / "site"
    result = desk_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_desk_holds_the_kursk_story_and_at_least_three_others() -> None:
    slugs = [folder.name for folder in desk_stories(ROOT)]
    assert "kursk-explainer" in slugs and len(slugs) >= 4, slugs


def test_every_file_of_a_story_holds_nothing_of_another_story(desk_site: Path) -> None:
    marks = [story_marks(folder) for folder in desk_stories(ROOT)]
    shared = set.intersection(*(set(mark.words) for mark in marks))
    assert not shared, f"words every story has cannot tell them apart: {shared}"
    for mark in marks:
        files = [path for path in (desk_site / mark.slug).rglob("*") if path.is_file() and path.suffix != ".png"]
        assert any(path.name == "search_index.json" for path in files)
        assert any(path.name == "sitemap.xml" for path in files)
        for path in files:
            text = text_of(path)
            for other in marks:
                if other is mark:
                    continue
                # A word both stories own (two NASA releases share "nasa.gov") tells nothing of a leak.
                found = [word for word in other.words - mark.words if word in text]
                assert not found, f"{path.relative_to(desk_site)} holds {other.slug}'s {found}"
            addresses = set(re.findall(re.escape(DESK_ADDRESS) + r"[^\s\"'<>)]*", text))
            assert all(address.startswith(mark.address) for address in addresses), \
                f"{path.relative_to(desk_site)}: {sorted(a for a in addresses if not a.startswith(mark.address))}"


def test_each_story_is_published_under_its_own_address(desk_site: Path) -> None:
    for folder in desk_stories(ROOT):
        address = story_address(DESK_ADDRESS, folder.name)
        home = (desk_site / folder.name / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{address}">' in home
        assert f'<meta property="og:url" content="{address}">' in home
        assert f'<meta property="og:image" content="{address}images/share/index.png">' in home
        assert (desk_site / folder.name / "images" / "share" / "index.png").is_file()
        assert f"<loc>{address}</loc>" in (desk_site / folder.name / "sitemap.xml").read_text(encoding="utf-8")
        assert "Report an error on this page" in home
        not_found = (desk_site / folder.name / "404.html").read_text(encoding="utf-8")
        assert f'href="/explainers/{folder.name}/assets/stylesheets/' in not_found


def test_the_front_page_lists_every_story_newest_update_first(desk_site: Path) -> None:
    front = (desk_site / "index.html").read_text(encoding="utf-8")
    stories = {folder.name: load_story(folder).story for folder in desk_stories(ROOT)}
    places = {}
    for slug, story in stories.items():
        assert f'<a href="{slug}/">{html.escape(story.meta.headline)}</a>' in front
        assert f'<img src="{slug}/images/share/index.png"' in front
        assert html.escape(story.meta.standfirst or story.meta.summary) in front
        assert f'<time datetime="{story.meta.published.isoformat()}">' in front
        places[slug] = front.index(f'<a href="{slug}/">')
    newest = sorted(stories, key=lambda slug: max([stories[slug].meta.published,
                                                    *(change.date for change in stories[slug].changes)]),
                    reverse=True)
    assert sorted(places, key=places.__getitem__) == newest
    assert '<meta http-equiv="Content-Security-Policy"' in front, "finished as every page is"
    assert 'type="application/atom+xml"' in front
    requests = re.findall(r"""\bsrc="([^"]*)"|<link rel="(?:stylesheet|preload|icon)"[^>]*href="([^"]*)""", front)
    assert requests and not [url for pair in requests for url in pair if "//" in url], "no request to another host"


def test_the_feed_has_an_entry_per_story_at_its_address(desk_site: Path) -> None:
    feed = ElementTree.parse(desk_site / "feed.xml").getroot()
    entries = {entry.findtext(f"{ATOM}id"): entry for entry in feed.iter(f"{ATOM}entry")}
    for folder in desk_stories(ROOT):
        story = load_story(folder).story
        entry = entries[story_address(DESK_ADDRESS, folder.name)]
        assert entry.findtext(f"{ATOM}title") == story.meta.headline
        assert entry.findtext(f"{ATOM}published") == story.meta.published.isoformat()
    assert len(entries) == len(desk_stories(ROOT))


def test_a_story_nobody_has_seen_builds_under_its_own_address_with_no_change(tmp_path: Path) -> None:
    unseen = copy_story(ROOT / "tests" / "corpus" / "wire-disputed-election", tmp_path / "veltrany-election")
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer", unseen)
    result = desk_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site" / "veltrany-election" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{DESK_ADDRESS}veltrany-election/">' in home
    assert "Veltrany" in home and "Kursk" not in home
    assert '<a href="veltrany-election/">' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_story_folder_whose_name_is_no_address_is_named_in_the_error(tmp_path: Path) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer")
    copy_story(ROOT / "tests" / "fixtures" / "second-story", project / "stories" / "Second Story")
    result = desk_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "stories/Second Story/story.yaml:1:1: the folder name 'Second Story' becomes the story's address" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_a_story_that_fails_is_named_and_the_others_still_build(tmp_path: Path) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer", ROOT / "tests" / "fixtures" / "second-story")
    story = project / "stories" / "second-story" / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("speaker: ", "speaker: nobody-", 1), encoding="utf-8")
    result = desk_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "[second-story] ERROR - stories/second-story/story.yaml:" in result.stderr
    assert "stories/second-story: FAILED" in result.stdout
    assert (tmp_path / "site" / "kursk-explainer" / "index.html").is_file()
    assert "Traceback" not in result.stderr


def generator(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=build_env(STORY=""),
                          capture_output=True, text=True, timeout=300)


def test_check_checks_every_story_and_names_the_story_of_each_message(tmp_path: Path) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer", ROOT / "tests" / "fixtures" / "second-story")
    story = project / "stories" / "second-story" / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("speaker: ada-quill", "speaker: ada-quil", 1),
                     encoding="utf-8")
    result = generator(project, "check")
    assert result.returncode == 1
    assert "[kursk-explainer] stories/kursk-explainer/story.yaml: OK:" in result.stdout
    assert re.search(r"^\[second-story\] stories/second-story/story\.yaml:\d+:\d+: quotes\[0\]\.speaker: .*'ada-quill'",
                     result.stderr, re.MULTILINE), result.stderr
    assert "1 of 2 stories have mistakes: second-story" in result.stderr


def test_new_and_draft_add_stories_that_the_desk_builds_at_once(tmp_path: Path) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer")
    assert generator(project, "new", "stories/harbour-reopens").returncode == 0
    article = ROOT / "tests" / "corpus" / "nasa-ingenuity-ends" / "article.txt"
    drafted = generator(project, "draft", str(article), "--out", "stories/ingenuity-ends")
    assert drafted.returncode == 0, drafted.stderr
    result = desk_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    front = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for slug in ("harbour-reopens", "ingenuity-ends", "kursk-explainer"):
        assert f'<a href="{slug}/">' in front
        home = (tmp_path / "site" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{DESK_ADDRESS}{slug}/">' in home


def test_new_refuses_a_story_folder_whose_name_is_no_address(tmp_path: Path) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer")
    result = generator(project, "new", "stories/Harbour_Reopens")
    assert result.returncode == 1
    assert "the folder name 'Harbour_Reopens' becomes the story's address" in result.stderr
    assert not (project / "stories" / "Harbour_Reopens").exists()


def test_a_repository_of_one_story_in_content_builds_as_before(tmp_path: Path, desk_site: Path) -> None:
    """No stories/ folder: content/ is the story and site_url its own address, as before desks; its site is the
    one the desk publishes for the same story, but for the path of "edit this page"."""
    project = desk_project(tmp_path)
    copy_story(ROOT / "stories" / "kursk-explainer", project / "content")
    single = tmp_path / "single"
    address = story_address(DESK_ADDRESS, "kursk-explainer")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(single)],
                            cwd=project, env=build_env(STORY="", SITE_URL=address), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    files = sorted(path.relative_to(single) for path in single.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(desk_site / "kursk-explainer")
                           for path in (desk_site / "kursk-explainer").rglob("*") if path.is_file())
    for path in files:
        built, published = single / path, desk_site / "kursk-explainer" / path
        if path.suffix in (".png", ".svg", ".js", ".css"):
            assert built.read_bytes() == published.read_bytes(), path
            continue
        assert text_of(built).replace("/content/story.yaml", "/stories/kursk-explainer/story.yaml") \
            == text_of(published), path


def test_the_desk_s_settings_reach_every_story_that_leaves_them_unsaid(tmp_path: Path) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer", ROOT / "tests" / "fixtures" / "second-story")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    language: en\n", "    language: en-GB\n    report_url: mailto:corrections@news.example\n", 1),
        encoding="utf-8")
    story = project / "stories" / "second-story" / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace(
        "\narticle:", "\nsite:\n  report_url: https://news.example/corrections\narticle:", 1), encoding="utf-8")
    result = desk_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    kursk = (tmp_path / "site" / "kursk-explainer" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:corrections@news.example?subject=Error%20on%3A%20' in kursk
    assert '<html lang="en-GB"' in kursk or "<html lang=en-GB" in kursk
    second = (tmp_path / "site" / "second-story" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://news.example/corrections?title=Error%20on%3A%20' in second
    front = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:corrections@news.example?subject=' in front


def test_a_wrong_desk_setting_is_named_with_its_line_in_mkdocs_yml(tmp_path: Path) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("    date_style: day-first", "    date_style: sideways", 1)
    config.write_text(text, encoding="utf-8")
    line = text[: text.index("    date_style: sideways")].count("\n") + 1
    result = desk_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}:5: extra.desk.date_style: 'sideways' is not a date style; write day-first or " \
           "month-first" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("folder", ["docs", "docs/built", "stories/kursk-explainer/site"])
def test_the_desk_is_never_built_into_a_folder_it_is_made_from(tmp_path: Path, folder: str) -> None:
    project = desk_project(tmp_path, ROOT / "stories" / "kursk-explainer")
    before = sorted(path.relative_to(project) for path in (project / "docs").rglob("*"))
    result = subprocess.run([sys.executable, "-m", "generator", "desk-build", "--site", folder], cwd=project,
                            env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"refusing to build into {folder}: it is emptied first" in result.stderr
    assert sorted(path.relative_to(project) for path in (project / "docs").rglob("*")) == before
    assert (project / "stories" / "kursk-explainer" / "story.yaml").is_file()
