"""The texts a story's pages quote from: the article and its further sources, each with its sentences' places.

A sentence is known to the pages by the id a story cites it by (`p3.s1`, `tass:p1.s1`); these helpers find its
text, the page that shows it and where it stands there, so no page needs to know which source it came from.
"""

from __future__ import annotations

from ..article.source import Sentence
from ..content.load import LoadedStory
from ..content.schema import Quote, StorySource
from ..content.stored_texts import ARTICLE, StoredText, source_key, split_sentence_id
from .sentence_places import SentencePlaces, article_places


def story_texts(loaded: LoadedStory) -> dict[str, StoredText]:
    """The article (key ARTICLE) and each further source, in the order the story lists them."""
    article = StoredText(ARTICLE, loaded.story.article.file, loaded.source, loaded.quoted)
    return {ARTICLE: article, **{text.key: text for text in loaded.further}}


def text_places(loaded: LoadedStory, texts: dict[str, StoredText]) -> dict[str, SentencePlaces]:
    """Where each sentence of each text stands for a reader: "paragraph 2", as its id numbers it."""
    places = {ARTICLE: article_places(loaded)}
    for key, text in texts.items():
        if text.entry is not None:
            places[key] = SentencePlaces(text.text.sentences, _body_start(text, text.entry))
    return places


def _body_start(text: StoredText, entry: StorySource) -> int:
    """A full text opens with its title and, when the next paragraph starts with the outlet's name, a byline; an
    excerpt is all body."""
    paragraphs = text.text.paragraphs()
    if entry.excerpt or not paragraphs or entry.title is None:
        return 1
    if len(paragraphs) > 2 and paragraphs[1][0].text.startswith(entry.outlet):
        return 3
    return 2


def quote_place(loaded: LoadedStory, texts: dict[str, StoredText], quote: Quote) -> tuple[str, int, int]:
    """The text a quote is from and where it quotes the quote's words (start, end): the first place `check` found."""
    key = source_key(quote.source)
    if key == ARTICLE:
        return (key, *loaded.place_of(quote))
    text = texts[key]
    places = text.quoted.find(quote.text)
    start = places[0].start if places else text.text.find(quote.text)
    return key, start, start + len(quote.text)


def sentence_in(texts: dict[str, StoredText], sentence_id: str) -> Sentence:
    """The sentence a story cites by this id, in whichever text it is."""
    key, local = split_sentence_id(sentence_id)
    return texts[key].text.by_id[local]

