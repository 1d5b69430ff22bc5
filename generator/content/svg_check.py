"""Refuse a locator map that could run script or load anything from elsewhere.

The map is published as it is at images/locator-map.svg, on the site's own origin, where a browser
opening it directly would run its script. A drawn map needs only shapes, text and in-file references,
so anything else is refused with its line and column, rather than silently cut out.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from .errors import Problem

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_ALLOWED_NAMESPACES = {"", "http://www.w3.org/1999/xlink", "http://www.w3.org/XML/1998/namespace"}
# Shapes, text, grouping, paint servers, clipping and named views; no script, style sheets, animation, links
# or foreign content.
ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "metadata", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "textPath", "pattern", "clipPath", "mask", "marker", "symbol", "use",
    "linearGradient", "radialGradient", "stop", "view",
}
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]+")
_SCRIPT_OR_FILE = ("javascript:", "data:", "@import", "expression(")
# Ways to name a file other than url(): image-set(), a full or scheme-relative address, and CSS escapes
# that would spell url( past a plain text search.
_ELSEWHERE = ("image-set", "://", "//", "\\")
STYLE_PROPERTIES = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "paint-order",
    "font-family", "font-size", "font-style", "font-weight", "text-anchor", "dominant-baseline", "letter-spacing",
    "display", "visibility", "clip-path", "clip-rule", "mask", "marker-start", "marker-mid", "marker-end",
}
_SIMPLE_STYLE_VALUE = re.compile(
    r"(?:[#A-Za-z0-9 .,%'\"-]|url\(\s*(['\"]?)#[A-Za-z0-9_-]+\1\s*\)|(?:rgba?|hsla?)\([0-9 .,%]*\))*")
_REDRAW = "redraw it with scripts/draw_locator_map.py"


def svg_problems(text: str, label: str) -> list[Problem]:
    """Every reason to refuse the map, each with its place in the file; [] when it is safe to publish."""
    problems: list[Problem] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    depth = [0]

    def refuse(message: str) -> None:
        problems.append(Problem(label, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, "", message))

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if depth[0] == 0 and (namespace, local) != (SVG_NAMESPACE, "svg"):
            refuse(f"the map must be an <svg> element in the SVG namespace, not <{local}>; {_REDRAW}")
        elif namespace != SVG_NAMESPACE or local not in ELEMENTS:
            refuse(f"<{local}> is not allowed in the map (only shapes and text are); {_REDRAW}")
        depth[0] += 1
        for attribute, value in attributes.items():
            attribute_namespace, _, attribute_name = attribute.rpartition(" ")
            reason = _attribute_problem(attribute_namespace, attribute_name, value)
            if reason:
                refuse(f"<{local} {attribute_name}=...> {reason}; {_REDRAW}")

    def end(name: str) -> None:
        depth[0] -= 1

    def declaration(*args: object) -> None:
        refuse("a DOCTYPE or entity declaration is not allowed in the map")

    def instruction(target: str, data: str) -> None:
        refuse(f"the processing instruction <?{target}> is not allowed in the map")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        problems.append(Problem(label, error.lineno, error.offset + 1, "",
                                f"not well-formed XML: {expat.ErrorString(error.code)}"))
    return problems


def _attribute_problem(namespace: str, name: str, value: str) -> str | None:
    if namespace not in _ALLOWED_NAMESPACES:
        return "is in a namespace the map has no use for"
    if name.lower().startswith("on"):
        return "is an event handler, which runs script"
    plain = _CONTROL_OR_SPACE.sub("", value).lower()
    if any(token in plain for token in _SCRIPT_OR_FILE):
        return "holds an address that could run script or load a file"
    if name == "href" and not value.startswith("#"):
        return "links outside the map; only references inside it (#id) are allowed"
    if any(not target.startswith("#") for target in _URL.findall(value)) or any(
            token in plain for token in _ELSEWHERE):
        return "refers to a file outside the map; only url(#id) is allowed"
    if name == "style":
        return _style_problem(value)
    return None


def _style_problem(style: str) -> str | None:
    """Only plain presentation properties with plain values: CSS has too many ways to fetch a file."""
    for declaration in filter(str.strip, style.split(";")):
        prop, colon, value = declaration.partition(":")
        prop, value = prop.strip().lower(), value.strip()
        if not colon or prop not in STYLE_PROPERTIES:
            return f"sets {prop or 'nothing'!r}, which is not a presentation property the map may use"
        if not _SIMPLE_STYLE_VALUE.fullmatch(value):
            return f"gives {prop} the value {value[:40]!r}; only colours, numbers, names and url(#id) are allowed"
    return None
