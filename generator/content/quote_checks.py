"""The quote rules of `check`: what the site shows in quotation marks is what the article quotes, given to whom
the article gives it.

- A quote lies inside a passage the article quotes, starts and ends with whole words, and goes to the speaker the
  article names there (generator/article/quoted.py reads the attributions).
- Every passage the article quotes is listed, as a quote or, when it is not speech, as a term.
- Words a statement's gist or a reaction's position puts in quotation marks report speech: they are a quotation
  of the article, and a statement quotes its own speaker. Elsewhere in the site's own text (a takeaway, an answer,
  a note, a headline) quoted words may also be the article's own words ("the article says only “initially”") or a
  quotation in a background item the text cites; never words the sources do not have. The update log (`changes`)
  quotes the site's earlier versions and is left alone. Quotation marks the check cannot read (＂, 〝, ❝, «, and
  look-alikes typed in their place: ′′, ´´, ˝, ,,) are refused in the site's text.
- A quote listed under a statement belongs to its speaker; one listed under a reaction, to that party.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..article.quotation import (
    READ_MARKS,
    STRAIGHT_SINGLE,
    find_quotations,
    listed_words,
    looks_like_quotation_mark,
)
from ..article.quotations import find_passages
from ..article.quoted import QuotedPassages, Span
from ..article.source import SourceText, split_article
from ..article.voicing import voicing
from .cited_texts import CitedTexts, cited_texts
from .closest import closest_passage, first_difference
from .schema import Entity, Quote, Story, Term
from .source_checks import misplaced_locations, misplaced_quotes, naming
from .speech_checks import NotTheirWords, Quoting, not_their_words
from .stored_texts import ARTICLE, StoredText

# Finding a closest passage takes up to a few tenths of a second; past this many quotes not found
# (a wrong article file, say) the rest are only listed.
CLOSEST_PASSAGES_SHOWN = 20
# Fields whose text is not the site's own words, or is checked by another rule.
_NOT_OWN_TEXT = {"quotes": ("text",), "terms": None, "background": ("sources",), "article": None,
                 "sources": None, "people": ("name",), "parties": ("name",), "changes": None}
_REPORTED_SPEECH = {("statements", "gist"), ("reactions", "position")}


def quote_problems(story: Story, source: SourceText, quoted: QuotedPassages, data: object, article_label: str,
                   further: Sequence[StoredText] = ()) -> Iterator[tuple[tuple, str]]:
    """The quote rules on every text: the article, and each further source with the quotes and terms naming it."""
    texts = [StoredText(ARTICLE, article_label, source, quoted), *further]
    misplaced = misplaced_quotes(story, texts)  # checked against where they are, reported once as given wrongly
    yield from misplaced_locations(story, misplaced)
    for text in texts:
        quotes = [(index, quote) for index, quote in naming(story.quotes, text.key) if index not in misplaced]
        terms = naming(story.terms, text.key)
        moved_here = [index for index, (where, _) in misplaced.items() if where is text]
        yield from _quotes_in_source(story, text, quotes)
        yield from _terms_quoted(text.quoted, quotes, terms)
        yield from _source_quotes_listed(text, naming(story.quotes, text.key, moved_here), terms)
    yield from _quoted_words_in_own_text(story, cited_texts(story, texts), data)
    yield from _quotes_listed_under_the_right_speaker(story)


def _quotes_in_source(story: Story, stored: StoredText, quotes: list[tuple[int, Quote]]) -> Iterator[tuple[tuple, str]]:
    """Each quote lies inside a passage its source quotes, and is given to the speaker the source names."""
    source, quoted = stored.text, stored.quoted
    speakers: dict[str, tuple[str, int]] = {}
    people = {entity.id: entity for entity in story.people}
    missing = 0
    for index, quote in quotes:
        loc = ("quotes", index, "text")
        places = quoted.find(quote.text)
        if quote.text != quote.text.strip():
            yield loc, "starts or ends with a space; a quote begins and ends where the article's quotation does"
        elif not places:
            why = quoted.why_not_quoted(quote.text)
            if why:
                yield loc, why
            else:
                missing += 1
                closest = closest_passage(quote.text, source.text) if missing <= CLOSEST_PASSAGES_SHOWN else ""
                differs = first_difference(quote.text, closest) if closest else ""
                yield loc, (f"not found in {stored.named_in_message}"
                            + (f'; closest passage: "{closest}"' if closest else "")
                            + (f"; it differs {differs}" if differs else ""))
        elif quote.speaker in people:
            not_theirs = not_their_words(quoted, places, people[quote.speaker])
            if not_theirs:
                yield ("quotes", index, "speaker"), _not_the_speakers(not_theirs, quote.speaker, people[quote.speaker])
        earlier = speakers.setdefault(quote.text, (quote.speaker, index))
        if earlier[0] != quote.speaker:
            message = f"the same words are attributed to '{earlier[0]}' in quotes[{earlier[1]}]"
            yield ("quotes", index, "speaker"), message


def _not_the_speakers(not_theirs: NotTheirWords, speaker_id: str, speaker: Entity) -> str:
    return f"{not_theirs.because('these words')}, not to '{speaker_id}' ({speaker.name}); {not_theirs.advice}"


def _own_text(data: object, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string of the story's data that is the site's own words, with its place."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            skipped = _NOT_OWN_TEXT.get(loc[0]) if loc else None
            if not loc and key in _NOT_OWN_TEXT and _NOT_OWN_TEXT[key] is None:
                continue
            if len(loc) == 2 and skipped and key in skipped:
                continue
            if isinstance(key, str):
                yield from _own_text(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _own_text(value, (*loc, index))


_ADDRESS = re.compile(r"(?:https?|mailto):\S*\Z")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def unreadable_quotation(line: str) -> str | None:
    """Why the quotation marks of a line of the site's text cannot be checked, if they cannot."""
    for pair in ("``", "''", ",,"):  # ,,like this“ is the German low mark typed as two commas
        if pair in line:
            return f"holds {pair}, which reads as a quotation mark; put quoted words in “ ” (or ‘ ’)"
    mark = next((c for c in line if c not in READ_MARKS and looks_like_quotation_mark(c)), None)
    if mark:
        return (f"holds the quotation mark {mark}, which the check cannot read; put quoted words in “ ” "
                "(or ‘ ’), so that they are checked against the article")
    control = _BIDI_CONTROLS.search(line)
    if control:
        return (f"holds U+{ord(control.group()):04X}, which reorders the text around it, so that quotation marks "
                "could show other than they are stored; remove it")
    outside = line
    for passage in sorted(quotations_in(line), key=lambda span: span[0], reverse=True):
        outside = outside[: passage[0]] + outside[passage[1]:]
    stray = next((c for c in outside if c in "“”\"‘"), None)
    if stray:
        return (f"holds a quotation mark {stray} that opens or closes nothing; every quotation in the site's text "
                "opens and closes, so that it can be checked (write inches as “in”)")
    return None


