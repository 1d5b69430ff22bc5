"""The story's content model. Each field says what it holds; unknown keys are refused.

The same models produce the JSON Schema published with the site and used by editors.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic.fields import FieldInfo

from ..article.quotation import STRAIGHT_SINGLE, looks_like_quotation_mark
from .addresses import web_address
from .partial_dates import PartialDate

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
ARTICLE_FILE_PATTERN = r"^[A-Za-z0-9_.-]+\.txt$"
# A sentence of the article ("p3.s1"), or of a further source, after its id ("tass:p1.s1").
SENTENCE_ID_PATTERN = r"^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?:)?p[1-9][0-9]*\.s[1-9][0-9]*$"
# A source's date as its page shows it: a day, a month or a year, optionally a second day ("2024-08-08/09").
LOOSE_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2}(/\d{2})?)?)?$"


def _is_visible(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


def quotation_mark_in(text: str) -> str | None:
    """The first quotation mark in a text, in any style (an apostrophe, ’ or ', is none): a label is the site's
    words, never a quotation."""
    return next((character for character in text if character in '"“”‘'
                 or (character not in "’'" and looks_like_quotation_mark(character))), None)


def _has_no_quotation_marks(text: str) -> str:
    mark = quotation_mark_in(text)
    if mark:
        raise ValueError(f"holds the quotation mark {mark}; a label names a quote in the site's words and is shown "
                         "without quotation marks, so it must not look like a quotation")
    return text


def quotation_mark_in_name(name: str) -> str | None:
    """The first quotation mark in a name, straight single ones around words included ('Jo'); an apostrophe
    (O’Brien, Residents’ Association) is none."""
    return quotation_mark_in(name) or next((match.group()[0] for match in STRAIGHT_SINGLE.finditer(name)), None)


def _has_no_quotation(name: str) -> str:
    """A name is shown as the site's words: quotation marks in it (Jo “we never agreed” Bloggs) would show a quotation
    that no check verified."""
    mark = quotation_mark_in_name(name)
    if mark:
        raise ValueError(f"holds the quotation mark {mark}; a name is shown as the site's own words, where quoted "
                         "words would pass for a quotation nobody checked: write the name without them (a nickname "
                         "the article quotes goes under `terms`)")
    return name


def _is_web_address(url: str) -> str:
    """An http(s) address that leads where it reads, its host as A-labels (see addresses.py)."""
    address = web_address(url)
    entity = _HTML_ENTITY.search(url)
    if entity:
        raise ValueError(f"holds the HTML entity {entity.group()}; write the character itself (& for &amp;)")
    return address


_PARTIAL_ONLY = re.compile(r"\d{4}(-\d{2})?")
FULL_DAY_NEEDED = "only a year or a month; this field needs a full day, written YYYY-MM-DD"


def is_partial_date(value: object) -> bool:
    """'2025' or '2025-03' (or YAML's 2025): a date that stops short of the day."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 1 <= value <= 9999
    return isinstance(value, str) and _PARTIAL_ONLY.fullmatch(value.strip()) is not None


def _written_as_date(value: object) -> object:
    """YAML `date: 0` is a number, which pydantic would read as 1 January 1970."""
    if is_partial_date(value):
        raise ValueError(f"{str(value)!r} is {FULL_DAY_NEEDED}")
    if isinstance(value, int | float):
        raise ValueError(f"{value!r} is a number, not a date; write YYYY-MM-DD")
    return value


_HTML_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _has_time_zone(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("needs a time zone, for example 2024-10-29T03:27:00+05:00")
    try:
        moment.astimezone(dt.UTC)  # the pages show every time in UTC too
    except OverflowError:
        raise ValueError(f"{moment.isoformat()} is outside the years 1 to 9999 once turned into UTC") from None
    return moment


def _is_zone_name(name: str) -> str:
    """An IANA time zone name the system's zone database knows, e.g. Europe/London."""
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise ValueError(f"{name!r} is not a time zone name; write one as in the IANA database, e.g. "
                         "Europe/London or America/New_York") from None
    return name


@dataclass(frozen=True)
class RefersTo:
    """Marks an id field as a reference: its value must be the id of an item in the story's `section`.

    checks.py resolves every field so marked, in every section, without a list of its own.
    """

    section: str
    noun: str


SENTENCES = "sentences"  # the section of article sentences, which lives in article.txt, not in the YAML

TEXT_MAX_LENGTH = 20_000
Text = Annotated[str, StringConstraints(min_length=1, max_length=TEXT_MAX_LENGTH), AfterValidator(_is_visible)]
Label = Annotated[Text, AfterValidator(_has_no_quotation_marks)]
Name = Annotated[Text, AfterValidator(_has_no_quotation)]  # a person's, a body's or an outlet's
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
SentenceId = Annotated[str, StringConstraints(pattern=SENTENCE_ID_PATTERN), RefersTo(SENTENCES, "sentence")]
SpeakerId = Annotated[Id, RefersTo("people", "person or organisation")]
PartyId = Annotated[Id, RefersTo("parties", "party")]
QuoteId = Annotated[Id, RefersTo("quotes", "quote")]
StatementId = Annotated[Id, RefersTo("statements", "statement")]
BackgroundId = Annotated[Id, RefersTo("background", "background item")]
SourceId = Annotated[Id, RefersTo("sources", "source")]
SAID_IN = ("Id of the entry of `sources` whose text reports it; default: the article. It is checked against that "
           "source's text alone.")
WebAddress = Annotated[str, StringConstraints(max_length=2_000), AfterValidator(_is_web_address)]
Moment = Annotated[dt.datetime, BeforeValidator(_written_as_date), AfterValidator(_has_time_zone)]
Day = Annotated[dt.date, BeforeValidator(_written_as_date)]
LooseDate = Annotated[str, StringConstraints(pattern=LOOSE_DATE_PATTERN)]
ZoneName = Annotated[str, StringConstraints(max_length=64), AfterValidator(_is_zone_name)]
_DAY_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _moment_or_day(value: object) -> dt.datetime | dt.date:
    """A byline time with its zone, or the day alone when the outlet prints no time.

    Not a union of the two types: a time that fails its own check (no zone, say) would then be taken as a day.
    """
    if is_partial_date(value):
        raise ValueError(f"{str(value)!r} is {FULL_DAY_NEEDED}")
    day_only = (isinstance(value, dt.date) and not isinstance(value, dt.datetime)) or (
        isinstance(value, str) and _DAY_ONLY.fullmatch(value) is not None)
    try:
        return (_DAY if day_only else _MOMENT).validate_python(value)
    except ValidationError as error:
        item = error.errors()[0]
        if item["type"] == "value_error":
            raise ValueError(item["msg"].removeprefix("Value error, ")) from None
        raise ValueError(f"{value!r} is not a real date or time; write YYYY-MM-DD, or the time with its zone "
                         "as 2024-10-29T03:27:00+05:00") from None


_MOMENT: TypeAdapter[dt.datetime] = TypeAdapter(Moment)
_DAY: TypeAdapter[dt.date] = TypeAdapter(Day)
MomentOrDay = Annotated[
    dt.datetime | dt.date,
    PlainValidator(_moment_or_day),
    PlainSerializer(lambda value: value.isoformat(), return_type=str, when_used="json"),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]}),
]

