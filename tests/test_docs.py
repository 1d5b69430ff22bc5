"""Every content field and every command is documented where editors and maintainers look."""

from __future__ import annotations

from conftest import ROOT
from pydantic import BaseModel

from generator import schema
from generator.cli import main

GUIDE = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_content_field_is_in_the_editing_guide() -> None:
    models = [v for v in vars(schema).values() if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == schema.__name__]
    missing = sorted({name for model in models for name in model.model_fields if f"`{name}`" not in GUIDE})
    assert not missing


def test_every_status_is_in_the_editing_guide() -> None:
    assert all(f"`{status}`" in GUIDE for status in schema.STATUS_WORDS)


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in main.commands if f"python -m generator {name}" not in README]
    assert not missing


def test_the_readme_gives_the_two_setup_commands() -> None:
    assert "make serve" in README and "make test" in README
