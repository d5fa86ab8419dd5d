"""What a window too small for the lesson shows instead of a tangle of clipped panels."""

from textual.widget import Widget

from ...words.say import say

MINIMUM = (80, 24)  # columns, rows: where everything essential fits


class TooSmall(Widget):
    """Asks for a larger window, naming the size it has and the size it needs."""

    def render(self) -> str:
        width, height = self.app.size
        return say(self.app.state.language, "too_small", width=MINIMUM[0], height=MINIMUM[1],
                   actual_width=width, actual_height=height)

    def on_resize(self) -> None:
        self.refresh()
