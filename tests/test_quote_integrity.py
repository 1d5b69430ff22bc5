"""A quote is only what the article quotes, given to whom the article gives it.

Words that merely occur in the article (its headline, the reporter's narrative, a span across a closing mark and the
attribution after it, two quotations joined across paragraphs) are refused with a message that says why, and so is a
quotation given to someone other than the speaker the article names. A label never looks like a quotation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tools.cli import run_cli
from tools.edits import edit

NEW_QUOTE_BEFORE = "  - id: fake-news\n"


def add_quote(story: Path, text: str, speaker: str) -> int:
    """Add a quote before the Kremlin's; returns the line of its text."""
    block = f'  - id: added-quote\n    text: "{text}"\n    speaker: {speaker}\n    how: said\n'
    return edit(story, NEW_QUOTE_BEFORE, block + NEW_QUOTE_BEFORE) + 1


def check(story: Path) -> list[str]:
    result = run_cli("check", str(story))
    assert result.code == 1, result.stdout
    return result.stderr.splitlines()


def message_for(lines: list[str], line: int, field: str) -> str:
    found = [each for each in lines if f"story.yaml:{line}:" in each and f" {field}: " in each]
    assert found, "\n".join(lines)
    return found[0]


NOT_QUOTED = [
    pytest.param("confirm media reports about a troop deployment to Russia", "north-korea-official",
                 "not inside quotation marks", id="the reporter's words given to the official who did not confirm"),
    pytest.param("North Korean troops were currently in Russia", "putin", "not inside quotation marks",
                 id="narrative given as Putin's words"),
    pytest.param("NATO chief confirms North Korean troops are in Russia’s Kursk", "rutte", "not inside quotation marks",
                 id="the headline given as Rutte's words"),
    pytest.param("fake news”. But Putin on Thursday did not deny", "kremlin", "run past its end",
                 id="a span across a closing mark and the attribution after it"),
    pytest.param("lift restrictions on our long-range strikes against Russia now,” he said on X.\\n\\n"
                 "The Kremlin had initially dismissed reports about a North Korean deployment as “fake news",
                 "sybiha", "run past its end", id="two speakers' quotations joined across paragraphs"),
    pytest.param("as “fake news", "kremlin", "run into the quotation", id="words before an opening mark"),
]


@pytest.mark.parametrize(("text", "speaker", "why"), NOT_QUOTED)
def test_words_the_article_does_not_quote_are_refused_with_the_reason(
        story_copy: Path, text: str, speaker: str, why: str) -> None:
    line = add_quote(story_copy, text, speaker)
    message = message_for(check(story_copy), line, "quotes[5].text")
    assert why in message
    assert "article.txt:" in message and "(sentence p" in message  # where in the article the words stand


def test_a_quotation_given_to_another_speaker_names_the_attribution_found(story_copy: Path) -> None:
    line = edit(story_copy, "    text: \"growing desperation\"\n    speaker: rutte\n",
                "    text: \"growing desperation\"\n    speaker: putin\n") + 1
    message = message_for(check(story_copy), line, "quotes[6].speaker")
    assert "the article attributes these words to Rutte" in message
    assert "(from the words 'of “…” on the part of Putin, Rutte said.')" in message
    assert "not to 'putin' (Vladimir Putin)" in message


def test_a_quotation_after_he_said_belongs_to_the_person_named_just_before(story_copy: Path) -> None:
    line = edit(story_copy, "    speaker: sybiha\n    how: said in a post\n",
                "    speaker: umerov\n    how: said in a post\n")
    message = message_for(check(story_copy), line, "quotes[4].speaker")
    assert "attributes these words to Andrii Sybiha" in message


