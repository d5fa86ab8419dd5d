"""The chart: the error curve with the learner walking down it, or error per iteration.

The numbers come framed from `core.curve` (finite, modest, with fixed axes); this module
hands them to plotext, and repaints like every widget on the screen (see panel.py): only
the lines of the picture that changed, so a step moves one point and leaves one mark
behind. On a terminal without Unicode the picture is translated to ASCII, since plotext
5 draws its frame in box-drawing characters.
"""

from __future__ import annotations

import math
import re
from itertools import groupby
from operator import itemgetter

import numpy as np
from rich.text import Text
from textual_plotext import PlotextPlot

from ....core.curve import AXIS_CELLS, Axis, Frame, error_vs_iteration, error_vs_weight
from ...compat import plotext_theme, set_plot_size
from ...words.say import say
from ..ascii import to_ascii
from ..state import ITERATION_VIEW, AppState
from .panel import StatePanel


PLOT_MARGIN = 3  # rows of the chart that are not the plot's: the frame's top and bottom, the weight labels
FEWEST_PLOT_ROWS = 3  # a caption row is taken from the plot only while it keeps this many
BRAILLE_DOTS = (2, 4)  # a braille cell's dots across and down: the curve's resolution (plotext's marker_factor)


class ErrorChart(StatePanel, PlotextPlot):
    """Error vs weight (the curve, the trail, the current point) or error vs iteration."""

    # The marks' colours, from the stylesheet: the terminal's own red is 4.5:1 on no dark
    # background, and its yellow 2.1:1 on the light one.
    COMPONENT_CLASSES = {"chart--trail", "chart--point"}

    def __init__(self, ascii_frame: bool = False, ascii_markers: bool = False, plain: bool = False,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.ascii_frame = ascii_frame  # the terminal cannot show box drawing
        self.ascii_markers = ascii_markers  # one byte a point instead of braille's three
        self.plain = plain  # no colours at all: the fewest bytes a frame
        # An explicit theme: "auto" paints the terminal's own black on black under the ANSI
        # themes. "pro" keeps the terminal's foreground and background, so it reads on any.
        self.theme = "clear" if plain else "pro"
        # (state, size): the frame and the caption's lines under it, which take the chart's last
        # rows. The title and the picture share it.
        self._laid: tuple[tuple, tuple[Frame, tuple[str, ...]] | None] = ((None, None), None)
        self._curve: tuple = ()  # what the last picture's curve was drawn from
        self._layers: tuple[str, str] | None = None  # that curve alone, and the empty frame, once it repeats

    def frame(self, state: AppState) -> Frame:
        """What to plot for `state`, framed once for the title and the picture both, its error
        axis laid on the rows the plot has (core.curve.row_ticks): the widget's, less the
        frame's two and the weight labels' one, and the caption's lines."""
        return self._laid_out(state)[0]

    def _laid_out(self, state: AppState) -> tuple[Frame, tuple[str, ...]]:
        """The frame for `state` and the caption's lines under it, once a state and size. The
        caption takes the chart's last rows, one a line, as many as the plot can spare while it
        keeps FEWEST_PLOT_ROWS (none from a chart too low for that), and the frame is laid on
        the rows left: the rows a caption takes are its lines, not a second count of them, which
        had a line written under a plot framed as if it had that row. A line the frame laid on
        fewer rows no longer has (its e-notation's figure gone) leaves its row blank."""
        (laid_for, size), laid = self._laid
        if laid_for is state and size == self.size and laid is not None:
            return laid
        rows = self.size.height - PLOT_MARGIN if self.size.height > PLOT_MARGIN + 1 else None
        cells = axis_cells(laid[0], self.size.width) if laid is not None else 0
        frame = self._framed_on(state, rows, self.size.width, cells if cells > 0 else AXIS_CELLS)
        spared = 0 if rows is None else max(0, min(len(self._caption_of(state, frame, rows)), rows - FEWEST_PLOT_ROWS))
        lines: tuple[str, ...] = ()
        if rows is not None and spared:
            frame = self._framed_on(state, rows - spared, self.size.width, max(1, axis_cells(frame, self.size.width)))
            found = self._caption_of(state, frame, rows - spared)[:spared]
            lines = (*found, *[""] * (spared - len(found)))
        self._laid = (state, self.size), (frame, lines)
        return frame, lines

    @staticmethod
    def _framed_on(state: AppState, rows: int | None, width: int, cells: int) -> Frame:
        """The frame on `rows` rows; a log weight axis's powers of ten chosen for the columns
        its axis has at `width` (those beside the error labels), where the room may hold more.
        `cells` is a guess at them (the last frame's): the error labels, which decide them, do
        not depend on them, so a wrong guess is framed once more, with the right one."""
        history = state.session.history
        if state.view == ITERATION_VIEW:
            return error_vs_iteration(history, state.output, rows)
        frame = error_vs_weight(history, state.followed, rows, cells)
        found = axis_cells(frame, width)
        if found != cells and found > 0:  # a guess too narrow may have made the axis a straight one
            frame = error_vs_weight(history, state.followed, rows, found)
        return frame

    def title(self, state: AppState) -> str:
        """What the chart plots, then its notes in one parenthesis: whether the other weights
        are held where they are now, and whether the error axis counts powers of ten.

        At 80 columns the border holds 38 cells, and Textual cuts a longer title with "…":
        lesson 8's diverging run lost "(log10)", lesson 10's frozen weight "(frozen)". So a
        frozen weight says so in its name, and "others as now", the least needed (the help
        says it of every curve along one of several weights), is left out where the title
        would not fit."""
        history = state.session.history
        problem = history.problem
        frozen = state.followed in problem.frozen and state.view != ITERATION_VIEW
        row, column = divmod(state.followed, len(problem.inputs))
        if state.view == ITERATION_VIEW:
            key = "chart.output_iteration" if problem.outputs > 1 else "chart.iteration"
        elif problem.outputs > 1:
            key = "chart.output_frozen_weight" if frozen else "chart.output_weight"
        elif problem.size > 1:
            key = "chart.frozen_weight" if frozen else "chart.numbered_weight"
        else:
            key = "chart.weight"
        name = say(state.language, key, output=row + 1, row=row + 1, column=column + 1, number=state.followed + 1)
        # The curve along one weight is drawn with the others held: said wherever another
        # weight feeds the same output.
        held = state.view != ITERATION_VIEW and len(problem.inputs) > 1
        log = self.frame(state).y.log
        room = self.size.width - 2 if self.size.width else None  # the border's corners; None: not laid out yet
        for notes in ((*(["chart.others_as_now"] if held else []), *(["chart.log"] if log else [])),
                      ("chart.log",) if log else ()):
            title = name + self._notes(state.language, notes)
            if room is None or Text(title).cell_len <= room:
                break
        return title

    @staticmethod
    def _notes(language: str, notes: tuple[str, ...]) -> str:
        """The notes after the chart's name, in one parenthesis (none: nothing)."""
        if not notes:
            return ""
        return say(language, "chart.notes", notes=say(language, "chart.notes_between").join(
            say(language, note) for note in notes))

    def caption(self, state: AppState) -> str:
        """The lines under the chart, where the student looks (one a row, as many as the plot
        can spare: the first first). Where the curve's bottom lies off the chart, where it
        is: the curve runs flat or one way, and its middle tick, which the help calls the
        bottom, is not; where a log weight axis's middle tick is the bottom, that it is the
        goal weight (said in the help alone, a student read "-1" as one more tick). Wherever
        an o of the trail is drawn, what it is (lessons 2 to 6 drew it unexplained); with
        several weights feeding one output, also why they sit off the curve: they are the
        errors the log holds, and the curve is the error along this weight with the others
        as they are now, moved since (one weight an output, or the error per iteration:
        every point is on its curve). Then, where an
        axis writes a figure in e-notation (1e+06, which a lesson-1 student met with input
        1000), what it means. Nothing that would not fit (a narrow window)."""
        return "\n".join(self._laid_out(state)[1])

    def _caption_of(self, state: AppState, frame: Frame, rows: int) -> list[str]:
        """The caption's lines under `frame`, a plot of `rows` rows (see caption)."""
        if frame.bottom_off:
            lines = [say(state.language, "chart.bottom_off", bottom=frame.bottom_off)]
        else:  # the help calls the middle tick the bottom; a student reads it here
            lines = [say(state.language, "chart.goal_middle", weight=frame.goal_middle)] if frame.goal_middle else []
        # Wherever an o is drawn, what it is: lessons 2 to 6 drew the trail with no word of it
        # (the legend stood only where several weights set the o's off the curve).
        several = state.view != ITERATION_VIEW and len(state.session.history.problem.inputs) > 1
        if trail_drawn(frame, axis_cells(frame, self.size.width), rows, self._dots()):
            lines += [say(state.language, "chart.trail_then" if several else "chart.trail")]
        if not several:  # beside several weights' trail, its row is the plot's
            _, x_labels = x_ticks_shown(frame, self.size.width)
            powers = [label for label in (*frame.y.labels, *x_labels) if "e" in label]
            lines += [e_notation(state.language, max(powers, key=lambda label: abs(float(label))))] if powers else []
        return [line for line in lines if self.size.width and Text(line).cell_len <= self.size.width]

    def on_resize(self) -> None:
        """A title fitted to the old width is fitted again (the state has not changed)."""
        if self.state is not None:
            self.border_title = self.title(self.state)

    def draw(self, state: AppState) -> Text:
        """plotext's picture of the state's frame, at the widget's size.

        Most steps move the point along the same curve, and the curve is most of plotext's
        work (4.7 of 7.6 ms at 80x24). So once one curve has been drawn twice running, its
        picture is kept, with one of the empty frame beside it, and a step asks plotext
        only for the trail and the point, laid over the curve: a cell where that picture
        differs from the empty frame shows it, any other the curve's. That is plotext's
        own rule (a marker replaces what is under it), so the picture is the same.
        """
        frame, lines = self._laid_out(state)
        caption = self.caption(state)
        width, height = self.size
        size = (width, height - len(lines))  # the plot's, above its caption
        curve = (frame.curve_x.tobytes(), frame.curve_y.tobytes(), frame.x.limits, frame.x.ticks, frame.x.labels,
                 frame.y.limits, frame.y.ticks, frame.y.labels, size, self.app.theme)
        if curve != self._curve:
            self._curve, self._layers = curve, None
            picture = self._plotted(frame, size, curve=True, points=True)
        else:
            if self._layers is None:
                self._layers = (self._plotted(frame, size, curve=True, points=False),
                                self._plotted(frame, size, curve=False, points=False))
            picture = laid_over(*self._layers, self._plotted(frame, size, curve=False, points=True))
        text = Text.from_ansi(picture)
        if self.ascii_frame:
            text.plain = to_ascii(text.plain)
        if caption:
            if text.plain.endswith("\n"):  # plotext's picture ends with one
                text.right_crop(1)
            text.append("\n" + caption)
        return text

    def _plotted(self, frame: Frame, size: tuple[int, int], curve: bool, points: bool) -> str:
        """plotext's picture (with its colour codes) of the frame's axes, and its curve or points or both."""
        plt = self.plt
        plt.clear_data()
        plt.frame(True)
        if curve:
            curve_marker = "." if self.ascii_markers else "braille"
            plt.plot(frame.curve_x.tolist(), frame.curve_y.tolist(), marker=curve_marker, color=self._colour(None, "cyan"))
        if points:  # each in the cell the curve's own rounding puts its value in
            columns, rows, dots = axis_cells(frame, size[0]), size[1] - PLOT_MARGIN, self._dots()
            def placed(xs, ys) -> tuple[list[float], list[float]]:
                return (curve_cell_value(np.asarray(xs, dtype=float), frame.x.limits, columns, dots[0]).tolist(),
                        curve_cell_value(np.asarray(ys, dtype=float), frame.y.limits, rows, dots[1]).tolist())
            if len(frame.trail_x):
                plt.scatter(*placed(frame.trail_x, frame.trail_y), marker="o", color=self._colour("trail", "yellow"))
            plt.scatter(*placed([frame.point[0]], [frame.point[1]]), marker="@", color=self._colour("point", "red"))
        plt.xlim(*frame.x.limits)
        plt.ylim(*frame.y.limits)
        width, height = size
        self._ticks("x", *x_ticks_shown(frame, width))
        self._ticks("y", frame.y.ticks, frame.y.labels)
        plt.plotsize(width, height)
        set_plot_size(plt, width, height)
        plt.theme(plotext_theme(self, self.app.theme))
        return plt.build()

    def _dots(self) -> tuple[int, int]:
        """The curve's dots a cell across and down: braille's 2 x 4, or one where it is drawn in "."."""
        return (1, 1) if self.ascii_markers else BRAILLE_DOTS

    def _colour(self, mark: str | None, terminals: str) -> str | tuple[int, int, int]:
        """plotext's colour for a mark: the stylesheet's chart--MARK, where the theme gives it in
        RGB; else (the curve, an ANSI theme) the terminal's own `terminals`; none when plain."""
        if self.plain:
            return "default"
        colour = self.get_component_rich_style(f"chart--{mark}").color if mark else None
        if colour is None or colour.triplet is None:
            return terminals
        return colour.triplet.red, colour.triplet.green, colour.triplet.blue

    def _ticks(self, axis: str, ticks: tuple[float, ...], labels: tuple[str, ...]) -> None:
        """plotext's xticks or yticks, kept in the order given.

        plotext removes duplicate ticks through a set, whose order changes with Python's
        hash seed; that order decides which label moves when two would touch, so the same
        chart came out differently from one run to the next.
        """
        getattr(self.plt, f"{axis}ticks")(list(ticks), list(labels))
        # plotext sets monitor outside __init__, so the checker does not see it on the Figure.
        monitor = self.plt.monitor  # type: ignore[attr-defined]
        getattr(monitor, f"{axis}ticks")[0] = list(ticks)  # ours are distinct: nothing to remove
        getattr(monitor, f"{axis}labels")[0] = list(labels)


def e_notation(language: str, label: str) -> str:
    """What a label in e-notation means: "1e+06 means 1 x 10^6"."""
    mantissa, exponent = label.split("e")
    return say(language, "chart.e_notation", label=label, mantissa=mantissa, exponent=int(exponent))


def x_ticks_shown(frame: Frame, width: int) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """The x ticks and labels a chart `width` columns wide writes (as labelled): the plot
    and its caption read the same ones, so a caption never explains a label left out."""
    return labelled(frame.x, axis_cells(frame, width), width - axis_cells(frame, width) - 2)


def curve_cell(values: np.ndarray, limits: tuple[float, float], bins: int, dots: int) -> np.ndarray:
    """The cells (of `bins` along an axis) that plotext's curve, `dots` dots a cell, puts
    `values` in: its own rule (get_matrix_data) on the dots, then the cell that holds the dot."""
    low, high = limits
    with np.errstate(all="ignore"):  # a diverged trail's overflow is no cell
        return np.floor(np.floor(np.round(0.5 + (bins * dots - 1) * (values - low) / (high - low), 8)) / dots)


def curve_cell_value(values: np.ndarray, limits: tuple[float, float], bins: int, dots: int) -> np.ndarray:
    """`values` moved to where a marker (one dot a cell) lands in the cell the curve puts them
    in. A marker rounded at its own resolution, not the curve's 2 x 4 dots a cell, stood a row
    off its curve: lesson 9 with input 0 drew the flat error line on the "0.4" row and the @
    on the row below it. Values outside the axes stay as they are (not drawn)."""
    low, high = limits
    if bins < 2 or low == high:
        return values
    cell = curve_cell(values, limits, bins, dots)
    inside = (cell >= 0) & (cell < bins)
    return np.where(inside, low + np.where(inside, cell, 0) * (high - low) / (bins - 1), values)


def trail_drawn(frame: Frame, columns: int, rows: int, dots: tuple[int, int] = BRAILLE_DOTS) -> bool:
    """Whether an o of the trail shows on a plot of `columns` x `rows` cells: inside the
    axes, on a cell other than the current point's, whose @ is drawn over it. With every
    weight frozen each step stays on the point, and the caption explained an o that no cell
    showed. A value's cell is the one the curve (`dots` a cell) puts it in, as the chart draws it."""
    if columns < 1 or rows < 1 or not len(frame.trail_x) or frame.x.limits[0] == frame.x.limits[1] \
            or frame.y.limits[0] == frame.y.limits[1]:
        return False
    x = curve_cell(np.asarray(frame.trail_x), frame.x.limits, columns, dots[0])
    y = curve_cell(np.asarray(frame.trail_y), frame.y.limits, rows, dots[1])
    at_x, at_y = (curve_cell(np.asarray([value]), limits, bins, dot)[0]
                  for value, limits, bins, dot in ((frame.point[0], frame.x.limits, columns, dots[0]),
                                                   (frame.point[1], frame.y.limits, rows, dots[1])))
    inside = (x >= 0) & (x < columns) & (y >= 0) & (y < rows)  # NaN compares False: not drawn
    return bool(np.any(inside & ((x != at_x) | (y != at_y))))


def axis_cells(frame: Frame, width: int) -> int:
    """The columns of the x axis of a chart `width` columns wide: less the error labels and
    their ┤, and the frame's two."""
    return width - (max((len(label) for label in frame.y.labels), default=0) + 1) - 2


def labelled(axis: Axis, cells: int, left: int) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """The weight or iteration ticks whose labels plotext will write, on an axis of
    `cells` columns with `left` columns to its left: plotext writes the labels in the
    order given and leaves out one that would touch a label already written, keeping its
    tick, so a tick stood there unlabelled (lesson 8's "-1 0.2 0.303 0.4 2" read
    "-1 0.303 2"). Taken here from the one nearest the middle outwards (the curve's
    bottom, where it is a tick), each kept if its label has a blank on either side. A
    log axis counts powers of ten out from its middle on either side: its ticks are
    kept in pairs, one each side, or not at all (lesson 10's read "-10000 -100 0.1 10000",
    100 left out beside 0.1 where -100 had room)."""
    ticks, labels = axis.ticks, axis.labels
    low, high = axis.limits
    middle = min(range(len(ticks)), key=lambda place: abs(ticks[place] - (low + high) / 2), default=0)
    taken: dict[int, tuple[int, int]] = {}  # each kept tick's label: its first column, and past its last

    def room(place: int, taken: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
        """Where the label of tick `place` goes, if it touches none taken."""
        width = len(labels[place])
        start = left + math.floor(round(0.5 + (cells - 1) * (ticks[place] - low) / (high - low), 8)) - width // 2
        return (start, start + width) if all(start + width < first or past < start for first, past in taken.values()) else None

    for distance in range(len(ticks)):
        places = sorted({middle - distance, middle + distance} & set(range(len(ticks))))
        paired = axis.log and distance > 0 and len(places) == 2
        for place in places:
            found = room(place, taken)
            if found is not None:
                taken[place] = found
            elif paired:
                taken.pop(places[0], None)  # its pair goes too
                break
    return tuple(ticks[place] for place in sorted(taken)), tuple(labels[place] for place in sorted(taken))


SGR = re.compile(r"(\x1b\[[0-9;]*m)")


def cells(line: str) -> list[tuple[str, str]]:
    """Each cell of a line of plotext's picture: its colour codes (since the last reset) and its character."""
    found, codes = [], ""
    for part in SGR.split(line):
        if part.startswith("\x1b["):
            codes = "" if part == "\x1b[0m" else codes + part
        else:
            found += [(codes, char) for char in part]
    return found


def laid_over(curve: str, empty: str, points: str) -> str:
    """`points` laid over `curve`: a cell where `points` differs from the `empty` frame shows `points`."""
    lines = []
    for below, bare, above in zip(*(picture.split("\n") for picture in (curve, empty, points)), strict=True):
        merged = [top if top != plain else under for under, plain, top in zip(cells(below), cells(bare), cells(above),
                                                                            strict=True)]
        lines.append("".join(f"\x1b[0m{codes}{''.join(char for _, char in run)}\x1b[0m" if codes
                             else "".join(char for _, char in run)
                             for codes, run in ((codes, list(run)) for codes, run in groupby(merged, itemgetter(0)))))
    return "\n".join(lines)
