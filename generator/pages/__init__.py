"""Rendering: a checked story into Markdown pages, share cards, head tags and the files published beside them."""
