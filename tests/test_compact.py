"""Pages are sent compacted: the site's own CSS minified, indentation dropped, nothing shown differently."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from generator.site.compact import compact, minified

SHEET = "/* Why this colour: contrast. */\n.ex-kicker {\n  color: #1e3a8a;  /* 9:1 */\n}\n"


def test_the_sites_own_sheet_is_minified_and_no_other_style() -> None:
    page = f"<head>\n  <style>{SHEET.strip()}</style>\n  <style>  .other {{ color: red }}  </style>\n</head>"
    compacted = compact(page, (SHEET,))
    assert "<style>.ex-kicker{color:#1e3a8a}</style>" in compacted
    assert "<style>  .other { color: red }  </style>" in compacted


def test_white_space_shown_as_written_and_code_are_left_alone() -> None:
    kept = ["<pre><code>def f():\n    return 1\n</code></pre>", "<code>a\n    b</code>", "<kbd>x\n  y</kbd>",
            "<textarea>line\n    indented</textarea>", '<script>const s = `a\n    b`</script>',
            '<script type="application/json">{\n  "a": 1\n}</script>']
    page = "<div>\n    <p>\n      Text\n    </p>\n" + "\n    ".join(kept) + "\n</div>"
    compacted = compact(page, ())
    for element in kept:
        assert element in compacted
    assert "<div>\n<p>\nText\n</p>\n" in compacted


def test_built_pages_carry_no_indentation_and_the_sheet_without_its_comments(built_site: Path) -> None:
    sheet = (ROOT / "docs" / "overrides" / "partials" / "explainer.css").read_text(encoding="utf-8")
    assert "/*" in sheet, "the sheet in the repository keeps its comments"
    for relative in ("index.html", "quotes/index.html", "404.html"):
        page = (built_site / relative).read_text(encoding="utf-8")
        assert f"<style>{minified(sheet)}</style>" in page, relative
        outside_code = re.sub(r"<(pre|code|script)\b.*?</\1>", "", page, flags=re.DOTALL)
        assert not re.search(r"\n[ \t]", outside_code), relative


def test_only_htmls_own_white_space_counts_as_indentation() -> None:
    """A no-break space or an ideographic space after a line break is text a reader sees."""
    page = "<p>Line one\n\u00a0\u00a0two\n\u3000three\n \u2003four</p>"
    assert compact(page, ()) == "<p>Line one\n\u00a0\u00a0two\n\u3000three\n\u2003four</p>"


def test_an_element_never_closed_leaves_the_rest_of_the_page_as_it_is() -> None:
    page = "<div>\n  <p>a</p>\n  <code>x\n    y\n  <p>b</p>\n</div>"
    assert compact(page, ()) == "<div>\n<p>a</p>\n<code>x\n    y\n  <p>b</p>\n</div>"
