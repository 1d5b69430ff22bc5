"""Hostile content in a real browser: an XSS payload in every text field of the story at once, on every engine,
built and served, and the Content-Security-Policy that stops an injected script even if escaping were to miss one.

The text fields come from the schema (every field validated as text or as a web address), so a field added
later is attacked too. The payload also tries to leave the site: a refresh to another host, a <base> pointing
there, and the text of a policy tag, which once made the Zensical finishing step skip the page."""

from __future__ import annotations

import shutil
import typing
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, build_env
from pydantic import BaseModel

from generator.content import schema
from generator.content.yamlfile import load_yaml
from generator.generate import generate_site
from generator.pages.page_types import served_path

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the `chromium` fixture: skipped, or failed under CI=true
    expect = sync_playwright = None

from tools import engine_server, require
from tools.site import MISSING_PATH
from tools.site_server import serve

pytestmark = pytest.mark.browser

WORD = "zqxpayload"
ELSEWHERE = "https://elsewhere.example/"
PAYLOAD = (f"{WORD} \"'><img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>"
           "<b onmouseover=alert(4)>b</b>{{7*7}}&amp;</title></head>"
           f'<meta http-equiv="refresh" content="0;url={ELSEWHERE}"><base href="{ELSEWHERE}">'
           'http-equiv="Content-Security-Policy"')
URL_PAYLOAD = f"https://example.org/{WORD}\"'`><img/src=x/onerror=alert(5)>"
# Elements and attributes the payload would create if it ever became markup, in the page and in the shadow roots
# of its components (Zensical's search dialog).
INJECTED = """() => {
  const all = [];
  const walk = (root) => root.querySelectorAll('*').forEach((el) => { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); });
  walk(document);
  return [
    ...all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))),
    ...all.filter((el) => el.matches('img[src="x"], img[src$="/x"], svg[onload], b[onmouseover]')),
    ...all.filter((el) => el.matches('script:not([type="application/ld+json"])') && el.textContent.includes('alert(')),
  ].map((el) => el.outerHTML.slice(0, 120));
}"""
# Every refresh, <base> and policy element, and where the policy is among the head's elements.
PLACED = """() => ({
  elements: [...document.querySelectorAll('meta[http-equiv], base')].map((el) => el.outerHTML.slice(0, 80)),
  policy: [...document.head.children].findIndex((el) => el.httpEquiv === 'Content-Security-Policy'),
})"""
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


def _payload_for(model: type[BaseModel], name: str) -> str:
    """The payload as a field may hold it. The check reads quotation marks in the site's text: a quote's label holds
    none, words quoted in reported speech must be the article's quotations, and elsewhere quoted words must be the
    article's words ("Kursk"). Each keeps the rest of the attack (attributes unquoted, as HTML allows), and a " right
    before '> where marks may stand."""
    unquoted = PAYLOAD.replace('"', "")
    if (model, name) in {(schema.Meta, "headline"), (schema.Meta, "summary"), (schema.Article, "headline"),
                         (schema.SiteSettings, "name"), (schema.SiteSettings, "description")}:
        return unquoted.replace(f"{WORD} ", f'{WORD} "Kursk"', 1)  # the fields that reach attributes
    return unquoted


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
            payload = _payload_for(model, name)
            # Put before the text, which keeps its sentences: checks count them (a source `carries` sentence 2).
            data[name] = ([f"{payload} {item}" for item in value] if isinstance(value, list)
                          else f"{payload} {value or ''}".strip())
            changed.append(here)
    return changed


def _replace_everywhere(data: dict | list, old: str, new: str) -> None:
    """Replace `old` by `new` in every string of the story's data, in place."""
    for key, value in list(data.items()) if isinstance(data, dict) else list(enumerate(data)):
        if isinstance(value, str):
            data[key] = value.replace(old, new)  # type: ignore[index]  # a list takes an int key, a dict any
        elif isinstance(value, dict | list):
            _replace_everywhere(value, old, new)


