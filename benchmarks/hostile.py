"""Inputs built to be slow: each of the story's input paths on pathological inputs of 1, 2 and 4 MB.

Every path here was quadratic or worse once (an unclosed quotation mark in a 5 MB paragraph took 15
minutes; 40,000 quotes took 75 s to check); each is timed at three sizes, each twice the one before, and the
ratio of each time to the one before is printed: 2 is linear, and the goal is at most 2.2. Nothing is asserted.

    python benchmarks/hostile.py 1      # 1, 2 and 4 MB (run.py --only hostile --hostile-mb 1)
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable, Iterator

from hostile_commands import draft_of_one_paragraph, draft_of_one_sentence, draft_step, story_steps
from sites import ROOT

sys.path.insert(0, str(ROOT))

from generator.article.source import split_article  # noqa: E402
from generator.content.checks import check_story  # noqa: E402
from generator.content.closest import closest_passage  # noqa: E402
from generator.content.load import LoadedStory, without_collection_pauses  # noqa: E402
from generator.content.schema import Story  # noqa: E402
from generator.content.yamlfile import YamlDocument, load_yaml  # noqa: E402
from generator.pages.render import _svg_size, render_pages  # noqa: E402

CONTENT = ROOT / "stories" / "kursk-explainer"
SECOND_STORY = ROOT / "tests" / "fixtures" / "second-story"
STEPS = (1, 2, 4)  # each input at these multiples of the base size
BYTES_PER_PERSON = 500  # the inputs of many people or statements: 4,000 at 2 MB


def _second_story() -> tuple[YamlDocument, dict]:
    document = load_yaml(SECOND_STORY / "story.yaml", "story.yaml")[0]
    assert document is not None and isinstance(document.data, dict)
    return document, document.data


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _timed(name: str, size: int, run: Callable[[], object], step: str = "") -> dict:
    """Time `run` as the commands run it: without garbage collection pauses (see generator/content/load.py), and not
    paying for the garbage that the inputs timed before it left in this process."""
    gc.collect()
    with without_collection_pauses():
        cpu, started = time.process_time(), time.perf_counter()
        run()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"input": name, "step": step, "bytes": size, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3)}


def _unclosed_quote(size: int) -> dict:
    paragraph = "“" + _repeat("Word after word. ", size)
    return _timed("paragraph with an unclosed “", len(paragraph.encode()), lambda: split_article(paragraph),
                  "sentence splitting")


def _abbreviations(size: int) -> dict:
    paragraph = _repeat("Mr. Dr. Gen. U.S. Sept. ", size)
    return _timed("paragraph of abbreviations", len(paragraph), lambda: split_article(paragraph),
                  "sentence splitting")


def _wrong_quote(size: int) -> dict:
    article = (CONTENT / "article.txt").read_text(encoding="utf-8")
    words = article.split()
    rng = random.Random(1)
    quote = " ".join(rng.choice(words) for _ in range(800))[:4000]
    source = _repeat(article + "\n\n", size)
    return _timed("4,000-character wrong quote in a large article", len(source.encode()),
                  lambda: closest_passage(quote, source), "closest passage")


def _people_page(size: int) -> dict:
    people = size // BYTES_PER_PERSON
    data = _second_story()[1]
    data["people"] += [{"id": f"person-{n}", "name": f"Person {n}", "kind": "person"} for n in range(people)]
    data["quotes"] += [{"id": f"quote-{n}", "text": "rushed", "speaker": f"person-{n}", "how": "said"}
                       for n in range(people)]
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    loaded = LoadedStory(Story.model_validate(data), split_article(article), YamlDocument("story.yaml", data),
                         SECOND_STORY, None)
    return _timed("people, each quoted", len(repr(data).encode()), lambda: render_pages(loaded),
                  "all pages rendered")


def _svg_root_tag(size: int) -> dict:
    svg = "<svg " + _repeat('width="1" ', size) + ">"
    return _timed("map whose root tag is full of attributes", len(svg), lambda: _svg_size(svg), "map size")


def _unlisted_quotes(size: int) -> dict:
    document, data = _second_story()
    story = Story.model_validate(data)
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    count = size // 20
    article += "\n\n" + "\n\n".join(f"He said “word {n}”." for n in range(count))
    return _timed("quoted passages no quote lists", len(article.encode()),
                  lambda: check_story(story, split_article(article), document), "check")


def _long_sentence_cited(size: int) -> dict:
    document, data = _second_story()
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    article += "\n\nPortvale: " + _repeat("word ", size) + "on Monday end."
    cited = f"p{article.count(chr(10) + chr(10)) + 1}.s1"
    data["statements"] += [{"id": f"said-{n}", "speaker": "ada-quill", "gist": "Said so.", "date": "2025-03-03",
                            "cites": [cited]} for n in range(size // BYTES_PER_PERSON)]
    story = Story.model_validate(data)
    return _timed("a long sentence cited by many dated statements", len(article.encode()),
                  lambda: check_story(story, split_article(article), document), "check")


def _unknown_speakers(size: int) -> dict:
    people = size // BYTES_PER_PERSON
    document, data = _second_story()
    data["people"] += [{"id": f"person-{n}", "name": f"Person {n}", "kind": "person"} for n in range(people)]
    data["statements"] += [{"id": f"said-{n}", "speaker": f"persn-{n}", "gist": "Said so.", "cites": ["p3.s1"]}
                           for n in range(people)]
    story = Story.model_validate(data)
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")
    return _timed("statements with unknown speakers among as many people", len(repr(data).encode()),
                  lambda: check_story(story, split_article(article), document), "check")


SHAPES: tuple[Callable[[int], Iterator[dict] | dict], ...] = (
    story_steps, draft_step, draft_of_one_paragraph, draft_of_one_sentence, _unclosed_quote, _abbreviations,
    _wrong_quote, _people_page, _svg_root_tag, _unlisted_quotes, _long_sentence_cited,
    _unknown_speakers)


def measure_hostile(megabytes: float, log: Callable[[str], None]) -> list[dict]:
    """One row per input and step, with its time at each size and each time's ratio to the one before."""
    rows: dict[tuple[str, str], dict] = {}
    for shape in SHAPES:
        for multiple in STEPS:
            measured = shape(int(multiple * megabytes * 1_000_000))
            for figure in [measured] if isinstance(measured, dict) else measured:
                row = rows.setdefault((figure["input"], figure["step"]),
                                      {"input": figure["input"], "step": figure["step"], "sizes": []})
                row["sizes"].append({key: value for key, value in figure.items() if key not in ("input", "step")})
                log(f"  {figure['input']} ({figure['step']}), {figure['bytes'] / 1e6:.2f} MB"
                    + (f", {figure['items']}" if "items" in figure else "")
                    + f": {figure['seconds']:g} s ({figure['cpu_seconds']:g} s of processor)")
    for row in rows.values():
        row["ratios"] = [ratio(before["cpu_seconds"], after["cpu_seconds"])
                         for before, after in zip(row["sizes"], row["sizes"][1:], strict=False)]
        row["wall_ratios"] = [ratio(before["seconds"], after["seconds"])
                              for before, after in zip(row["sizes"], row["sizes"][1:], strict=False)]
        log(f"  {row['input']} ({row['step']}): {', '.join(shown_ratio(r) for r in row['ratios'])} per doubling")
    return list(rows.values())


def ratio(before: float, after: float) -> float | None:
    """How many times as long a step took as the one before; None when it took under 20 ms, too short to tell."""
    return round(after / before, 2) if before >= 0.02 else None


def shown_ratio(value: float | None) -> str:
    return f"x{value:g}" if value is not None else "-"


if __name__ == "__main__":
    measure_hostile(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0, print)
