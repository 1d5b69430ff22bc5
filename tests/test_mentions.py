"""How pages name people: in full at first mention, by a short name after (generator/mentions.py)."""

from __future__ import annotations

import pytest

from generator.mentions import short_name
from generator.schema import Entity


def entity(name: str, kind: str = "person", **fields: object) -> Entity:
    return Entity.model_validate({"id": "x", "name": name, "kind": kind, **fields})


@pytest.mark.parametrize(("name", "short"), [
    ("Mark Rutte", "Rutte"),
    ("Dana R. Whitcombe", "Whitcombe"),
    ("J.P. Okonjo", "Okonjo"),
    ("Ingrid van der Linde", "van der Linde"),
    ("Rosa de la Cruz", "de la Cruz"),
    ("Aled ap Rhys-Morgan", "ap Rhys-Morgan"),
    ("Máire Ní Fhlatharta", "Ní Fhlatharta"),
    ("Dermot Mac Giolla Rua", "Mac Giolla Rua"),
    ("Karen St. Germain", "St. Germain"),
    ("Lorraine St. Clair-Duvall", "St. Clair-Duvall"),
    ("Conrad C. Lautenbacher, Jr.", "Lautenbacher"),
    ("Margaret O’Connell-Hayes", "O’Connell-Hayes"),
    ("A North Korean foreign ministry official", "A North Korean foreign ministry official"),
])
def test_a_person_is_named_after_the_first_mention_by_surname(name: str, short: str) -> None:
    assert short_name(entity(name)) == short


def test_a_story_may_give_the_short_name_and_an_organisation_keeps_its_name() -> None:
    assert short_name(entity("Kim Jong Un", short_name="Kim")) == "Kim"
    assert short_name(entity("Northwind Assembly", kind="organisation")) == "Northwind Assembly"