def test_a_speaker_fits_the_attribution_by_name_never_by_the_role_the_story_gives_them(story_copy: Path) -> None:
    """The story's own words about a speaker cannot make them fit: "Kremlin spokesman" is not the Kremlin, and
    a role naming Rutte does not make Putin Rutte."""
    peskov = edit(story_copy, "    text: \"fake news\"\n    speaker: kremlin\n",
                  "    text: \"fake news\"\n    speaker: peskov\n") + 1
    edit(story_copy, "    role: President of Russia\n", "    role: President of Russia, who answered Rutte\n")
    putin = edit(story_copy, "    text: \"growing desperation\"\n    speaker: rutte\n",
                 "    text: \"growing desperation\"\n    speaker: putin\n") + 1
    lines = check(story_copy)
    assert "attributes these words to The Kremlin" in message_for(lines, peskov, "quotes[5].speaker")
    assert "attributes these words to Rutte" in message_for(lines, putin, "quotes[6].speaker")


def test_a_label_in_quotation_marks_is_refused(story_copy: Path) -> None:
    line = edit(story_copy, "    label: Sybiha's post on X\n",
                "    label: \"“We have never heard of any North Korean troops, and there are none in Kursk”\"\n")
    message = message_for(check(story_copy), line, "quotes[4].label")
    assert "holds the quotation mark “" in message


def test_quoted_words_in_a_statement_must_be_a_quotation_of_the_article(story_copy: Path) -> None:
    line = edit(story_copy, "    gist: The Kremlin initially dismissed reports about a North Korean deployment as “fake news”.\n",
                "    gist: The Kremlin initially said “North Korean troops were currently in Russia”.\n")
    message = message_for(check(story_copy), line, "statements[5].gist")
    assert "puts “North Korean troops were currently in Russia” in quotation marks" in message
    assert "not inside quotation marks" in message


def test_a_quote_listed_whole_over_paragraphs_in_straight_marks_is_accepted(tmp_path: Path) -> None:
    from tools import ROOT
    from tools.edits import copy_story

    story = copy_story(ROOT / "tests" / "corpus" / "library-hours", tmp_path / "story")
    result = run_cli("check", str(story))
    assert result.code == 0, result.stderr


CORPUS = Path(__file__).parent / "corpus"


def corpus_copy(tmp_path: Path, name: str) -> Path:
    from tools.edits import copy_story

    return copy_story(CORPUS / name, tmp_path / name)


def test_two_speakers_in_one_sentence_each_keep_their_own_quotation(tmp_path: Path) -> None:
    """"Lindqvist called the decision “a joke”, while Okonjo said “the referee saw ...”": swapped, both refused."""
    story = corpus_copy(tmp_path, "sports-two-speakers")
    first = edit(story, '    text: "a joke"\n    speaker: rosa-lindqvist\n',
                 '    text: "a joke"\n    speaker: jp-okonjo\n') + 1
    second = edit(story, '    text: "the referee saw what everyone in the ground saw"\n    speaker: jp-okonjo\n',
                  '    text: "the referee saw what everyone in the ground saw"\n    speaker: rosa-lindqvist\n') + 1
    lines = check(story)
    assert "attributes these words to Rosa Lindqvist" in message_for(lines, first, "quotes[0].speaker")
    assert "Okonjo" in message_for(lines, second, "quotes[1].speaker")


def test_speech_in_single_marks_is_attributed_like_speech_in_double_marks(tmp_path: Path) -> None:
    story = corpus_copy(tmp_path, "british-single-quotes")
    line = edit(story, "    speaker: gemma-fenwick\n    how: said\n    where: after the vote\n    date: 2025-07-02\n"
                "  - id: end-of-us", "    speaker: alan-pryce\n    how: said\n    where: after the vote\n"
                "    date: 2025-07-02\n  - id: end-of-us")
    assert "attributes these words to Gemma Fenwick" in message_for(check(story), line, "quotes[0].speaker")


