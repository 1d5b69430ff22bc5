"""What the hook does to every built page, done afterwards for an engine that runs no hooks (Zensical).

Each page is finished as `on_post_page` finishes it under MkDocs (generator/site/finish.py): the Content-Security-Policy
first in its head (the engine's own inline scripts allowed by hash, as Material's are), the story's language on
<html>, the repairs to the theme's HTML, the head tags `engine-docs` wrote for each page (hookless_docs.py), and
the check for a stray refresh, <base> or policy.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content.errors import PageError
from ..site.finish import Finishing, check_placed_elements, finish_page
from ..site.page_html import starts_with_policy


def engine_scripts(engine: str) -> Path:
    """The folder of the engine theme's inline-script templates, which the policy allows by hash."""
    if engine != "zensical":
        raise ValueError(f"no hookless engine named {engine!r}")
    import zensical

    return Path(zensical.__file__).parent / "templates" / "partials" / "javascripts"


def overrides_folder(config_file: Path, config: dict) -> Path | None:
    """The theme overrides folder `config` names (theme.custom_dir), read from its file's folder as MkDocs does."""
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    return config_file.parent / custom_dir if custom_dir else None


# A style sheet as a string in the theme's script: '.l{position:absolute;...}'.
_STYLE_LITERAL = re.compile(r"'([^'\\\n]{40,}\{[^'\\\n]*\})'")


def script_styles(site_dir: Path) -> tuple[str, ...]:
    """The style sheets Zensical's script puts into the page itself (its search dialog's, in a shadow root).

    They are string literals in the theme's bundle, served from the site; allowing exactly those by hash lets
    the dialog be styled while any other inline style stays blocked.
    """
    found: set[str] = set()
    for bundle in sorted((site_dir / "assets" / "javascripts").glob("bundle.*.js")):
        text = bundle.read_text(encoding="utf-8")
        found.update(literal for literal in _STYLE_LITERAL.findall(text) if ":" in literal)
    return tuple(sorted(found))


def finish_site(site_dir: Path, finishing: Finishing, head_tags: dict[str, str] | None = None) -> int:
    """Finish every page of a built site in place; returns how many were changed.

    A page finished already (its policy first in its head, where only finishing puts one) is checked again and
    left as it is, so running this twice changes nothing. Every page is finished and checked before any is
    written: one that fails (a head that is not the theme's, a stray refresh, <base> or policy) leaves the site
    untouched, and the error names each such page and line.
    """
    finished: dict[Path, str] = {}
    problems: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        where = page.as_posix()
        try:
            if starts_with_policy(html):
                check_placed_elements(html, where)
            else:
                tags = (head_tags or {}).get(page.relative_to(site_dir).as_posix(), "")
                finished[page] = finish_page(html, finishing, where, tags)
        except PageError as error:
            problems.append(error.format_message())
    if problems:
        raise PageError("\n".join([*problems, "Nothing was written: the site is not finished and must not be "
                                               "published."]))
    for page, html in finished.items():
        page.write_text(html, encoding="utf-8")
    return len(finished)
