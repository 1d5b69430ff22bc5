"""A desk follows no link: a story folder that is a link, or a link in the site folder, is refused by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONTENT

from generator.content.desk_layout import story_slug
from generator.content.errors import ContentError, OutputError
from generator.desk.desk_build import refuse_links


def test_a_story_folder_that_is_a_link_cannot_take_the_address_of_the_folder_it_leads_to(tmp_path: Path) -> None:
    impostor = tmp_path / "elsewhere" / "weis-courthouse-funding"
    shutil.copytree(CONTENT, impostor)
    link = tmp_path / "stories" / "zzz-link"
    link.parent.mkdir()
    link.symlink_to(impostor, target_is_directory=True)
    with pytest.raises(ContentError, match="zzz-link is a link; a story of the desk is a folder of its own"):
        story_slug(link)
    assert story_slug(impostor) == "weis-courthouse-funding"


def test_a_site_folder_holding_a_link_is_neither_emptied_nor_written(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "keep.txt").write_text("mine", encoding="utf-8")
    site = tmp_path / "site"
    (site / "plain").mkdir(parents=True)
    (site / "plain" / "assets").symlink_to(kept, target_is_directory=True)
    with pytest.raises(OutputError, match="assets is a link"):
        refuse_links(site)
    linked_site = tmp_path / "linked-site"
    linked_site.symlink_to(kept, target_is_directory=True)
    with pytest.raises(OutputError, match="it is a link"):
        refuse_links(linked_site)
    assert (kept / "keep.txt").read_text(encoding="utf-8") == "mine"
    refuse_links(tmp_path / "no-site-yet")  # a folder not made yet holds no link
