"""A Content-Security-Policy for every page: nothing from another origin, and no inline script but the theme's.

Escaping is the first defence; this is the second. If some text ever reaches a page as markup, the browser
still refuses to run an inline script or event handler it holds, or to load anything from elsewhere.
Material inlines a few small scripts, and so does the site's own light/dark switch; each is allowed by its SHA-256
hash, computed from the page as built. Only scripts that match one of Material's own templates
(partials/javascripts/) or of the theme overrides folder the config names (`theme.custom_dir`) are hashed, so a
script injected into a page is never allowed by accident.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

import material

MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
# An attribute by its whole name: "data-type" or "data-src" is another attribute.
_TYPE = re.compile(r"""(?<![\w-])type\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"(?<![\w-])src\s*=", re.IGNORECASE)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# A value the theme fills into a script ({{ base_url }}): a path or URL, never a quotation mark or markup.
_TEMPLATE_VALUE = r"""[^"'`<>\\\n]*"""


@functools.cache
def _theme_scripts(templates: Path, overrides: Path | None) -> tuple[re.Pattern, ...]:
    """Each inline script in the theme's templates (Material's unless another engine's folder is named) and in
    the theme overrides folder, as a pattern in which a `{{ value }}` may be any path."""
    patterns = []
    for template in [*sorted(templates.glob("*.html")), *(sorted(overrides.rglob("*.html")) if overrides else [])]:
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.DOTALL):
            parts = re.split(r"\{\{.*?\}\}", body, flags=re.DOTALL)
            patterns.append(re.compile(_TEMPLATE_VALUE.join(re.escape(part) for part in parts), re.DOTALL))
    return tuple(patterns)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(html: str, templates: Path = MATERIAL_SCRIPTS,
                   overrides: Path | None = None) -> tuple[list[str], list[str]]:
    """The page's inline scripts that a browser would run, split into the theme's own (those of `templates` and of
    the theme overrides folder `overrides`, theme.custom_dir) and any other."""
    own: list[str] = []
    other: list[str] = []
    for attributes, body in _SCRIPT.findall(html):
        declared = _TYPE.search(attributes)
        if _SRC.search(attributes) or (declared and declared.group(1).lower() not in _JAVASCRIPT_TYPES):
            continue  # a file from the site, or data such as JSON-LD, which is never run
        theirs = any(pattern.fullmatch(body) for pattern in _theme_scripts(templates, overrides))
        (own if theirs else other).append(body)
    return own, other


def policy(html: str, own_styles: tuple[str, ...] = (), allow_any_inline_script: bool = False,
           templates: Path = MATERIAL_SCRIPTS, script_styles: tuple[str, ...] = (),
           overrides: Path | None = None) -> str:
    """The policy for one page. `own_styles` are the style sheets the site inlines; `allow_any_inline_script`
    is for `mkdocs serve`, whose live reload injects a script that changes with every request; `script_styles`
    are style sheets the theme's script puts into the page itself, allowed by hash wherever they appear; the
    inline scripts of `templates` and of the theme overrides folder `overrides` are allowed by hash."""
    own, _ = inline_scripts(html, templates, overrides)
    scripts = ["'unsafe-inline'"] if allow_any_inline_script else sorted({_sha256(body) for body in own})
    wanted = {style.strip() for style in own_styles}
    styles = {_sha256(body) for body in _STYLE.findall(html) if body.strip() in wanted}
    return _directives(scripts, sorted(styles | {_sha256(style) for style in script_styles}))


def serve_policy() -> str:
    """The policy for a server that finishes no page and adds its own inline script (`zensical serve`): inline
    script and style allowed, as under `mkdocs serve`; nothing from another origin, no <base> elsewhere."""
    return _directives(["'unsafe-inline'"], ["'unsafe-inline'"])


def _directives(scripts: list[str], styles: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *scripts]),
        " ".join(["style-src 'self'", *styles]),
        "img-src 'self' data:",  # Material's icons are data: images in its style sheet
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def meta_tag(content: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'
