"""The source article's text: sentences with ids, the passages it quotes and who says them, the dates it names."""
