"""Who said it: the attribution around a quotation or a sentence of reported speech.

Shapes read, with the quotation replaced by Q:
    Q, Rutte told reporters.        Q, said Mayor Lena Ortiz.        Rutte said the move was Q.
    The Kremlin had dismissed reports as Q.        Q, he said on X.        ..., Rutte said.
    The cooperative's chair, Tomas Reed, said ...   Councillor Priya Mendes, one of the two who voted against, said
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..article.source import ABBREVIATIONS, WEEKDAYS
from .byline import MONTHS, without_dateline
from .names import (
    BRACKET_TAG,
    ORGANISATION_WORDS,
    ROLE_WORDS,
    Phrase,
    appositive_role,
    bare,
    looks_like_name,
    read_phrase,
    role_and_affiliation,
)
from .organisations import ACRONYM_IN_BRACKETS

Q = "⟦Q⟧"
_DAY = "|".join(WEEKDAYS)
VERB = re.compile(
    r"\b(?<!-)(?:said|says|told|tells|added|adds|wrote|writes|posted|tweeted|asked|replied|warned|urged|confirmed|"
    r"announced|stated|explained|insisted|argued|noted|called|calls|described|describes|dismissed|denied|"
    r"declared|claimed|acknowledged|admitted|rejected|accused|promised|vowed|cautioned|stressed|recalled|"
    r"complained|conceded|predicted|criticised|criticized|criticises|criticizes|countered|responded|remarked|"
    r"pointed out|concluded|quipped|answered|commented|observed|testified|reiterated|emphasi[sz]ed|maintained|"
    r"contended|estimates|[Aa]ccording to|(?:came|comes) from|"
    r"(?<=, )(?:saying|telling|adding|warning|ruling|arguing|insisting|noting)|"
    r"(?<=not )(?:confirm|deny|comment)|(?<=declined to )comment)\b")
# A participle after the sentence's subject: "Dr Rupert Hale, ..., had recommended refusal, telling the committee
# that ...". It reports speech only when "that" or a quotation follows within a few words.
_PARTICIPLES = {"saying", "telling", "adding", "warning", "ruling", "arguing", "insisting", "noting"}
_SPEECH_FOLLOWS = re.compile(rf"^\s*(?:[^.;,{Q}]{{0,60}}?\s)?(?:that\b|{Q})")
# The noun before "came from" that makes it an attribution: "The promise came from Kestrel captain Dean Abara".
_SPEECH_NOUNS = {"promise", "warning", "words", "comment", "comments", "remark", "remarks", "message", "plea",
                 "call", "pledge", "threat", "claim", "response", "reply", "answer", "criticism", "praise",
                 "admission", "appeal", "quote", "line", "verdict", "assessment", "insult", "joke", "boast"}
_AUX_TAIL = re.compile(
    rf"(?:\s+(?:had|has|have|was|were|is|also|initially|later|earlier|then|again|previously|first|once|"
    rf"did not|didn't|does not|would not|could not|declined to|will|would|publicly|quickly|repeatedly|"
    rf"yesterday|today|on (?:{_DAY})))+\s*$")
# A bracket opens a new part of the phrase, unless it holds the short tag that ends it: "Ní Fhlatharta (Ind)".
_BOUNDARY = re.compile(rf"(?:[,;:]|\((?!{BRACKET_TAG[2:]}\s*$)|{Q}|\s[-–—]\s|"
                       r"\b(?:that|and|but|while|as|after|when|because|if|who|which)\b)")
_LEADING = re.compile(r"^(?:(?:But|And|Also|Meanwhile|However|Yet|So|Then|Still|Now|Later|Earlier|Instead|"
                      r"Separately|Asked|Speaking|When|While|Although|Though|Because|Once|Until|Unless|If)\b[ ,]*)+")
_WHERE = re.compile(
    r"\b(on (?:X|Facebook|Twitter|Instagram|TikTok|Telegram|LinkedIn|YouTube|Threads|Bluesky|Mastodon|"
    r"social media|(?:its|his|her|their) (?:website|blog|account|page)|radio|television|TV)|"
    r"in (?:a|an|its|his|her|their) (?:written )?(?:statement|interview|post|video|letter|email|e-mail|"
    r"press release|speech|blog post|message|newsletter)|"
    r"at (?:a|an|the) [\w ’'-]{0,40}?(?:conference|meeting|briefing|rally|hearing|event|session|gathering))")
_MONTH_NAMES = "|".join(name.capitalize() for name in MONTHS if len(name) > 3 or name == "may")
# When, right after the verb, in place of reported words: "the company said Wednesday.", "that GSA announced last
# November."
_WHEN = re.compile(rf"^\s*(?:(?:on\s+)?(?:{_DAY})|yesterday|today|tonight|last\s+(?:week|month|year|night|"
                   rf"{_DAY}|{_MONTH_NAMES})|(?:earlier\s+)?this\s+(?:week|month|year|morning|afternoon|evening))\b")
_TOLD_OBJECT = re.compile(r"^\s*(?:the |a |an )?[\w’' -]{1,40}?(?=\s+(?:that|on|in|at|after|before|during)\b|[,.;]|$)")
_SENTENCE_OPENING = re.compile(r"^[\s,]*")


@dataclass(frozen=True)
class Attribution:
    """A speaker phrase found beside a verb, and how it was said."""

    phrase: Phrase
    verb_at: int
    how: str
    where: str | None
    evidence: str  # the attribution's words, for the review marker
    reported: bool  # the clause reports speech in the article's own words ("X said that ...")


class Spans:
    """Where the article's quotations are (opening mark, just after the closing one), sorted once: a frame takes
    only those around its own words, where sorting and reading all of them for every sentence was quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.openings = [opening for opening, _ in self.spans]
        self.closed_by = list(itertools.accumulate((closing for _, closing in self.spans), max, initial=0))[1:]

    def around(self, start: int, end: int) -> list[tuple[int, int]]:
        """Every span that may overlap text[start:end], in order (spans ending before `start` left out)."""
        return self.spans[bisect.bisect_right(self.closed_by, start) : bisect.bisect_left(self.openings, end)]


