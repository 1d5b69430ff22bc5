"""A note quotes the words of a cited sentence that support its claim, never a quotation cut short."""

from __future__ import annotations

import pytest

from generator.pages.excerpts import excerpt

LEDE = ("MILLBROOK: The town's central library will close on Mondays and Tuesdays from April after the council cut "
        "its budget by 18 per cent, officials confirmed on Thursday.")


def test_a_short_sentence_is_quoted_whole() -> None:
    assert excerpt("Residents can comment until the end of March.", "anything") == (
        "Residents can comment until the end of March.")


def test_a_long_sentence_is_cut_to_the_clauses_the_claim_rests_on() -> None:
    assert excerpt(LEDE, "The library will close on Mondays and Tuesdays.") == (
        "…The town's central library will close on Mondays and Tuesdays from April…")
    assert excerpt(LEDE, "The library will close on Mondays and Tuesdays after an 18 per cent budget cut.", 16) == (
        "…The town's central library will close on Mondays and Tuesdays from April after the council cut its "
        "budget by 18 per cent…")
    assert excerpt(LEDE, "Officials confirmed it on Thursday.", limit=8) == "…officials confirmed on Thursday."


def test_a_quotation_is_kept_whole_or_left_out() -> None:
    sentence = ("“The deepening military cooperation between Russia and North Korea is a threat to both Indo-Pacific "
                "and Euro-Atlantic security,” Rutte told reporters after NATO officials and diplomats were briefed "
                "by a South Korean delegation.")
    shown = excerpt(sentence, "Rutte spoke after a South Korean delegation briefed NATO officials and diplomats.")
    assert shown.startswith("…") and shown.endswith("NATO officials and diplomats were briefed by a South Korean "
                                                   "delegation.")
    assert excerpt(sentence, "The cooperation is a threat to Indo-Pacific and Euro-Atlantic security.").startswith(
        "“The deepening military cooperation between Russia and North Korea is a threat to both Indo-Pacific and "
        "Euro-Atlantic security,”")


def test_a_clause_too_long_for_a_note_is_pointed_to_never_cut() -> None:
    """It was cut to its words the claim shares most: "…Carnahan and ... visited Pittsburgh to announce more than…"."""
    sentence = ("Today the U.S. General Services Administration (GSA) Administrator Robin Carnahan and other "
                "Biden-Harris Administration officials visited Pittsburgh to announce more than $16 million in funds "
                "for improvements to the Joseph F. Weis, Jr. U.S. Courthouse.")
    claim = "Officials announced more than $16 million in funds for the courthouse in Pittsburgh."
    assert excerpt(sentence, claim) is None
    assert excerpt(sentence, claim, limit=14, longest=40) == sentence


@pytest.mark.parametrize(("sentence", "claim", "shown"), [
    # A subject alone was a note: "Neighbour Alan Pryce…"; "The Friends of Millbrook Library…".
    ("Neighbour Alan Pryce, who made the first complaint, said the chimney condition was a fair compromise.",
     "Alan Pryce, the neighbour who complained, said the condition was fair.",
     "Neighbour Alan Pryce, who made the first complaint, said the chimney condition was a fair compromise."),
    ("The Friends of Millbrook Library, a volunteer group, said it had collected 3,400 signatures against the change "
     "since January.", "The Friends of Millbrook Library collected 3,400 signatures.",
     "The Friends of Millbrook Library, a volunteer group, said it had collected 3,400 signatures against the change "
     "since January."),
    # A list is one clause: "NASA’s satellite mission to study ocean health…" stopped at its first comma.
    ("NASA’s satellite mission to study ocean health, air quality, and the effects of a changing climate for the "
     "benefit of humanity launched successfully into orbit at 1:33 a.m. EST Thursday.",
     "NASA's PACE satellite launched at 1:33 a.m. EST.",
     "NASA’s satellite mission to study ocean health, air quality, and the effects of a changing climate for the "
     "benefit of humanity launched successfully into orbit at 1:33 a.m. EST Thursday."),
    # "…after term ends…" was a phrase taken for a clause; "before the vote" is one too.
    ("The council's engineers found corrosion in two of the bridge's steel supports in March, according to a report "
     "published before the vote.", "Engineers found corrosion in two steel supports.",
     "The council's engineers found corrosion in two of the bridge's steel supports in March…"),
    # "…and it is no longer capable of flight" is a clause of its own; "While ...," opens one.
    ("While the helicopter remains upright and in communication with ground controllers, imagery of its Jan. 18 "
     "flight sent to Earth this week indicates one or more of its rotor blades sustained damage during landing, and "
     "it is no longer capable of flight.", "It can no longer fly.", "…and it is no longer capable of flight."),
])
def test_a_note_quotes_whole_clauses(sentence: str, claim: str, shown: str) -> None:
    assert excerpt(sentence, claim, longest=40) == shown


def test_a_note_names_the_paragraph_of_a_clause_too_long_to_quote_whole() -> None:
    """Rutte's sentence on the escalation is one clause of 31 words: cut, it read "…a breach of UN Security
    Council resolutions and a “dangerous expansion” of the conflict.", a list taken out of its clause."""
    from conftest import CONTENT

    from generator.content.load import load_story
    from generator.pages.citations import Citations
    from generator.pages.links import Links
    from generator.pages.story_index import index_story

    index = index_story(load_story(CONTENT))
    cite = Citations(index, Links(index).sentence_page, words=12)
    cite(cites=["p6.s1"])
    assert cite.notes() == "[^p6-s1]: Reuters, 29 October 2024, [paragraph 6](article.md#p6-s1)."
    roomy = Citations(index, Links(index).sentence_page, words=24)
    roomy(cites=["p6.s1"])
    assert "“a significant escalation”" in roomy.notes() and "paragraph 6" not in roomy.notes()


def test_a_first_paragraph_that_opens_with_the_agencys_name_is_no_byline() -> None:
    """"NASA’s history-making Ingenuity Mars Helicopter has ended its mission ..." was counted as the byline."""
    from conftest import ROOT

    from generator.content.load import load_story
    from generator.pages.sentence_places import article_places

    loaded = load_story(ROOT / "tests" / "corpus" / "nasa-ingenuity-ends")
    places = article_places(loaded)
    assert [places.paragraph(loaded.source.by_id[i]) for i in ("p2.s1", "p3.s1", "p4.s1")] == [
        "byline", "paragraph 3", "paragraph 4"]  # as the ids number them


def test_a_subject_in_apposition_keeps_its_verb() -> None:
    """"The cathaoirleach, Cllr Dermot Mac Giolla Rua…" was a note: the subject without what he said."""
    sentence = "The cathaoirleach, Cllr Dermot Mac Giolla Rua, said he supported the aim but not the hours."
    assert excerpt(sentence, "Mac Giolla Rua supports the aim.", limit=8) == sentence
    tail = "Harlow Ridge Foods will close its Milbrook snack plant by the end of March, the company said Wednesday."
    assert excerpt(tail, "The plant will close by the end of March.", limit=8) == (
        "Harlow Ridge Foods will close its Milbrook snack plant by the end of March…")
