"""The day a sentence gives as when something was said (generator/article/said_days.py), the rule `check` and `draft` share:
a weekday with the verb of saying, not one that dates what the sentence reports."""

from __future__ import annotations

import pytest

from generator.article.said_days import days_of_saying, no_day_of_saying, relative_day_of_saying
from generator.draft.attribution import Q


@pytest.mark.parametrize(("sentence", "day"), [
    ("NATO confirmed on Monday that troops had arrived.", "Monday"),
    ("Rutte told reporters Monday.", "Monday"),
    ("The party said in a statement on Monday it had seen serious shortcomings.", "Monday"),
    ("On Monday, the Kremlin said it would respond.", "Monday"),
    ("At a news conference on Monday, the minister said no.", "Monday"),
    ("Putin on Thursday did not deny that troops were in Russia.", "Thursday"),
    ("The commission said early on Monday that the party had won.", "Monday"),
    ("A spokesperson, Lena Haddaway, said on Sunday night that observers were invited.", "Sunday"),
    ("She told reporters outside the party's headquarters on Monday that observers were turned away.", "Monday"),
    (f"The minister called them {Q} at a news conference in Sarovan on Monday and said nothing more.", "Monday"),
    ("The inquiry will report by 28 June, councillors were told on Tuesday.", "Tuesday"),
    ("Teenagers sleep more, according to a study published Monday.", "Monday"),
    ("He told Monday’s meeting that the plan was late.", "Monday"),
    ("Speaking to reporters on Monday, the minister said no.", "Monday"),
])
def test_a_weekday_with_the_verb_of_saying_is_the_day_it_was_said(sentence: str, day: str) -> None:
    assert days_of_saying(sentence) == [day]


@pytest.mark.parametrize("sentence", [
    "The balloon mission did just that Saturday, Feb. 24, while flying high above Antarctica.",
    "The vote on Tuesday was close, officials said.",
    "She said the vote on Tuesday was close.",
    "The council voted on Tuesday, its chair said.",
    "The first ferry docked Tuesday, the council said.",
    "Cllr Ann Lee, who proposed the pilot at Monday’s meeting, said parents had asked for it.",
    "She said she had visited the site on Monday.",
    "The party said it would not accept the count from the election on Sunday.",
    "The council said it will reopen the library on Saturday.",
])
def test_a_weekday_that_dates_what_is_reported_is_not_the_day_it_was_said(sentence: str) -> None:
    assert days_of_saying(sentence) == []


def test_the_day_of_saying_is_read_in_both_directions_but_only_for_the_verbs_clause() -> None:
    sentence = "The party said on Monday it would not accept the count from the election on Sunday."
    assert days_of_saying(sentence) == ["Monday"]  # Sunday is the election's day


def test_today_and_yesterday_with_the_verb_of_saying_and_times_that_give_no_day() -> None:
    assert relative_day_of_saying("The projects that GSA announced yesterday.").offset == -1
    assert relative_day_of_saying("The council said today it would act.").offset == 0
    assert relative_day_of_saying("She said the bridge is safe today.") is None  # the bridge's day, not hers
    assert relative_day_of_saying("Speaking in Leeds yesterday, the minister, Harriet Vale, said no.").offset == -1
    assert no_day_of_saying("Board President Lydia Farrand said last week the board had 600 comments.") == "last week"
    assert no_day_of_saying("The board met last week, its president said.") is None
