"""Counting the work a step does, to tell a linear path from a quadratic one without timing it."""

from __future__ import annotations

from collections.abc import Callable


class CountingList(list):
    """A list that counts the items handed out by iteration, to tell linear from quadratic rendering."""

    handed_out = 0

    def __iter__(self):
        for item in super().__iter__():
            CountingList.handed_out += 1
            yield item


def counted(function: Callable, calls: list[int]) -> Callable:
    """`function`, adding one to `calls[0]` at each call."""
    def counting(*args, **kwargs):
        calls[0] += 1
        return function(*args, **kwargs)
    return counting
