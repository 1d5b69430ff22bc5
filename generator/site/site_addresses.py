"""The site's own addresses, `site_url` and `repo_url`, checked as a story's addresses are.

mkdocs.yml takes both from the environment (`!ENV [SITE_URL, ...]`, set by the deploy workflow), and the theme
prints them into every page unescaped: the canonical link, the repository link in the header, the report link.
So each must be an http(s) address holding nothing that HTML would read as markup or an entity; then escaping
leaves it as it is. Anything else stops the build with the place in mkdocs.yml and the variable that gave it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..content.errors import ContentError, Problem
from ..content.load import display_path
from ..content.safety import FORBIDDEN, character_name

ADDRESS_SETTINGS = ("site_url", "repo_url")
# Characters that end an attribute, open markup or start an entity, and white space: an address needs none.
_UNSAFE = re.compile(r"""[\s"'`<>&\\]""")


def address_problem(value: str) -> str | None:
    """Why `value` cannot be the site's address or its repository's, or None."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an http:// or https:// address"
    found = _UNSAFE.search(value) or FORBIDDEN.search(value)
    if found:
        return (f"holds {character_name(found.group())}; an address here may hold no quotation mark, backtick, "
                "<, >, &, backslash, white space or control character")
    if "@" in parts.netloc:
        # Printed into every page, the feed and the sitemap: the name and password would be published with them.
        given = "a user name and password" if ":" in parts.netloc.rsplit("@", 1)[0] else "a user name"
        return (f"holds {given} before @, which every page, the feed and the sitemap would publish, and it leads to "
                f"{parts.netloc.rsplit('@', 1)[1] or 'no host'}; give the address without it")
    return None


def check_site_addresses(config: Mapping[str, object], config_file: Path) -> None:
    """Raise ContentError for each address setting of `config` (read from `config_file`) that is not a plain
    http(s) address, located in the file and naming the environment variable it came from."""
    places = _places(config_file)
    problems = []
    for key in ADDRESS_SETTINGS:
        value = config.get(key)
        reason = address_problem(str(value)) if value else None
        if reason:
            line, column, variable = places.get(key, (1, 1, None))
            given = f"{variable} (from the environment)" if variable else "the value"
            problems.append(Problem(display_path(config_file), line, column, key,
                                    f"{given} {_password_hidden(str(value))!r} {reason}"))
    if problems:
        raise ContentError(problems)


def _password_hidden(value: str) -> str:
    """The address as a message may show it: a build log is no place for a password."""
    parts = urlsplit(value)
    if parts.password is None:
        return value
    user = parts.netloc.rsplit("@", 1)[0].split(":", 1)[0]
    return value.replace(parts.netloc, f"{user}:***@{parts.netloc.rsplit('@', 1)[1]}", 1)


def _places(config_file: Path) -> dict[str, tuple[int, int, str | None]]:
    """Each top-level setting's line and column, and the environment variable that set it, if one did.

    `!ENV [A, B, default]` takes the first of A and B that is set, else the default, as MkDocs reads it.
    """
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    places: dict[str, tuple[int, int, str | None]] = {}
    for key, value in root.value if isinstance(root, yaml.MappingNode) else []:
        names: list[str] = []
        if value.tag == "!ENV" and isinstance(value, yaml.SequenceNode):
            names = [str(node.value) for node in (value.value[:-1] if len(value.value) > 1 else value.value)]
        elif value.tag == "!ENV":
            names = [str(value.value)]
        variable = next((name for name in names if name in os.environ), None)
        places[str(key.value)] = (key.start_mark.line + 1, key.start_mark.column + 1, variable)
    return places
