"""Who "he" and "she" are in a draft: the last person named, but not one the article calls the other (by a title
such as Mrs or Mr, or by an earlier he or she), and the review marker says which it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.content.load import load_story
from generator.draft.drafting import draft_story

NOW = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)


def draft(tmp_path: Path, body: str) -> tuple[dict[str, str], str]:
    """The name of each quote's speaker by its words, and the story's text; the draft must pass check."""
    source = tmp_path / "article.txt"
    source.write_text(f"Headline\n\nTest Wire 2025-03-03T10:15:00+01:00\n\nPORTVALE: {body}\n", encoding="utf-8")
    draft_story(source, tmp_path / "draft", NOW)
    load_story(tmp_path / "draft")
    text = (tmp_path / "draft" / "story.yaml").read_text(encoding="utf-8")
    story = yaml.safe_load(text)
    names = {person["id"]: person["name"] for person in story["people"]}
    return {quote["text"]: names[quote["speaker"]] for quote in story["quotes"]}, text


def test_she_is_not_the_last_named_man_when_a_title_says_he_is_one(tmp_path: Path) -> None:
    speakers, text = draft(tmp_path, (
        "“We will rebuild,” said Mrs Ann Cole, who runs the bakery. Mr Tom Reed, the harbour master, said the quay "
        "would reopen in May.\n\n"
        "“I want to know who decided it could wait,” she said."
    ))
    assert speakers["I want to know who decided it could wait"] == "Ann Cole"
    assert "'she' taken to be Ann Cole, the last person named who is not called 'he'" in text
    assert "(Tom Reed is, in 'Mr Tom Reed')" in text


def test_an_earlier_he_about_someone_tells_who_a_later_she_is_not(tmp_path: Path) -> None:
    speakers, _ = draft(tmp_path, (
        "Ann Cole spoke first. “We will rebuild,” she said.\n\n"
        "Tom Reed, the harbour master, spoke next. “The quay reopens in May,” he said.\n\n"
        "“He is wrong,” Ann Cole said. Tom Reed shook his head. “Nobody asked us,” she added."
    ))
    assert speakers["Nobody asked us"] == "Ann Cole"


def test_the_marker_says_when_nothing_tells_he_or_she(tmp_path: Path) -> None:
    _, text = draft(tmp_path, "Sam Cole, the harbour master, spoke. “The quay reopens in May,” she said.")
    assert ("'she' taken to be Sam Cole, the last person named (the article calls them neither 'he' nor 'she' "
            "before)") in text


def test_she_after_a_name_mentioned_but_not_yet_quoted_is_that_person(tmp_path: Path) -> None:
    source_body = ("The inquiry is chaired by Dr Ingrid van der Linde, a hydrologist. She told the committee that "
                   "her panel would take evidence in public.")
    _, text = draft(tmp_path, source_body)
    statements = yaml.safe_load(text)["statements"]
    people = {person["id"]: person["name"] for person in yaml.safe_load(text)["people"]}
    assert [people[each["speaker"]] for each in statements] == ["Ingrid van der Linde"]
    assert "'She' taken to be Ingrid van der Linde, the last person named (the article calls" in text


def test_she_after_a_spokeswoman_for_an_organisation_is_the_organisation(tmp_path: Path) -> None:
    speakers, text = draft(tmp_path, (
        "Northshire Valley NHS Trust has apologised, the trust said on Tuesday.\n\n"
        "A spokeswoman for the trust said the records had been recovered. “We are deeply sorry,” she said."
    ))
    assert speakers == {"We are deeply sorry": "Northshire Valley NHS Trust"}
    assert "'she' taken to be Northshire Valley NHS Trust, no person being named before" in text


def test_he_after_a_sentence_opening_with_a_title_in_lower_case_and_a_name_is_that_person(tmp_path: Path) -> None:
    speakers, _ = draft(tmp_path, (
        "“They never stopped running,” said Rovers manager Sarah Booth.\n\n"
        "United boss Gareth Lyle defended his goalkeeper. “Lewis has won us plenty of points,” he said."
    ))
    assert speakers["Lewis has won us plenty of points"] == "Gareth Lyle"
