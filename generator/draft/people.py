"""Who is who: the speakers of an article, kept once each with an id (phrases are read in names.py).

"Rutte" after "NATO Secretary General Mark Rutte" -> the same person; a surname quoted before the full name is
joined to it once the full name appears; "the judge" is the one judge the article names.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

import yaml

from .names import (
    COMPANY_WORDS,
    GENERATIONS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    Phrase,
    bare,
    last_name,
    looks_like_name,
    organisation_name,
    proper_name,
    read_phrase,
    singular,
    without_descriptions,
    without_generation,
)
from .organisations import Organisations
from .pronouns import OTHER, Gender, gender_in, person_called

_SPOKESPERSON = re.compile(r"^(?:a|an|the|its|their)\s+(?:(?P<of>[\w’'-]+)\s+)?(?:spokesperson|spokesman|"
                          r"spokeswoman|representative|official|statement)(?:\s+(?:for|of|at)\s+(?P<for>.+))?$", re.I)


def _one_name(said: str, known: str) -> bool:
    """Whether two names sharing a last name can be one person: one's words are among the other's, initials aside,
    with the same generation ("Kelly" and "Jack Kelly"; not "Jane Kelly", nor "Jack Kelly, Jr.")."""
    def words(name: str) -> set[str]:
        return {word.strip(",.").lower() for word in name.split()}
    first, second = words(said), words(known)
    generations = {word.lower().strip(".") for word in GENERATIONS}
    if {w.strip(".") for w in first} & generations != {w.strip(".") for w in second} & generations:
        return False
    first, second = {w for w in first if len(w) > 1}, {w for w in second if len(w) > 1}
    return first <= second or second <= first


def slug(text: str, fallback: str = "speaker") -> str:
    """'The ferry operators’ association' -> 'ferry-operators-association' (an id the schema accepts).

    An id YAML would read as something other than text ("yes", "no", "on", "2024") gets `fallback` before it.
    """
    words = re.sub(r"[’']s\b", "", text.lower())
    words = re.sub(r"^(?:the|a|an)\s+", "", words)
    out = re.sub(r"[^a-z0-9]+", "-", words).strip("-")[:60].strip("-")
    if out and not isinstance(yaml.safe_load(out), str):
        out = f"{fallback}-{out}"[:60]
    return out or fallback


def _spokesperson(name: str) -> re.Match | None:
    """A spokesperson's description, with whom they speak for: "a spokeswoman for the commission", "a Kremlin
    spokesman" (for the Kremlin), "a company spokesman"; None for anyone else ("a senior official")."""
    unnamed = _SPOKESPERSON.match(name)
    of = unnamed.group("of") if unnamed else None
    if of and not (of[:1].isupper() or singular(bare(of)) in ORGANISATION_WORDS | COMPANY_WORDS):
        return None
    return _SPOKESPERSON.match(f"a spokesperson for the {of}") if of else unnamed


def normalise_name(name: str) -> str:
    """For comparing names: no leading article, no case, one kind of apostrophe."""
    text = name.replace("’", "'").lower().strip()
    return re.sub(r"^(?:the|a|an)\s+", "", text)


@dataclass
class Speaker:
    """A person or organisation who speaks in the article."""

    id: str
    name: str
    kind: str  # person or organisation
    role: str | None = None
    evidence: str = ""  # the words the name and role were read from, shown in the review marker
    affiliation: str | None = None  # the organisation named with them ("of NASA JPL", "at NASA Headquarters")
    name_why: str = ""  # how the name was told, where the words beside the quote do not give it as it is
    gender: Gender | None = None  # "he" or "she", where the article says it
    kind_why: str = ""  # how the kind was told, where the name alone does not tell it

    @property
    def surname(self) -> str:
        """The last name, with the particles before it: "Germain" of "Karen St. Germain", "von der Leyen"."""
        if self.kind != "person" or not looks_like_name(self.name):
            return ""
        words = without_generation(self.name).split()
        start = len(words) - 1
        while start > 0 and (words[start - 1] in NAME_PARTICLES or words[start - 1] in ("St.", "St")):
            start -= 1
        return " ".join(words[start:])

    @property
    def described(self) -> bool:
        """Known only by a description ("the judge", "A county judge"), not by a name."""
        return self.kind == "person" and not looks_like_name(self.name)


