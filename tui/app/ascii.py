"""Drawing for terminals without Unicode: every cell a printable ASCII character.

Textual's borders have an `ascii` style (set in app.tcss); what remains are the
scrollbars' partial-block glyphs and plotext's box-drawing frame and markers, both
replaced here. A last line filter catches anything else (a teacher's lesson text with
an accent, say), keeping every cell's width so the layout holds.

The scrollbars' glyphs are turned into spaces by that filter too, not by swapping
ScrollBar.renderer: that is one class attribute shared by every app in the process (a
test's, the class room's), so an ASCII app would leave its scrollbars to the next one.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter
from textual.scrollbar import ScrollBarRender

BOX_TO_ASCII = str.maketrans({
    "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
})
ANYTHING_ELSE = re.compile(r"[^\x00-\x7e]")  # markers plotext might still draw in Unicode


def to_ascii(text: str) -> str:
    """plotext's drawing with its frame in ASCII and any other character as '#'."""
    return ANYTHING_ELSE.sub("#", text.translate(BOX_TO_ASCII))


# The ▁▂▃ glyphs that smooth a scrollbar thumb's ends, as spaces: the thumb is then a run
# of spaces in the thumb's colour, which stays visible in monochrome too.
SCROLLBAR_TO_SPACES = str.maketrans(dict.fromkeys(ScrollBarRender.VERTICAL_BARS + ScrollBarRender.HORIZONTAL_BARS, " "))


class AsciiFilter(LineFilter):
    """A scrollbar's glyphs become spaces; any other character above 126 becomes '?' once per cell it takes."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(_ascii_text(text), style, control) for text, style, control in segments]


def _ascii_text(text: str) -> str:
    if text.isascii():
        return text
    text = text.translate(SCROLLBAR_TO_SPACES)
    return "".join(char if char.isascii() else "?" * cell_len(char) for char in text)
