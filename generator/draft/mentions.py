"""Who a sentence names, noted before its attributions are read: full names with their titles and roles (so
that a surname quoted first can be completed), organisations (for "the company" after them), and the person a
sentence opens with (for "he" or "she" next)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..article.source import ABBREVIATIONS
from .attribution import VERB, Q
from .byline import without_dateline
from .names import (
    NAME_PARTICLES,
    NOT_NAMES,
    ROLE_WORDS,
    TITLES,
    Phrase,
    appositive_role,
    bare,
    is_capitalised,
    looks_like_name,
    names_an_organisation,
    read_phrase,
    role_and_affiliation,
    singular,
)
from .people import Cast


def note_subject(frame: str, cast: Cast) -> None:
    """A sentence that opens with a full name ("Resident Grace Fennimore spoke ...") or with the last name of someone
    named before ("Ferri, 19, was making ...") names who "she" or "he" is next."""
    words = []
    for word in without_dateline(frame).split():
        if word[:1].islower() and singular(bare(word)) not in ROLE_WORDS or not word[:1].isalpha():
            break
        words.append(word)
        if word.endswith(","):
            break
    if len(words) == 1 and words[0].endswith(","):
        cast.known_person(words[0].rstrip(","))
        return
    phrase = read_phrase(" ".join(words)) if len(words) >= 2 else None
    if phrase and phrase.kind == "person" and not phrase.pronoun and len(phrase.name.split()) >= 2 \
            and looks_like_name(phrase.name):
        cast.resolve(phrase, " ".join(words))


_NAME_WORD = r"(?:(?:[A-Z]\.){1,3}|St\.|[A-Z][\w’'-]+)"  # "J.P.", "St.", "O’Brien-Walsh"
_CAPITALISED_RUN = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:(?:{'|'.join(NAME_PARTICLES)})\s+)*{_NAME_WORD}){{1,4}}")

_BELONGS_TO = re.compile(
    rf"^\s+(?:of|at|from)\s+(?:the\s+)?({_NAME_WORD}(?:\s+(?:(?:of|for|and|on)\s+)?{_NAME_WORD})*)")
# Lower-case words that end a title written before a name: "led by principal investigator Christopher Walker".
_NOT_IN_TITLES = NOT_NAMES | {"by", "or", "said", "says", "told", "is", "was", "are", "were", "has", "have", "had",
                              "be", "been", "will", "would", "his", "her", "its", "their", "our", "my", "your",
                              "including", "who", "whose", "which", "named", "called", "than", "like"}


def _title_before(words: list[str]) -> list[str]:
    """The title right before a name, of at most three words: written in capitals ("NASA Administrator Bill
    Nelson"), a title ("coach J.P. Okonjo"), or lower-case words ending in a word for a role ("principal
    investigator Christopher Walker")."""
    title: list[str] = []
    lower_case_role = False
    for word in reversed(words[-3:]):
        plain = bare(word)
        if word.endswith((",", ":", ";")) or plain in _NOT_IN_TITLES or VERB.fullmatch(plain):
            break
        if is_capitalised(word) or plain in TITLES:
            title.insert(0, word)
        elif word[:1].islower() and (lower_case_role or not title and singular(plain) in ROLE_WORDS):
            title.insert(0, word)
            lower_case_role = True
        else:
            break
    return title


def note_names(frame: str, cast: Cast) -> None:
    """Full names with their titles and roles, so that a surname quoted first can be completed: "Mayor Lena
    Ortiz", and "Laurie Leshin, director, NASA’s Jet Propulsion Laboratory" in a list of participants."""
    for match in _CAPITALISED_RUN.finditer(frame):
        reach = max(0, match.start() - 200)  # a few words back, not the whole of a long sentence
        before = _title_before(frame[reach : match.start()].split()[1 if reach else 0 :])
        phrase = read_phrase(" ".join([*before, match.group()]))
        if phrase and cast.organisations.names_one(match.group()):
            cast.note_organisation(_organisation_named(frame, match, phrase))
            continue
        if phrase is None or phrase.kind != "person" or phrase.pronoun:
            continue
        cast.note_full_name(_with_words_after(phrase, frame[match.end() : match.end() + 200]))


def _organisation_named(frame: str, match: re.Match, phrase: Phrase) -> Phrase:
    """An organisation's name as the article writes it, a full stop that belongs to it kept ("Acme Robotics Inc.")."""
    name = match.group()
    if frame.startswith(".", match.end()) and f"{name.split()[-1]}." in ABBREVIATIONS:
        name += "."
    return replace(phrase, name=name, kind="organisation", role=None)


def _with_words_after(phrase: Phrase, after: str) -> Phrase:
    """A person's phrase with the organisation and the role the words after their name give: "Judge Miriam
    Achterberg of the Harwick County Court", "Laurie Leshin, director, NASA’s Jet Propulsion Laboratory"."""
    belongs = _BELONGS_TO.match(after)
    if belongs and not phrase.affiliation and names_an_organisation(belongs.group(1)):
        phrase = replace(phrase, affiliation=belongs.group(1))
        after = after[belongs.end():]
    written = appositive_role(re.split(rf"[.;]|{Q}", after[1:])[0]) if after.startswith(",") else None
    if not written:
        return phrase
    role, affiliation = role_and_affiliation(written)
    return replace(phrase, role=", ".join(part for part in (phrase.role, role) if part) or None,
                   affiliation=phrase.affiliation or affiliation)
