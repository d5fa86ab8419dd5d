"""What a window too small for the lesson shows instead of a tangle of clipped panels."""

from textual.widget import Widget

MINIMUM = (80, 24)  # columns, rows: where everything essential fits


class TooSmall(Widget):
    """Asks for a larger window, naming the size it has and the size it needs."""

    def render(self) -> str:
        width, height = self.app.size
        return (f"gradstep needs a window of at least {MINIMUM[0]}x{MINIMUM[1]}; this one is "
                f"{width}x{height}. Enlarge it, or press q to quit.")

    def on_resize(self) -> None:
        self.refresh()
