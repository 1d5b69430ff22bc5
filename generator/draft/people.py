"""Who is who: noun phrases that name a speaker, split into name and role, kept once each with an id.

"NATO Secretary General Mark Rutte" -> person "Mark Rutte", role "NATO Secretary General";
"The Kremlin" -> organisation; "Rutte" later -> the same person; a surname quoted before the full name
is joined to it once the full name appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

TITLES = {
    "secretary", "general", "minister", "president", "prime", "chair", "chairman", "chairwoman", "chairperson",
    "councillor", "councilor", "cllr", "mayor", "deputy", "chief", "director", "spokesperson", "spokesman",
    "spokeswoman", "officer", "commissioner", "governor", "senator", "professor", "judge", "inspector",
    "superintendent", "sergeant", "captain", "colonel", "head", "manager", "leader", "ambassador", "editor",
    "coach", "principal", "headteacher", "sheriff", "constable", "detective", "chancellor", "king", "queen",
    "foreign", "defence", "defense", "interior", "finance", "vice", "executive", "ceo", "founder", "owner",
    "treasurer", "member", "mp", "representative", "rep", "sen", "gov", "lieutenant", "admiral", "marshal",
    "premier", "speaker", "attorney", "clerk", "trustee", "warden", "pastor", "reverend", "bishop", "father",
    "dean", "analyst", "economist", "researcher", "organiser", "organizer", "secretary-general", "adviser",
    "advisor", "resident", "parent", "teacher", "pupil", "student", "neighbour", "shopkeeper", "volunteer",
    "lawyer", "doctor", "dr", "nurse", "engineer", "planner", "official", "campaigner",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "sir", "dame"}
ORGANISATION_WORDS = {
    "kremlin", "ministry", "council", "association", "intelligence", "committee", "company", "group", "police",
    "department", "agency", "office", "government", "union", "assembly", "consortium", "cooperative", "co-op",
    "board", "club", "school", "university", "hospital", "party", "army", "military", "service", "commission",
    "court", "authority", "trust", "society", "federation", "league", "bank", "inc", "ltd", "corporation",
    "firm", "network", "institute", "foundation", "charity", "church", "parliament", "congress", "senate",
    "administration", "delegation", "embassy", "forces", "command", "pentagon", "team", "operators",
    "campaign", "coalition", "alliance", "organisation", "organization", "newspaper", "station", "brigade",
    "residents", "cabinet", "secretariat", "bureau", "directorate", "inspectorate", "tribunal", "regulator",
    "utility", "airline", "airport", "port", "harbour", "railway", "industries",
    "partnership", "collective", "cooperative’s", "nato", "un", "eu", "fbi", "who", "press", "media",
}
PERSON_WORDS = {
    "official", "spokesperson", "spokesman", "spokeswoman", "resident", "witness", "source", "officer",
    "minister", "chair", "chief", "director", "member", "manager", "worker", "owner", "teacher", "doctor",
    "nurse", "farmer", "driver", "student", "lawyer", "analyst", "expert", "diplomat", "mother", "father",
    "man", "woman", "neighbour", "neighbor", "volunteer", "organiser", "organizer", "engineer", "inspector",
    "councillor", "mayor", "treasurer", "secretary", "president", "founder", "candidate", "shopkeeper",
}
# Capitalised at the start of a sentence, never part of a name.
NOT_NAMES = {"but", "and", "the", "a", "an", "in", "on", "at", "when", "while", "after", "before", "if", "as",
             "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "now", "yet", "so", "also",
             "however", "meanwhile", "earlier", "later", "asked", "speaking", "according", "for", "of", "from",
             "with", "by", "to", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "any", "i": "any"}
_SPOKESPERSON = re.compile(r"^(?:a|an|the|its|their)\s+(?:spokesperson|spokesman|spokeswoman|representative|"
                          r"official|statement)$", re.I)
_PREPOSITIONS = {"on", "in", "at", "of", "from", "for", "near", "by", "with", "to"}
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "bin", "al", "le", "la", "du", "del", "di", "ter"}
_WORD = re.compile(r"[\w’'.-]+")
_LEADING_WORDS = re.compile(r"^(?:(?:but|and|also|meanwhile|however|yet|so|then|still|now|later|earlier|"
                            r"instead|separately|in|a|an|the)\b[ ,]*)+", re.I)


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


def normalise_name(name: str) -> str:
    """For comparing names: no leading article, no case, one kind of apostrophe."""
    text = name.replace("’", "'").lower().strip()
    return re.sub(r"^(?:the|a|an)\s+", "", text)


def is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0] in "’'" and word[1:2].isupper()))


@dataclass
class Speaker:
    """A person or organisation who speaks in the article."""

    id: str
    name: str
    kind: str  # person or organisation
    role: str | None = None
    evidence: str = ""  # the words the name and role were read from, shown in the review marker
    affiliation: str | None = None  # never read from the article; here so that check's rules take a draft speaker

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.kind == "person" and _looks_like_name(self.name) else ""


@dataclass(frozen=True)
class Phrase:
    """What a noun phrase says about its speaker."""

    name: str
    kind: str
    role: str | None
    pronoun: str | None = None


def read_phrase(phrase: str) -> Phrase | None:
    """Split a speaker's noun phrase into name, role and kind; None if it names no one."""
    phrase = " ".join(phrase.replace("\n", " ").split()).strip(" ,;:")
    lowered = phrase.lower()
    if lowered in PRONOUNS:
        return Phrase(phrase, PRONOUNS[lowered], None, pronoun=lowered)
    if not phrase or len(phrase.split()) > 9 or not re.search(r"[A-Za-z]", phrase):
        return None
    words = phrase.split()
    name_words: list[str] = []
    for word in reversed(words):  # a personal name is the capitalised run at the end, after any titles
        bare = word.strip("’'.,").lower()
        if bare in NOT_NAMES:
            break
        plain_word = bare not in TITLES and bare not in ORGANISATION_WORDS and bare not in HONORIFICS
        if (is_capitalised(word) and plain_word) or (bare in _NAME_PARTICLES and name_words):
            name_words.insert(0, word)
        else:
            break
    while name_words and name_words[0].lower() in _NAME_PARTICLES:
        name_words.pop(0)
    head = words[-1].strip("’'.,").lower()
    rest = words[: len(words) - len(name_words)]
    preposition = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), None)
    if preposition:  # "Shop owners on Mill Road", "A spokesperson for Northwind Assembly": the head comes first
        named = read_phrase(" ".join(words[:preposition]))
        if named and named.kind == "person" and not named.pronoun and _looks_like_name(named.name):
            # "Lena Vogel of the Brook Road neighbours' group": a name, and where she comes from
            origin = ", ".join(part for part in (named.role, " ".join(words[preposition:])) if part)
            return Phrase(named.name, "person", origin)
        head, name_words = words[preposition - 1].strip("’'.,").lower(), []
    if name_words and not (len(rest) and rest[-1].lower() in ("the", "a", "an")) and _looks_like_name(
            " ".join(name_words)) and not any(w.lower().strip("’'") in ORGANISATION_WORDS for w in name_words):
        role_words = [w for w in rest if w.strip(".").lower() not in HONORIFICS]
        role = _clean_role(" ".join(role_words))
        return Phrase(" ".join(name_words), "person", role)
    if not phrase[0].isupper() and not lowered.startswith(("the ", "a ", "an ")):
        return None
    if re.match(r"^(?:a|an)\s", lowered) or _singular(head) in PERSON_WORDS:
        kind = "person"
    elif any(_singular(w.strip("’'.,").lower()) in ORGANISATION_WORDS for w in words) or phrase.isupper():
        kind = "organisation"
    elif len(words) == 1:
        kind = "person"
    else:
        kind = "organisation" if lowered.startswith("the ") else "person"
    return Phrase(phrase, kind, None)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in ORGANISATION_WORDS | PERSON_WORDS else word


