"""The line that says why a key did nothing, or where a file went, in place of the keys.

It takes the key bar's row until the next key, so the lesson's name and title above
never give way and nothing on screen moves. A notice longer than the row ends in "…", so
nothing is cut silently; one naming a file shortens its folder instead (App.fitted_path_notice).
"""

from typing import TYPE_CHECKING, cast

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ..state import AppState
from .panel import StatePanel

if TYPE_CHECKING:
    from ..app import GradstepApp


class NoticeLine(StatePanel):
    """The last notice, on one line; "…" (or "..." on an ASCII-only terminal) where it is cut."""

    def draw(self, state: AppState) -> Text:
        text = f" {state.notice}"
        if cell_len(text) > self.size.width:
            ascii_only = cast("GradstepApp", self.app).ascii_only  # Textual types the app as App[Any]
            mark = "..." if ascii_only else "…"
            text = set_cell_size(text, max(self.size.width - cell_len(mark), 0)).rstrip() + mark
        return Text(text, style="bold", no_wrap=True, overflow="crop")
