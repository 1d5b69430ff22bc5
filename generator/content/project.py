"""Settings the MkDocs hook and the command line share, so that both make the same site from the same story."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

STORY_ENV = "STORY"
DEFAULT_STORY = "content"
CONFIG_FILE = "mkdocs.yml"
DEFAULT_SITE_NAME = "Explainer"  # only when there is no mkdocs.yml to take the name from


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain values; tags such as `!ENV` and `!!python/name` come back as their bare values."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _untagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def _config(root: Path) -> dict:
    try:
        data = yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def story_folder(root: Path, configured: str | None = None) -> Path:
    """STORY=DIR from the environment, else `extra.story` of mkdocs.yml, else content; relative to `root`.

    `configured` is `extra.story` when MkDocs has already read the config; otherwise it is read here.
    """
    if configured is None:
        extra = _config(root).get("extra")
        configured = extra.get("story") if isinstance(extra, dict) else None
    return root / (os.environ.get(STORY_ENV) or configured or DEFAULT_STORY)


def site_name(root: Path) -> str:
    """mkdocs.yml's site_name: only a placeholder, since each story names its own site (generator/pages/identity.py)."""
    name = _config(root).get("site_name")
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
