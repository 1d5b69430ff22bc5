"""What the hook does to every built page, done afterwards for an engine that runs no hooks (Zensical).

Each page gets what `on_post_page` gives it under MkDocs: the Content-Security-Policy first in its head (the
engine's own inline scripts allowed by hash, as Material's are), the story's language on <html>, and the
repairs to the theme's HTML. Head tags need no pass: the pages carry them in front matter (engines.py).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from . import compact, csp
from .hooks import _valid_html
from .page_html import add_to_head


def engine_scripts(engine: str) -> Path:
    """The folder of the engine theme's inline-script templates, which the policy allows by hash."""
    if engine != "zensical":
        raise ValueError(f"no hookless engine named {engine!r}")
    import zensical

    return Path(zensical.__file__).parent / "templates" / "partials" / "javascripts"


def own_styles(root: Path, config: dict) -> tuple[str, ...]:
    """The style sheets main.html inlines: every .css file of the theme overrides (as the hook reads them)."""
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    folder = root / custom_dir if custom_dir else None
    return tuple(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.css"))) if folder else ()


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


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def finish_page(html: str, styles: tuple[str, ...], language: str | None, scripts: Path,
                dynamic_styles: tuple[str, ...] = ()) -> str:
    html = compact.compact(_valid_html(html), styles)
    policy = csp.policy(html, tuple(map(compact.minified, styles)), templates=scripts)
    if dynamic_styles:
        hashes = " ".join(sorted({_sha256(style) for style in dynamic_styles}))
        policy = policy.replace("style-src 'self'", f"style-src 'self' {hashes}", 1)
    return add_to_head(html, csp.meta_tag(policy), "", language)


def finish_site(site_dir: Path, styles: tuple[str, ...], language: str | None, scripts: Path) -> int:
    """Finish every page of a built site in place; returns how many were changed. Running it twice changes none."""
    changed = 0
    dynamic = script_styles(site_dir)
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' in html.split("</head>", 1)[0]:
            continue  # finished already
        page.write_text(finish_page(html, styles, language, scripts, dynamic), encoding="utf-8")
        changed += 1
    return changed
