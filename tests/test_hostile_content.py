"""Content written to attack the site: it never runs script, never reads files outside the story, never
changes an address or an id without a word, and every refusal is a located message."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, SECOND_STORY, mkdocs_build
from mkdocs.utils.meta import get_data
from tools.cli import run_cli
from tools.edits import edit
from tools.site import built_pages, theme_overrides

from generator.content.review import markers_in
from generator.content.yamlwrite import yaml_value
from generator.pages.markdown_text import heading_id
from generator.site import csp

XSS = "Troops <img src=x onerror=alert(7)>"


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(SECOND_STORY, folder)
    return folder


@pytest.fixture()
def mapped_story(tmp_path: Path) -> Path:
    """The main story (it has a locator map), copied."""
    folder = tmp_path / "mapped"
    shutil.copytree(CONTENT, folder)
    return folder


def check(folder: Path) -> tuple[int, str]:
    result = run_cli("check", str(folder))
    assert "Traceback" not in result.stderr
    return result.code, result.stderr


class Elements(HTMLParser):
    """Every element with its attributes, and the text inside <title>."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def find(self, tag: str, **attributes: str) -> list[dict]:
        return [attrs for name, attrs in self.elements if name == tag
                and all(attrs.get(key.replace("_", "-")) == value for key, value in attributes.items())]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second story with markup and `</head>` in its headline, summary, agency and a link, built by MkDocs."""
    folder = tmp_path_factory.mktemp("hostile") / "story"
    shutil.copytree(SECOND_STORY, folder)
    edit(folder, "  headline: \"Portvale's northern pier reopens: what we know\"\n", f'  headline: "{XSS}"\n')
    edit(folder, "  summary: The Portvale", '  summary: Quote "Portvale" and </head><img src=x onerror=alert(1)> The Portvale')
    # A name holds no quotation marks (refused by check: tests/test_quote_integrity.py); its markup is tried here.
    edit(folder, "  agency: Fictional Wire\n", '  agency: "Wire & Co </head><script>alert(2)</script>"\n')
    edit(folder, "  url: https://example.org/test-gazette/harbour-reopens\n",
         "  url: https://example.org/a\"b'c`d?e=1&f=2\n")
    site = folder.parent / "site"
    result = mkdocs_build(site, STORY=str(folder))
    assert result.returncode == 0, result.stderr
    return site


def page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


# 1. The headline reaches Material's header, <title> and search index as text --------------------------------

def test_headline_markup_is_text_in_the_header_and_the_title(hostile_site: Path) -> None:
    overview = Elements(page(hostile_site, "index.html"))
    assert not overview.find("img", src="x"), "the headline made an <img> element"
    assert XSS in overview.title
    assert XSS in page(hostile_site, "index.html").replace("&lt;", "<").replace("&gt;", ">")


def test_headline_markup_is_escaped_in_the_search_index(hostile_site: Path) -> None:
    index = json.loads(page(hostile_site, "search/search_index.json"))
    titles = [entry["title"] for entry in index["docs"]]
    assert not any("<img" in title for title in titles), [t for t in titles if "img" in t]
    assert any("Troops &lt;img src=x onerror=alert(7)&gt;" in title for title in titles)


# 2. Summary and agency stay inside their attribute; the head tags stay in the head -----------------------------

def test_summary_and_agency_stay_inside_the_description_attribute(hostile_site: Path) -> None:
    overview = Elements(page(hostile_site, "index.html"))
    [description] = overview.find("meta", name="description")
    assert description["content"].startswith('Quote "Portvale" and </head><img src=x onerror=alert(1)> The Portvale')
    quotes = Elements(page(hostile_site, "quotes/index.html"))
    [description] = quotes.find("meta", name="description")
    assert '</head><script>alert(2)</script>' in description["content"]
    for elements in (overview, quotes):
        assert not elements.find("img", src="x")
        assert not any(name == "script" and not attrs for name, attrs in elements.elements[:0])


def test_head_tags_land_at_the_end_of_the_real_head(hostile_site: Path) -> None:
    for name in ("index.html", "quotes/index.html"):
        markup = page(hostile_site, name)
        elements = Elements(markup)
        assert len(elements.find("meta", property="og:title")) == 1
        [description] = elements.find("meta", name="description")
        assert "og:" not in description["content"] and "og:" not in elements.title
        # After everything Material puts in the head, and before the body.
        assert markup.rindex('rel="stylesheet"') < markup.index('property="og:title"') < markup.index("<body")


# 3. Control characters: refused with their place; the front matter writer never writes what YAML refuses ------

@pytest.mark.parametrize("character", ["\x7f", "\x9c", "\x1b", "\x00", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe"])
def test_control_characters_and_non_characters_are_refused_with_their_place(story: Path, character: str) -> None:
    escaped = character.encode("unicode_escape").decode()
    escaped = escaped if escaped.startswith("\\") else f"\\u{ord(character):04x}"
    edit(story, "  summary: The Portvale", f'  summary: "Summary{escaped}<img src=x onerror=alert(1)>" #')
    code, stderr = check(story)
    assert code == 1
    name = f"U+{ord(character):04X}"
    assert re.search(rf"story\.yaml:5:3: meta\.summary: the text holds {re.escape(name)}\b.* at character 8; "
                     "control characters and non-characters are not allowed, remove it", stderr), stderr


def test_a_raw_control_character_in_the_yaml_is_located(story: Path) -> None:
    edit(story, "  agency: Fictional Wire\n", "  agency: Fictional\x7fWire\n")
    code, stderr = check(story)
    assert code == 1
    assert f"{story / 'story.yaml'}:11:20: U+007F (a control character) has no place in a story file" in stderr, stderr


def test_a_control_character_in_the_article_is_located(story: Path) -> None:
    path = story / "article.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[4] = lines[4][:3] + "\x85" + lines[4][3:]
    path.write_text("\n".join(lines), encoding="utf-8")
    code, stderr = check(story)
    assert code == 1
    assert f"{path}:5:4: U+0085 (a control character) has no place in a story file" in stderr, stderr


SAMPLES = ["plain", 'quote " and \\ backslash', "line\nbreak\ttab", "\x7f\x85\x9c\x00\x1b[31m", "\ufffe\uffff\ufeff",
           "\u2028\u2029", "emoji 🇺🇦👍🏽 e\u0301", "\U0010ffff\U0001fffe", "---\ntitle: x", "a: b # c"]


@pytest.mark.parametrize("value", SAMPLES)
def test_front_matter_values_read_back_unchanged_by_mkdocs(value: str) -> None:
    page_text = f"---\ntitle: {yaml_value(value)}\ndescription: {yaml_value(value)}\n---\n\nBody\n"
    body, meta = get_data(page_text)
    assert meta == {"title": value, "description": value}
    assert body.strip() == "Body"


def test_a_lone_surrogate_becomes_a_replacement_character_in_front_matter() -> None:
    quoted = yaml_value("a\ud800b")
    assert get_data(f"---\ntitle: {quoted}\n---\nBody\n")[1] == {"title": "a\ufffdb"}


# 4. The locator map: no script, no event handlers, nothing from elsewhere, a size limit ------------------------

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">\n'


@pytest.mark.parametrize(("inside", "expected"), [
    ("<script>alert(1)</script>", "2:1: <script> is not allowed in the map (only shapes and text are)"),
    ('<rect width="1" height="1" onload="alert(1)"/>', "2:1: <rect onload=...> is an event handler, which runs script"),
    ('<image href="https://elsewhere.example/x.png"/>', "2:1: <image> is not allowed in the map"),
    ('<use xlink:href="https://elsewhere.example/x.svg#a"/>', "2:1: <use href=...> links outside the map"),
    ('<a href="javascript:alert(1)"><text>x</text></a>', "2:1: <a> is not allowed in the map"),
    ('<rect style="fill: url(https://elsewhere.example/p)"/>', "2:1: <rect style=...> refers to a file outside the map"),
    ("<rect style=\"background-image: image-set('https://evil.example/x.png' 1x)\"/>",
     "2:1: <rect style=...> refers to a file outside the map; only url(#id) is allowed"),
    ("<rect style=\"background-image: -webkit-image-set('//evil.example/x.png' 1x)\"/>",
     "2:1: <rect style=...> refers to a file outside the map"),
    ('<rect style="fill: u\\72l(evil.png)"/>', "2:1: <rect style=...> refers to a file outside the map"),
    ('<rect mask="image-set(&quot;x.png&quot; 1x)"/>', "2:1: <rect mask=...> refers to a file outside the map"),
    ('<rect style="cursor: pointer"/>',
     "2:1: <rect style=...> sets 'cursor', which is not a presentation property the map may use"),
    ('<rect style="fill: attr(x)"/>', "2:1: <rect style=...> gives fill the value 'attr(x)'; only colours, numbers, "
     "names and url(#id) are allowed"),
    ('<style>rect { fill: url(https://elsewhere.example/p) }</style>', "2:1: <style> is not allowed in the map"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
     "2:1: <foreignObject> is not allowed in the map"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', "2:1: <set> is not allowed in the map"),
])
def test_a_map_that_could_run_script_or_load_files_is_refused(mapped_story: Path, inside: str, expected: str) -> None:
    path = mapped_story / "locator-map.svg"
    path.write_text(SVG_HEAD + inside + "\n</svg>\n", encoding="utf-8")
    code, stderr = check(mapped_story)
    assert code == 1
    assert f"{path}:{expected}" in stderr, stderr


@pytest.mark.parametrize(("inside", "expected"), [
    ("<script>alert(1)</script>", "2:1: <script> is not allowed in the map (only shapes and text are)"),
    ('<use href="https://elsewhere.example/x.svg#a"/>', "2:1: <use href=...> links outside the map"),
    ('<image href="https://elsewhere.example/x.png"/>', "2:1: <image> is not allowed in the map"),
    ('<rect width="1" height="1" onload="alert(1)"/>', "2:1: <rect onload=...> is an event handler, which runs script"),
])
def test_a_close_up_that_could_run_script_or_load_files_is_refused_as_the_map_is(
        mapped_story: Path, tmp_path: Path, inside: str, expected: str) -> None:
    path = mapped_story / "locator-map-close-up.svg"
    path.write_text(SVG_HEAD + inside + "\n</svg>\n", encoding="utf-8")
    code, stderr = check(mapped_story)
    assert code == 1
    assert f"{path}:{expected}" in stderr, stderr
    result = mkdocs_build(tmp_path / "site", STORY=str(mapped_story))
    assert result.returncode != 0 and f"{path}:{expected}" in result.stderr
    assert not (tmp_path / "site" / "images" / "locator-map-close-up.svg").exists()


def test_a_map_with_plain_presentation_styles_is_accepted(mapped_story: Path) -> None:
    path = mapped_story / "locator-map.svg"
    path.write_text(SVG_HEAD + '<defs><clipPath id="c"><rect width="1" height="1"/></clipPath></defs>\n'
                    '<rect style="fill: #ccc; stroke: rgb(0, 0, 0); stroke-width: 0.5; clip-path: url(\'#c\')"/>\n'
                    "<text style=\"font-family: 'Noto Sans', sans-serif; font-size: 12px\">Kursk</text>\n</svg>\n",
                    encoding="utf-8")
    assert check(mapped_story)[0] == 0


def test_a_map_with_a_doctype_or_stylesheet_instruction_is_refused(mapped_story: Path) -> None:
    path = mapped_story / "locator-map.svg"
    path.write_text('<?xml-stylesheet href="https://elsewhere.example/s.css"?>\n' + SVG_HEAD + "</svg>\n",
                    encoding="utf-8")
    assert f"{path}:1:1: the processing instruction <?xml-stylesheet> is not allowed in the map" in check(mapped_story)[1]
    path.write_text('<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n' + SVG_HEAD + "</svg>\n", encoding="utf-8")
    assert "a DOCTYPE or entity declaration is not allowed in the map" in check(mapped_story)[1]


def test_the_drawn_map_passes_and_an_oversized_one_is_refused(mapped_story: Path) -> None:
    assert check(mapped_story)[0] == 0
    path = mapped_story / "locator-map.svg"
    path.write_text(SVG_HEAD + "<g/>\n" * 500_000 + "</svg>\n", encoding="utf-8")
    code, stderr = check(mapped_story)
    assert code == 1
    assert f"{path}:1:1: file is {path.stat().st_size:,} bytes, over the limit of 2,000,000" in stderr, stderr


# 5. Only ordinary files inside the story folder are read -----------------------------------------------------

@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ"])
def test_an_article_linked_to_a_file_outside_is_refused_unread(story: Path, target: str) -> None:
    path = story / "article.txt"
    path.unlink()
    path.symlink_to(target)
    os.environ["SECRET_FOR_THE_TEST"] = "do-not-print-me"
    try:
        code, stderr = check(story)
    finally:
        del os.environ["SECRET_FOR_THE_TEST"]
    assert code == 1
    real = Path(target).resolve()  # /proc/self is itself a link, to the process reading it
    assert f"{path}:1:1: is a link to {real}, outside the story folder; story files must be inside it" in stderr
    assert "root:" not in stderr and "do-not-print-me" not in stderr and "closest passage" not in stderr


def test_a_map_linked_outside_and_a_named_pipe_are_refused(mapped_story: Path) -> None:
    path = mapped_story / "locator-map.svg"
    path.unlink()
    path.symlink_to("/etc/hostname")
    assert f"{path}:1:1: is a link to /etc/hostname, outside the story folder" in check(mapped_story)[1]
    path.unlink()
    os.mkfifo(path)
    code, stderr = check(mapped_story)  # a pipe nobody writes to would block a plain read forever
    assert code == 1
    assert f"{path}:1:1: is a named pipe; story files must be ordinary files" in stderr


@pytest.mark.parametrize("target", ["/etc/hostname", "../outside.svg"])
def test_a_close_up_linked_outside_the_folder_is_refused_unread(mapped_story: Path, target: str) -> None:
    """A link that leads nowhere too: it is refused, not taken for a story with no close-up."""
    path = mapped_story / "locator-map-close-up.svg"
    path.unlink()
    path.symlink_to(target)
    code, stderr = check(mapped_story)
    assert code == 1
    assert f"{path}:1:1: is a link to {(mapped_story / target).resolve()}, outside the story folder" in stderr


def test_a_map_and_its_close_up_are_refused_in_one_run(mapped_story: Path) -> None:
    for name in ("locator-map.svg", "locator-map-close-up.svg"):
        (mapped_story / name).write_text(SVG_HEAD + "<script>alert(1)</script>\n</svg>\n", encoding="utf-8")
    stderr = check(mapped_story)[1]
    for name in ("locator-map.svg", "locator-map-close-up.svg"):
        assert f"{mapped_story / name}:2:1: <script> is not allowed in the map" in stderr, stderr


def test_a_story_file_linked_inside_the_folder_is_read(story: Path) -> None:
    (story / "texts").mkdir()
    (story / "article.txt").rename(story / "texts" / "article.txt")
    (story / "article.txt").symlink_to(story / "texts" / "article.txt")
    assert check(story)[0] == 0


def test_an_article_hard_linked_to_a_file_outside_is_refused_unread(story: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Harbour reopens\n\nsecret-do-not-print\n", encoding="utf-8")
    path = story / "article.txt"
    path.unlink()
    os.link(secret, path)
    code, stderr = check(story)
    assert code == 1
    assert (f"{path}:1:1: has 2 hard links: the same file also has a name elsewhere, possibly outside the story "
            "folder; copy the file in instead of linking it") in stderr, stderr
    assert "secret-do-not-print" not in stderr


def test_review_markers_are_not_read_through_a_link_out_of_the_folder(story: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("a: 1  # REVIEW: guessed\n", encoding="utf-8")
    assert markers_in(outside) == [1]
    (story / "linked.yaml").symlink_to(outside)
    os.link(outside, story / "hard.yaml")
    assert markers_in(story / "linked.yaml") == [] and markers_in(story / "hard.yaml") == []


# 14. Addresses: percent-encoded where Markdown would change them, refused where they are a mistake ------------

def test_quotes_and_backticks_in_an_address_are_percent_encoded(hostile_site: Path) -> None:
    links = Elements(page(hostile_site, "sources/index.html")).find("a")
    [link] = [attrs for attrs in links if "example.org/a" in (attrs.get("href") or "")]
    assert link["href"] == "https://example.org/a%22b%27c%60d?e=1&f=2"
    assert "title" not in link


@pytest.mark.parametrize(("url", "message"), [
    ("https://example.org/?a=1&amp;b=2", "holds the HTML entity &amp;; write the character itself (& for &amp;)"),
    ('"https://example.org/\\x07bell"', "the text holds U+0007"),
])
def test_an_entity_or_control_character_in_an_address_is_refused(story: Path, url: str, message: str) -> None:
    edit(story, "  url: https://example.org/test-gazette/harbour-reopens\n", f"  url: {url}\n")
    code, stderr = check(story)
    assert code == 1
    assert f"story.yaml:13:3: article.url: {message}" in stderr, stderr


# 15. Ids that would appear twice on a page ---------------------------------------------------------------

def test_two_reactions_for_one_party_are_refused(story: Path) -> None:
    edit(story, "  - party: operators\n", "  - party: council\n")
    code, stderr = check(story)
    assert code == 1
    assert ("story.yaml:81:5: reactions[1].party: party 'council' already has a reaction in reactions[0]; "
            "give one party one reaction") in stderr, stderr


@pytest.mark.parametrize("taken", ["map", "figures", "updates-and-corrections"])
def test_an_id_the_site_uses_itself_is_refused(story: Path, taken: str) -> None:
    edit(story, "  - id: storm\n", f"  - id: {taken}\n")
    edit(story, "    background: [storm]\n", f"    background: [{taken}]\n")
    edit(story, "    background: [storm]\n", f"    background: [{taken}]\n")
    code, stderr = check(story)
    assert code == 1
    assert f"story.yaml:89:5: background[0].id: id '{taken}' is used by the site itself" in stderr, stderr


# 16. Smaller slips -----------------------------------------------------------------------------------------

def test_the_story_language_is_the_page_language(story: Path, tmp_path: Path) -> None:
    edit(story, "  kind: Analysis\n", "  kind: Analysis\n  language: fr\n")
    site = tmp_path / "site"
    result = mkdocs_build(site, STORY=str(story))
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "quotes/index.html", "404.html"):
        assert re.match(r'\s*<!doctype html>\s*<html lang="fr"', page(site, name)), name


@pytest.mark.parametrize("value", ["0", "1730160000", "20250303.5"])
def test_a_number_is_not_a_date(story: Path, value: str) -> None:
    edit(story, "  event_date: 2025-03-03\n", f"  event_date: {value}\n")
    code, stderr = check(story)
    assert code == 1
    assert f"story.yaml:17:3: article.event_date: {value} is a number, not a date; write YYYY-MM-DD" in stderr


def test_terminal_escapes_in_a_field_name_are_shown_escaped(story: Path) -> None:
    edit(story, "  dateline: Portvale\n", '  dateline: Portvale\n  "\\e[2J\\e]0;owned\\a": x\n')
    code, stderr = check(story)
    assert code == 1
    assert "\x1b" not in stderr and "\x07" not in stderr
    assert "article.\\x1b[2J\\x1b]0;owned\\x07: the field name holds U+001B (a control character)" in stderr, stderr


def test_a_comment_line_in_the_article_gets_a_warning(story: Path) -> None:
    path = story / "article.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "#1 in the region, the council said.")
    path.write_text("\n".join(lines), encoding="utf-8")
    code, stderr = check(story)
    assert code == 0
    assert f"{path}:3:1: warning: this line starts with #, so it is an editor's comment" in stderr, stderr


def test_notes_above_the_article_text_get_no_warning(story: Path) -> None:
    path = story / "article.txt"
    path.write_text("# Pasted on 3 March from the outlet's page.\n#\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    code, stderr = check(story)
    assert code == 0 and "warning" not in stderr, stderr


def test_the_checked_in_stories_have_no_warning() -> None:
    for folder in (CONTENT, SECOND_STORY):
        code, stderr = check(folder)
        assert code == 0 and "warning" not in stderr, stderr


def test_yaml_value_output_is_one_line() -> None:
    assert "\n" not in yaml_value("a\nb\u2028c\x85d")
    assert yaml.safe_load(yaml_value("a\nb")) == "a\nb"
    assert sys.maxunicode == 0x10FFFF


# Defence in depth: the Content-Security-Policy -----------------------------------------------------------

def test_every_page_starts_its_head_with_a_policy_that_allows_only_the_theme_scripts(built_site: Path) -> None:
    for relative in built_pages(built_site):
        markup = page(built_site, relative)
        [policy] = Elements(markup).find("meta", http_equiv="Content-Security-Policy")
        head = markup.split("<body", 1)[0]
        assert head.index("Content-Security-Policy") < head.index("<script"), relative
        own, foreign = csp.inline_scripts(markup, overrides=theme_overrides())
        # Material's scope and tab scripts; the light/dark switch's; the one that keeps tooltips to hover
        assert len(own) == 4 and not foreign, relative
        directives = dict(part.strip().split(" ", 1) for part in policy["content"].split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert directives["script-src"] == " ".join(["'self'", *sorted({csp._sha256(body) for body in own})])
        assert "unsafe-inline" not in policy["content"] and "http" not in policy["content"]


def test_a_script_that_only_looks_like_the_theme_s_is_not_allowed() -> None:
    scope = ('__md_scope=new URL("{}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
             '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t='
             'localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}')
    genuine, forged = scope.format(".."), scope.format('x"),alert(1),("')
    page_markup = (f"<script>{genuine}</script><script>{forged}</script><script>alert(1)</script>"
                   '<script type="application/ld+json">{"a": 1}</script><script src="x.js"></script>')
    own, foreign = csp.inline_scripts(page_markup)
    assert own == [genuine]
    assert foreign == [forged, "alert(1)"]


def test_a_script_with_data_type_or_data_src_is_still_counted_as_a_script() -> None:
    """Attributes are matched by their whole name: data-type="x" or data-src="x.js" make no file or data."""
    own, foreign = csp.inline_scripts('<script data-type="x">alert(1)</script><script data-src="x.js">alert(2)</script>')
    assert own == [] and foreign == ["alert(1)", "alert(2)"]


@pytest.mark.parametrize("title", ["__config", "__drawer", "__search", "__toc", "__palette_0", "_ _config"])
def test_a_title_never_gives_its_heading_an_id_of_the_themes_own(title: str) -> None:
    """Material finds its settings by the id __config (and its drawer, search and contents by others): a headline
    that took one of them would come first in the page and stop the theme's script."""
    heading = heading_id(title)
    assert not heading.startswith("_") and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", heading)