Status = Literal["confirmed", "confirmed-in-part", "claimed", "denied", "did-not-deny", "would-not-confirm",
                 "no-comment"]
STATUS_WORDS: dict[str, str] = {
    "confirmed": "Confirmed",
    "confirmed-in-part": "Confirmed in part",
    "claimed": "Claimed",
    "denied": "Denied",
    "did-not-deny": "Did not deny",
    "would-not-confirm": "Would not confirm",
    "no-comment": "No comment",
}

CHANGE_WORDS: dict[str, str] = {"published": "Published", "update": "Update", "correction": "Correction"}


class Model(BaseModel):
    # allow_inf_nan: YAML reads .nan, .inf and 1e309 as floats, none of which is a place on a map.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, validate_default=True, allow_inf_nan=False)


class Evidence(Model):
    """What an item rests on: sentences of the source article, background facts, or both."""

    cites: list[SentenceId] = Field(default=[], description="Ids of the article sentences it rests on, e.g. p3.s1.")
    background: list[BackgroundId] = Field(default=[], description="Ids of the background items it rests on.")


class Article(Model):
    """The source article: where it came from and the file that holds its text."""

    file: str = Field("article.txt", pattern=ARTICLE_FILE_PATTERN, description="Text file beside the YAML.")
    headline: Text = Field(description="The article's headline as published.")
    agency: Name = Field(description="The news agency or newsroom that wrote it.")
    author: Name | None = Field(None, description="Who wrote it, as the byline names them ('By Ellen Marsh, "
                                                  "Kelby Gazette' gives Ellen Marsh); leave it out when it names "
                                                  "no one.")
    outlet: Name = Field(description="Where the text was taken from (the republication).")
    url: WebAddress = Field(
        description="Address of the republication the text was taken from; http:// or https:// only.")
    byline: Text | None = Field(None, description="The byline time as the outlet prints it, e.g. '29 Oct 2024 "
                                                  "03:27'; leave it out when the outlet prints none.")
    published: MomentOrDay = Field(description="The byline time with its time zone, or only the day "
                                               "(YYYY-MM-DD) when the outlet gives no time.")
    dateline: Text = Field(description="The place the article was filed from.")
    kind: Literal["report", "news release", "statement", "court ruling", "transcript"] = Field(
        "report", description="What the source is, named so on the pages ('the NASA news release'): a news "
                              "report, a body's own news release or statement, a court ruling, a transcript.")
    event_date: Day = Field(description="The day the article's 'today' refers to; anchors 'on Monday'.")
    time_zone: ZoneName | None = Field(None, description=(
        "The byline time's zone as its IANA name, e.g. Asia/Karachi, so that the time is shown with the zone's "
        "name (PKT) instead of an offset (UTC+5); the byline's offset must be the zone's on that day."))


