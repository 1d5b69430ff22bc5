"""The field tables of docs/editing.md, written from the schema's descriptions so that the two cannot disagree.

    python -m generator.content.field_docs     # rewrite the tables in docs/editing.md after changing the schema
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .schema import Story

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "editing.md"
START = ("<!-- Generated from generator/content/schema.py by `python -m generator.content.field_docs`;"
         " edit the schema, not this. -->")
END = "<!-- End of the generated field tables. -->"


def _nested(info: FieldInfo) -> tuple[type[BaseModel], bool] | None:
    """The model a field holds, and whether it holds a list of them."""
    for argument in (info.annotation, *typing.get_args(info.annotation)):
        if isinstance(argument, type) and issubclass(argument, BaseModel):
            return argument, typing.get_origin(info.annotation) is list
    return None


def _literals(annotation: object) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    return [value for argument in typing.get_args(annotation) for value in _literals(argument)]


def _sections(model: type[BaseModel], path: str) -> Iterator[tuple[str, str, type[BaseModel]]]:
    """(path as editors write it, what it is, model) for every part of the story file."""
    for name, info in model.model_fields.items():
        nested = _nested(info)
        if nested is not None:
            inner, is_list = nested
            here = f"{path}.{name}" if path else name
            here += "[]" if is_list else ""
            yield here, info.description or "", inner
            yield from _sections(inner, here)


def _row(name: str, info: FieldInfo) -> str:
    text = (info.description or "").replace("|", "\\|")
    allowed = _literals(info.annotation)
    if allowed:
        text += " One of " + ", ".join(f"`{value}`" for value in allowed) + "."
    if not info.is_required() and info.default not in (None, [], False, ""):
        text += f" Default: `{info.default}`."
    return f"| `{name}`{' (required)' if info.is_required() else ''} | {text} |"


def _table(model: type[BaseModel]) -> list[str]:
    rows = [_row(name, info) for name, info in model.model_fields.items()]
    return ["| Field | What it holds |", "| --- | --- |", *rows]


def field_tables() -> str:
    """The Markdown of every field table, the story file's own first."""
    lines = ["### The story file", "", *_table(Story), ""]
    for path, what, model in _sections(Story, ""):
        lines += [f"### `{path}`", "", what, "", *_table(model), ""]
    return "\n".join(lines)


def with_field_tables(guide: str) -> str:
    """The guide with its generated part replaced by the tables the schema makes now."""
    before, rest = guide.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n\n{field_tables()}\n{END}{after}"


def main() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    GUIDE.write_text(with_field_tables(text), encoding="utf-8")


if __name__ == "__main__":
    main()
