"""How close `python -m generator draft` comes to a hand-checked story, article by article.

    .venv/bin/python benchmarks/draft_quality.py        # the table; also part of `make bench`

Each article (stories/*/, tests/fixtures/*, tests/corpus/*) has an article.txt and a story.yaml an editor
checked by hand. The article is drafted into benchmarks/work/drafts/ and compared with that story:
- quote recall and precision: quotations found word for word (a closing comma or full stop aside);
- speakers: found quotes whose speaker has the hand-checked speaker's name (same name, or a surname of it);
- dates: found quotes with the hand-checked date (or, like it, none);
- names: the speakers of the hand-checked story (every person or organisation it gives a quote or a statement)
  drafted with exactly the same name, character for character (a straight apostrophe taken for a curly one), and
  kind (a title left in, a full stop dropped or a person typed as an organisation counts as wrong); people only
  spoken of are not counted;
- roles: those speakers with a role in the hand-checked story whose draft role has the same words, or a part of
  them (words compared by their first five letters, without "the", "of" and the like; a title and its
  abbreviation, "Cllr" and "Councillor", are one word).
  A draft copies the article's words and makes nothing up, so a name or role the editor wrote in words the
  article does not have (a first name it never gives, "Owner of the quarry" for "which owns the quarry") is not
  counted; the table says how many were left out as the editor's own words;
- full dates: every full date (year, month and day) the hand-checked story gives from the article: the article's
  publication and event dates, and the dates of quotes, statements and article-based timeline events. A quote is
  found by its words, a statement or an event by a cited sentence in common; the draft must give the same day;
- scare quotes: words the hand-checked story lists under `terms:` (quoted, but nobody's speech) that the draft
  lists as a quote;
- check: the draft passes `check` with no edit, and how many review markers it carries, per paragraph of the
  article's body (its headline and byline line aside);
- errors marked: every value of the draft that differs from the hand-checked story (a quote's or a statement's
  speaker or date, a speaker's name, kind or drafted role, the article's event date or publication date, a timeline
  event's date against the hand-checked events of its sentence), and whether a review marker sits on the item that
  holds it. A marker the draft drops must not leave such an error unmarked.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.article.quotation import listed_words  # noqa: E402
from generator.article.source import split_article  # noqa: E402
from generator.content.errors import ContentError  # noqa: E402
from generator.content.load import load_story  # noqa: E402
from generator.content.review import review_items_in  # noqa: E402
from generator.draft.drafting import draft_story  # noqa: E402
from generator.draft.front import read_head  # noqa: E402
from generator.draft.names import TITLES_WRITTEN_OUT  # noqa: E402
from generator.draft.people import normalise_name  # noqa: E402
from generator.draft.reading import read_source  # noqa: E402

WORK = ROOT / "benchmarks" / "work" / "drafts"
GOAL_PRECISION, GOAL_SPEAKERS, GOAL_NAMES, GOAL_ROLES, GOAL_FULL_DATES = 0.97, 0.95, 0.95, 0.9, 0.9
_STOPWORDS = {"the", "a", "an", "of", "for", "and", "who", "that", "its", "s", "to", "in", "on"}


def hand_checked() -> list[Path]:
    """Every folder with an article and its hand-checked story: the story, the fixtures, the corpus."""
    folders = [ROOT / "stories" / "kursk-explainer", *sorted((ROOT / "tests" / "fixtures").glob("*/")),
               *sorted((ROOT / "tests" / "corpus").glob("*/"))]
    return [folder for folder in folders if (folder / "story.yaml").is_file() and (folder / "article.txt").is_file()]


def same_speaker(expected: dict, drafted: dict) -> bool:
    """The same person or organisation: equal names, or a surname of the expected person's name."""
    want, got = normalise_name(expected["name"]), normalise_name(drafted["name"])
    if want == got:
        return True
    if expected.get("kind") == "person" and drafted.get("kind") == "person":
        return want.split()[-1] == got.split()[-1]
    return False


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’", "'").replace("'s", ""))
    return {word[:5] for word in words if word not in _STOPWORDS}


def _titles_written_out(role: str) -> str:
    """ "Cllr" and "Councillor", "Rep." and "Representative" are one title."""
    return " ".join(TITLES_WRITTEN_OUT.get(word, word) for word in role.split())


