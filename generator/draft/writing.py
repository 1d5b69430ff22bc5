"""Write a draft as story.yaml: every guessed value followed by its `# REVIEW:` marker, placeholders marked too."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from ..article.quotation import find_quotations, listed_words, looks_like_quotation_mark
from ..article.quotations import find_passages
from ..article.quoted import QuotedPassages
from ..article.source import split_article
from ..article.text_dates import date_style
from ..content.quote_checks import STRAIGHT_SINGLE, quotations_in, unreadable_quotation
from ..content.review import MARKER
from ..content.schema import TEXT_MAX_LENGTH
from ..content.yamlwrite import yaml_comment, yaml_value
from .byline import without_dateline
from .compose import Draft
from .front import Guess
from .people import Speaker
from .reported import DraftStatement
from .review_marks import person_marks
from .several_sources import sources_yaml

HEADER = """\
# yaml-language-server: $schema=story.schema.json
# A first draft, made by `python -m generator draft` from {source}.
# Each value it guessed is followed by a "{marker}" comment saying why. Check each against the article,
# correct it if needed, then delete the comment. `python -m generator check` counts the markers left, and every
# page is labelled Draft until none is left. Field by field help: docs/editing.md.
"""

PLACEHOLDERS = {
    "takeaways": "three to five takeaways, each citing its sentences: {text: ..., cites: [p3.s1]}",
    "questions": "short question-led sections: {id, question, answer, cites, quotes, statements}",
    "unknowns": "what is not known: {text, cites}",
    "parties": "the sides in the story, {id, name}; then set `party:` on people",
    "reactions": "where each party stands: {party, position, status, quotes, statements, cites}",
    "background": "vetted facts from outside the article, each with its sources",
}


# The writing left to the editor in every statement and event: one task each, one marker for all.
GISTS_TO_WRITE = "each gist below is its sentence as the article writes it: rewrite each shorter, keeping who said it"
EVENTS_TO_WRITE = ("each event's text below is its sentence, or the part of it that names its date: rewrite each as "
                   "an event, and delete any event where nothing happened then")


def _marker(why: str | None) -> str:
    """The review marker that ends a line, saying why the value is a guess."""
    return f"  {MARKER} {yaml_comment(why)}" if why else ""


def _line(indent: str, key: str, value: object, why: str | None = None, verbatim: bool = False,
          quoted: QuotedPassages | None = None) -> str:
    """A field's line. Text is made text the site may show (`_site_text`, when the article's `quoted` passages are
    given), but for the article's own words (`verbatim`: a quote, the article's headline and byline)."""
    if isinstance(value, Guess):
        guess = value
        value, why = guess.value, guess.why
    if isinstance(value, str) and not verbatim and quoted is not None:
        value = _site_text(value, quoted)
    return f"{indent}{key}: {yaml_value(value)}{_marker(why)}"


def _within_limit(text: str) -> str:
    """A stand-in sentence cut at a word to the length a text field may have, so the draft still passes check."""
    if len(text) <= TEXT_MAX_LENGTH:
        return text
    cut = text[: TEXT_MAX_LENGTH - 1]
    return cut[: cut.rfind(" ")].rstrip() + "…" if " " in cut else cut + "…"


def _site_text(text: str, quoted: QuotedPassages) -> str:
    """Words from the article made into text the site may show, so that the draft passes check: without quotation
    marks where the article leaves them unbalanced (12" long, an unclosed “), uses straight single ones, or where
    a sentence cut from its paragraph pairs them otherwise than the article does."""
    line = " ".join(text.split())
    if unreadable_quotation(line) or STRAIGHT_SINGLE.search(text) or any(
            not quoted.find(words) for _, _, words in quotations_in(line)):
        text = "".join(c for c in text if c not in '“”"‘' and not (c not in "’'" and looks_like_quotation_mark(c)))
    return text if text.strip() else "To write."


def story_yaml(draft: Draft, source_label: str, now: dt.datetime) -> str:
    """The draft as story.yaml's text: its sections in the schema's order, each guess followed by its marker."""
    line = functools.partial(_line, quoted=QuotedPassages(split_article(draft.text)))
    # The file name quoted as YAML text, so that a line break or an odd character in it shows as an escape.
    out = [HEADER.format(source=yaml_comment(yaml_value(source_label)), marker=MARKER), *_meta(draft, now, line)]
    out += ["", *_article(draft.article, line), *sources_yaml(draft.sources, line), ""]
    out += _placeholders(("takeaways", "questions", "unknowns", "parties"))
    out += ["", *_people(draft.people, line)]
    out += ["", *_quotes(draft, line)]
    out += _terms(draft, line)
    out += ["", *_statements(draft, line), ""]
    out += _placeholders(("reactions", "background"))
    event_date = draft.article["event_date"]
    anchor: dt.date = event_date.value if isinstance(event_date, Guess) else event_date
    timeline = _timeline(draft, anchor, line)
    out += ["", f"timeline:{_marker(EVENTS_TO_WRITE)}" if timeline else "timeline: []", *timeline]
    # A draft is not published: its pages show no stamp of their own until the editor gives one.
    out += ["", f"changes: []  # drafted {now.date().isoformat()}; when the explainer goes out, add its first "
                "publication (date, kind: published, text: First published.)", ""]
    return "\n".join(out)


def _placeholders(sections: tuple[str, ...]) -> list[str]:
    """Each editorial section the draft leaves to the editor, empty, with a comment saying what to write. They are
    one task, writing what the draft makes nothing up for, so the first of them alone carries a marker."""
    out = []
    for section in sections:
        if section == next(iter(PLACEHOLDERS)):
            why = f"to write: {', '.join(PLACEHOLDERS)} (the draft makes none of them up); here {PLACEHOLDERS[section]}"
            out.append(f"{section}: []{_marker(why)}")
        else:
            out.append(f"{section}: []  # to write: {PLACEHOLDERS[section]}")
    return out


def _meta(draft: Draft, now: dt.datetime, line: Callable[..., str]) -> list[str]:
    """The explainer's own headline and summary, each a stand-in to replace, and the article's date style."""
    out = ["meta:",
           line("  ", "headline", draft.article["headline"], "the article's headline, and its first sentence as "
                "the summary below, stand in for the explainer's own: write both"),
           line("  ", "kind", "Explainer"),
           line("  ", "summary", _within_limit(draft.lead))]
    if date_style(draft.text) == "ap":  # the pages write dates as the article does: Feb. 8, 2024
        out.append(line("  ", "date_style", "ap"))
    return out


_ARTICLE_FIELDS = ("headline", "agency", "author", "outlet", "url", "byline", "published", "dateline", "event_date")


def _article(article: dict, line: Callable[..., str]) -> list[str]:
    """What the article is and when it was published, as read from it."""
    return ["article:", line("  ", "file", "article.txt"),
            *[line("  ", key, article[key], verbatim=True) for key in _ARTICLE_FIELDS
              if article[key] is not None]]  # `byline` is left out when the outlet prints no time


def _people(people: list[Speaker], line: Callable[..., str]) -> list[str]:
    """Each speaker, with what the article gives of them; a marker only on what was inferred (review_marks.py)."""
    out = ["people:" if people else "people: []"]
    for person in people:
        marks = person_marks(person)
        out.append(line("  - ", "id", person.id))
        out.append(line("    ", "name", person.name, marks.get("name")))
        out.append(line("    ", "kind", person.kind, marks.get("kind")))
        out += [line("    ", key, getattr(person, key), marks.get(key)) for key in ("role", "affiliation")
                if getattr(person, key)]
    return out


def _quotes(draft: Draft, line: Callable[..., str]) -> list[str]:
    """Each quotation, word for word, with its speaker, how and where it was said, and its date; the speaker and
    date marked where inferred."""
    out = ["quotes:" if draft.quotes else "quotes: []"]
    for quote in draft.quotes:
        out.append(line("  - ", "id", quote.id))
        out.append(line("    ", "text", quote.passage.words, _whole_why(quote.passage.paragraphs), verbatim=True))
        out += [line("    ", "source", quote.source)] if quote.source else []
        if quote.speaker:
            out.append(line("    ", "speaker", quote.speaker.id, None if quote.named else quote.speaker_why))
        out.append(line("    ", "how", quote.how))
        if quote.where:
            out.append(line("    ", "where", quote.where))
        out += _date(quote.date, quote.date_why, line, quote.date_sure)
    return out


def _date(date: object, why: str | None, line: Callable[..., str], sure: bool = False) -> list[str]:
    """A quote's or a statement's date with how it was found (unless its own words give it), or the note that none
    was found, or nothing."""
    if date:
        return [line("    ", "date", date, None if sure else why)]
    if why:
        return [line("    ", "date_note", why, "no date found; add one if the article gives it")]
    return []


def _terms(draft: Draft, line: Callable[..., str]) -> list[str]:
    """Quoted words that are nobody's speech, each with the source it is in where that is not the article."""
    out = ["", "terms:"] if draft.terms else []
    for term in draft.terms:
        out.append(line("  - ", "text", term.passage.words, term.why, verbatim=True))
        out += [line("    ", "source", term.source)] if term.source else []
    return out


def _statements(draft: Draft, line: Callable[..., str]) -> list[str]:
    """Each sentence of reported speech, with its speaker, its gist (the sentence itself), its date and its quotes."""
    speakers = {quote.passage.words: quote.speaker for quote in draft.quotes}  # whose words each quotation is
    terms = {term.passage.words for term in draft.terms}
    out = [f"statements:{_marker(GISTS_TO_WRITE)}" if draft.statements else "statements: []"]
    for statement in draft.statements:
        out.append(line("  - ", "id", statement.id))
        note = f"; {statement.speaker_note}" if statement.speaker_note else ""
        sure = statement.named and not note
        out.append(line("    ", "speaker", statement.speaker.id,
                        None if sure else f"from the words '{statement.evidence}'{note}"))
        out.append(line("    ", "gist", _within_limit(without_dateline(_gist(statement, speakers, terms)))))
        out += [line("    ", "source", statement.source)] if statement.source else []
        out += _date(statement.date, statement.date_why, line, statement.date_sure)
        out.append(line("    ", "cites", [statement.sentence.id]))
        own = [quote.id for quote in statement.quotes if quote.speaker is statement.speaker]
        if own:
            out.append(line("    ", "quotes", own))
    return out


def _whole_why(paragraphs: int) -> str | None:
    if paragraphs == 1:
        return None
    return (f"one quotation over {paragraphs} paragraphs, listed whole as it opens inside a paragraph; it may "
            "instead be listed paragraph by paragraph, one quote each")


def _timeline(draft: Draft, anchor: dt.date, line: Callable[..., str]) -> list[str]:
    """Each event of the draft's timeline, oldest first; one after the event date marked `next`."""
    out = []
    numbered: dict[str, int] = {}  # a sentence's events after its first: event-p3-s1-2, -3, ...
    for event in draft.events:
        base = f"event-{event.sentence.id.replace('.', '-').replace(':', '-')}"
        numbered[base] = numbered.get(base, 0) + 1
        out.append(line("  - ", "id", base if numbered[base] == 1 else f"{base}-{numbered[base]}"))
        out.append(line("    ", "date", event.date, None if event.sure else event.date_why))
        out.append(line("    ", "text", _within_limit(event.text or without_dateline(event.sentence.text))))
        out.append(line("    ", "basis", "article"))
        out.append(line("    ", "cites", [event.sentence.id]))
        if event.date.first_day() > anchor:
            out.append(line("    ", "next", True))
    return out


def _gist(statement: DraftStatement, speakers: dict[str, Speaker | None], terms: set[str]) -> str:
    """The statement's sentence, each quotation in it that is not its speaker's left out ("…"), and each term's
    words without their marks: a statement's gist quotes only its own speaker."""
    text = statement.sentence.text
    double = [(p.start - 1, p.start + len(p.text) + p.closed, p.text) for p in find_quotations(text).passages]
    single = [(p.opening, p.end + 1, p.text) for p in find_passages(text) if text[p.opening] == "‘"]
    cut_to = len(text) + 1
    for start, end, words in sorted(double + single, reverse=True):
        if end <= cut_to and speakers.get(listed_words(words)) is not statement.speaker:
            kept = words if listed_words(words) in terms else "…"
            text, cut_to = text[:start] + kept + text[end:], start
    # Marks the article leaves unbalanced may pair up anew once a quotation is cut: then no mark is kept.
    quoted = [p.text for p in find_quotations(text).passages if p.closed]
    quoted += [p.text for p in find_passages(text) if text[p.opening] == "‘"]
    if any(speakers.get(listed_words(words)) is not statement.speaker for words in quoted):
        text = text.translate({ord(mark): None for mark in "“”\"‘"})
    return text
