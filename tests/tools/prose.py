"""What an editor marks on a page that reads like a machine wrote it: the rules of tests/test_prose.py.

The phrases are data: each is quoted from the pages an editor read (issue 21, "Phrasing that reads like a machine"
and "Template text for what does not exist"), or is the shape those quotes share. A phrase put back fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lxml.html

# (what an editor saw, a pattern that finds it or anything of its shape)
MACHINE_PHRASES: tuple[tuple[str, str], ...] = (
    ("Where each side stands, with the status of its response in words", r"with the status of its response"),
    ("In date order. Where the article gives no date, that is said.", r"Where the article gives no date, that is said"),
    ("Reuters report, paragraph 7, sentence 2:", r"\breport, (?:paragraphs?|headline|byline)\b"),
    ("Reuters report, paragraph 7, sentence 2:", r"\bparagraphs? \d+, sentences? \d+(?:–\d+)?:"),
    ("Byline time: ... (Pakistan time), that is ...", r"\bByline time\b"),
    ("Byline time: ... (Pakistan time), that is ...", r"\), that is\b"),
    ("03:27 UTC+05:00", r"\b\d\d:\d\d UTC[+−-]\d\d:\d\d\b"),
    ("Mark Rutte, Secretary General of NATO, said, of Pyongyang's involvement in the war, on 28 October 2024.",
     r"\b(?:said|told \w+|added), of\b"),
    ("Mark Rutte, Secretary General of NATO, said, of Pyongyang's involvement in the war, on 28 October 2024.",
     r"\w, on \d{1,2} [A-Z][a-z]+ \d{4}\."),
    ("Secretary General of NATO (NATO). Side: NATO.", r"\bSide: "),
    ("Secretary General of NATO (NATO). Side: NATO.", r"\b([A-Z][\w’'.-]+) \(\1\)"),
    ("Confidence: high.", r"\bConfidence: (?:high|medium)\b"),
    ("(secondary)", r"\((?:primary|secondary)\)"),
    ("13 sentences in the source article; 40 citations of them, every one checked to exist.",
     r"\bsentences in the source article\b"),
    ("13 sentences in the source article; 40 citations of them, every one checked to exist.",
     r"\bcitations of them, every one checked to exist\b"),
    ("1 reported statements", r"(?<![\d.,])1 reported statements\b"),
    ("0 background facts, each with at least one published source (0 sources in all)",
     r"(?<![\d.,])0 (?:[a-z]+ ){0,2}?[a-z]+s\b"),
    ("0 background facts, each with at least one published source (0 sources in all)", r"\(0 sources in all\)"),
    ("The article reports no side's reaction", r"\breports no side[’']s reaction\b"),
    # Found reading the overviews of Kursk, a council decision and a NASA release against "what we know" pieces:
    ("How each side responded to the central claim, side by side: Reactions.", r"\bside by side: "),
    ("Based on a news release by NASA from Washington, republished by nasa.gov",
     r"(?i)\bby ([a-z]+)\b[^.]{0,60}?republished by (?:[a-z-]+\.)*\1\.[a-z]+"),
    ("NASA, Feb. 8, 2024, paragraph 2 and paragraph 3.", r"\bparagraph \d+ and paragraph \d+"),
    # Found by a cold editor on a local decision and a NASA release:
    ("Based on a report by Millbrook Courier from Millbrook", r"\bBased on an? (?:[a-z]+ ){1,2}by [A-Z]"),
    ("Based on a report by Millbrook Courier from Millbrook", r"\bby ([A-Z][a-z]+)\b[^.]{0,40}? from \1\b"),
    ("Speaks for Millbrook Borough Council", r"\bSpeaks for\b"),
    ("Karen St. Germain, the Director, Earth Science Division, Science Mission Directorate, said",
     r"\bthe (?:[A-Za-z]+ )?(?:[Dd]irector|[Hh]ead|[Cc]hief|[Mm]anager|[Ss]cientist|[Ee]xecutive), [A-Z]"),
    ("Status, in words: Confirmed; Claimed.", r"\bStatus,? in words\b"),
    ("given word for word above and quoted in note 3", r"\bgiven word for word above\b"),
    ("given word for word above and quoted in note 3", r"\bquoted in notes? \d"),
    ("given word for word above and quoted in note 3", r", shown above\b"),
    ("[In context] as a link's whole text", r"\bIn context\b(?!:)"),
    # A list labelled as undated whose items say so again, one by one.
    ("Not dated in the article: Not given in the article The council said ... Date not given The Friends ...",
     r"(?:Not dated in the article|does not say when any of these was said): .{0,600}?\b(?:[Dd]ate not given|"
     r"[Nn]ot given in the article|[Tt]he article gives no date)\b"),
)

# Read in quote captions only: a caption whose verb wants the quote it leaves out. (The story's own text may well
# say "called its claims baseless.")
CAPTION_PHRASES: tuple[tuple[str, str], ...] = (
    ("Priya Mendes, City councillor who voted against the lease, called the decision.",
     r"\b(?:called|calling|termed|dubbed) (?:the|it|them|this|her|him|his|its)\b[^.“”:;]*\.(?:\s|$)"),
    ("Priya Mendes, City councillor who voted against the lease, called the decision.",
     r"\b(?:as|at|of|the|a|an|to)\.(?:\s|$)"),
    # The date went to the end, where it dated the briefing rather than the words.
    ("Rutte told reporters after NATO officials and diplomats were briefed by a South Korean delegation on 28 "
     "October 2024.", r"\b(?:after|before|while|following) [^.]{3,}? on (?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? "
     r"\d{1,2},) \d{4}\."),
)

# A count and a plural noun: "1 reported statements" (the generator counts these).
COUNTED = r"(?:quotes|statements|sentences|citations|facts|sources|events|notes|paragraphs|pages|speakers|parties|" \
          r"items|people|reactions|figures|numbers|questions|takeaways|changes)"
ONE_WITH_PLURAL = re.compile(rf"(?<![\d.,])\b1 (?:[a-z]+ ){{0,2}}?{COUNTED}\b")

# What may only be said where the story has it: (what it needs, phrase).
NEEDS_BACKGROUND = (r"\bbackground sources?\b", r"\bevery background\b", r"\bbackground facts?\b")
NEEDS_BACKGROUND_EVENT = (r"\bBackground\b",)  # the timeline's badge legend

# A page's title names only what the page holds: (words of the title, the story's list that must not be empty).
TITLE_PROMISES = ((r"\bstatements\b", "statements"), (r"\bquotes\b", "quotes"))

LIST_TAGS = {"ul", "ol", "dl", "table", "blockquote", "figure"}
LABELLED = ("p", "li", "dd", "dt", "td", "figcaption")


def machine_phrases(text: str, phrases: tuple[tuple[str, str], ...] = MACHINE_PHRASES) -> Iterator[str]:
    for quoted, pattern in phrases:
        for match in re.finditer(pattern, text):
            yield f"{match.group(0)!r} (reads like {quoted!r})"
    for match in ONE_WITH_PLURAL.finditer(text):
        yield f"{match.group(0)!r}: a count of one with a plural noun"


def lowercase_openings(content: str) -> Iterator[str]:
    """A paragraph, list item or caption of the site's own words that opens in lower case ("principal
    investigator." under a name, a caption starting with a role)."""
    tree = lxml.html.fragment_fromstring(content, create_parent="div")
    for element in [*tree.iter("blockquote"), *tree.find_class("footnote"), *tree.find_class("ex-context")]:
        element.drop_tree()
    for element in tree.iter("p", "li", "figcaption"):  # a <dd> goes on from its <dt>: "About 210,000 visits"
        words = " ".join(element.text_content().split())
        if words[:1].islower():
            yield f"{words[:80]!r} opens in lower case"