def test_she_said_after_two_people_named_accepts_either_and_refuses_a_third(tmp_path: Path) -> None:
    """The reader cannot tell "she" from "he" by a name: both people named before may be meant, nobody else."""
    story = corpus_copy(tmp_path, "sports-two-speakers")
    article = story / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nRosa Lindqvist said the club would appeal. Dean "
                       "Abara said he had not seen the replay. “We will appeal on Monday,” she said.\n",
                       encoding="utf-8")
    block = ('  - id: appeal-monday\n    text: "We will appeal on Monday"\n    speaker: {}\n    how: said\n'
             '    date: 2025-03-08\n')
    for speaker, refused in (("rosa-lindqvist", False), ("dean-abara", False), ("jp-okonjo", True)):
        attempt = corpus_copy(tmp_path / speaker, "sports-two-speakers")
        (attempt / "article.txt").write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
        text = (attempt / "story.yaml").read_text(encoding="utf-8")
        (attempt / "story.yaml").write_text(text.replace("\nquotes:\n", "\nquotes:\n" + block.format(speaker), 1),
                                            encoding="utf-8")
        result = run_cli("check", str(attempt))
        assert ("quotes[0].speaker: the article attributes" in result.stderr) == refused, result.stderr


def test_he_said_after_a_sentence_opening_with_a_lower_case_title_and_a_name_accepts_that_person(
        tmp_path: Path) -> None:
    """"Harbour boss Tom Quill shook his head. “…,” he said.": a title in lower case between the capitals still
    names who "he" may be."""
    story = corpus_copy(tmp_path, "sports-two-speakers")
    article = story / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nDean Abara said he had not seen the replay. "
                       "Harbour boss Tom Quill shook his head. “We will appeal on Monday,” he said.\n",
                       encoding="utf-8")
    text = (story / "story.yaml").read_text(encoding="utf-8")
    text = text.replace("\npeople:\n", "\npeople:\n  - id: tom-quill\n    name: Tom Quill\n    kind: person\n", 1)
    block = ('  - id: appeal-monday\n    text: "We will appeal on Monday"\n    speaker: tom-quill\n    how: said\n'
             '    date: 2025-03-10\n')
    (story / "story.yaml").write_text(text.replace("\nquotes:\n", "\nquotes:\n" + block, 1), encoding="utf-8")
    result = run_cli("check", str(story))
    assert result.code == 0, result.stderr


def test_a_term_is_a_passage_the_article_quotes_and_never_also_a_quote(story_copy: Path) -> None:
    terms = ("terms:\n  - text: \"fake news\"\n  - text: \"North Korean troops were currently in Russia\"\n"
             "\nstatements:\n")
    first = edit(story_copy, "\nstatements:\n", "\n" + terms) + 2
    lines = check(story_copy)
    assert "is also quotes[5]" in message_for(lines, first, "terms[0].text")
    assert "not inside quotation marks" in message_for(lines, first + 1, "terms[1].text")


def test_a_scare_quote_listed_as_a_term_passes_and_is_not_shown_as_a_quote(tmp_path: Path) -> None:
    story = corpus_copy(tmp_path, "nasa-ingenuity-ends")
    assert run_cli("check", str(story)).code == 0
    out = tmp_path / "pages"
    assert run_cli("build", str(story), "--out", str(out)).code == 0
    assert "brownouts" not in (out / "quotes.md").read_text(encoding="utf-8")


def test_a_quote_starts_and_ends_with_whole_words(story_copy: Path) -> None:
    """“he is unable to sustain his assault”: “able to sustain ...” would turn its meaning around."""
    line = add_quote(story_copy, "able to sustain his assault on Ukraine without foreign support", "rutte")
    assert "in the middle of a word" in message_for(check(story_copy), line, "quotes[5].text")


def test_he_said_never_fits_an_organisation(story_copy: Path) -> None:
    line = edit(story_copy, "    speaker: sybiha\n    how: said in a post\n",
                "    speaker: ukrainian-military-intelligence\n    how: said in a post\n")
    assert "someone named before “he”" in message_for(check(story_copy), line, "quotes[4].speaker")