def _clean_role(role: str) -> str | None:
    role = _LEADING_WORDS.sub("", role).strip(" ,")
    return role if role and any(ch.isalpha() for ch in role) else None


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 4 and all(is_capitalised(w) or w.lower() in _NAME_PARTICLES for w in words)


@dataclass
class Cast:
    """The speakers met so far, and who was named last (for "he said")."""

    speakers: list[Speaker] = field(default_factory=list)
    last_person: Speaker | None = None
    last_organisation: Speaker | None = None
    full_names: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # surname -> (name, role)

    def note_full_name(self, name: str, role: str | None) -> None:
        """A full name mentioned anywhere, so that a surname quoted before it can be joined to it."""
        if len(name.split()) >= 2:
            known = self.full_names.get(name.split()[-1])
            if known is None or (role and not known[1]):
                self.full_names[name.split()[-1]] = (name, role)

    def resolve(self, phrase: Phrase, evidence: str) -> Speaker | None:
        if _SPOKESPERSON.match(phrase.name) and self.last_organisation:
            return self.last_organisation  # "a spokesperson said", after the organisation was named
        if phrase.pronoun:
            wanted = PRONOUNS[phrase.pronoun]
            chosen = {"person": self.last_person, "organisation": self.last_organisation}.get(wanted)
            return chosen or self.last_person or self.last_organisation
        speaker = self._find(phrase) or self._add(phrase, evidence)
        if phrase.role and (not speaker.role or speaker.role in phrase.role):
            speaker.role = phrase.role
        if speaker.kind == "person":
            self.last_person = speaker
        else:
            self.last_organisation = speaker
        return speaker

    def _find(self, phrase: Phrase) -> Speaker | None:
        wanted = normalise_name(phrase.name)
        for speaker in self.speakers:
            if normalise_name(speaker.name) == wanted:
                return speaker
        if phrase.kind == "person" and _looks_like_name(phrase.name):
            surname = phrase.name.split()[-1]
            for speaker in self.speakers:
                if speaker.surname == surname:
                    if len(phrase.name.split()) > len(speaker.name.split()):
                        speaker.name = phrase.name
                    return speaker
        if wanted.count(" ") == 0 and phrase.name.split()[-1].islower() and (
                phrase.kind == "organisation" or phrase.name.lower().startswith("the ")):
            # "the union" after "the Riverside Tenants' Union"; "the company" after its name and description
            organisations = [s for s in reversed(self.speakers) if s.kind == "organisation"]
            for speaker in organisations:
                if wanted in normalise_name(f"{speaker.name} {speaker.role or ''}").split():
                    return speaker
            if organisations and wanted in ORGANISATION_WORDS | {"company", "firm", "operator"}:
                return self.last_organisation or organisations[0]
        return None

    def _add(self, phrase: Phrase, evidence: str) -> Speaker:
        taken = {speaker.id for speaker in self.speakers}
        base = slug(phrase.name.split()[-1]) if phrase.kind == "person" and _looks_like_name(phrase.name) \
            else slug(phrase.name)
        candidate = base if base not in taken else slug(phrase.name)
        number = 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        speaker = Speaker(candidate, phrase.name, phrase.kind, phrase.role, evidence)
        self.speakers.append(speaker)
        return speaker

    def complete_names(self) -> None:
        """A speaker known only by surname gets the full name and role the article gives elsewhere."""
        for speaker in self.speakers:
            if speaker.kind == "person" and len(speaker.name.split()) == 1 and speaker.name in self.full_names:
                name, role = self.full_names[speaker.name]
                speaker.name = name
                speaker.role = speaker.role or role
