"""The words that introduce a quotation in its sentence: the verb nearest to it, who that verb's subject is, and
whether the sentence denies the words, or gives them to a sign or a document instead of a speaker.

Read on a frame (generator/draft/attribution.py): the sentence with each quotation replaced by Q, single-spaced.

    Balance denied that he had ever called the program Q.   a denial: the words are nobody's own
    Q, Harrison did not say.                                 negated speech: the same
    A sign read Q.   Q, read a banner.                       a thing carries them: nobody's speech
    The institute’s report puts the share at Q.              a document speaks for its owner: the institute
    But critics had called the plan Q.                       the verb's own subject, "critics", is the speaker
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..draft.attribution import VERB, Q
from ..draft.names import DOCUMENT_WORDS, read_phrase
from .quoted import names_someone

# Verbs that put words on a sign or in a document as much as in a mouth: "A sign read “…”", "As he put it, “…”".
_CARRYING = (r"\b(?:read|reads|reading|bore|bears|bearing|carried|carries|carrying|displayed|displays|proclaimed|"
             r"proclaims|showed|shows|puts|put)\b")
_CARRYING_ONLY = re.compile(_CARRYING)
# Verbs of saying that VERB leaves out: the bare forms a denial or a negation uses ("did not say"), words chanted
# or shouted, and participles that carry on a clause's subject ("..., calling it “…”").
_BARE_SPEECH = (r"\b(?:say|call|describe|utter|uttered|write|chant|chanted|chanting|shout|shouted|shouting|"
                r"yell|yelled|yelling|sang|sung|singing|cried|screamed|whispered|joked|blamed|blames|branded|brands|"
                r"dubbed|dubs|labelled|labeled|termed|hailed|hails|condemned|condemns|praised|praises|thanked|"
                r"welcomed|welcomes|cited|cites|apologised|apologized)\b")
_PARTICIPLE = r"(?<=, )(?:calling|describing|branding|dubbing|labelling|labeling)\b"
INTRODUCER = re.compile(f"{VERB.pattern}|{_CARRYING}|{_BARE_SPEECH}|{_PARTICIPLE}")
# Only after a quotation do these report it: "“…,” Harrison went on" (but "the road continues to be “…”").
_INTRODUCER_AFTER = re.compile(rf"{INTRODUCER.pattern}|\b(?:went on|goes on|continued|continues)\b")
# A verb in the passive has no speaker for a subject: "the cuts were blamed on “…”, Harrison said".
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:\w+ly\s+)?\Z")
_NEGATION = (r"(?:did not|didn[’']t|does not|doesn[’']t|do not|don[’']t|never|has not|hasn[’']t|had not|hadn[’']t|"
             r"have not|haven[’']t|would not|wouldn[’']t|will not|won[’']t|could not|couldn[’']t|cannot|can[’']t|"
             r"declined to|refused to|not)")
_NEGATED = re.compile(rf"\b{_NEGATION}\s+(?:(?:ever|actually|once|publicly|really|even)\s+)?\Z")
_DENIAL = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|rejecting|disputed|disputes|disputing|"
                     r"dismissed|dismisses|dismissing|refuted|refutes|refuting|repudiated|repudiates|disowned|"
                     r"disowns|contested|contests|accused|accuses|accusing|alleged|alleges|alleging)\b")
# What makes the words after a denial the words denied: "denied that ...", "denied saying ...", "denied ever ...";
# not "dismissed reports as “fake news”", which are the dismisser's own.
_DENIED_WORDS = re.compile(r"\b(?:that|ever|say|said|saying|says|call|called|calling|calls|describ\w+|us(?:e|ed|ing)|"
                           r"utter\w*|told|telling|wrote|writing)\b")
# How far from a quotation its introducing words are looked for: an attribution is short.
REACH = 250
_CLAUSE_STOP = re.compile(r";|[.!?](?:\s|\Z)")
# Where one clause ends and another with a subject of its own may begin.
_CLAUSE_END = re.compile(r"[;:]|[.!?](?:\s|\Z)|,\s+\w+ing\b|\b(?:but|while|whereas|although|though)\b")
_NEW_CLAUSE = re.compile(r"\b(?:and|or)\b")
_SUBJECT_BOUNDARY = re.compile(rf"[,;:(]|{re.escape(Q)}|\s[-–—]\s|\b(?:that|and|but|while|as|after|when|because|if|"
                               r"who|which|whereas|although|though)\b")
# Between a quotation and its verb: "Q, Harrison, 54, said" and "Q, Harrison, who chairs it, said" but not
# "Q, and Harrison said"; each piece a name's few words ("Chief Executive Officer Dana R. Whitcombe told").
_NAME_WORDS = 7
_AFTER_BOUNDARY = re.compile(r"[;:.!?(]|\s[-–—]\s|\b(?:that|and|but|while|as|after|when|because|if|whereas|"
                             r"although|though)\b")
_AUX = re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|also|initially|later|earlier|then|again|previously|first|"
                  r"once|ever|publicly|quickly|repeatedly|reportedly|allegedly|will|would|could|did|does|do|not|never|"
                  r"n[’']t|declined to|refused to))+\s*\Z")
_LEADING = re.compile(r"^(?:(?:But|And|Also|Meanwhile|However|Yet|So|Then|Still|Now|Later|Earlier|Instead|"
                      r"Separately|Even|Only|When|While|As|If|After|Before|Because|Although|Though|Once|Since|"
                      r"Until|Unless)\b[ ,]*)+")
# Things whose words are nobody's speech, whoever made them; a document speaks for its owner ("its letter").
_THINGS = frozenset(("sign", "signs", "banner", "banners", "placard", "placards", "poster", "posters", "graffiti",
                     "slogan", "slogans", "sticker", "stickers", "billboard", "billboards", "plaque", "plaques",
                     "leaflet", "leaflets", "flyer", "flyers", "inscription", "t-shirt", "t-shirts", "shirt",
                     "shirts", "mural", "headline", "headlines", "caption", "label", "noticeboard", "screen",
                     "document", "documents", "memo", "sheet", "chant", "chants"))
_DOCUMENTS = DOCUMENT_WORDS | {"document", "documents", "memo", "minutes", "transcript", "filing"}
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)[’']s?\s+(?:\w+\s+){0,2}\w+$|^(?P<pronoun>its|his|her|their)\b", re.I)
_OWNER_AFTER = re.compile(r"^(?P<core>.+?)\s+(?:from|by|of|on behalf of)\s+(?P<owner>.+)$")
_PLACE_AFTER = re.compile(r"\s+(?:at|on|in|outside|inside|near|above|over|across|along|beside|behind|under|"
                          r"around|held|hung|left|put|pinned|painted|taped)\b.*$")


@dataclass(frozen=True)
class Introducer:
    """The verb that introduces a quotation (its offsets in the frame) and the words that are its subject."""

    start: int
    end: int
    subject: str

    def negated(self, frame: str) -> bool:
        """"did not say", "never called", "declined to confirm": the subject did not say the words."""
        return bool(_NEGATED.search(frame, max(0, self.start - 40), self.start))


@dataclass(frozen=True)
class Thing:
    """A sign, a banner or a document that carries a quotation, and its owner where the sentence names one."""

    words: str  # "A sign", "The institute’s report"
    owner: str | None  # "The institute", "its" (to be read as a pronoun), or None
    document: bool  # a document, whose owner is its author; a sign's words are nobody's


def introducer(frame: str, at: int, strict: bool = True) -> Introducer | None:
    """The verb nearest the quotation at frame offset `at` that introduces it: before it in its clause ("X said Q"),
    else just after it ("Q, X said", "Q, said X"). Not `strict`: the last such verb of its sentence before it, across
    "and" and commas ("X said A, B and a Q")."""
    return _before(frame, at, strict) or (_after(frame, at) if strict else None)


def _before(frame: str, at: int, strict: bool) -> Introducer | None:
    for verb in reversed(list(INTRODUCER.finditer(frame, clause_start(frame, at), at))):
        between = frame[verb.end():at]
        if strict and (_CLAUSE_END.search(between) or _NEW_CLAUSE.search(between) or Q in between):
            return None
        subject = subject_before(frame, verb.start())
        passive = _PASSIVE.search(frame, max(0, verb.start() - 30), verb.start())
        if not passive and _introduces(verb.group(), subject):
            return Introducer(verb.start(), verb.end(), subject)
    return None


def _after(frame: str, at: int) -> Introducer | None:
    end = at + len(Q)
    verb = _INTRODUCER_AFTER.search(frame, end, end + 120)
    if verb is None:
        return None
    between = frame[end:verb.start()].strip().removeprefix(",").strip()
    pieces = between.split(",")
    if Q in between or _AFTER_BOUNDARY.search(between) or max(len(piece.split()) for piece in pieces) > _NAME_WORDS:
        return None
    # "said Rep. Lee.", "read a sign"; a participle speaks for its clause's subject ("Q, adding nothing").
    named_after = "" if verb.group().endswith("ing") else \
        " ".join(re.split(r"[,;:!?]", frame[verb.end():verb.end() + 120])[0].split()[:8]).rstrip(".")
    subject = _named_piece(_AUX.sub("", " " + between).strip()) or named_after
    return Introducer(verb.start(), verb.end(), subject) if _introduces(verb.group(), subject) else None


def _named_piece(words: str) -> str:
    """"Harrison" of "Harrison, 54," of "Harrison, who chairs the committee," and of "on the part of Putin, Harrison":
    the last piece that names someone, next to the verb."""
    pieces = [piece.strip() for piece in words.split(",") if piece.strip() and not piece.strip().isdigit()]
    phrases = [(piece, read_phrase(piece)) for piece in reversed(pieces)]
    return next((piece for piece, phrase in phrases if phrase and names_someone(phrase)), pieces[-1] if pieces else "")


def _introduces(verb: str, subject: str) -> bool:
    """A verb of saying introduces words; "read", "put" or "showed" only where a sign or a document does it, or
    someone named ("She read a statement:", "As Harrison put it"), not "the figures read like"."""
    if not _CARRYING_ONLY.fullmatch(verb):
        return True
    phrase = read_phrase(subject) if subject else None
    return thing_in(subject) is not None or bool(phrase and (phrase.pronoun or names_someone(phrase)))


# "in her words", "in the words of the judge", "in Quill's own words": whose words the quotation is, said outright.
_WORDS_OF = re.compile(r"\bin (?:(?P<pronoun>his|her|their|its)|(?P<owner>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3})"
                       r"[’']s?|the words of (?P<named>[^,;:.]{1,60}?))(?: own)? words?\b|"
                       rf"\bin the words of (?P<of>[^,;:.]{{1,60}}?)(?=,|\s*{re.escape(Q)})")
_POSSESSOR = {"his": "he", "her": "she", "their": "they", "its": "it"}
# "Quill was “gutted”", "He sounded “very emotional”": words the sentence gives its subject as how they felt.
_COPULA = re.compile(r"\b(?:was|were|is|are|felt|feels|seemed|seems|looked|looks|sounded|sounds|remained|remains|"
                     r"became|becomes)\s+(?:(?:left|clearly|visibly|still|so|very|really|quite|deeply|utterly|"
                     r"absolutely|now|later)\s+)?\Z")


def words_of(frame: str, at: int) -> Introducer | None:
    """"It was, in her words, Q", "Q, in the judge's words": the quotation's owner, named outright in its clause."""
    ahead = frame[at:at + REACH]
    end = at + min((match.start() for match in _CLAUSE_STOP.finditer(ahead)), default=len(ahead))
    for found in _WORDS_OF.finditer(frame, clause_start(frame, at), end):
        pronoun = found.group("pronoun")
        owner = _POSSESSOR[pronoun.lower()] if pronoun else next(
            group for group in (found.group("owner"), found.group("named"), found.group("of")) if group)
        return Introducer(found.start(), found.end(), owner)
    return None


