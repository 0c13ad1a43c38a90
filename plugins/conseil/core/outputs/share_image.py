"""The default image of a shared link: the council's name in white capitals on the site's indigo, as a PNG.

Drawn here with a 5 × 7 dot font and written with zlib: no font, image or imaging library to download.
The same name gives the same bytes (reproducible builds).
"""

from __future__ import annotations

import struct
import unicodedata
import zlib

WIDTH, HEIGHT = 1200, 630  # the size Open Graph and Twitter cards show in full
BACKGROUND = (0x3F, 0x51, 0xB5)  # Material's indigo, the site's primary colour
INK = (0xFF, 0xFF, 0xFF)  # 6.6:1 on the indigo
MARGIN = 80

_GLYPHS = {
    "A": ".###.#...##...#######...##...##...#", "B": "####.#...##...#####.#...##...#####.",
    "C": ".###.#...##....#....#....#...#.###.", "D": "####.#...##...##...##...##...#####.",
    "E": "######....#....####.#....#....#####", "F": "######....#....####.#....#....#....",
    "G": ".###.#...##....#.####...##...#.####", "H": "#...##...##...#######...##...##...#",
    "I": ".###...#....#....#....#....#...###.", "J": "..###...#....#....#....#.#..#..##..",
    "K": "#...##..#.#.#..##...#.#..#..#.#...#", "L": "#....#....#....#....#....#....#####",
    "M": "#...###.###.#.##.#.##...##...##...#", "N": "#...##...###..##.#.##..###...##...#",
    "O": ".###.#...##...##...##...##...#.###.", "P": "####.#...##...#####.#....#....#....",
    "Q": ".###.#...##...##...##.#.##..#..##.#", "R": "####.#...##...#####.#.#..#..#.#...#",
    "S": ".#####....#.....###.....#....#####.", "T": "#####..#....#....#....#....#....#..",
    "U": "#...##...##...##...##...##...#.###.", "V": "#...##...##...##...##...#.#.#...#..",
    "W": "#...##...##...##.#.##.#.##.#.#.#.#.", "X": "#...##...#.#.#...#...#.#.#...##...#",
    "Y": "#...##...#.#.#...#....#....#....#..", "Z": "#####....#...#...#...#...#....#####",
    "0": ".###.#...##..###.#.###..##...#.###.", "1": "..#...##....#....#....#....#...###.",
    "2": ".###.#...#....#...#...#...#...#####", "3": "####.....#....#.###.....#....#####.",
    "4": "...#...##..#.#.#..#.#####...#....#.", "5": "######....####.....#....##...#.###.",
    "6": ".###.#....#....####.#...##...#.###.", "7": "#####....#...#...#...#....#....#...",
    "8": ".###.#...##...#.###.#...##...#.###.", "9": ".###.#...##...#.####....#....#.###.",
    "-": "." * 15 + ".###." + "." * 15, "'": "..#....#...#" + "." * 23,
    ".": "." * 25 + ".##...##..", " ": "." * 35,
}
# Accents drawn on the two dot rows above a capital: « DÉVELOPPEMENT » keeps its accent.
_ACCENTS = {"\u0301": "...#...#..", "\u0300": ".#.....#..", "\u0302": "..#...#.#.", "\u0308": ".....#.#.."}
_GLYPH_W, _GLYPH_H, _ACCENT_H = 5, 7, 2


def _dots(character: str) -> tuple[str, str]:
    """The glyph of a capital, and its accent (two rows, or blanks)."""
    base, *marks = unicodedata.normalize("NFD", character.upper())
    glyph = _GLYPHS.get(base, _GLYPHS[" "]).ljust(_GLYPH_W * _GLYPH_H, ".")
    accent = next((_ACCENTS[m] for m in marks if m in _ACCENTS), "." * (_GLYPH_W * _ACCENT_H))
    return glyph, accent


def _lines(text: str, width: int) -> list[str]:
    """Words wrapped at `width` characters; a longer word stands on its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def share_image(name: str) -> bytes:
    """A 1200 × 630 PNG with `name`, wrapped on up to four lines as large as the width allows."""
    lines = _lines(name, 16) or [""]
    longest = max(len(line) for line in lines)
    # A character takes 6 dots across (5 + a space); a line 10 dots down (2 for accents, 7, 1 between lines).
    scale = max(1, min((WIDTH - 2 * MARGIN) // (6 * longest), (HEIGHT - 2 * MARGIN) // (10 * len(lines)), 14))
    pixels = bytearray(WIDTH * HEIGHT)  # palette indices: 0 background, 1 ink
    top = (HEIGHT - 10 * scale * len(lines)) // 2
    for number, line in enumerate(lines):
        y0 = top + number * 10 * scale
        for position, character in enumerate(line):
            glyph, accent = _dots(character)
            x0 = MARGIN + position * 6 * scale
            rows = [accent[i:i + _GLYPH_W] for i in range(0, len(accent), _GLYPH_W)] + \
                   [glyph[i:i + _GLYPH_W] for i in range(0, len(glyph), _GLYPH_W)]
            for row, dots in enumerate(rows):
                for column, dot in enumerate(dots):
                    if dot == "#":
                        _fill(pixels, x0 + column * scale, y0 + row * scale, scale)
    _fill_rect(pixels, MARGIN, HEIGHT - MARGIN // 2 - 8, WIDTH - 2 * MARGIN, 8)  # a rule under the name
    return _png(pixels)


def _fill(pixels: bytearray, x: int, y: int, size: int) -> None:
    _fill_rect(pixels, x, y, size, size)


def _fill_rect(pixels: bytearray, x: int, y: int, width: int, height: int) -> None:
    x, width = max(0, x), min(width, WIDTH - max(0, x))
    for row in range(max(0, y), min(HEIGHT, y + height)):
        start = row * WIDTH + x
        pixels[start:start + width] = b"\x01" * width


def _png(pixels: bytearray) -> bytes:
    """An 8-bit palette PNG (two colours), each row unfiltered."""
    raw = b"".join(b"\x00" + bytes(pixels[row * WIDTH:(row + 1) * WIDTH]) for row in range(HEIGHT))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", bytes(BACKGROUND + INK))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
