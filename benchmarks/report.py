"""The goals, and the figures as readable tables (plain text on stdout, Markdown for the README)."""

from __future__ import annotations

LINEAR = 11.0  # a 10x step may cost up to 11x (10% for noise) and still count as linear
LINEAR_STEP = 2.2  # a pathological input twice as large may cost up to 2.2x (10% for noise)
PAGE_HTML_LIMIT = 500_000
PREVIEW_LIMIT_S = 2.0
DEFAULT_MATERIAL_PAGE = (77_000, 7)  # bytes compressed and requests, docs/notes on a default Material 9.8.2 site
LIGHTHOUSE_GOAL = {"desktop": (100, 100, 100, 100), "mobile": (98, 100, 100, 100)}


def kb(size: float) -> str:
    """Sizes in kB and MB of 1000, as Chrome's DevTools shows them."""
    return f"{size / 1e6:,.1f} MB" if size >= 1e6 else f"{size / 1000:,.1f} kB"


def goals(results: dict) -> list[dict]:
    """Each goal of the issue with the figure measured and whether it is met."""
    out = []

    def goal(name: str, target: str, measured: str, met: bool) -> None:
        out.append({"goal": name, "target": target, "measured": measured, "met": met})

    if build := results.get("build"):
        goal("Generator's share of the build", "< 5%", f"{build['generator_share']:.0%}",
             build["generator_share"] < 0.05)
    if scale := results.get("scale"):
        for key, name in (("generator_s", "Generator time"), ("build_s", "Build time")):
            worst = max(step[key] for step in scale["growth"])
            goal(f"{name} grows at most linearly", f"<= {LINEAR:g}x per 10x", f"worst step {worst:g}x",
                 worst <= LINEAR)
        largest = max(scale["rows"], key=lambda row: row["largest_page_bytes"])
        goal("Largest page, any scale", f"<= {kb(PAGE_HTML_LIMIT)} HTML",
             f"{kb(largest['largest_page_bytes'])} ({largest['story']}, {largest['largest_page']})",
             largest["largest_page_bytes"] <= PAGE_HTML_LIMIT)
    if hostile := results.get("hostile"):
        ratios = [(value, row) for row in hostile["rows"] for value in row["ratios"] if value is not None]
        worst, row = max(ratios, key=lambda pair: pair[0])
        goal("Pathological inputs grow linearly", f"<= {LINEAR_STEP:g}x per doubling",
             f"worst step {worst:g}x ({row['input']}, {row['step']})", worst <= LINEAR_STEP)
    if preview := results.get("preview"):
        story = preview[0]
        goal("Live preview, story", f"< {PREVIEW_LIMIT_S:g} s", f"{story['edit_to_served_s']:g} s",
             story["edit_to_served_s"] < PREVIEW_LIMIT_S)
    if desk := results.get("desk"):
        if desk["growth"]:
            worst = max(desk["growth"], key=lambda step: step["build_x"] / step["stories_x"])
            goal("Desk build grows at most linearly", "build x <= stories x (+10%)",
                 f"worst step {worst['step']}: {worst['build_x']:g}x for {worst['stories_x']:g}x stories",
                 worst["build_x"] <= worst["stories_x"] * 1.1)
        served = desk["preview"]
        goal(f"Desk preview, {served['stories']} stories", f"< {PREVIEW_LIMIT_S:g} s",
             f"{served['edit_to_served_s']:g} s", served["edit_to_served_s"] < PREVIEW_LIMIT_S)
    if weight := results.get("weight"):
        heaviest = max(weight["pages"], key=lambda row: row["bytes"])
        most = max(weight["pages"], key=lambda row: row["requests"])
        goal("Page weight (images apart)", f"<= {kb(DEFAULT_MATERIAL_PAGE[0])}",
             f"{kb(heaviest['bytes'])} ({heaviest['page']})", heaviest["bytes"] <= DEFAULT_MATERIAL_PAGE[0])
        goal("Requests per page (images apart)", f"<= {DEFAULT_MATERIAL_PAGE[1]}",
             f"{most['requests']} ({most['page']})", most["requests"] <= DEFAULT_MATERIAL_PAGE[1])
        others = sorted({url for row in weight["pages"] for url in row["other_hosts"]})
        goal("No request to another host (README)", "0", f"{len(others)}: {', '.join(others)}" if others else "0",
             not others)
    if lighthouse := results.get("lighthouse"):
        for form, target in LIGHTHOUSE_GOAL.items():
            rows = [row for row in lighthouse if row["form_factor"] == form]
            worst = [min(row[c] for row in rows) for c in ("performance", "accessibility", "best-practices", "seo")]
            goal(f"Lighthouse {form} (worst page)", "/".join(map(str, target)), "/".join(f"{s:g}" for s in worst),
                 all(s >= t for s, t in zip(worst, target, strict=True)))
    return out


def table(headers: list[str], rows: list[list], markdown: bool = False) -> str:
    cells = [[str(cell) for cell in row] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in cells])
    widths = [max(len(h), *(len(row[i]) for row in cells)) if cells else len(h) for i, h in enumerate(headers)]
    line = lambda row: "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))  # noqa: E731
    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, cells)])