def frame_of(text: str, start: int, end: int, spans: Spans) -> str:
    """text[start:end] with each quotation (marks included) replaced by Q."""
    out, position = [], start
    for opening, closing in spans.around(start, end):
        if closing <= start or opening >= end:
            continue
        out.append(text[position:max(opening, position)])
        out.append(Q)
        position = max(position, min(closing, end))
    out.append(text[position:end])
    return " ".join("".join(out).split())


def attributions(frame: str) -> list[Attribution]:
    """Every verb of saying in the frame that has a speaker, in order.

    Each is read from the words just around its verb (`REACH_BEFORE` and `REACH_AFTER` characters): an
    attribution is short, and reading all of a very long sentence for each of its verbs would take time
    growing with the square of its length.
    """
    found: list[Attribution] = []
    for match in VERB.finditer(frame):
        start, end = _window(frame, match.start(), match.end())
        window = frame[start:end]
        verb = VERB.match(window, match.start() - start)
        if verb is None:  # "not confirm" cut before "not ": only in a word hundreds of characters long
            continue
        found.extend(replace(each, verb_at=each.verb_at + start) for each in _attribution(window, verb))
    return found


REACH_BEFORE, REACH_AFTER = 200, 150


def _window(frame: str, verb_start: int, verb_end: int) -> tuple[int, int]:
    """The whole words within reach of the verb (the frame's words are single-spaced)."""
    start, end = max(0, verb_start - REACH_BEFORE), min(len(frame), verb_end + REACH_AFTER)
    if start > 0:
        start = frame.find(" ", start, verb_start) + 1 or verb_start
    if end < len(frame):
        space = frame.rfind(" ", verb_end, end)
        end = space if space >= 0 else verb_end
    return start, end