def described_as(frame: str, at: int) -> Introducer | None:
    """"Quill was “gutted” after the match": the subject whose state the quoted words give, as theirs."""
    copula = _COPULA.search(frame, max(0, at - 60), at)
    if copula is None:
        return None
    subject = subject_before(frame, copula.start())
    return Introducer(copula.start(), copula.end(), subject) if subject else None


def clause_start(frame: str, at: int) -> int:
    """Where the clause that holds frame offset `at` starts, looking back `REACH` characters at most: a sentence of
    thousands of quotations is read around each, never whole for each."""
    begin = max(0, at - REACH)
    return max((match.end() for match in _CLAUSE_STOP.finditer(frame, begin, at)), default=begin)


def subject_before(frame: str, verb_start: int) -> str:
    """The words just before a verb, up to the clause's start, without auxiliaries: "critics" of "But critics had
    called"; "" where a comma comes first (an appositive, which the attribution reader reads)."""
    left = _AUX.sub("", " " + frame[max(0, verb_start - REACH):verb_start].rstrip())
    piece = _SUBJECT_BOUNDARY.split(left)[-1].strip() if left.strip() else ""
    piece = INTRODUCER.split(piece)[-1]  # "Harrison said a sign": the sign is the subject of the next verb
    return " ".join(_LEADING.sub("", piece).split()[-6:])


