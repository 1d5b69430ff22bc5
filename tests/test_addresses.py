"""Addresses lead where they read: a hidden user name, an invisible character or a look-alike letter is refused
with a located message; an international host that passes is linked in the A-label (xn--) form browsers look up."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError
from tools.cli import run_cli
from tools.edits import edit, line_of

from generator.content.load import load_story
from generator.content.schema import WebAddress
from generator.pages.render import render_pages

ARTICLE_URL = "  url: https://example.org/test-gazette/harbour-reopens\n"
MIXED = ("https://www.r\u0435uters.com/world/", "the host mixes Latin and Cyrillic letters (\u0435 is Cyrillic), "
         "so it can pass for another domain; write it in one script")
USER_NAME = ("https://www.reuters.com@evil.example/x", "an address must not carry a user name before @: this one "
             "leads to evil.example, not to what comes before the @")
BIDI = ("https://example.org/report\u202efdp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE at character 27 is invisible and "
        "reverses or reorders the text around it, so the address would not read as where it leads; remove it")
ZERO_WIDTH = ("https://exa\u200bmple.org/", "U+200B ZERO WIDTH SPACE at character 12 is invisible and shows as "
              "nothing, so the address would not read as where it leads; remove it")
ADDRESS = TypeAdapter(WebAddress)
ATTACKS = {"mixed-script host": MIXED, "user name": USER_NAME, "bidi override": BIDI, "zero-width space": ZERO_WIDTH}


def located_errors(story: Path) -> list[str]:
    result = run_cli("check", str(story))
    assert result.code == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_a_deceptive_source_address_is_refused_with_its_place(second_story_copy: Path, attack: str) -> None:
    url, why = ATTACKS[attack]
    edit(second_story_copy, ARTICLE_URL, f"  url: {url}\n")
    assert f"{second_story_copy / 'story.yaml'}:13:3: article.url: {why}" in located_errors(second_story_copy)


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_a_deceptive_report_address_is_refused_with_its_place(second_story_copy: Path, attack: str) -> None:
    url, why = ATTACKS[attack]
    story = second_story_copy / "story.yaml"
    with story.open("a", encoding="utf-8") as file:
        file.write(f"\nsite:\n  report_url: {url}\n")
    line = line_of(story, "  report_url:")
    assert f"{story}:{line}:3: site.report_url: {why}" in located_errors(second_story_copy)


@pytest.mark.parametrize(("url", "why"), [
    ("https://\u0430pple.com/", "the host mixes Latin and Cyrillic letters (\u0430 is Cyrillic)"),
    ("https://\u0440\u0430\u0443\u0440\u0430l.com/", "the host mixes Cyrillic and Latin letters (l is Latin)"),
    ("https://g\u03bf\u03bfgle.com/", "the host mixes Latin and Greek letters (\u03bf is Greek)"),
    ("https://www.xn--rters-k5e9b.com/", "the host mixes Latin and Cyrillic letters"),  # the same, written as xn--
    ("https://exam\u00adple.org/", "U+00AD SOFT HYPHEN at character 13 is invisible and shows as nothing"),
    ("https://example.org/\u2067x", "U+2067 RIGHT-TO-LEFT ISOLATE at character 21 is invisible"),
    ("https://example.org/\u200dx", "U+200D ZERO WIDTH JOINER at character 21 is invisible"),
    ("https://evil.example\\@www.reuters.com/", "holds a backslash in its host part, which browsers read as /"),
    ("https://ex%61mple.org/", "the host is %-encoded; write its letters themselves"),
    ("https://\u2603.com/", "the host holds '\u2603' (U+2603 SNOWMAN), which a domain name may not hold (IDNA 2008)"),
    ("https://ab--cd.com/", "the host is not a valid domain name (IDNA 2008): label has disallowed hyphens"),
    ("https://1.2.3/", "the host 1.2.3 ends in a number, so browsers read it as an IP address"),
    ("https://example.org:99999/", "the port '99999' is not a number from 0 to 65535"),
])
def test_each_refusal_says_what_is_wrong(url: str, why: str) -> None:
    with pytest.raises(ValidationError) as refused:
        ADDRESS.validate_python(url)
    assert refused.value.errors()[0]["msg"].removeprefix("Value error, ").startswith(why)


@pytest.mark.parametrize(("url", "linked"), [
    ("https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/\u0441\u0442\u0430\u0442\u044c\u044f",
     "https://xn--e1afmkfd.xn--p1ai/\u0441\u0442\u0430\u0442\u044c\u044f"),  # Cyrillic: the path stays as written
    ("https://\u65e5\u672c\u8a9e\u306e\u30ab\u30bf\u30ab\u30ca.jp/", "https://xn--u9juga3fqc3012co4bc84j.jp/"),
    ("https://\ud55c\uad6d\uc5b4\u6f22\u5b57.kr/", "https://xn--p8s937b4q9bkkuslr.kr/"),  # Hangul beside Han
    ("https://b\u00fccher.de:8443/a?b=c#d", "https://xn--bcher-kva.de:8443/a?b=c#d"),
    ("https://\uff45xample\u3002org/", "https://example.org/"),  # full-width letters and dot, as browsers map them
    ("https://www.reuters.com/world/@someone?q=a@b", "https://www.reuters.com/world/@someone?q=a@b"),
    ("https://Example.ORG/A", "https://Example.ORG/A"),
    ("https://[2001:db8::1]:8080/x", "https://[2001:db8::1]:8080/x"),
    ("http://192.0.2.1/", "http://192.0.2.1/"),
])
def test_an_honest_address_is_kept_with_its_host_as_browsers_look_it_up(url: str, linked: str) -> None:
    assert ADDRESS.validate_python(url) == linked


def test_a_single_script_international_host_is_linked_as_punycode(second_story_copy: Path) -> None:
    edit(second_story_copy, ARTICLE_URL, "  url: https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/news\n")
    story = second_story_copy / "story.yaml"
    with story.open("a", encoding="utf-8") as file:
        file.write("\nsite:\n  report_url: https://b\u00fccher.example/fehler\n")
    loaded = load_story(second_story_copy)
    assert loaded.story.site.report_url == "https://xn--bcher-kva.example/fehler"
    sources = render_pages(loaded)["sources.md"]
    assert "(https://xn--e1afmkfd.xn--p1ai/news)" in sources
    assert "\u043f\u0440\u0438\u043c\u0435\u0440" not in sources
