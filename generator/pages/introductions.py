"""How a page names the people in its story: in full with their role at first mention, by their short name after.

    short_name(Entity(name="Ingrid van der Linde", ...))   -> "van der Linde"
    apposition(Entity(role="Councillor who leads on finance", ...), common)  -> "the councillor who leads on finance"
    Mentions(...)("Beale said the council would review the hours.")
        -> "Tom Beale, the councillor who leads on finance, said the council would review the hours."

Each page gets its own `Mentions`, as it gets its own notes: what a page has said so far decides how it names
someone next, so the page's text must be asked for in reading order.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Collection, Iterable

from markupsafe import Markup

from ..content.schema import Abbreviation, Entity
from ..draft.names import NAME_PARTICLES
from .abbreviations import mentions, spelled_out
from .markdown_text import html_escape, md_escape
from .signature_roles import in_words

# Words that open a surname and belong to it: "van der Linde", "Ní Fhlatharta", "Mac Giolla Rua", "St. Germain".
SURNAME_OPENERS = NAME_PARTICLES | {"ap", "ab", "ní", "nic", "mac", "ó", "uí", "st.", "st", "della", "dos", "das"}
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")
# Posts one person holds, so that "Mayor" reads "the mayor"; any other bare role reads "a hydrologist".
ONE_HOLDER = {"mayor", "president", "chair", "chairman", "chairwoman", "principal", "manager", "captain", "coach",
              "judge", "leader", "director", "head", "chief", "owner", "secretary", "minister", "administrator",
              "coordinator", "officer", "constable", "executive", "librarian", "teacher", "cathaoirleach",
              "meteorologist-in-charge", "editor", "governor", "commissioner", "chancellor", "premier"}
# Words of a title, lowered where the title follows a name as a common noun ("the secretary general of NATO").
TITLE_WORDS = {"secretary", "general", "minister", "foreign", "defence", "defense", "interior", "finance", "prime",
               "deputy", "first", "president", "vice", "chair", "chairman", "chairwoman", "chairperson", "director",
               "head", "chief", "executive", "officer", "financial", "administrator", "acting", "regional",
               "associate", "assistant", "senior", "principal", "program", "programme", "project", "press",
               "spokesman", "spokeswoman", "spokesperson", "councillor", "councilor", "mayor", "governor",
               "commissioner", "leader", "manager", "managing", "coordinator", "meteorologist", "engineer",
               "scientist", "investigator", "constable", "judge", "captain", "coach", "owner", "professor", "editor",
               "undersecretary", "ambassador", "treasurer", "clerk", "superintendent", "inspector", "board",
               "emergency", "librarian", "teacher", "convener", "warning", "meteorologist-in-charge"}
_DESCRIBING = re.compile(r"^\S+ (?:who|that|whose)\b")  # "Councillor who leads on finance": a description
_QUALIFIED = re.compile(r",|;|\b(?:of|who|that|which|for|at|in|on|with|from)\b")
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "every", "all"}
_POSSESSIVE = re.compile(r"[’']s$")
# Where a name opens a clause and a word in lower case (a verb) follows, a role fits after it: "Beale said" ->
# "Tom Beale, the ..., said"; not after "NATO's Rutte" or before "Rutte's".
_CLAUSE_START = re.compile(r"(?:^|[.!?;:]\s+|\(\s*)$")
_VERB_AFTER = re.compile(r"\s+[a-z]")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_WORD = re.compile(r"[\w-]+")  # a name's first word as a mention's pattern bounds it


def short_name(person: Entity) -> str:
    """The name used after the first mention: the story's `short_name`, else a person's surname with the particles
    that open it, else (an organisation, or a person known by a description) the whole name."""
    if person.short_name:
        return person.short_name
    words = _SUFFIX.sub("", person.name).split()
    if person.kind != "person" or len(words) < 2 or not all(_is_name_word(word) for word in words):
        return person.name
    start = next((index for index, word in enumerate(words[1:-1], start=1) if word.lower() in SURNAME_OPENERS),
                 len(words) - 1)
    return " ".join(words[start:])


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in SURNAME_OPENERS


def apposition(person: Entity, common_words: Collection[str] = (), lower_titles: bool = False) -> str | None:
    """What a person or organisation is, as it reads after the name and a comma; None if the story does not say.

    `common_words` are words the article writes in lower case: a role's first word is lowered only if it is one
    ("Head of Millbrook central library" -> "the head of ..."), so that a name stays a name ("Ingenuity project
    manager"). A role that is a verb phrase reads as a clause ("Runs the ferry service" -> "who runs ..."). A title
    that only describes ("Councillor who leads on finance", "a Councillor (Ind)") is lowered as a common noun;
    with `lower_titles` (AP style) every title after a name is ("Deputy Pentagon Press Secretary" -> "the deputy
    Pentagon press secretary").
    """
    if not person.role:
        return f"of {person.affiliation}" if person.affiliation else None
    role = in_words(person.role.split(";")[0].strip())  # "Deputy director; led the delegation": the post alone
    if not role:
        return None  # a role of only what follows a semicolon names no post to put after the name
    if len(_content_words(role) & _content_words(person.name)) >= 2:
        return None  # "Ukrainian military intelligence, Ukraine's military intelligence service" says it twice
    described = _described(role, person, common_words)
    generic = described.startswith(("a ", "an "))  # "a councillor (Ind)": one of many, no title
    if described and (lower_titles or generic or _DESCRIBING.search(role)):
        return " ".join(word.lower() if word.lower().rstrip(",;") in TITLE_WORDS else word
                        for word in described.split())
    return described


def _described(role: str, person: Entity, common_words: Collection[str]) -> str:
    words = role.split()
    first, second = words[0], (words[1] if len(words) > 1 else "")
    if first in ("The", "A", "An"):
        return f"{first.lower()} {' '.join(words[1:])}"
    if second.lower() in _DETERMINERS and not _QUALIFIED.fullmatch(first.lower()):
        pronoun = "who" if person.kind == "person" else "which"
        return f"{pronoun} {first.lower()} {' '.join(words[1:])}"
    if _POSSESSIVE.search(first) or not first[:1].isupper() or first.isupper() or "." in first:
        return role  # "Ukraine's military intelligence service", "NASA Administrator", "U.S. Rep."
    if first.lower() in common_words and not second[:1].isupper():
        words[0] = first.lower()
    return _with_article(words, person.affiliation)


def _with_article(words: list[str], affiliation: str | None) -> str:
    """'the head of the library', 'the captain of Kestrel Town' (a post one person holds), 'a hydrologist'."""
    role = " ".join(words)
    qualified = _QUALIFIED.search(role) is not None
    if not qualified and words[-1].lower() not in ONE_HOLDER:
        return ("an " if role[:1].lower() in "aeio" else "a ") + role
    generic = all(not word[:1].isupper() for word in words[1:])  # "Captain", "Head teacher"; not "Press Secretary"
    if qualified or not generic or not affiliation or affiliation.lower() in role.lower():
        return "the " + role
    return f"the {role} of " + (affiliation[:1].lower() + affiliation[1:] if affiliation.startswith("The ")
                                else affiliation)


def _content_words(words: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{4,}", words.lower()) if word not in ("that", "which", "with")}


class Mentions:
    """Who one page has named so far, and how it names each next: in full with the role first, short after."""

    def __init__(self, people: Iterable[Entity], common_words: Collection[str] = (),
                 others: Iterable[str] = (), lower_titles: bool = False,
                 abbreviations: Iterable[Abbreviation] = ()) -> None:
        """`others`: names besides the people's (the sides'), which may hold a surname ("Fenwick's Bakery");
        `lower_titles`: titles after a name in lower case, as AP style writes them; `abbreviations`: short forms
        spelled out at their first mention on each page."""
        self.people = {person.id: person for person in people}
        self.abbreviations = tuple(abbreviations)
        self.spelled: set[str] = set()
        self.other_names = {*others, *(person.name for person in self.people.values() if person.kind != "person")}
        shorts = Counter(short_name(person) for person in self.people.values())
        # Two people of one surname are named in full every time.
        self.short = {key: short_name(person) if shorts[short_name(person)] == 1 else person.name
                      for key, person in self.people.items()}
        self.described = {key: apposition(person, common_words, lower_titles) for key, person in self.people.items()}
        self.named: set[str] = set()
        # Who a text may mention, by the first word of their full or short name: a page of thousands of people
        # tries the few whose names' first words it holds, not every person for every sentence.
        self._order = {key: number for number, key in enumerate(self.people)}
        self._by_first_word: dict[str, set[str]] = {}
        for key, person in self.people.items():
            for name in (person.name, self.short[key]):
                if first := _WORD.search(name):
                    self._by_first_word.setdefault(_lower_first(first.group()), set()).add(key)
        self._patterns: dict[str, re.Pattern[str]] = {}

    def for_page(self) -> Mentions:
        """The same people, none named yet: each page introduces them again. What is worked out once per story
        (short names, roles, the patterns) is shared, so a site of many pages does not work it out for each."""
        page = copy.copy(self)
        page.named, page.spelled = set(), set()
        return page

    def name(self, person_id: str) -> tuple[str, str | None]:
        """(the name to show, what they are or None): the full name and role the first time, the short name after."""
        if person_id in self.named:
            return self.short[person_id], None
        self.named.add(person_id)
        described = self.described[person_id]
        return self.people[person_id].name, described

    def text(self, text: str, with_role: bool = True) -> str:
        """The text with each person it is the first to mention named in full, and with their role where the
        name opens a clause ("Beale said" -> "Tom Beale, the councillor who leads on finance, said"); a title or a
        label (`with_role=False`) gets the full name alone. A short form is spelled out in the text's own words,
        never inside a role it adds ("Marjorie Haskell, PACE program executive, said")."""
        if with_role:  # a title or a label keeps a short form short
            text = self.spell(text)
        quoted = [match.span() for match in _QUOTED.finditer(text)]
        found = []
        for key in self._may_mention(text):
            person = self.people[key]
            match = self._first_mention(text, person, quoted + self._other_names_in(text, person))
            if match:
                found.append((match, key))
                self.named.add(key)
        for match, key in sorted(found, key=lambda item: item[0].start(), reverse=True):
            text = text[: match.start()] + self._introduced(text, match, key, with_role) + text[match.end():]
        return text

    def spell(self, text: str) -> str:
        """The text with each short form the page has not spelled out yet given in full at its first mention
        outside quotation marks ("Plankton, Aerosol, Cloud, ocean Ecosystem (PACE)")."""
        for item in self.abbreviations:
            if item.short not in self.spelled and mentions(text, item):
                spelled = spelled_out(text, item, [match.span() for match in _QUOTED.finditer(text)])
                if spelled != text or item.full in text:
                    self.spelled.add(item.short)
                text = spelled
        return text

    def __call__(self, text: str, with_role: bool = True) -> Markup:
        """`text` for a Markdown page: first mentions introduced, then escaped."""
        return md_escape(self.text(text, with_role))

    def html(self, text: str) -> Markup:
        """`text` for an HTML element, first mentions introduced."""
        return html_escape(self.text(text))

    def heading(self, person_id: str) -> str:
        """A person's full name as a heading names them: what follows may use the short name."""
        self.named.add(person_id)
        return self.people[person_id].name

    def _other_names_in(self, text: str, person: Entity) -> list[tuple[int, int]]:
        """Where `text` gives a name other than the person's own, in either apostrophe."""
        names = {variant for name in self.other_names - {person.name}
                 for variant in (name, name.replace("’", "'"), name.replace("'", "’"))}
        return [(start, start + len(name)) for name in names for start in _find_all(text, name)]

    def _may_mention(self, text: str) -> list[str]:
        """The people not yet named whose names' first words `text` holds, in the story's order."""
        keys = {key for word in {_lower_first(word) for word in _WORD.findall(text)}
                for key in self._by_first_word.get(word, ()) if key not in self.named}
        return sorted(keys, key=self._order.__getitem__)

    def _first_mention(self, text: str, person: Entity, skipped: list[tuple[int, int]]) -> re.Match[str] | None:
        """The first place `text` names the person, outside quotation marks and other names."""
        pattern = self._patterns.get(person.id)
        if pattern is None:
            names = sorted({person.name, self.short[person.id]}, key=len, reverse=True)
            # "ap Rhys-Morgan" opens a sentence as "Ap Rhys-Morgan".
            pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(_either_case(name) for name in names) + r")(?![\w-])")
            self._patterns[person.id] = pattern
        return next((match for match in pattern.finditer(text)
                     if not any(start <= match.start() < end for start, end in skipped)), None)

    def _introduced(self, text: str, match: re.Match[str], key: str, with_role: bool) -> str:
        full = self.people[key].name
        described = self.described[key] if self._has_a_name(key) else None
        opens_clause = _CLAUSE_START.search(text[: match.start()]) is not None
        if described and with_role and opens_clause and _VERB_AFTER.match(text, match.end()):
            return f"{full}, {described},"
        return full

    def _has_a_name(self, key: str) -> bool:
        """An organisation, or a person named by name: not one known by a description ("A ministry official"),
        whose role would only say it again."""
        person = self.people[key]
        return person.kind != "person" or bool(person.short_name) or short_name(person) != person.name


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


def _either_case(name: str) -> str:
    """A pattern for the name with its first letter in either case."""
    return f"[{re.escape(name[0].lower())}{re.escape(name[0].upper())}]{re.escape(name[1:])}" if name else ""


def _find_all(text: str, name: str) -> Iterable[int]:
    start = text.find(name)
    while start >= 0:
        yield start
        start = text.find(name, start + 1)
