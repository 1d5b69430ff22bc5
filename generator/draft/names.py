"""Reading a noun phrase that names a speaker: the name as written, the role, the affiliation, and the kind.

"NASA Administrator Bill Nelson" -> person "Bill Nelson", role "NASA Administrator";
"Teddy Tzanetos of NASA JPL" -> person "Teddy Tzanetos", affiliation "NASA JPL";
"The Kremlin", "NASA", "Engineers from the county roads department" -> organisations.
The word lists are data: general English and news usage, never one article's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pronouns import Gender, gender_in

# Words for what someone is or does, written before a name as a title ("Mayor Lena Ortiz", "Kestrel captain Dean
# Abara") or as the head of a description ("the judge", "a spokesperson").
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
    "lawyer", "doctor", "dr", "nurse", "engineer", "planner", "official", "campaigner", "administrator",
    "scientist", "astronaut", "prince", "princess", "player", "defender", "striker", "goalkeeper", "midfielder",
    "forward", "winger", "referee", "prosecutor", "magistrate", "justice", "commander", "boss",
    # ranks and titles as news abbreviates them ("Det Insp Claire Barton", "Lt. Col. Ana Ruiz")
    "det", "insp", "supt", "sgt", "lt", "capt", "cpl", "col", "maj", "gen", "adm", "cmdr", "prof", "rev", "fr",
    "hon",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "dr"}
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
    "laboratory", "lab", "center", "centre", "headquarters", "division", "library", "museum", "studio",
    "facility", "observatory", "programme", "program", "unit", "institution", "college", "academy", "fund",
    "clinic", "force",
    # the last word of many a company's name
    "foods", "holdings", "enterprises", "technologies", "motors", "airlines", "pharmaceuticals", "brands",
    "partners", "logistics", "energy", "ventures", "solutions", "llc", "plc", "corp", "co", "gmbh",
}
# What a company is called when it is not named: "the company said", "the firm said", "the ferry operator said".
COMPANY_WORDS = {"company", "firm", "operator", "business", "group", "manufacturer", "maker", "retailer", "chain",
                 "carrier", "developer", "supplier", "owner", "employer"}
# Bodies that speak in news by what they are ("the county said", "the opposition said"), though the words are no
# organisation's within a name ("Secretary of State", "City’s Marco Ferri").
SPEAKING_BODIES = {"opposition", "authorities", "county", "city", "town", "state", "borough", "district", "parish",
                   "province", "municipality", "prosecution", "defence", "defense", "regime", "presidency", "family",
                   "crew", "government"}
# What an organisation or a person writes: "the council’s letter called it ..." is the council speaking.
DOCUMENT_WORDS = {"letter", "statement", "report", "ruling", "judgment", "judgement", "website", "post", "email",
                  "e-mail", "release", "note", "notice", "filing", "submission", "announcement", "decision", "order",
                  "tweet", "message", "newsletter", "blog", "account", "lawsuit", "complaint", "petition"}
PERSON_WORDS = {
    "official", "spokesperson", "spokesman", "spokeswoman", "resident", "witness", "source", "officer",
    "minister", "chair", "chief", "director", "member", "manager", "worker", "owner", "teacher", "doctor",
    "nurse", "farmer", "driver", "student", "lawyer", "analyst", "expert", "diplomat", "mother", "father",
    "man", "woman", "neighbour", "neighbor", "volunteer", "organiser", "organizer", "engineer", "inspector",
    "councillor", "mayor", "treasurer", "secretary", "president", "founder", "candidate", "shopkeeper",
    # occupations, for a description ("a hydrologist") or a title in lower case ("principal investigator")
    "investigator", "technician", "physician", "surgeon", "historian", "consultant", "architect", "designer",
    "specialist", "coordinator", "supervisor", "instructor", "curator", "librarian", "pilot", "firefighter",
    "paramedic", "activist", "author", "writer", "journalist", "reporter", "photographer", "artist", "musician",
    "chef", "landlord", "tenant", "vicar", "rabbi", "imam", "priest", "solicitor", "barrister", "counsel",
    "auditor", "accountant", "banker", "investor", "entrepreneur", "lecturer", "surveyor", "ranger", "soldier",
    "veteran", "mechanic", "electrician", "plumber", "builder", "fisherman", "miner", "employee", "staffer",
    "aide", "nominee", "delegate", "envoy", "negotiator", "mediator", "ombudsman", "coroner", "pathologist",
    "epidemiologist", "meteorologist", "forecaster", "geologist", "hydrologist", "biologist", "ecologist",
    "astronomer", "physicist", "chemist", "statistician", "strategist", "commentator", "columnist", "publisher",
    "producer", "presenter", "correspondent", "scholar", "assistant", "psychologist", "pharmacist", "dentist",
    "midwife", "carer", "caretaker", "janitor", "cleaner", "chairwoman", "chairman", "businessman",
    "businesswoman", "congressman", "congresswoman", "councilwoman", "councilman", "alderman", "lawmaker",
    "assemblyman", "assemblywoman", "assemblymember", "legislator", "selectman", "selectwoman",
    # people as the news meets them
    "patient", "pensioner", "shopper", "commuter", "motorist", "passenger", "customer", "voter", "survivor",
    "victim", "homeowner", "householder", "villager", "cyclist", "parishioner", "fan", "supporter", "mum", "dad",
    "islander", "protester", "protestor", "rebel", "militant", "critic", "opponent", "relative", "pupil",
}
# Either a title before a name or the head of a description of a person.
ROLE_WORDS = TITLES | PERSON_WORDS
_KNOWN_WORDS = ROLE_WORDS | ORGANISATION_WORDS
# Capitalised at the start of a sentence, never part of a name.
NOT_NAMES = {"but", "and", "the", "a", "an", "in", "on", "at", "when", "while", "after", "before", "if", "as",
             "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "now", "yet", "so", "also",
             "however", "meanwhile", "earlier", "later", "asked", "speaking", "according", "for", "of", "from",
             "with", "by", "to", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "any", "i": "any"}
# Lower-case words inside a name ("Ursula von der Leyen", "Mohammed bin Salman", "Aled ap Rhys", "João dos Santos").
NAME_PARTICLES = {"de", "da", "das", "do", "dos", "van", "von", "der", "den", "het", "ten", "ter", "te", "op", "zu",
                  "bin", "ibn", "bint", "ben", "al", "el", "le", "la", "du", "del", "della", "dal", "dalla", "di",
                  "ap", "ab", "af", "av"}
# After a personal name, these introduce the organisation the person belongs to ("Lena Vogel of the ... group").
AFFILIATION_PREPOSITIONS = {"of", "at", "from"}
_PREPOSITIONS = {"on", "in", "at", "of", "from", "for", "near", "by", "with", "to"}
_ACRONYM = re.compile(r"^[A-Z][A-Z&]+(?:[’']s)?$")  # NASA, JPL, NATO’s; "J.P." has full stops and is initials
_POSSESSIVE = re.compile(r"(?:[’']s|s[’'])$")
_LEADING_WORDS = re.compile(r"^(?:(?:but|and|also|meanwhile|however|yet|so|then|still|now|later|earlier|"
                            r"instead|separately|in|a|an|the)\b[ ,]*)+", re.I)


@dataclass(frozen=True)
class Phrase:
    """What a noun phrase says about its speaker."""

    name: str
    kind: str
    role: str | None
    pronoun: str | None = None
    affiliation: str | None = None
    gender: Gender | None = None  # "he" or "she", where a title says it: "Mrs Ann Cole"


GENERATIONS = {"Jr.", "Sr.", "II", "III", "IV"}


def without_generation(name: str) -> str:
    """A name without the generation after it: "Conrad C. Lautenbacher" of "Conrad C. Lautenbacher, Jr."."""
    words = name.split()
    while len(words) > 1 and words[-1] in GENERATIONS:
        words.pop()
    return " ".join(words).rstrip(",")


def last_name(name: str) -> str:
    """The name's last word, a generation aside: "Lautenbacher" of "Conrad C. Lautenbacher, Jr."."""
    return without_generation(name).split()[-1] if name.split() else ""


