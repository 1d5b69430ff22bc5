"""Share cards (1200x630 PNG) drawn at build time with Pillow's bundled font: no network, no system fonts."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CARD_VERSION = 1  # raise when the drawing changes, so cached cards are redrawn
WIDTH, HEIGHT = 1200, 630
BACKGROUND = (255, 255, 255)
INK = (24, 24, 27)
ACCENT = (30, 64, 175)
MUTED = (75, 85, 99)


def _font(size: int) -> ImageFont.FreeTypeFont:
    font = ImageFont.load_default(size=size)
    if not isinstance(font, ImageFont.FreeTypeFont):  # only a Pillow built without FreeType falls back to a bitmap
        raise RuntimeError("this Pillow has no FreeType support; share cards need its scalable bundled font")
    return font


def _wrapped(draw: ImageDraw.ImageDraw, text: str, size: int, width_px: int,
             max_lines: int) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """Wrap `text` to fit `width_px`, shrinking the font until it takes at most `max_lines` lines."""
    while True:
        font = _font(size)
        average = max(1.0, draw.textlength("abcdefghijklmnopqrstuvwxyz", font=font) / 26)
        lines = textwrap.wrap(text, width=max(10, int(width_px / average)), break_on_hyphens=False)
        if len(lines) <= max_lines or size <= 22:
            if len(lines) > max_lines:
                lines = lines[:max_lines]
                lines[-1] = lines[-1].rstrip(" .,;:") + " …"
            return lines, font
        size -= 4


def render_share_image(site_name: str, title: str, quote: str | None = None, speaker: str | None = None) -> bytes:
    """The card for one page: site name, page title and, for the quotes page, one quote with its speaker."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 16), fill=ACCENT)
    margin = 72
    draw.text((margin, 64), site_name, font=_font(34), fill=ACCENT)
    lines, font = _wrapped(draw, title, 64, WIDTH - 2 * margin, 3 if quote else 5)
    y = 130
    for line in lines:
        draw.text((margin, y), line, font=font, fill=INK)
        y += int(font.size * 1.2)
    if quote:
        y += 24
        quote_lines, quote_font = _wrapped(draw, f"“{quote}”", 36, WIDTH - 2 * margin, 4)
        for line in quote_lines:
            draw.text((margin, y), line, font=quote_font, fill=INK)
            y += int(quote_font.size * 1.25)
        if speaker:
            draw.text((margin, y + 8), speaker, font=_font(30), fill=MUTED)  # the bundled font has no dashes
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def cached_share_image(cache: Path | None, site_name: str, title: str, quote: str | None = None,
                       speaker: str | None = None) -> bytes:
    """The same card, drawn once per distinct wording and kept in `cache` (as Material's social cards are)."""
    if cache is None:
        return render_share_image(site_name, title, quote, speaker)
    key = json.dumps([CARD_VERSION, site_name, title, quote, speaker], ensure_ascii=False)
    path = cache / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.png"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = render_share_image(site_name, title, quote, speaker)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=cache, suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return data