def names_them(phrase: Phrase, speaker: Speaker) -> bool:
    """Whether an attribution's words name its speaker as the draft writes them ("Tate", "Councillor Rhona Tate",
    "Strand County Council"), rather than point to them ("she", "the council", "the judge"): a speaker so named
    needs no review marker."""
    if phrase.pronoun:
        return False
    if speaker.kind == "person":
        return not speaker.described and looks_like_name(phrase.name) and \
            last_name(phrase.name) == last_name(speaker.name)
    return normalise_name(organisation_name(phrase.name)) == normalise_name(speaker.name) and \
        proper_name(speaker.name.split())  # "Strand County Council", "NASA"; not "the regional environment agency"


PEOPLE_IN_REACH = 8  # "she" is one of the last few people named, not anyone in a long article


@dataclass
class Cast:
    """The speakers met so far, and who was named last (for "he said")."""

    speakers: list[Speaker] = field(default_factory=list)
    last_person: Speaker | None = None
    last_organisation: Speaker | None = None
    full_names: dict[str, Phrase] = field(default_factory=dict)  # last word of a name -> the fullest phrase seen
    organisations: Organisations = field(default_factory=Organisations)  # what the whole article says of them
    named_organisations: list[Phrase] = field(default_factory=list)  # organisations named so far, speaking or not
    recent_people: dict[int, Speaker] = field(default_factory=dict)  # by id(): people resolved, the last last
    named_people: dict[str, Phrase] = field(default_factory=dict)  # people named, speaking or not, the last last
    genders: dict[str, Gender] = field(default_factory=dict)  # a name -> the he or she a title gives it
    gendered: dict[str, set[str]] = field(default_factory=dict)  # a last name -> the names in `genders` it ends
    pronoun_why: str = ""  # whom the last "he" or "she" was taken to be, and why

    def note_organisation(self, phrase: Phrase) -> None:
        """An organisation named anywhere ("Harlow Ridge Foods will close its plant"), for "the company" after it."""
        self.named_organisations.append(phrase)

    def note_full_name(self, phrase: Phrase) -> None:
        """A full name mentioned anywhere, so that a surname quoted before it can be joined to it."""
        phrase = replace(phrase, role=without_descriptions(phrase.role))
        said = phrase.gender or gender_in(phrase.role or "")
        if said:
            self.genders.setdefault(phrase.name, said)
            self.gendered.setdefault(last_name(phrase.name), set()).add(phrase.name)
        self.named_people.pop(phrase.name, None)
        self.named_people[phrase.name] = phrase
        if len(phrase.name.split()) >= 2:
            known = self.full_names.get(last_name(phrase.name))
            if known is None or (phrase.role and not known.role):
                self.full_names[last_name(phrase.name)] = phrase

    def resolve(self, phrase: Phrase, evidence: str) -> Speaker | None:
        """The speaker a phrase names: one met before or a new one; for a spokesperson, whom they speak for; for a
        pronoun, whom it stands for (None where it stands for no one)."""
        phrase = self._as_organisations_know_it(replace(phrase, role=without_descriptions(phrase.role)))
        unnamed = _spokesperson(phrase.name)
        speaking_for = read_phrase(unnamed.group("for")) if unnamed and unnamed.group("for") else None
        if speaking_for and speaking_for.kind == "organisation":
            return self.resolve(speaking_for, evidence)  # "a spokeswoman for the commission": the commission speaks
        if unnamed and not unnamed.group("for") and self.last_organisation:
            return self.last_organisation  # "a spokesperson said", after the organisation was named
        if phrase.pronoun:
            return self._meant_by(phrase.pronoun, evidence)
        speaker = self._find(phrase) or self._add(phrase, evidence)
        self._learn(speaker, phrase)
        return speaker

    def _as_organisations_know_it(self, phrase: Phrase) -> Phrase:
        """An organisation's phrase by its full name ("GSA", after "the U.S. General Services Administration
        (GSA)"), and a name the article writes as an organisation's ("Harlow Ridge Foods will close its plant")."""
        full_name = self.organisations.full_name(phrase.name)
        if full_name:
            return replace(phrase, name=full_name, kind="organisation")
        if phrase.kind == "person" and phrase.name in self.organisations.names:
            return replace(phrase, kind="organisation")
        return phrase

    def _meant_by(self, pronoun: str, evidence: str) -> Speaker | None:
        """Whom a pronoun stands for: "he" or "she" a person told apart by pronouns.py, "it" the organisation named
        last, "they" or "we" whoever was."""
        if pronoun in OTHER:
            return self._person_called(pronoun, evidence)
        chosen = {"person": self.last_person, "organisation": self.last_organisation}.get(PRONOUNS[pronoun])
        return chosen or self.last_person or self.last_organisation

    def _learn(self, speaker: Speaker, phrase: Phrase) -> None:
        """What a phrase adds to its speaker (their kind, a fuller role, an affiliation, he or she), and who was
        named last, for a pronoun after it."""
        if phrase.kind == "organisation" and speaker.kind == "person" and not speaker.described and \
                normalise_name(speaker.name) == normalise_name(phrase.name):
            # "Stonegate Aggregates, which owns the quarry": first taken for a person's name by its capitals
            speaker.kind, speaker.name = "organisation", organisation_name(phrase.name)
        if phrase.role and (not speaker.role or speaker.role in phrase.role):
            speaker.role = phrase.role
        speaker.affiliation = speaker.affiliation or phrase.affiliation
        if speaker.kind == "person":
            speaker.gender = speaker.gender or phrase.gender or gender_in(phrase.role or "")
            self._named_last(speaker)
        else:
            self.last_organisation = speaker

    def _named_last(self, speaker: Speaker) -> None:
        self.last_person = speaker
        self.recent_people.pop(id(speaker), None)
        self.recent_people[id(speaker)] = speaker

    def _person_called(self, pronoun: str, evidence: str) -> Speaker | None:
        """The person "he" or "she" means (see pronouns.py): among the speakers, or, before anyone has spoken,
        among the people named; `pronoun_why` says why. Taken so, they are called that from then on."""
        named: list[Speaker | Phrase] = [*itertools.islice(reversed(self.recent_people.values()), PEOPLE_IN_REACH)] or \
            [*itertools.islice(reversed(self.named_people.values()), PEOPLE_IN_REACH)]

        def said_before(known: Speaker | Phrase) -> Gender | None:  # not by these same words, read twice
            said = self._gender_of(known)
            return said if said and said.words != evidence else None

        index, self.pronoun_why = person_called(pronoun, [known.name for known in named],
                                                lambda at: said_before(named[at]))
        found = named[index] if index is not None else None
        chosen = self.resolve(found, found.name) if isinstance(found, Phrase) else found
        if chosen is None and self.last_organisation:  # "A spokeswoman for the trust said ... “…,” she said."
            self.pronoun_why = "no person being named before: the organisation last named, for whom someone speaks"
            return self.last_organisation
        if chosen is None:
            return None
        chosen.gender = self._gender_of(chosen) or Gender(pronoun, evidence)
        self._named_last(chosen)
        return chosen

    def _gender_of(self, known: Speaker | Phrase) -> Gender | None:
        if known.gender:
            return known.gender
        if known.name in self.genders:
            return self.genders[known.name]
        same_last_name = self.gendered.get(last_name(known.name), set())  # "Reed" of "Mr Tom Reed", if only he
        return self.genders[next(iter(same_last_name))] if len(same_last_name) == 1 else None

    def known_person(self, surname: str) -> Speaker | None:
        """The person a sentence opening with their last name means ("Ferri, 19, was ..."), once their full name
        is known; None for a word that is nobody's last name."""
        for speaker in self.speakers:
            if speaker.kind == "person" and speaker.surname.split()[-1:] == [surname]:
                return speaker
        known = self.full_names.get(surname)
        return self.resolve(known, known.name) if known else None

    def _find(self, phrase: Phrase) -> Speaker | None:
        """The speaker met before whom a phrase names: by name, by last name, by title ("the judge"), or, for a
        word like "the union", the organisation it stands for."""
        wanted = normalise_name(phrase.name)
        for speaker in self.speakers:
            if normalise_name(speaker.name) == wanted:
                return speaker
        if phrase.kind == "person" and looks_like_name(phrase.name):
            known = self._by_last_name(phrase.name)
            if known:
                return known
        if phrase.kind == "person" and re.match(r"(?i)^(?:the\s|\S+[’']s\s)", phrase.name):
            return self.holder_of(phrase.name)  # "the judge"; "a judge" may be another one, decided at the end
        if wanted.count(" ") == 0 and last_name(phrase.name).islower() and (
                phrase.kind == "organisation" or phrase.name.lower().startswith("the ")):
            return self._organisation_called(wanted)
        return None

    def _by_last_name(self, name: str) -> Speaker | None:
        """The person met before whom a name with the same last name can mean ("Rutte", "Mark Rutte"), given the
        fuller of the two names."""
        surname = last_name(name)
        for speaker in self.speakers:
            if speaker.surname.split()[-1:] == [surname] and _one_name(name, speaker.name):
                if len(name.split()) > len(speaker.name.split()):
                    speaker.name = name
                return speaker
        return None

    def _organisation_called(self, word: str) -> Speaker | None:
        """The organisation a common noun stands for: "the union" after "the Riverside Tenants' Union", "the
        company" after its name and description, or after the name of one that had not spoken yet."""
        organisations = [s for s in reversed(self.speakers) if s.kind == "organisation"]
        for speaker in organisations:
            if word in normalise_name(f"{speaker.name} {speaker.role or ''}").split():
                return speaker
        if organisations and word in ORGANISATION_WORDS | COMPANY_WORDS:
            return self.last_organisation or organisations[0]
        named = next((known for known in reversed(self.named_organisations) if not organisations and (
            word in normalise_name(known.name).split() or word in COMPANY_WORDS)), None)
        if named:  # "Harlow Ridge Foods will close its plant, the company said": no organisation spoke before
            return self._find(named) or self._add(named, named.name)
        return None

    def holder_of(self, description: str) -> Speaker | None:
        """The one named person whose title is the head of a description: "the judge" or "A county judge" is
        Judge Miriam Achterberg when she is the only judge the article names; None when nobody or several are."""
        words = description.split()
        head = bare(words[-1]) if words else ""
        if head not in ROLE_WORDS:
            return None
        holders: dict[str, Phrase | Speaker] = {}
        candidates: list[Phrase | Speaker] = [*self.full_names.values(), *self.speakers]
        for known in candidates:
            named = not (isinstance(known, Speaker) and known.described) and looks_like_name(known.name)
            if named and known.kind == "person" and known.role and head in map(bare, known.role.split()):
                holders[last_name(known.name)] = known
        if len(holders) != 1:
            return None
        holder = next(iter(holders.values()))
        return holder if isinstance(holder, Speaker) else self._find(holder) or self._add(holder, holder.name)

    def _add(self, phrase: Phrase, evidence: str) -> Speaker:
        taken = {speaker.id for speaker in self.speakers}
        named = phrase.kind == "person" and looks_like_name(phrase.name)
        name = organisation_name(phrase.name) if phrase.kind == "organisation" else phrase.name
        speaker = Speaker("", name, phrase.kind, phrase.role, evidence, phrase.affiliation)
        acronym = next((short for short, full in self.organisations.acronyms.items() if full == phrase.name), None)
        if acronym:
            defined = self.organisations.defined.get(acronym)
            spelled = f"spelled out in '{defined}'" if defined else f"taken for the {phrase.name}, its initials"
            speaker.name_why = f"the article writes '{acronym}', {spelled}"
        elif phrase.name in self.organisations.names:
            speaker.kind_why = f"the article writes '{self.organisations.names[phrase.name]}'"
        base = slug(speaker.surname) if named else slug(name)
        candidate = base if base not in taken else slug(name)
        number = 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        speaker.id = candidate
        self.speakers.append(speaker)
        return speaker

    def complete_names(self) -> dict[int, Speaker]:
        """A speaker known only by surname gets the full name, role and affiliation the article gives elsewhere,
        and one known only by a description becomes the named person who holds that title. Returns, by `id()`,
        each speaker merged into another, and that other."""
        for speaker in self.speakers:
            known = self.full_names.get(last_name(speaker.name)) if speaker.kind == "person" else None
            if known is not None and known.name.endswith(" " + speaker.name) and speaker.name == speaker.surname:
                speaker.name = known.name  # "Rutte", "van der Linde": the surname of a name given in full
            if known is not None and speaker.name == known.name:
                speaker.role = speaker.role or known.role
                speaker.affiliation = speaker.affiliation or known.affiliation
        merged = {}
        for speaker in [s for s in self.speakers if s.described]:
            holder = self.holder_of(speaker.name)
            if holder is not None and holder is not speaker:
                merged[id(speaker)] = holder
                self.speakers.remove(speaker)
        return merged