def is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0] in "’'" and word[1:2].isupper()))


def looks_like_name(name: str) -> bool:
    """A personal name: up to five words, each capitalised or a particle, none a possessive or an acronym."""
    words = name.split()
    return 1 <= len(words) <= 5 and all(
        (is_capitalised(w) and not _POSSESSIVE.search(w) and not _ACRONYM.match(w)) or w.lower() in NAME_PARTICLES
        for w in words)


def bare(word: str) -> str:
    """A word as the word lists hold it: lower case, without the punctuation around it."""
    return word.strip("’'.,;:").lower()


def singular(word: str) -> str:
    """'engineers' -> 'engineer' when the singular is a word the lists know; any other word as it is."""
    for cut in (1, 2):
        if word.endswith("s") and word[:-cut] in _KNOWN_WORDS:
            return word[:-cut]
    return word


# A short tag in brackets after a name: a party, a state or a district ("(Ind)", "(D-Mass.)", "(PA-12)"), kept in
# the role; or a note for the reader ("(pictured)", "(left)", "(retired)"), which is neither name nor role.
BRACKET_TAG = r"\([A-Za-z][\w.’'-]*(?:[ -][\w.’'-]+){0,2}\)"
_PARTY_TAG = re.compile(rf"\s*({BRACKET_TAG})$")