class Meta(Model):
    """The explainer itself."""

    headline: Text = Field(description="The explainer's headline.")
    kind: Literal["Explainer", "Analysis", "Fact check"] = Field("Explainer", description="Label shown above it.")
    summary: Text = Field(description="One or two sentences for search engines and share cards.")
    standfirst: Text | None = Field(
        None, description="The paragraph under the headline: what happened, where, and what each side says. "
                          "Defaults to the summary.")
    published: Moment | None = Field(None, description=(
        "When the explainer itself was first published, with time zone: never the source's date. Default: the "
        "date of the `published` entry of `changes`; without either, the pages show no published stamp."))
    updated: Moment | None = Field(None, description=(
        "When the explainer was last updated, with time zone. Default: the latest update or correction in "
        "`changes`; without one, the pages show no updated stamp."))
    as_of: Day | None = Field(None, description=(
        "The day the explainer's account runs up to, shown on the overview as 'as of'. Default: the latest date "
        "of the source, a background source, a statement, a figure or an event that has happened, up to the "
        "explainer's own date."))
    date_style: Literal["british", "ap"] = Field("british", description=(
        "How every page writes dates and times: british (8 February 2024, 15:27 GMT) or ap, as the Associated "
        "Press does (Feb. 8, 2024, 3:27 p.m. EST)."))
    time_zone: ZoneName | None = Field(None, description=(
        "The explainer's own time zone as its IANA name, e.g. Europe/London: its published and updated times and "
        "the updates log are shown in it, with the zone's name (GMT or BST). Default: each time as written."))
    language: str = Field("en", pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$", description="Language tag of the text.")


class SiteSettings(Model):
    """The site's identity, shown in its header, footer, browser tab and search results.

    Every field is optional; the defaults come from the story itself (see generator/pages/identity.py).
    """

    name: Text | None = Field(None, description=(
        "The site's name in the header and browser tab; default: the explainer's headline up to its first colon."))
    description: Text | None = Field(None, description="The site's description for search engines; default: "
                                                       "meta.summary.")
    credit: Text | None = Field(None, description="The credit line in the footer; default: names the article's "
                                                  "agency and the outlet it was taken from.")
    report_url: WebAddress | None = Field(None, description="Where 'Report an error' leads; default: a new issue "
                                                            "in the site's repository.")


class Party(Model):
    """A side in the story; reactions are grouped by party."""

    id: Id = Field(description="Its id, used by people's and reactions' `party`, e.g. 'council'.")
    name: Name = Field(description="Its name as the site shows it.")


class Entity(Model):
    """A person or organisation who speaks or is spoken of."""

    id: Id = Field(
        description="Their id, used as `speaker` and as the anchor on the who's who page, e.g. 'ada-quill'.")
    name: Name = Field(description="Their name as the site shows it.")
    short_name: Name | None = Field(None, description=(
        "The name a page uses after it has named them in full, e.g. 'Kim' for Kim Jong Un; default: a person's "
        "surname (the last word of the name, with 'van der', 'Ní', 'St.' and the like), an organisation's name."))
    kind: Literal["person", "organisation"] = Field(description="Whether it is a person or an organisation.")
    role: Text | None = Field(None, description="Role at the time of the story.")
    affiliation: Text | None = Field(None, description="Organisation or country they belong to.")
    party: PartyId | None = Field(None, description="Id of the party they speak for.")
    background: list[BackgroundId] = Field(default=[], description="Background items about them.")


class Quote(Model):
    """A direct quotation, character for character as in the article."""

    id: Id = Field(description="The quote's id, used by statements, reactions and questions, and as its anchor.")
    text: Text = Field(description="Exactly as in the article, without the quotation marks around it.")
    speaker: SpeakerId = Field(description="Id of the person or organisation quoted.")
    how: Text = Field(description="How it was said, e.g. 'told reporters', 'said on X'.")
    where: Text | None = Field(None, description="Where it was said, if the article says.")
    source: SourceId | None = Field(None, description=SAID_IN)
    date: PartialDate | None = Field(None, description="When it was said, if known: YYYY-MM-DD, YYYY-MM or YYYY.")
    date_note: Text | None = Field(None, description=(
        "Why the date is missing or uncertain, as a sentence shown after the quote's attribution, e.g. 'He "
        "posted it after the vote.' A note saying only that the article gives no date, e.g. 'The article does "
        "not say when she said it.', is not shown under the quote: the quotes page says once how many are "
        "undated."))
    label: Label | None = Field(
        None, description="A short name for a long quote, without quotation marks (e.g. 'the mayor's letter'), "
                          "shown where the whole quote would not fit; a quote is never cut.")
    lead: bool = Field(False, description=(
        "True to show it on the overview as a pull quote: the story's lead quote, or its speaker's side's. "
        "Default: the article's first quote that is a whole sentence, and the first of each other side."))


class Term(Model):
    """Words the article puts in quotation marks that nobody is quoted as saying: a term, a title or a nickname."""

    text: Text = Field(description="Exactly as in the article, without the quotation marks around it.")
    note: Text | None = Field(None, description=(
        "Why the article puts it in quotation marks, for the editor, e.g. 'the release's own word for the "
        "power failures'."))
    source: SourceId | None = Field(None, description="Id of the entry of `sources` that quotes it; default: the "
                                                       "article.")


class Abbreviation(Model):
    """A short form the article spells out, such as a mission's initials: each page gives the full name at its
    first mention, then the short form in brackets, as a news story does."""

    short: Label = Field(description="The short form, as the article writes it, e.g. 'PACE'.")
    full: Label = Field(description=(
        "What it stands for, as the article spells it out, e.g. 'Plankton, Aerosol, Cloud, ocean Ecosystem'."))


class Statement(Evidence):
    """Something a speaker said that the article reports in its own words."""

    id: Id = Field(description="The statement's id, used by reactions and questions, and as its anchor.")
    speaker: SpeakerId | None = Field(None, description="Id of the person or organisation who said it.")
    party: PartyId | None = Field(
        None, description="Id of the party, when the article gives a whole side as the speaker ('the council urged').")
    gist: Text = Field(description="What they said, in a sentence that keeps the attribution.")
    source: SourceId | None = Field(None, description=SAID_IN)
    date: PartialDate | None = Field(None, description="When it was said, if known: YYYY-MM-DD, YYYY-MM or YYYY.")
    date_note: Text | None = Field(None, description=(
        "When it was said, in words: a short phrase shown in place of the date if the day is not known, e.g. "
        "'after the vote' or 'not given in the article', or in brackets after the date, e.g. 'date from the "
        "background, not the article'."))
    where: Text | None = Field(None, description="Where it was said, e.g. 'at the town hall'.")
    quotes: list[QuoteId] = Field(default=[], description="Quotes that belong to the same remark.")


class Reaction(Evidence):
    """Where one party stands."""

    party: PartyId = Field(description="Id of the party whose reaction it is.")
    position: Text = Field(description="Its position in one line.")
    status: Status | None = Field(None, description=(
        "What it did with the claim at the heart of the story, in the built-in words: " + ", ".join(STATUS_WORDS)
        + ". Give this, `status_words` or both."))
    status_words: Label | None = Field(None, description=(
        "Its status in the story's own words, where the built-in ones do not fit, e.g. 'Did not confirm' or "
        "'Voted for'; shown in place of the built-in words."))
    quotes: list[QuoteId] = Field(default=[], description="Ids of the quotes behind it.")
    statements: list[StatementId] = Field(default=[], description="Ids of the reported statements behind it.")


class Point(Evidence):
    """A takeaway, a question's answer or an open question, with what it rests on."""

    text: Text = Field(description="The point, in one or two sentences of the site's own words.")


OverviewSection = Literal["what-happened", "where", "wants", "why-it-matters"]
SECTION_TITLES: dict[str, str] = {
    "what-happened": "What happened",
    "where": "Where it is",
    "wants": "What each side wants",
    "why-it-matters": "Why it matters",
}


class Question(Evidence):
    """A short question-led part of the overview, shown under one of its sections."""

    id: Id = Field(description="Its id, used as its anchor on the overview.")
    section: OverviewSection = Field(
        "what-happened", description="The overview section it belongs to: " + ", ".join(SECTION_TITLES) + ".")
    question: Text = Field(description="The question, as the section's heading.")
    answer: Text = Field(description="The answer, in a few sentences that keep claims attributed.")
    quotes: list[QuoteId] = Field(default=[], description="Ids of the quotes behind the answer.")
    statements: list[StatementId] = Field(default=[], description="Ids of the reported statements behind the answer.")


class Source(Model):
    """A published source for a background item."""

    outlet: Name = Field(description="The outlet or body that published it.")
    title: Text = Field(
        description="Its headline or title, exactly as published (or a description, with `untitled: true`).")
    date: LooseDate | None = Field(
        None, description="Publication date as YYYY-MM-DD, YYYY-MM or YYYY; leave it out if the source shows none.")
    url: WebAddress = Field(description="Its address; http:// or https:// only.")
    kind: Literal["primary", "secondary"] = Field(
        "secondary", description="primary: the body or person itself; secondary: reporting on it."
    )
    untitled: bool = Field(
        False, description="True when `title` describes the page instead of giving its headline; "
                           "it is then shown without quotation marks.")
    carries: list[Annotated[int, Field(ge=1)]] = Field(
        default=[], description="Which sentences of the item's text this source carries (1 is the first); "
                                "empty means all of them.")
    stored: SourceId | None = Field(None, description=(
        "Id of the entry of the story's `sources` that stores this source's words (in full, or the excerpt the "
        "item quotes): words the item's text puts in quotation marks are checked against it."))


class Background(Model):
    """A vetted fact from outside the article, in the site's own words, with its sources."""

    id: Id = Field(description="Its id, used by `background` lists elsewhere and as its anchor on the context page.")
    title: Text = Field(description="A short title for the fact.")
    text: Text = Field(description="The fact, in the site's own words.")
    confidence: Literal["high", "medium"] = Field(description="How firmly the sources establish it.")
    sources: list[Source] = Field(min_length=1, description="The published sources that carry it; at least one.")


class Figure(Evidence):
    """A key number: a claim of whoever gave it, so it always says who and when."""

    value: Text = Field(description="The number as said, e.g. 'About 10,000'.")
    what: Text = Field(description="What it counts, e.g. 'people at the meeting'.")
    who: Text = Field(description="Who gave it, e.g. 'the organisers'.")
    date: PartialDate = Field(description="When it was given: YYYY-MM-DD, or YYYY-MM or YYYY when only that is "
                                          "known.")


class Event(Evidence):
    """A dated event on the timeline."""

    id: Id = Field(description="Its id, used as its anchor on the timeline.")
    date: PartialDate = Field(description="When it happened: YYYY-MM-DD, or YYYY-MM or YYYY when only that is known.")
    text: Text = Field(description="What happened, in one sentence.")
    basis: Literal["article", "background"] = Field(description="Where the event is known from.")
    next: bool = Field(False, description=(
        "True for what happened after the article; an event whose date (or the last day of its month or year) is "
        "after the article's is placed after it anyway."))


class Change(Model):
    """An entry in the updates and corrections log."""

    date: Moment = Field(description="When the change was published, with its time zone.")
    kind: Literal["published", "update", "correction"] = Field(
        description="Whether it is the first publication, an update or a correction.")
    text: Text = Field(description="What changed, in a sentence.")


class Region(Model):
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        description="The country's three-letter ISO code, e.g. FRA.")
    region: Text = Field(description="The region's name as in the map data, e.g. Normandy.")


