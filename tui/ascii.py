"""Drawing for terminals without Unicode: every cell a printable ASCII character.

Textual's borders have an `ascii` style (set in app.tcss); what remains are the
scrollbars' partial-block glyphs and plotext's box-drawing frame and markers, both
replaced here.
"""

from textual.scrollbar import ScrollBarRender

BOX_TO_ASCII = str.maketrans({
    "─": "-", "━": "-", "│": "|", "┃": "|",
    "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    "╭": "+", "╮": "+", "╰": "+", "╯": "+", "•": "o", "·": ".", "█": "#",
})


class AsciiScrollBarRender(ScrollBarRender):
    """Scrollbars without the ▁▂▃ glyphs that smooth the thumb's ends: the thumb is a
    reversed run of spaces, which stays visible in monochrome too."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8