def test_quoted_words_anywhere_in_the_sites_text_must_be_in_the_sources(story_copy: Path) -> None:
    line = edit(story_copy, "  - text: >-\n      Estimates of how many",
                "  - text: >-\n      Rutte said “we will send NATO troops to Kursk tomorrow” and ‘I surrender’.\n"
                "      Estimates of how many")
    lines = check(story_copy)
    message = "\n".join(each for each in lines if f"story.yaml:{line}:" in each and "takeaways[0].text" in each)
    assert "puts “we will send NATO troops to Kursk tomorrow” in quotation marks" in message
    assert "puts “I surrender” in quotation marks" in message


def test_quotation_marks_the_check_cannot_read_are_refused_in_the_sites_text(story_copy: Path) -> None:
    line = edit(story_copy, "    gist: Rutte said the deployment was a breach of UN Security Council resolutions.\n",
                "    gist: Rutte said the deployment was «a joke» and ＂a hoax＂.\n")
    assert "holds the quotation mark «" in message_for(check(story_copy), line, "statements[1].gist")


def test_a_label_in_look_alike_quotation_marks_is_refused(story_copy: Path) -> None:
    line = edit(story_copy, "    label: Sybiha's post on X\n", "    label: ＂We lost the war＂ 〝Rutte〞\n")
    assert "holds the quotation mark ＂" in message_for(check(story_copy), line, "quotes[4].label")


def test_a_statement_quotes_only_its_own_speaker(story_copy: Path) -> None:
    line = edit(story_copy, "      Russia's president Vladimir Putin did not deny that North Korean troops were in Russia.",
                "      Putin called it “a significant escalation”.")
    message = message_for(check(story_copy), line - 1, "statements[6].gist")
    assert "quotes “a significant escalation” as words of Vladimir Putin" in message
    assert "the article attributes them to Rutte" in message


def test_quotes_listed_under_a_statement_or_a_reaction_belong_to_its_speaker_or_party(story_copy: Path) -> None:
    kazan = "    where: in Kazan\n    cites: [p9.s2]\n"
    statement = edit(story_copy, kazan, kazan + "    quotes: [growing-desperation]\n") + 2
    reaction = edit(story_copy, "    status_words: Said troops were in Kursk\n    quotes: [lift-restrictions]\n",
                    "    status_words: Said troops were in Kursk\n    quotes: [lift-restrictions, fake-news]\n") + 1
    lines = check(story_copy)
    assert "'growing-desperation' is the words of 'rutte', not of this statement's speaker 'putin'" in message_for(
        lines, statement, "statements[6].quotes[0]")
    assert "'fake-news' is the words of 'kremlin', who does not speak for 'ukraine'" in message_for(
        lines, reaction, "reactions[1].quotes[1]")


def test_a_leading_apostrophe_opens_no_quotation(story_copy: Path) -> None:
    article = story_copy / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nSouth Korea has watched Pyongyang since the ‘90s, "
                       "when the Kremlin’s allies armed the North and ignored the residents’ fears.\n",
                       encoding="utf-8")
    line = add_quote(story_copy, "when the Kremlin’s allies armed the North", "putin")
    assert "not inside quotation marks" in message_for(check(story_copy), line, "quotes[5].text")


def test_a_quote_is_shown_in_the_sentence_that_quotes_it_not_where_its_words_first_occur(
        second_story_copy: Path, tmp_path: Path) -> None:
    """“rushed” is quoted in paragraph 5; the same word earlier, unquoted, is not its context."""
    article = second_story_copy / "article.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("would reopen to ferries", "would reopen to rushed ferries", 1), encoding="utf-8")
    out = tmp_path / "pages"
    result = run_cli("build", str(second_story_copy), "--out", str(out))
    assert result.code == 0, result.stderr
    page = (out / "quotes.md").read_text(encoding="utf-8")
    rushed = page[page.index('id="rushed"'):]
    assert "**In context:** The ferry operators’ association said on Friday" in rushed.split("</figure>")[0]
    assert "(article.md#p5-s1)" in rushed.split("</figure>")[0]


UNKNOWN = "  - text: >-\n      How large the deployment"