def captions(content: str) -> str:
    """The page's quote captions, one after the other."""
    tree = lxml.html.fragment_fromstring(content, create_parent="div")
    return " ".join(" ".join(caption.text_content().split()) for caption in tree.iter("figcaption"))


def labels_without_content(content: str) -> Iterator[str]:
    """A label ("Sources:", "**Quotes:**") with nothing after it, and a table column that is empty in every row."""
    tree = lxml.html.fragment_fromstring(content, create_parent="div")
    for element in tree.iter(*LABELLED):
        own = " ".join(element.text_content().split())
        if not own.endswith(":"):
            continue
        following = element.getnext()
        if following is None or following.tag not in LIST_TAGS:
            yield f"{own!r} labels nothing"
    for table in tree.iter("table"):
        headers = [" ".join(cell.text_content().split()) for cell in table.iter("th")]
        rows = [row.findall("td") for row in table.iter("tr") if row.findall("td")]
        for column, header in enumerate(headers):
            if rows and all(column >= len(row) or not row[column].text_content().strip() for row in rows):
                yield f"the column {header!r} is empty in every row"


@dataclass(frozen=True)
class Named:
    """A person as the pages must name them: in full at first mention, by a shorter name after."""

    full: str
    short: str


def first_mentions_not_in_full(text: str, people: Iterable[Named]) -> Iterator[str]:
    """People whose first mention in `text` is their short name alone ("Reed said ...")."""
    for person in people:
        first, rest = person.short[:1], re.escape(person.short[1:])
        short = re.search(rf"(?<![\w’'-])[{re.escape(first.lower() + first.upper())}]{rest}(?![\w-])", text)
        if short is None:
            continue
        full = text.find(person.full)
        if full < 0 or full > short.start() or short.end() > full + len(person.full):
            context = text[max(0, short.start() - 40) : short.end() + 40].replace("\n", " ")
            yield f"{person.full} is first named as {person.short!r}: …{context}…"


