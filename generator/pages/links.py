"""Markdown links between the pages of one story, built from validated ids.

Each target's page is the page its page type puts it on (generator/pages/page_types.py), so a link to the 70th quote
goes to quotes-2.md. Link text is escaped for Markdown; ids and page paths need no escaping.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..article.source import split_sentences
from ..content.schema import Background, Quote, Statement
from .introductions import Mentions
from .markdown_text import md_escape
from .page_types import PAGE_TYPE, further_sentence_pages
from .story_index import StoryIndex
from .wording import quote_paragraphs

LIST_LIMIT = 20  # links listed per speaker on the who's who page before "and N more"


def anchor(sentence_id: str) -> str:
    """p3.s1 -> p3-s1, tass:p1.s1 -> tass-p1-s1: an HTML id that needs no escaping in CSS or URLs."""
    return sentence_id.replace(".", "-").replace(":", "-")


@dataclass(frozen=True)
class LinkList:
    """The first links of a list, and how many it has in all."""

    shown: list[Markup]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.shown)


class Links:
    """Links to the people, parties, quotes, statements, background and sentences of one story."""

    def __init__(self, index: StoryIndex) -> None:
        self.index = index
        self.said_page = PAGE_TYPE["quotes"].item_pages(index)
        self.sentence_page = {**PAGE_TYPE["article"].item_pages(index), **further_sentence_pages(index)}

    def person(self, person_id: str) -> Markup:
        return Markup(f"[{md_escape(self.index.people[person_id].name)}](people.md#{person_id})")

    def party(self, party_id: str) -> Markup:
        """A party's name, linked to its row on the reactions page where it has one."""
        name = md_escape(self.index.parties[party_id].name)
        return Markup(f"[{name}](reactions.md#{party_id})") if party_id in self.index.reacted else name

    def named(self, item: Quote | Statement, mention: Mentions) -> tuple[Markup, str | None]:
        """Whoever said it as the page names them now, linked, and what they are if this is the first mention."""
        if item.speaker:
            name, described = mention.name(item.speaker)
            return Markup(f"[{md_escape(name)}](people.md#{item.speaker})"), described
        return self.speaker(item), None

    def speaker(self, item: Quote | Statement) -> Markup:
        """A link to whoever said it: a person or organisation, or a whole side when the article names one."""
        if item.speaker:
            return self.person(item.speaker)
        assert isinstance(item, Statement) and item.party, "check_story gives every statement a speaker or a party"
        return self.party(item.party)

    def quote(self, quote_id: str, mention: Mentions | None = None) -> Markup:
        """A link to a quote: its whole words in quotation marks, or its label without them; never cut. A label
        names people as a title does, in full at the page's first mention of them."""
        quote = self.index.quotes[quote_id]
        label = mention.text(quote.label, with_role=False) if mention and quote.label else quote.label
        words = md_escape(label or "") or Markup(f"“{md_escape(' '.join(quote_paragraphs(quote)))}”")
        return Markup(f"[{words}]({self.said_page[quote_id]}#{quote_id})")

    def quotes(self, quote_ids: Sequence[str], separator: str = ", ", mention: Mentions | None = None) -> Markup:
        """Links to quotes in a row: 'a, b' in a sentence, or each on its own line with separator '<br>'."""
        return Markup(separator).join(self.quote(quote_id, mention) for quote_id in quote_ids)

    def backgrounds(self, ids: Sequence[str], mention: Mentions | None = None) -> Markup:
        """Links to background items by their titles, which name people in full at the page's first mention."""
        titles = [self.index.background[i].title for i in ids]
        return Markup(", ").join(Markup(f"[{md_escape(mention.text(title, False) if mention else title)}]"
                                        f"(context.md#{i})") for i, title in zip(ids, titles, strict=True))

    def passage(self, sentence_ids: Sequence[str]) -> Markup:
        """'paragraphs 4–5' linked to the passage's first sentence on the article page."""
        sentences = [self.index.sentence(sentence_id) for sentence_id in sentence_ids]
        link = f"{self.sentence_page[sentence_ids[0]]}#{anchor(sentence_ids[0])}"
        return Markup(f"[{md_escape(self.index.places_of(sentence_ids[0]).span(sentences))}]({link})")

    def read_in_source(self, quote: Quote) -> Markup:
        """'[Read the passage in the report](article.md#p4-s1)': a link under a pull quote that says where it goes,
        to the quote's first sentence in the text it is from."""
        sentence_id = self.index.contexts[quote.id].sentence_ids[0]
        kind = self.index.entry(quote.source).kind if quote.source else self.index.loaded.story.article.kind
        return Markup(f"[Read the passage in the {md_escape(kind)}]"
                      f"({self.sentence_page[sentence_id]}#{anchor(sentence_id)})")

    def said_by(self, person_id: str, named: Callable[[str], str] = str) -> tuple[LinkList, LinkList]:
        """Links to a speaker's quotes, each in quotation marks, and to their statements, each by its gist (with
        the people it names introduced by `named`, where the page has not named them yet)."""
        quotes = self.index.quotes_by_speaker.get(person_id, ())
        statements = self.index.statements_by_speaker.get(person_id, ())
        return (LinkList([self._said("[“{}”]({})", " ".join(quote_paragraphs(quote)), quote.id)
                          for quote in quotes[:LIST_LIMIT]], len(quotes)),
                LinkList([self._said("[{}]({})", named(statement.gist), statement.id)
                          for statement in statements[:LIST_LIMIT]], len(statements)))

    def _said(self, shape: str, words: str, said_id: str) -> Markup:
        return Markup(shape.format(md_escape(words), f"{self.said_page[said_id]}#{said_id}"))

    def cited_text(self, item: Background, mention: Mentions | None = None) -> Markup:
        """A background item's text, each sentence followed by the numbers of the sources that carry it (and
        the people it names introduced, after it is split into sentences: a role may hold a full stop)."""
        out = []
        for number, sentence in enumerate(split_sentences(item.text), start=1):
            sentence = mention.text(sentence) if mention else sentence
            carriers = [index for index, source in enumerate(item.sources, start=1)
                        if not source.carries or number in source.carries]
            numbers = ", ".join(f"[{index}](#{item.id}-source-{index})" for index in carriers)
            out.append(f'{md_escape(sentence)}<sup class="ex-ref" title="Sources">{numbers}</sup>')
        return Markup(" ".join(out))
