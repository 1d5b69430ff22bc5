"""The real `mkdocs serve`: follows every save, survives a broken one, recovers without a restart."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, build_env
from tools import launch_chromium

from generator.site.broken_save import with_banner
from generator.site.live_site import LiveSite


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition, timeout: float = 30.0, what: str = "") -> float:
    """Poll until condition() is true; return the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Server:
    def __init__(self, process: subprocess.Popen, url: str, log: Path) -> None:
        self.process, self.url, self.log = process, url, log

    def page(self, path: str = "") -> str:
        status, body = fetch(self.url + path)
        return body if status == 200 else ""

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


# Runs the real `mkdocs` command with a fault planted in the generator: rendering raises an error that is
# no content mistake whenever the headline contains FAULT, as an unforeseen bug would.
FAULTY_MKDOCS = """
import runpy, sys
import generator.generate
real_render_site_pages = generator.generate.render_site_pages
def render_site_pages(loaded, pages=None):
    if "FAULT" in loaded.story.meta.headline:
        raise RuntimeError("planted fault")
    return real_render_site_pages(loaded, pages)
generator.generate.render_site_pages = render_site_pages
sys.argv[0] = "mkdocs"
runpy.run_module("mkdocs", run_name="__main__")
"""


# The same with a slow rebuild planted: rendering takes SLOW_SECONDS more whenever the headline contains SLOW,
# as a very large story's rebuild would.
SLOW_SECONDS = 12
SLOW_MKDOCS = FAULTY_MKDOCS.replace('raise RuntimeError("planted fault")', f"import time; time.sleep({SLOW_SECONDS})") \
    .replace('"FAULT"', '"SLOW"')


def mkdocs_command(*args: str, faulty: bool = False, slow: bool = False) -> list[str]:
    code = ["-c", FAULTY_MKDOCS] if faulty else ["-c", SLOW_MKDOCS] if slow else ["-m", "mkdocs"]
    return [sys.executable, *code, *args]


@contextmanager
def serving(story: Path, log: Path, faulty: bool = False, slow: bool = False) -> Iterator[Server]:
    """The real `mkdocs serve` of `story` on a free loopback port, stopped (with its children) afterwards.

    It builds into a temporary folder (mkdocs_*) of the TMPDIR given here, beside the log, and removes
    it when stopped with Ctrl+C (SIGINT), as a person stops it; a SIGTERM would leave it behind.
    """
    port = free_port()
    temporary = log.parent / "serve-tmp"
    temporary.mkdir(exist_ok=True)
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            mkdocs_command("serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}", faulty=faulty, slow=slow),
            cwd=ROOT, env=build_env(STORY=str(story), TMPDIR=str(temporary)), stdout=log_file,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        # The repository is a desk: a story is served under its folder's name, as it is published.
        yield Server(process, f"http://127.0.0.1:{port}/{story.name}/", log)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
    left = sorted(path.name for path in temporary.glob("mkdocs_*"))
    assert not left, f"mkdocs serve left its build folder behind: {left}"


@pytest.fixture()
def server(story_copy: Path, tmp_path: Path) -> Iterator[Server]:
    with serving(story_copy, tmp_path / "serve.log") as running:
        wait_for(lambda: "Kursk" in running.page(), 60, "the first build to be served")
        yield running


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_serve_follows_saves_survives_a_broken_one_and_recovers(server: Server, story_copy: Path) -> None:
    story = story_copy / "story.yaml"
    original = story.read_text(encoding="utf-8")

    save(story, original.replace("what we know", "what we know now", 1))
    wait_for(lambda: "what we know now" in server.page(), 30, "the edited headline")

    broken = original.replace("what we know", "broken save", 1).replace("speaker: sybiha", "speakr: sybiha", 1)
    save(story, broken)
    wait_for(lambda: re.search(r"story\.yaml:\d+:\d+: quotes\[4\]\.speakr: unknown field 'speakr'; did you mean 'speaker'\?",
                               server.log_text()), 30, "the located error in the log")
    assert "Traceback" not in server.log_text()
    assert "what we know now" in server.page(), "the last good pages must stay served"
    assert server.process.poll() is None

    save(story, original.replace("what we know", "fixed again", 1))
    wait_for(lambda: "fixed again" in server.page(), 30, "recovery after the fix")


def test_serve_answers_with_the_last_good_pages_while_a_slow_rebuild_runs(story_copy: Path, tmp_path: Path) -> None:
    story = story_copy / "story.yaml"
    original = story.read_text(encoding="utf-8")
    with serving(story_copy, tmp_path / "serve.log", slow=True) as server:
        wait_for(lambda: "Kursk" in server.page(), 60, "the first build to be served")
        save(story, original.replace("what we know", "SLOW to build", 1))
        wait_for(lambda: server.log_text().count("Building documentation") == 2, 30, "the rebuild to start")
        started = time.monotonic()
        status, body = fetch(server.url)  # MkDocs alone held this request until the rebuild was over
        assert status == 200 and "what we know" in body and "SLOW" not in body, (status, body[:200])
        status, body = fetch(server.url + "quotes/")
        assert status == 200 and "Direct quotes" in body
        assert time.monotonic() - started < SLOW_SECONDS / 2, "answered only after the rebuild"
        wait_for(lambda: "SLOW to build" in server.page(), SLOW_SECONDS + 30, "the rebuilt pages")
        assert fetch(server.url + "no-such-page/")[0] == 404
        save(story, original.replace("what we know", "built again", 1))
        wait_for(lambda: "built again" in server.page(), 30, "the next rebuild")


