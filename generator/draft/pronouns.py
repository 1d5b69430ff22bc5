"""Who "he" and "she" are: the last person named, unless the article calls that person the other.

The draft knows whether a person is "he" or "she" only from the article's own words: a title before the name ("Mrs
Ann Cole", "Mr Tom Reed"), a word for a role that says it ("spokeswoman", "chairman"), or an earlier "he" or "she"
taken to be them. The review marker says which it was, or that the article said nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Words before or beside a name that say whether the person is "he" or "she"; general English usage.
GENDER_WORDS = {
    **dict.fromkeys((
        "mrs", "ms", "miss", "dame", "lady", "madam", "spokeswoman", "chairwoman", "businesswoman", "congresswoman",
        "councilwoman", "sportswoman", "policewoman", "headmistress", "mother", "wife", "daughter", "sister",
        "grandmother", "widow", "actress", "queen", "princess", "duchess", "countess", "baroness", "aunt", "niece",
        "woman", "girl"), "she"),
    **dict.fromkeys((
        "mr", "sir", "lord", "spokesman", "chairman", "businessman", "congressman", "councilman", "sportsman",
        "policeman", "headmaster", "father", "husband", "son", "brother", "grandfather", "widower", "king", "prince",
        "duke", "baron", "uncle", "nephew", "man", "boy"), "he"),
}
OTHER = {"he": "she", "she": "he"}


@dataclass(frozen=True)
class Gender:
    """"he" or "she", and the article's words that say so."""

    pronoun: str
    words: str


def gender_in(words: str) -> Gender | None:
    """The "he" or "she" a title or role says: "Mrs Ann Cole" -> she; "a spokesman for the club" -> he."""
    for word in words.split():
        pronoun = GENDER_WORDS.get(word.strip("’'.,;:").lower())
        if pronoun:
            return Gender(pronoun, words)
    return None


def person_called(pronoun: str, names: Sequence[str],
                  gender_of: Callable[[int], Gender | None]) -> tuple[int | None, str]:
    """Whom "he" or "she" means among the people named so far (their `names`, the last named first; `gender_of`
    gives the he or she the article gives the one at an index): the index of the last one it does not call the
    other, and why, for the review marker."""
    if not names:
        return None, ""
    other = OTHER[pronoun]
    skipped: list[str] = []
    for index, name in enumerate(names):
        known = gender_of(index)
        if known is None or known.pronoun == pronoun:
            break
        skipped.append(f"{name} is, in '{known.words}'")
    else:  # everyone named is called the other: the last named still, said plainly
        return 0, f"the last person named, though the article calls them '{other}': check who '{pronoun}' is"
    if skipped:
        return index, f"the last person named who is not called '{other}' ({'; '.join(skipped)})"
    if known is not None:
        return index, f"the last person named, called '{pronoun}' before in '{known.words}'"
    return index, "the last person named (the article calls them neither 'he' nor 'she' before)"
