"""Settings the MkDocs hook and the command line share, so that both make the same site from the same story."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from .desk_layout import STORIES_FOLDER, desk_stories, is_desk
from .errors import ConfigError

STORY_ENV = "STORY"
DEFAULT_STORY = "content"
CONFIG_FILE = "mkdocs.yml"
DEFAULT_SITE_NAME = "Explainer"  # only when there is no mkdocs.yml to take the name from


class _PlainLoader(yaml.SafeLoader):
    """Safe YAML in which a `!!python/...` tag (Material's emoji functions) comes back as its bare value: the
    generator needs only plain settings, and reading them must import nothing."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_PlainLoader.add_multi_constructor("!", _untagged)  # a tag MkDocs resolves only while it builds (!relative)
_PlainLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def read_config_file(path: Path) -> dict:
    """A MkDocs config's values as MkDocs reads them: its own loader resolves `!ENV` and `INHERIT`."""
    with path.open("rb") as file:
        return yaml_load(file, get_yaml_loader(_PlainLoader))


def read_config(root: Path) -> dict:
    """mkdocs.yml's settings as MkDocs would read them (empty when there is none or it is not YAML)."""
    try:
        return read_config_file(root / CONFIG_FILE)
    except (OSError, ConfigurationError):
        return {}


def story_folder(root: Path, configured: str | None = None) -> Path:
    """STORY=DIR from the environment, else `extra.story` of mkdocs.yml, else content; relative to `root`.

    `configured` is `extra.story` when MkDocs has already read the config; otherwise it is read here. A desk
    (generator/content/desk_layout.py) has no one story to fall back on: ConfigError names its stories.
    """
    if configured is None:
        extra = read_config(root).get("extra")
        configured = extra.get("story") if isinstance(extra, dict) else None
    chosen = os.environ.get(STORY_ENV) or configured
    if not chosen and is_desk(root) and not (root / DEFAULT_STORY).is_dir():
        slugs = ", ".join(folder.name for folder in desk_stories(root)) or "none yet"
        raise ConfigError(f"{root / STORIES_FOLDER} holds a desk of stories ({slugs}): name one with "
                          f"STORY={STORIES_FOLDER}/<slug>, or build them all with `make build` "
                          "(python -m generator desk-build)")
    return root / (chosen or DEFAULT_STORY)


def story_folders(root: Path) -> list[Path]:
    """The stories a command runs on when none is named: STORY, else every story of a desk, else the story."""
    if not os.environ.get(STORY_ENV) and is_desk(root) and desk_stories(root):
        return [folder.relative_to(root) if not root.is_absolute() else folder for folder in desk_stories(root)]
    return [story_folder(root)]


def site_name(root: Path) -> str:
    """mkdocs.yml's site_name: only a placeholder, since each story names its own site (generator/pages/identity.py)."""
    name = read_config(root).get("site_name")
    return name if isinstance(name, str) and name.strip() else DEFAULT_SITE_NAME


def cache_folder(root: Path, name: str) -> Path:
    """`.cache/<name>` in the project: share-images, jinja (deleting them only costs time), keys (manifest.py)."""
    return root / ".cache" / name


def project_root(start: Path) -> Path | None:
    """The nearest folder from `start` up that holds mkdocs.yml or .git: the repository pull requests change."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / CONFIG_FILE).exists() or (folder / ".git").exists():
            return folder
    return None
