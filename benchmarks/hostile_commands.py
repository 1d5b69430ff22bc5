"""The commands an editor runs, on stories and articles built to be large: `check`, `build --out`, `mkdocs build`
and `draft`, each in its own process as the editor runs it, timed by the wall clock and by processor time.

    many quotes: the fixture story with two quotes, a statement and an event per added article paragraph
    many quotations: a corpus article whose paragraphs, each quoting someone, are repeated in new words
    one paragraph: an article whose body is a single paragraph of quotations, none attributed
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sites import MKDOCS, ROOT, WORK, build_env

sys.path.insert(0, str(ROOT / "tests"))
from tools.stories import (  # noqa: E402
    many_quotations_article,
    many_quotes_story_of_size,
    one_paragraph_article,
    one_sentence_article,
)

GENERATOR = [sys.executable, "-m", "generator"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_command(command: list[str], story: Path) -> tuple[float, float]:
    """Run `command` from the project's folder; return its (wall, processor) seconds. It must succeed."""
    cpu, started = _children_cpu(), time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=build_env(story), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-4000:]}")
    return wall, _children_cpu() - cpu


def story_steps(size: int) -> Iterator[dict]:
    """`check`, `build --out` and `mkdocs build` of a story with many quotes of about `size` bytes."""
    folder = WORK / "hostile" / f"many-quotes-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    many_quotes_story_of_size(folder, size)
    quotes = len(re.findall(r"^-? *id: pier-\d+$", (folder / "story.yaml").read_text(encoding="utf-8"), re.M)) * 2
    size = sum(path.stat().st_size for path in folder.iterdir())
    steps = {
        "check": [*GENERATOR, "check", str(folder)],
        "build --out": [*GENERATOR, "build", str(folder), "--out", str(WORK / "hostile" / f"{folder.name}-out")],
        "mkdocs build": [*MKDOCS, "build", "--strict", "--site-dir", str(WORK / "hostile" / f"{folder.name}-site")],
    }
    for step, command in steps.items():
        wall, cpu = timed_command(command, folder)
        yield {"input": "story with many quotes", "step": step, "bytes": size, "items": f"{quotes:,} quotes",
               "seconds": round(wall, 3), "cpu_seconds": round(cpu, 3)}


def draft_step(size: int) -> dict:
    """`draft` of an article of about `size` bytes whose paragraphs each quote someone."""
    return _draft("article with many quotations", many_quotations_article, size)


def draft_of_one_paragraph(size: int) -> dict:
    """`draft` of an article whose body is one paragraph of about `size` bytes of unattributed quotations."""
    return _draft("one paragraph of unattributed quotations", one_paragraph_article, size)


def draft_of_one_sentence(size: int) -> dict:
    """`draft` (and the check it runs) of an article whose body is one sentence of attributed quotations."""
    return _draft("one sentence of attributed quotations", one_sentence_article, size)


def _draft(name: str, write: Callable[[Path, int], Path], size: int) -> dict:
    article = write(WORK / "hostile" / f"{write.__name__}-{size}.txt", size)
    out = WORK / "hostile" / f"{write.__name__}-{size}-draft"
    shutil.rmtree(out, ignore_errors=True)
    kursk = ROOT / "stories" / "kursk-explainer"
    wall, cpu = timed_command([*GENERATOR, "draft", str(article), "--out", str(out)], kursk)
    quotations = article.read_text(encoding="utf-8").count("“")
    return {"input": name, "step": "draft", "bytes": article.stat().st_size,
            "items": f"{quotations:,} quotations", "seconds": round(wall, 3), "cpu_seconds": round(cpu, 3)}
