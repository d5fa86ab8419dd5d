"""Drawing for terminals without Unicode: every cell a printable ASCII character.

Textual's borders have an `ascii` style (set in app.tcss); what remains are the
scrollbars' partial-block glyphs and plotext's box-drawing frame and markers, both
replaced here.
"""

import re

from textual.scrollbar import ScrollBarRender

BOX_TO_ASCII = str.maketrans({
    "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
})
ANYTHING_ELSE = re.compile(r"[^\x00-\x7e]")  # markers plotext might still draw in Unicode


def to_ascii(text: str) -> str:
    """plotext's drawing with its frame in ASCII and any other character as '#'."""
    return ANYTHING_ELSE.sub("#", text.translate(BOX_TO_ASCII))


class AsciiScrollBarRender(ScrollBarRender):
    """Scrollbars without the ▁▂▃ glyphs that smooth the thumb's ends: the thumb is a
    reversed run of spaces, which stays visible in monochrome too."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8