def same_role(expected: str, drafted: str | None) -> bool:
    if not drafted:
        return False
    want, got = _stems(_titles_written_out(expected)), _stems(_titles_written_out(drafted))
    return bool(want and got) and (want <= got or got <= want)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w-]+", text.lower().replace("’", "'").replace("'s", "")))


def _apostrophes(name: str) -> str:
    return name.replace("'", "’")


def _date(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if value else None)


def _full_date(value: object) -> str | None:
    """A day, as YYYY-MM-DD, or None for a year, a month or no date."""
    text = _date(value)
    return text[:10] if text and re.fullmatch(r"\d{4}-\d\d-\d\d", text[:10]) else None


def _cited_together(want: dict, candidates: list[dict]) -> list[dict]:
    cited = set(want.get("cites") or [])
    return [item for item in candidates if cited & set(item.get("cites") or [])]


def full_dates(gold: dict, drafted: dict, found: dict) -> tuple[int, int, list[str]]:
    """(days given, days drafted the same, what was missed): every day the hand-checked story dates from the article."""
    wanted: list[tuple[str, str, list[str | None]]] = []  # (what, the day, the days the draft gives for it)
    for field in ("published", "event_date"):
        day = _full_date(gold.get("article", {}).get(field))
        if day:
            wanted.append((f"article.{field}", day, [_full_date(drafted.get("article", {}).get(field))]))
    for quote in gold.get("quotes", []):
        day, got = _full_date(quote.get("date")), found.get(listed_words(quote["text"]))
        if day:
            wanted.append((f"quote {quote['id']}", day, [_full_date(got.get("date")) if got else None]))
    for section in ("statements", "timeline"):
        for item in gold.get(section, []):
            day = _full_date(item.get("date"))
            if day and item.get("basis", "article") == "article" and item.get("cites"):
                days = [_full_date(d.get("date")) for d in _cited_together(item, drafted.get(section, []))]
                wanted.append((f"{section} {item['id']}", day, days))
    right = [what for what, day, days in wanted if day in days]
    missed = [f"{what}: {day} (draft: {', '.join(str(d) for d in days) or 'nothing'})"
              for what, day, days in wanted if day not in days]
    return len(wanted), len(right), missed


def _drafted_part(gold: dict, folder: Path) -> tuple[dict, list[Path], int]:
    """The hand-checked story less what only an excerpt source says, the full further sources' files (drafted
    with the article, as `draft A B` would), and how many quotes, statements and events were left out: an excerpt
    (a few sentences, no headline or byline) cannot be drafted, so nothing drawn from it alone is expected."""
    sources = gold.get("sources", [])
    excerpts = {source["id"] for source in sources if source.get("excerpt")}
    further = [folder / (source.get("file") or f"{source['id']}.txt") for source in sources
               if not source.get("excerpt")]

    def from_excerpt(item: dict) -> bool:
        cites = item.get("cites") or []  # an article's sentence (p3.s1) has no source before it
        return item.get("source") in excerpts or (bool(cites) and all(
            cited.partition(":")[0] in excerpts for cited in cites))

    kept = dict(gold)
    left_out = 0
    for section in ("quotes", "statements", "timeline"):
        items = gold.get(section, [])
        kept[section] = [item for item in items if not from_excerpt(item)]
        left_out += len(items) - len(kept[section])
    return kept, further, left_out


