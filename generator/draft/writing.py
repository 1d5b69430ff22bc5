"""Write a draft as story.yaml: every guessed value followed by its `# REVIEW:` marker, placeholders marked too."""

from __future__ import annotations

import datetime as dt
import json
import re

from ..dates import PartialDate
from ..review import MARKER
from ..schema import TEXT_MAX_LENGTH
from ..source import Sentence
from .byline import without_dateline
from .compose import Draft, Guess

_UNSAFE = re.compile("[\u007f-\u009f\u2028\u2029\ufeff]")

HEADER = """\
# yaml-language-server: $schema=story.schema.json
# A first draft, made by `python -m generator draft` from {source}.
# Each value it guessed is followed by a "{marker}" comment saying why. Check each against the article,
# correct it if needed, then delete the comment. `python -m generator check` counts the markers left, and every
# page is labelled Draft until none is left. Field by field help: docs/editing.md.
"""

PLACEHOLDERS = {
    "takeaways": "to write: three to five takeaways, each citing its sentences: {text: ..., cites: [p3.s1]}",
    "questions": "to write: short question-led sections: {id, question, answer, cites, quotes, statements}",
    "unknowns": "to write: what is not known: {text, cites}",
    "parties": "to write: the sides in the story, {id, name}; then set `party:` on people",
    "reactions": "to write: where each party stands: {party, position, status, quotes, statements, cites}",
    "background": "to write: vetted facts from outside the article, each with its sources",
}


def scalar(value: object) -> str:
    """A YAML scalar: dates bare, everything else as a double-quoted string with escapes YAML reads back."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | PartialDate):  # "2019" reads back as a year, "2024-08" as text: both valid
        return value.isoformat()
    text = json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _line(indent: str, key: str, value: object, why: str | None = None) -> str:
    if isinstance(value, Guess):
        guess = value
        value, why = guess.value, guess.why
    comment = f"  {MARKER} {' '.join(why.split())}" if why else ""
    return f"{indent}{key}: {scalar(value)}{comment}"


def _within_limit(text: str) -> str:
    """A stand-in sentence cut at a word to the length a text field may have, so the draft still passes check."""
    if len(text) <= TEXT_MAX_LENGTH:
        return text
    cut = text[: TEXT_MAX_LENGTH - 1]
    return cut[: cut.rfind(" ")].rstrip() + "…" if " " in cut else cut + "…"


def _ids(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def story_yaml(draft: Draft, source_label: str, now: dt.datetime) -> str:
    article = draft.article
    out = [HEADER.format(source=source_label, marker=MARKER), "meta:"]
    out.append(_line("  ", "headline", article["headline"],
                     "the article's headline as a stand-in; write the explainer's own"))
    out.append("  kind: Explainer")
    out.append(_line("  ", "summary", _within_limit(draft.lead),
                     "the article's first sentence as a stand-in; write your own"))
    out.append(_line("  ", "published", now, "the time of drafting; set when the explainer is published"))
    out += ["", "article:", "  file: article.txt"]
    for key in ("headline", "agency", "outlet", "url", "byline", "published", "dateline", "event_date"):
        if article[key] is not None:  # `byline` is left out when the outlet prints no time
            out.append(_line("  ", key, article[key]))
    out.append("")
    for section in ("takeaways", "questions", "unknowns", "parties"):
        out.append(f"{section}: []  {MARKER} {PLACEHOLDERS[section]}")
    out += ["", "people:" if draft.people else "people: []"]
    for person in draft.people:
        out.append(f"  - id: {person.id}")
        out.append(_line("    ", "name", person.name))
        out.append(_line("    ", "kind", person.kind, f"guessed from '{person.name}'"))
        if person.role:
            out.append(_line("    ", "role", person.role, "read from the words beside the name"))
    out += ["", "quotes:" if draft.quotes else "quotes: []"]
    for quote in draft.quotes:
        out.append(f"  - id: {quote.id}")
        out.append(_line("    ", "text", quote.passage.words))
        if quote.speaker:
            out.append(f"    speaker: {quote.speaker.id}  {MARKER} {' '.join(quote.speaker_why.split())}")
        out.append(_line("    ", "how", quote.how, "the attribution's verb"))
        if quote.where:
            out.append(_line("    ", "where", quote.where, "the attribution's place"))
        if quote.date:
            out.append(_line("    ", "date", quote.date, quote.date_why))
        elif quote.date_why:
            out.append(_line("    ", "date_note", quote.date_why, "no date found; add one if the article gives it"))
    out += ["", "statements:" if draft.statements else "statements: []"]
    for statement in draft.statements:
        out.append(f"  - id: {statement.id}")
        out.append(f"    speaker: {statement.speaker.id}  {MARKER} from the words "
                   f"'{' '.join(statement.evidence.split())}'")
        out.append(_line("    ", "gist", _within_limit(without_dateline(statement.sentence.text)),
                         "the sentence itself; rewrite it shorter, keeping who said it"))
        if statement.date:
            out.append(_line("    ", "date", statement.date, statement.date_why))
        out.append(f"    cites: [{statement.sentence.id}]")
        if statement.quotes:
            out.append(f"    quotes: {_ids([quote.id for quote in statement.quotes])}")
    out.append("")
    for section in ("reactions", "background"):
        out.append(f"{section}: []  {MARKER} {PLACEHOLDERS[section]}")
    anchor: dt.date = article["event_date"].value if isinstance(article["event_date"], Guess) \
        else article["event_date"]
    out += ["", "timeline:" if _timeline(draft, anchor) else "timeline: []", *_timeline(draft, anchor)]
    out += ["", "changes:", f"  - date: {now.isoformat()}", "    kind: published", "    text: First published.", ""]
    return "\n".join(out)


def _timeline(draft: Draft, anchor: dt.date) -> list[str]:
    """An event for each dated statement and each other sentence that names a year or a month, oldest first."""
    events: list[tuple[PartialDate, Sentence, str | None, str]] = []
    for statement in draft.statements:
        if statement.date:
            events.append((PartialDate.parse(statement.date), statement.sentence, None,
                           "the statement's sentence; rewrite it as an event"))
    taken = {sentence.id for _, sentence, _, _ in events}
    for named in draft.named_times:
        if named.sentence.id not in taken:
            events.append((named.date, named.sentence, named.why, "a sentence that names a time; rewrite it as an "
                           "event, or delete it if nothing happened then"))
    out = []
    for date, sentence, date_why, text_why in sorted(events, key=lambda event: event[0].sort_key()):
        out.append(f"  - id: event-{sentence.id.replace('.', '-')}")
        out.append(_line("    ", "date", date, date_why))
        out.append(_line("    ", "text", without_dateline(sentence.text), text_why))
        out.append("    basis: article")
        out.append(f"    cites: [{sentence.id}]")
        if date.first_day() > anchor:
            out.append("    next: true")
    return out
