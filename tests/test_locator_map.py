"""The locator map and its close-up: the committed SVGs say in words what they show, the script reproduces them
byte for byte, and a mistake in the `map:` block is reported with its place in story.yaml.

The drawing tests need the Natural Earth outlines from node_modules/ (`make node_modules/.installed`). Without
them they skip on a developer's machine and fail in CI (CI=true), so a missing install step cannot pass unnoticed.
"""

from __future__ import annotations

import copy
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import draw_locator_map
import pytest
import yaml
from conftest import CONTENT, ROOT
from locator_map.content import MapSpecError
from locator_map.draw import draw_locator_map as draw
from locator_map.naturalearth import NaturalEarth

from generator.content.map_files import DATA_CREDIT
from generator.content.schema import LocatorMap

SVG_NS = "{http://www.w3.org/2000/svg}"
STORY = CONTENT / "story.yaml"
SVG = CONTENT / "locator-map.svg"
CLOSE_UP = CONTENT / "locator-map-close-up.svg"


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(STORY.read_text(encoding="utf-8"))["map"]


@pytest.fixture(scope="module")
def natural_earth() -> NaturalEarth:
    data = NaturalEarth(Path(os.environ.get("LOCATOR_MAP_DATA") or ROOT / "node_modules"))
    if data.missing_files():
        message = f"Natural Earth map data missing: {data.missing_files()} (run make node_modules/.installed)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return data


def test_committed_svg_has_the_specs_title_and_description(spec: dict) -> None:
    root = ET.fromstring(SVG.read_bytes())
    assert root.get("role") == "img"
    labelled_by = root.get("aria-labelledby", "").split()
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert [by_id[i].tag for i in labelled_by] == [SVG_NS + "title", SVG_NS + "desc"]
    assert root.find(SVG_NS + "title").text == spec["title"]
    assert root.find(SVG_NS + "desc").text == spec["description"]


def test_committed_svg_labels_the_shading_in_words_and_credits_the_data(spec: dict) -> None:
    texts = [el.text for el in ET.fromstring(SVG.read_bytes()).iter(SVG_NS + "text")]
    for highlight in spec["highlight"]:
        assert any(t and t.startswith(f"{highlight['region']} region") for t in texts)
    for place in spec["places"]:
        assert place in texts
    credit = [t for t in texts if t and ("Natural Earth" in t or "naturalearthdata.com" in t)]
    assert " ".join(credit) == DATA_CREDIT
    assert SVG.stat().st_size < 150_000


def test_the_committed_close_up_has_its_own_title_description_key_and_credit(spec: dict) -> None:
    root = ET.fromstring(CLOSE_UP.read_bytes())
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert root.get("role") == "img"
    assert [by_id[i].tag for i in root.get("aria-labelledby", "").split()] == [SVG_NS + "title", SVG_NS + "desc"]
    assert root.find(SVG_NS + "title").text == f"{spec['title']}: close-up"
    assert root.find(SVG_NS + "desc").text == (
        "A close-up of Russia's Kursk region, shaded. Across the border from it lies Ukraine's Sumy region. "
        "The border between Russia and Ukraine is drawn as a thick line.")
    texts = [el.text for el in root.iter(SVG_NS + "text")]
    assert "Kursk region, Russia" in texts and "Border between Russia and Ukraine" in texts
    assert "Kursk region" in texts and "Sumy region" in texts
    assert " ".join(t for t in texts if "Natural Earth" in t or "naturalearthdata.com" in t) == DATA_CREDIT
    assert root.get("width") == "440" and CLOSE_UP.stat().st_size < SVG.stat().st_size / 2


def test_redrawing_from_the_spec_reproduces_the_committed_svgs(spec: dict, natural_earth: NaturalEarth) -> None:
    drawn = draw(LocatorMap.model_validate(spec), natural_earth)
    assert list(drawn) == [SVG.name, CLOSE_UP.name]
    assert drawn[SVG.name].encode("utf-8") == SVG.read_bytes()
    assert drawn[CLOSE_UP.name].encode("utf-8") == CLOSE_UP.read_bytes()


