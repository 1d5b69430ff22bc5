"""The desk: every story of stories/ built as its own microsite under <desk address><slug>/, one MkDocs build each
(`story_build`), then the front page listing them (`listing`, `front_page`, `front_plugin`) and the Atom feed
(`atom_feed`), put together by `desk_build`; `desk_serve` previews it all, `preflight` says what a story still needs.
"""
