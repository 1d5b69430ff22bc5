"""The structured data of every page names the sources it rests on: the article, each further source, and on the
pages that list them the background's sources, as schema.org CreativeWorks a search engine can read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT

from generator.content.load import load_story
from generator.pages.seo import json_ld

# The schema.org properties each type used here has (https://schema.org/<Type>), beyond those of Thing.
THING = {"@context", "@type", "@id", "name", "description", "url", "image"}
CREATIVE_WORK = THING | {"headline", "inLanguage", "datePublished", "dateModified", "about", "isBasedOn", "citation",
                         "mentions", "hasPart", "publisher", "author", "genre", "text", "creator", "dateCreated",
                         "sourceOrganization"}
PROPERTIES = {"BackgroundNewsArticle": CREATIVE_WORK, "NewsArticle": CREATIVE_WORK, "CreativeWork": CREATIVE_WORK,
              "Quotation": CREATIVE_WORK, "Organization": THING, "Thing": THING,
              "Person": THING | {"jobTitle", "affiliation"}}
ISO_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2}(T.+)?)?)?")


def structured_data(site: Path, path: str) -> dict:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1, f"{path}: {len(scripts)} JSON-LD blocks"
    return json.loads(scripts[0])


def schema_problems(node: object, where: str = "") -> list[str]:
    """Every node whose type schema.org lacks, or that has a property its type does not."""
    if isinstance(node, list):
        return [problem for number, each in enumerate(node) for problem in schema_problems(each, f"{where}[{number}]")]
    if not isinstance(node, dict):
        return []
    allowed = PROPERTIES.get(node.get("@type", ""))
    if allowed is None:
        return [f"{where}: no schema.org type here: {node.get('@type')!r}"]
    found = [f"{where}.{key}: not a property of {node['@type']}" for key in node if key not in allowed]
    found += [f"{where}.{key}: {node[key]!r} is no ISO 8601 date" for key in ("datePublished", "dateCreated")
              if key in node and not ISO_DAY.fullmatch(node[key])]
    return found + [problem for key, value in node.items() for problem in schema_problems(value, f"{where}.{key}")]


def test_the_kursk_overview_cites_the_tass_and_uawire_sources_it_quotes(built_site: Path) -> None:
    data = structured_data(built_site, "")
    assert data["@context"] == "https://schema.org" and schema_problems(data) == []
    assert data["isBasedOn"]["author"]["name"] == "Reuters"
    cited = {entry["url"]: entry for entry in data["citation"]}
    tass = cited["https://tass.com/politics/1854537"]
    assert tass == {"@type": "NewsArticle", "name": "TASS, 10 October 2024", "genre": "news report",
                    "url": "https://tass.com/politics/1854537", "datePublished": "2024-10-10", "inLanguage": "en",
                    "publisher": {"@type": "Organization", "name": "TASS"}}
    uawire = cited["https://www.uawire.org:443/kremlin-dismisses-reports-of-north-korean-troops-in-russia-as-"
                   "contradictory"]
    assert uawire["name"] == "Kremlin dismisses reports of North Korean troops in Russia as 'contradictory'"
    assert uawire["publisher"]["name"] == "UAWire" and uawire["datePublished"] == "2024-10-21"
    treaty = cited["https://tass.com/politics/1868051"]
    assert treaty["@type"] == "CreativeWork" and treaty["genre"] == "document"
    assert len(cited) == 3, "the overview lists the background's sources only where a page shows them"


@pytest.mark.parametrize("path", ["sources/", "context/"])
def test_the_pages_listing_the_background_cite_each_of_its_sources_once(built_site: Path, path: str) -> None:
    data = structured_data(built_site, path)
    assert schema_problems(data) == []
    urls = [entry["url"] for entry in data["citation"]]
    story = load_story(CONTENT).story
    every = {source.url for item in story.background for source in item.sources} | {s.url for s in story.sources}
    assert len(urls) == len(set(urls)) and set(urls) == every
    assert all(entry["publisher"]["name"] for entry in data["citation"])


def test_a_bylined_article_names_its_writer_and_the_newsroom_they_wrote_for() -> None:
    story = load_story(ROOT / "tests" / "corpus" / "ferry-evening-sailings").story
    based_on = json_ld(story, "index.md", "https://example.org/", "https://example.org/", "https://example.org/c.png")[
        "isBasedOn"]
    assert based_on["author"] == {"@type": "Person", "name": "Ellen Marsh"}
    assert based_on["sourceOrganization"] == {"@type": "Organization", "name": story.article.agency}
    assert schema_problems(based_on) == []