@pytest.mark.parametrize(("said", "why"), [
    ("Rutte said “North Korea will take\n\n      Kyiv by Christmas”.", "puts “North Korea will take Kyiv by Christmas”"),
    ("Rutte said 'North Korea will take Kyiv by Christmas'.", "puts “North Korea will take Kyiv by Christmas”"),
    ("Rutte said “we will invade Moscow.", "opens or closes nothing"),
    ('Rutte said"we will invade Moscow"x.', "opens or closes nothing"),
    ("Rutte said ``we will invade Moscow''.", "holds ``"),
    ("Rutte said ˮNorth Korea will take Kyivˮ.", "holds the quotation mark ˮ"),
    ("Rutte said \u202e”samtsirhC yb vyiK ekat“\u202c.", "holds U+202E"),
], ids=["over a line break", "straight single marks", "unclosed", "glued straight marks", "TeX marks",
        "look-alike", "bidi override"])
def test_every_quotation_in_the_sites_text_is_read_or_refused(story_copy: Path, said: str, why: str) -> None:
    line = edit(story_copy, UNKNOWN, f"  - text: >-\n      {said}\n      How large the deployment")
    assert why in message_for(check(story_copy), line, "unknowns[0].text")


@pytest.mark.parametrize(("said", "who"), [
    ("Putin called it “Russia’s illegal war”.", "as words of Putin"),
    ("Sybiha said “NATO chief confirms North Korean troops are in Russia’s Kursk”.", "puts “NATO chief confirms"),
], ids=["another speaker's words", "the headline's words as speech"])
def test_quoted_words_go_to_whom_the_article_gives_them_in_any_text(story_copy: Path, said: str, who: str) -> None:
    line = edit(story_copy, UNKNOWN, f"  - text: >-\n      {said}\n      How large the deployment")
    assert who in message_for(check(story_copy), line, "unknowns[0].text")


def test_a_reaction_quotes_only_its_own_partys_words(story_copy: Path) -> None:
    line = edit(story_copy, "      The Kremlin first called the reports “fake news”.",
                "      The Kremlin called it “a significant escalation”.") - 1
    message = message_for(check(story_copy), line, "reactions[2].position")
    assert "quotes “a significant escalation” as its party's words, but the article attributes them to Rutte" in message


def test_the_articles_headline_is_its_first_line(story_copy: Path) -> None:
    line = edit(story_copy, '  headline: "NATO chief confirms North Korean troops are in Russia’s Kursk"',
                '  headline: "Putin: North Korea will take Kyiv by Christmas"')
    assert "is not the headline of the article text" in message_for(check(story_copy), line, "article.headline")


def with_article(story: Path, old: str, new: str) -> None:
    article = story / "article.txt"
    text = article.read_text(encoding="utf-8")
    assert old in text
    article.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_he_said_means_someone_named_as_speaking_not_anyone_mentioned(story_copy: Path) -> None:
    with_article(story_copy, "Kyiv had been warning about", "Kyiv had been warning Rutte about")
    line = edit(story_copy, "    speaker: sybiha\n    how: said in a post\n", "    speaker: rutte\n    how: said in a post\n")
    assert "Andrii Sybiha, someone named before “he”" in message_for(check(story_copy), line, "quotes[4].speaker")


def test_an_attribution_after_and_speaks_for_the_next_quotation_only(story_copy: Path) -> None:
    with_article(story_copy, "on the part of Putin, Rutte said.",
                 "on the part of Putin, Rutte said, and “we will take Kyiv,” Putin added.")
    line = add_quote(story_copy, "we will take Kyiv", "rutte")
    assert "attributes these words to Putin" in message_for(check(story_copy), line + 1, "quotes[5].speaker")


def test_more_verbs_of_saying_attribute_a_quotation(story_copy: Path) -> None:
    with_article(story_copy, "without foreign support,” Rutte said.", "without foreign support,” Rutte countered.")
    line = edit(story_copy, "    speaker: rutte\n    how: said\n    date: 2024-10-28\n    label: Rutte's casualty",
                "    speaker: sybiha\n    how: said\n    date: 2024-10-28\n    label: Rutte's casualty")
    assert "attributes these words to Rutte" in message_for(check(story_copy), line, "quotes[7].speaker")


