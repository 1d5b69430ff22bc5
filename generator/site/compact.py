"""Pages sent smaller without showing anything differently: the site's own CSS minified, indentation dropped.

The style sheet in docs/overrides/ keeps its comments (they say why a colour or a padding is what it is), and
the theme's templates are indented for reading; every page would carry both. The hook, and engine-finish for
Zensical, compact each page before the Content-Security-Policy hashes what it inlines.
"""

from __future__ import annotations

import functools
import re

import rcssmin

_STYLE = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.IGNORECASE | re.DOTALL)
# Where white space is shown as written, or is code: left exactly as it is, from its start tag to its end tag.
_AS_WRITTEN = re.compile(r"<(pre|textarea|code|kbd|script|style)\b", re.IGNORECASE)
# A line break and the spaces after it: HTML shows them as one space, so the break alone says the same. Only
# HTML's own white space: a no-break space or another script's space is text.
_INDENT = re.compile(r"\n[ \t\r\n\f]+")


@functools.lru_cache(maxsize=8)
def minified(sheet: str) -> str:
    return rcssmin.cssmin(sheet.strip())


def compact(html: str, sheets: tuple[str, ...]) -> str:
    """The page with each <style> that holds one of `sheets` (and only those) minified, and every line's
    indentation dropped outside the elements that show white space as written."""
    own = {sheet.strip() for sheet in sheets}

    def minify(match: re.Match) -> str:
        body = match.group(2).strip()
        return match.group(1) + minified(body) + match.group(3) if body in own else match.group(0)

    html = _STYLE.sub(minify, html)
    parts: list[str] = []
    start = 0
    while opening := _AS_WRITTEN.search(html, start):
        closing = re.compile(rf"</{opening.group(1)}\s*>", re.IGNORECASE).search(html, opening.end())
        end = closing.end() if closing else len(html)  # never closed: the rest is left as it is
        parts += [_INDENT.sub("\n", html[start:opening.start()]), html[opening.start():end]]
        start = end
    parts.append(_INDENT.sub("\n", html[start:]))
    return "".join(parts)
