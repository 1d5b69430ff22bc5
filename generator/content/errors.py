"""Content problems carry their place, so every message reads `file:line:col: field: what is wrong`."""

from __future__ import annotations

from dataclasses import dataclass

import click

from .safety import for_message


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset into a text, as an editor counts them."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the content, located for the editor who must fix it."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{for_message(self.file)}:{self.line}:{self.column}"
        field, message = for_message(self.field), for_message(self.message)
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"


class ContentError(click.ClickException):
    """Raised once with every problem found, so an editor fixes them all in one pass."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(problem) for problem in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        return "\n".join(lines)

    def show(self, file=None) -> None:  # click prints "Error: " before a message; ours are already located
        click.echo(self.report(), err=True)


class OutputError(click.ClickException):
    """The output folder cannot be written safely (a hand-written page in the way, a path outside it)."""

    exit_code = 1


class ConfigError(click.ClickException):
    """mkdocs.yml or the desk is set up in a way the build cannot follow (a nav, no story named in a desk)."""

    exit_code = 1


class PageError(click.ClickException):
    """A built page that must not be published as it is: its head is not the theme's, or it holds a refresh,
    a <base> or a second policy that the build did not put there."""

    exit_code = 1