def _attribution(frame: str, verb: re.Match) -> list[Attribution]:
    left = _AUX_TAIL.sub("", frame[: verb.start()].rstrip())
    after = frame[verb.end():]
    verb_words = frame[len(left): verb.end()].strip()
    where_match = _WHERE.search(after[:80])
    where = where_match.group(1) if where_match and where_match.start() < 25 else None
    spoken = _speaker(frame, verb, left, after)
    if spoken is None:
        return []
    phrase, reported = spoken
    # "The promise came from Kestrel captain Dean Abara": said, not "came from"
    how = "said" if verb.group().endswith(" from") else _how(verb.group(), verb_words, after, where)
    return [Attribution(phrase, verb.start(), how, where, _words_around(frame, len(left), verb.end()), reported)]


def _speaker(frame: str, verb: re.Match, left: str, after: str) -> tuple[Phrase, bool] | None:
    """Who speaks, read where the verb's shape puts the speaker, and whether the clause reports speech in the
    article's own words; None where the verb has no speaker."""
    stripped_left = _ACRONYM_GIVEN.sub("", left.rstrip())  # "The Eastfield Chamber of Commerce (ECC) said"
    if verb.group().lower() == "according to" or _PASSIVE.search(frame, 0, verb.start()):
        return _source_named_after(verb, left, after)
    if verb.group() in _PARTICIPLES:  # its own, unless a verb of saying before it has a speaker of its own
        subject = _subject(stripped_left) if _SPEECH_FOLLOWS.match(after) and not VERB.search(left) else None
        return (subject, _reports_speech(frame, verb, left, after)) if subject else None
    if verb.group().endswith(" from"):
        source = _source_of_speech(stripped_left, after)
        return (source, False) if source else None
    if not stripped_left or stripped_left.endswith((Q, Q + ",")):  # Q, said Mayor Lena Ortiz.
        named = _phrase_after(after)
        return (named, False) if named else None
    if stripped_left.endswith(","):
        phrase = _appositive(stripped_left.rstrip(","))
    else:
        phrase = read_phrase(_last_segment(stripped_left))
    return (phrase, _reports_speech(frame, verb, left, after)) if phrase else None


# "was called … by", "had been told": the verb in the passive, whose subject is not who speaks.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?\Z", re.I)
_BY_AGENT = re.compile(rf"^(?:\s*{Q}|\s+as\s+[^,.;]*?)?\s+by\s+(?P<agent>.*)$")


def _source_named_after(verb: re.Match, left: str, after: str) -> tuple[Phrase, bool] | None:
    """Who speaks where the words before the verb are not the speaker: "…, according to the council's statement"
    and "was called “…” by the council" name them after it; "had been told" names no one. The words before are what
    was said, reported in the article's own words, when they are a clause of their own."""
    agent = after if verb.group().lower() == "according to" else None
    by = _BY_AGENT.match(after) if agent is None else None
    if by is not None:
        agent = " " + by.group("agent")
    named = _phrase_after(agent) if agent else None
    if named is None or named.pronoun:
        return None
    return named, len(left.split()) >= 4 and verb.group().lower() == "according to"


def _source_of_speech(left: str, after: str) -> Phrase | None:
    """Whom "came from" names, where a word for speech comes before it: "The promise came from Kestrel captain Dean
    Abara"; not "The money came from the council"."""
    said = left.split()[-1:] if left else []
    return _phrase_after(after) if said and bare(said[0]) in _SPEECH_NOUNS else None


_ACRONYM_GIVEN = re.compile(rf"\s*{ACRONYM_IN_BRACKETS}$")


def _words_around(frame: str, start: int, end: int) -> str:
    """The attribution as the editor will find it in the article: whole words, a quotation shown as “…”."""
    before = frame[:start].split()[-8:]
    after = frame[end:].split()[:6]
    words = " ".join([*before, frame[start:end].strip(), *after]).replace(Q, "“…”")
    return re.sub(r"\s+([.,;:])", r"\1", words)


def _last_segment(left: str) -> str:
    pieces = _BOUNDARY.split(left)
    return _LEADING.sub("", pieces[-1].strip().lstrip("‘“\"'")).strip()  # "‘When the council’s letter called"


# A full stop that ends no sentence in a name: "St. Germain", "Dr. Amir Haddad", "J.P. Okonjo".
_ABBREVIATED = re.compile(
    "(?<![\\w.])(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r"|(?:[A-Z]\.)+)(?=\s*[A-Z])")