def read_phrase(phrase: str) -> Phrase | None:
    """Split a speaker's noun phrase into name, role, affiliation and kind; None if it names no one."""
    phrase = " ".join(phrase.replace("\n", " ").split()).strip(" ,;:")
    tagged = _with_tag(phrase)
    if tagged:
        return tagged
    lowered = phrase.lower()
    if lowered in PRONOUNS:
        return Phrase(phrase, PRONOUNS[lowered], None, pronoun=lowered)
    words = phrase.split()
    if not _could_name_someone(phrase, words):
        return None
    writer = _writer_of_document(words)
    if writer is not None:
        return read_phrase(writer)
    preposition = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), None)
    name_words = _name_after_title(words)
    titled = 2 <= len(name_words) < len(words) and words[-len(name_words) - 1].lower() not in _PREPOSITIONS
    if preposition and not titled:  # "Shop owners on Mill Road", "A spokesperson for Northwind Assembly"
        return _with_preposition(words, preposition)
    rest = words[: len(words) - len(name_words)]
    if name_words and not (rest and rest[-1].lower() in ("the", "a", "an")):
        return _name_with_words_before(phrase, rest, name_words)
    return _description(words, bare(words[-1]))


def _with_tag(phrase: str) -> Phrase | None:
    """A person's phrase ending in a bracketed tag, the tag kept in the role: "Cllr Máire Ní Fhlatharta (Ind)",
    "Rep. Summer Lee (PA-12)"; a note for the reader ("(pictured)") dropped. None for any other phrase."""
    tag = _PARTY_TAG.search(phrase)
    if not tag or tag.start() == 0:
        return None
    named = read_phrase(phrase[:tag.start()])
    if not (named and named.kind == "person" and not named.pronoun and looks_like_name(named.name)):
        return None
    note = tag.group(1)[1].islower()
    tagged = " ".join(part for part in (named.role, None if note else tag.group(1)) if part)
    return Phrase(named.name, "person", tagged or None, affiliation=named.affiliation, gender=named.gender)


def _could_name_someone(phrase: str, words: list[str]) -> bool:
    """Not empty, with a letter, and short enough for a speaker's phrase (a long title is allowed its name)."""
    too_long = len(words) > 9 and not (len(words) <= 14 and len(_name_at_end(words)) >= 2)
    return bool(phrase) and not too_long and bool(re.search(r"[A-Za-z]", phrase))


def _writer_of_document(words: list[str]) -> str | None:
    """Who wrote what a phrase names, where it names a document: "the council" of "the council’s letter"."""
    if len(words) >= 2 and bare(words[-1]) in DOCUMENT_WORDS and _POSSESSIVE.search(words[-2]):
        return " ".join([*words[:-2], _POSSESSIVE.sub("", words[-2]).rstrip("’'")])
    return None


