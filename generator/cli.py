"""Command line: `python -m generator check|build|engine-docs|engine-finish|new|draft|sentences|schema`."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import click

from .content import project
from .content.desk_layout import STORIES_FOLDER, desk_stories, is_desk, refuse_unaddressable
from .content.desk_settings import read_desk_settings
from .content.errors import ContentError
from .content.load import STORY_FILE, display_path, load_story, max_bytes_from_environment, read_article
from .content.review import count_message, placeholder_addresses, review_items_in
from .content.scaffold import scaffold_story
from .content.schema import story_schema
from .content.stored_texts import further_in_words
from .desk.desk_build import build_desk
from .desk.desk_serve import serve_desk
from .desk.preflight import preflight as run_preflight
from .desk.story_messages import story_messages
from .draft.drafting import draft_story
from .engines.hookless_docs import ENGINE_CONFIG, ENGINE_DOCS, head_tags_file, write_engine_inputs
from .engines.hookless_finish import engine_scripts, finish_site, overrides_folder, script_styles
from .engines.hookless_watch import regenerate, snapshot
from .engines.hookless_watch import watch as watch_files
from .generate import checked_story, generate_site
from .site.finish import Finishing, override_styles
from .site.write import Written, refuse_unsafe_folder, write_files

STORY_DIR = click.argument("story_dir", type=click.Path(path_type=Path),
                           default=lambda: project.story_folder(Path()))
MAX_BYTES = click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                         help="Largest content file accepted, in bytes "
                              "(default 50 MB, or EXPLAINER_MAX_CONTENT_BYTES).")


@click.group()
def main() -> None:
    """Generate and check the pages of a news explainer from a story folder (story.yaml + article.txt)."""


@main.command()
@click.argument("story_dirs", nargs=-1, type=click.Path(path_type=Path))
@MAX_BYTES
def check(story_dirs: tuple[Path, ...], max_bytes: int | None) -> None:
    """Check each story: quotes verbatim, references, ids, dates. Exit status 1 on any problem.

    Without STORY_DIRS: every story of a desk (stories/), each message after its story's name, else the story."""
    folders = list(story_dirs) or project.story_folders(Path())
    if len(folders) == 1:
        _check_one(folders[0], max_bytes, "")
        return
    failed = []
    for folder in folders:
        try:
            _check_one(folder, max_bytes, f"[{folder.name}] ")
        except ContentError as error:
            failed.append(folder.name)
            for problem in error.problems:
                click.echo(f"[{folder.name}] {problem}", err=True)
    if failed:
        raise click.ClickException(f"{len(failed)} of {len(folders)} stories have mistakes: {', '.join(failed)}")


def _check_one(story_dir: Path, max_bytes: int | None, prefix: str) -> None:
    """Check one story, each line it prints after `prefix`; raises ContentError with its mistakes."""
    loaded = checked_story(story_dir, max_bytes)
    story = loaded.story
    for warning in loaded.warnings:
        click.echo(f"{prefix}{warning}", err=True)
    counted = ", ".join([f"{_count(len(story.quotes), 'quote')} verified verbatim",
                         _count(len(story.statements), "statement"), _count(len(story.background), "background fact"),
                         _count(len(loaded.source.sentences), "source sentence")])
    click.echo(f"{prefix}{story_dir / 'story.yaml'}: OK: {counted}{further_in_words(loaded.further)}.")
    left = count_message(review_items_in(story_dir / STORY_FILE, loaded.document.positions,
                                         max_bytes or max_bytes_from_environment()))
    if left:
        click.echo(f"{prefix}{left}")
    for placeholder in placeholder_addresses(loaded.document):
        click.echo(f"{prefix}{placeholder}")


def _count(number: int, name: str) -> str:
    return f"{number} {name}" + ("" if number == 1 else "s")


@main.command()
@STORY_DIR
@MAX_BYTES
@click.option("--out", type=click.Path(path_type=Path), default=Path("build/pages"), show_default=True,
              help="Folder to write the pages to (for engines that ignore MkDocs hooks, use docs).")
@click.option("--site-name", default=None, help="Name shown on share images (default: the story's site name).")
def build(story_dir: Path, max_bytes: int | None, out: Path, site_name: str | None) -> None:
    """Write the generated pages and files to a folder. Nothing is written if the story has a mistake."""
    refuse_unsafe_folder(out, story_dir)
    site = generate_site(story_dir, site_name, max_bytes, cache=project.cache_folder(Path(), "share-images"))
    for warning in site.warnings:
        click.echo(str(warning), err=True)
    files = {path: text.encode("utf-8") for path, text in site.pages.items()} | site.assets
    result = write_files(out, files, story=story_dir)
    click.echo(f"{out}: {result.generated} files generated, {result.written} written, "
               f"{result.removed} stale removed.")
    if result.kept:
        click.echo(f"{out}: {result.kept_note()}", err=True)
    if site.identity:  # engines that ignore the MkDocs hook need it set by hand
        click.echo(f"Site name: {site.identity.name}; credit: {site.identity.credit}")


