"""The locator map drawer used by scripts/draw_locator_map.py (`make map`); the site build never imports it."""