class LocatorMap(Model):
    """A static locator map and its close-up, drawn by scripts/draw_locator_map.py (`make map`) beside the YAML."""

    title: Text = Field(description="The map's title, also the start of its alt text.")
    description: Text = Field(description="The text alternative: what the map shows, in words.")
    extent: list[float] | None = Field(
        None, min_length=4, max_length=4, description="The area shown: west, east, south and north, in degrees.")
    highlight: list[Region] = Field(default=[], description="Regions shaded on the map.")
    emphasise_border: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]] = Field(
        default=[], description="Three-letter ISO codes of countries whose borders are drawn heavier.")
    places: list[Text] = Field(default=[], description="Names of places marked on the map, as in the map data.")
    background: list[BackgroundId] = Field(default=[], description="Background items the description rests on.")


SourceKind = Literal["news report", "news release", "statement", "transcript", "document"]


class StorySource(Model):
    """A further source beside the article, its text kept in a file of the story folder and checked like the
    article's. Its sentences are cited with its id before theirs: `tass:p1.s1`."""

    id: Id = Field(description="Its id, before the ids of its sentences (tass:p1.s1), and as quotes' `source`.")
    kind: SourceKind = Field(description="What it is, named so on the pages ('the TASS news report').")
    outlet: Name = Field(description="The outlet or body that published it, as the pages name it, e.g. 'TASS'.")
    author: Name | None = Field(None, description="Who wrote it, or whose words it is, as the source names them.")
    title: Text | None = Field(None, description=(
        "Its headline or title exactly as published; leave it out when the title was not recorded. A full text's "
        "title is its first paragraph."))
    date: PartialDate = Field(description=(
        "When it was published: YYYY-MM-DD, or YYYY-MM or YYYY when only that is known. Anchors its 'on Monday'."))
    url: WebAddress = Field(description="Its address; http:// or https:// only.")
    language: str = Field("en", pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$", description="Language tag of its text.")
    file: str | None = Field(None, pattern=ARTICLE_FILE_PATTERN, description=(
        "The text file beside the YAML that holds its words; default: its id with .txt, e.g. tass.txt."))
    excerpt: bool = Field(False, description=(
        "True when the file holds only an excerpt of the source as published (the words the story quotes, "
        "copied exactly), not its whole text; the pages say so."))
    speaker: SpeakerId | None = Field(None, description=(
        "Whose words the whole text is, when it is one speaker's without quotation marks around them (a "
        "statement, one speaker's transcript, a remark stored alone as an excerpt): a quote from it may stand "
        "anywhere in the text, and is theirs."))

    @property
    def file_name(self) -> str:
        return self.file or f"{self.id}.txt"


class Story(Model):
    """Everything the site says, and what each part rests on."""

    meta: Meta = Field(description="The explainer itself: headline, label, summary, publication time.")
    site: SiteSettings = Field(SiteSettings(), description="The site's name, description, credit and error link.")
    article: Article = Field(description="The source article: where it came from and the file that holds its text.")
    sources: list[StorySource] = Field(default=[], description=(
        "Further sources beside the article (a wire report, a news release, a statement, a document), each with "
        "its text, or an excerpt of it, in a file of the story folder."))
    takeaways: list[Point] = Field(default=[], max_length=5, description="Three to five key takeaways.")
    questions: list[Question] = Field(
        default=[], description="Question-led parts of the overview, each under one of its sections.")
    unknowns: list[Point] = Field(default=[], description="What is not known.")
    figures: list[Figure] = Field(default=[], description="Key numbers, each with who gave it and when.")
    parties: list[Party] = Field(default=[], description="The sides in the story; reactions are grouped by party.")
    people: list[Entity] = Field(default=[], description="People and organisations who speak or are spoken of.")
    quotes: list[Quote] = Field(
        default=[], description="Every direct quotation in the article, character for character.")
    statements: list[Statement] = Field(
        default=[], description="What speakers said, as the article reports it in its own words.")
    terms: list[Term] = Field(
        default=[], description=("Words the article puts in quotation marks that are not speech (a term, a title, "
                                 "a nickname): listed here instead of as quotes, they are never shown as a quote."))
    abbreviations: list[Abbreviation] = Field(default=[], description=(
        "Short forms the article spells out (initials, acronyms): each page gives the full name at its first "
        "mention of one, then the short form in brackets."))
    reactions: list[Reaction] = Field(default=[], description="Where each party stands, one reaction per party.")
    background: list[Background] = Field(
        default=[], description="Vetted facts from outside the article, each with its sources.")
    timeline: list[Event] = Field(default=[], description="Dated events, up to the article and after it.")
    changes: list[Change] = Field(
        default=[], description="The updates and corrections log, first publication included.")
    map: LocatorMap | None = Field(
        None, description=("A static locator map, drawn by `make map` into locator-map.svg beside the YAML, and its "
                           "close-up, which the overview shows, into locator-map-close-up.svg."))


def story_schema() -> dict:
    """The JSON Schema for story.yaml, as published with the site."""
    schema = Story.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Explainer story"
    return schema


def dotted(loc: tuple) -> str:
    """('quotes', 3, 'text') -> 'quotes[3].text'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _markers(annotation: object) -> list[RefersTo]:
    found = [item for item in getattr(annotation, "__metadata__", ()) if isinstance(item, RefersTo)]
    for argument in typing.get_args(annotation):
        found += _markers(argument)
    return found


@functools.cache
def reference_markers(model: type[BaseModel]) -> dict[str, RefersTo]:
    """The fields of `model` that refer to other items, and what each refers to."""
    markers: dict[str, RefersTo] = {}
    for name, info in model.model_fields.items():
        found = [item for item in info.metadata if isinstance(item, RefersTo)] + _markers(info.annotation)
        if found:
            markers[name] = found[0]
    return markers


def _nested_models(info: FieldInfo) -> Iterator[tuple[type[BaseModel], bool]]:
    """The models a field holds, and whether it holds a list of them."""
    is_list = typing.get_origin(info.annotation) is list
    pending: list[object] = [info.annotation]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield annotation, is_list
        pending.extend(typing.get_args(annotation))


def reference_fields(model: type[BaseModel] = Story, path: tuple = ()) -> Iterator[tuple[tuple, RefersTo]]:
    """Every reference field the schema declares, as a path with '*' for any list item.

    ('quotes', '*', 'speaker') is each quote's speaker; ('reactions', '*', 'quotes', '*') each quote of each reaction.
    """
    markers = reference_markers(model)
    for name, info in model.model_fields.items():
        if name in markers:
            yield path + ((name, "*") if typing.get_origin(info.annotation) is list else (name,)), markers[name]
            continue
        for nested, is_list in _nested_models(info):
            yield from reference_fields(nested, path + ((name, "*") if is_list else (name,)))


def references(item: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, RefersTo, str]]:
    """Every reference in `item` and the items inside it: (location, what it refers to, the id given)."""
    markers = reference_markers(type(item))
    for name in type(item).model_fields:
        value = getattr(item, name)
        marker = markers.get(name)
        if marker is not None and isinstance(value, str):
            yield loc + (name,), marker, value
        elif marker is not None and isinstance(value, list):
            yield from ((loc + (name, index), marker, one) for index, one in enumerate(value))
        elif isinstance(value, BaseModel):
            yield from references(value, loc + (name,))
        elif isinstance(value, list):
            for index, one in enumerate(value):
                if isinstance(one, BaseModel):
                    yield from references(one, loc + (name, index))


def identified_sections(story: Story) -> Iterator[tuple[str, list[str]]]:
    """The ids in each of the story's lists whose items have one: the sections a reference can point into."""
    for name, info in Story.model_fields.items():
        if any(is_list and "id" in nested.model_fields for nested, is_list in _nested_models(info)):
            yield name, [item.id for item in getattr(story, name)]
