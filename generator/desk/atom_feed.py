"""The desk's Atom feed (RFC 4287) of its explainers, newest update first, for readers who follow the desk."""

from __future__ import annotations

from urllib.parse import urljoin
from xml.etree import ElementTree

from ..content.desk_settings import DeskSettings
from .front_page import FEED_FILE
from .listing import DeskEntry, newest_first

ATOM = "http://www.w3.org/2005/Atom"


def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    element.text = text
    return element


def atom_feed(desk: DeskSettings, entries: list[DeskEntry]) -> bytes:
    """The feed's XML. Every address is absolute, under the desk's; each entry's id is its story's address."""
    # Drafts are not news yet: each entry here has its first publication, so newest is never None.
    ordered = [(entry, entry.published, entry.newest or entry.published) for entry in newest_first(entries)
               if entry.published]
    feed = ElementTree.Element("feed", {"xmlns": ATOM, "xml:lang": desk.language})
    _add(feed, "title", desk.name)
    _add(feed, "id", desk.address)
    _add(feed, "link", rel="self", type="application/atom+xml", href=urljoin(desk.address, FEED_FILE))
    _add(feed, "link", rel="alternate", type="text/html", href=desk.address)
    if ordered:
        _add(feed, "updated", ordered[0][2].isoformat())
    _add(_add(feed, "author"), "name", desk.name)
    for entry, published, newest in ordered:
        address = urljoin(desk.address, f"{entry.slug}/")
        item = _add(feed, "entry")
        _add(item, "title", entry.headline)
        _add(item, "id", address)
        _add(item, "link", rel="alternate", type="text/html", href=address)
        _add(item, "link", rel="enclosure", type="image/png", href=urljoin(address, entry.image))
        _add(item, "published", published.isoformat())
        _add(item, "updated", newest.isoformat())
        _add(item, "summary", entry.standfirst)
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
