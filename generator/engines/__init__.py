"""The site engines: MkDocs hooks, and the docs folder and finishing for engines that run no hooks."""