def _name_after_title(words: list[str]) -> list[str]:
    """The name a phrase ends with, a last word of a title with "of" in it left to the title: "State" of
    "Secretary of State Antony Blinken", "Commerce" of "Ashford Chamber of Commerce president Sarah van der Berg"."""
    name_words = _name_at_end(words)
    if len(name_words) >= 3 and len(name_words) < len(words) and words[-len(name_words) - 1].lower() == "of":
        return name_words[1:]
    return name_words


def _name_with_words_before(phrase: str, rest: list[str], name_words: list[str]) -> Phrase:
    """A name read with the words before it: a kind of organisation ("Bus company Greenline"), a team's possessive
    ("City’s Marco Ferri"), or a person's title, which may say whether to call them he or she ("Mrs Ann Cole")."""
    role = _clean_role(" ".join(w for w in rest if bare(w) not in HONORIFICS))
    if rest and singular(bare(rest[-1])) in ORGANISATION_WORDS:
        return Phrase(" ".join(name_words), "organisation", role)
    if role and _POSSESSIVE.search(role) and all(is_capitalised(w) for w in role.split()):
        return Phrase(" ".join(name_words), "person", None, affiliation=_POSSESSIVE.sub("", role))
    said = gender_in(" ".join(rest))
    return Phrase(" ".join(name_words), "person", role, gender=Gender(said.pronoun, phrase) if said else None)


def _description(words: list[str], head: str) -> Phrase | None:
    """A description without a personal name, read by its head noun ("the judge", "The Kremlin"); None where it
    starts in lower case with no article, as a clause does, and where nothing in it says it is a person or an
    organisation: "The road route takes 70 minutes" names no one, whatever verb of saying follows it."""
    phrase = " ".join(words)
    if not phrase[0].isupper() and not phrase.lower().startswith(("the ", "a ", "an ")):
        return None
    if not (says_what_it_is(words) or proper_name(words)):
        return None
    return Phrase(phrase, _kind(words, head), None)


def says_what_it_is(words: list[str]) -> bool:
    """Whether a phrase holds a word for a person or an organisation ("the ferry operator", "a night-shift nurse",
    "Engineers from the county roads department"), or an acronym ("NASA")."""
    known = ROLE_WORDS | ORGANISATION_WORDS | COMPANY_WORDS | SPEAKING_BODIES
    return any(singular(bare(word)) in known or _ACRONYM.match(word)
               for word in words) or " ".join(words).isupper()


def proper_name(words: list[str]) -> bool:
    """A name written in capitals after its article: "The Renewal Front", "NASA"; not "The road route"."""
    rest = words[1:] if words[0].lower() in ("the", "a", "an") else words
    return bool(rest) and all(is_capitalised(word) or word.lower() in _PREPOSITIONS | {"and", "of"} for word in rest)


def _with_preposition(words: list[str], preposition: int) -> Phrase | None:
    """"Lena Vogel of the Brook Road neighbours' group": a name, and the organisation she belongs to; "Engineers
    from the county roads department": a description, read by its head noun."""
    named = read_phrase(" ".join(words[:preposition]))
    tail = words[preposition:]
    if named and named.kind == "person" and not named.pronoun and looks_like_name(named.name):
        organisation = " ".join(tail[1:])
        if tail[0].lower() in AFFILIATION_PREPOSITIONS and names_an_organisation(organisation):
            return Phrase(named.name, "person", named.role, affiliation=_without_article(organisation))
        return Phrase(named.name, "person", ", ".join(part for part in (named.role, " ".join(tail)) if part))
    return _description(words, bare(words[preposition - 1]))


def _name_at_end(words: list[str]) -> list[str]:
    """The personal name a phrase ends with: the capitalised run after any titles ("NASA Administrator Bill
    Nelson"), particles kept ("Ursula von der Leyen"), possessives and acronyms left out ("City’s Marco Ferri")."""
    name_words: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        if not _extends_name(words, index, name_words):
            break
        name_words.insert(0, words[index])
    if len(name_words) < len(words) and not _ends_title(words[len(words) - len(name_words) - 1]):
        while name_words and name_words[0] in NAME_PARTICLES:  # "residents of la Rochelle": not "la Rochelle"
            name_words.pop(0)
    return name_words if looks_like_name(" ".join(name_words)) else []


