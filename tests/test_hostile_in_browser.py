"""Hostile content in a real browser: an XSS payload in every text field of the story at once, and the
Content-Security-Policy that stops an injected script even if escaping were to miss one.

The text fields come from the schema (every field validated as text or as a web address), so a field added
later is attacked too."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, mkdocs_build
from pydantic import BaseModel

from generator import schema
from generator.yamlfile import load_yaml

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the `chromium` fixture: skipped, or failed under CI=true
    expect = sync_playwright = None

from tools.site import MISSING_PATH, built_pages, page_path
from tools.site_server import serve

pytestmark = pytest.mark.browser

WORD = "zqxpayload"
PAYLOAD = (f"{WORD} \"'><img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>"
           "<b onmouseover=alert(4)>b</b>{{7*7}}&amp;</title></head>")
URL_PAYLOAD = f"https://example.org/{WORD}\"'`><img/src=x/onerror=alert(5)>"
# Elements and attributes the payload would create if it ever became markup.
INJECTED = """() => [
  ...[...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
      .map((el) => el.outerHTML.slice(0, 120)),
  ...[...document.querySelectorAll('img[src="x"], img[src$="/x"], svg[onload], b[onmouseover]')]
      .map((el) => el.outerHTML.slice(0, 120)),
  ...[...document.querySelectorAll('script:not([type="application/ld+json"])')]
      .filter((s) => s.textContent.includes('alert('))
      .map((s) => s.outerHTML.slice(0, 120)),
]"""
WATCH_CSP = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${(e.sample || '').slice(0, 60)}`));"""


def _kind(annotation: object, metadata: list | tuple = ()) -> str | None:
    """'text', 'url' or 'model' for a field's annotation (looking inside Optional, list and Annotated);
    pydantic moves the Annotated metadata of a field's own type into `metadata`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model"
    for part in typing.get_args(annotation):
        found = _kind(part)
        if found:
            return found
    checks = [getattr(meta, "func", None) for meta in [*metadata, *getattr(annotation, "__metadata__", ())]]
    if schema._is_visible in checks:
        return "text"
    if schema._is_web_address in checks:
        return "url"
    return None


def _model_of(annotation: object) -> type[BaseModel]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(_model_of(part) for part in typing.get_args(annotation) if _kind(part) == "model")


def attack(model: type[BaseModel], data: dict, path: str = "") -> list[str]:
    """Put the payload in every text and address field of `data` (optional ones too); the fields changed."""
    changed = []
    for name, field in model.model_fields.items():
        kind, here = _kind(field.annotation, field.metadata), f"{path}.{name}".lstrip(".")
        value = data.get(name)
        if kind == "model" and isinstance(value, list):
            for index, item in enumerate(value):
                changed += attack(_model_of(field.annotation), item, f"{here}[{index}]")
        elif kind == "model" and value is not None:
            changed += attack(_model_of(field.annotation), value, here)
        elif kind == "url":
            data[name] = URL_PAYLOAD
            changed.append(here)
        elif kind == "text" and not (model is schema.Quote and name == "text"):  # quotes: see below
            # Put before the text, which keeps its sentences: checks count them (a source `carries` sentence 2).
            data[name] = ([f"{PAYLOAD} {item}" for item in value] if isinstance(value, list)
                          else f"{PAYLOAD} {value or ''}".strip())
            changed.append(here)
    return changed


@pytest.fixture(scope="module")
def hostile_story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The main story with the payload in every text field; quotes get it in the article and the YAML alike."""
    folder = tmp_path_factory.mktemp("fuzz") / "story"
    shutil.copytree(CONTENT, folder)
    data = load_yaml(folder / "story.yaml", "story.yaml")[0].data
    article = (folder / "article.txt").read_text(encoding="utf-8")
    changed = attack(schema.Story, data)
    for item in data["background"]:  # each text is now the payload, one sentence: no source carries a second
        for source in item["sources"]:
            source.pop("carries", None)
    for index, quote in enumerate(data["quotes"]):
        words = f"{PAYLOAD} quote {index}"
        article = article.replace(f"“{quote['text']}", f"“{words}", 1)
        quote["text"] = words
        changed.append(f"quotes[{index}].text")
    (folder / "article.txt").write_text(article, encoding="utf-8")
    (folder / "story.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder, changed


def test_the_attack_reaches_every_text_field_of_the_schema(hostile_story: tuple[Path, list[str]]) -> None:
    _, changed = hostile_story
    for expected in ("meta.headline", "meta.summary", "article.agency", "article.url", "map.title",
                     "map.description", "people[0].role", "quotes[0].where", "background[0].sources[0].url"):
        assert expected in changed, f"{expected} was not attacked: {changed}"


@pytest.fixture(scope="module")
def hostile_site(hostile_story: tuple[Path, list[str]]) -> Path:
    folder, _ = hostile_story
    site = folder.parent / "site"
    result = mkdocs_build(site, STORY=str(folder))
    assert result.returncode == 0, result.stderr
    return site



def open_page(chromium, origin: str):
    context = chromium.new_context(service_workers="block")
    context.set_default_timeout(15_000)
    context.route(lambda url: not url.startswith(origin), lambda route: route.abort("blockedbyclient"))
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return context, page, dialogs


def search(page, words: str) -> int:
    """Type into Material's search box and wait for its results; how many it lists."""
    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    page.locator(".md-search-result__meta").filter(has_text=" matching document").wait_for()
    return page.locator(".md-search-result__item").count()


def test_a_payload_in_every_field_never_runs_in_any_page_or_in_search(chromium, hostile_site: Path) -> None:
    with serve(hostile_site) as base_url:
        origin = base_url.split("/kursk-explainer/")[0] + "/"
        context, page, dialogs = open_page(chromium, origin)
        pages = built_pages(hostile_site)
        assert len(pages) >= 10
        for relative in pages:
            url = base_url + (MISSING_PATH if relative == "404.html" else page_path(relative))
            page.goto(url, wait_until="networkidle")
            assert WORD in page.locator("body").inner_text() or relative in ("404.html", "editing/index.html")
            assert page.evaluate(INJECTED) == [], f"{relative}: elements from the payload"
            found = search(page, WORD)
            assert found > 0, f"{relative}: search for {WORD} found nothing"
            page.wait_for_timeout(300)  # results fade in; an injected handler would have run by now
            assert page.evaluate(INJECTED) == [], f"{relative}: search results made elements from the payload"
            assert page.evaluate("window.__violations") == [], f"{relative}: the page broke its own policy"
            assert not dialogs, f"{relative}: a dialog opened: {dialogs}"
        context.close()


def test_an_injected_inline_script_is_blocked_by_the_policy(chromium, built_site: Path, tmp_path: Path) -> None:
    """Even markup that escaping missed cannot run: the page's policy blocks inline script and handlers,
    while Material's own scripts (palette, search and its worker) keep working."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    target = site / "quotes" / "index.html"
    markup = target.read_text(encoding="utf-8")
    injected = ('<script>window.injectedRan = true</script>'
                '<img src="data:," onerror="window.handlerRan = true" alt="">')
    target.write_text(markup.replace('<article class="md-content__inner md-typeset">',
                                     '<article class="md-content__inner md-typeset">' + injected, 1), encoding="utf-8")
    with serve(site) as base_url:
        origin = base_url.split("/kursk-explainer/")[0] + "/"
        context, page, dialogs = open_page(chromium, origin)
        page.goto(base_url + "quotes/", wait_until="networkidle")
        assert page.evaluate("typeof window.__md_get") == "function", "Material's own inline script did not run"
        assert page.evaluate("window.injectedRan") is None, "the injected script ran"
        assert page.evaluate("window.handlerRan") is None, "the injected event handler ran"
        violations = page.evaluate("window.__violations")
        assert any(v.startswith("script-src-elem inline") for v in violations), violations
        assert any(v.startswith("script-src-attr inline") for v in violations), violations
        assert search(page, "Rutte") > 0, "search stopped working under the policy"
        page.keyboard.press("Escape")
        assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
        page.get_by_title("Switch to dark mode").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        context.close()
