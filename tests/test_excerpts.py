"""A note quotes the words of a cited sentence that support its claim, never a quotation cut short."""

from __future__ import annotations

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


def test_one_long_clause_gives_the_run_of_words_the_claim_shares() -> None:
    sentence = ("Today the U.S. General Services Administration (GSA) Administrator Robin Carnahan and other "
                "Biden-Harris Administration officials visited Pittsburgh to announce more than $16 million in funds "
                "for improvements to the Joseph F. Weis, Jr. U.S. Courthouse.")
    shown = excerpt(sentence, "Officials announced more than $16 million in funds for the courthouse in Pittsburgh.")
    assert shown.startswith("…") and "$16 million in funds" in shown and len(shown.split()) <= 17
