"""Every kind of bad content gets one located message and exit status 1, never a traceback; nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tools.cli import run_cli
from tools.edits import edit


@pytest.fixture()
def story(second_story_copy: Path) -> Path:
    return second_story_copy


def run(*args: str) -> tuple[int, str]:
    result = run_cli(*args)
    return result.code, result.stderr


# (name, old text, new text, expected line after "story.yaml:")
CASES = [
    ("invalid YAML", "  kind: Analysis\n", "  kind: [Analysis\n",
     "5:10: not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)"),
    ("wrong type", "    next: true\n", "    next: later\n",
     "115:5: timeline[2].next: input should be a valid boolean, unable to interpret input"),
    ("unknown key", "    speaker: ada-quill\n    how:", "    speakr: ada-quill\n    how:",
     "54:5: quotes[0].speakr: unknown field 'speakr'; did you mean 'speaker'?"),
    ("duplicate key", "  dateline: Portvale\n", "  dateline: Portvale\n  dateline: Harbourtown\n",
     "17:3: article.dateline: duplicate field; first given on line 16"),
    ("duplicate id", "  - id: rushed\n", "  - id: normal-timetable\n",
     "57:5: quotes[1].id: id 'normal-timetable' is already used by quotes[0]"),
    ("dangling reference", "    quotes: [rushed]\n", "    quotes: [rusted]\n",
     "84:14: reactions[1].quotes[0]: no quote with id 'rusted'; did you mean 'rushed'?"),
    ("the same id twice in one list", "    cites: [p3.s1]\n", "    cites: [p3.s1, p3.s1]\n",
     "21:20: takeaways[0].cites[1]: 'p3.s1' is already listed in takeaways[0].cites[0]; give each once"),
    ("empty required field", '  headline: "Portvale\'s northern pier reopens: what we know"\n', '  headline: ""\n',
     "3:3: meta.headline: must not be empty"),
    ("blank required field", "  dateline: Portvale\n", "  dateline:\n",
     "16:3: article.dateline: is empty; give it a value"),
    ("date that does not exist", "  event_date: 2025-03-03\n", "  event_date: 2025-02-30\n",
     "17:3: article.event_date: '2025-02-30' is not a real date; write YYYY-MM-DD (times as 2024-10-29T03:27:00+05:00)"),
    ("tab indentation", "  dateline: Portvale\n", "\tdateline: Portvale\n",
     "16:1: a tab is used for indentation; indent with spaces"),
    ("alias", "  - {id: operators, name: Ferry operators}\n", "  - {id: operators, name: &n Ferry operators}\n  - {id: x, name: *n}\n",
     "38:19: parties[2].name: YAML aliases (*name) are not allowed; write the value out"),
    ("javascript link", "  url: https://example.org/test-gazette/harbour-reopens\n", "  url: javascript:alert(1)\n",
     "13:3: article.url: must be an http:// or https:// address"),
    ("data link", "        url: https://example.org/test-gazette/storm\n", "        url: data:text/html,<script>x</script>\n",
     "97:9: background[0].sources[0].url: must be an http:// or https:// address"),
    ("id leaving the folder", "  - id: storm\n", "  - id: ../storm\n",
     "89:5: background[0].id: must be an id: lower-case letters, digits and hyphens, e.g. 'ada-quill'"),
    ("absolute path id", "  - id: ada-quill\n", "  - id: /etc/passwd\n",
     "40:5: people[0].id: must be an id: lower-case letters, digits and hyphens, e.g. 'ada-quill'"),
    ("quote not in the source", '    text: "rushed"\n', '    text: "rushes"\n',
     '58:5: quotes[1].text: not found in the source; closest passage: "rushed"; it differs at character 6: '
     's (U+0073 LATIN SMALL LETTER S) in the quote, d (U+0064 LATIN SMALL LETTER D) in the article'),
    ("quote with a straight apostrophe", '    text: "rushed"\n', "    text: \"rush'd\"\n",
     '58:5: quotes[1].text: not found in the source; closest passage: "rushed"; it differs at character 5: '
     "' (U+0027 APOSTROPHE) in the quote, e (U+0065 LATIN SMALL LETTER E) in the article"),
    ("integer tag on a word", "    next: true\n", "    next: !!int abc\n", "115:11: timeline[2].next: 'abc' is not a whole number"),
    ("integer of 5,000 digits", "    next: true\n", f"    next: {'9' * 5000}\n",
     "115:11: timeline[2].next: a number with more than 4,300 digits cannot be read; put it in quotation marks if it is text"),
    ("not a finite number", "    next: true\n", "    next: true\nmap:\n  title: M\n  description: D\n  extent: [.nan, .inf, -.inf, 1e309]\n",
     "119:12: map.extent[0]: nan is not a finite number; write a number such as 12.5 (1e309 is too large)"),
    ("float tag on a word", "    next: true\n", "    next: !!float abc\n", "115:11: timeline[2].next: 'abc' is not a number"),
    ("timestamp tag on an impossible date", "    next: true\n", "    next: !!timestamp 2024-02-30\n",
     "115:11: timeline[2].next: '2024-02-30' is not a real date"),
    ("nesting 500 deep", "    next: true\n", f"    next: {'[' * 500}{']' * 500}\n",
     "115:58: timeline[2].next[0]: nested too deeply; a story needs at most 50 levels"),
    ("time before year 1 in UTC", "  published: 2025-03-03T10:15:00+01:00\n", "  published: 0001-01-01T00:00:00+05:00\n",
     "15:3: article.published: 0001-01-01T00:00:00+05:00 is outside the years 1 to 9999 once turned into UTC"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES, ids=[case[0] for case in CASES])
def test_bad_content_gets_one_located_message(story: Path, name: str, old: str, new: str, expected: str) -> None:
    edit(story, old, new)
    code, stderr = run("check", str(story))
    assert code == 1
    assert f"{story / 'story.yaml'}:{expected}" in stderr.splitlines(), stderr
    assert "Traceback" not in stderr


def test_non_utf8_bytes_are_located(story: Path) -> None:
    path = story / "story.yaml"
    path.write_bytes(path.read_bytes().replace(b"Ada Quill", b"Ada Qu\xe9ll", 1))
    code, stderr = run("check", str(story))
    assert code == 1
    assert f"{path}:41:17: byte 0xe9 is not UTF-8; save the file as UTF-8" in stderr


def test_a_byte_order_mark_and_crlf_line_ends_are_accepted(story: Path) -> None:
    for name in ("story.yaml", "article.txt"):
        path = story / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    code, stderr = run("check", str(story))
    assert code == 0, stderr


def test_crlf_files_still_report_the_right_line(story: Path) -> None:
    edit(story, "    quotes: [rushed]\n", "    quotes: [rusted]\n")
    path = story / "story.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    code, stderr = run("check", str(story))
    assert f"{path}:84:14: reactions[1].quotes[0]: no quote with id 'rusted'; did you mean 'rushed'?" in stderr


def test_a_billion_laughs_is_refused_quickly(story: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    (story / "story.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, stderr = run("check", str(story))
    assert code == 1
    assert f"{story / 'story.yaml'}:2:10: a1[0]: YAML aliases (*name) are not allowed; write the value out" in stderr


def test_a_file_over_the_size_limit_is_refused(story: Path) -> None:
    size = (story / "story.yaml").stat().st_size
    code, stderr = run("check", str(story), "--max-bytes", "1000")
    assert code == 1
    assert (f"{story / 'story.yaml'}:1:1: file is {size:,} bytes, over the limit of 1,000; raise it with --max-bytes"
            in stderr)


def test_a_missing_article_file_is_named(story: Path) -> None:
    (story / "article.txt").unlink()
    code, stderr = run("check", str(story))
    assert code == 1
    assert f"{story / 'story.yaml'}:9:3: article.file: no file {story / 'article.txt'}; article.file names" in stderr


def test_non_utf8_article_is_located(story: Path) -> None:
    path = story / "article.txt"
    path.write_bytes(path.read_bytes().replace(b"PORTVALE", b"PORTVAL\xc9", 1))
    code, stderr = run("check", str(story))
    assert code == 1
    assert f"{path}:5:8: byte 0xc9 is not UTF-8; save the file as UTF-8" in stderr


def test_bad_content_writes_nothing(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", str(story), "--out", str(out))[0] == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    edit(story, "    quotes: [rushed]\n", "    quotes: [rusted]\n")
    edit(story, "Portvale's northern pier reopens", "Changed headline")
    assert run("build", str(story), "--out", str(out))[0] == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_weekday_check_against_year_one_is_reported_without_the_day_it_cannot_name(story: Path) -> None:
    edit(story, "  event_date: 2025-03-03\n", "  event_date: 0001-01-01\n")
    edit(story, "    date: 2025-02-28\n    cites: [p5.s1]", "    date: 2025-02-27\n    cites: [p5.s1]")
    code, stderr = run("check", str(story))
    assert code == 1
    assert (f"{story / 'story.yaml'}:72:5: statements[1].date: 2025-02-27 is a Thursday, but the article says Friday"
            in stderr.splitlines()), stderr


def test_a_locator_map_that_is_not_utf8_is_located(story_copy: Path) -> None:
    path = story_copy / "locator-map.svg"
    path.write_bytes(path.read_bytes().replace(b"Kursk", b"K\xfcrsk", 1))
    code, stderr = run("check", str(story_copy))
    assert code == 1
    line = path.read_bytes().split(b"\xfc")[0].count(b"\n") + 1
    assert re.search(rf"^{re.escape(str(path))}:{line}:\d+: byte 0xfc is not UTF-8; save the file as UTF-8$", stderr,
                     re.MULTILINE), stderr
