"""What every panel shares: the App's state, bound down, and drawn from nothing else."""

from rich.console import RenderableType
from textual.reactive import reactive
from textual.widget import Widget

from ..state import AppState


class StatePanel(Widget):
    """A panel drawn from the App's state alone; subclasses say how in `draw`."""

    state: reactive[AppState | None] = reactive(None)
    """The App's state, bound with `data_bind(GradstepApp.state)`; a new value repaints."""

    def watch_state(self, state: AppState | None) -> None:
        if state is not None:
            self.border_title = self.title(state)

    def render(self) -> RenderableType:
        return "" if self.state is None else self.draw(self.state)

    def title(self, state: AppState) -> str | None:
        """The panel's border title for this state (None: no title)."""
        return None

    def draw(self, state: AppState) -> RenderableType:
        raise NotImplementedError
