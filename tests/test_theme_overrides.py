"""The theme overrides: read from the folder the config names, copied partials kept in step with Material, and
the theme's markup mended on the built page (generator/site/finish.py), never in a copied partial."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import material
import pytest
from conftest import CONTENT, MKDOCS, ROOT, build_env
from tools.edits import copy_story
from tools.site import built_pages, theme_overrides

from generator.engines.hookless_finish import overrides_folder
from generator.site import csp
from generator.site.finish import repair_theme_html

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
COPIED = re.compile(r"(?:Copied from|Replaces) Material for MkDocs [\d.]+, (?P<original>partials/\S+\.html) "
                    r"\(sha256 (?P<sha256>[0-9a-f]{64})\)\.")
# A script only the folder elsewhere has, in a block main.html already overrides.
ELSEWHERE_SCRIPT = 'document.documentElement.dataset.overrides="elsewhere"'


def shadowing_partials() -> list[Path]:
    """Every template of the overrides folder that takes the place of one of Material's."""
    folder = theme_overrides()
    return sorted(path for path in folder.rglob("*.html")
                  if (MATERIAL_TEMPLATES / path.relative_to(folder)).is_file() and path.name != "main.html")


@pytest.mark.parametrize("copy", shadowing_partials(), ids=lambda path: path.relative_to(theme_overrides()).as_posix())
def test_every_copied_partial_is_still_a_copy_of_the_material_original(copy: Path) -> None:
    """A copied partial keeps Material's markup as it was; when Material changes it, the copy must be made again."""
    record = COPIED.search(copy.read_text(encoding="utf-8"))
    name = copy.relative_to(ROOT)
    assert record, (f"{name} takes the place of Material's template of that name: say in its first comment why it is "
                    "copied and 'Copied from Material for MkDocs <version>, partials/<name>.html (sha256 <hash>).' (or 'Replaces ...' "
                    "for a template emptied on purpose)")
    original = MATERIAL_TEMPLATES / record["original"]
    installed = hashlib.sha256(original.read_bytes()).hexdigest()
    assert installed == record["sha256"], (
        f"{name} was copied from Material's {record['original']}, which has changed since (sha256 {record['sha256']} "
        f"then, {installed} now): copy {original} again, re-apply the change its comment describes, and record the "
        "new version and sha256 in the comment.")


def test_the_copied_partials_are_those_no_block_or_setting_can_replace() -> None:
    """Markup the theme gets wrong is mended on the built page (generator/site/finish.py); a copy is kept only for
    what a page needs that no block, setting or repair of the built page gives."""
    assert [path.relative_to(theme_overrides()).as_posix() for path in shadowing_partials()] == [
        "partials/actions.html", "partials/javascripts/palette.html", "partials/palette.html"]


# The theme's markup mended on the built page -----------------------------------------------------------------

TOC_LABEL = '<label class="md-nav__title" for="__toc">'
SOURCE_LINK = '<a href="https://example.org/r" title="Go to repository" class="md-source" data-md-component="source">'


def test_the_contents_title_labels_the_toc_checkbox_only_where_the_page_has_one() -> None:
    in_nav = f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">{TOC_LABEL}'
    assert repair_theme_html(in_nav) == in_nav
    assert repair_theme_html(TOC_LABEL) == '<label class="md-nav__title">'


def test_the_repository_link_is_kept_but_no_longer_fetches_facts_from_another_host() -> None:
    assert repair_theme_html(SOURCE_LINK) == SOURCE_LINK.replace(' data-md-component="source"', "")


def test_no_built_page_has_a_fault_the_finishing_step_mends(built_site: Path) -> None:
    """After a theme upgrade, a repair that no longer matches the theme's markup shows here."""
    for relative in built_pages(built_site):
        markup = (built_site / relative).read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in markup, relative
        assert not re.search(r'<input class="md-toggle"[^>]*autocomplete', markup), relative
        assert 'for="__toc"' not in markup or 'id="__toc"' in markup, relative
        assert 'class="md-source"' in markup, f"{relative}: the repository link is gone"
        assert 'role="dialog" aria-label="Search this site"' in markup, f"{relative}: the search dialog has no name"


# The overrides folder is the one the config names ---------------------------------------------------------------

@pytest.fixture(scope="module")
def site_from_overrides_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The story built from a config outside the project whose theme.custom_dir is a folder elsewhere: a copy of
    the overrides with one more inline script, and Material's "view source" button on. Returns the site and
    what the build printed. The story is copied beside the config, so that its pages have edit links; its
    edit and view buttons then lead there."""
    work = tmp_path_factory.mktemp("elsewhere")
    copy_story(CONTENT, work / "content")
    overrides = work / "theme"
    for source in theme_overrides().rglob("*"):
        target = overrides / source.relative_to(theme_overrides())
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block scripts %}\n", f"{{% block scripts %}}\n  <script>{ELSEWHERE_SCRIPT}</script>\n", 1), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in [("custom_dir: docs/overrides", f"custom_dir: {overrides}"),
                     ("  - generator/engines/mkdocs_hooks.py", f"  - {ROOT / 'generator' / 'engines' / 'mkdocs_hooks.py'}"),
                     ("  - content.action.edit\n", "  - content.action.edit\n    - content.action.view\n"),
                     ("watch:\n  - docs/overrides\n  - generator/pages/templates\n", f"docs_dir: {ROOT / 'docs'}\n")]:
        assert old in config, old
        config = config.replace(old, new, 1)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = work / "site"
    result = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(work / "mkdocs.yml"), "--site-dir", str(site)],
                            cwd=ROOT, env=build_env(STORY=str(work / "content")), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_scripts_of_an_overrides_folder_elsewhere_are_allowed_by_the_policy(
        site_from_overrides_elsewhere: tuple[Path, str]) -> None:
    site, log = site_from_overrides_elsewhere
    assert "not the theme's" not in log
    markup = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', markup)
    assert f"<script>{ELSEWHERE_SCRIPT}</script>" in markup and policy
    assert csp._sha256(ELSEWHERE_SCRIPT) in policy[1], "the folder's own script would be blocked by the browser"


def test_the_view_source_button_works_where_mkdocs_yml_enables_it(site_from_overrides_elsewhere: tuple[Path, str]) -> None:
    site, _ = site_from_overrides_elsewhere
    markup = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]*)" title="Edit this page"', markup)
    view = re.search(r'<a href="([^"]*)" title="View source of this page"', markup)
    assert edit and view, "the page lacks its edit or view button"
    assert view[1] == edit[1].replace("/edit/", "/raw/") and view[1].endswith("/content/story.yaml"), view[1]


def test_engine_finish_reads_the_overrides_folder_beside_the_config_it_is_given(tmp_path: Path) -> None:
    assert overrides_folder(tmp_path / "mkdocs.yml", {"theme": {"custom_dir": "theme"}}) == tmp_path / "theme"
    assert overrides_folder(tmp_path / "mkdocs.yml", {"theme": {"name": "material"}}) is None


def test_a_script_of_the_overrides_folder_is_the_theme_s_only_when_that_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "x.html").write_text(f"<script>{ELSEWHERE_SCRIPT}</script>", encoding="utf-8")
    page = f"<script>{ELSEWHERE_SCRIPT}</script>"
    assert csp.inline_scripts(page, overrides=tmp_path) == ([ELSEWHERE_SCRIPT], [])
    assert csp.inline_scripts(page) == ([], [ELSEWHERE_SCRIPT])
