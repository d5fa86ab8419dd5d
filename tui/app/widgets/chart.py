"""The chart: the error curve with the learner walking down it, or error per iteration.

The numbers come framed from `core.curve` (finite, modest, with fixed axes); this module
hands them to plotext, and then, like every panel, repaints only the lines of the
picture that changed: a step moves one point and leaves one mark behind. On a terminal
without Unicode the picture is translated to ASCII, since plotext 5 draws its frame in
box-drawing characters.
"""

from rich.text import Text
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual_plotext import PlotextPlot

from ....core.curve import Frame, error_vs_iteration, error_vs_weight
from ...words.say import say
from ..ascii import to_ascii
from ..state import ITERATION_VIEW, AppState
from .panel import changed_lines


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
        self._picture = Text()  # plotext's drawing of the current frame, at _drawn_at's size
        self._drawn_at = Size(0, 0)
        self._shown: list[Text] = []  # its lines, to compare the next picture with

    def watch_state(self, state: AppState | None) -> None:
        if state is not None:
            self.replot(state)

    def replot(self, state: AppState) -> None:
        history = state.session.history
        selected = min(state.selected, history.problem.size - 1)
        if state.view == ITERATION_VIEW:
            frame = error_vs_iteration(history)
            title = say(state.language, "chart.iteration")
        else:
            frame = error_vs_weight(history, selected)
            title = say(state.language, "chart.weight")
            if history.problem.size > 1:
                title += f" w{selected + 1}"
        if frame.y.log:
            title += " (log10)"
        if title != self.border_title:  # setting it, even unchanged, repaints the whole chart
            self.border_title = title
        self._plot_frame(frame)
        if self.size.area:
            self._show(self._draw())

    def _plot_frame(self, frame: Frame) -> None:
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
        self._ticks("x", frame.x.ticks, frame.x.labels)
        self._ticks("y", frame.y.ticks, frame.y.labels)

    def _ticks(self, axis: str, ticks: tuple[float, ...], labels: tuple[str, ...]) -> None:
        """plotext's xticks or yticks, kept in the order given.

        plotext removes duplicate ticks through a set, whose order changes with Python's
        hash seed; that order decides which label moves when two would touch, so the same
        chart came out differently from one run to the next.
        """
        getattr(self.plt, f"{axis}ticks")(list(ticks), list(labels))
        monitor = self.plt.monitor
        getattr(monitor, f"{axis}ticks")[0] = list(ticks)  # ours are distinct: nothing to remove
        getattr(monitor, f"{axis}labels")[0] = list(labels)

    def _draw(self) -> Text:
        """plotext's picture of the plotted frame, at the widget's size."""
        width, height = self.size
        plt = self.plt
        plt.plotsize(width, height)
        plt._set_size(width, height)  # plotsize alone caps at the terminal's size (textual-plotext #5)
        plt.theme(self._get_plotext_theme_name(self.app.theme))  # as PlotextPlot.render does
        picture = Text.from_ansi(plt.build())
        if self.ascii_frame:
            picture.plain = to_ascii(picture.plain)
        self._drawn_at = self.size
        return picture

    def _show(self, picture: Text) -> None:
        """Display `picture`, repainting only the lines that differ from the last."""
        lines = picture.split("\n", allow_blank=True)
        changed = changed_lines(self._shown, lines)
        self._picture, self._shown = picture, lines
        if changed:
            self.refresh(*(Region(0, y, self.size.width, 1) for y in changed))

    def render(self) -> Text:
        if self._drawn_at != self.size:  # a resize: draw afresh, every line
            self._picture = self._draw()
            self._shown = self._picture.split("\n", allow_blank=True)
        return self._picture
