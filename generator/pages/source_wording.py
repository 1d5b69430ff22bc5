"""What the pages say of a story's further sources: where a quote comes from in words ("TASS, 10 October 2024"), what
the site takes from each source, and an excerpt named as an excerpt.

Each value from the content is escaped with `md_escape` on the way in, as in generator/pages/wording.py; links come
in built, or are built here from validated ids.
"""

from __future__ import annotations

from collections.abc import Collection

from markupsafe import Markup

from ..content.schema import Source, Story, StorySource
from .date_words import long_date
from .introductions import Mentions
from .links import Links, anchor
from .markdown_text import href, md_escape
from .page_types import PAGE_TYPE


def source_words(entry: StorySource) -> str:
    """'TASS, 10 October 2024': a further source as a note or a caption names it."""
    return f"{entry.outlet}, {long_date(entry.date)}"


def named(entry: StorySource) -> Markup:
    """'the [TASS](url) news report of 10 October 2024', its outlet linked to the source."""
    return (Markup("the [") + md_escape(entry.outlet) + Markup(f"]({href(entry.url)}) ") + md_escape(entry.kind)
            + Markup(" of ") + md_escape(long_date(entry.date)))


def source_page_words(entry: StorySource) -> tuple[str, str]:
    """The title and description of a full source's own text page."""
    title = f"The {entry.outlet} {entry.kind} of {long_date(entry.date)}, sentence by sentence"
    description = (f"The text of the {entry.outlet} {entry.kind} of {long_date(entry.date)} that this explainer also "
                   "rests on, paragraph by paragraph.")
    return title, description


def quote_source(passage: Markup, entry: StorySource, quote_id: str) -> Markup:
    """'From [paragraph 2](…) of the [Outlet](url) news release of 14 May 2025 · [Link to this quote](#id)'; a quote
    of an excerpt is said to be from the excerpt the site keeps, linked to it on the sources page."""
    if entry.excerpt:
        where = Markup(f"From [the excerpt this explainer keeps](sources.md#{entry.id}) of ")
    else:
        where = Markup("From ") + passage + Markup(" of ")
    return where + named(entry) + Markup(f" · [Link to this quote](#{quote_id})")


def provenance(source_id: str | None, story: Story) -> Markup:
    """' From TASS, 10 October 2024.' after a quote's caption when it is not the article's; else nothing."""
    entry = next((entry for entry in story.sources if entry.id == source_id), None)
    return Markup(" From ") + md_escape(source_words(entry)) + Markup(".") if entry else Markup("")


def stored_link(source: Source) -> Markup:
    """' · [words kept](sources.md#tass)' after a background source whose words the site keeps, checked at every
    build: short, as every word of the page is in the search index every page loads."""
    return Markup(f" · [words kept](sources.md#{source.stored})") \
        if source.stored else Markup("")


def quotes_intro(quoted_sources: Collection[str]) -> Markup:
    """The quotes page's word on quotes of further sources, where the story has any."""
    if not quoted_sources:
        return Markup("")
    return Markup(" A quote from another source names it, and is checked against that source's own text.")


def source_entry(entry: StorySource, link: Links) -> Markup:
    """'**TASS**, news report, 10 October 2024, the words of [Dmitry Peskov](…): “[Title](url)”' on the sources page:
    who wrote it, or whose words it holds, where the story says."""
    title = (Markup("“[") + md_escape(entry.title) + Markup(f"]({href(entry.url)})”")) if entry.title else \
        Markup(f"[{md_escape(entry.url)}]({href(entry.url)})")
    by = Markup(", by ") + md_escape(entry.author) if entry.author else Markup("")
    words = Markup(", the words of ") + link.person(entry.speaker) if entry.speaker else Markup("")
    return (Markup("**") + md_escape(entry.outlet) + Markup("**, ") + md_escape(entry.kind) + Markup(", ")
            + md_escape(long_date(entry.date)) + by + words + Markup(": ") + title)


def kept_text(entry: StorySource) -> Markup:
    """How much of it the site keeps: its text page for a full source, the words themselves for an excerpt."""
    if entry.excerpt:
        return Markup("Only an excerpt is kept, the words this explainer quotes, exactly as published:")
    page = PAGE_TYPE["source"].source_path(entry.id)
    return Markup(f"Its whole text is kept and checked at every build: [read it sentence by sentence]({page}).")


def takes_from(story: Story, link: Links, entry: StorySource, mention: Mentions) -> list[Markup]:
    """What the site takes from a source: its quotes, its reported statements, the background items that quote it,
    and how many other passages cite its sentences. `mention` names people in full at the page's first mention."""
    taken = []
    quotes = [quote.id for quote in story.quotes if quote.source == entry.id]
    if quotes:
        taken.append(Markup("Quotes: ") + link.quotes(quotes, mention=mention))
    statements = [statement for statement in story.statements if statement.source == entry.id]
    if statements:
        taken.append(Markup("Reported statements: ") + Markup("; ").join(
            Markup(f"[{mention(statement.gist)}]({link.said_page[statement.id]}#{statement.id})")
            for statement in statements))
    background = [item.id for item in story.background if any(source.stored == entry.id for source in item.sources)]
    if background:
        taken.append(Markup("Background quoting it: ") + link.backgrounds(background, mention))
    cited = _citing(story, entry.id)
    if cited:
        taken.append(Markup(f"Its sentences are cited in {cited} other passage{'s' if cited > 1 else ''} of "
                            "this explainer."))
    return taken


def _citing(story: Story, source_id: str) -> int:
    """How many takeaways, answers, events and the like cite a sentence of the source (statements apart)."""
    cited = [*story.reactions, *story.takeaways, *story.questions, *story.timeline, *story.unknowns, *story.figures]
    return sum(1 for item in cited if any(sentence_id.startswith(f"{source_id}:") for sentence_id in item.cites))


def sentence_anchor(source_id: str, sentence_id: str) -> str:
    """The anchor of a further source's sentence, where the sources page shows an excerpt."""
    return anchor(f"{source_id}:{sentence_id}")


def keep_kept_words_out_of_search(html: str) -> str:
    """Mark the sources page's further sources for Material's search to skip, as the notes are: their words are on
    the pages that quote them already, and the search index is loaded by every page."""
    html = html.replace('<h2 id="further-sources">', '<h2 id="further-sources" data-search-exclude>', 1)
    return html.replace('class="ex-kept-source"', 'class="ex-kept-source" data-search-exclude')
