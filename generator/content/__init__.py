"""The story as an editor writes it: its schema, reading the YAML safely, and every check against the article."""
