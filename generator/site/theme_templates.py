"""The theme's templates compiled once and kept, as the generator's own are (generator/pages/render.py).

MkDocs makes a new Jinja environment for every build and compiles the theme's templates again each time: about
half a second of every rebuild during a preview, and of every story of a desk. The compiled code is kept in
`.cache/theme-jinja`; Jinja compiles a template again whenever its source changes (an edit to the overrides).
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from ..content.project import cache_folder


@functools.cache
def theme_bytecode_cache(root: Path) -> jinja2.BytecodeCache | None:
    """The cache for the project at `root`; None where it cannot be written (the templates then compile as before)."""
    folder = cache_folder(root, "theme-jinja")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def with_kept_templates(env: jinja2.Environment, root: Path) -> jinja2.Environment:
    """MkDocs' `on_env`: the theme's environment, its compiled templates kept between builds."""
    env.bytecode_cache = theme_bytecode_cache(root.resolve())
    return env
