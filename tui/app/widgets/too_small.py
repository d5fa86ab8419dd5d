"""What a window too small for the lesson shows instead of a tangle of clipped panels."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widget import Widget

from ....core.limits import SMALLEST_SCREEN
from ...words.say import say

if TYPE_CHECKING:
    from ..app import GradstepApp

class TooSmall(Widget):
    """Asks for a larger window, naming the size it has and the size it needs."""

    def render(self) -> str:
        width, height = self.app.size
        app = cast("GradstepApp", self.app)  # Textual types any widget's app as App[Any]; this is its only one
        return say(app.state.language, "too_small", width=SMALLEST_SCREEN[0], height=SMALLEST_SCREEN[1],
                   actual_width=width, actual_height=height)

    def on_resize(self) -> None:
        self.refresh()
