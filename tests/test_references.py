"""Every reference field the schema declares resolves: a misspelt id in any of them is a located error with a guess."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, SECOND_STORY

from generator.content.errors import ContentError
from generator.content.load import load_story
from generator.content.schema import SENTENCES, RefersTo, Story, dotted, identified_sections, reference_fields
from generator.content.yamlfile import load_yaml

BASE = load_yaml(SECOND_STORY / "story.yaml", "story.yaml")[0].data
# Sections the small fixture story leaves out are borrowed from the real story, to hold the misspelt id; terms from a
# corpus story that lists one, and a further source written here, with its text file.
BORROWED = load_yaml(CONTENT / "story.yaml", "story.yaml")[0].data
FURTHER_SOURCE = {"id": "council-statement", "kind": "statement", "outlet": "Portvale harbour council",
                  "date": "2025-03-03", "url": "https://example.org/portvale/statement"}
BORROWED_ELSEWHERE = {
    "sources": [FURTHER_SOURCE],
    "terms": load_yaml(ROOT / "tests" / "corpus" / "nasa-ingenuity-ends" / "story.yaml", "story.yaml")[0].data["terms"],
}
FIELDS = list(reference_fields())


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def _a_valid_id(marker: RefersTo) -> str:
    if marker.section == SENTENCES:
        return "p3.s1"
    return (BASE.get(marker.section) or _borrowed(marker.section))[0]["id"]


def _borrowed(section: str) -> list:
    return BORROWED_ELSEWHERE[section] if section in BORROWED_ELSEWHERE else BORROWED[section]


def _misspelt(valid: str) -> str:
    return valid + "1" if valid.startswith("p") and ".s" in valid else valid[:-1]


def test_the_schema_declares_references_in_every_section_that_has_them() -> None:
    sections = {path[0] for path, _ in FIELDS}
    assert {"takeaways", "questions", "unknowns", "people", "quotes", "statements", "reactions", "timeline"} <= sections


def test_every_reference_points_into_a_section_with_ids() -> None:
    story = Story.model_validate(BASE)
    with_ids = {section for section, _ in identified_sections(story)} | {SENTENCES}
    assert {marker.section for _, marker in FIELDS} <= with_ids


@pytest.mark.parametrize(("path", "marker"), FIELDS, ids=[".".join(path).replace(".*", "[]") for path, _ in FIELDS])
def test_a_misspelt_reference_is_located_with_a_guess(tmp_path: Path, path: tuple, marker: RefersTo) -> None:
    valid = _a_valid_id(marker)
    wrong = _misspelt(valid)
    is_list = path[-1] == "*"
    *parents, field = path[:-1] if is_list else path
    data = copy.deepcopy(BASE)
    for section in (path[0], marker.section):
        if section != SENTENCES and not data.get(section):
            data[section] = copy.deepcopy(_borrowed(section))
    target = data
    loc: list[str | int] = []
    for part in parents:
        key: str | int = 0 if part == "*" else part  # the section's first item
        target = target[key]
        loc.append(key)
    target[field] = [wrong] if is_list else wrong
    loc += [field, 0] if is_list else [field]

    folder = tmp_path / "story"
    shutil.copytree(SECOND_STORY, folder)
    if "sources" in data:
        (folder / "council-statement.txt").write_text("The northern pier will reopen.\n", encoding="utf-8")
    text = yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True)
    (folder / "story.yaml").write_text(text, encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), 1)
                if re.search(rf"(?<![\w.-]){re.escape(wrong)}(?![\w.-])", content))

    with pytest.raises(ContentError) as raised:
        load_story(folder)
    messages = [str(problem) for problem in raised.value.problems]
    pattern = (rf"{re.escape(str(folder / 'story.yaml'))}:{line}:\d+: {re.escape(dotted(tuple(loc)))}: "
               rf"no {marker.noun}.* '{re.escape(wrong)}'.*; did you mean '{re.escape(valid)}'\?")
    assert any(re.fullmatch(pattern, message) for message in messages), messages
