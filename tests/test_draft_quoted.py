"""`draft` on quoted words: speech becomes quotes, a scare quote, a title or a nickname becomes a term; quotations
nested in another or run over paragraphs are listed as the article writes them; `check` reminds of a placeholder
address."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from tools.cli import run_command

from generator.content.load import load_story
from generator.draft.drafting import draft_story

NOW = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
HEAD = "Harbour plan agreed\n\nTest Wire 2025-03-03T10:15:00+01:00\n\nPORTVALE: "


def draft_article(tmp_path: Path, body: str) -> dict:
    """The story `draft` writes for an article of this body, after checking that it passes `check`."""
    source = tmp_path / "article.txt"
    source.write_text(HEAD + body, encoding="utf-8")
    draft_story(source, tmp_path / "draft", NOW)
    load_story(tmp_path / "draft")
    return yaml.safe_load((tmp_path / "draft" / "story.yaml").read_text(encoding="utf-8"))


def quote_texts(story: dict) -> list[str]:
    return [quote["text"] for quote in story["quotes"]]


def term_texts(story: dict) -> list[str]:
    return [term["text"] for term in story.get("terms") or []]


def test_a_scare_quote_is_a_term_not_a_quote_of_an_invented_speaker(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        '"We fly again tomorrow," said engineer Ada Quill.\n\n'
        'These power “brownouts” forced the team to change its plans.\n'))
    assert quote_texts(story) == ["We fly again tomorrow"]
    assert term_texts(story) == ["brownouts"]
    assert "Speaker not identified in the article" not in [person["name"] for person in story["people"]]
    text = (tmp_path / "draft" / "story.yaml").read_text(encoding="utf-8")
    assert "- text: brownouts  # REVIEW:" in text


def test_a_title_or_a_nickname_is_a_term_even_in_reported_speech(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        "Ada Quill said the striker, nicknamed “the Rocket”, would start.\n\n"
        "The club's report, titled “Building the Harbour Club”, came out on Monday.\n"))
    assert quote_texts(story) == []
    assert term_texts(story) == ["the Rocket", "Building the Harbour Club"]
    # The statement keeps the term's words, without marks: a gist quotes only its own speaker.
    assert [s["gist"] for s in story["statements"]] == ["Ada Quill said the striker, nicknamed the Rocket, would start."]


def test_short_words_a_verb_of_saying_gives_to_someone_stay_quotes(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        "Mayor Ada Quill called the plan “rushed”.\n\n"
        "Engineer Ben Cole had warned against it, telling the committee the harbour wall was a ‘real hazard’.\n\n"
        "Neighbour Cy Dunn said he was ‘bitterly disappointed’.\n"))
    assert quote_texts(story) == ["rushed", "real hazard", "bitterly disappointed"]
    assert term_texts(story) == []


def test_a_short_quotation_that_is_a_sentence_of_its_own_stays_a_quote(tmp_path: Path) -> None:
    story = draft_article(tmp_path, '"We asked twice," said Ada Quill. "Nobody answered."\n')
    assert quote_texts(story) == ["We asked twice", "Nobody answered"]


def test_words_quoted_as_speech_elsewhere_are_not_a_term(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        "The “rushed” plan goes to a vote.\n\nMayor Ada Quill called the plan “rushed” on Monday.\n"))
    assert quote_texts(story) == ["rushed"]
    assert term_texts(story) == []


def test_a_single_marked_quotation_holding_a_double_marked_one_is_listed_with_it(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        "‘We have baked here since 1961,’ said owner Gemma Fenwick.\n\n"
        "‘When the council’s letter called our chimney “wholly unacceptable”, I thought that was the end.’\n"))
    assert quote_texts(story) == [
        "We have baked here since 1961",
        "When the council’s letter called our chimney “wholly unacceptable”, I thought that was the end",
        "wholly unacceptable"]


def test_a_quotation_opened_inside_a_paragraph_and_run_on_into_the_next_is_one_quote(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        '"People tell us this is the only warm place," Ada Quill added. "Closing it will be felt most.\n\n'
        '"We will keep the book drop open."\n'))
    assert quote_texts(story) == ["People tell us this is the only warm place",
                                  'Closing it will be felt most.\n\n"We will keep the book drop open']
    text = (tmp_path / "draft" / "story.yaml").read_text(encoding="utf-8")
    assert "# REVIEW: one quotation over 2 paragraphs" in text


def test_check_reminds_of_a_placeholder_address_with_its_line_and_still_passes(tmp_path: Path) -> None:
    draft_article(tmp_path, '"We fly again," said engineer Ada Quill.\n')
    folder = tmp_path / "draft"
    lines = (folder / "story.yaml").read_text(encoding="utf-8").split("\n")
    line = next(number for number, text in enumerate(lines, start=1) if text.startswith("  url: "))
    result = run_command("check", str(folder))
    assert result.code == 0, result.stderr
    assert (f"story.yaml:{line}:3: article.url: https://example.invalid/replace-with-the-article-address is a "
            "placeholder") in result.stdout
    assert "before publishing" in result.stdout


def test_check_says_nothing_of_a_real_address(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(HEAD + '"We fly again," said engineer Ada Quill.\n', encoding="utf-8")
    draft_story(source, tmp_path / "draft", NOW, url="https://news.portvale-courier.co.uk/harbour")
    result = run_command("check", str(tmp_path / "draft"))
    assert result.code == 0, result.stderr
    assert "placeholder" not in result.stdout


def test_a_short_quotation_about_someone_who_speaks_in_the_article_stays_a_quote(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        '"We deserved a point," said coach Ada Quill.\n\nQuill was “gutted” after the match.\n\n'
        "He was “very emotional” on the bus. It was, in her words, “a disgrace”.\n\n"
        "The club blamed “technical issues” for the delay.\n"))
    assert quote_texts(story) == ["We deserved a point", "gutted", "very emotional", "a disgrace", "technical issues"]


def test_words_a_relative_clause_says_people_call_something_are_a_name_a_term(tmp_path: Path) -> None:
    """"the embankment that residents call “the Long Wall”", "the line, which the company calls its “plant of the
    future”": the present "call" of a name in use, not words someone said once."""
    story = draft_article(tmp_path, (
        '"We will follow the water," said engineer Ada Quill.\n\n'
        "Water topped the embankment that residents call “the Long Wall” at Mill Street.\n\n"
        "Ben Cole said the new line, which the company calls its “plant of the future,” would open in May.\n\n"
        "The old quay, known locally as “the Steps”, was closed.\n\n"
        "The council voted for cycle lanes, a scheme the council calls its “green spine”.\n"))
    assert quote_texts(story) == ["We will follow the water"]
    assert term_texts(story) == ["the Long Wall", "plant of the future", "the Steps", "green spine"]


def test_words_someone_called_something_once_stay_a_quote(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        "Mayor Ada Quill spoke on Monday about the plan, which she called “a betrayal”.\n"))
    assert quote_texts(story) == ["a betrayal"]


def test_a_long_title_with_years_in_it_is_a_term(tmp_path: Path) -> None:
    story = draft_article(tmp_path, (
        "“We start too early,” Dr. Ana Ruiz said on Monday.\n\nThe study, “Later Bells, Longer Nights: School "
        "Start Times and Sleep, 2019-2024,” was carried out by researchers at Merriwether State University.\n"))
    assert term_texts(story) == ["Later Bells, Longer Nights: School Start Times and Sleep, 2019-2024"]
    assert quote_texts(story) == ["We start too early"]
