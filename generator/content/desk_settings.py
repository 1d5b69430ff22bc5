"""What belongs to the newsroom rather than to one story: `extra.desk` in mkdocs.yml, with `site_url` and `repo_url`.

    site_url: !ENV [SITE_URL, "https://explainer-desk.github.io/"]   # the desk's address; stories under <slug>/
    repo_url: !ENV [REPO_URL, "https://github.com/explainer-desk/explainer-desk.github.io"]
    extra:
      desk:
        name: Explainer Desk              # the front page's and the feed's title
        report_url: mailto:desk@news.example   # "Report an error" of every story that names no site.report_url
        language: en                      # of the front page, and of every story whose meta gives none
        date_style: day-first             # 28 October 2024 (day-first) or October 28, 2024 (month-first)

A story's own settings (`site:` and `meta.language` in story.yaml) win over these. Every value is checked here, and
a wrong one is reported with its line in mkdocs.yml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

import yaml

from .addresses import web_address
from .errors import ContentError, Problem
from .load import display_path
from .project import CONFIG_FILE, read_config
from .safety import forbidden_character

DATE_STYLES = ("day-first", "month-first")
DEFAULT_DESK_NAME = "Explainer desk"
NAME_MAX_LENGTH = 80
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
# A plain mail address: nothing an HTML attribute or a mail client would read as more than the address.
_MAILTO = re.compile(r"mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_KEYS = ("name", "report_url", "language", "date_style")


@dataclass(frozen=True)
class DeskSettings:
    name: str
    address: str  # the desk's own address, ending in "/"; each story is published at <address><slug>/
    repository: str | None
    report_url: str | None  # http(s) or mailto:; None: each story's repository issues
    language: str
    date_style: str


def read_desk_settings(root: Path) -> DeskSettings:
    """The desk's settings from `root`/mkdocs.yml, environment variables applied as MkDocs applies them."""
    config = read_config(root)
    return desk_settings(config, root / CONFIG_FILE)


def desk_settings(config: Mapping[str, object], config_file: Path) -> DeskSettings:
    """The desk's settings from mkdocs.yml as read (by MkDocs or read_config); raises ContentError, each problem
    located in `config_file`."""
    extra = config.get("extra")
    values = extra.get("desk") if isinstance(extra, Mapping) else None
    places = setting_places(config_file)
    where = display_path(config_file)
    if values is None:
        values = {}
    if not isinstance(values, Mapping):
        line, column = places.get("", (1, 1))
        raise ContentError([Problem(where, line, column, "extra.desk", "must be a mapping of the desk's settings: "
                                                                        + ", ".join(_KEYS))])
    problems = []
    for key, value in values.items():
        reason = _problem(str(key), value)
        if reason:
            line, column = places.get(str(key), places.get("", (1, 1)))
            problems.append(Problem(where, line, column, f"extra.desk.{key}", reason))
    if problems:
        raise ContentError(problems)
    address = str(config.get("site_url") or "/")
    repository = config.get("repo_url")
    return DeskSettings(
        name=str(values.get("name") or DEFAULT_DESK_NAME),
        address=address if address.endswith("/") else address + "/",
        repository=str(repository) if repository else None,
        report_url=str(values["report_url"]) if values.get("report_url") else None,
        language=str(values.get("language") or "en"),
        date_style=str(values.get("date_style") or DATE_STYLES[0]),
    )


def _problem(key: str, value: object) -> str | None:
    """Why `value` cannot be the desk setting `key`, or None."""
    if key not in _KEYS:
        return f"is not a desk setting; the desk's settings are {', '.join(_KEYS)}"
    if not isinstance(value, str) or not value.strip():
        return "must be text"
    if found := forbidden_character(value):
        return f"holds {found[1]}, which has no place in a setting"
    if key == "name" and len(value) > NAME_MAX_LENGTH:
        return f"is {len(value)} characters long; a desk's name has at most {NAME_MAX_LENGTH}"
    if key == "report_url":
        return _report_address_problem(value)
    if key == "language" and not _LANGUAGE.fullmatch(value):
        return f"{value!r} is not a language tag such as en, de or pt-BR"
    if key == "date_style" and value not in DATE_STYLES:
        return f"{value!r} is not a date style; write {' or '.join(DATE_STYLES)}"
    return None


def _report_address_problem(value: str) -> str | None:
    if value.startswith("mailto:"):
        return _mail_problem(value)
    try:
        web_address(value)
    except ValueError as error:
        return f"{error} (or a mailto: address)"
    if re.search(r"""["'`<>&\\]""", value):
        return "holds a quotation mark, backtick, <, >, & or backslash, which a report address needs none of"
    return None


def _mail_problem(value: str) -> str | None:
    """Why a mailto: report address is not one plain mailbox, in terms of what the reader's mail would do."""
    address, asks, query = value.partition("?")
    if "," in address or "%2c" in address.lower():
        return "names more than one mailbox; give the one that reads reports, such as mailto:corrections@news.example"
    if not _MAILTO.fullmatch(address):
        return ("must be a plain mail address after mailto:, such as mailto:corrections@news.example, with nothing "
                "after it")
    if not asks:
        return None
    alone = f"give the address alone, {address}"
    if not query:
        return f"ends in ?, and 'Report an error' adds its own ?subject= after the address; {alone}"
    fields = [name.lower() for name, _ in parse_qsl(query, keep_blank_values=True)] or [query]
    if copied := next((name for name in fields if name in _COPY_FIELDS), None):
        return (f"?{copied}= would send {_COPY_FIELDS[copied]} of every reader's report to {_copied_to(query, copied)}"
                f", which the reader may not notice; {alone}, and forward reports from there if others need them")
    if other := next((name for name in fields if name not in ("subject", "body")), None):
        return f"?{other}= is not part of a report address (a mail can take a subject and a body); {alone}"
    return (f"takes no ?{fields[0]}=: 'Report an error' writes the mail's subject itself, naming the page, and "
            f"leaves its body to the reader; {alone}")


_COPY_FIELDS = {"bcc": "a hidden copy", "cc": "a copy", "to": "a copy"}


def _copied_to(query: str, field: str) -> str:
    return next((value for name, value in parse_qsl(query) if name.lower() == field), "") or "nobody named"


def setting_places(config_file: Path) -> dict[str, tuple[int, int]]:
    """Line and column of `extra.desk` ("") and of each of its keys in mkdocs.yml; {} without them."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    places: dict[str, tuple[int, int]] = {}
    desk = _child(_child(root, "extra"), "desk", places)
    for key, _value in desk.value if isinstance(desk, yaml.MappingNode) else []:
        places[str(key.value)] = (key.start_mark.line + 1, key.start_mark.column + 1)
    return places


def _child(node: yaml.Node | None, name: str, places: dict[str, tuple[int, int]] | None = None) -> yaml.Node | None:
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        if key.value == name:
            if places is not None:
                places[""] = (key.start_mark.line + 1, key.start_mark.column + 1)
            return value
    return None
