"""Every content field and every command is documented where editors and maintainers look."""

from __future__ import annotations

import typing
from pathlib import Path

from conftest import ROOT
from pydantic import BaseModel

from generator.cli import main
from generator.content import schema
from generator.content.field_docs import with_field_tables
from generator.content.scaffold import story_yaml

GUIDE = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_content_field_is_in_the_editing_guide() -> None:
    models = [v for v in vars(schema).values() if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == schema.__name__]
    missing = sorted({name for model in models for name in model.model_fields if f"`{name}`" not in GUIDE})
    assert not missing


def test_every_content_field_has_a_description() -> None:
    models = [v for v in vars(schema).values() if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == schema.__name__]
    undescribed = sorted(f"{model.__name__}.{name}" for model in models for name, info in model.model_fields.items()
                         if not (info.description or "").strip())
    assert not undescribed


def test_the_editing_guide_field_tables_are_the_schema_s() -> None:
    assert with_field_tables(GUIDE) == GUIDE, "the field tables differ from the schema; run python -m generator.content.field_docs"


def test_every_status_is_in_the_editing_guide() -> None:
    assert all(f"`{status}`" in GUIDE for status in schema.STATUS_WORDS)


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in main.commands if f"python -m generator {name}" not in README]
    assert not missing


def test_the_readme_gives_the_two_setup_commands() -> None:
    assert "make serve" in README and "make test" in README


def test_a_new_story_describes_every_section_and_field_from_the_schema() -> None:
    text = story_yaml(Path("stories/new"), "2025-01-01T09:00:00+00:00")
    for name, info in schema.Story.model_fields.items():
        line = next((line for line in text.splitlines() if line.startswith((f"{name}:", f"# {name}:"))), "")
        assert info.description and info.description in line, name
        item = _item_model(info.annotation)
        if item is not None and name not in ("meta", "site", "article"):  # these are written out, field by field
            assert "{" + ", ".join(item.model_fields) + "}" in line, name
    models = {"meta": schema.Meta, "site": schema.SiteSettings, "article": schema.Article}
    section = ""
    for line in text.splitlines():
        if not line.startswith(" ") and ":" in line:
            section = line.split(":", 1)[0]
        elif section in models and line.strip():
            field, comment = line.split(":", 1)[0].strip(), line.rsplit(" # ", 1)[1]
            assert comment == models[section].model_fields[field].description, line


def _item_model(annotation: object) -> type[BaseModel] | None:
    """The model a field holds (a list's items, or an optional model), if any."""
    return next((argument for argument in (*typing.get_args(annotation), annotation)
                 if isinstance(argument, type) and issubclass(argument, BaseModel)), None)
