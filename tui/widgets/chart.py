"""The chart: the error curve with the learner walking down it, or error per iteration.

The numbers come framed from `core.curve` (finite, modest, with fixed axes); this module
only hands them to plotext. On a terminal without Unicode the picture is translated to
ASCII after plotext draws it, since plotext 5 draws its frame in box-drawing characters.
"""

from rich.text import Text
from textual.reactive import reactive
from textual_plotext import PlotextPlot

from ...core.curve import Frame, error_vs_iteration, error_vs_weight
from ..ascii import to_ascii
from ..i18n import words
from ..state import ITERATION_VIEW, AppState

class ErrorChart(PlotextPlot):
    """Error vs weight (the curve, the trail, the current point) or error vs iteration."""

    state: reactive[AppState | None] = reactive(None, repaint=False)
    """The App's state, bound with `data_bind(GradstepApp.state)`."""

    def __init__(self, ascii_frame: bool = False, ascii_markers: bool = False, plain: bool = False,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.ascii_frame = ascii_frame  # the terminal cannot show box drawing
        self.ascii_markers = ascii_markers  # one byte a point instead of braille's three
        self.plain = plain  # no colours at all: the fewest bytes a frame
        # An explicit theme: "auto" paints the terminal's own black on black under the ANSI
        # themes. "pro" keeps the terminal's foreground and background, so it reads on any.
        self.theme = "clear" if plain else "pro"

    def watch_state(self, state: AppState | None) -> None:
        if state is not None:
            self.replot(state)

    def replot(self, state: AppState) -> None:
        history = state.session.history
        selected = min(state.selected, history.problem.size - 1)
        if state.view == ITERATION_VIEW:
            frame = error_vs_iteration(history)
            self.border_title = words(state.language, "chart.iteration")
        else:
            frame = error_vs_weight(history, selected)
            self.border_title = words(state.language, "chart.weight")
            if history.problem.size > 1:
                self.border_title += f" w{selected + 1}"
        if frame.y.log:
            self.border_title += " (log10)"
        self._draw(frame, curve_is_line=state.view != ITERATION_VIEW)
        self.refresh()

    def _draw(self, frame: Frame, curve_is_line: bool) -> None:
        plt = self.plt
        plt.clear_data()
        plt.frame(True)
        curve_marker = "." if self.ascii_markers else "braille"
        colour = (lambda name: "default") if self.plain else (lambda name: name)
        plt.plot(frame.curve_x.tolist(), frame.curve_y.tolist(), marker=curve_marker, color=colour("cyan"))
        if len(frame.trail_x):
            plt.scatter(frame.trail_x.tolist(), frame.trail_y.tolist(), marker="o", color=colour("yellow"))
        plt.scatter([frame.point[0]], [frame.point[1]], marker="@", color=colour("red"))
        plt.xlim(*frame.x.limits)
        plt.ylim(*frame.y.limits)
        plt.xticks(list(frame.x.ticks), list(frame.x.labels))
        plt.yticks(list(frame.y.ticks), list(frame.y.labels))

    def render(self) -> Text:
        text = super().render()
        if self.ascii_frame:
            text.plain = to_ascii(text.plain)
        return text
