"""Run axe-core (node_modules/axe-core/axe.min.js) inside a Playwright page."""

from __future__ import annotations

from tools import AXE_JS

# WCAG 2.0, 2.1 and 2.2, levels A and AA. No rule is turned off.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def run_axe(page) -> list[dict]:
    """axe-core's violations for the page as it is now (injecting axe once per document)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the site's Content-Security-Policy blocks inline scripts.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(_RUN, AXE_TAGS)


def describe(violations: list[dict], where: str) -> list[str]:
    """One line per failing element: `where: rule-id (impact) element: what to fix`."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"{where}: {violation['id']} ({violation['impact']}) {node['target']}: {summary}")
    return lines
