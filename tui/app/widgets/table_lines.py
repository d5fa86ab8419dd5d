"""A table of text lines under a heading that stays put, drawn a screen's worth at a time.

The room's table may hold a few hundred students and is redrawn twice a second; only
the rows on screen are turned into strips (Textual's line API), so a class of 300 costs
the teacher's screen what a class of 20 does. Cells are fitted to the widget's width
here (words/room.py), whenever the rows or the width change.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...words.room import fitted


class TableLines(ScrollView):
    """A heading, then rows; a flagged row stands out (bold, and in colour where there is some)."""

    COMPONENT_CLASSES = {"table-lines--heading", "table-lines--flagged"}

    def __init__(self, widest: dict[str, int], mark: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.widest, self.mark = widest, mark
        self.columns: tuple[str, ...] = ()
        self._cells: list[list[str]] = []  # the heading's cells, then a list a row
        self._flagged: list[bool] = []  # a row's flag, by row
        self._lines: list[str] = []  # the heading and the rows, fitted to the width they were fitted at

    def show(self, columns: tuple[str, ...], heading: list[str], rows: list[list[str]], flagged: list[bool]) -> None:
        """New rows: fitted now, drawn at the next frame (the rows on screen only)."""
        self.columns, self._cells, self._flagged = columns, [heading, *rows], flagged
        self._fit()
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self.refresh()

    def on_resize(self) -> None:
        self._fit()
        self.virtual_size = Size(self.size.width, len(self._cells))

    def _fit(self) -> None:
        width = self.scrollable_content_region.width
        self._lines = fitted(self._cells, self.widest, self.columns, width, self.mark) if self._cells else []

    @property
    def rows(self) -> list[str]:
        """The rows as fitted, without the heading (what a test reads)."""
        return self._lines[1:]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            index, style = 0, self.rich_style + self.get_component_rich_style("table-lines--heading")
        else:
            index = self.scroll_offset.y + y
            flagged = 0 < index < len(self._lines) and self._flagged[index - 1]
            style = self.rich_style + (self.get_component_rich_style("table-lines--flagged") if flagged else None)
        text = self._lines[index] if index < len(self._lines) else ""
        return Strip([Segment(text, style)]).adjust_cell_length(width, self.rich_style)
