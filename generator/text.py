"""Put content text into Markdown so that it shows as exactly that text and never as markup."""

from __future__ import annotations

import datetime as dt
import html
import re

from markupsafe import Markup

# Characters that are markup anywhere in a line for Python-Markdown and the extensions the site enables.
_MARKDOWN_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# Characters that are markup only at the start of a line: lists, quotes, rules, headings, definitions.
_MARKDOWN_LEADING = re.compile(r"^(\d+(?=\.)|)([-+.:=>~^!])")
_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")


def md_escape(value: object) -> Markup:
    """Text for a Markdown context: one line, markup characters backslash-escaped, then HTML escaped.

    White space runs become one space, as the browser would show them anyway.
    """
    text = _WHITESPACE.sub(" ", str(value)).strip()
    text = html.escape(_MARKDOWN_INLINE.sub(r"\\\1", text), quote=False)
    # A character reference is text wherever the value lands, at the start of a line or not; a backslash
    # escape would show as a backslash before characters Markdown does not let it escape (":", "=").
    return Markup(_MARKDOWN_LEADING.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text))


def html_escape(value: object) -> Markup:
    """Text for an HTML attribute or a raw HTML element."""
    return Markup(html.escape(str(value), quote=True))


def href(url: str) -> Markup:
    """A validated http(s) address made safe inside Markdown's `(...)` link syntax."""
    # Quotation marks would start a link title, and a backtick is dropped by Markdown's code spans.
    for character, encoded in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E"),
                               ('"', "%22"), ("'", "%27"), ("`", "%60")):
        url = url.replace(character, encoded)
    return Markup(url)


def long_date(day: dt.date) -> str:
    """28 October 2024."""
    return f"{day.day} {day:%B %Y}"


def zone_name(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    if not offset:
        return "UTC"
    # Split the offset's size, not the signed offset: divmod(-210, 60) is (-4, 30), which would read UTC-04:30.
    hours, minutes = divmod(abs(int(offset.total_seconds())) // 60, 60)
    return f"UTC{'+' if offset > dt.timedelta(0) else '-'}{hours:02d}:{minutes:02d}"


def long_moment(moment: dt.datetime) -> str:
    """29 October 2024, 03:27 UTC+05:00."""
    return f"{long_date(moment.date())}, {moment:%H:%M} {zone_name(moment)}"


def in_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)