def test_the_script_writes_the_close_up_beside_the_map_and_removes_one_a_map_no_longer_has(
        tmp_path: Path, natural_earth: NaturalEarth, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.yaml").write_text(MAP_BLOCK, encoding="utf-8")
    assert draw_locator_map.main([str(tmp_path)]) == 0
    assert (tmp_path / "locator-map.svg").is_file() and (tmp_path / "locator-map-close-up.svg").is_file()
    (tmp_path / "story.yaml").write_text(MAP_BLOCK.split("  highlight:")[0], encoding="utf-8")
    assert draw_locator_map.main([str(tmp_path)]) == 0
    assert (tmp_path / "locator-map.svg").is_file() and not (tmp_path / "locator-map-close-up.svg").exists()
    assert "removed" in capsys.readouterr().out


def test_the_script_replaces_a_link_in_the_close_ups_place_instead_of_writing_through_it(
        tmp_path: Path, natural_earth: NaturalEarth) -> None:
    story, elsewhere = tmp_path / "story", tmp_path / "elsewhere.txt"
    story.mkdir()
    elsewhere.write_text("not a map\n", encoding="utf-8")
    (story / "story.yaml").write_text(MAP_BLOCK, encoding="utf-8")
    (story / "locator-map-close-up.svg").symlink_to(elsewhere)
    assert draw_locator_map.main([str(story)]) == 0
    assert elsewhere.read_text(encoding="utf-8") == "not a map\n"
    assert not (story / "locator-map-close-up.svg").is_symlink()
    assert (story / "locator-map-close-up.svg").read_text(encoding="utf-8").startswith("<svg ")


@pytest.mark.parametrize(("field", "value", "loc", "named"), [
    ("places", ["Moscow", "Atlantis City"], ("places", 1), "Atlantis City"),
    ("highlight", [{"country": "RUS", "region": "Atlantis Oblast"}], ("highlight", 0, "region"), "Atlantis Oblast"),
    ("highlight", [{"country": "XXZ", "region": "Kursk"}], ("highlight", 0, "country"), "XXZ"),
    ("emphasise_border", ["RUS", "XXZ"], ("emphasise_border",), "XXZ"),
])
def test_unknown_names_are_named_with_their_field(spec: dict, natural_earth: NaturalEarth, field: str,
                                                  value: object, loc: tuple, named: str) -> None:
    broken = copy.deepcopy(spec)
    broken[field] = value
    with pytest.raises(MapSpecError, match=named) as raised:
        draw(LocatorMap.model_validate(broken), natural_earth)
    assert [problem_loc for problem_loc, _ in raised.value.problems] == [loc]


MAP_BLOCK = """\
meta: {}
map:
  title: Where Kursk region is
  description: A test map.
  places: [Moscow, Kyiv]
  highlight:
    - {country: RUS, region: Kursk}
"""


@pytest.mark.parametrize(("change", "expected"), [
    (("Kyiv]", "Atlantis City]"), "story.yaml:5:20: map.places[1]: place 'Atlantis City' not found in Natural Earth populated places"),
    (("region: Kursk", "region: Kursck"),
     "story.yaml:7:22: map.highlight[0].region: region 'Kursck' not found among the admin-1 regions of RUS"),
    (("  places:", "  extent: [30, 50]\n  places:"), "story.yaml:5:3: map.extent: List should have at least 4 items"),
])
def test_script_reports_map_mistakes_with_their_place_and_writes_nothing(
        tmp_path: Path, natural_earth: NaturalEarth, capsys: pytest.CaptureFixture[str],
        change: tuple[str, str], expected: str) -> None:
    (tmp_path / "story.yaml").write_text(MAP_BLOCK.replace(*change), encoding="utf-8")
    assert draw_locator_map.main([str(tmp_path)]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert any(expected in line for line in errors), errors
    assert errors[-1] == "1 problem found; nothing was written."
    assert not (tmp_path / "locator-map.svg").exists() and not (tmp_path / "locator-map-close-up.svg").exists()
