"""The generated files put into MkDocs' own list, and what its search index may read of a page: the hook's
MkDocs-shaped work, kept out of the hook so that it stays a map of events."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..pages.citations import keep_notes_out_of_search
from ..pages.source_wording import keep_kept_words_out_of_search
from .mkdocs_build import GeneratedFile


def with_generated(files: Files, config: MkDocsConfig, generated: Iterable[GeneratedFile]) -> Files:
    """MkDocs' files with the generated ones in: each replaces a file of its path, and a page left out of the nav
    is marked so, as MkDocs would otherwise warn of it."""
    for item in generated:
        if (existing := files.get_file_from_path(item.path)) is not None:
            files.remove(existing)
        listed = InclusionLevel.UNDEFINED if item.in_nav or not item.is_page else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, item.path, content=item.content, inclusion=listed)
        file.edit_uri = item.edit_uri
        files.append(file)
    return files


def searchable(html: str) -> str:
    """A page's HTML with what the search index should not hold marked: citation notes and kept excerpts."""
    return keep_kept_words_out_of_search(keep_notes_out_of_search(html))
