"""Writing into a folder someone else prepared: a planted manifest, symbolic links, an --out that is not a folder
of its own. The writer replaces or removes only what it wrote, unchanged since, and follows no link."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, SECOND_STORY
from tools.cli import run_cli
from tools.edits import copy_story

import generator.site.write as write
from generator.content.errors import OutputError
from generator.site.write import LOCK, MANIFEST, write_files


def plant_manifest(folder: Path, files: dict[str, bytes], shape: str) -> None:
    """A manifest naming `files` as the generator's own: a bare list (as older versions kept it) or with the hash of
    the bytes each file has now, the strongest claim a planted manifest can make."""
    listed: object = sorted(files)
    if shape == "hashed":
        listed = {"files": {path: [hashlib.sha256(data).hexdigest()] for path, data in files.items()}}
    (folder / MANIFEST).write_text(json.dumps(listed), encoding="utf-8")


@pytest.fixture()
def victim(tmp_path: Path) -> Path:
    """A file outside every output folder, which no run may change or remove."""
    outside = tmp_path / "outside"
    outside.mkdir()
    file = outside / "victim.txt"
    file.write_bytes(b"precious\n")
    return file


@pytest.fixture()
def project(tmp_path: Path) -> Iterator[Path]:
    """A project folder (it holds mkdocs.yml) with a story in it, as the working folder."""
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    copy_story(SECOND_STORY, folder / "story")
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


@pytest.mark.parametrize("shape", ["list", "hashed"])
def test_a_planted_manifest_and_symbolic_links_remove_nothing_outside_the_folder(tmp_path: Path, victim: Path,
                                                                                  shape: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(victim.parent, target_is_directory=True)
    (out / "link.txt").symlink_to(victim)
    plant_manifest(out, {"sub/victim.txt": b"precious\n", "link.txt": b"precious\n"}, shape)
    result = write_files(out, {"index.md": b"# Page\n"})
    assert victim.read_bytes() == b"precious\n"
    assert (out / "sub").is_symlink() and (out / "link.txt").is_symlink()
    assert (result.removed, sorted(result.kept)) == (0, ["link.txt", "sub/victim.txt"])


@pytest.mark.parametrize("shape", ["list", "hashed"])
def test_a_planted_manifest_naming_a_hand_written_page_leaves_it_intact(tmp_path: Path, shape: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.md").write_text("my own page\n", encoding="utf-8")
    plant_manifest(out, {"index.md": b"what the generator would have written\n"}, shape)
    result = run_cli("build", str(SECOND_STORY), "--out", str(out))
    assert result.code == 1
    assert "refusing to overwrite hand-written file(s)" in result.stderr and "index.md" in result.stderr
    assert (out / "index.md").read_text(encoding="utf-8") == "my own page\n"


def hand_written(folder: Path, files: dict[str, bytes]) -> None:
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*")
            if path.is_file() and not path.name.startswith(".")}


def test_a_planted_manifest_with_the_hashes_of_the_files_there_replaces_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    mine = {"index.md": b"hand\n", "sub/notes.txt": b"notes\n"}
    hand_written(out, mine)
    plant_manifest(out, mine, "hashed")
    result = run_cli("build", str(CONTENT), "--out", str(out))
    assert result.code == 1
    assert (f"refusing to overwrite hand-written file(s) in {out}: index.md; rename or move them, or choose another "
            f"folder. {out / MANIFEST} is not signed with this project's key (someone else, another project or a "
            "version before signing wrote it), so no file it names counts as the generator's"
            ) in result.stderr
    assert files_in(out) == mine


def test_a_planted_manifest_with_the_hash_of_a_file_no_longer_generated_removes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    hand_written(out, {"sub/notes.txt": b"notes\n"})
    plant_manifest(out, {"sub/notes.txt": b"notes\n"}, "hashed")
    result = write_files(out, {"index.md": b"# Page\n"})
    assert (result.removed, result.kept) == (0, ("sub/notes.txt",))
    assert files_in(out) == {"index.md": b"# Page\n", "sub/notes.txt": b"notes\n"}


def test_a_planted_manifest_nested_too_deep_to_read_is_ignored(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_bytes(b"[" * 100_000)
    assert write_files(out, {"index.md": b"# Page\n"}) == (1, 1, 0, ())


@pytest.mark.parametrize("name", ["a\\u0000b", "\\ud800"])
def test_a_planted_manifest_naming_an_impossible_file_name_is_ignored(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(f'{{"files": {{"{name}": []}}}}', encoding="utf-8")
    assert write_files(out, {"index.md": b"# Page\n"}) == (1, 1, 0, ())


def test_a_manifest_signed_in_another_project_is_not_trusted(tmp_path: Path, project: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    monkeypatch.chdir(ROOT)
    write_files(out, {"index.md": b"# Page\n"})
    monkeypatch.chdir(project)
    with pytest.raises(OutputError, match=r"index\.md; .* is not signed with this project's key"):
        write_files(out, {"index.md": b"# Page\n"})


def test_the_key_is_made_once_in_the_project_and_readable_by_its_owner_alone(project: Path) -> None:
    assert run_cli("build", "story", "--out", "build/pages").code == 0
    key = project / ".cache" / "keys" / "generated-files.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    made = key.read_bytes()
    result = run_cli("build", "story", "--out", "build/pages")
    assert result.code == 0 and "0 written" in result.stdout
    assert key.read_bytes() == made


@pytest.mark.parametrize(("kind", "why"), [("link", "a symbolic link"),
                                           ("shared", "it must be yours, and readable by you alone")])
def test_a_key_that_is_a_link_or_open_to_others_is_refused(project: Path, victim: Path, kind: str, why: str) -> None:
    keys = project / ".cache" / "keys"
    keys.mkdir(parents=True)
    if kind == "link":
        (keys / "generated-files.key").symlink_to(victim)
    else:
        (keys / "generated-files.key").write_text("0" * 64 + "\n", encoding="utf-8")
        (keys / "generated-files.key").chmod(0o644)
    result = run_cli("build", "story", "--out", "build/pages")
    assert result.code == 1
    assert f"{keys / 'generated-files.key'} cannot be used as the generator's key ({why}); delete it" in result.stderr
    assert victim.read_bytes() == b"precious\n" and not (project / "build").exists()


def test_outside_any_project_the_key_stays_out_of_the_output_folder(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("build", str(SECOND_STORY), "--out", ".")
    assert result.code == 1
    keys = tmp_path.resolve() / ".cache" / "keys"
    assert f"refusing to write into .: it holds the folder of the generator's key ({keys})" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_generated_page_edited_by_hand_is_neither_overwritten_nor_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", str(SECOND_STORY), "--out", str(out)).code == 0
    (out / "quotes.md").write_text("my edits\n", encoding="utf-8")
    result = run_cli("build", str(SECOND_STORY), "--out", str(out))
    assert result.code == 1
    assert "quotes.md (changed since the generator wrote it)" in result.stderr, result.stderr
    assert (out / "quotes.md").read_text(encoding="utf-8") == "my edits\n"
    write_files(tmp_path / "other", {"a.md": b"a", "b.md": b"b"})
    (tmp_path / "other" / "b.md").write_bytes(b"my edits\n")
    assert write_files(tmp_path / "other", {"a.md": b"a"}).kept == ("b.md",)
    assert (tmp_path / "other" / "b.md").read_bytes() == b"my edits\n"


@pytest.mark.parametrize("target", ["victim.txt", "created.txt"])
def test_a_lock_that_is_a_symbolic_link_is_refused(tmp_path: Path, victim: Path, target: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK).symlink_to(victim.parent / target)
    with pytest.raises(OutputError, match=r"\.generated-files\.lock is a symbolic link"):
        write_files(out, {"index.md": b"# Page\n"})
    assert sorted(path.name for path in victim.parent.iterdir()) == ["victim.txt"]
    assert victim.read_bytes() == b"precious\n" and not (out / "index.md").exists()


def test_the_story_folder_as_output_is_refused_and_its_files_survive(tmp_path: Path, victim: Path) -> None:
    story = copy_story(SECOND_STORY, tmp_path / "story")
    (story / "sub").symlink_to(victim.parent, target_is_directory=True)
    plant_manifest(story, {"sub/victim.txt": b"precious\n", "story.yaml": (story / "story.yaml").read_bytes()},
                   "list")
    before = {path.name: path.read_bytes() for path in story.iterdir() if path.is_file()}
    result = run_cli("build", str(story), "--out", str(story))
    assert result.code == 1
    assert f"refusing to write into {story}: it is the story folder" in result.stderr, result.stderr
    assert victim.read_bytes() == b"precious\n"
    assert {path.name: path.read_bytes() for path in story.iterdir() if path.is_file()} == before


@pytest.mark.parametrize(("out", "what"), [(".", "it is the project folder"), ("..", "it holds the project folder"),
                                           ("story/..", "it is the project folder")])
def test_the_project_folder_or_one_holding_it_as_output_is_refused(project: Path, out: str, what: str) -> None:
    before = sorted(path.name for path in project.iterdir())
    result = run_cli("build", "story", "--out", out)
    assert result.code == 1
    assert f"refusing to write into {out}: {what} ({project}); choose a folder of its own" in result.stderr
    assert sorted(path.name for path in project.iterdir()) == before


def test_the_root_folder_as_output_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> None:
        raise AssertionError("the writer opened /")

    monkeypatch.setattr(write, "open_folder", never)  # so that a missing refusal cannot write into /
    result = run_cli("build", str(SECOND_STORY), "--out", "/")
    assert result.code == 1
    assert "refusing to write into /: it is the root folder" in result.stderr, result.stderr


def test_a_symbolic_link_on_the_way_to_the_output_inside_the_project_is_refused(project: Path,
                                                                                  victim: Path) -> None:
    (project / "build").symlink_to(victim.parent, target_is_directory=True)
    result = run_cli("build", "story", "--out", "build/pages")
    assert result.code == 1
    assert (f"refusing to write into build/pages: {project / 'build'} is a symbolic link inside the project"
            in result.stderr), result.stderr
    assert sorted(path.name for path in victim.parent.iterdir()) == ["victim.txt"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_written_files_have_the_permissions_of_any_new_file(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "out"
    before = os.umask(umask)
    try:
        write_files(out, {"index.md": b"# Page\n", "data/story.json": b"{}\n"})
    finally:
        os.umask(before)
    for path in ("index.md", "data/story.json", MANIFEST):
        assert stat.S_IMODE((out / path).stat().st_mode) == mode, path