_KEPT_STOP = "\ue000"  # stands for such a full stop while the words after the verb are cut at , . ; or :
_PIECE = re.compile(r"^\s*([^,.;:]+?)\s*(?:([,.;:])|$)")
# After a name, a generation belongs to it ("Conrad C. Lautenbacher, Jr."); an armed service and "(ret.)" are
# neither name nor role ("Brig. Gen. Jack Kelly USAF (ret.)", "Lautenbacher, Jr., U.S. Navy (ret.), the ...").
_GENERATION = re.compile(r"(,?)\s+(Jr\.|Sr\.|II\b|III\b|IV\b)(?=[\s,;:.]|$)")
_SERVICE = re.compile(r"(?:,\s*)?\b(?:USAF|USN|USMC|USCG|U\.S\. (?:Navy|Army|Air Force|Marine Corps|Coast Guard))\b"
                      r"(?:\s*\([Rr]et\.?\))?|\s*\([Rr]et\.?\)")
_BRACKETED = re.compile(r"\([^()]{0,30}\)")
_GENERATION_MARK = "\ue001"  # stands for ", Jr." while the words after the verb are cut at , . ; or :


def _phrase_after(after: str) -> Phrase | None:
    """"said NASA Administrator Bill Nelson", "said Karen St. Germain, director, Earth Science Division, at NASA
    Headquarters", "said its manager, Sam Osei", "said Ingenuity’s project manager, Teddy Tzanetos of NASA JPL"."""
    masked = _masked_stops(after)
    match = _PIECE.match(masked)
    if not match:
        return None
    first, _, generation = match.group(1).replace(_KEPT_STOP, ".").partition(_GENERATION_MARK)
    phrase = _with_generation(read_phrase(first), generation)
    rest = masked[match.end():] if match.group(2) == "," else ""
    return _description_then_name(first, phrase, rest) or _with_role_after(phrase, rest) or phrase


def _masked_stops(after: str) -> str:
    """The words after the verb up to the next quotation, with each full stop and comma that ends no phrase masked:
    in a generation ("Lautenbacher, Jr."), an abbreviation ("St. Germain") or a bracket ("(D-Mass.)"); an armed
    service ("USAF (ret.)") dropped."""
    words = _GENERATION.sub(lambda m: _GENERATION_MARK + ("\ue002" if m.group(1) else "") + m.group(2).rstrip("."),
                            _SERVICE.sub("", after.split(Q)[0]))
    masked = _ABBREVIATED.sub(lambda m: m.group().replace(".", _KEPT_STOP), words)
    return _BRACKETED.sub(lambda m: m.group().replace(".", _KEPT_STOP), masked)


def _description_then_name(first: str, phrase: Phrase | None, rest: str) -> Phrase | None:
    """A description, then the name of whom it describes: "said its branch secretary, Nadia Rahman, who ..."."""
    named_next = _PIECE.match(rest)
    if not named_next or _named(phrase):
        return None
    name = read_phrase(named_next.group(1).replace(_KEPT_STOP, "."))
    if _named(name) and name is not None and not name.role:
        return Phrase(name.name, "person", first.strip(), affiliation=name.affiliation)
    return None


def _with_role_after(phrase: Phrase | None, rest: str) -> Phrase | None:
    """A person with the role written after their name and a comma: "said Karen St. Germain, director, Earth
    Science Division, at NASA Headquarters"; None where no role follows."""
    if not (phrase and rest and phrase.kind == "person" and not phrase.pronoun):
        return None
    written = appositive_role(re.split(r"[.;]", rest)[0].replace(_KEPT_STOP, "."))
    role, affiliation = role_and_affiliation(written) if written else (None, None)
    if not (role or affiliation):
        return None
    role = ", ".join(part for part in (phrase.role, role) if part) or None
    return Phrase(phrase.name, phrase.kind, role, affiliation=phrase.affiliation or affiliation)