def compare(folder: Path) -> dict:
    """Draft the article in `folder` and score the draft against the folder's story.yaml."""
    name = folder.name if folder.name != "kursk-explainer" else "kursk-explainer (Kursk)"
    target = WORK / folder.name
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    gold, further, kept_apart = _drafted_part(yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8")),
                                              folder)
    row: dict = {"article": name, "sources": len(further), "excerpt_items": kept_apart}
    try:
        draft_story(folder / "article.txt", target, dt.datetime(2025, 1, 1, tzinfo=dt.UTC), further=further)
        loaded = load_story(target)
        row["passes_check"] = True
    except ContentError as error:
        row.update(passes_check=False, problems=error.report())
        return row
    drafted = yaml.safe_load((target / "story.yaml").read_text(encoding="utf-8"))
    items = review_items_in(target / "story.yaml", loaded.document.positions)
    marked = {item.field for item in items}
    row["markers"], row["paragraphs"] = len(items), body_paragraphs(folder)
    gold_people = {p["id"]: p for p in gold.get("people", [])}
    speaking = {item.get("speaker") for section in ("quotes", "statements") for item in gold.get(section, [])}
    gold_speakers = [p for p in gold_people.values() if p["id"] in speaking]
    draft_people = {p["id"]: p for p in drafted.get("people", [])}
    found = {listed_words(q["text"]): q for q in drafted.get("quotes", [])}
    expected = [(q, found.get(listed_words(q["text"]))) for q in gold.get("quotes", [])]
    matched = [(want, got) for want, got in expected if got]
    wrong = [f"{want['text'][:40]!r}: {draft_people[got['speaker']]['name']} (expected "
             f"{gold_people[want['speaker']]['name']})" for want, got in matched
             if not same_speaker(gold_people[want["speaker"]], draft_people[got["speaker"]])]
    row.update(
        quotes_expected=len(expected), quotes_found=len(matched), quotes_drafted=len(found),
        speakers_right=len(matched) - len(wrong), wrong_speakers=wrong,
        dates_right=sum(_date(want.get("date")) == _date(got.get("date")) for want, got in matched),
        missed=[want["text"][:60] for want, got in expected if not got],
        extra=[text[:60] for text in found if text not in {listed_words(q["text"]) for q in gold.get("quotes", [])}],
    )
    scare = {listed_words(term["text"]) for term in gold.get("terms", [])}
    row["scare_quotes"] = [text[:60] for text in found if text in scare]
    article_text = "\n".join(path.read_text(encoding="utf-8") for path in [folder / "article.txt", *further])
    article_words, article_stems = _words(article_text), _stems(article_text)
    named_as_written = [p for p in gold_speakers if _words(p["name"]) <= article_words]
    row["names_expected"] = len(named_as_written)
    named = {(_apostrophes(d["name"]), d.get("kind")) for d in draft_people.values()}
    row["names_wrong"] = [f"{p['name']} ({p.get('kind')})" for p in named_as_written
                          if (_apostrophes(p["name"]), p.get("kind")) not in named]
    row["names_right"] = len(named_as_written) - len(row["names_wrong"])
    row["full_dates_expected"], row["full_dates_right"], row["full_dates_missed"] = full_dates(gold, drafted, found)
    with_role = [p for p in gold_speakers if p.get("role") and _stems(p["role"]) <= article_stems]
    row["editors_words"] = [f"{p['name']}: {p.get('role')!r}" for p in gold_speakers
                            if p not in named_as_written or (p.get("role") and p not in with_role)]
    pairs = [(p, next((d for d in draft_people.values() if same_speaker(p, d)), None)) for p in with_role]
    row["roles_wrong"] = [f"{p['name']}: {p['role']!r} (draft: {d and d.get('role')!r})" for p, d in pairs
                          if not same_role(p["role"], d and d.get("role"))]
    row.update(roles_expected=len(with_role), roles_right=len(with_role) - len(row["roles_wrong"]))
    errors = drafted_errors(gold, drafted, gold_people, article_words)
    row["errors"] = len(errors)
    row["errors_unmarked"] = [what for what, item in errors if not any(
        field == item or field.startswith(item + ".") for field in marked)]
    return row


def body_paragraphs(folder: Path) -> int:
    """The article's paragraphs after its headline and byline line, as `draft` reads them."""
    raw = read_source(folder / "article.txt")
    source = split_article(raw.text)
    start = read_head(raw, source, dt.date(2025, 1, 1)).body_start
    return sum(1 for paragraph in source.paragraphs() if paragraph[0].start >= start)


