"""Web addresses that lead where they seem to: no hidden user name, invisible character or look-alike letters.

A reader sees an address only as a link, so what it says must be where it goes. `https://www.reuters.com@evil.example/`
goes to evil.example; `www.rеuters.com` with a Cyrillic е is another domain; a right-to-left override turns the text
around. Each is refused with what is wrong in words. An international host that passes (one script per label, valid
under IDNA 2008 with the UTS 46 mapping browsers use) is kept in its A-label (xn--) form, the one browsers look up.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

import idna

from .safety import character_name
from .writing_systems import mixed_scripts

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): drawn as nothing at all.
_IGNORABLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
                        "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_AUTHORITY = re.compile(r"(?P<host>\[[^\]]*\]|[^:]*)(?::(?P<port>.*))?")
_NUMBER = re.compile(r"\d+|0[xX][0-9a-fA-F]*")  # what the WHATWG URL parser reads as part of an IPv4 address


def web_address(url: str) -> str:
    """The address as links carry it: its host as A-labels; ValueError says what is wrong, in an editor's words.

    >>> web_address("https://пример.рф/статья")
    'https://xn--e1afmkfd.xn--p1ai/статья'
    """
    if hidden := _hidden_character(url):
        raise ValueError(hidden)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise ValueError("must be an http:// or https:// address")
    if "\\" in parts.netloc:  # before @: in `https://evil.example\@bank.example/` the host is evil.example
        raise ValueError("holds a backslash in its host part, which browsers read as /; write / or leave it out")
    if "@" in parts.netloc:
        raise ValueError(f"an address must not carry a user name before @: this one leads to "
                         f"{_after_at(parts.netloc)}, not to what comes before the @")
    authority = _AUTHORITY.fullmatch(parts.netloc)
    host, port = (authority["host"], authority["port"]) if authority else ("", None)
    if port is not None and not (port == "" or (port.isascii() and port.isdigit() and int(port) <= 65535)):
        raise ValueError(f"the port {port!r} is not a number from 0 to 65535")
    ascii_host = _checked_host(host)
    start = url.index("//") + 2  # the host follows the scheme's "//"; urlsplit found it there
    return url if ascii_host == host else url[:start] + url[start:].replace(host, ascii_host, 1)


def _hidden_character(url: str) -> str | None:
    """What is wrong with the first invisible or formatting character in the address, or None."""
    for offset, character in enumerate(url):
        if _IGNORABLE.match(character) or unicodedata.category(character) == "Cf":
            what = ("reverses or reorders the text around it" if re.match(f"[{_BIDI_CONTROLS}]", character)
                    else "shows as nothing")
            return (f"{_named(character)} at character {offset + 1} is invisible and {what}, so the address would "
                    "not read as where it leads; remove it")
    return None


def _named(character: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'; an unassigned code point by its number alone."""
    return character_name(character) if unicodedata.name(character, "") else f"U+{ord(character):04X}"


def _after_at(netloc: str) -> str:
    return netloc.rsplit("@", 1)[1] or "no host at all"


def _checked_host(host: str) -> str:
    """The host as browsers look it up (A-labels); ValueError when it is no valid domain name or mixes scripts."""
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            raise ValueError(f"{host} is not an IPv6 address") from None
        return host
    if not host:
        raise ValueError("must be an http:// or https:// address")
    if "%" in host:
        raise ValueError("the host is %-encoded; write its letters themselves")
    try:
        ascii_host = idna.encode(host, uts46=True, std3_rules=True, transitional=False).decode("ascii")
    except idna.IDNAError as error:
        raise ValueError(_idna_problem(error)) from None
    labels = ascii_host.rstrip(".").split(".")
    if _NUMBER.fullmatch(labels[-1]):
        try:
            ipaddress.IPv4Address(ascii_host.rstrip("."))
        except ValueError:
            raise ValueError(f"the host {host} ends in a number, so browsers read it as an IP address; write an IP "
                             "address as four numbers from 0 to 255, such as 192.0.2.1") from None
    for label in labels:
        scripts = mixed_scripts(idna.decode(label) if label.startswith("xn--") else label)
        if scripts:
            raise ValueError(_mixed_problem(scripts))
    return host if host.isascii() else ascii_host


def _mixed_problem(scripts: dict[str, list[str]]) -> str:
    """'the host mixes Latin and Cyrillic letters (е is Cyrillic)': the fewest-used scripts are the odd ones out."""
    names = list(scripts)
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    odd = "; ".join(f"{', '.join(scripts[name])} {'is' if len(scripts[name]) == 1 else 'are'} {name}"
                    for name in names[1:])
    return f"the host mixes {listed} letters ({odd}), so it can pass for another domain; write it in one script"


def _idna_problem(error: idna.IDNAError) -> str:
    code = re.search(r"U\+([0-9A-F]{4,6})", str(error))
    if isinstance(error, idna.InvalidCodepoint) and code:
        character = chr(int(code.group(1), 16))
        return f"the host holds {character!r} ({_named(character)}), which a domain name may not hold (IDNA 2008)"
    if isinstance(error, idna.IDNABidiError):
        return ("the host mixes right-to-left and left-to-right letters in a way a domain name may not "
                "(IDNA 2008 bidi rule)")
    return f"the host is not a valid domain name (IDNA 2008): {str(error)[:1].lower()}{str(error)[1:]}"
