"""A quote is a speaker's words only where the source gives them to that speaker as their own: a verb of saying, a
colon after them or a pronoun standing for them, never merely because the words are in the article.

Words a sentence denies, gives to others, or puts on a sign are refused with the reason; every way news reports
speech stays accepted, and no quote of the desk's stories or the test corpus is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from tools.cli import run_cli
from tools.edits import replace_once

QUOTES = "\nquotes:\n"


def with_paragraph(story: Path, paragraph: str, *quotes: tuple[str, str]) -> int:
    """Add a paragraph to the article and a quote of Ada Quill's for each (id, words); returns the first's line."""
    article = story / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n" + paragraph + "\n", encoding="utf-8")
    blocks = "".join(f'  - id: {quote_id}\n    text: "{words}"\n    speaker: ada-quill\n    how: said\n'
                     for quote_id, words in quotes)
    return replace_once(story / "story.yaml", QUOTES, QUOTES + blocks) + 4  # its speaker's line


def problems(story: Path) -> list[str]:
    result = run_cli("check", str(story))
    assert result.code == 1, result.stdout
    return result.stderr.splitlines()


REFUSED = [
    pytest.param("Quill denied that she had ever called the plan “a waste of money.”", "a waste of money",
                 "reports these words as denied, not said or alleged", id="denied that she had ever called"),
    pytest.param("Quill rejected claims that she called the plan “a giveaway.”", "a giveaway",
                 "reports these words as denied, not said or alleged", id="rejected claims that she called"),
    pytest.param("“We will not close the pier,” Quill did not say.", "We will not close the pier",
                 "reports these words as denied, not said or alleged", id="did not say"),
    pytest.param("Quill never said “the pier is safe.”", "the pier is safe",
                 "reports these words as denied, not said or alleged", id="never said"),
    pytest.param("Quill defended the plan. But critics had called the plan “a giveaway.”", "a giveaway",
                 "attributes these words to critics", id="critics had called"),
    pytest.param("Quill said critics had called the plan “a giveaway.”", "a giveaway",
                 "attributes these words to critics", id="her report of what critics called it"),
    pytest.param("Quill spoke at the pier. A sign read “Save our ferries.”", "Save our ferries",
                 "gives these words to a sign, not to someone speaking", id="a sign read"),
    pytest.param("Quill said a banner on the pier read “Save our ferries.”", "Save our ferries",
                 "gives these words to a banner on the pier", id="her report of a banner"),
    pytest.param("The repairs were finished. “The pier is safe.”", "The pier is safe",
                 "gives these words to nobody as their own", id="no speaker at all"),
    pytest.param("Quill was accused of calling the operators “troublemakers.”", "troublemakers",
                 "reports these words as denied, not said or alleged", id="accused of calling"),
    pytest.param("Quill spoke first. “The pier is safe,” residents said.", "The pier is safe",
                 "attributes these words to residents", id="residents said"),
]


@pytest.mark.parametrize(("paragraph", "words", "why"), REFUSED)
def test_words_the_article_does_not_give_the_speaker_as_their_own_are_refused(
        second_story_copy: Path, paragraph: str, words: str, why: str) -> None:
    line = with_paragraph(second_story_copy, paragraph, ("added", words))
    found = [each for each in problems(second_story_copy) if f"story.yaml:{line}:" in each]
    assert len(found) == 1 and " quotes[0].speaker: " in found[0], found
    assert why in found[0] and "not to 'ada-quill' (Ada Quill)" in found[0]
    assert "article.txt:11:" in found[0]  # where in the article it stands
    assert "report what the sentence says in a statement" in found[0] or "give the quote to" in found[0]


ACCEPTED = [
    pytest.param("“The pier is safe,” Quill said.", ["The pier is safe"], id="“…,” X said"),
    pytest.param("Quill said: “The pier is safe.”", ["The pier is safe"], id="X said: “…”"),
    pytest.param("“The pier is safe,” said Ada Quill, the council chair.", ["The pier is safe"],
                 id="“…,” said X, the title"),
    pytest.param("Quill told reporters “The pier is safe.”", ["The pier is safe"], id="X told reporters “…”"),
    pytest.param("Quill said the repairs were finished. “The pier is safe,” she added.", ["The pier is safe"],
                 id="“…,” she added"),
    pytest.param("“The pier is safe,” Quill said. “Ferries can dock.”", ["The pier is safe", "Ferries can dock"],
                 id="a sentence of quoted words after the attribution"),
    pytest.param("Quill told the committee:\n\n“The pier is safe.\n\n“Ferries can dock on Wednesday.”",
                 ["The pier is safe.", "Ferries can dock on Wednesday"], id="continued in the next paragraph"),
    pytest.param("“The pier is safe.\n\n“Ferries can dock on Wednesday,” Quill said.",
                 ["The pier is safe.", "Ferries can dock on Wednesday"], id="attributed where it ends"),
    pytest.param("Quill denied that the pier was closed, calling the reports “a false alarm.”", ["a false alarm"],
                 id="a denial, then her own words"),
    pytest.param("Quill rejected the operators' complaint as “a storm in a teacup.”", ["a storm in a teacup"],
                 id="rejected as “…”"),
    pytest.param("The council’s letter called the complaint “unfounded.”", ["unfounded"],
                 id="her council's letter"),
    pytest.param("The delay was blamed on “the weather”, Quill said.", ["the weather"], id="a passive, then X said"),
    pytest.param("“The pier is safe,” Quill went on.", ["The pier is safe"], id="“…,” X went on"),
    pytest.param("It was, in Quill’s words, “a fresh start”.", ["a fresh start"], id="in X's words"),
]


@pytest.mark.parametrize(("paragraph", "words"), ACCEPTED)
def test_the_ways_news_reports_speech_are_accepted(second_story_copy: Path, paragraph: str,
                                                     words: list[str]) -> None:
    with_paragraph(second_story_copy, paragraph, *((f"added-{number}", each) for number, each in enumerate(words)))
    result = run_cli("check", str(second_story_copy))
    assert result.code == 0, result.stderr


def test_a_statement_quotes_its_speaker_only_where_the_article_gives_her_the_words(second_story_copy: Path) -> None:
    with_paragraph(second_story_copy, "Quill defended the plan. But critics had called the plan “a giveaway.”")
    text = (second_story_copy / "story.yaml").read_text(encoding="utf-8")
    (second_story_copy / "story.yaml").write_text(text.replace(QUOTES, "\nterms:\n  - text: \"a giveaway\"\n" + QUOTES),
                                                  encoding="utf-8")
    line = replace_once(second_story_copy / "story.yaml", "    gist: The council said the northern pier",
                        "    gist: Quill called the plan “a giveaway”. The council said the northern pier")
    found = [each for each in problems(second_story_copy) if f"story.yaml:{line}:" in each]
    assert found and "statements[0].gist: quotes “a giveaway” as words of Ada Quill, but the article attributes " \
                     "them to critics" in found[0], found


def _stories() -> list[Path]:
    folders = [*(ROOT / "stories").iterdir(), *(ROOT / "tests" / "corpus").iterdir(), *(ROOT / "tests" / "fixtures").iterdir()]
    return sorted(folder for folder in folders if (folder / "story.yaml").is_file())


def test_no_quote_of_the_desk_or_the_corpus_is_refused_as_not_its_speakers_words() -> None:
    """The measure of false refusals: every quote of every story the project keeps is given to its speaker."""
    from generator.content.load import load_story
    from generator.content.speech_checks import not_their_words
    from generator.content.stored_texts import ARTICLE, source_key

    refused, quotes = [], 0
    for folder in _stories():
        loaded = load_story(folder)
        texts = {ARTICLE: loaded.quoted, **{text.key: text.quoted for text in loaded.further}}
        people = {entity.id: entity for entity in loaded.story.people}
        for quote in loaded.story.quotes:
            quoted = texts[source_key(quote.source)]
            quotes += 1
            why = not_their_words(quoted, quoted.find(quote.text), people[quote.speaker])
            if why:
                refused.append(f"{folder.name}: {quote.id}: {why.because('these words')}")
    assert quotes > 150 and not refused, "\n".join(refused)
