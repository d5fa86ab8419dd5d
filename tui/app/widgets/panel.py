"""What every panel shares: the App's state, bound down, and repainting only what changed.

Textual resends every line of a widget that refreshes; over a slow SSH link a step
would cost a screenful of bytes although only a few numbers moved. So a panel renders
its new content itself, compares it line by line with what is on screen, and marks
only the lines that differ for repainting.
"""

from rich.console import RenderableType
from rich.segment import Segment
from textual.geometry import Region, Size
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
        self._drawn_at = Size(0, 0)  # the size _content was drawn for

    def watch_state(self, state: AppState | None) -> None:
        if state is None:
            return
        title = self.title(state)
        if title != self.border_title:  # setting it, even unchanged, repaints the whole panel
            self.border_title = title
        if self.size.area and self._drawn_at == self.size:  # on screen already: repaint what changed
            content = self.draw(state)
            if content is self._content:  # draw() says nothing it shows has changed
                return
            changed = changed_lines(self._shown, self._remember(content))
            if changed:
                self.refresh(*(Region(0, y, self.size.width, 1) for y in changed))
        else:  # not drawn yet, hidden (display: none) or being resized: the next render draws afresh
            self._drawn_at = Size(0, 0)

    def _remember(self, content: RenderableType) -> list[list[Segment]]:
        """Keep `content` for render() and its lines for the next comparison."""
        console = self.app.console
        options = console.options.update(width=self.size.width, height=None)
        self._content, self._drawn_at = content, self.size
        self._shown = console.render_lines(content, options, pad=False)
        return self._shown

    def render(self) -> RenderableType:
        if self._drawn_at != self.size and self.size.area and self.state is not None:  # first paint, shown again, resized
            self._remember(self.draw(self.state))
        return self._content

    def title(self, state: AppState) -> str | None:
        """The panel's border title for this state (None: no title)."""
        return None

    def draw(self, state: AppState) -> RenderableType:
        """The panel's content for `state`; the content drawn last (`self._content`) if unchanged."""
        raise NotImplementedError