def drafted_errors(gold: dict, drafted: dict, gold_people: dict, article_words: set[str]) -> list[tuple[str, str]]:
    """(what is wrong, the item that holds it: `quotes[2]`) for each drafted value that differs from the
    hand-checked story's (a name only where the editor wrote it in the article's own words)."""
    errors: list[tuple[str, str]] = []
    people = drafted.get("people", [])
    by_id = {person["id"]: person for person in people}
    for field in ("event_date", "published"):
        day, drafted_day = _full_date(gold["article"].get(field)), _full_date(drafted["article"].get(field))
        if day and day != drafted_day:
            errors.append((f"article.{field}: {drafted_day} (expected {day})", f"article.{field}"))
    wanted = {listed_words(q["text"]): q for q in gold.get("quotes", [])}
    for index, quote in enumerate(drafted.get("quotes", [])):
        want = wanted.get(listed_words(quote["text"]))
        if want is not None:
            errors += _said_errors(f"quotes[{index}]", want, quote, gold_people, by_id)
    for index, statement in enumerate(drafted.get("statements", [])):
        for want in _cited_together(statement, gold.get("statements", [])):
            errors += _said_errors(f"statements[{index}]", want, statement, gold_people, by_id)
            break
    for index, person in enumerate(people):
        want = next((p for p in gold_people.values() if same_speaker(p, person)), None)
        wrong = _person_error(want, person, article_words) if want is not None else None
        if wrong:
            errors.append((f"{person['name']}: {wrong}", f"people[{index}]"))
    for index, event in enumerate(drafted.get("timeline", [])):
        days = {_date(item.get("date")) for item in _cited_together(event, gold.get("timeline", []))}
        if days and _date(event.get("date")) not in days:
            errors.append((f"timeline event of {event['cites'][0]}: {_date(event.get('date'))} (expected one of "
                           f"{', '.join(sorted(str(day) for day in days))})", f"timeline[{index}]"))
    return errors


def _person_error(want: dict, person: dict, article_words: set[str]) -> str | None:
    """What is wrong with a drafted person against the hand-checked one: the name, the kind or the role."""
    if _words(want["name"]) <= article_words and _apostrophes(want["name"]) != _apostrophes(person["name"]):
        return f"name (expected {want['name']!r})"
    if want.get("kind") != person.get("kind"):
        return f"kind {person.get('kind')} (expected {want.get('kind')})"
    if want.get("role") and person.get("role") and not same_role(want["role"], person["role"]):
        return f"role {person['role']!r} (expected {want['role']!r})"
    return None


def _said_errors(item: str, want: dict, got: dict, gold_people: dict, by_id: dict) -> list[tuple[str, str]]:
    """A quote's or a statement's speaker and date against the hand-checked one's."""
    errors = []
    speaker = by_id.get(got.get("speaker"))
    if speaker is None or not same_speaker(gold_people[want["speaker"]], speaker):
        errors.append((f"{item} speaker: {speaker and speaker['name']} (expected "
                       f"{gold_people[want['speaker']]['name']})", item))
    if _date(want.get("date")) != _date(got.get("date")):
        errors.append((f"{item} date: {_date(got.get('date'))} (expected {_date(want.get('date'))})", item))
    return errors


def _share(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.0%})" if total else "-"


def _at_least(right: int, total: int, goal: float) -> bool:
    return total > 0 and right / total >= goal


# Articles held out from the work on the rules, each set measured before the rules were corrected on it (README):
# the figures of a set say how the next unseen articles may fare, the overall ones include what was tuned on.
HELD_OUT = {
    "first held-out set": ("british-flood-inquiry", "company-plant-closing", "gsa-courthouse-funds",
                           "gsa-weis-courthouse-plan", "nasa-gusto-balloon"),
    "second held-out set": ("noaa-long-county-stormready", "noaa-centre-county-stormready",
                            "noaa-weather-radio-grants", "wire-disputed-election", "irish-school-street",
                            "study-school-start-times"),
}
_COUNTED = ("quotes_expected", "quotes_found", "quotes_drafted", "speakers_right", "dates_right", "names_expected",
            "names_right", "roles_expected", "roles_right", "full_dates_expected", "full_dates_right", "markers",
            "paragraphs", "errors")


def _totals(rows: list[dict]) -> dict:
    totals = {key: sum(row.get(key, 0) for row in rows) for key in _COUNTED}
    totals["errors_unmarked"] = sum(len(row.get("errors_unmarked", [])) for row in rows)
    return totals