def test_an_opening_single_mark_left_open_quotes_nothing(story_copy: Path) -> None:
    with_article(story_copy, "recorded in the Kursk border region", "recorded in the ‘Kursk border region")
    line = add_quote(story_copy, "Ukrainian troops have been operating since staging a major incursion in August",
                     "sybiha")
    assert "not inside quotation marks" in message_for(check(story_copy), line, "quotes[5].text")


def test_a_sentence_of_many_quotations_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each quotation of one long sentence used to read the whole sentence again: time grew with the square."""
    from generator.article import quoted as module
    from generator.article.source import split_article

    calls = []
    real = module.attributions
    monkeypatch.setattr(module, "attributions", lambda frame: calls.append(frame) or real(frame))
    words = ", ".join(f"“w{n} v{n}”" for n in range(400))
    source = split_article(f"Headline\n\nWire 2025-03-03\n\nLONDON: Rutte said {words}.\n")
    passages = module.QuotedPassages(source)
    for place in passages.places:
        passages.attributed(place)
    assert len(passages.places) == 400 and len(calls) <= 2


def test_a_draft_of_one_sentence_of_many_quotations_reads_the_sentence_once(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each quotation of one long sentence used to frame and read the whole sentence again in the draft."""
    import datetime as dt

    from generator.draft import reported
    from generator.draft.drafting import draft_story

    calls = []
    real = reported.attributions
    monkeypatch.setattr(reported, "attributions", lambda frame: calls.append(frame) or real(frame))
    words = ", ".join(f"“w{n} v{n}”" for n in range(300))
    article = tmp_path / "article.txt"
    article.write_text(f"Harbour reopens\n\nFictional Wire Published 3 Mar, 2025 10:15am\n\nPORTVALE: Mayor Lena Ortiz "
                       f"said {words}.\n", encoding="utf-8")
    draft_story(article, tmp_path / "draft", dt.datetime(2025, 3, 3, tzinfo=dt.UTC))
    assert len(calls) <= 5


def test_a_name_followed_by_a_service_and_ret_is_read_and_holds_its_quotation(tmp_path: Path) -> None:
    """“…,” said National Weather Service Director Brig. Gen. Jack Kelly USAF (ret.): Kelly's words, refused for
    the Jr. named before him, whose own name keeps its generation."""
    story = corpus_copy(tmp_path, "noaa-weather-radio-grants")
    line = edit(story, "  - id: government-partnerships\n    text:", "  - id: government-partnerships\n    text:")
    edit(story, "    speaker: jack-kelly\n", "    speaker: conrad-c-lautenbacher\n")
    lines = check(story)
    message = message_for(lines, line + 2, "quotes[1].speaker")
    assert "attributes these words to Jack Kelly" in message
    assert "(Conrad C. Lautenbacher, Jr.)" in message


def test_people_who_share_a_last_name_or_differ_by_a_generation_are_not_one_speaker() -> None:
    from generator.article.quoted import same_speaker

    assert not same_speaker("Jane Kelly", "Jack Kelly")
    assert not same_speaker("Jack Kelly", "Jack Kelly, Jr.") and not same_speaker("Jack Kelly III", "Jack Kelly")
    assert same_speaker("Kelly", "Jack Kelly") and same_speaker("Conrad C. Lautenbacher", "Conrad Lautenbacher")
    assert same_speaker("Conrad C. Lautenbacher, Jr.", "Conrad C. Lautenbacher, Jr.")


@pytest.mark.parametrize(("attribution", "name"), [
    ("Rep. Mary O'Brien (D-Mass.)", "Mary O'Brien"), ("Jo Bell (Lab.)", "Jo Bell"), ("Lee Park (retired)", "Lee Park"),
    ("Jo Bell (pictured)", "Jo Bell"), ("Cllr Máire Ní Fhlatharta (Ind)", "Máire Ní Fhlatharta")])
