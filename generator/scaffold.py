"""`python -m generator new DIR`: a minimal story that builds at once, with comments on every field."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import OutputError
from .schema import story_schema

STORY_TEMPLATE = """\
# yaml-language-server: $schema=story.schema.json
# A new story. Every field is explained in docs/editing.md; `python -m generator check {folder}` checks it.
# Paste the source article's text into article.txt, exactly as published, paragraphs separated by a blank
# line; quotes below must match it character for character. Sentences get ids by position (p1.s1 is the
# first sentence of the first paragraph): list them with `python -m generator sentences {folder}`.

meta:
  headline: "New explainer"          # the explainer's own headline
  kind: Explainer                    # Explainer, Analysis or Fact check: the label above the headline
  summary: >-                        # one or two sentences for search engines and share cards
    A short summary of the story.
  published: {now}   # when the explainer is published, with its time zone
  language: en                       # language tag of the text, e.g. en, en-GB, fr

site:                                # the site's identity; leave a field out to use its default
  name: "New explainer"              # header and browser tab (default: the headline up to its first colon)
  # description: ...                 # for search engines (default: meta.summary)
  # credit: ...                      # footer credit line (default: names the agency and the outlet below)
  # report_url: https://...          # where "Report an error" leads (default: the repository's issues)

article:                             # the source article whose text is in article.txt
  file: article.txt
  headline: "Headline of the source article"
  agency: News agency                # who wrote it
  outlet: Publication                # where the text was taken from (the same as agency if it wrote it)
  url: https://example.com/article   # the address of that copy (http or https only)
  byline: "1 Jan 2025 09:00"         # the byline as printed (leave out if it gives no time)
  published: 2025-01-01T09:00:00+00:00   # with its time zone; just the date (2025-01-01) if no time is given
  dateline: City
  event_date: 2025-01-01             # the day the article's "on Monday" is counted from

takeaways: []     # 3-5 items: {{text: ..., cites: [p1.s1]}}; list sentence ids with `python -m generator sentences`
questions: []     # {{id, question, answer, cites, quotes, statements}}
unknowns: []      # what is not known: {{text, cites}}
parties: []       # sides in the story: {{id, name}}
people: []        # {{id, name, kind: person|organisation, role, affiliation, party}}
quotes: []        # {{id, text (exactly as in the article), speaker, how, where, date}}
statements: []    # reported speech: {{id, speaker, gist, date, cites}}; dates may be 2019, 2024-08 or 2024-08-06
reactions: []     # {{party, position, status: confirmed|claimed|denied|did-not-deny|would-not-confirm|no-comment}}
background: []    # {{id, title, text, confidence: high|medium, sources: [{{outlet, title, date, url, kind}}]}}
timeline: []      # {{id, date, text, basis: article|background, cites or background, next: true if after the article}}
changes:          # updates and corrections log
  - date: {now}
    kind: published
    text: First published.
"""

# Empty: a line starting with # would be an editor's comment, left out of the text with a warning.
ARTICLE_TEMPLATE = ""


def scaffold_story(folder: Path, now: str) -> list[Path]:
    """Create story.yaml, article.txt and story.schema.json in a new or empty folder."""
    if folder.exists() and any(folder.iterdir()):
        raise OutputError(f"{folder} is not empty; choose a new folder for the story")
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        folder / "story.yaml": STORY_TEMPLATE.format(folder=folder, now=now),
        folder / "article.txt": ARTICLE_TEMPLATE,
        folder / "story.schema.json": json.dumps(story_schema(), indent=2) + "\n",
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)
