"""Make a synthetic story N times the size of a real one, for the scale benchmark.

    python benchmarks/make_story.py 100            # stories/kursk-explainer/ x100 -> benchmarks/work/story-100x/

The article is the source article repeated N times, so copy k of paragraph p3 is paragraph
p(3 + k * P), P being the article's paragraph count. Quotes, statements and timeline events are
copied N times with new ids (`deepening-cooperation-k7`): a copied quote keeps its words and its
speaker (so it still stands verbatim in the article and no words get two speakers), a copied
statement or event cites the same sentences in its own copy of the article. The result passes
every check of `python -m generator check`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.article.source import split_article  # noqa: E402
from generator.content.load import STORY_FILE  # noqa: E402
from generator.content.yamlfile import load_yaml  # noqa: E402

WORK = ROOT / "benchmarks" / "work"
_SENTENCE_ID = re.compile(r"^p(\d+)\.s(\d+)$")



class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared lists out each time: the story reader refuses YAML aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _shift(sentence_id: str, paragraphs: int) -> str:
    number, sentence = _SENTENCE_ID.match(sentence_id).groups()  # type: ignore[union-attr]
    return f"p{int(number) + paragraphs}.s{sentence}"


def _copy(item: dict, k: int, paragraphs: int, quote_ids: set[str]) -> dict:
    """Copy k of an item: new id, its citations moved to copy k of the article, its quotes to copy k."""
    if k == 0:
        return item
    item = dict(item)
    item["id"] = f"{item['id']}-k{k}"
    if "cites" in item:
        item["cites"] = [_shift(s, k * paragraphs) for s in item["cites"]]
    if "quotes" in item:
        item["quotes"] = [f"{q}-k{k}" if q in quote_ids else q for q in item["quotes"]]
    return item


def make_story(source: Path, factor: int, target: Path) -> Path:
    """Write a story `factor` times the size of `source` into `target` (replaced if it exists)."""
    document, problems = load_yaml(source / STORY_FILE, str(source / STORY_FILE))
    if document is None or problems:
        raise SystemExit("\n".join(map(str, problems)))
    data = document.data
    if not isinstance(data, dict):
        raise SystemExit(f"{source / STORY_FILE}: the file must be a mapping of fields")
    article_name = data.get("article", {}).get("file", "article.txt")
    article = (source / article_name).read_text(encoding="utf-8").strip("\n")
    paragraphs = len(split_article(article).paragraphs())
    quote_ids = {quote["id"] for quote in data.get("quotes", [])}

    for section in ("quotes", "statements", "timeline"):
        originals = data.get(section, [])
        data[section] = [_copy(item, k, paragraphs, quote_ids) for k in range(factor) for item in originals]

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(STORY_FILE, article_name))
    (target / article_name).write_text("\n\n".join([article] * factor) + "\n", encoding="utf-8")
    with (target / STORY_FILE).open("w", encoding="utf-8") as out:
        yaml.dump(data, out, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    expected = paragraphs * factor
    if len(split_article((target / article_name).read_text(encoding="utf-8")).paragraphs()) != expected:
        raise SystemExit(f"the repeated article does not have {expected} paragraphs; sentence ids would not line up")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("factor", type=int, help="how many times the quotes, statements and events")
    parser.add_argument("--source", type=Path, default=ROOT / "stories" / "kursk-explainer",
                        help="story folder to grow (default: stories/kursk-explainer)")
    parser.add_argument("--out", type=Path, help="folder to write (default: benchmarks/work/story-<factor>x)")
    args = parser.parse_args()
    target = make_story(args.source, args.factor, args.out or WORK / f"story-{args.factor}x")
    print(target)


if __name__ == "__main__":
    main()
