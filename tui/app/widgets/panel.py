"""What every widget on the lesson screen shares: the App's state, handed down, and one way to repaint.

A key press only sets the state. The widgets draw once the App has handled every key
queued before them, so ten keys between two frames are ten cheap state changes and one
picture, and a held-down key never queues drawings.

A drawing that is lines of text which fit (most are) becomes strips directly; anything
else goes through Rich's layout, which wraps.

Textual resends every line of a widget that refreshes; over a slow SSH link a step would
cost a screenful of bytes although only a few numbers moved. So, as toolong does with
`refresh_line` over its own line cache, a widget keeps the lines it drew, hands them to
Textual through `render_line`, and marks for repainting only the lines that differ
from the new drawing.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from ..state import AppState


class StatePanel(Widget):
    """A widget drawn from the App's state alone; subclasses say how in `title` and `draw`."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.state: AppState | None = None  # the App's state, handed down by show()
        self._lines: list[list[Segment]] = []  # the picture on screen (or marked for repainting), a row's segments a row
        self._drawn_at = Size(0, 0)  # the size _lines were drawn at; any other means draw afresh
        self._behind = False  # the state changed since _lines were drawn; a catch-up is on its way
        self._drawn_from: object = None  # what drawn_from() said of the state _lines show

    def show(self, state: AppState) -> None:
        """Take the App's new state and return: the drawing waits until the keys queued now are handled.

        A plain call, not a reactive bound with data_bind: Textual's binding cost a third of
        a millisecond a key for seven widgets, half of what a queued key costs in all.

        The catch-up runs in this widget's own task, which no key passes through, so it
        waits for every key the App has queued. (On the App's task it would run between
        keys: Textual hands each key on and back, and the App's queue empties in between.)
        """
        self.state = state
        if not self._behind:
            self._behind = True
            self.call_next(self._catch_up)

    def _catch_up(self) -> None:
        """Draw the latest state and repaint the lines that differ from the picture on screen."""
        self._behind = False
        state = self.state
        assert state is not None, "show() hands a state down before it calls for a catch-up"
        title = self.title(state)
        if title != self.border_title:  # setting it, even unchanged, repaints the whole widget
            self.border_title = title
        if not (self.size.area and self._drawn_at == self.size):
            self._drawn_at = Size(0, 0)  # hidden (display: none) or not drawn yet: the next paint draws
            return
        if self.drawn_from(state) == self._drawn_from:
            return  # nothing the picture shows has changed
        old, new = self._lines, self._draw_lines(state)
        for y in range(max(len(old), len(new))):
            if y >= len(old) or y >= len(new) or old[y] != new[y]:
                self.refresh(Region(0, y, self.size.width, 1))

    def _draw_lines(self, state: AppState) -> list[list[Segment]]:
        """`draw(state)` at the widget's size, kept as the picture on screen: a row's segments,
        not its Strip. A Strip carries seven caches of its own (crops, styles, ...), which
        Textual fills as it paints: the panels' fifty, kept, made a lesson's process some
        0.2 MB larger, in every student's process, beside the painted lines Textual keeps
        itself. render_line makes each Strip when Textual asks for it."""
        width, height = self.size
        drawing = self.draw(state)
        lines = lines_of(drawing)
        if lines is not None and all(line.cell_len <= width for line in lines):
            strips = self._fitted_strips(lines[:height])
        else:
            visual = visualize(self, drawing, markup=False)
            strips = Visual.to_strips(self, visual, width, height, self.visual_style)
        self._lines = [list(strip) for strip in strips]
        self._drawn_at, self._drawn_from = self.size, self.drawn_from(state)
        return self._lines

    def _fitted_strips(self, lines: list[Text]) -> list[Strip]:
        """Lines that already fit, as strips, without Rich's layout, which cost more than
        the drawing (a ten-row Table took 4 ms a step). The segments are the ones Rich
        yields: each line's own style under its spans (Text.render leaves it out of a line
        without spans), the widget's style under both, and the offsets text selection reads."""
        console, base = self.app.console, self.visual_style.rich_style
        return [Strip(Segment.apply_style(line.render(console), base + console.get_style(line.style))).apply_offsets(0, y)
                for y, line in enumerate(lines)]

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> "StatePanel":
        """A whole-widget repaint comes from Textual (a resize, a new style or theme, a title,
        being shown again): it draws the picture afresh, every line."""
        if repaint and not regions:
            self._drawn_at = Size(0, 0)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        if self._drawn_at != self.size and self.state is not None:
            self._draw_lines(self.state)
        if y < len(self._lines):
            return Strip(self._lines[y])
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def drawn_from(self, state: AppState) -> object:
        """What of `state` the picture shows; when it compares equal, the drawing is skipped.

        The whole state by default: every new state is drawn.
        """
        return state

    def title(self, state: AppState) -> str | None:
        """The widget's border title for this state (None: no title)."""
        return None

    def draw(self, state: AppState) -> RenderableType:
        """The widget's content for `state`, at its current size."""
        raise NotImplementedError


def lines_of(drawing: RenderableType) -> list[Text] | None:
    """The drawing as lines of text, if that is all it is (a Text, or a Group of them) and
    nothing in it needs Rich's layout: no tab to expand, no line to centre or justify."""
    parts = drawing.renderables if isinstance(drawing, Group) else [drawing]
    texts = [part for part in parts if isinstance(part, Text)]
    if len(texts) < len(parts) or not all(text.justify in (None, "default", "left") and "\t" not in text.plain
                                          for text in texts):
        return None
    return [line for text in texts for line in text.split("\n", allow_blank=True)]
