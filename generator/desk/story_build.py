"""One story of a desk built by MkDocs in this process, as `mkdocs build --strict` would build it with STORY set.

Each story is a build of its own, with its own config, site folder, nav, search index, sitemap and 404 page, so
nothing of one story can reach another's files. The story hook (generator/engines/mkdocs_hooks.py) gives it its
address (<desk address><slug>/) and its identity.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from ..content.errors import ConfigError
from ..content.project import CONFIG_FILE
from ..engines.mkdocs_build import Builds
from ..generate import Site

HOOK_FILE = "generator/engines/mkdocs_hooks.py"


class StoryBuildError(Exception):
    """A story that did not build; its problems were logged as MkDocs logs them."""


def story_config(root: Path, site_dir: Path, builds: Builds, site_url: str | None = None) -> MkDocsConfig:
    """mkdocs.yml as MkDocs reads it, building into `site_dir`, with the story hook keeping its state in `builds`.
    `site_url` is the desk's address, if not mkdocs.yml's; the hook puts the story under it. Strict but in serve.

    MkDocs imports a hook file once per process and hands the same module to every config after that, so the
    hook's state (its Builds) is set here for each story: one story's last good pages are never another's.
    """
    config = load_config(str(root / CONFIG_FILE), site_dir=str(site_dir), strict=builds.command != "serve",
                         site_url=site_url)
    hook = story_hook(config)
    hook.builds = builds  # type: ignore[attr-defined]
    return config


def story_hook(config: MkDocsConfig) -> ModuleType:
    """The story hook module MkDocs loaded from mkdocs.yml's `hooks:`."""
    for name, module in (config.hooks or {}).items():  # type: ignore[union-attr]
        if Path(name).as_posix().endswith(HOOK_FILE):
            return module
    raise ConfigError(f"{CONFIG_FILE} has no `hooks: [{HOOK_FILE}]`: the stories' pages come from that hook")


def build_story(root: Path, folder: Path, site_dir: Path, builds: Builds | None = None,
                site_url: str | None = None) -> Site:
    """Build the story in `folder` into `site_dir` (emptied first); raises StoryBuildError when it fails, strict
    mode's warnings included. Returns the story's generated site: in serve (`builds` started for it), the last
    good one or an error page when the story has mistakes."""
    builds = builds or Builds(story=folder)
    try:
        build(story_config(root, site_dir, builds, site_url))
    except Abort as error:
        raise StoryBuildError(str(error)) from None
    assert builds.current is not None, "a built story has its site"
    return builds.current