def _extends_name(words: list[str], index: int, name_words: list[str]) -> bool:
    """Whether the word before the name read so far is part of it: a capitalised word that is no title,
    honorific, organisation, possessive or acronym, or a particle inside a name ("von" of "Ursula von der Leyen")."""
    word, plain = words[index], bare(words[index])
    if plain in NOT_NAMES or _POSSESSIVE.search(word.rstrip(",")) or _ACRONYM.match(word):
        return False
    if plain in NAME_PARTICLES and name_words:
        return True
    if not is_capitalised(word) or plain in HONORIFICS or singular(plain) in ORGANISATION_WORDS:
        return False
    return not (singular(plain) in ROLE_WORDS and not _given_name_after_title(words, index, name_words))


def _ends_title(word: str) -> bool:
    """A word after which lower-case particles open a surname: "Dr van der Linde", "President von der Leyen"."""
    plain = bare(word)
    return plain in HONORIFICS or singular(plain) in ROLE_WORDS or is_capitalised(word)


def _given_name_after_title(words: list[str], index: int, name_words: list[str]) -> bool:
    """A capitalised word that is also a title ("Dean", "Judge") is a given name right after a title written in
    lower case: "Kestrel captain Dean Abara" (a title written in capitals would be "Kestrel Captain")."""
    if index == 0 or len(name_words) != 1:
        return False
    before = words[index - 1]
    return before[:1].islower() and bare(before) in ROLE_WORDS


def _kind(words: list[str], head: str) -> str:
    """Person or organisation, for a description without a personal name, from its head noun."""
    lowered = " ".join(words).lower()
    if head.endswith("s") and singular(head) != head and singular(head) in ROLE_WORDS:
        return "organisation"  # "Engineers from the county roads department", "Shop owners": a group speaking
    if singular(head) in ROLE_WORDS:
        return "person"  # "the judge", "a spokesperson", "Ingenuity’s project manager"
    if any(singular(bare(w)) in ORGANISATION_WORDS or _ACRONYM.match(w) for w in words) or \
            " ".join(words).isupper():
        return "organisation"
    if re.match(r"^(?:a|an)\s", lowered) or len(words) == 1:
        return "person"
    return "organisation" if lowered.startswith("the ") else "person"


def names_an_organisation(words: str) -> bool:
    """"the Brook Road neighbours' group", "NASA JPL", "the Harwick County Court": words for an organisation or an
    acronym; not a place ("Russia", "Mill Road"), nor a department's subject ("State" of "Secretary of State")."""
    return any(singular(bare(w)) in ORGANISATION_WORDS or _ACRONYM.match(w.rstrip(",.")) for w in words.split())


def _without_article(words: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)


# A title is abbreviated before a name ("Cllr Priya Sandhu", "Sen. Elizabeth Warren") and written out where it
# stands alone, as a role does on the site (AP and British house styles alike).
TITLES_WRITTEN_OUT = {
    "Cllr": "Councillor", "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Lt.": "Lieutenant",
    "Lt": "Lieutenant", "Gen.": "General", "Brig.": "Brigadier", "Adm.": "Admiral", "Col.": "Colonel",
    "Capt.": "Captain", "Maj.": "Major", "Sgt.": "Sergeant", "Cmdr.": "Commander", "Supt.": "Superintendent",
    "Supt": "Superintendent", "Insp.": "Inspector", "Insp": "Inspector", "Det.": "Detective", "Det": "Detective",
    "Prof.": "Professor", "Rev.": "Reverend", "Atty.": "Attorney", "Asst.": "Assistant",
}


def _clean_role(role: str) -> str | None:
    role = _LEADING_WORDS.sub("", role).strip(" ,")
    role = " ".join(TITLES_WRITTEN_OUT.get(word, word) for word in role.split())
    return role if role and any(ch.isalpha() for ch in role) else None