def tables(results: dict, markdown: bool = False) -> str:
    """Every section that was run, one table each."""
    parts = []

    def add(title: str, headers: list[str], rows: list[list]) -> None:
        parts.append((f"### {title}\n\n" if markdown else f"{title}\n") + table(headers, rows, markdown))

    if machine := results.get("machine"):
        add("Machine", ["what", "value"], [[key, value] for key, value in machine.items()])
    if scale := results.get("scale"):
        add("Build and scale (median wall time; generator = generate_site in a fresh process, share cards cached)",
            ["story", "quotes+statements+events", "runs", "generator", "(no card cache)", "mkdocs build", "share",
             "pages",
             "largest page (HTML)", "search index", "whole site"],
            [[row["story"], row.get("items", ""), row["runs"], f"{row['generator_s']:.2f} s",
              f"{row.get('generator_without_share_card_cache_s', 0):.2f} s", f"{row['build_s']:.2f} s",
              f"{row['generator_share']:.0%}", row["pages"], f"{kb(row['largest_page_bytes'])} ({row['largest_page']})",
              kb(row["search_index_bytes"]), kb(row["site_bytes"])] for row in scale["rows"]])
        add("Growth per 10x step (10 = linear)", ["step", "generator", "build", "largest page", "pages",
                                                   "search index", "whole site"],
            [[s["step"], s["generator_s"], s["build_s"], s["largest_page_bytes"], s["pages"], s["search_index_bytes"],
              s.get("site_bytes", "")] for s in scale["growth"]])
        stages = [[row["story"], *(f"{v:.2f} s" for v in row["generator_stages_s"].values())]
                  for row in scale["rows"] if row.get("generator_stages_s")]
        if stages:
            names = list(next(r for r in scale["rows"] if r.get("generator_stages_s"))["generator_stages_s"])
            add("Where the generator's time goes (one run)", ["story", *names], stages)
    if hostile := results.get("hostile"):
        sizes = [f"{multiple * hostile['megabytes']:g} MB" for multiple in hostile.get("steps", (1, 2, 4))]
        add(f"Pathological inputs at {', '.join(sizes)} (one run each; wall time, processor time in brackets; "
            f"x = processor time over the step before, at most {LINEAR_STEP:g} to count as linear)",
            ["input", "step", "items at the largest", *sizes, "per doubling"],
            [[r["input"], r["step"], r["sizes"][-1].get("items", "-"),
              *(f"{size['seconds']:.2f} s ({size['cpu_seconds']:.2f})" for size in r["sizes"]),
              ", ".join(f"x{v:g}" if v is not None else "-" for v in r["ratios"])] for r in hostile["rows"]])
    if preview := results.get("preview"):
        add("Live preview: save story.yaml -> changed page served by mkdocs serve",
            ["story", "first build", "save -> served (median)", "runs"],
            [[p["story"], f"{p['first_build_s']:g} s", f"{p['edit_to_served_s']:g} s",
              ", ".join(f"{t:g}" for t in p["runs_s"])] for p in preview])
    if weight := results.get("weight"):
        add("Reader weight, first visit (gzip; images apart)",
            ["page", "transferred", "requests", "of which search index", "images apart", "other hosts"],
            [[r["page"], kb(r["bytes"]), r["requests"], kb(r["search_index_bytes"]),
              f"{kb(r['images_apart_bytes'])} ({r['images_apart_requests']})" if r["images_apart_requests"] else "-",
              len(r["other_hosts"])] for r in weight["pages"]])
        index = weight["search_index"]
        add("Search index", ["file", "compressed", "loaded by every page"],
            [[kb(index["bytes"]), kb(index["compressed_bytes"]), "yes" if index["loaded_by_every_page"] else "no"]])
    if lighthouse := results.get("lighthouse"):
        add("Lighthouse (median of runs)", ["page", "form", "perf", "a11y", "best pr.", "SEO", "LCP", "TBT", "CLS",
                                             "audits below 1"],
            [[r["page"], r["form_factor"], *(round(r[c]) for c in ("performance", "accessibility", "best-practices",
                                                                     "seo")),
              f"{r['lcp_ms']:.0f} ms", f"{r['tbt_ms']:.0f} ms", f"{r['cls']:g}", ", ".join(r["failed_audits"]) or "-"]
             for r in lighthouse])
    if engines := results.get("engines"):
        add("Engines: build time (median wall time; Zensical's includes engine-docs and engine-finish, shown apart)",
            ["engine", "story", "runs", "build", "of which engine-docs/finish", "runs (s)"],
            [[r["engine"], r["story"], r["runs"], f"{r['build_s']:.2f} s",
              f"{r['engine_docs_s']:.2f} s" if r["engine_docs_s"] else "-",
              ", ".join(f"{t:g}" for t in r["build_runs_s"])] for r in engines["builds"]])
        add("Engines: reader weight on the story, first visit (gzip; images apart)",
            ["engine", "pages", "median page", "heaviest page", "most requests", "search index", "other hosts"],
            [[engine, w["pages"], kb(w["median_page_bytes"]), f"{kb(w['heaviest_page_bytes'])} ({w['heaviest_page']})",
              w["most_requests"], kb(w["search_index_compressed_bytes"]), len(w["other_hosts"])]
             for engine, w in engines["weight"].items()])
    if desk := results.get("desk"):
        add("Desk: full build (python -m generator desk-build, one run each)", ["stories", "build", "per story"],
            [[row["stories"], f"{row['build_s']:.2f} s", f"{row['per_story_s']:.2f} s"] for row in desk["builds"]])
        served = desk["preview"]
        add("Desk preview: save one story's story.yaml -> its page served by desk-serve",
            ["stories", "first serve", "save -> served (median)", "runs"],
            [[served["stories"], f"{served['first_serve_s']:g} s", f"{served['edit_to_served_s']:g} s",
              ", ".join(f"{t:g}" for t in served["runs_s"])]])
    if results.get("goals"):
        add("Goals", ["goal", "target", "measured", "met"],
            [[g["goal"], g["target"], g["measured"], "yes" if g["met"] else "NO"] for g in results["goals"]])
    return "\n\n".join(parts)
