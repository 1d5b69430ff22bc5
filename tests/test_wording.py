"""The sentences the pages build from the content, one function at a time (generator/pages/wording.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from markupsafe import Markup

from generator.content.schema import Article, Change, Entity, Quote, Reaction, Source, Statement
from generator.pages import captions, who_is_who, wording
from generator.pages import markdown_text as text

SPEAKER = Markup("[Ada Quill](people.md#ada)")


def quote(**fields: object) -> Quote:
    return Quote.model_validate({"id": "q1", "text": "We will go.", "speaker": "ada", "how": "said", **fields})


def statement(**fields: object) -> Statement:
    return Statement.model_validate({"id": "s1", "speaker": "ada", "gist": "She said they would go.", **fields})


def source(**fields: object) -> Source:
    return Source.model_validate({"outlet": "Gazette", "title": "Pier closes", "url": "https://example.org/a",
                                  **fields})


ARTICLE = Article.model_validate({
    "headline": "Storm closes pier", "agency": "Wire", "outlet": "Gazette", "url": "https://example.org/a",
    "published": "2025-02-24T10:00:00+00:00", "dateline": "MARSH VALLEY", "event_date": "2025-02-24"})


DATED = '<time datetime="2024-10-28">28 October 2024</time>'


@pytest.mark.parametrize(("fields", "described", "woven", "caption"), [
    ({}, None, False, "**[Ada Quill](people.md#ada)** said."),
    ({}, "the mayor", False, "**[Ada Quill](people.md#ada)**, the mayor, said."),
    ({"date": "2024-10-28"}, None, False, f"**[Ada Quill](people.md#ada)** said on {DATED}."),
    ({"how": "told reporters", "date": "2024-10"}, None, False,
     '**[Ada Quill](people.md#ada)** told reporters in <time datetime="2024-10">October 2024</time>.'),
    ({"where": "at the pier", "date": "2024-10-28"}, None, False,
     f"**[Ada Quill](people.md#ada)** said at the pier on {DATED}."),
    # "The article does not say when." under every undated quote read as a form: the quotes page says it once.
    ({"date_note": "the article does not say when"}, None, False, "**[Ada Quill](people.md#ada)** said."),
    # "Mark Rutte, Secretary General of NATO, said, of Pyongyang's involvement in the war, on 28 October 2024."
    ({"how": "said, of the war", "date": "2024-10-28"}, "the Secretary General of NATO", False,
     f"**[Ada Quill](people.md#ada)**, the Secretary General of NATO, said on {DATED} of the war."),
    ({"how": "said, dismissing the reports", "where": "in Kazan", "date": "2024-10-28"}, None, False,
     f"**[Ada Quill](people.md#ada)** said in Kazan on {DATED}, dismissing the reports."),
    # "Priya Mendes, City councillor who voted against the lease, called the decision." was no sentence.
    ({"how": "called the decision", "text": "a betrayal", "date": "2024-10-28"}, "a city councillor", True,
     f"**[Ada Quill](people.md#ada)**, a city councillor, called the decision “a betrayal” on {DATED}."),
])
def test_a_quote_caption_is_one_sentence(fields: dict, described: str | None, woven: bool, caption: str) -> None:
    subject = captions.speaker_subject(Markup("[Ada Quill](people.md#ada)"), described)
    assert captions.quote_caption(subject, quote(**fields), woven) == caption


@pytest.mark.parametrize(("how", "text", "article", "woven"), [
    ("called the decision", "a joke", "He called the decision “a joke” on Sunday.", True),
    ("described the figures as", "invented", "She described them as “invented”.", True),
    ("said the roof had been patched", "more times than anyone can count", "", True),
    ("said", "unavoidable", "The council said the cut was “unavoidable”.", False),
    ("said, of the war", "a significant escalation", "", False),
    ("said", "We will go.", "", False),
])
def test_a_quote_that_finishes_its_how_is_woven_into_the_caption(how: str, text: str, article: str,
                                                                woven: bool) -> None:
    assert captions.finishes_how(quote(how=how, text=text), article) is woven


def test_content_in_a_caption_cannot_become_markup() -> None:
    subject = captions.speaker_subject(SPEAKER, "Head of *ops* <b>")
    caption = captions.quote_caption(subject, quote(how="said [here](x)"), False)
    assert caption == r"**[Ada Quill](people.md#ada)**, Head of \*ops\* &lt;b&gt;, said \[here\](x)."


def test_a_role_after_a_name_lowers_only_a_leading_article() -> None:
    assert wording.in_apposition("The Russian presidency") == "the Russian presidency"
    assert wording.in_apposition("Secretary General of NATO") == "Secretary General of NATO"
    assert wording.in_apposition("A") == "A"


def test_a_quote_over_paragraphs_opens_each_and_closes_the_last() -> None:
    shown = wording.quoted_paragraphs(quote(text='We will go.\n\n"We will stay.'))
    assert shown == ["“We will go.", "“We will stay.”"]


@pytest.mark.parametrize(("fields", "opening", "in_brackets"), [
    ({"date": "2024-10-28"}, '<time datetime="2024-10-28">28 October 2024</time>',
     '<time datetime="2024-10-28">28 October 2024</time>'),
    ({"date": "2024-10-28", "date_note": "Date from the background.", "where": "in Brussels"},
     '<time datetime="2024-10-28">28 October 2024</time> (date from the background), in Brussels',
     '<time datetime="2024-10-28">28 October 2024</time>; date from the background, in Brussels'),
    ({}, "Date not given", "date not given"),
    ({"date_note": "after the vote"}, "After the vote", "after the vote"),
])
def test_when_a_statement_was_made_reads_as_a_phrase(fields: dict, opening: str, in_brackets: str) -> None:
    assert wording.when_and_where(statement(**fields)) == opening
    assert wording.when_and_where_in_brackets(statement(**fields)) == in_brackets


@pytest.mark.parametrize(("note", "beyond"), [
    ("Not given in the article.", ""),
    ("Date not given", ""),
    ("The article does not say when she said it.", ""),
    ("After Rutte's confirmation on 28 October; the article gives no date", "After Rutte's confirmation on 28 October"),
    ("after the vote, date not given", "after the vote"),
    ("After the vote, in Brussels", "After the vote, in Brussels"),
])
def test_under_an_undated_label_a_date_note_says_only_what_it_adds(note: str, beyond: str) -> None:
    """"Not dated in the article:" over "Date not given" said it twice."""
    assert wording.beyond_no_date(note) == beyond
    undated = wording.when_and_where(statement(date_note=note), listed_as_undated=True)
    assert undated == (text.as_phrase(beyond, capital=True) if beyond else "")


def test_an_undated_statement_keeps_its_place_under_an_undated_label() -> None:
    assert wording.when_and_where(statement(where="at the town hall"), listed_as_undated=True) == "At the town hall"


@pytest.mark.parametrize(("fields", "side", "described"), [
    ({"role": "Mayor", "affiliation": "Marsh Valley"}, Markup("[Council](reactions.md#council)"),
     "Mayor (Marsh Valley), on the side of [Council](reactions.md#council)."),
    ({"affiliation": "Marsh Valley"}, None, "Marsh Valley."),
    ({}, Markup("Council"), "On the side of Council."),
    ({}, None, ""),
    # "Secretary General of NATO (NATO). Side: NATO." said NATO three times.
    ({"role": "Secretary General of NATO", "affiliation": "NATO"}, Markup("[NATO](reactions.md#nato)"),
     "Secretary General of [NATO](reactions.md#nato)."),
    # The description opens a sentence: a role written in lower case is never shown so.
    ({"role": "principal investigator"}, None, "Principal investigator."),
    # "The [Russia](…)n presidency": a side's name is linked only as a word of its own.
    ({"role": "The Russian presidency"}, Markup("[Russia](reactions.md#russia)"),
     "The Russian presidency, on the side of [Russia](reactions.md#russia)."),
    # "Kremlin spokesman (The Kremlin)" named the Kremlin twice.
    ({"role": "Kremlin spokesman", "affiliation": "The Kremlin"}, None, "Kremlin spokesman."),
])
def test_a_person_is_described_without_stray_punctuation(fields: dict, side: Markup | None, described: str) -> None:
    person = Entity.model_validate({"id": "ada", "name": "Ada Quill", "kind": "person", **fields})
    assert who_is_who.describe(person, side, str(side or "").split("]")[0].lstrip("[")) == described


def test_an_organisation_that_is_a_side_of_its_own_is_not_said_to_speak_for_itself() -> None:
    """"Millbrook Borough Council: Speaks for Millbrook Borough Council." under its own name."""
    council = Entity.model_validate({"id": "council", "name": "Millbrook Borough Council", "kind": "organisation",
                                     "party": "council"})
    side = Markup("[Millbrook Borough Council](reactions.md#council)")
    assert who_is_who.describe(council, side, "Millbrook Borough Council") == ""
    friends = Entity.model_validate({"id": "friends", "name": "Friends of the Library", "kind": "organisation",
                                     "role": "Volunteer group", "party": "campaigners"})
    assert who_is_who.describe(friends, Markup("[Library campaigners](reactions.md#campaigners)"),
                               "Library campaigners", {"library"}) == (
        "Volunteer group, on the side of the [library campaigners](reactions.md#campaigners).")
    leader = Entity.model_validate({"id": "orme", "name": "Janet Orme", "kind": "person", "role": "Council leader"})
    assert who_is_who.describe(leader, Markup("[The council](reactions.md#council)"), "The council", {"the"}) == (
        "Council leader, on the side of [the council](reactions.md#council).")


def test_the_first_publication_is_logged_by_its_text_alone() -> None:
    moment = dt.datetime(2025, 2, 24, tzinfo=dt.UTC)
    assert wording.change_entry(Change(date=moment, kind="published", text="First published.")) == "First published."
    assert (wording.change_entry(Change(date=moment, kind="correction", text="A name was misspelt."))
            == "**Correction.** A name was misspelt.")


def reaction(**fields: object) -> Reaction:
    return Reaction.model_validate({"party": "council", "position": "For it.", **fields})


def test_a_status_in_the_storys_own_words_is_shown_in_place_of_the_built_in_words() -> None:
    # The article says the North Korean official "did not confirm"; the built-in set only had "Would not confirm".
    own = reaction(status_words="Did not confirm")
    assert wording.status_words(own) == "Did not confirm"
    assert wording.status_words(reaction(status="claimed", status_words="Voted for")) == "Voted for"


def test_sources_are_listed_with_their_titles_quoted_or_bracketed() -> None:
    titled, untitled = source(date="2025-02-24", kind="primary"), source(title="A report on the pier", untitled=True)
    # "(secondary)" after every source read like a database: a source says so only when it is the body's own word.
    assert wording.source_entry(titled) == (
        "Gazette, “[Pier closes](https://example.org/a)”, 24 February 2025 (own statement)")
    assert wording.sources_in_brief([titled, untitled]) == (
        "Gazette, “[Pier closes](https://example.org/a)”, 24 February 2025, **own statement**; "
        r"Gazette, \[[A report on the pier](https://example.org/a)\], no date")
    assert wording.loose_date("2024-08-08/09") == "8–9 August 2024" and wording.loose_date("2024-10") == "October 2024"


@pytest.mark.parametrize(("linked", "sentence"), [
    ({"quotes", "reactions"}, "What the article itself reports is on the [quotes](quotes.md) and "
                              "[reactions](reactions.md) pages."),
    ({"reactions"}, "What the article itself reports is on the [reactions](reactions.md) page."),
    (set(), ""),
])
def test_the_context_page_points_to_the_pages_the_story_has(linked: set[str], sentence: str) -> None:
    assert wording.reported_on(linked) == sentence


def test_the_pager_links_only_the_pages_that_exist() -> None:
    assert wording.pager(1, 2, None, "quotes-2.md") == "Page 1 of 2 · [Next page](quotes-2.md)"
    assert (wording.pager(2, 3, "quotes.md", "quotes-3.md")
            == "Page 2 of 3 · [Previous page](quotes.md) · [Next page](quotes-3.md)")


def test_a_quote_names_its_source_and_the_copy_it_was_taken_from() -> None:
    passage = Markup("[paragraph 4](article.md#p5-s1)")
    assert wording.quote_source(passage, ARTICLE, False, "q1") == (
        "From [paragraph 4](article.md#p5-s1) of the Wire report, republished by [Gazette](https://example.org/a) · "
        "[Link to this quote](#q1)")
    assert wording.quote_source(passage, ARTICLE, True, "q1") == (
        "From [paragraph 4](article.md#p5-s1) of the report published by [Gazette](https://example.org/a) · "
        "[Link to this quote](#q1)")
    assert wording.report_credit(ARTICLE, False) == "by Wire, as republished by [Gazette](https://example.org/a)"


def test_a_phrase_after_an_aside_that_asks_for_it_is_woven() -> None:
    assert captions.finishes_how(quote(how="said, calling the count", text="a theft in broad daylight"), "")
    assert not captions.finishes_how(quote(how="said, describing the war", text="Russia's illegal war"), "")
    assert captions.finishes_how(quote(how="puts the share at", text="18.6 percent"), "")


def test_a_caption_opens_with_a_capital_even_where_a_surname_does_not() -> None:
    """"van der Linde said on 13 February 2024." opened a caption in lower case."""
    subject = captions.speaker_subject(Markup("[van der Linde](people.md#linde)"), None)
    assert captions.quote_caption(subject, quote(), False) == "**[Van der Linde](people.md#linde)** said."
    # After the quote, the name goes on the sentence, and keeps its own spelling.
    assert captions.quote_paragraph(subject, quote(), False) == "“We will go,” **[van der Linde](people.md#linde)** said."


def test_a_caption_dates_the_saying_not_the_clause_after_it() -> None:
    """"Rutte told reporters after NATO officials and diplomats were briefed by a South Korean delegation on 28 October
    2024." dated the briefing."""
    told = quote(how="told reporters after officials were briefed", date="2024-10-28", where="in Brussels")
    assert captions.quote_caption(SPEAKER, told, False) == (
        f"{SPEAKER} told reporters in Brussels on {DATED} after officials were briefed.")
    # A `where` that is a time ("after the vote") follows the day, which it would otherwise seem to date.
    after = quote(where="after the vote", date="2024-10-28")
    assert captions.quote_caption(SPEAKER, after, False) == f"{SPEAKER} said on {DATED} after the vote."