def _with_generation(phrase: Phrase | None, generation: str) -> Phrase | None:
    if not generation or not _named(phrase) or phrase is None:
        return phrase
    comma, generation = generation.startswith("\ue002"), generation.lstrip("\ue002")  # as written: Jr. or , Jr.
    suffix = (", " if comma else " ") + generation + ("." if generation in ("Jr", "Sr") else "")
    return Phrase(phrase.name + suffix, phrase.kind, phrase.role, affiliation=phrase.affiliation, gender=phrase.gender)


_PARTY_AND_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*(?:,|$)")  # "D-Mass.", "D-Los Angeles"
_RELATIVE_CLAUSE = re.compile(r"(?:who|whose|which|that)\b")


def _appositive(left: str) -> Phrase | None:
    """"The cooperative's chair, Tomas Reed" or "Councillor Priya Mendes, one of the two members who ..."."""
    pieces = [piece.strip() for piece in left.split(",") if not piece.strip().isdigit()]  # no age: "Dubois, 52,"
    if len(pieces) < 2:
        return read_phrase(_last_segment(left))
    pieces = _relative_clause_kept_whole(pieces)
    before = _LEADING.sub("", _BOUNDARY.split(pieces[-2])[-1].strip())
    last = pieces[-1]
    no_name = _PARTY_AND_STATE.match(last) or _RELATIVE_CLAUSE.match(last)  # "who represents Stalybridge and Hyde"
    first_phrase, last_phrase = read_phrase(before), None if no_name else read_phrase(last)
    return (_organisation_which(before, first_phrase, last) or _person_then_role(first_phrase, last_phrase, last)
            or _role_then_person(before, last_phrase) or _organisation_described(first_phrase, last) or last_phrase)


def _relative_clause_kept_whole(pieces: list[str]) -> list[str]:
    """The last two pieces as one where a relative clause follows no name: "Durazo, D-Los Angeles, who wrote the
    bill," ends in "D-Los Angeles, who wrote the bill"."""
    if len(pieces) >= 3 and _RELATIVE_CLAUSE.match(pieces[-1]) and (
            _PARTY_AND_STATE.match(pieces[-2]) or not _named(read_phrase(pieces[-2]))):
        return [*pieces[:-2], f"{pieces[-2]}, {pieces[-1]}"]
    return pieces


def _organisation_which(before: str, first_phrase: Phrase | None, last: str) -> Phrase | None:
    """"Stonegate Aggregates, which owns the quarry": "which" says it is a thing, so every capitalised word before
    it is its name ("Redline Student Transit", not a student called Transit)."""
    if not (first_phrase and re.match(r"which\b", last) and first_phrase.name[:1].isupper()
            and not first_phrase.pronoun):
        return None
    name = before if all(word[:1].isupper() or word in ("of", "and", "for", "&") for word in before.split()) else \
        first_phrase.name
    return Phrase(name, "organisation", last)


def _person_then_role(first_phrase: Phrase | None, last_phrase: Phrase | None, last: str) -> Phrase | None:
    """A named person, then their role: "Councillor Priya Mendes, one of the two members who ..."."""
    if not (first_phrase and first_phrase.kind == "person" and _named(first_phrase) and not _named(last_phrase)):
        return None
    written, affiliation = role_and_affiliation(last)
    role = ", ".join(part for part in (first_phrase.role, written) if part)
    return Phrase(first_phrase.name, "person", role, affiliation=first_phrase.affiliation or affiliation)


def _role_then_person(before: str, last_phrase: Phrase | None) -> Phrase | None:
    """A role, then the name of whom it describes: "The cooperative's chair, Tomas Reed"."""
    if not (last_phrase and _named(last_phrase) and before):
        return None
    role = ", ".join(part for part in (_LEADING.sub("", before), last_phrase.role) if part)
    return Phrase(last_phrase.name, last_phrase.kind, role)


def _organisation_described(first_phrase: Phrase | None, last: str) -> Phrase | None:
    """An organisation, then what it is: "Northwind Assembly, the consortium"."""
    if not (first_phrase and first_phrase.kind == "organisation" and not first_phrase.pronoun):
        return None
    return Phrase(first_phrase.name, "organisation", last if re.match(r"^(?:the|a|an|its)\s", last) else None)


