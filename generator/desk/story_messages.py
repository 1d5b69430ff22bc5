"""MkDocs' messages while a desk builds, each after the name of the story it is about, as `[slug] WARNING - …`.

MkDocs logs through Python's logging; its own command line sets the handler that prints them, which a build run
in this process does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class StoryName:
    """The story being built; messages logged meanwhile name it."""

    def __init__(self) -> None:
        self.name = ""


class _StoryFormatter(logging.Formatter):
    def __init__(self, story: StoryName) -> None:
        super().__init__()
        self.story = story

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"[{self.story.name}] " if self.story.name else ""
        return f"{prefix}{record.levelname} - {record.getMessage()}"


def _not_routine(record: logging.LogRecord) -> bool:
    """MkDocs says where it builds each story at INFO; with a desk of stories that is noise."""
    return record.levelno > logging.INFO or record.name != "mkdocs.commands.build"


@contextmanager
def story_messages(level: int = logging.WARNING) -> Iterator[StoryName]:
    """Print MkDocs' messages of `level` and above on stderr, each naming the story being built."""
    story = StoryName()
    handler = logging.StreamHandler()
    handler.setFormatter(_StoryFormatter(story))
    handler.addFilter(_not_routine)
    handler.setLevel(level)
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.level or level))
    try:
        yield story
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
