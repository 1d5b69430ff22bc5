"""The review list page and the Draft notice on every page, while `# REVIEW:` markers are left in a story."""

from __future__ import annotations

from ..content.review import MARKER, ReviewItem, matters_most
from ..content.yamlwrite import yaml_value
from .markdown_text import FRONT_MATTER, md_escape

REVIEW_PAGE = "review.md"


def draft_notice(count: int) -> str:
    """The Markdown put at the top of every page of a story that still has review markers."""
    guesses, are = ("guesses", "are") if count != 1 else ("guess", "is")
    return (f'!!! warning "Draft: not yet reviewed"\n\n'
            f"    This page comes from a first draft of the story. {count} {guesses} in its content {are} still "
            f"marked for an editor to review: see the [list of items to review]({REVIEW_PAGE}).\n\n")


def label_pages(pages: dict[str, str], items: list[ReviewItem]) -> dict[str, str]:
    """Every Markdown page with the draft notice just after its front matter, and the review list, while any
    marker is left; the pages as they are once none is."""
    if not items:
        return pages
    notice = draft_notice(len(items))
    labelled = {}
    for path, text in pages.items():
        if not path.endswith(".md"):
            labelled[path] = text
            continue
        front = FRONT_MATTER.match(text)
        cut = front.end() if front else 0
        labelled[path] = text[:cut] + "\n" + notice + text[cut:].lstrip("\n")
    labelled[REVIEW_PAGE] = review_page(items)
    return labelled


def review_page(items: list[ReviewItem]) -> str:
    """The review list: what to do, then each marker's line, field and reason, in story order, those on who said
    what, when, and what a speaker is first. It is no page a reader of the finished story sees, so search leaves it
    out."""
    count = len(items)
    guesses, are = ("guesses", "are") if count != 1 else ("guess", "is")
    lines = [
        "---",
        f"title: {yaml_value('Left to review')}",
        f"description: {yaml_value('The guesses of this draft still marked for an editor to review.')}",
        "search:\n  exclude: true",
        "---",
        "",
        "# Left to review {: #left-to-review }",
        "",
        '!!! warning "Draft: not yet reviewed"',
        "",
        f"    {count} {guesses} in `story.yaml` {are} still marked for review. For each one below, check the value "
        f"on that line against the article and correct it if needed, then delete its `{MARKER}` comment. Pages "
        "are labelled Draft until none is left; then this list goes too. A sentence id such as `p3.s1` is "
        "paragraph 3, sentence 1 of the article page, where the headline is paragraph 1 and the byline "
        "paragraph 2.",
        "",
    ]
    first = [item for item in items if matters_most(item)]
    then = [item for item in items if not matters_most(item)]
    for heading, anchor, group in (("First: who said what, when, and what each speaker is", "first", first),
                                   ("Then: what to write or confirm", "then", then)):
        if group:
            lines += [f"## {heading} ({len(group)}) {{: #{anchor} }}", "", *map(_listed, group), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _listed(item: ReviewItem) -> str:
    field = f" <code>{md_escape(item.field)}</code>" if item.field else ""
    return f"- **Line {item.line}**{field}: {md_escape(item.reason) or 'no reason given'}"