def test_saving_the_article_regenerates_the_pages(server: Server, story_copy: Path) -> None:
    article = story_copy / "article.txt"
    save(article, article.read_text(encoding="utf-8").replace("staging a major incursion", "staging a big incursion"))
    wait_for(lambda: "staging a big incursion" in server.page("article/"), 30, "the edited sentence")


def test_serve_writes_nothing_into_docs(server: Server, story_copy: Path) -> None:
    before = sorted(p.relative_to(ROOT) for p in (ROOT / "docs").rglob("*"))
    story = story_copy / "story.yaml"
    save(story, story.read_text(encoding="utf-8").replace("what we know", "edited once more", 1))
    wait_for(lambda: "edited once more" in server.page(), 30, "the edit")
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "docs").rglob("*")) == before


@pytest.mark.browser
def test_the_open_browser_tab_reloads_by_itself(server: Server, story_copy: Path, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto(server.url)
        page.wait_for_timeout(1000)  # let the live-reload script connect
        story = story_copy / "story.yaml"
        save(story, story.read_text(encoding="utf-8").replace("what we know", "reloaded in the tab", 1))
        deadline = time.monotonic() + 30
        # Polled from here: wait_for_function evaluates its predicate again after the reload with eval(),
        # which the page's Content-Security-Policy forbids.
        while not _heading_says(page, "reloaded in the tab"):
            assert time.monotonic() < deadline, "the tab did not reload with the new headline within 30 s"
            page.wait_for_timeout(250)
        browser.close()


def _heading_says(page, words: str) -> bool:
    return bool(_in_page(page, "(words) => (document.querySelector('h1')?.textContent || '').includes(words)", words))


def _in_page(page, script: str, argument: object = None) -> object:
    """`script` evaluated in the open page; None while the page is being replaced by a reload."""
    try:
        return page.evaluate(script, argument)
    except Exception:  # noqa: BLE001 - the page is being replaced by the reload
        return None


# The banner at the top of the page's content, as a reader's browser has it: its words, each listed message,
# and whether it is the first thing in the content and holds nothing but text.
BANNER = """() => {
    const content = document.querySelector("article.md-content__inner");
    const alert = content && content.querySelector("[role=alert]");
    if (!alert) return null;
    return {text: alert.innerText, messages: [...alert.querySelectorAll("li")].map(item => item.textContent),
            first: content.firstElementChild === alert, markup: alert.querySelectorAll("li *:not(code)").length};
}"""


def _poll(page, script: str, done, seconds: float, what: str) -> object:
    """Evaluate `script` in the open tab until done(result); the tab is never reloaded from here."""
    deadline = time.monotonic() + seconds
    while True:
        result = _in_page(page, script)
        if done(result):
            return result
        assert time.monotonic() < deadline, f"the tab did not show {what} within {seconds} s"
        page.wait_for_timeout(250)


@pytest.mark.browser
def test_a_broken_save_shows_its_problems_on_the_open_page_until_a_fix_is_saved(server: Server,
                                                                                story_copy: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    story = story_copy / "story.yaml"
    original = story.read_text(encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto(server.url + "quotes/")
        page.wait_for_timeout(1000)  # let the live-reload script connect
        assert _in_page(page, BANNER) is None

        # A quote that is not in the article, with markup in it: the message quotes the story's text.
        broken = original.replace("is a threat to both", "is a <b>threat</b> to both", 1)
        save(story, broken)
        line = next(number for number, text in enumerate(broken.split("\n"), 1) if "<b>threat</b>" in text)
        banner = _poll(page, BANNER, bool, 60, "the banner of a broken save")
        assert isinstance(banner, dict)
        assert "The last save could not be built" in banner["text"]
        assert "last good build" in banner["text"]
        located = [message for message in banner["messages"]
                   if re.match(rf".*story\.yaml:{line}:5: quotes\[0\]\.text: not found in the source; closest", message)]
        assert located, banner["messages"]
        assert "< (U+003C LESS-THAN SIGN)" in located[0], "the story's text is shown as text"
        assert banner["markup"] == 0, "no markup from the story reaches the banner"
        for message in banner["messages"]:
            assert message in server.log_text(), f"the banner says what the terminal says: {message}"
        assert banner["first"], "the banner is the first thing in the page's content"
        assert _heading_says(page, "Quotes and statements"), "the last good page is shown under the banner"

        save(story, original.replace("what we know", "fixed and saved", 1))
        _poll(page, BANNER, lambda result: result is None and _heading_says(page, "Quotes"), 60,
              "the page without the banner")
        page.goto(server.url)
        assert _heading_says(page, "fixed and saved") and _in_page(page, BANNER) is None
        browser.close()


def test_the_broken_save_banner_shows_markup_in_a_message_as_text() -> None:
    page = '<html><body><div class="md-header">Site</div><article class="md-content__inner md-typeset"><h1>Quotes</h1>'
    message = ('content/story.yaml:3:5: quotes[0].text: not found; closest passage: "<script>alert(1)</script>" '
               '& <img src=x onerror=alert(2)>')
    shown = with_banner(page, [message])
    assert "<script>" not in shown and "<img" not in shown
    assert ("content/story.yaml:3:5: quotes[0].text: not found; closest passage: &quot;&lt;script&gt;alert(1)"
            "&lt;/script&gt;&quot; &amp; &lt;img src=x onerror=alert(2)&gt;") in shown
    assert shown.index('role="alert"') > shown.index("<article"), "at the top of the content, not the header"
    assert shown.index('role="alert"') < shown.index("<h1>")
    assert "style=" not in shown, "the site's policy allows no inline style"


def test_a_story_broken_from_the_start_is_served_as_a_list_of_its_problems(story_copy: Path, tmp_path: Path) -> None:
    story = story_copy / "story.yaml"
    save(story, story.read_text(encoding="utf-8").replace("event_date: 2024-10-28", 'event_date: "<b>x</b>"', 1))
    with serving(story_copy, tmp_path / "serve.log") as server:
        wait_for(lambda: "The story has mistakes" in server.page(), 60, "the problem list")
        assert "article.event_date" in server.page()
        assert "&lt;b&gt;x&lt;/b&gt;" in server.page() and "<b>x</b>" not in server.page()
        assert "The site shows a list of these problems until a fix is saved." in server.log_text()
        save(story, story.read_text(encoding="utf-8").replace('event_date: "<b>x</b>"', "event_date: 2024-10-28", 1))
        wait_for(lambda: "Kursk" in server.page(), 30, "recovery after the fix")


def test_serve_keeps_answering_after_a_failure_that_is_no_content_mistake(story_copy: Path, tmp_path: Path) -> None:
    story = story_copy / "story.yaml"
    original = story.read_text(encoding="utf-8")
    with serving(story_copy, tmp_path / "serve.log", faulty=True) as server:
        wait_for(lambda: "Kursk" in server.page(), 60, "the first build to be served")
        save(story, original.replace("what we know", "FAULT now", 1))
        wait_for(lambda: "RuntimeError: planted fault" in server.log_text(), 30, "the failure in the log")
        assert re.search(r"story\.yaml:1:1: the site cannot be built: RuntimeError: planted fault",
                         server.log_text()), server.log_text()
        assert "The site still shows the last good version" in server.log_text()
        status, body = fetch(server.url)
        assert status == 200 and "what we know" in body, "the last good pages must stay served"
        assert "Traceback" not in server.log_text()
        save(story, original.replace("what we know", "fixed after the fault", 1))
        wait_for(lambda: "fixed after the fault" in server.page(), 30, "recovery after the fix")


def test_mkdocs_build_still_fails_on_a_failure_that_is_no_content_mistake(story_copy: Path, tmp_path: Path) -> None:
    story = story_copy / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("what we know", "FAULT now", 1), encoding="utf-8")
    result = subprocess.run(mkdocs_command("build", "--strict", "--site-dir", str(tmp_path / "site"), faulty=True),
                            cwd=ROOT, env=build_env(STORY=str(story_copy)), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode != 0
    assert "the site cannot be built: RuntimeError: planted fault" in result.stderr
    assert "Traceback" not in result.stderr


def test_another_story_is_served_under_its_own_name_and_a_renaming_shows_at_once(tmp_path: Path) -> None:
    story_dir = tmp_path / "story"
    shutil.copytree(ROOT / "tests" / "corpus" / "many-speakers", story_dir)
    with serving(story_dir, tmp_path / "serve.log") as server:
        wait_for(lambda: "Elmstead" in server.page(), 60, "the first build to be served")
        home = server.page()
        assert "<title>Where should Elmstead build its new school? Six sides, one decision - Elmstead school " \
               "explainer</title>" in home
        assert "Quotations from Lakeshore News Agency, as republished by Elmstead Weekly." in home
        assert "Kursk" not in home and "Reuters" not in home
        story = story_dir / "story.yaml"
        save(story, story.read_text(encoding="utf-8").replace("name: Elmstead school explainer",
                                                              "name: Elmstead schools desk", 1))
        wait_for(lambda: "- Elmstead schools desk</title>" in server.page(), 30, "the new site name")


def test_a_dirty_serve_rebuilds_over_the_served_folder_as_mkdocs_does(tmp_path: Path) -> None:
    # A dirty rebuild writes only the changed pages: into a new, empty folder it would leave the others out.
    def build() -> None:
        pass

    server = SimpleNamespace(builder=build, root=str(tmp_path / "site"), error_handler=None,
                             _epoch_cond=threading.Condition(), _wanted_epoch=1, _visible_epoch=1)
    live = LiveSite()
    live.dirty = True
    live.attach(server)
    assert server.builder is build and live.site_dir(server.root) == server.root