def organisation_name(name: str) -> str:
    """An organisation's name as the site shows it: without "the" where the rest stands alone as a name.

    "The Riverside Tenants’ Union" -> "Riverside Tenants’ Union"; "the regional environment agency" -> "Regional
    environment agency". "The Kremlin" and "The council" (one word), "The city’s public health office" (a
    possessive) and "The Bayport ferry operator" (a description, its head no word for an organisation) keep it.
    """
    words = name.split()
    if len(words) < 3 or words[0].lower() != "the" or re.search(r"[’']s$", words[1]):  # not "the cyclists’ ..."
        return words[0][:1].upper() + name[1:] if words else name
    rest = words[1:]
    head = rest[next((i for i, w in enumerate(rest) if w.lower() in _PREPOSITIONS), len(rest)) - 1]
    proper = all(is_capitalised(w) or w[:1].isdigit() or w.lower() in _PREPOSITIONS | {"and"} for w in rest)
    if proper or singular(bare(head)) in ORGANISATION_WORDS:
        text = " ".join(rest)
        return text[:1].upper() + text[1:]
    return "The " + " ".join(rest)


_AFFILIATED = re.compile(r"^(?P<role>.*?),?\s+(?:at|of|for)\s+(?:the\s+)?(?P<organisation>[A-Z][^,]*?)"
                         r"(?:\s+in\s+[A-Z][\w’' ,.-]*)?$")


# "chief of NASA’s Balloon Program Office at the agency’s Wallops Flight Facility": the office is part of the role,
# the place where it is (without "the agency’s") the affiliation.
_UNIT_AT = re.compile(r"^(?P<role>.+?\sof\s+[A-Z][^,]*?)\s+at\s+(?:the\s+(?:[a-z]+[’']s\s+)?)?"
                      r"(?P<organisation>[A-Z][^,]*?)(?:\s+in\s+[A-Z][\w’' ,.-]*)?$")


# "of the group Save the Exe", "from Northgate Logistics": an organisation alone, no role before it.
_MEMBER_OF = re.compile(r"^(?:of|at|from)\s+(?:the\s+)?(?:(?P<kind>group|campaign|charity|union|society|"
                        r"association|organisation|organization|firm|company|club|party)\s+)?"
                        r"(?P<organisation>[A-Z][^,]*?)(?:\s+in\s+[A-Z][\w’' ,.-]*)?$")


def role_and_affiliation(role: str) -> tuple[str | None, str | None]:
    """"PACE program executive at NASA Headquarters" -> ("PACE program executive", "NASA Headquarters"): the
    organisation of a role written after a name, where it is a capitalised name of an organisation after "at", "of"
    or "for" (after "at" where "of" names a part of it: "chief of NASA’s Balloon Program Office at ..."); the place
    after "in" left out. "chair of the harbour council" (lower case) and "President of Russia"
    (a place) stay whole."""
    member = _MEMBER_OF.match(role)
    if member and (names_an_organisation(member.group("organisation")) or member.group("kind")):
        return None, member.group("organisation")  # "of the group Save the Exe"
    match = _UNIT_AT.match(role) or _AFFILIATED.match(role)
    if match is None or not match.group("role").strip(" ,") or not names_an_organisation(match.group("organisation")):
        return role, None
    organisation = re.sub(r"\s*\([A-Z][A-Za-z&]{1,9}\)$", "", match.group("organisation").strip(" ,"))  # "(NAHT)"
    return match.group("role").strip(" ,"), organisation


_RELATIVE = re.compile(r"^(?:who|whose|which|that)\b", re.I)
_ADVERBS = {"also", "now", "still", "currently", "jointly", "already", "since"}


def without_descriptions(role: str | None) -> str | None:
    """A role as the site shows it after a name: without the article that only introduces it ("a night-shift
    nurse" -> "night-shift nurse") and without the relative clauses in it that describe rather than say what
    someone is or does: "Farmer, whose field is on the shortlist" -> "Farmer"; "Neighbour, who made the first
    complaint" -> "Neighbour"; "who chairs the parents’ group" and "which owns the quarry" (what they do now) are
    kept."""
    if not role:
        return role
    role = re.sub(r"^(?:a|an)\s+(?=\S)", "", role, flags=re.I)
    kept: list[str] = []
    for piece in role.split(", "):
        if _RELATIVE.match(piece) and not _says_what_they_do(piece):
            break
        if _RELATIVE.match(piece) and not kept:
            noun = _as_a_noun(piece)
            if noun is None:
                break
            piece = noun
        elif _RELATIVE.match(piece):  # "Councillor, who chairs ..." reads as a noun phrase without its comma
            kept[-1] = f"{kept[-1]} {piece}"
            continue
        kept.append(piece)
    return ", ".join(kept).strip(" ,") or None


