"""The line that says why a key did nothing, or where a file went, in place of the keys.

It takes the key bar's row until the next key, so the lesson's name and title above
never give way and nothing on screen moves.
"""

from rich.text import Text

from ..state import AppState
from .panel import StatePanel


class NoticeLine(StatePanel):
    """The last notice, on one line."""

    def draw(self, state: AppState) -> Text:
        return Text(f" {state.notice}", style="bold", no_wrap=True, overflow="crop")