def quotations_in(line: str) -> list[tuple[int, int, str]]:
    """Each closed quotation of a line, marks included, as (start, end, words): double marks (“ ” or "), single
    curly marks (‘ ’) and single straight ones ('...') at the edges of words."""
    found = [(p.start - 1, p.start + len(p.text) + 1, p.text) for p in find_quotations(line).passages if p.closed]
    found += [(p.opening, p.end + 1, p.text) for p in find_passages(line)
              if line[p.opening] == "‘" and line[p.end:p.end + 1] == "’"]
    found += [(m.start(), m.end(), m.group(1)) for m in STRAIGHT_SINGLE.finditer(line)]
    return [(start, end, words.strip()) for start, end, words in found if words.strip()]


def _said_in(line: str) -> dict[str, list[str]]:
    """The names a line of the site's text gives as speaking each quotation in it ("Putin called it “…”"), read as the
    article's are ("Cole said the line, which the company calls its “…”": the company's words, not Cole's)."""
    own = QuotedPassages(split_article(line))
    said: dict[str, list[str]] = {}
    for place in own.places:
        names = [each.name for each in voicing(own, place).speakers if each.named]
        if names:
            said.setdefault(listed_words(line[place.start:place.end]), []).extend(names)
    return said


def _quoted_words_in_own_text(story: Story, cited: Callable[[tuple, dict | None], CitedTexts],
                              data: object) -> Iterator[tuple[tuple, str]]:
    """Words the site's own text puts in quotation marks are a quotation of a text the item cites (the article, a
    further source: see cited_texts.py), or of a background item it cites ("called it “fake news”"), checked like a
    quote: given to whom the text gives them."""
    background = {item.id: item.text for item in story.background}
    people = {entity.id: entity for entity in story.people}
    terms = {term.text for term in story.terms}  # words the story says are not speech: nobody's to give
    for loc, value in _own_text(data):
        if _ADDRESS.match(value):  # a link's address, not words
            continue
        line = " ".join(value.split())  # as the page shows it: a quotation over a line break is one
        unreadable = unreadable_quotation(line)
        if unreadable:
            yield loc, unreadable
            continue
        quotations = quotations_in(line)
        if not quotations:
            continue
        item = _item_at(data, loc)
        quoted = cited(loc, item)
        cited_words = [background[ref] for ref in item.get("background", []) if ref in background] if item else []
        said = _said_in(line)
        for _, _, words in quotations:
            named_here = said.get(listed_words(words), [])
            places = quoted.find(words)
            if places:
                yield from _given_to_whom_the_article_gives_them(loc, words, places, item, named_here, quoted,
                                                                 (people, terms))
                continue
            speech = (loc[0], loc[-1]) in _REPORTED_SPEECH or bool(named_here)
            why = _why_not_a_quotation(words, cited_words, speech, quoted)
            if why:
                yield loc, (f"puts “{words}” in quotation marks, so it must be a quotation of {quoted.what} (or of "
                            f"a background item it cites), word for word: {why}")