def denial(frame: str, at: int) -> Introducer | None:
    """The denial (or allegation) whose words the quotation at `at` stands in: "denied that he had ever called the
    program Q", "rejected claims that he called it Q", "denied saying Q", "was accused of calling them Q"; None where
    none reaches it ("did not deny" is none, and "dismissed the reports as Q" gives the dismisser's own words)."""
    for found in reversed(list(_DENIAL.finditer(frame, clause_start(frame, at), at))):
        scope = frame[found.end():at]
        if _NEGATED.search(frame, max(0, found.start() - 40), found.start()) or _CLAUSE_END.search(scope):
            return None
        if _DENIED_WORDS.search(scope):
            return Introducer(found.start(), found.end(), subject_before(frame, found.start()))
        return None
    return None


def thing_in(subject: str) -> Thing | None:
    """The sign or document a subject names, with its owner: "A sign", "The council’s letter", "its statement",
    "A statement from the council"; None for a speaker ("Harrison", "critics", "the company")."""
    core, owner = _PLACE_AFTER.sub("", subject), None  # "a sign at the door", "a banner held by ..."
    after = _OWNER_AFTER.match(core)
    if after:
        core, owner = after.group("core"), after.group("owner")
    words = core.split()
    head = words[-1].lower().strip(".,") if words else ""
    if head not in _THINGS and head not in _DOCUMENTS:
        return None
    possessive = _POSSESSIVE.match(core) if len(words) > 1 else None
    if possessive and owner is None:
        owner = possessive.group("pronoun") or possessive.group("owner")
    return Thing(subject, owner, head in _DOCUMENTS and head not in _THINGS)


def evidence(frame: str, start: int, end: int) -> str:
    """The words around an introducer, as an editor will find them: whole words, a quotation shown as “…”."""
    before = frame[max(0, start - 120):start].split()[-8:]
    after = frame[end:end + 120].split()[:6]
    words = " ".join([*before, frame[start:end].strip(), *after]).replace(Q, "“…”")
    return re.sub(r"\s+([.,;:])", r"\1", words)
