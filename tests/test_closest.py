"""What an editor probably meant (generator/content/closest.py): a wrong quote's closest passage and "did you mean"."""

from __future__ import annotations

from conftest import SECOND_STORY

from generator.content.closest import closest_name, closest_passage, first_difference

ARTICLE = (SECOND_STORY / "article.txt").read_text(encoding="utf-8")


def test_the_closest_passage_of_a_quote_missing_a_letter_starts_at_its_first_word() -> None:
    """The best window by likeness alone opens with the article's quotation mark; the passage shown does not."""
    source = "He said: “The deepening military cooperation is a threat to both regions,” Rutte told reporters."
    quote = "The deepening military cooperation is a threat to both regons"
    passage = closest_passage(quote, source)
    assert passage == "The deepening military cooperation is a threat to both regions"[: len(quote)]
    assert first_difference(quote, passage).startswith("at character 59: nothing in the quote, i (U+0069")


def test_a_quote_alike_to_nothing_in_a_short_article_gets_no_passage() -> None:
    assert closest_passage("zzzz qqqq", ARTICLE) == ""
    assert closest_passage("rushes", ARTICLE) == "rushed"


def test_did_you_mean_suggests_the_closest_known_name_or_none() -> None:
    assert closest_name("speakr", ["speaker", "speakers_note", "status"]) == "speaker"
    assert closest_name("persn-0", [f"person-{n}" for n in range(4000)]) == "person-0"
    assert closest_name("xyz", ["speaker", "status"]) is None


def test_of_equally_close_names_the_last_in_alphabetical_order_is_suggested() -> None:
    """As difflib.get_close_matches(name, known, n=1) chooses, so a message does not change with the list's order."""
    assert closest_name("abcd", ["abcx", "abcy", "abcw"]) == "abcy"
    assert closest_name("abcd", ["abcy", "abcw", "abcx"]) == "abcy"