@main.command("desk-build")
@click.option("--site", "site_dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="Folder to build the desk into; it is emptied first.")
def desk_build(site_dir: Path) -> None:
    """Build every story of stories/ into SITE/<slug>/ (each its own site, as `mkdocs build --strict` with
    STORY=stories/<slug>), then the desk's front page SITE/index.html and its feed SITE/feed.xml.
    Exit status 1 if any story fails; every failing story is named."""
    root = Path.cwd()
    refuse_unsafe_folder(site_dir, root / STORIES_FOLDER)
    with story_messages() as story:
        def announce(message: str) -> None:
            story.name = message.split(":", 1)[0]
            click.echo(message, err=True)
        result = build_desk(root, site_dir, announce)
    for slug, seconds in result.seconds.items():
        state = "FAILED" if slug in result.failed else f"{site_dir / slug}/"
        click.echo(f"{STORIES_FOLDER}/{slug}: {state} ({seconds:.1f} s)")
    if result.failed:
        raise click.ClickException(f"{len(result.failed)} of {len(result.seconds)} stories did not build; their "
                                   "problems are listed above, each after its story's name")
    click.echo(f"{site_dir / 'index.html'}: the front page, listing {len(result.entries)} stories; "
               f"{site_dir / 'feed.xml'}: their feed")


@main.command("desk-serve")
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address and port to serve on.")
def desk_serve(dev_addr: str) -> None:
    """Preview the desk with live reload: the front page at http://DEV_ADDR/ and each story under /<slug>/.
    A save rebuilds only the story it changed (and the front page, if what it lists of the story changed)."""
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise click.BadParameter(f"{dev_addr!r} is not an address and port such as 127.0.0.1:8000",
                                 param_hint="--dev-addr")
    if not is_desk(Path.cwd()):
        raise click.ClickException(f"there is no {STORIES_FOLDER}/ folder here: preview one story with make serve")
    with story_messages(logging.INFO) as story:
        serve_desk(Path.cwd(), host, int(port), story)


@main.command()
@click.argument("story_dirs", nargs=-1, type=click.Path(path_type=Path))
def preflight(story_dirs: tuple[Path, ...]) -> None:
    """List what stands between each story and publication: review markers and starter text left, placeholder
    addresses, a report address taken from an example or another story, a site name too long for a phone's
    header, a map without a text alternative, a credit that names no source. Exit status 1 if anything does.

    Without STORY_DIRS: every story of a desk (stories/), else the story."""
    root = Path.cwd()
    folders = list(story_dirs) or project.story_folders(root)
    desk = read_desk_settings(root) if is_desk(root) else None
    others = desk_stories(root)
    waiting = 0
    for folder in folders:
        prefix = f"[{folder.name}] " if len(folders) > 1 else ""
        found = run_preflight(folder, desk, root / project.CONFIG_FILE, others)
        for problem in found:
            click.echo(f"{prefix}{problem}")
        if found:
            waiting += 1
            click.echo(f"{prefix}{display_path(folder)}: {len(found)} thing{'s' if len(found) != 1 else ''} to do "
                       "before publishing")
        else:
            click.echo(f"{prefix}{display_path(folder)}: ready to publish")
    if waiting:
        raise SystemExit(1)


@main.command("engine-docs")
@STORY_DIR
@click.option("--config", "config_file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The site's MkDocs config, read for everything but its hooks.")
@click.option("--out", type=click.Path(path_type=Path), default=ENGINE_DOCS, show_default=True,
              help="Folder for the pages and files.")
@click.option("--engine-config", type=click.Path(path_type=Path), default=ENGINE_CONFIG, show_default=True,
              help="Config to write; the engine builds into site/ beside it.")
@click.option("--watch", is_flag=True, help="Keep running, for `make serve ENGINE=zensical`: rewrite whenever the "
                                            "story, docs/ or the config change. A content mistake is printed and "
                                            "the last good pages stay (or, if there are none, a page listing the "
                                            "mistakes is written).")
@click.option("--serve", "for_serve", is_flag=True,
              help="Write once as --watch would, without watching: a content mistake does not stop a serve.")
def engine_docs(story_dir: Path, config_file: Path, out: Path, engine_config: Path, watch: bool,
                for_serve: bool) -> None:
    """Write the whole docs folder for an engine that runs no MkDocs hooks (Zensical), and a config for it.

    The pages, head tags, share cards and JSON go to build/engine-docs/ with copies of docs/'s own files;
    mkdocs.generated.yml is mkdocs.yml without hooks, pointing at that folder. Nothing is written on a mistake.
    """
    root = Path.cwd()
    refuse_unsafe_folder(out, story_dir)
    docs_dir = project.read_config_file(root / config_file).get("docs_dir") or "docs"
    watched = [story_dir, root / docs_dir, root / config_file]
    before = snapshot(watched) if watch else {}

    def write() -> Written:
        return write_engine_inputs(root, story_dir, config_file, out, engine_config, for_serve=watch or for_serve)

    if watch or for_serve:
        regenerate(write)
    else:
        result = write()
        click.echo(f"{out}: {result.generated} files, {result.written} written, {result.removed} stale removed; "
                   f"config: {engine_config}")
        if result.kept:
            click.echo(f"{out}: {result.kept_note()}", err=True)
    if watch:
        click.echo(f"Watching {', '.join(str(path) for path in watched)} for changes.")
        watch_files(watched, write, before)


@main.command("engine-finish")
@STORY_DIR
@click.option("--site", "site_dir", type=click.Path(path_type=Path, exists=True, file_okay=False),
              default=Path("site"), show_default=True, help="The built site to finish in place.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The site's MkDocs config, for its theme overrides folder (CSS and scripts).")
@click.option("--engine-config", "engine_config", type=click.Path(path_type=Path), default=ENGINE_CONFIG,
              show_default=True, help="The config `engine-docs` wrote; the pages' head tags are beside it.")
def engine_finish(story_dir: Path, site_dir: Path, config_file: Path, engine_config: Path) -> None:
    """After a Zensical build: give every page what the hook gives it under MkDocs (its Content-Security-Policy,
    the story's language, the theme's HTML repairs), and check it. Exit status 1, with nothing written, if a page
    is not as Zensical builds it or holds a refresh, <base> or policy the build did not put there."""
    language = load_story(story_dir).story.meta.language
    overrides = overrides_folder(config_file, project.read_config_file(config_file))
    finishing = Finishing(override_styles(overrides), language, overrides,
                          script_templates=engine_scripts("zensical"), script_styles=script_styles(site_dir))
    tags_file = head_tags_file(engine_config)
    try:
        head_tags = json.loads(tags_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise click.ClickException(f"{tags_file}: the pages' head tags cannot be read ({error}); "
                                   "run `python -m generator engine-docs` before the engine builds") from None
    changed = finish_site(site_dir, finishing, head_tags)
    click.echo(f"{site_dir}: {changed} pages finished.")


@main.command()
@click.argument("story_dir", type=click.Path(path_type=Path))
def new(story_dir: Path) -> None:
    """Start a new story in STORY_DIR, ready to build and preview with `make serve STORY=STORY_DIR`."""
    refuse_unaddressable(story_dir)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0)
    for path in scaffold_story(story_dir, now):
        click.echo(f"created {path}")
    click.echo(f"Preview it with: make serve STORY={story_dir}")


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("further", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "story_dir", type=click.Path(path_type=Path), required=True,
              help="New folder for the story; an existing story is never overwritten.")
@click.option("--url", default=None, help="Address of the copy the text was taken from (a web page gives its own).")
@click.option("--outlet", default=None, help="Where the text was published, if not the agency.")
def draft(source: Path, further: tuple[Path, ...], story_dir: Path, url: str | None, outlet: str | None) -> None:
    """Draft a story from an article (.txt: headline, byline, body; or a saved .html page) for an editor to review.

    FURTHER sources of the same story (a news release beside a wire report) become entries of `sources:`, each
    quoted from its own text; --url and --outlet describe the first, the article."""
    refuse_unaddressable(story_dir)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0)
    for path in draft_story(source, story_dir, now, url=url, outlet=outlet,
                            warn=lambda warning: click.echo(str(warning), err=True), further=further):
        click.echo(f"created {path}")
    click.echo(f"Review the markers with: python -m generator check {story_dir}")
    click.echo(f"Preview it with: make serve STORY={story_dir}")


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=lambda: project.story_folder(Path()))
@MAX_BYTES
def sentences(path: Path, max_bytes: int | None) -> None:
    """List the sentence ids of a story's article (PATH a story folder) or of an article file, to cite them.

    Works on a story in any state: nothing but the article's file name is read from story.yaml.
    """
    source = read_article(path, max_bytes)
    for sentence in source.sentences:
        click.echo(f"{sentence.id}\t{sentence.text}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of story.yaml."""
    click.echo(json.dumps(story_schema(), indent=2))
