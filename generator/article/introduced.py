"""Whom the verb that introduces a quotation gives it to (generator/article/introducers.py finds the verb): the
speaker its subject names or describes, the one a pronoun stands for, a document's owner; or why nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft.attribution import Attribution
from ..draft.names import read_phrase
from .introducers import Introducer, evidence, introducer, thing_in
from .quoted import PRONOUN_KINDS, Attributed, QuotedPassages, Span, names_someone, opening_name

OPENING_REACH = 200


@dataclass(frozen=True)
class Refusal:
    """Why the source gives quoted words to nobody as their own: `kind` is "denied", "carried" or "nobody"."""

    kind: str
    who: str  # who denies them, or what carries them ("Balance", "A sign"); "" for nobody
    evidence: str  # the source's words it is read from, each quotation shown as “…”
    where: str = ""  # "article.txt:12:5 (sentence p4.s1)"


@dataclass(frozen=True)
class Voicing:
    """Whose own words a quotation is: its speakers as the source names them, or why it has none."""

    speakers: tuple[Attributed, ...] = ()
    refusal: Refusal | None = None
    unchecked: bool = False  # a document's own words, whose author the story does not name: nothing to check


@dataclass(frozen=True)
class Framed:
    """Some words of the source as the attribution reader sees them, and where one quotation stands in them."""

    text: str
    start: int  # offset in the source of the words' start: where "he" looks back from
    at: int  # offset of the quotation's Q in `text`
    by_verb: dict[int, list[Attribution]]  # the attribution reader's findings, by where their verb stands
    outer: Span | None = None  # the words of the quotation this one is quoted inside, if any


def introduced(passages: QuotedPassages, framed: Framed, verb: Introducer) -> Voicing | None:
    """Whose words a verb gives the quotation to; None where its subject cannot be read."""
    if verb.negated(framed.text):
        return refused(framed, verb, "denied")
    thing = thing_in(verb.subject)
    if thing is not None:
        return _carried(passages, framed, verb, thing.owner, thing.document)
    around = f"{verb.subject} {framed.text[verb.end:verb.end + 100]}"  # "came from X", "according to X"
    at_verb = [each for each in framed.by_verb.get(verb.start, []) if _in_subject(each, around)]
    if at_verb:
        return Voicing(tuple(speaker for each in at_verb for speaker in speakers_of(passages, framed, each)))
    return _by_subject(passages, framed, verb)


def _by_subject(passages: QuotedPassages, framed: Framed, verb: Introducer) -> Voicing | None:
    """The speaker the verb's subject is, where the attribution reader read none: "critics", "she", "Harrison"."""
    phrase = read_phrase(verb.subject) if verb.subject else None
    if phrase and phrase.pronoun:
        return Voicing(tuple(_standing_for(passages, framed, phrase.pronoun, verb.start)))
    if not verb.subject and framed.text[verb.start:verb.end].endswith("ing"):  # "..., calling it Q"
        return _carried_on(passages, framed, verb)
    if not verb.subject or verb.subject.lower() in ("i", "we"):  # the one quoting, where a quotation holds it
        return None
    words = evidence(framed.text, verb.start, verb.end)
    named = bool(phrase and names_someone(phrase))
    return Voicing((Attributed(phrase.name if phrase else verb.subject, words, named),))


def _carried_on(passages: QuotedPassages, framed: Framed, participle: Introducer) -> Voicing | None:
    """A participle speaks for its clause's subject: the speaker of the verb before it ("X said ..., calling it
    Q"), or the person the sentence opens with ("Harrison hit back, calling it Q")."""
    earlier = introducer(framed.text, participle.start, strict=False)
    if earlier is not None:
        return introduced(passages, framed, earlier)
    name = opening_name(framed.text[:OPENING_REACH])
    return Voicing((Attributed(name, evidence(framed.text, participle.start, participle.end), True),)) if name else None


def _in_subject(found: Attribution, words: str) -> bool:
    """Whether the attribution reader's speaker is the verb's subject ("Quill said critics had called": not Quill),
    or the subject is an appositive's, which that reader reads whole ("Northwind Assembly, the consortium, said")."""
    if words.startswith(" ") or found.phrase.pronoun:
        return True
    return _plain_words(found.phrase.name) - {"Jr", "Sr", "II", "III", "IV"} <= _plain_words(words)


def _plain_words(text: str) -> set[str]:
    return {word.strip(".,’'") for word in text.split()} - {""}


def _carried(passages: QuotedPassages, framed: Framed, verb: Introducer, owner: str | None,
             document: bool) -> Voicing:
    """A document's words are its owner's ("its letter", "The institute’s report"), or, for "the statement" of one
    named as speaking just before, theirs; a sign's, or an unowned document's, are nobody's."""
    words = evidence(framed.text, verb.start, verb.end)
    phrase = read_phrase(owner) if owner else None
    if phrase and phrase.pronoun:
        speakers = _standing_for(passages, framed, phrase.pronoun, verb.start)
    elif owner:
        speakers = [Attributed(phrase.name if phrase else owner, words, bool(phrase and names_someone(phrase)))]
    elif document and verb.subject.split()[0].lower() in ("the", "this", "that"):
        speakers = passages.named_before(framed.start, "they", True)
    else:
        speakers = []
    return Voicing(tuple(speakers)) if speakers else refused(framed, verb, "carried")


def speakers_of(passages: QuotedPassages, framed: Framed, found: Attribution) -> list[Attributed]:
    """The speakers an attribution names: its phrase, or those its pronoun may stand for."""
    phrase = found.phrase
    if phrase.pronoun:
        return _standing_for(passages, framed, phrase.pronoun, found.verb_at)
    return [Attributed(phrase.name, found.evidence, names_someone(phrase))]


def _standing_for(passages: QuotedPassages, framed: Framed, pronoun: str, upto: int) -> list[Attributed]:
    """Whom a pronoun may stand for: the person its own sentence opens with ("Quill spoke about the plan, which she
    called Q"), then those named or described as speaking just before."""
    opening_words = framed.text[:min(upto, OPENING_REACH)]  # a name opens the sentence, within a few words
    opening = opening_name(opening_words, PRONOUN_KINDS.get(pronoun, ("person",)))
    own = [Attributed(opening, opening_words, True, pronoun)] if opening else []
    return own + passages.named_before(framed.start, pronoun, True)


def refused(framed: Framed, verb: Introducer, kind: str) -> Voicing:
    """No speaker: the words are denied, or carried by a thing, as the verb says."""
    return Voicing(refusal=Refusal(kind, verb.subject, evidence(framed.text, verb.start, verb.end)))
