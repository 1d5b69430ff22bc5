"""What kind of source a further source of a draft is (news report, news release, statement, transcript, document),
read from what its own text and address say of it, never from a default.

Each answer is a guess whose marker names its evidence: "FOR IMMEDIATE RELEASE" or "news release" in its head, a
title that opens "Statement by", speakers' labels ("Q:", "MR. PESKOV:") before the paragraphs, a title that opens
"Treaty" or "Report of", a government's or a newsroom's address, its byline's organisation in its headline, or a
wire dateline ("BRUSSELS (Reuters) -"). Where nothing tells, it says so, for the editor to decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..article.source import split_article
from .front import Guess

# The lines a source names itself in: its headline, its byline line and a label line above or below them, each
# short; a longer paragraph is the body, where "said in a news release" tells of another source.
_HEAD_LINES = 4
_LABEL_LENGTH = 100
_RELEASE_ANYWHERE = re.compile(r"^\W*for immediate release\b", re.I | re.M)
_RELEASE_LABEL = re.compile(r"\b(?:news|press|media) release\b", re.I)
_STATEMENT_TITLE = re.compile(r"^(?:joint |official )?statement\b|\bstatement (?:by|from|of)\b", re.I)
_TRANSCRIPT_TITLE = re.compile(r"\btranscript\b|\bremarks (?:by|of)\b|\bas delivered\b", re.I)
# "Q:", "MR. PESKOV:", "SECRETARY BLINKEN:", "Dmitry Peskov:": a speaker's label opening a paragraph.
_SPEAKER_LABEL = re.compile(r"^(?:Q|A|[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+\S")
_LABELLED_PARAGRAPHS = 3
_DOCUMENT_TITLE = re.compile(r"^(?:the )?(?:treaty|agreement|convention|charter|memorandum|protocol|act|"
                             r"regulation|directive|resolution|minutes|judg(?:e)?ment|report of|order of)\b", re.I)
_ARTICLE_CLAUSE = re.compile(r"^(?:article|section|clause) \d+\b", re.I | re.M)
# A government's address: nasa.gov, gov.uk, canada.gc.ca, defense.mil, europa.eu, gouv.fr, gob.mx, nato.int.
_GOVERNMENT_HOST = re.compile(r"(?:^|\.)(?:gov|govt|gouv|gob|gc|mil|int|europa)(?:\.[a-z]{2,3})?$", re.I)
_NEWSROOM_PATH = re.compile(r"/(?:news|press|media)[-_]?releases?\b|/newsroom\b|/press[-_]?room\b|/statements?/",
                            re.I)
_NEWS_AGENCY = re.compile(r"\b(?:Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|dpa|PA Media|"
                          r"Press Association|ANSA|EFE|Kyodo|Yonhap|Xinhua|TASS|Interfax|UPI|Anadolu|[A-Z]\w* Wire)\b")
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:, [A-Za-z .]+)?\s*\((?P<agency>[A-Za-z .&]+)\)\s*[-–—]", re.M)
UNTOLD = ("nothing in its text or address says what it is: 'news report' is a guess; say what it is (news report, "
          "news release, statement, transcript, document)")


@dataclass(frozen=True)
class _Source:
    """What the rules read of a source: its paragraphs, the short ones of its head, its title, address and agency."""

    paragraphs: list[str]
    head: list[str]
    headline: str
    url: str
    agency: str


def source_kind(text: str, headline: str, url: str, agency: str | None) -> Guess:
    """The kind of the source whose article text is `text`, and the evidence; `url` and `agency` as drafted. The
    rules are asked in turn, the surest first."""
    paragraphs = [" ".join(sentence.text for sentence in paragraph) for paragraph in split_article(text).paragraphs()]
    head = [paragraph for paragraph in paragraphs[:_HEAD_LINES] if len(paragraph) <= _LABEL_LENGTH]
    source = _Source(paragraphs, head, headline, url, agency or "")
    return next((guess for rule in _RULES if (guess := rule(source))), Guess("news report", UNTOLD))


def _transcript(source: _Source) -> Guess | None:
    labelled = sum(1 for paragraph in source.paragraphs if _SPEAKER_LABEL.match(paragraph))
    if labelled >= _LABELLED_PARAGRAPHS:
        return Guess("transcript", f"{labelled} of its paragraphs open with a speaker's name and a colon")
    titled = _TRANSCRIPT_TITLE.search(source.headline)
    return Guess("transcript", f"its title says '{titled.group()}'") if titled else None


def _statement(source: _Source) -> Guess | None:
    titled = _STATEMENT_TITLE.search(source.headline)
    return Guess("statement", f"its title says '{titled.group()}'") if titled else None


def _release(source: _Source) -> Guess | None:
    release = _release_mark("\n".join(source.paragraphs), source.head)
    return Guess("news release", f"its text says '{release}'") if release else None


def _document(source: _Source) -> Guess | None:
    if _DOCUMENT_TITLE.search(source.headline) or len(_ARTICLE_CLAUSE.findall("\n".join(source.paragraphs))) >= 2:
        return Guess("document", "its title or its numbered articles read as a document's; a guess")
    return None


def _issuers_own(source: _Source) -> Guess | None:
    if address := _issuer_address(source.url):
        return Guess("news release", f"{address}; a guess: it may be a statement or a transcript")
    agency = source.agency
    if len(agency) > 1 and re.search(rf"\b{re.escape(agency)}\b", source.headline):
        return Guess("news release", f"its byline's {agency} is named in its headline, as in its own release; a guess")
    return None


def _wire(source: _Source) -> Guess | None:
    if wire := _NEWS_AGENCY.search(source.agency):
        return Guess("news report", f"its byline names a news agency ({wire.group()})")
    if wire := _WIRE_DATELINE.search("\n".join(source.paragraphs[1:_HEAD_LINES])):
        return Guess("news report", f"its dateline names the agency that filed it ({wire.group('agency')})")
    return None


_RULES: tuple[Callable[[_Source], Guess | None], ...] = (_transcript, _statement, _release, _document, _issuers_own,
                                                         _wire)


def _release_mark(text: str, head: list[str]) -> str | None:
    """'FOR IMMEDIATE RELEASE' anywhere, or 'news release' in its head: how a release names itself. A report's body
    telling of a release ("said in a news release") is not one."""
    if match := _RELEASE_ANYWHERE.search(text):
        return " ".join(match.group().split()).strip(" *#-")
    found = next((match for line in head if (match := _RELEASE_LABEL.search(line))), None)
    return found.group() if found else None


def _issuer_address(url: str) -> str | None:
    """Why the address is an issuer's own: a government's host, or a newsroom's page of a site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    if _GOVERNMENT_HOST.search(host):
        return f"its address is on a government's site ({host})"
    if _NEWSROOM_PATH.search(parts.path):
        return f"its address is a newsroom's page ({parts.path})"
    return None
