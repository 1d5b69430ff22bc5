"""Put content text into Markdown so that it shows as exactly that text and never as markup."""

from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import Markup

# Characters that are markup anywhere in a line for Python-Markdown and the extensions the site enables.
_MARKDOWN_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# Characters that are markup only at the start of a line: lists, quotes, rules, headings, definitions.
_MARKDOWN_LEADING = re.compile(r"^(\d+(?=\.)|)([-+.:=>~^!])")
_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")
FOOTNOTES_PLACEHOLDER = "///Footnotes Go Here///"  # Python-Markdown's footnotes extension, PLACE_MARKER
# A page's YAML front matter, as MkDocs and Zensical read it: its text is group 1.
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def md_escape(value: object) -> Markup:
    """Text for a Markdown context: one line, markup characters backslash-escaped, then HTML escaped.

    White space runs become one space, as the browser would show them anyway.
    """
    text = _WHITESPACE.sub(" ", str(value)).strip()
    text = html.escape(_MARKDOWN_INLINE.sub(r"\\\1", text), quote=False)
    # A character reference is text wherever the value lands, at the start of a line or not; a backslash
    # escape would show as a backslash before characters Markdown does not let it escape (":", "=").
    text = _MARKDOWN_LEADING.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)
    return Markup(_not_footnotes_placeholder(text))


def heading_id(title: str) -> Markup:
    """The id Python-Markdown's table of contents gives a heading ("Who's who" -> "whos-who"), in letters,
    digits and hyphens only: never an id of the theme's own elements (__config, __drawer), which a heading would
    take from them, stopping the theme's script on its page; and never an underscore, which Markdown would read
    as emphasis inside the heading's {: #id }."""
    plain = unicodedata.normalize("NFKD", str(title)).encode("ascii", "ignore").decode("ascii").lower()
    return Markup("-".join(re.findall(r"[a-z0-9]+", re.sub(r"[^\w\s-]", "", plain))) or "title")


def html_escape(value: object) -> Markup:
    """Text for an HTML attribute or a raw HTML element."""
    return Markup(_not_footnotes_placeholder(html.escape(str(value), quote=True)))


def _not_footnotes_placeholder(escaped: str) -> str:
    """The footnotes extension puts its notes wherever an element's text reads exactly its placeholder: its first
    slash as a character reference shows the same and is never that text."""
    return escaped.replace(FOOTNOTES_PLACEHOLDER, "&#47;" + FOOTNOTES_PLACEHOLDER[1:])


def href(url: str) -> Markup:
    """A validated http(s) address made safe inside Markdown's `(...)` link syntax."""
    # Quotation marks would start a link title, and a backtick is dropped by Markdown's code spans.
    for character, encoded in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E"),
                               ('"', "%22"), ("'", "%27"), ("`", "%60")):
        url = url.replace(character, encoded)
    return Markup(url)


def plain_words(passage: str) -> str:
    """A passage's words alone, to compare two passages whatever their quotation marks, case and spacing."""
    return " ".join(re.findall(r"\w+", passage.lower()))


# First words of a date in words that are not names, so a phrase may start lower case inside brackets.
_PLAIN_FIRST_WORDS = frozenset(("not", "no", "date", "the", "a", "an", "in", "on", "at", "by", "before", "after",
                                "during", "earlier", "later", "last", "this", "that", "some", "sometime", "around",
                                "about", "between", "since", "until", "undated", "unknown", "early", "late"))


def as_phrase(note: str, capital: bool = False) -> str:
    """A date written in words, as a phrase: 'Not given in the article.' -> 'not given in the article'
    inside brackets, or 'Not given in the article' as a heading. Names keep their capitals ('August 2024')."""
    phrase = note.strip()
    if phrase.endswith(".") and not phrase.endswith(".."):
        phrase = phrase[:-1].rstrip()
    first = phrase.split(" ", 1)[0]
    if capital:
        return capitalised(phrase)
    return phrase[:1].lower() + phrase[1:] if first.casefold() in _PLAIN_FIRST_WORDS else phrase


def capitalised(words: str) -> str:
    """Words that open a sentence: 'the council' -> 'The council'; the rest as written."""
    return words[:1].upper() + words[1:]


def as_sentence(note: str) -> str:
    """A note shown as a sentence of its own: a capital first letter and a full stop at the end."""
    sentence = capitalised(note.strip())
    return sentence if sentence.endswith((".", "!", "?", "…")) else sentence + "."