def measure_draft_quality(log=print) -> dict:
    rows = [compare(folder) for folder in hand_checked()]
    total = _totals(rows)
    sets = {name: {"articles": list(members), **_totals([row for row in rows if row["article"] in members])}
            for name, members in HELD_OUT.items()}
    scare_quotes = sum(len(row.get("scare_quotes", [])) for row in rows)
    kursk = next((row for row in rows if row["article"].startswith("kursk-explainer")), {})
    goals = [
        ("Quote recall 100% on every article", all(row.get("quotes_found") == row.get("quotes_expected")
                                                   for row in rows)),
        (f"Quote precision >= {GOAL_PRECISION:.0%} overall",
         _at_least(total["quotes_found"], total["quotes_drafted"], GOAL_PRECISION)),
        (f"Speakers right >= {GOAL_SPEAKERS:.0%} overall",
         _at_least(total["speakers_right"], total["quotes_found"], GOAL_SPEAKERS)),
        (f"Names exact >= {GOAL_NAMES:.0%} overall",
         _at_least(total["names_right"], total["names_expected"], GOAL_NAMES)),
        (f"Roles right >= {GOAL_ROLES:.0%} overall",
         _at_least(total["roles_right"], total["roles_expected"], GOAL_ROLES)),
        (f"Full dates right >= {GOAL_FULL_DATES:.0%} overall",
         _at_least(total["full_dates_right"], total["full_dates_expected"], GOAL_FULL_DATES)),
        (f"No scare quote drafted as speech ({scare_quotes} drafted)", scare_quotes == 0),
        ("Kursk: 8/8 quotes with the right speaker", kursk.get("speakers_right") == 8 == kursk.get("quotes_expected")),
        ("Every draft passes check with no edit", all(row["passes_check"] for row in rows)),
        (f"Every wrong value of a draft carries a review marker ({total['errors_unmarked']} without)",
         total["errors_unmarked"] == 0),
    ]
    return {"rows": rows, "total": total, "held_out": sets, "scare_quotes": scare_quotes,
            "goals": [{"goal": g, "met": met} for g, met in goals]}


def _markers(row: dict) -> str:
    """'39 (4.9/para.)': the markers, and how many per paragraph of the article's body."""
    if not row.get("paragraphs"):
        return str(row.get("markers", ""))
    return f"{row['markers']} ({row['markers'] / row['paragraphs']:.1f}/para.)"


def _marked(row: dict) -> str:
    """'5/6': the draft's wrong values that carry a review marker, of all its wrong values."""
    if "errors" not in row:
        return ""
    unmarked = row["errors_unmarked"] if isinstance(row["errors_unmarked"], int) else len(row["errors_unmarked"])
    return f"{row['errors'] - unmarked}/{row['errors']}"


def table(results: dict) -> str:
    head = f"{'Article':<24} {'Check':<6} {'Recall':<13} {'Precision':<13} {'Speakers':<13} {'Names':<13} " \
           f"{'Roles':<13} {'Full dates':<13} {'Scare':<6} {'Markers':<16} Errors marked"
    lines = ["Draft quality (python -m generator draft against hand-checked stories)", head, "-" * len(head)]
    held_out = [{"article": name.capitalize().replace(" held-out set", " held out"), "passes_check": None, **totals}
                for name, totals in results.get("held_out", {}).items()]
    for row in [*results["rows"], {"article": "All", "passes_check": None, **results["total"]}, *held_out]:
        check = {True: "pass", False: "FAIL", None: ""}[row.get("passes_check")]
        lines.append(
            f"{row['article']:<24} {check:<6} {_share(row.get('quotes_found', 0), row.get('quotes_expected', 0)):<13} "
            f"{_share(row.get('quotes_found', 0), row.get('quotes_drafted', 0)):<13} "
            f"{_share(row.get('speakers_right', 0), row.get('quotes_found', 0)):<13} "
            f"{_share(row.get('names_right', 0), row.get('names_expected', 0)):<13} "
            f"{_share(row.get('roles_right', 0), row.get('roles_expected', 0)):<13} "
            f"{_share(row.get('full_dates_right', 0), row.get('full_dates_expected', 0)):<13} "
            f"{len(row['scare_quotes']) if 'scare_quotes' in row else results.get('scare_quotes', ''):<6} "
            f"{_markers(row):<16} {_marked(row)}")
    for row in results["rows"]:
        for label, key in (("missed", "missed"), ("not in the story", "extra"), ("wrong speaker", "wrong_speakers"),
                           ("name not exact", "names_wrong"), ("wrong role", "roles_wrong"),
                           ("name or role in the editor's words, not counted", "editors_words"),
                           ("full date", "full_dates_missed"), ("scare quote as speech", "scare_quotes"),
                           ("error with no marker", "errors_unmarked")):
            for item in row.get(key, []):
                lines.append(f"  {row['article']}: {label}: {item}")
        if row.get("problems"):
            lines.append(f"  {row['article']}: check failed:\n{row['problems']}")
    lines.append("")
    lines += [f"  {'met ' if goal['met'] else 'MISSED'}  {goal['goal']}" for goal in results["goals"]]
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure_draft_quality()))
