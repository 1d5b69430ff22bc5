"""The texts a story rests on: the article, and each further source listed under `sources`, read from its own file.

Each text is split into sentences with ids of its own; a further source's are cited after its id
(`tass:p1.s1`), the article's alone (`p3.s1`), so a story with the article only reads exactly as before.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..article.further import OwnWords, ReportPassages, Voice
from ..article.quoted import QuotedPassages
from ..article.source import Sentence, SourceText, split_article
from .errors import Problem
from .schema import Story, StorySource
from .yamlfile import YamlDocument, read_text

ARTICLE = ""  # the article's key among the texts: its sentence ids carry no source id
# Kinds of source that are their speaker's (or body's) own words throughout, not a report quoting people.
OWN_WORDS_KINDS = ("statement", "transcript", "document")


@dataclass(frozen=True)
class StoredText:
    """One source's text as the story keeps it, with its quoted passages and where messages say it is."""

    key: str  # the source's id; ARTICLE for the article
    label: str  # its file, as an editor types it
    text: SourceText
    quoted: QuotedPassages
    entry: StorySource | None = None  # None for the article
    warnings: tuple[Problem, ...] = ()  # what reading its file found that is worth a look, not a mistake

    def sentence_id(self, sentence: Sentence) -> str:
        """The id a story cites the sentence by: 'tass:p1.s1', or 'p3.s1' in the article."""
        return f"{self.key}:{sentence.id}" if self.key else sentence.id

    @property
    def what(self) -> str:
        """How a message names it: 'the article', or 'the source' before its file's name."""
        return "the article" if self.key == ARTICLE else "the source"

    @property
    def named_in_message(self) -> str:
        """'the source' for the article, as `check` has always named it; a further source by its file."""
        return "the source" if self.key == ARTICLE else f"{self.label}, the source it names"

    @property
    def what_names(self) -> str:
        """'the article', or the source's file: who 'says' what a message reports of it."""
        return "the article" if self.key == ARTICLE else self.label

    def sentence_ids(self) -> list[str]:
        """The ids a story may cite: a release's press contacts, after its end mark, are not shown to cite."""
        return [self.sentence_id(sentence) for sentence in self.text.body]


def split_sentence_id(sentence_id: str) -> tuple[str, str]:
    """'tass:p1.s1' -> ('tass', 'p1.s1'); 'p3.s1' -> (ARTICLE, 'p3.s1')."""
    key, _, local = sentence_id.rpartition(":")
    return key, local


def source_key(source_id: str | None) -> str:
    """The key of the text a quote or statement names as its `source`: the article's when it names none."""
    return source_id or ARTICLE


def texts_by_key(texts: Iterable[StoredText]) -> dict[str, StoredText]:
    return {text.key: text for text in texts}


def sentences_by_id(texts: Iterable[StoredText]) -> dict[str, tuple[Sentence, StoredText]]:
    """Every sentence of every text by the id a story cites it by, with the text it is in."""
    return {text.sentence_id(sentence): (sentence, text) for text in texts for sentence in text.text.sentences}


def anchor_day(story: Story, text: StoredText) -> dt.date:
    """The day a text's 'on Monday' is counted from: the article's event date, a further source's own day."""
    day = text.entry.date.as_date() if text.entry else None
    return day or story.article.event_date


def unknown_sentence(value: str, known: Sequence[str]) -> str:
    """Why a cited sentence id names no sentence: its source is not listed, or has no such sentence."""
    key, _ = split_sentence_id(value)
    own = [sentence_id for sentence_id in known if split_sentence_id(sentence_id)[0] == key]
    if key and not own:
        return (f"no source with id '{key}' for the sentence '{value}'; a further source's sentences are cited "
                "after the id it has under `sources`")
    where = f"the source '{key}'" if key else "the article"
    return f"no sentence '{value}' in {where} (its last is {own[-1] if own else 'none'})"


def passages_of(entry: StorySource, source: SourceText, label: str, story: Story) -> QuotedPassages:
    """How a further source is searched: one speaker's own words throughout, or a report that quotes people."""
    if entry.speaker is None and entry.kind not in OWN_WORDS_KINDS:
        return ReportPassages(source, label)
    speaker = next((person for person in story.people if person.id == entry.speaker), None)
    return OwnWords(source, label, Voice(speaker.name, speaker.kind) if speaker else None)


def load_further_sources(folder: Path, story: Story, document: YamlDocument, limit: int,
                         comment_lines: Callable[[str, str], list[Problem]],
                         shown: Sequence[str]) -> tuple[list[StoredText], list[Problem]]:
    """Each further source's text, read from its file; a file missing or unreadable is a located problem.

    `comment_lines` gives the warnings for a text's raw lines as the article's get them, by the file's label;
    `shown`: how each path reads in a message, made by the caller (relative to the working folder)."""
    texts, problems = [], []
    taken = {story.article.file: "article.file", "story.yaml": "the story itself"}
    for index, entry in enumerate(story.sources):
        field = ("sources", index, "file" if entry.file else "id")
        path = folder / entry.file_name
        label = shown[index]
        if entry.file_name in taken:
            problems.append(document.problem(field, f"sources[{index}].{field[-1]}",
                                             f"the file {entry.file_name} is already {taken[entry.file_name]}'s; "
                                             "each source needs a text file of its own"))
            continue
        taken[entry.file_name] = f"sources[{index}]"
        if not os.path.lexists(path):
            message = (f"no file {label}; a source's text is kept beside the YAML, in the file its `file` names "
                       f"(default: its id with .txt)")
            problems.append(document.problem(field, f"sources[{index}].{field[-1]}", message))
            continue
        raw, unreadable = read_text(path, label, limit, folder)
        if raw is None:
            problems += unreadable
            continue
        source = split_article(raw)
        texts.append(StoredText(entry.id, label, source, passages_of(entry, source, label, story), entry,
                                tuple(comment_lines(raw, label))))
    return texts, problems



def further_in_words(further: Sequence[StoredText]) -> str:
    """' and 2 further sources of 14 sentences' for `check`'s summary; nothing for a story of the article alone."""
    if not further:
        return ""
    count = sum(len(text.text.sentences) for text in further)
    return (f" and {len(further)} further source{'s' if len(further) > 1 else ''} of {count} "
            f"sentence{'s' if count != 1 else ''}")