def site_words(content: str) -> str:
    """The page's text in the site's own words. Left out: quotes, the article's sentences shown in context and the
    notes' excerpts (the source's words, naming people as the article does), and the headlines of sources."""
    tree = lxml.html.fragment_fromstring(content, create_parent="div")
    dropped = [*tree.iter("blockquote"), *tree.find_class("ex-context"), *tree.find_class("footnote"),
               *(link for link in tree.iter("a") if link.get("href", "").startswith("http"))]
    for element in dropped:
        element.drop_tree()
    words = " ".join(tree.text_content().split())
    return re.sub(r"“[^”]*”", "“”", words)


def words_in(text: str) -> int:
    """Words as a reader counts them: "↩" (a note's way back) and "·" are none."""
    return sum(1 for word in text.split() if re.search(r"\w", word))


def notes_and_body_words(content: str) -> tuple[int, int]:
    """How many words the page's notes hold, and how many the whole page: the notes' share of the reading."""
    tree = lxml.html.fragment_fromstring(content, create_parent="div")
    notes = sum(words_in(element.text_content()) for element in tree.find_class("footnote"))
    return notes, words_in(tree.text_content())


def quoted_text(content: str) -> str:
    """What a page quotes of its source: its quotes, the article's sentences shown in context, and its notes."""
    tree = lxml.html.fragment_fromstring(content, create_parent="div")
    parts = [*tree.iter("blockquote"), *tree.find_class("ex-context"), *tree.find_class("footnote")]
    return " ".join(" ".join(part.text_content().split()) for part in parts)


def paragraphs_quoted_twice(text: str, passages: Iterable[str]) -> Iterator[str]:
    """A passage of the source (a paragraph or a sentence of more than a few words) quoted twice on one page."""
    for passage in passages:
        if len(passage.split()) > 6 and text.count(passage) > 1:
            yield f"quoted {text.count(passage)} times: {passage[:80]!r}…"