def _quoted_as_a_term(words: str, terms: set[str], loc: tuple) -> bool:
    """A word the story lists as a term ("Kursk" in a headline), quoted again in the site's own text: nobody's
    speech, so given to nobody; in a statement or a reaction, quoted words are still their speaker's."""
    return words in terms and loc[0] not in ("statements", "reactions")


def _why_not_a_quotation(words: str, cited: list[str], speech: bool, quoted: CitedTexts) -> str | None:
    """Why words the site's text quotes, which no text it cites quotes, may not be in quotation marks; None
    where a background item the text cites quotes them, or, in a text reporting no speech, the article has them."""
    if any(words in quoted_words for text in cited for _, _, quoted_words in quotations_in(" ".join(text.split()))):
        return None
    if not speech and quoted.in_text(words):
        return None
    return quoted.why_not_quoted(words) or "they are not in the article"


def _given_to_whom_the_article_gives_them(loc: tuple, words: str, places: list[Span], item: dict | None,
                                          named_here: list[str], quoted: Quoting,
                                          story_names: tuple[dict[str, Entity], set[str]]
                                          ) -> Iterator[tuple[tuple, str]]:
    """The speaker the site's text gives quoted words (a statement's speaker, a reaction's party, or a name in the
    text itself) fits the one the article names; `story_names`: the story's people by id, and its terms."""
    people, terms = story_names
    if _quoted_as_a_term(words, terms, loc):
        return
    speaker = people.get(item.get("speaker", "")) if item and loc[0] == "statements" else None
    if speaker is not None:
        not_theirs = not_their_words(quoted, places, speaker)
        problem = f"quotes “{words}” as words of {speaker.name}, but " + not_theirs.because() if not_theirs else None
    elif item and loc[0] == "reactions":
        problem = _not_the_partys(words, places, item.get("party"), quoted, people)
    else:
        problem = _not_of_the_names(words, places, named_here, quoted)
    if problem:
        yield loc, problem


def _not_the_partys(words: str, places: list[Span], party: object, quoted: Quoting,
                    people: dict[str, Entity]) -> str | None:
    """What is wrong with a reaction quoting words that the article gives to none of its party's people."""
    members = [person for person in people.values() if person.party == party]
    refused = [not_their_words(quoted, places, person) for person in members]
    named = [each for each in refused if each and each.other] or refused
    if members and all(refused) and named[0]:
        return f"quotes “{words}” as its party's words, but " + named[0].because()
    return None


def _not_of_the_names(words: str, places: list[Span], named_here: list[str], quoted: Quoting) -> str | None:
    """What is wrong with quoted words the site's text gives to a name the article does not give them to: the first
    such name's."""
    for name in named_here:
        not_theirs = not_their_words(quoted, places, _Named(name))
        if not_theirs:
            return f"quotes “{words}” as words of {name}, but " + not_theirs.because()
    return None


@dataclass(frozen=True)
class _Named:
    """A speaker as the site's own text names one: a name alone."""

    name: str
    kind: str = "person"
    role: str | None = None
    affiliation: str | None = None


def _item_at(data: object, loc: tuple) -> dict | None:
    """The list item a field belongs to (statements[3] for statements[3].gist), if it is one."""
    if len(loc) < 3 or not isinstance(loc[1], int) or not isinstance(data, dict):
        return None
    section = data.get(loc[0])
    item = section[loc[1]] if isinstance(section, list) and loc[1] < len(section) else None
    return item if isinstance(item, dict) else None


