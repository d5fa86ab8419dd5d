"""The line that says why a key did nothing, or where a file went, above the keys.

It stands over the key bar until the next key, the panels above giving up its rows: in the
keys' place it hid them, at the start too (a kept session's notice), where a newcomer looks
first for what to press. The lesson's name and title above never give way. A notice longer
than the row wraps, between words, to at most MOST_ROWS rows, and
what still does not fit ends in "…", so nothing is cut silently; one naming a file
shortens its folder instead, where the rows cannot hold it (App.fitted_path_notice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ..state import AppState
from ...words.wrap import wrap
from .panel import StatePanel

if TYPE_CHECKING:
    from ..app import GradstepApp


MOST_ROWS = 3  # rows a notice of several sentences may take (a kept session, and a hand-in made now)


def notice_rows(notice: str, columns: int, mark: str = "…") -> list[str]:
    """`notice` as the rows it takes at `columns`, each led by a space: one where it fits;
    else wrapped between words, up to MOST_ROWS, the last ending in `mark` if still more.
    At the start two notices may meet ("... press b to go back to it. ... handed in now
    as ..."), and one row cut the second's every word."""
    text = f" {notice}"
    if cell_len(text) <= columns:
        return [text]
    rows = [f" {row}" for row in wrap(notice, max(columns - 1, 1))]
    if len(rows) > MOST_ROWS:
        rows = rows[:MOST_ROWS]
        rows[-1] = set_cell_size(rows[-1], max(columns - cell_len(mark), 0)).rstrip() + mark
    return rows


class NoticeLine(StatePanel):
    """The last notice, on its row, wrapped to as many as MOST_ROWS where it must be;
    "…" (or "..." on an ASCII-only terminal) where it is cut."""

    def draw(self, state: AppState) -> Text:
        ascii_only = cast("GradstepApp", self.app).ascii_only  # Textual types the app as App[Any]
        rows = notice_rows(state.notice, self.size.width, "..." if ascii_only else "…")
        if self.styles.height is None or self.styles.height.value != len(rows):
            self.styles.height = len(rows)  # the panels above give up the rows it needs, until the next key
        return Text("\n".join(rows), style="bold", no_wrap=True, overflow="crop")
