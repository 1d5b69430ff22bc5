"""Every built page finished the same way on every engine, and checked before it is published.

The theme's HTML is mended and compacted, the Content-Security-Policy goes first in the head, the story's
language on <html>, the head tags last. Then the finished page is parsed: a <meta http-equiv="refresh"> sends
readers to another host whatever the policy says, a <base> before the policy moves every relative link, and a
second policy changes the first. The build puts none of these anywhere but the one policy; escaping keeps story
text from becoming one, and a page that holds one all the same stops the build.

MkDocs and ProperDocs run it from the hook on each page as it is built (generator/engines/mkdocs_hooks.py); for
Zensical, which runs no hooks, `python -m generator engine-finish` runs it on the built site
(generator/engines/hookless_finish.py).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..content.errors import PageError
from ..content.safety import for_message
from . import compact, csp
from .page_html import add_to_head, starts_with_policy

# The logo link as Material and Zensical write it: a title of `config.site_name | e`, then the name as it is.
_LOGO_TITLE = re.compile(r'(<a href="[^"]*" title=")[^"]*(" class="md-(?:header|nav)__button md-logo" '
                         r'aria-label=")([^"]*)(")')
# The table of contents' title, a label for the "__toc" checkbox of the current page's nav entry.
_TOC_LABEL = re.compile(r'(<label class="md-nav__title") for="__toc"')
# The repository link's opening tag, whose mark calls the theme's script that asks the repository's host for facts.
_SOURCE_LINK = re.compile(r'<a\b[^>]*\bclass="md-source"[^>]*>')
_SOURCE_MARK = ' data-md-component="source"'


@dataclass(frozen=True)
class Finishing:
    """What finishing a page needs besides the page."""

    styles: tuple[str, ...]  # the style sheets main.html inlines (every .css file of the theme overrides)
    language: str | None  # the story's language, for <html lang>
    overrides: Path | None = None  # the theme overrides folder (theme.custom_dir): its inline scripts are allowed
    script_templates: Path = csp.MATERIAL_SCRIPTS  # the engine theme's inline scripts, allowed by hash
    any_inline_script: bool = False  # `mkdocs serve`: its live reload script changes with every request
    script_styles: tuple[str, ...] = ()  # style sheets the theme's script puts into the page (Zensical's search)


def override_styles(folder: Path | None) -> tuple[str, ...]:
    """The style sheets main.html inlines: every .css file of the theme overrides folder, in name order."""
    return tuple(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.css"))) if folder else ()


def finish_page(output: str, finishing: Finishing, where: str, tags: str = "") -> str:
    """The page as published: repaired, compacted, with its policy first in the head and `tags` last.

    Raises PageError, located at `where` (the page's path), when the page's head is not the theme's or the page
    holds a refresh, a <base> or a policy that finishing did not put there.
    """
    check_placed_elements(output, where)  # first as the engine wrote it, so that the lines named are its lines
    output = compact.compact(repair_theme_html(output), finishing.styles)
    policy = csp.policy(output, tuple(map(compact.minified, finishing.styles)), finishing.any_inline_script,
                        finishing.script_templates, finishing.script_styles, finishing.overrides)
    try:
        output = add_to_head(output, csp.meta_tag(policy), tags, finishing.language)
    except ValueError as error:
        raise PageError(f"{where}: {error}") from None
    check_placed_elements(output, where)  # and as it is published
    return output


def repair_theme_html(output: str) -> str:
    """Mend five faults of the theme's templates that no block override or setting reaches.

    Every fix to the theme's markup is made here, on the built page, and none in a copied partial, which goes
    stale when the theme changes: the first fault is in base.html outside any block, so only a pass over the page
    mends it. tests/test_theme_overrides.py (for the logo's title, tests/test_page_finish.py) fails when a built
    page shows one of these faults again, for instance after a theme upgrade.

    The theme puts autocomplete="off" on hidden checkboxes, which HTML does not allow; it gives the search dialog
    no accessible name (Lighthouse and axe rule aria-dialog-name); it makes the table of contents' title a label
    for the "__toc" checkbox, which it renders only in the nav entry of the current page, so on a page outside the
    nav (the article) the label is for a control that does not exist, which HTML does not allow; it marks the
    repository link data-md-component="source", which makes its script ask api.github.com for stars and forks on
    a first visit, a request to another host (and a console error when the policy blocks it); and it escapes the
    site name once more for the logo's title, though the name reaches it escaped already
    (identity.identity_settings), so "Q&A" showed as "Q&amp;A". The title gets the name as the theme prints it
    beside it, escaped once.
    """
    output = re.sub(r'(<input class="md-toggle"[^>]*?) autocomplete="off"', r"\1", output)
    if 'id="__toc"' not in output:
        output = _TOC_LABEL.sub(r"\1", output)
    output = _SOURCE_LINK.sub(lambda match: match.group(0).replace(_SOURCE_MARK, ""), output)
    output = _LOGO_TITLE.sub(lambda match: match.group(1) + match.group(3) + match.group(2) + match.group(3)
                             + match.group(4), output)
    return output.replace('data-md-component="search" role="dialog">',
                          'data-md-component="search" role="dialog" aria-label="Search this site">', 1)


class _Redirects(HTMLParser):
    """The elements that can send a reader elsewhere or change the page's policy, with their lines."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A browser reads the first of two attributes with one name.
        equiv = next((value or "" for name, value in attrs if name == "http-equiv"), "").strip().lower()
        if tag == "base" or (tag == "meta" and equiv in ("refresh", "content-security-policy")):
            self.found.append((self.getpos()[0], self.get_starttag_text() or f"<{tag}>"))


def check_placed_elements(output: str, where: str) -> None:
    """Raise PageError unless the page's only refresh, <base> or policy element is its policy, first in the head."""
    parser = _Redirects()
    parser.feed(output)
    parser.close()
    stray = parser.found[1:] if starts_with_policy(output) else parser.found
    if stray:
        raise PageError("\n".join(
            f"{where}:{line}: {for_message(element[:120])}: a refresh, <base> or policy that the build did not put "
            "there (story text that reached the page as markup, or raw HTML in a hand-written page); the page is "
            "not published" for line, element in stray))


def withheld_page(message: str) -> str:
    """What `mkdocs serve` shows instead of a page that failed its check: why, and nothing of the page."""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"""{csp.meta_tag("default-src 'none'")}<title>Page withheld</title></head>"""
            f"<body><h1>Page withheld</h1><pre>{html.escape(message)}</pre></body></html>")
