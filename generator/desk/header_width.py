"""How wide a site name is in the theme's header on a phone, without a browser.

Material shows the site name in the header at 18 px, bold, in the system font stack (-apple-system, Helvetica,
Arial): Helvetica Bold's advance widths, and Arial Bold's (Liberation Sans Bold on Linux), which share them.
On a 375 px wide screen the header leaves the name 195 px beside its buttons (menu, search, light/dark);
a longer name is cut short with "…". Both figures were measured in Chromium at 375 px with this theme, and
tests/test_preflight.py measures them again, so a change to the header that moves them fails there.
"""

from __future__ import annotations

import unicodedata

PHONE_WIDTH = 375
HEADER_ROOM = 195  # px the name has at PHONE_WIDTH
FONT_SIZE = 18  # px

# Helvetica-Bold advance widths per 1000 units of the font size (Adobe's core font metrics).
_WIDTHS = {
    " ": 278, "!": 333, '"': 474, "#": 556, "$": 556, "%": 889, "&": 722, "'": 238, "(": 333, ")": 333, "*": 389,
    "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 333, ";": 333, "<": 584, "=": 584, ">": 584, "?": 611,
    "@": 975, "[": 333, "\\": 278, "]": 333, "^": 584, "_": 556, "`": 333, "{": 389, "|": 280, "}": 389, "~": 584,
    "‘": 278, "’": 278, "“": 500, "”": 500, "–": 556, "—": 1000, "…": 1000,
    **dict.fromkeys("0123456789", 556),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611,
                722, 667, 944, 667, 667, 611), strict=True)),
    **dict(zip("abcdefghijklmnopqrstuvwxyz",
               (556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333,
                611, 556, 778, 556, 556, 500), strict=True)),
}
_OTHER = 611  # a letter the table lacks (é, ß, а): about as wide as an average bold lower-case letter
_WIDE = 1000  # a full-width character (Chinese, Japanese, Korean)


def _width(character: str) -> int:
    if character in _WIDTHS:
        return _WIDTHS[character]
    base = unicodedata.normalize("NFD", character)[0]  # é as e
    if base in _WIDTHS:
        return _WIDTHS[base]
    return _WIDE if unicodedata.east_asian_width(character) in ("W", "F") else _OTHER


def header_width(name: str) -> float:
    """The name's width in px in the header."""
    return sum(_width(character) for character in name) * FONT_SIZE / 1000


def fits_phone_header(name: str) -> bool:
    return header_width(name) <= HEADER_ROOM
