"""Text wrapped by gradstep's own rules (Chinese between characters, formulas kept whole),
at whatever width the widget gets: for the help, the lesson list and other long words.

Rich wraps only at spaces, and cuts a Chinese cell with "..." where English would wrap;
this widget wraps with `words.wrap` and tells Textual how tall that makes it.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widget import Widget

from ...words.wrap import width, wrap, wrap_entries


class Wrapped(Widget):
    """Rows of (label, text, style): each text wrapped beside its label, under which it hangs."""

    DEFAULT_CSS = "Wrapped { height: auto; }"

    def __init__(self, rows: list[tuple[str, str, str]], entries: tuple[list[str], str] | None = None,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows = rows  # what to show
        self.entries = entries  # or instead: entries that a line breaks between only, and the gap on a line

    def update(self, rows: list[tuple[str, str, str]]) -> None:
        """Show `rows` instead (the editor's reason for refusing, say)."""
        self.rows = rows
        self.refresh(layout=True)
        # Textual gives a widget a new layout only if none is pending: a second update
        # before the first's layout was taken kept the first's height (a verdict said just
        # after a try's "Not quite" was cleared showed in no rows). So ask once more after.
        self.call_after_refresh(self.refresh, layout=True)

    def lines(self, columns: int) -> list[Text]:
        if self.entries is not None:
            return [Text(line) for line in wrap_entries(*self.entries[:1], columns, gap=self.entries[1])]
        label_width = max((width(label) for label, _, _ in self.rows), default=0)
        gap = 2 if label_width else 0
        lines = []
        for label, text, style in self.rows:
            for number, line in enumerate(wrap(text, max(8, columns - label_width - gap))):
                shown = label if number == 0 else ""
                row = Text(shown + " " * (label_width - width(shown) + gap), style="bold")
                lines.append(row + Text(line, style=style))
        return lines

    def render(self) -> Group:
        return Group(*self.lines(self.size.width))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))