def _terms_quoted(quoted: QuotedPassages, quotes: list[tuple[int, Quote]],
                  terms: list[tuple[int, Term]]) -> Iterator[tuple[tuple, str]]:
    """A term is a passage the article puts in quotation marks, and is not also given as someone's words."""
    said = {quote.text: index for index, quote in quotes}
    for index, term in terms:
        if term.text in said:
            yield (("terms", index, "text"), f"is also quotes[{said[term.text]}]: the same words are either "
                                             "someone's speech (a quote) or the article's term, not both")
        elif not quoted.find(term.text):
            why = quoted.why_not_quoted(term.text) or "not found in the source"
            yield ("terms", index, "text"), why


def _listed_whole(quotes: list[tuple[int, Quote]], terms: list[tuple[int, Term]]) -> list[str]:
    """The quotes and terms listed over several paragraphs."""
    texts = [quote.text for _, quote in quotes] + [term.text for _, term in terms]
    return [text for text in texts if "\n" in text]


def _source_quotes_listed(stored: StoredText, quotes: list[tuple[int, Quote]],
                          terms: list[tuple[int, Term]]) -> Iterator[tuple[tuple, str]]:
    """Every passage the article puts in quotation marks, curly or straight, must appear among the quotes or,
    if it is not speech, among the terms."""
    source, quoted = stored.text, stored.quoted
    listed = {quote.text for _, quote in quotes} | {term.text for _, term in terms}
    # A quotation over several paragraphs may be listed whole, paragraph breaks and reopening marks included, as a
    # quote or (words the article gives to nobody) as a term.
    wholes = sorted((place.start, place.end) for text in _listed_whole(quotes, terms)
                    for place in quoted.find(text)[:1])
    starts = [start for start, _ in wholes]
    reach = list(itertools.accumulate((end for _, end in wholes), max))  # the furthest end of those starting so far
    for found in source.quotations.passages:
        offset, passage = found.start, found.text
        words = listed_words(passage)
        if passage in listed or words in listed:
            continue
        words_end = offset + passage.index(words) + len(words)
        covering = bisect.bisect_right(starts, offset) - 1
        if found.continued and covering >= 0 and reach[covering] >= words_end:
            continue
        line, column = source.line_and_column(offset)
        sentence = source.sentence_at(offset)
        where = stored.sentence_id(sentence) if sentence else "?"
        yield ("quotes",), (f'{stored.what} quotes "{passage}" at {stored.label}:{line}:{column} '
                            f"(sentence {where}) but no quote lists it (list it under `terms` if it is not speech)")


def _quotes_listed_under_the_right_speaker(story: Story) -> Iterator[tuple[tuple, str]]:
    """A statement's quotes are its speaker's words; a reaction's quotes are words of its party's people."""
    quotes = {quote.id: quote for quote in story.quotes}
    people = {entity.id: entity for entity in story.people}
    yield from _statement_quotes_are_its_speakers(story, quotes, people)
    yield from _reaction_quotes_are_its_partys(story, quotes, people)


def _statement_quotes_are_its_speakers(story: Story, quotes: dict[str, Quote],
                                       people: dict[str, Entity]) -> Iterator[tuple[tuple, str]]:
    """A statement's quotes are words of its speaker, or of someone who speaks for its party."""
    for index, statement in enumerate(story.statements):
        for number, quote_id in enumerate(statement.quotes):
            quote = quotes.get(quote_id)
            speaker = people.get(quote.speaker) if quote else None
            if quote is None or speaker is None:
                continue
            if statement.speaker and quote.speaker != statement.speaker:
                yield (("statements", index, "quotes", number),
                       f"'{quote_id}' is the words of '{quote.speaker}', not of this statement's speaker "
                       f"'{statement.speaker}'")
            elif statement.party and speaker.party != statement.party:
                yield (("statements", index, "quotes", number),
                       f"'{quote_id}' is the words of '{quote.speaker}', who does not speak for '{statement.party}'")


def _reaction_quotes_are_its_partys(story: Story, quotes: dict[str, Quote],
                                    people: dict[str, Entity]) -> Iterator[tuple[tuple, str]]:
    """A reaction's quotes are words of someone who speaks for its party."""
    for index, reaction in enumerate(story.reactions):
        for number, quote_id in enumerate(reaction.quotes):
            quote = quotes.get(quote_id)
            speaker = people.get(quote.speaker) if quote else None
            if speaker is not None and speaker.party != reaction.party:
                yield (("reactions", index, "quotes", number),
                       f"'{quote_id}' is the words of '{speaker.id}', who does not speak for '{reaction.party}'")
