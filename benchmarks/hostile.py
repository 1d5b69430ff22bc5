"""Inputs built to be slow: each of the story's input paths on a pathological input of a few megabytes.

Every path here was quadratic or worse once (an unclosed quotation mark in a 5 MB paragraph took 15
minutes); the figures show that each now grows with its input. Nothing is asserted about time.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.checks import check_story  # noqa: E402
from generator.closest import closest_passage  # noqa: E402
from generator.load import LoadedStory  # noqa: E402
from generator.locator_map import close_up  # noqa: E402
from generator.render import _svg_size, render_pages  # noqa: E402
from generator.schema import Story  # noqa: E402
from generator.source import split_article  # noqa: E402
from generator.yamlfile import YamlDocument, load_yaml  # noqa: E402

CONTENT = ROOT / "content"
SECOND_STORY = ROOT / "tests" / "fixtures" / "second-story"
PEOPLE = 4000


def _second_story() -> tuple[YamlDocument, dict]:
    document = load_yaml(SECOND_STORY / "story.yaml", "story.yaml")[0]
    assert document is not None and isinstance(document.data, dict)
    return document, document.data


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _timed(name: str, size: int, run: Callable[[], object]) -> dict:
    started = time.perf_counter()
    run()
    return {"input": name, "bytes": size, "seconds": round(time.perf_counter() - started, 3)}


def _unclosed_quote(size: int) -> dict:
    paragraph = "“" + _repeat("Word after word. ", size)
    return _timed("paragraph with an unclosed “ (sentence splitting)", len(paragraph.encode()),
                  lambda: split_article(paragraph))


def _abbreviations(size: int) -> dict:
    paragraph = _repeat("Mr. Dr. Gen. U.S. Sept. ", size)
    return _timed("paragraph of abbreviations (sentence splitting)", len(paragraph), lambda: split_article(paragraph))


def _wrong_quote(size: int) -> dict:
    article = (CONTENT / "article.txt").read_text(encoding="utf-8")
    words = article.split()
    rng = random.Random(1)
    quote = " ".join(rng.choice(words) for _ in range(800))[:4000]
    source = _repeat(article + "\n\n", size)
    return _timed("4,000-character wrong quote in a large article (closest passage)", len(source.encode()),
                  lambda: closest_passage(quote, source))


def _people_page() -> dict:
    data = _second_story()[1]
    data["people"] += [{"id": f"person-{n}", "name": f"Person {n}", "kind": "person"} for n in range(PEOPLE)]
    data["quotes"] += [{"id": f"quote-{n}", "text": "rushed", "speaker": f"person-{n}", "how": "said"}
                       for n in range(PEOPLE)]
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    loaded = LoadedStory(Story.model_validate(data), split_article(article), YamlDocument("story.yaml", data),
                         SECOND_STORY, None)
    size = len(repr(data).encode())
    return _timed(f"{PEOPLE:,} people, each quoted (all pages rendered)", size, lambda: render_pages(loaded))


def _svg_root_tag(size: int) -> dict:
    svg = "<svg " + _repeat('width="1" ', size) + ">"
    return _timed("map whose root tag is full of attributes (map size)", len(svg), lambda: _svg_size(svg))


def _nested_clips(size: int) -> dict:
    depth = size // 60
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 700" width="1000" height="700">'
           '<view id="close-up" viewBox="10 430 570 260"/><defs>' + '<clipPath id="a">' * depth
           + _repeat("<g/>", size // 2) + "</clipPath>" * depth + "</defs></svg>")
    return _timed(f"map of {depth:,} nested clip paths (close-up)", len(svg), lambda: close_up(svg))


def _unlisted_quotes(size: int) -> dict:
    document, data = _second_story()
    story = Story.model_validate(data)
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    count = size // 20
    article += "\n\n" + "\n\n".join(f"He said “word {n}”." for n in range(count))
    return _timed(f"{count:,} quoted passages no quote lists (check)", len(article.encode()),
                  lambda: check_story(story, split_article(article), document))


def _long_sentence_cited(size: int) -> dict:
    document, data = _second_story()
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    article += "\n\nPortvale: " + _repeat("word ", size) + "on Monday end."
    cited = f"p{article.count(chr(10) + chr(10)) + 1}.s1"
    data["statements"] += [{"id": f"said-{n}", "speaker": "ada-quill", "gist": "Said so.", "date": "2025-03-03",
                            "cites": [cited]} for n in range(PEOPLE)]
    story = Story.model_validate(data)
    return _timed(f"a long sentence cited by {PEOPLE:,} dated statements (check)", len(article.encode()),
                  lambda: check_story(story, split_article(article), document))


def _unknown_speakers() -> dict:
    document, data = _second_story()
    data["people"] += [{"id": f"person-{n}", "name": f"Person {n}", "kind": "person"} for n in range(PEOPLE)]
    data["statements"] += [{"id": f"said-{n}", "speaker": f"persn-{n}", "gist": "Said so.", "cites": ["p3.s1"]}
                           for n in range(PEOPLE)]
    story = Story.model_validate(data)
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    return _timed(f"{PEOPLE:,} statements with unknown speakers among {PEOPLE:,} people (check)",
                  len(repr(data).encode()), lambda: check_story(story, split_article(article), document))


def measure_hostile(megabytes: float, log: Callable[[str], None]) -> list[dict]:
    size = int(megabytes * 1_000_000)
    rows: list[dict] = []
    for measure in (lambda: _unclosed_quote(size), lambda: _abbreviations(size), lambda: _wrong_quote(size),
                    _people_page, lambda: _svg_root_tag(size), lambda: _nested_clips(size),
                    lambda: _unlisted_quotes(size),
                    lambda: _long_sentence_cited(size), _unknown_speakers):
        row = measure()
        log(f"  {row['input']}: {row['seconds']:g} s")
        rows.append(row)
    return rows


if __name__ == "__main__":
    measure_hostile(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0, print)
