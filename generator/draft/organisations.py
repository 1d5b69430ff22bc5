"""What an article says about its organisations, read once from its whole text before its sentences are read.

- Names it writes as an organisation's: "Harlow Ridge Foods will close its plant" (a capitalised name whose
  sentence goes on with "its" is no person, whatever its words);
- what an acronym stands for: "the U.S. General Services Administration (GSA)", or, without the brackets, the one
  organisation the article names whose words' initials spell it ("The U.S. General Services Administration plans
  ...", then "GSA estimates ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import HONORIFICS, ORGANISATION_WORDS, ROLE_WORDS, bare, singular

_JOINERS = {"of", "and", "for", "on", "the", "&"}
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'&-]*|\d+[A-Za-z]?)"  # "U.S.", "Administration", "Local 9"
_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|and|for|on|the|&)\s+)*{_WORD})*")
# The name, then at most two lower-case words with no noun phrase of their own ("will close", "has moved"), then
# "its": "Harlow Ridge Foods will close its Milbrook plant".
_THEN_ITS = re.compile(r"\s+(?:(?!the\b|a\b|an\b|that\b|and\b|but\b|who\b)[a-z]+\s+){1,2}its\b")
ACRONYM_IN_BRACKETS = r"\((?P<acronym>[A-Z](?=[a-z&]*[A-Z])[A-Za-z&]{1,9})\)"  # "(GSA)", "(DfE)"
_DEFINED = re.compile(rf"\s*{ACRONYM_IN_BRACKETS}")
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K.": a qualifier kept before a name, not an initial


@dataclass
class Organisations:
    """Names the article treats as organisations, and the full name of each acronym it uses."""

    names: dict[str, str] = field(default_factory=dict)  # name -> the words that show it is an organisation
    acronyms: dict[str, str] = field(default_factory=dict)
    defined: dict[str, str] = field(default_factory=dict)  # acronym -> the words that define it, for the marker

    def full_name(self, acronym: str) -> str | None:
        return self.acronyms.get(acronym)

    def names_one(self, name: str) -> bool:
        """A name the article writes as an organisation's, or by its words one ("Fenwick Rivers Trust")."""
        name = _without_article(name)
        words = name.split()
        return name in self.names or name in self.acronyms.values() or (
            len(words) >= 2 and all(word[:1].isupper() or word in _JOINERS for word in words)
            and singular(bare(words[-1])) in ORGANISATION_WORDS)


def organisations_in(text: str, verbs_of_saying: re.Pattern[str]) -> Organisations:
    """`verbs_of_saying`: after "said" or "told", "its" starts the words reported, so it tells nothing of the name."""
    found = Organisations()
    spelled: dict[str, set[str]] = {}  # acronym -> organisations whose initials spell it, from names alone
    for match in _RUN.finditer(text):
        name = _without_article(match.group())
        then = _THEN_ITS.match(text, match.end())
        if then and not verbs_of_saying.search(then.group()) and len(name.split()) >= 2:
            found.names.setdefault(name, f"{name}{then.group()}")
        _note_acronyms(name, _DEFINED.match(text, match.end()), found, spelled)
    for name in [name for name in found.names if _written_as_a_person(name, text, verbs_of_saying)]:
        del found.names[name]
    for acronym, names in spelled.items():
        if acronym not in found.acronyms and len(names) == 1 and re.search(rf"\b{acronym}\b", text):
            found.acronyms[acronym] = next(iter(names))
    return found


def _note_acronyms(name: str, defined: re.Match | None, found: Organisations, spelled: dict[str, set[str]]) -> None:
    """The acronym a name defines in brackets after it ("the U.S. General Services Administration (GSA)"), in
    `found`; else, for an organisation's name, each acronym its initials spell, in `spelled`."""
    full = _spelling(name, defined.group("acronym")) if defined else None
    if defined and full:
        found.acronyms.setdefault(defined.group("acronym"), full)
        found.defined.setdefault(defined.group("acronym"), f"{full} ({defined.group('acronym')})")
    elif singular(bare(name.split()[-1])) in ORGANISATION_WORDS:
        for size in range(2, 7):
            acronym = _initials(name, size)
            spelling = _spelling(name, acronym) if acronym else None
            if acronym and spelling:
                spelled.setdefault(acronym, set()).add(spelling)


def _written_as_a_person(name: str, text: str, verbs_of_saying: re.Pattern[str]) -> bool:
    """A title before the name somewhere ("Councillor Tom Brannigan"), or its last word alone as a speaker
    ("Brannigan said"): a person, whose sentence's "its" is some organisation's named before."""
    for before in re.finditer(rf"(\S+)\s+{re.escape(name)}\b", text):
        word = bare(before.group(1))
        if word in HONORIFICS or singular(word) in ROLE_WORDS:
            return True
    last = re.escape(name.split()[-1])
    return any(verbs_of_saying.match(text, said.end()) for said in re.finditer(rf"(?<![\w’'-] ){last}\s+", text)
               if not text[max(0, said.start() - 1) : said.start()].isalpha())


def _without_article(name: str) -> str:
    return re.sub(r"^(?:The|the)\s+", "", name)


def _significant(words: list[str]) -> list[int]:
    return [i for i, word in enumerate(words) if word.lower() not in _JOINERS and not _INITIALISM.match(word)]


def _initials(name: str, size: int) -> str | None:
    """The initials of the last `size` words of a name that count (not "of", "and", "U.S."): "GSA" of "U.S.
    General Services Administration"."""
    words = name.split()
    counted = _significant(words)
    if len(counted) < size:
        return None
    return "".join(words[i][0] for i in counted[-size:])


def _spelling(name: str, acronym: str) -> str | None:
    """The end of `name` whose counted words' initials spell `acronym`, with an "U.S." before it kept: "White
    House Council on Environmental Quality" and "CEQ" -> "Council on Environmental Quality"; None if none does."""
    words = name.split()
    counted = _significant(words)
    letters = "".join(letter for letter in acronym if letter.isupper())  # "DfE": Department for Education
    size = len(letters)
    if len(counted) < size or "".join(words[i][0] for i in counted[-size:]) != letters:
        return None
    start = counted[-size]
    while start > 0 and _INITIALISM.match(words[start - 1]):
        start -= 1
    return " ".join(words[start:])
