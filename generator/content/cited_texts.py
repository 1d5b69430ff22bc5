"""Which texts one item of the story may quote, searched as one.

Words the site's own text puts in quotation marks are a quotation of a source the item cites:

- a background item cites the sources it lists that store their words (`stored:`), and only those;
- any other item cites the article (its sentences with no source id before them are the story's ground), the
  sources of the sentences it cites (`tass:p1.s1`), the source it names (`source: tass`), and the stored sources of
  the background items it cites;
- what belongs to no list item (the headline, the summary) may quote any stored text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..article.quoted import Attributed, QuotedPassages, Span
from .schema import Story
from .stored_texts import ARTICLE, StoredText, split_sentence_id, texts_by_key


@dataclass(frozen=True)
class KeyedSpan(Span):
    """Words in one of several texts: the span, and the key of the text it is in."""

    key: str = ARTICLE


class CitedTexts:
    """Several texts searched as one, as the quote rules search the article: each place found remembers its text."""

    def __init__(self, texts: Sequence[StoredText], what: str) -> None:
        self.texts = {text.key: text for text in texts}
        self.what = what  # what the texts are, for a message: "the article or tass.txt"

    def find(self, words: str) -> list[Span]:
        return [KeyedSpan(span.start, span.end, key) for key, text in self.texts.items()
                for span in text.quoted.find(words)]

    def in_text(self, words: str) -> bool:
        return any(text.quoted.in_text(words) for text in self.texts.values())

    def why_not_quoted(self, words: str) -> str | None:
        """Why words are not a quotation of any of the texts: the first text's reason, or that none has them."""
        reasons = (text.quoted.why_not_quoted(words) for text in self.texts.values())
        if not self.texts:
            return ("none of its sources is stored: give the one that has these words `stored:`, the id of the entry "
                    "of `sources` that keeps them")
        return next((reason for reason in reasons if reason), None) or f"they are not in {self.what}"

    def attributed(self, span: Span) -> list[Attributed]:
        return self.passages_at(span).attributed(span)

    def passages_at(self, span: Span) -> QuotedPassages:
        return self.texts[span.key if isinstance(span, KeyedSpan) else ARTICLE].quoted


def cited_texts(story: Story, texts: Sequence[StoredText]) -> Callable[[tuple, dict | None], CitedTexts]:
    """For a field's place and the list item it belongs to (as the YAML holds it), the texts it may quote."""
    by_key = texts_by_key(texts)
    stored = {item.id: [source.stored for source in item.sources if source.stored] for item in story.background}

    def for_item(loc: tuple, item: dict | None) -> CitedTexts:
        if item is None:
            keys = list(by_key)
        elif loc[0] == "background":
            keys = [source.get("stored") for source in _listed(item.get("sources"))]
        else:
            keys = [ARTICLE, *_keys_cited(item, stored)]
        chosen = [by_key[key] for key in dict.fromkeys(keys) if isinstance(key, str) and key in by_key]
        return CitedTexts(chosen, _described(chosen, loc[0] == "background"))
    return for_item


def _keys_cited(item: dict, stored: dict[str, list[str]]) -> Iterator[str]:
    """The further sources an item cites: by its sentences, its `source`, its background items' stored texts."""
    yield from (split_sentence_id(cited)[0] for cited in _listed(item.get("cites")) if isinstance(cited, str))
    if isinstance(item.get("source"), str):
        yield item["source"]
    for background_id in _listed(item.get("background")):
        yield from stored.get(background_id, []) if isinstance(background_id, str) else []


def _listed(value: object) -> list:
    return value if isinstance(value, list) else []


def _described(texts: Sequence[StoredText], background: bool) -> str:
    """'the article', 'the article or tass.txt', 'a stored source' (a background item with none stored)."""
    if not texts:
        return "a stored source" if background else "the article"
    names = ["the article" if text.key == ARTICLE else text.label for text in texts]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
