"""Large stories and articles of a chosen size, for the growth tests and the benchmark of pathological inputs.

    many_quotes_story(folder, paragraphs)    # a story that passes `check`: two quotes per added paragraph
    many_quotations_article(path, size)      # an article for `draft`: a paragraph with a quotation, repeated
    one_paragraph_article(path, size)        # an article for `draft`: one paragraph of unattributed quotations
    one_sentence_article(path, size)         # an article for `draft`: one sentence of many attributed quotations

Both grow from the small fixture story and a corpus article, so what they hold reads like a real story.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SECOND_STORY = ROOT / "tests" / "fixtures" / "second-story"
CORPUS_ARTICLE = ROOT / "tests" / "corpus" / "many-speakers" / "article.txt"
SPEAKERS_PER_PERSON = 20  # each added person says this many of the added paragraphs
BYTES_PER_PARAGRAPH = 500  # about what one added paragraph adds to story.yaml and article.txt together


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block YAML as an editor writes it; shared lists written out each time (the reader refuses aliases)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def many_quotes_story(folder: Path, paragraphs: int) -> Path:
    """The fixture story with `paragraphs` more article paragraphs, each holding two quotes of one speaker.

    Each added paragraph is one sentence with two quotations ("the pier 7 is open", "ferry 7 runs"), listed
    as two quotes that share their sentence, a dated statement citing it with a quote, and a timeline event.
    """
    data = yaml.safe_load((SECOND_STORY / "story.yaml").read_text(encoding="utf-8"))
    article = (SECOND_STORY / "article.txt").read_text(encoding="utf-8").strip("\n")
    first = article.count("\n\n") + 2  # the number of the first added paragraph
    people = max(1, paragraphs // SPEAKERS_PER_PERSON)
    data["people"] += [{"id": f"person-{k}", "name": f"Person {k}", "kind": "person", "role": "Harbour pilot"}
                       for k in range(people)]
    added = []
    for n in range(paragraphs):
        speaker = f"person-{n % people}"
        added.append(f"Person {n % people} said on Monday that “the pier {n} is open” and “ferry {n} runs”, "
                     "adding nothing.")
        data["quotes"] += [{"id": f"pier-{n}", "text": f"the pier {n} is open", "speaker": speaker, "how": "said",
                            "date": "2025-03-03"},
                           {"id": f"ferry-{n}", "text": f"ferry {n} runs", "speaker": speaker, "how": "said"}]
        data["statements"].append({"id": f"said-{n}", "speaker": speaker, "gist": "Said the pier is open.",
                                   "date": "2025-03-03", "cites": [f"p{first + n}.s1"], "quotes": [f"pier-{n}"]})
        data["timeline"].append({"id": f"event-{n}", "date": "2025-03-03", "text": f"Pier {n} reopens.",
                                 "basis": "article", "cites": [f"p{first + n}.s1"]})
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text("\n\n".join([article, *added]) + "\n", encoding="utf-8")
    with (folder / "story.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(data, out, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    return folder


def many_quotes_story_of_size(folder: Path, size: int) -> Path:
    """A many-quotes story whose story.yaml and article.txt come to about `size` bytes together."""
    return many_quotes_story(folder, max(1, size // BYTES_PER_PARAGRAPH))


def many_quotations_article(path: Path, size: int) -> Path:
    """A corpus article whose body is repeated to about `size` bytes, each copy's quotations in new words."""
    headline, byline, *body = CORPUS_ARTICLE.read_text(encoding="utf-8").strip().split("\n\n")
    out, total, copy = [headline, byline], 0, 0
    while total < size:
        for paragraph in body:
            paragraph = paragraph.replace("”", f" {copy}”")  # the same words quoted twice are one quote
            out.append(paragraph)
            total += len(paragraph.encode()) + 2
        copy += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return path


def one_paragraph_article(path: Path, size: int) -> Path:
    """An article whose body is one paragraph of about `size` bytes of quotations that no one is said to have said."""
    unit = "Then “word {} here” came."
    body = " ".join(unit.format(n) for n in range(max(1, size // (len(unit) + 4))))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Harbour reopens\n\nFictional Wire Published 3 Mar, 2025 10:15am\n\nPORTVALE: {body}\n",
                    encoding="utf-8")
    return path


def one_sentence_article(path: Path, size: int) -> Path:
    """An article whose body is one sentence of about `size` bytes: a named speaker and a list of quotations."""
    quotations = ", ".join(f"“word {n} here”" for n in range(max(1, size // 18)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Harbour reopens\n\nFictional Wire Published 3 Mar, 2025 10:15am\n\nPORTVALE: Mayor Lena Ortiz "
                    f"said {quotations}.\n", encoding="utf-8")
    return path
