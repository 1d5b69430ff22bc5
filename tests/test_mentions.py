"""How pages name people: in full at first mention, by a short name after (generator/pages/introductions.py)."""

from __future__ import annotations

import pytest

from generator.content.schema import Entity
from generator.pages.introductions import Mentions, apposition, short_name


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


@pytest.mark.parametrize(("fields", "described"), [
    ({"role": "Secretary General of NATO"}, "the Secretary General of NATO"),
    ({"role": "The Russian presidency", "kind": "organisation"}, "the Russian presidency"),
    ({"role": "Head of Millbrook central library"}, "the head of Millbrook central library"),
    ({"role": "Ingenuity project manager"}, "the Ingenuity project manager"),
    ({"role": "Hydrologist"}, "a hydrologist"),
    ({"role": "Island councillor"}, "an island councillor"),
    ({"role": "Captain", "affiliation": "Kestrel Town"}, "the captain of Kestrel Town"),
    ({"role": "Runs the ferry service"}, "who runs the ferry service"),
    ({"role": "Runs the district’s buses", "kind": "organisation"}, "which runs the district’s buses"),
    ({"role": "Ukraine's military intelligence service"}, "Ukraine's military intelligence service"),
    ({"role": "NASA Administrator"}, "NASA Administrator"),
    ({"role": "First Deputy Director of the service; led the delegation"}, "the First Deputy Director of the service"),
    ({}, None),
])
def test_a_role_reads_after_a_name_and_a_comma(fields: dict, described: str | None) -> None:
    person = entity("Ada Quill", **{"kind": "person", **fields})
    common = {"head", "hydrologist", "island", "captain", "councillor"}
    assert apposition(person, common) == described


def test_a_page_names_each_person_in_full_with_their_role_first_and_by_surname_after() -> None:
    beale = entity("Tom Beale", role="Councillor who leads on finance")
    beale = beale.model_copy(update={"id": "beale"})
    mention = Mentions([beale], {"councillor"})
    assert mention.text("Beale said the council had looked at every option.") == (
        "Tom Beale, the councillor who leads on finance, said the council had looked at every option.")
    assert mention.text("Beale told the meeting.") == "Beale told the meeting."
    assert mention.name("beale") == ("Beale", None)


def test_a_role_goes_only_where_a_name_opens_a_clause_and_never_inside_a_quote_or_another_name() -> None:
    fenwick = entity("Gemma Fenwick", role="Owner").model_copy(update={"id": "fenwick"})
    assert Mentions([fenwick], (), ["Fenwick’s Bakery"]).text("Fenwick's Bakery keeps its ovens.") == \
        "Fenwick's Bakery keeps its ovens."
    assert Mentions([fenwick]).text("“Ask Fenwick,” he said. The committee backed Fenwick.") == \
        "“Ask Fenwick,” he said. The committee backed Gemma Fenwick."
    assert Mentions([fenwick]).text("Fenwick's ovens stay.") == "Gemma Fenwick's ovens stay."
    first = Mentions([fenwick], {"owner"})
    assert first.name("fenwick") == ("Gemma Fenwick", "the owner")


def test_a_role_that_restates_the_name_is_left_out() -> None:
    intelligence = entity("Ukrainian military intelligence", kind="organisation",
                          role="Ukraine's military intelligence service")
    assert apposition(intelligence) is None


def test_a_surname_with_a_particle_is_found_where_it_opens_a_sentence() -> None:
    rhys = entity("Aled ap Rhys-Morgan", role="Council leader").model_copy(update={"id": "rhys"})
    assert Mentions([rhys], {"council", "leader"}).text("Ap Rhys-Morgan said the council would help.") == (
        "Aled ap Rhys-Morgan, the council leader, said the council would help.")


@pytest.mark.parametrize(("role", "british", "ap"), [
    ("Secretary General of NATO", "the Secretary General of NATO", "the secretary general of NATO"),
    ("Deputy Pentagon Press Secretary", "the Deputy Pentagon Press Secretary", "the deputy Pentagon press secretary"),
    ("NASA Administrator", "NASA Administrator", "NASA administrator"),
    # A title that only describes is a common noun in either style: "the Councillor who leads on finance" was not.
    ("Councillor who leads on finance", "the councillor who leads on finance", "the councillor who leads on finance"),
    ("Councillor (Ind)", "a councillor (Ind)", "a councillor (Ind)"),
])
def test_a_title_after_a_name_is_lowered_where_the_house_style_lowers_it(role: str, british: str, ap: str) -> None:
    person = entity("Ada Quill", role=role)
    assert (apposition(person), apposition(person, lower_titles=True)) == (british, ap)