@pytest.fixture(scope="module")
def hostile_story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The main story with the payload in every text field; quotes get it in the article and the YAML alike."""
    folder = tmp_path_factory.mktemp("fuzz") / CONTENT.name  # a desk serves a story under its folder's name
    shutil.copytree(CONTENT, folder)
    data = load_yaml(folder / "story.yaml", "story.yaml")[0].data
    article = (folder / "article.txt").read_text(encoding="utf-8")
    # A text quoting a further source's words names who said them ("The Kremlin's spokesman says ... “…”"); with the
    # payload before it, the check could no longer tell whose words they are, which is not what this test attacks.
    _replace_everywhere(data, "“another piece of fake news”", "another piece of fake news")
    changed = attack(schema.Story, data)
    for item in data["background"]:  # each text is now the payload, one sentence: no source carries a second
        for source in item["sources"]:
            source.pop("carries", None)
    for index, quote in enumerate(data["quotes"]):
        words = f"{PAYLOAD.replace(chr(34), '')} quote {index}"  # no straight mark: text may quote the words
        article = article.replace(f"“{quote['text']}", f"“{words}", 1)
        # Text quoting these words quotes the new ones: quoted words anywhere are checked like quotes.
        _replace_everywhere(data, f"“{quote['text']}”", f"“{words}”")
        quote["text"] = words
        changed.append(f"quotes[{index}].text")
    # The article's headline is its first line: the attacked one takes its place there too.
    article = data["article"]["headline"] + article[article.index("\n"):]
    data["terms"] = [{"text": "Kursk", "note": "The attacked headline's quoted word."}]
    (folder / "article.txt").write_text(article, encoding="utf-8")
    (folder / "story.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder, changed


def test_the_attack_reaches_every_text_field_of_the_schema(hostile_story: tuple[Path, list[str]]) -> None:
    _, changed = hostile_story
    for expected in ("meta.headline", "meta.summary", "article.agency", "article.url", "map.title",
                     "map.description", "people[0].role", "quotes[0].where", "background[0].sources[0].url"):
        assert expected in changed, f"{expected} was not attacked: {changed}"


@pytest.fixture(scope="module", params=[(engine, how) for engine in engine_server.ENGINES
                                        for how in ("built", "served")], ids=lambda param: "-".join(param))
def hostile_site(request: pytest.FixtureRequest, hostile_story: tuple[Path, list[str]],
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """The hostile story on one engine, built (and served like GitHub Pages) or served by the engine's own
    server; yields (engine, "built" or "served", the site's URL). One site at a time, each once per module."""
    engine, how = request.param
    if engine != "mkdocs":
        require(find_spec(engine), f"{engine} is not installed (make .venv/.engine-{engine})")
    folder, _ = hostile_story
    work = tmp_path_factory.mktemp(f"{engine}-{how}")
    if how == "served":
        with engine_server.serve(engine, folder, work, build_env()) as base_url:
            yield engine, how, base_url
        return
    site, result = engine_server.build(engine, folder, work, build_env())
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    with serve(site) as base_url:
        yield engine, how, base_url


@pytest.fixture(scope="module")
def hostile_pages(hostile_story: tuple[Path, list[str]]) -> list[str]:
    """Every page of the hostile site, as served paths ("", "quotes/", ...), and a missing one (the 404 page)."""
    folder, _ = hostile_story
    return [served_path(path) for path in generate_site(folder).pages] + [MISSING_PATH]


def open_page(chromium, origin: str):
    """A fresh page that may load nothing from outside `origin`; also the dialogs it opens and every navigation
    away from `origin` it attempts."""
    context = chromium.new_context(service_workers="block")
    context.set_default_timeout(15_000)
    context.route(lambda url: not url.startswith(origin), lambda route: route.abort("blockedbyclient"))
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    dialogs: list[str] = []
    away: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: away.append(request.url)
            if request.is_navigation_request() and not request.url.startswith(origin) else None)
    return context, page, dialogs, away


def search(page, words: str, engine: str = "mkdocs") -> int:
    """Type into the theme's search box and wait for its results; how many it lists. Zensical has a search
    dialog of its own, in a shadow root, which Playwright's locators enter by themselves."""
    if engine == "zensical":
        page.locator(".md-search__button").click()
        page.keyboard.type(words)
        results = page.locator('ol[role="listbox"] a[role="option"]')
        results.first.wait_for()
        return results.count()
    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    page.locator(".md-search-result__meta").filter(has_text=" matching document").wait_for()
    return page.locator(".md-search-result__item").count()


def test_a_payload_in_every_field_never_runs_in_any_page_or_in_search(
        chromium, hostile_site: tuple[str, str, str], hostile_pages: list[str]) -> None:
    """On every engine, built and served: no dialog, no navigation away from the site, no element made from the
    payload, and on every page one policy, first in the head, and no other refresh, <base> or policy."""
    engine, how, base_url = hostile_site
    origin = base_url.split("/kursk-explainer/")[0] + "/"
    context, page, dialogs, away = open_page(chromium, origin)
    assert len(hostile_pages) >= 10
    for path in hostile_pages:
        # A served page keeps a connection open for its live reload: the network never goes idle.
        page.goto(base_url + path, wait_until="load" if how == "served" else "networkidle")
        page.wait_for_timeout(300)  # a refresh of 0 seconds would have left by now
        assert not away and page.url.startswith(base_url), f"{path}: left the site for {away or page.url}"
        assert WORD in page.locator("body").inner_text() or path == MISSING_PATH
        placed = page.evaluate(PLACED)
        assert len(placed["elements"]) == 1 and placed["policy"] in (0, 1), f"{path}: {placed}"
        assert "default-src 'self'" in placed["elements"][0], f"{path}: {placed}"
        assert page.evaluate(INJECTED) == [], f"{path}: elements from the payload"
        if (engine, how) != ("zensical", "served"):  # no step after `zensical serve` mends the theme's title
            logo = page.locator(".md-header .md-logo")
            assert logo.get_attribute("title") == logo.get_attribute("aria-label"), f"{path}: the logo's title"
        found = search(page, WORD, engine)
        assert found > 0, f"{path}: search for {WORD} found nothing"
        page.wait_for_timeout(300)  # results fade in; an injected handler would have run by now
        assert page.evaluate(INJECTED) == [], f"{path}: search results made elements from the payload"
        assert page.evaluate("window.__violations") == [], f"{path}: the page broke its own policy"
        assert not dialogs, f"{path}: a dialog opened: {dialogs}"
        assert not away, f"{path}: tried to leave the site for {away}"
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
        context, page, _, _ = open_page(chromium, origin)
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
