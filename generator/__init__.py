"""Turn a story's structured content into the Markdown pages of an explainer site."""
