"""A quote's caption: one sentence saying who said it, how, where and when, as a news sentence does.

    quote_caption(speaker_subject(Markup("[Mark Rutte](people.md#rutte)"), "the Secretary General of NATO"),
                  quote, woven=False)
    -> '**[Mark Rutte](people.md#rutte)**, the Secretary General of NATO, said on <time …>28 October 2024</time> of
        the conflict.'

Values from the content are escaped with `text.md_escape` on the way in, as in generator/pages/wording.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from markupsafe import Markup

from ..content.partial_dates import PartialDate
from ..content.schema import Quote
from .date_words import BRITISH, DateWords
from .markdown_text import as_sentence, md_escape
from .wording import beyond_no_date, quote_paragraphs, time_tag


def quote_caption(subject: Markup, quote: Quote, woven: bool, named: Callable[[str], str] = str,
                  dates: DateWords = BRITISH, opens: bool = True, first: bool = False,
                  release_day: dt.date | None = None) -> Markup:
    """One sentence saying who said the quote, how, where and when, in that order of a news sentence:

    '**[Mark Rutte](people.md#rutte)**, the Secretary General of NATO, said on <time>28 October 2024</time> of
    Putin.' `subject` is the speaker as the page names them (in full with their role the first time). A quote
    that finishes the words of `how` ("called the decision", "described the figures as") is `woven` into the
    sentence. A `how` with an aside ("said, dismissing reports") or a clause of its own ("told reporters after
    officials were briefed") gets the place and date after its verb, so that they date the saying. `named`
    introduces the people `how` and `where` name, where the page names them for the first time. A speaker the
    page names here `first` "said" what the article has them "add": the page gives nothing before it to add to.
    A quote of a release given on the release's own day (`release_day`) is not dated again: the release is its
    date, and "said on Feb. 8, 2024" under every quote of it reads as a form.
    """
    how = named(quote.how.strip())
    if first:
        how = re.sub(r"^added\b", "said", how)
    verb, comma, aside = how.partition(",")
    when = Markup("") if _given_in_release(quote, release_day) else _on_date(quote.date, dates)
    place = Markup(" ") + md_escape(named(quote.where)) if quote.where else Markup("")
    if quote.where and _SUBORDINATE.match(" " + quote.where):  # "after the vote": a time, so the day goes first
        place, when = when, place
    clause = _SUBORDINATE.search(how)
    if comma and aside.strip() and verb.strip():  # a `how` that opens with its comma has no verb to put first
        aside = aside.strip()
        joined = Markup(" ") if aside.startswith("of ") else Markup(", ")  # "said on 28 October of Putin"
        said = md_escape(verb) + place + when + joined + md_escape(aside) + _woven(quote, woven)
    elif clause:  # "told reporters on 28 October after officials were briefed", not "... briefed on 28 October"
        said = md_escape(how[: clause.start()]) + _woven(quote, woven) + place + when + Markup(" ") + \
            md_escape(how[clause.start() + 1 :])
    else:
        said = md_escape(how) + _woven(quote, woven) + place + when
    caption = (opening(subject) if opens else subject) + Markup(" ") + said + Markup(".")
    # "The article does not say when the council said this." under every undated quote read as a form: the
    # quotes page says so once; a note that tells the reader more is the editor's own sentence, kept.
    beyond = beyond_no_date(quote.date_note or "")
    return caption + Markup(" ") + md_escape(as_sentence(beyond)) if beyond else caption


def undated_line(quotes: Sequence[Quote]) -> str:
    """The quotes page's one line on the quotes whose notes say the article does not date them, said once rather
    than under each: 'The article does not say when 2 of these 5 quotes were said: their captions give no date.'"""
    undated = sum(1 for quote in quotes
                  if quote.date is None and quote.date_note and not beyond_no_date(quote.date_note))
    if not undated:
        return ""
    if undated == len(quotes):
        return "The article does not say when " + ("this quote was" if undated == 1 else "these quotes were") + " said."
    some, were, their = ("one", "was", "its caption gives") if undated == 1 else \
        (str(undated), "were", "their captions give")
    return f"The article does not say when {some} of these {len(quotes)} quotes {were} said: {their} no date."


def quote_paragraph(subject: Markup, quote: Quote, woven: bool, named: Callable[[str], str] = str,
                    dates: DateWords = BRITISH, first: bool = False, release_day: dt.date | None = None) -> Markup:
    """The quote, then who said it, as a news paragraph gives it: '“Every ferry will run to the normal timetable
    from Wednesday,” **[Ada Quill](…)**, the council chair, told a news conference.' A quote its caption carries
    already ("called the decision “a joke”") is the caption alone."""
    if woven:
        return quote_caption(subject, quote, woven, named, dates, first=first, release_day=release_day)
    caption = quote_caption(subject, quote, woven, named, dates, opens=False, first=first, release_day=release_day)
    words = " ".join(quote_paragraphs(quote)).rstrip()
    words = words[:-1] if words.endswith(".") and not words.endswith("..") else words
    comma = "" if words.endswith(("?", "!", "…")) else ","
    return Markup("“") + md_escape(words) + Markup(f"{comma}” ") + caption


def marked_in(text: str, quote_ids: Iterable[str], quotes: Mapping[str, Quote]) -> tuple[str, set[str]]:
    """The text with the words of each quote it gives without quotation marks put in them ('the cut was
    unavoidable' -> 'the cut was “unavoidable”'), and the ids of the quotes it now gives: those it quoted already
    count too. A quote the text gives in several places, or in part, is left as it is."""
    given = set()
    for quote in (quotes[quote_id] for quote_id in quote_ids):
        words = " ".join(quote_paragraphs(quote))
        if any(words in (match.group(1) or match.group(2) or "") for match in _QUOTED.finditer(text)):
            given.add(quote.id)
            continue
        places = [match for match in re.finditer(rf"(?<![\w“\"]){re.escape(words)}(?![\w”\"])", text)]
        if len(places) == 1 and not _inside_quotation(text, places[0].start()):
            start, end = places[0].span()
            text = f"{text[:start]}“{words}”{text[end:]}"
            given.add(quote.id)
    return text, given


_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")


def _inside_quotation(text: str, position: int) -> bool:
    return any(match.start() < position < match.end() for match in _QUOTED.finditer(text))


# Words that open a clause inside `how`: its date goes before them.
_SUBORDINATE = re.compile(r" (?=(?:after|before|when|while|following|once|until) \S+ \S)")


def _given_in_release(quote: Quote, release_day: dt.date | None) -> bool:
    return release_day is not None and not quote.source and quote.date is not None and \
        quote.date.as_date() == release_day


def _on_date(date: PartialDate | None, dates: DateWords) -> Markup:
    return Markup(f" {'on' if date.is_full else 'in'} ") + time_tag(date, dates) if date else Markup("")


def _woven(quote: Quote, woven: bool) -> Markup:
    return Markup(" ") + Markup("“") + md_escape(" ".join(quote_paragraphs(quote))) + Markup("”") if woven \
        else Markup("")


# Verbs whose object the quote completes: "called the decision “a joke”" ("described ... as" ends in "as").
_NAMING = re.compile(r"\b(?:call(?:s|ed|ing)?|dubb(?:ed|ing)|term(?:ed|ing)|label(?:l?ed|l?ing)|brand(?:ed|ing))\b")
_SAYING = {"said", "added", "stated", "replied", "promised", "wrote", "told", "warned", "insisted", "explained",
           "noted", "argued", "admitted", "agreed", "claimed", "continued", "declared", "posted", "urged", "asked"}


def finishes_how(quote: Quote, article_text: str) -> bool:
    """Whether the quote completes the words of its `how`, so that the caption must carry it: the article prints
    `how` right before the quotation ('called the decision “a joke”'), or the quote is a phrase (it starts in lower
    case) after words that want one ('described the figures as', 'said the roof had been patched')."""
    how = " ".join(quote.how.split())
    first_line = quote.text.split("\n", 1)[0][:40]
    if re.search(re.escape(how) + r"\s*[“\"‘']" + re.escape(first_line), " ".join(article_text.split())):
        return True
    if quote.text[:1].isupper():  # a sentence of its own, not a phrase
        return False
    verb, comma, aside = how.partition(",")
    wants = aside if comma else how  # "said, calling the count": the aside asks for the phrase
    last = wants.split()[-1].lower() if wants.split() else ""
    return bool(_NAMING.search(wants)) or last in ("as", "at", "was", "were", "is", "are", "be") or (
        not comma and len(how.split()) > 2 and re.search(r"(?:ed|en|wn)$", last) is not None and last not in _SAYING)


def opening(words: Markup) -> Markup:
    """Words that open a sentence, their first letter a capital: '[van der Linde](…)' -> '[Van der Linde](…)'."""
    return Markup(re.sub(r"^([*\[]*)(\w)", lambda match: match.group(1) + match.group(2).upper(), str(words), count=1))


def speaker_subject(name: Markup, described: str | None) -> Markup:
    """'**[Mark Rutte](people.md#rutte)**, the Secretary General of NATO,' or '**[Rutte](people.md#rutte)**'."""
    subject = Markup(f"**{name}**")
    return subject + Markup(", ") + md_escape(described) + Markup(",") if described else subject