def test_a_tag_in_brackets_after_a_name_leaves_the_name_read_and_its_words_held(attribution: str, name: str) -> None:
    from generator.article.quoted import QuotedPassages
    from generator.article.source import split_article

    quoted = QuotedPassages(split_article(f"Head\n\nWire, March 3, 2025\n\nTOWN: “Alpha words here,” said "
                                          f"{attribution}.\n"))
    [given] = quoted.attributed(quoted.find("Alpha words here")[0])
    assert (given.name, given.named) == (name, True)


LOOK_ALIKE_QUOTATIONS = ["˝the pier is unsafe˝", "′′the pier is unsafe′′", "‵‵the pier is unsafe′′",
                         "´´the pier is unsafe´´", ",,the pier is unsafe“"]
OWN_TEXT_FIELDS = [("  summary: The Portvale harbour council", "  summary: Posters {} The Portvale harbour council", "meta.summary"),
                   ("    answer: The council chair said", "    answer: Posters {} The council chair said", "questions[0].answer"),
                   ("  - text: Ferry operators said", "  - text: Posters {} Ferry operators said", "takeaways[1].text"),
                   ("    text: A test background item", "    text: Posters {} A test background item", "background[0].text")]


@pytest.mark.parametrize("quotation", LOOK_ALIKE_QUOTATIONS, ids=["double acute", "primes", "reversed primes",
                                                                  "acute accents", "two commas"])
@pytest.mark.parametrize(("old", "new", "field"), OWN_TEXT_FIELDS, ids=["summary", "answer", "takeaway", "background"])
def test_look_alike_quotation_marks_in_the_sites_text_are_refused(
        second_story_copy: Path, quotation: str, old: str, new: str, field: str) -> None:
    """Words wrapped in marks typed in place of quotation marks would show as a quotation nobody checked."""
    line = edit(second_story_copy, old, new.format(quotation))
    message = message_for(check(second_story_copy), line, field)
    assert "which the check cannot read" in message or "reads as a quotation mark" in message
    assert "put quoted words in “ ”" in message


def test_an_accent_on_a_letter_is_no_quotation_mark(second_story_copy: Path) -> None:
    """A name written with a combining accent (Ní as N, i and U+0301) is a name, not a quotation."""
    edit(second_story_copy, "  - text: Ferry operators said", "  - text: Cllr Ni\u0301 Bhriain and ferry operators said")
    result = run_cli("check", str(second_story_copy))
    assert result.code == 0, result.stderr


@pytest.mark.parametrize(("old", "new", "field"), [
    ("    name: Ada Quill\n", "    name: Ada “we never agreed” Quill\n", "people[0].name"),
    ("    name: Ferry operators' association\n", "    name: Ferry operators' 'no deal' association\n",
     "people[1].name"),
    ("  - {id: council, name: Harbour council}", "  - {id: council, name: Harbour ‘sold out’ council}",
     "parties[0].name"),
    ("  outlet: Test Gazette\n", "  outlet: 'Test \"Fake\" Gazette'\n", "article.outlet"),
    ("      - outlet: Test Gazette\n", "      - outlet: Test ˝lies˝ Gazette\n", "background[0].sources[0].outlet"),
], ids=["a person's name", "an organisation's name", "a party's name", "the article's outlet",
        "a background source's outlet"])
def test_quotation_marks_in_a_name_are_refused(second_story_copy: Path, old: str, new: str, field: str) -> None:
    """A name is the site's own words: quoted words in it would show as a quotation that no check verified."""
    line = edit(second_story_copy, old, new)
    message = message_for(check(second_story_copy), line, field)
    assert "holds the quotation mark" in message and "a name is shown as the site's own words" in message


def test_an_apostrophe_in_a_name_is_no_quotation_mark(second_story_copy: Path) -> None:
    edit(second_story_copy, "  - {id: operators, name: Ferry operators}",
         "  - {id: operators, name: O’Hara's and D'Arcy’s ferry operators' group}")
    result = run_cli("check", str(second_story_copy))
    assert result.code == 0, result.stderr