# What someone is, from what a relative clause says they do: "who chairs the committee" -> "chair of the committee".
# Only where the noun says no more than the verb: "who runs the bakery" may manage it, not own it, so it stays
# "runs the bakery", as an editor would write it.
DOER_OF = {"chairs": "chair of", "owns": "owner of", "leads": "leader of", "heads": "head of",
           "manages": "manager of", "directs": "director of", "coaches": "coach of", "captains": "captain of",
           "edits": "editor of"}


def _as_a_noun(clause: str) -> str | None:
    """"who chairs the committee" -> "chair of the committee"; "who runs the bakery" -> "runs the bakery"; None
    for a clause of a single word."""
    words = clause.split()
    if len(words) < 3:
        return None
    if words[1].lower() in DOER_OF:
        return " ".join([DOER_OF[words[1].lower()], *words[2:]])
    return " ".join(words[1:])


def made_from_a_clause(role: str) -> bool:
    """Whether a role is one the draft made from a relative clause beside a name: "chair of the committee" from
    "who chairs the committee", "runs the bakery" from "who runs the bakery"."""
    first = role.split()[0]
    return first in {noun.split()[0] for noun in DOER_OF.values()} or _says_what_they_do(f"who {role}")


def _says_what_they_do(clause: str) -> bool:
    """"who chairs ...", "which represents ...", "who has led ... since": a verb in the present; not "whose ...",
    "who had ...", "who made ...", "who was ..."."""
    words = [word.lower().strip(",") for word in clause.split()]
    if words[0] == "whose":
        return False
    verbs = [word for word in words[1:] if word not in _ADVERBS]
    if not verbs:
        return False
    if verbs[0] in ("has", "have"):
        return len(verbs) > 1 and verbs[1] not in ("been", "had")
    return verbs[0].endswith("s") and not verbs[0].endswith("ss") and verbs[0] not in _NOT_PRESENT


_NOT_PRESENT = {"was", "is", "has", "does", "this", "his", "its", "as", "us", "thus", "across", "less"}


# How a role written after a name and a comma opens: "the county’s chief bridge engineer", "who runs the bakery".
_ROLE_OPENING = re.compile(r"^(?:the|a|an|its|his|her|their|one of|who|whose)\b", re.I)
_NAME_JOINERS = {"of", "and", "the", "for", "in", "at", "on", "&"}


def appositive_role(text: str) -> str | None:
    """The role in the words after a name and its comma, or None: "director, Earth Science Division, at NASA
    Headquarters" is one role; it runs on over pieces that are names ("Earth Science Division") or say where
    ("at NASA Headquarters") and stops at any other ("said on Monday"). `text` ends where the sentence does."""
    pieces = [piece.strip() for piece in text.split(",")]
    if pieces and pieces[0].isdigit():  # an age: "Alan Pryce, 71, who made the first complaint"
        pieces = pieces[1:]
    if not pieces or not _opens_role(pieces[0]):
        return None
    kept = [pieces[0]]
    for piece in pieces[1:]:
        words = piece.split()
        place = bool(re.match(r"^(?:at|of|in)\s+(?:the\s+)?[A-Z]", piece))
        if not words or not (place or all(is_capitalised(w) or w.lower() in _NAME_JOINERS for w in words)):
            break
        kept.append(piece)
    return ", ".join(kept)


def _opens_role(piece: str) -> bool:
    """"director", "PACE program executive at NASA Headquarters", "the library's head", "who chairs ..."."""
    if _ROLE_OPENING.match(piece):
        return True
    head = re.split(r"\s+(?:at|of|in|for|with)\s+", piece)[0].split()
    return bool(head) and bare(head[-1]) in ROLE_WORDS
