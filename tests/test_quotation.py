"""Finding quoted passages in any style of quotation marks, and reporting marks left unbalanced."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from generator.article.quotation import find_quotations
from generator.content.partial_dates import PartialDate
from generator.content.schema import Event


def passages(text: str) -> list[str]:
    return [passage.text for passage in find_quotations(text).passages]


@pytest.mark.parametrize(("text", "expected"), [
    ("“Curly,” she said.", ["Curly,"]),
    ('"Straight," she said. "Twice."', ["Straight,", "Twice."]),
    ('He said: "We told them \'no\' twice."', ["We told them 'no' twice."]),
    ("He said: “We told them ‘no’ twice.”", ["We told them ‘no’ twice."]),
    ("The troops' commander said the town's mayor didn't know.", []),
    ("Residents' groups said “it's the owners' fault”.", ["it's the owners' fault"]),
    ("(\"Bracketed\") and —\"after a dash\"", ["Bracketed", "after a dash"]),
    ('“He wrote "no" twice,” she said.', ['He wrote "no" twice,']),
])
def test_passages_in_any_style(text: str, expected: list[str]) -> None:
    found = find_quotations(text)
    assert [p.text for p in found.passages] == expected
    assert not found.unbalanced
    assert all(text[p.start : p.start + len(p.text)] == p.text for p in found.passages)


@pytest.mark.parametrize("mark", ["“", '"'])
def test_a_quotation_over_paragraphs_is_one_passage_per_paragraph(mark: str) -> None:
    close = "”" if mark == "“" else '"'
    text = f"Intro.\n\n{mark}First part.\n\n{mark}Second part.\n\n{mark}Last part,{close} she said.\n"
    found = find_quotations(text)
    assert [p.text for p in found.passages] == ["First part.", "Second part.", "Last part,"]
    assert [p.continued for p in found.passages] == [True, True, True]
    joined = [f"First part.\n\n{mark}Second part.\n\n{mark}Last part,"] if mark == "“" else \
        ["First part.", "Second part.", "Last part,"]
    assert [p.text for p in found.whole(text)] == joined
    assert not found.unbalanced
    assert [p.continued for p in find_quotations(f"{mark}One.{close} {mark}Two.{close}").passages] == [False, False]


@pytest.mark.parametrize(("text", "where", "says"), [
    ("Intro.\n\n“Never closed.\n\nPlain text after.", "“Never", "never closed"),
    ("Intro.\n\n“Never closed at the end.", "“Never", "never closed"),
    ("Nothing opened here” at all.", "” at", "no opening mark"),
    ("A stray mark here\" then text.", '" then', "no opening mark"),
    ("“One “two” three.", "“One", "not closed before the next"),
])
def test_an_unbalanced_mark_is_reported_at_its_place(text: str, where: str, says: str) -> None:
    found = find_quotations(text)
    assert [mark.offset for mark in found.unbalanced] == [text.index(where)]
    assert says in found.unbalanced[0].message


@pytest.mark.parametrize(("value", "shown", "iso"), [
    (2019, "2019", "2019"),
    ("2019", "2019", "2019"),
    ("2024-08", "August 2024", "2024-08"),
    ("2024-08-06", "6 August 2024", "2024-08-06"),
    (dt.date(2024, 8, 6), "6 August 2024", "2024-08-06"),
])
def test_a_partial_date_is_read_from_each_yaml_form(value: object, shown: str, iso: str) -> None:
    date = PartialDate.parse(value)
    assert (date.long(), date.isoformat()) == (shown, iso)


@pytest.mark.parametrize("value", [0, -5, "2024-13", "2024-02-30", "24-08", "August", True, 2024.5, None])
def test_a_date_that_is_not_a_year_month_or_day_is_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        Event.model_validate({"id": "x", "text": "x", "basis": "article", "date": value})


def test_a_partial_date_sorts_before_the_full_dates_in_its_span() -> None:
    dates = [PartialDate.parse(v) for v in ["2024-08-06", "2024-08", "2024", "2019", "2024-08-01", "2023-12-31"]]
    assert [d.isoformat() for d in sorted(dates)] == ["2019", "2023-12-31", "2024", "2024-08", "2024-08-01",
                                                      "2024-08-06"]
