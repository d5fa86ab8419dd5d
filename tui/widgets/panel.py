"""What every panel shares: the App's state, bound down, and repainting only what changed.

Textual resends every line of a widget that refreshes; over a slow SSH link a step
would cost a screenful of bytes although only a few numbers moved. So a panel renders
its new content itself, compares it line by line with what is on screen, and marks
only the lines that differ for repainting.
"""

from rich.console import RenderableType
from rich.segment import Segment
from textual.geometry import Region
from textual.reactive import reactive
from textual.widget import Widget

from ..state import AppState


def changed_lines(old: list, new: list) -> list[int]:
    """The rows where two renderings differ (a row missing on one side differs)."""
    return [y for y in range(max(len(old), len(new)))
            if y >= len(old) or y >= len(new) or old[y] != new[y]]


class StatePanel(Widget):
    """A panel drawn from the App's state alone; subclasses say how in `draw`."""

    state: reactive[AppState | None] = reactive(None, repaint=False)
    """The App's state, bound with `data_bind(GradstepApp.state)`."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._content: RenderableType = ""  # what render() returns: drawn once per state
        self._shown: list[list[Segment]] = []  # its lines, to compare the next drawing with

    def watch_state(self, state: AppState | None) -> None:
        if state is not None:
            title = self.title(state)
            if title != self.border_title:  # setting it, even unchanged, repaints the whole panel
                self.border_title = title
            self.show(self.draw(state))

    def show(self, content: RenderableType) -> None:
        """Display `content`, repainting only the lines that differ from the last."""
        if not self.size.width:  # not laid out yet: on_resize draws it in full
            self._content = content
            return
        console = self.app.console
        lines = console.render_lines(content, console.options.update(width=self.size.width, height=None), pad=False)
        changed = changed_lines(self._shown, lines)
        self._content, self._shown = content, lines
        if changed:
            self.refresh(*(Region(0, y, self.size.width, 1) for y in changed))

    def on_resize(self) -> None:
        self._shown = []
        if self.state is not None:
            self.show(self.draw(self.state))
        self.refresh()

    def render(self) -> RenderableType:
        return self._content

    def title(self, state: AppState) -> str | None:
        """The panel's border title for this state (None: no title)."""
        return None

    def draw(self, state: AppState) -> RenderableType:
        raise NotImplementedError
