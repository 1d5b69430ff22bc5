"""A published or updated stamp still to come (year 9999, or a day after tomorrow) would keep a story first on the
desk's front page and atop its feed: `check` refuses it with its place, allowing a day for another machine's clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import SECOND_STORY
from tools.cli import run_cli
from tools.edits import copy_story, edit

STILL_TO_COME = "a stamp in the future would keep the story at the top of the desk's front page and its feed"


def story(tmp_path: Path) -> Path:
    return copy_story(SECOND_STORY, tmp_path / "story")


def test_a_story_published_in_the_year_9999_fails_check_at_its_line(tmp_path: Path) -> None:
    folder = story(tmp_path)
    line = edit(folder, "  published: 2025-03-04T08:00:00+01:00\n", "  published: 9999-03-04T08:00:00+01:00\n")
    result = run_cli("check", str(folder))
    assert result.code == 1
    assert any(each.startswith(f"{folder / 'story.yaml'}:{line}:3: meta.published: 9999-03-04T08:00:00+01:00 is still "
                               "to come (it is ") and each.endswith(f"{STILL_TO_COME}: give the time it was published "
                                                                    "or changed")
               for each in result.stderr.splitlines()), result.stderr


def test_an_update_logged_two_days_ahead_fails_check_and_one_within_a_day_passes(tmp_path: Path) -> None:
    folder = story(tmp_path)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ahead = (now + dt.timedelta(days=2)).isoformat()
    line = edit(folder, "  - date: 2025-03-05T09:30:00+01:00\n", f"  - date: {ahead}\n")
    result = run_cli("check", str(folder))
    assert result.code == 1
    assert f"story.yaml:{line}:5: changes[1].date: {ahead} is still to come" in result.stderr, result.stderr
    edit(folder, f"  - date: {ahead}\n", f"  - date: {(now + dt.timedelta(hours=12)).isoformat()}\n")
    assert run_cli("check", str(folder)).code == 0