def _named(phrase: Phrase | None) -> bool:
    return bool(phrase and phrase.kind == "person" and not phrase.pronoun and looks_like_name(phrase.name))


def _subject(left: str) -> Phrase | None:
    """Who a participle's clause is about: the sentence's subject, named ("Dr Rupert Hale", "The council’s
    environmental health officer, Dr Rupert Hale") or described by a title or an organisation ("A county judge");
    None for anything else ("Prices rose, adding to ..." has no speaker)."""
    opening = without_dateline(left.rstrip(","))
    pieces = [piece.strip() for piece in opening.split(",")]
    if len(pieces) >= 3:
        pair = _appositive(f"{pieces[0]}, {pieces[1]}")
        if _named(pair):
            return pair
    words = _subject_words(pieces[0])
    phrase = read_phrase(" ".join(words)) if words else None
    if phrase is None or phrase.pronoun:
        return None
    if _named(phrase) and (len(phrase.name.split()) > 1 or phrase.role):
        return phrase
    head = bare(phrase.name.split()[-1])
    return phrase if not looks_like_name(phrase.name) and (head in ROLE_WORDS or head in ORGANISATION_WORDS) else None


def _subject_words(clause: str) -> list[str]:
    """The words a clause opens with, up to six, before its verb or a preposition: "A county judge" of "A county
    judge ruled on Monday"."""
    words: list[str] = []
    for word in clause.split():
        plain = bare(word)
        if plain in _CLAUSE_WORDS or plain in WEEKDAYS_LOWER or (plain.endswith("ed") and word[:1].islower()) or \
                len(words) == 6:
            break
        words.append(word)
    return words


_CLAUSE_WORDS = {"on", "in", "at", "of", "from", "for", "near", "by", "with", "to", "had", "has", "have", "was",
                 "were", "is", "are", "will", "would", "could", "did", "does", "also", "then", "who", "which"}
WEEKDAYS_LOWER = {day.lower() for day in WEEKDAYS}


def _how(verb: str, verb_words: str, after: str, where: str | None) -> str:
    words = verb_words if verb_words.endswith(verb) else verb
    words = re.sub(rf"\bon (?:{_DAY})\s*", "", words).strip()
    if verb in ("told", "tells", "wrote", "posted", "asked", "replied"):
        tail = after.split(Q)[0]
        tail = re.split(r"[,.;]", tail)[0].strip()
        tail = re.split(r"\s(?:that|on (?:" + _DAY + r"))\b", tail)[0].strip()
        if tail and not (where and tail.startswith(where)):
            return f"{words} {tail}"
    return f"{words} {where}" if where else words


def _reports_speech(frame: str, verb: re.Match, left: str, after: str) -> bool:
    """"X said that ...", "X said the plan ...", or "..., X said." after words of the article's own."""
    if verb.group().lower() == "according to":
        return len(left.split()) >= 4
    rest = re.sub(rf"^\s*(?:{_WHEN.pattern[1:]}|{_WHERE.pattern})\s*", "", after).lstrip(" ")
    ends_clause = re.match(r"^,\s+\w+ing\b", rest)  # "..., the company announced Tuesday, blaming ..."
    if rest.startswith(",") and not ends_clause:  # "Ortiz said on Monday, standing beside the barriers": no words
        return False
    if verb.group() in ("told", "tells", "telling"):
        told = _TOLD_OBJECT.match(rest)
        rest = (rest[told.end():] if told else rest).lstrip(", ")
    if ends_clause or re.match(r"^[.;]?\s*$", rest):  # the verb ends the sentence: "..., Rutte said."
        own = frame[: len(left)].replace(Q, " ")
        own_words = _BOUNDARY.split(own)
        return len(" ".join(own_words[:-1]).split()) >= 4
    if rest.startswith(Q) or re.match(r"^(?:on|in|at|after|before|during|to|with|of|from|as|by|for)\b", rest):
        return False
    return rest.startswith("that ") or len(rest.replace(Q, "").split()) >= 3
