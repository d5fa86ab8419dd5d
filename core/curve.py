"""The error curve and the learner's trail, framed for a chart that never jumps.

Along one weight (the others held where they are) the error is a parabola,
error(w) = (rest + x*w - goal)^2, with its bottom where the miss is zero. The chart shows
that curve over a window centred on the bottom and wide enough for every weight
visited so far. Window sizes come from a 1-2-5 ladder, so the axes stay still while
the learner moves and change only when it leaves the window. When the error has grown
by many orders of magnitude (a diverging run) the error axis becomes log10.

Everything handed to a plotting library is finite and of modest size: weights are
plotted as offsets from the window's centre in a unit that makes them lie within
[-5, 5], errors within [0, 10] or as log10, and the tick labels carry the true values.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .analysis import ROUNDING_ULPS
from .arrays import Floats
from .history import History
from .numbers import readable
from .record import Record
from .rules import as_arrays, predict

SAMPLES = 161  # points on the drawn curve; odd, so the bottom is one of them
TRAIL = 100  # the latest visited points drawn; older ones add ink, not insight
MAX_POINTS = 400  # error-vs-iteration draws at most this many points
LOG_SPAN = 1e4  # errors grown this much past the start switch the axis to log10
FAR = 1e12  # a linear axis beyond this would need unreadable labels: use log10
LARGEST = float(np.finfo(np.float64).max)
WIDEST = 1e308  # half the widest weight window: its 1-2-5 ladder ends below the largest float
NARROWEST = 1e-290  # half the narrowest: below, its SAMPLES steps would be subnormal, or zero
SQUARED_FINITE = 1e154  # a figure below this squares to a finite float
ROUNDING = 1e-12  # a weight this near its bottom, relative to it, is on it but for float rounding
LOWEST_TOP = 1e-290  # the smallest top of a linear error axis, so that its tenths stay normal

AXIS_CELLS = 30
"""The weight axis's width in cells at 80 columns (a 40-cell chart, less its error labels
and frame). plotext writes a tick's label only with a blank on either side of it, and
leaves out one that would touch another: ticks are spaced so that every label fits."""


@dataclass(repr=False, frozen=True, eq=False)
class Axis(Record):
    """Where an axis's ticks go (in plotted units) and what they say (in true values)."""

    limits: tuple[float, float]
    ticks: tuple[float, ...]
    labels: tuple[str, ...]
    log: bool = False


@dataclass(repr=False, frozen=True, eq=False)
class Frame(Record):
    """One chart, ready to plot: curve, trail and current point in plotted units."""

    curve_x: Floats  # shape (SAMPLES,) or (k,)
    curve_y: Floats
    trail_x: Floats  # shape (<= TRAIL,): the points visited before the current one
    trail_y: Floats
    point: tuple[float, float]  # the current state
    x: Axis
    y: Axis
    bottom_off: str = ""  # the curve's bottom, where it lies off the chart (its weight's label); "": on it, or none
    goal_middle: str = ""  # a log weight axis's middle tick, where it is the curve's bottom (the goal weight); else ""


def nice_above(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is >= value (value > 0)."""
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        nice = step * 10.0**exponent
        if nice >= value * (1 - 1e-12):
            return nice
    return 10.0 ** (exponent + 1)


def _row_of(history: History, index: int) -> tuple[Floats, int, float]:
    """The row of weights that weight `index` (flat) is in, a copy, shape (n,); its place
    in the row; and that output's goal. Weight `index` moves only its own output's error,
    so its curve is that output's error alone."""
    n = len(history.problem.inputs)
    output, column = divmod(index, n)
    return np.array(history.weights[output * n:(output + 1) * n]), column, history.problem.goals[output]


def slice_bottom(history: History, index: int) -> float | None:
    """The weight `index` at which the error along it is zero, the others held; None if flat."""
    inputs = as_arrays(history.problem.inputs)
    weights, column, goal = _row_of(history, index)  # shape (n,)
    if inputs[column] == 0:
        return None
    weights[column] = 0.0
    with np.errstate(all="ignore"):
        bottom = (goal - predict(weights, inputs)) / inputs[column]
    return float(bottom) if math.isfinite(bottom) else None


def error_along(history: History, index: int, at: Floats) -> Floats:
    """error(w) for w in `at` along weight `index`, the other weights held, shape like `at`:
    with several outputs, the error of the output the weight belongs to."""
    inputs = as_arrays(history.problem.inputs)
    weights, column, goal = _row_of(history, index)
    weights[column] = 0.0
    with np.errstate(all="ignore"):
        rest = predict(weights, inputs)  # what the other weights contribute
        errors: Floats = (rest + inputs[column] * at - goal) ** 2
        return errors


def error_vs_weight(history: History, index: int = 0, rows: int | None = None, cells: int = AXIS_CELLS) -> Frame:
    """The error curve along weight `index`, the trail and the current point.

    With several weights the curve is the error along this one with the others as they
    are now (the title says so); the trail is drawn at the errors the log holds, the ones
    that happened: on the curve of now a past point would sit at an error it never had.
    When the error has grown many times over (a diverging run), both axes count powers of
    ten: on a straight weight axis every point but the last would stand in one column.
    """
    visited = history.weight_trail[:, index]  # shape (iteration + 1,)
    if history.problem.outputs > 1:
        errors = output_errors(history, index // len(history.problem.inputs))  # the weight's own output
    else:
        errors = np.append(history.errors, history.error)  # the pending error of the current state
    start = float(visited[0])
    # A frozen weight never moves, and its curve slides under it as the others learn: the
    # window stays where the run started (centre and height), so the curve is seen to move
    # until its bottom is under the weight.
    framed_by = history.reset() if index in history.problem.frozen else history
    centre = slice_bottom(framed_by, index)
    if centre is None or abs(centre) > 1e100:
        centre = start
    with np.errstate(all="ignore"):
        offsets = visited - centre  # shape (iteration + 1,); inf past the largest float
        reach = float(np.max(np.abs(offsets)))
    # A start on the bottom, or a rounding hair off it (0.9 x 0.65 is not quite 0.585), has
    # no distance to frame: the window of a start on the goal, not a hair's width whose
    # ticks all read 0.9.
    reach = reach if reach > ROUNDING * abs(centre) and reach > 0 else max(1.0, abs(centre))
    first = float(errors[0])
    grown = first > 0 and float(np.max(errors)) > LOG_SPAN * first
    with np.errstate(all="ignore"):
        spread = float(np.max(visited) - np.min(visited))
        nearest = float(np.min(np.abs(offsets)))
    if grown and 0 < spread < nearest and math.isfinite(nearest):
        # Diverging with other weights, this one's slice bottom can lie far off to one side
        # (lesson 7 with input 100: w2's at 1.35e+07, its weights within 600 of 0.2): counted
        # out from there every weight visited is the same power of ten, one column under one
        # tick. The run grows out from its start, so the axis counts out from the start.
        centre = start
        offsets = visited - centre
        reach = float(np.max(np.abs(offsets)))
    # A weight on an input of 0 has a flat curve and never moves: a plain axis around it,
    # whatever the other weights do. Stretched out as theirs grew, lesson 10's w2,2 (inputs
    # -8.5, 0, 1000) read "-1 0.19 0.2 0.21 1", evenly spaced: a straight scale to the eye.
    flat = history.problem.inputs[index % len(history.problem.inputs)] == 0
    # A log axis with no power of ten to write beside its middle has no scale to read.
    stretched = _log_weight_axis(centre, reach, offsets, cells) if grown and not flat else None
    x_axis, curve_w, along = stretched or _weight_axis(centre, reach, offsets)
    with np.errstate(over="ignore"):  # the edge of the widest window lies past the floats: at their limit
        curve_e = error_along(history, index, np.clip(centre + curve_w, -LARGEST, LARGEST))
    top = largest_finite(np.append(curve_e, errors))
    if framed_by is not history:
        with np.errstate(over="ignore"):
            top = max(top, largest_finite(error_along(framed_by, index, np.clip(centre + curve_w, -LARGEST, LARGEST))))
    top = dust_as_zero(top, history)  # a flat curve at the goal (input 0)
    y_axis, scale_errors = _error_axis(top, errors, log=grown or top > FAR, rows=rows, held=largest_finite(errors))
    recent = slice(max(0, len(visited) - 1 - TRAIL), len(visited) - 1)
    bottom = slice_bottom(history, index)
    curve_x, curve_y = np.linspace(-5.0, 5.0, SAMPLES), scale_errors(curve_e)
    if not y_axis.log:
        curve_x, curve_y = _cut_at_top(curve_x, curve_y)
    return Frame(
        curve_x=curve_x,
        curve_y=curve_y,
        trail_x=along[recent],
        trail_y=scale_errors(errors[recent]),
        point=(float(along[-1]), float(scale_errors(errors[-1:])[0])),
        x=x_axis,
        y=y_axis,
        bottom_off=_off_the_chart(bottom, centre + curve_w[0], centre + curve_w[-1]),
        # Out from the start or from a frozen weight's first bottom, the middle is not the bottom.
        goal_middle=x_axis.labels[x_axis.ticks.index(0.0)] if x_axis.log and centre == bottom else "",
    )


def _cut_at_top(curve_x: Floats, curve_y: Floats) -> tuple[Floats, Floats]:
    """The curve without its arms above a linear axis's top (plotted 10), but for the
    sample past each edge, drawn at the top, so that the line reaches it: held there, the
    arms ran flat along the top row, a floor no curve has."""
    below = np.flatnonzero(curve_y < 10.0)
    if not len(below):
        return curve_x, curve_y
    kept = slice(max(0, int(below[0]) - 1), min(len(curve_y), int(below[-1]) + 2))
    return curve_x[kept], curve_y[kept]


def _off_the_chart(bottom: float | None, left: float, right: float) -> str:
    """The bottom's label where it lies past the window's edges `left` and `right`, else "".
    A window counted out from the start (the bottom far off to one side), one whose bottom
    was past 1e100, and a frozen weight's, whose bottom slides as the others learn, may not
    hold it: its curve then runs flat or one way across the chart, and the middle tick,
    which the help calls the bottom, is not (lesson 10 with input 100 drew error 1 along
    w1,2 flat at 1e+18 over ticks around 0.1, its bottom at -1.42e+09)."""
    if bottom is None or left <= bottom <= right:
        return ""
    return _bottom_label(bottom)


def _weight_axis(centre: float, reach: float, offsets: Floats) -> tuple[Axis, Floats, Floats]:
    """A straight weight axis from a 1-2-5 window around `centre` wide enough for `reach`:
    the axis, the curve's offsets from the centre (shape (SAMPLES,)) and the visited
    weights in plotted units."""
    half = nice_above(min(max(reach * 1.1, NARROWEST), WIDEST))
    unit = half / 5
    # Made at half scale (a power of two: exactly the same values) since the widest
    # window's span, 2 * WIDEST, is past the largest float.
    curve_w = np.linspace(-half / 2, half / 2, SAMPLES) * 2
    with np.errstate(over="ignore"):
        along = np.clip(offsets / unit, -5.0, 5.0)  # past the widest window: at its edge
    with np.errstate(over="ignore"):  # the widest window reaches past the floats: its ticks stop at their edge
        values, labels = round_ticks(max(centre - half, -LARGEST), min(centre + half, LARGEST))
        ticks = tuple(float(np.clip((value - centre) / unit, -5.0, 5.0)) for value in values)
    return Axis((-5.0, 5.0), ticks, labels), curve_w, along


def round_ticks(low: float, high: float, cells: int = AXIS_CELLS) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """The round values between `low` and `high` (whole multiples of 1, 2 or 5 times a
    power of ten), as many as `cells` holds with every label written in full and a blank
    on either side: the closest such ticks that fit, else the widest two. Ticks at the
    window's centre plus fractions of it read "-0.0535  0.0465 0.0965  0.146", figures
    no student would choose, and plotext left one out where two touched. A window its
    floats cannot tell apart has one tick, in its middle. The values, and their labels."""
    half_span = high / 2 - low / 2  # half the width: the widest window's whole width is past the floats
    middle = low + half_span
    if not (math.isfinite(half_span) and half_span > 0):
        return (low,), (readable(low, 3),)
    widest: tuple[tuple[float, ...], tuple[str, ...]] | None = None  # the last distinct ticks, if none fit
    step = nice_above(half_span / 3)  # at most seven ticks
    while math.isfinite(step):  # up the ladder to the largest float
        first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
        values = tuple(value for value in (_round_to(k * step, step) for k in range(first, last + 1))
                       if low <= value <= high)
        if len(values) < 2:
            break
        labels = tick_labels(values, step)
        if len(set(labels)) == len(labels):  # not a window lost in its centre's rounding
            if max(len(label) for label in labels) + 2 <= cells * (step / half_span) / 2:  # cells a step
                return values, labels
            widest = (values[0], values[-1]), (labels[0], labels[-1])
        step = nice_above(step * 1.01)  # the next one up the 1-2-5 ladder
    return widest or ((middle,), (readable(middle, 3),))


def _round_to(value: float, step: float) -> float:
    """`value` to the decimals of `step` (0.30000000000000004 as 0.3, where k x 0.1 lands)."""
    decimals = -math.floor(math.log10(step) + 1e-9)
    return round(value, decimals) if decimals > 0 else value


def tick_labels(values: tuple[float, ...], step: float) -> tuple[str, ...]:
    """Round ticks' values as their labels, in one notation an axis: to the step's own
    decimals, written plainly (0.05, 0.1, 2000) where every value lies between 0.0001 and
    a million, as readable writes numbers there; else in e-notation with the digits the
    step needs (5e+05, 1e+06: not 500000 beside 1e+06)."""
    decimals = -math.floor(math.log10(step) + 1e-9)
    if all(value == 0 or 1e-4 <= abs(value) < 1e6 for value in values):
        texts = (f"{value:.{max(0, decimals)}f}" for value in values)
        return tuple("0" if value == 0 else text.rstrip("0").rstrip(".") if decimals > 0 else text  # 0.1, not 0.10
                     for value, text in zip(values, texts))
    return tuple("0" if value == 0 else readable(value, min(17, max(1, math.floor(math.log10(abs(value))) + decimals + 1)),
                                                 whole=False) for value in values)


def _log_weight_axis(centre: float, reach: float, offsets: Floats,
                     cells: int = AXIS_CELLS) -> tuple[Axis, Floats, Floats] | None:
    """A weight axis that counts powers of ten out from `centre` on either side, as the
    error axis does upwards: a run that bounces 100 times farther each step lays one point
    a step, each a little farther out, alternately left and right. The start is one
    plotted unit's worth from the centre; the ticks are at the centre and, on either side,
    at signed powers of ten (see _powers_beside), each where its own value lies, so that the
    labels read as the error axis's do: equal gaps, ten or a hundred times over. Ticks at
    the centre plus or minus a power of ten read "-1e+03 -1 999 1e+06" around lesson 5's
    bottom at -1; rounded to a multiple of that power, lesson 10 with inputs -8.5, 0, 1000
    read "-1 0.19 0.2 0.21 1" and lesson 8 "-10000 2000 3650 5000 20000": evenly spaced,
    they read as a straight axis. None where no such tick has room for its label on the
    `cells` columns of the axis."""
    inner = float(abs(offsets[0])) or reach / LOG_SPAN  # the start's distance from the bottom
    decades = max(1, math.ceil(math.log10(reach) - math.log10(inner) + 0.05))
    per_unit = decades / 5  # decades a plotted unit

    def plotted(distance: Floats) -> Floats:
        with np.errstate(all="ignore"):
            logged = np.log10(np.minimum(np.abs(distance), LARGEST / 2) + inner) - math.log10(inner)
        return np.clip(np.nan_to_num(np.sign(distance) * logged / per_unit, nan=0.0), -5.0, 5.0)

    units = np.linspace(-5.0, 5.0, SAMPLES)
    with np.errstate(over="ignore"):
        curve_w = np.sign(units) * inner * (10.0 ** (np.abs(units) * per_unit) - 1)  # shape (SAMPLES,)
    centre_label = _bottom_label(centre)
    with np.errstate(over="ignore"):  # past the largest float: the floats' edge is the window's
        edge = float(inner * (np.float64(10.0) ** (5 * per_unit) - 1))  # the window's half-width
    exponents = _powers_beside(centre, inner, edge, reach, plotted, centre_label, cells)
    if not exponents:  # no power of ten with room for its label on the log part of the axis: no scale to read
        return None
    values = sorted([centre, *(sign * 10.0**exponent for exponent in exponents for sign in (-1, 1))])
    with np.errstate(over="ignore"):
        ticks = tuple(float(t) for t in plotted(np.array(values) - centre))
    labels = tuple(centre_label if value == centre else readable(value, whole=False) for value in values)
    return Axis((-5.0, 5.0), ticks, labels, log=True), np.clip(curve_w, -LARGEST, LARGEST), plotted(offsets)


LOG_PART = 10
"""A power of ten is ticked on a log weight axis only this many times farther from 0 than
the axis's middle and its start's distance from it: there its place is its power's, within
a twentieth of a decade. Nearer, the axis is straight (it counts distance from the middle,
plus the start's: `inner`), and lesson 8 with w2 frozen read "-1 0.01 0.415 1", a straight
scale unevenly ticked."""


def _powers_beside(centre: float, inner: float, edge: float, reach: float, plotted: Callable[[Floats], Floats],
                   centre_label: str, cells: int) -> list[int]:
    """The exponents of the powers of ten ticked on either side of `centre` (-10**e left,
    10**e right), within `edge` of it (the window's half-width): as many as `cells` columns
    hold with a blank beside every label and the frame's edge, every k-th decade for one k,
    so that on each side they are evenly spaced, as the error axis's are. Of the ways with
    the most, the one whose outer power lies among the weights visited (within `reach`),
    then the one whose first gap, from the middle, is nearest the others, then the widest.
    Chosen for 30 columns where the chart has 31 to 33 at 80, two a side at the most and the
    outer among the weights visited, 1,230 of 2,027 log weight axes over the course's
    lessons with edited numbers showed one a side: lesson 1 with input 10, after 5 steps,
    read "-1e+09 -0.1 1e+09", where "-1e+10 -1e+05 -0.1 1e+05 1e+10" fits."""
    nearest = LOG_PART * max(abs(centre), inner)
    with np.errstate(over="ignore"):
        far = min(abs(centre) + edge, LARGEST)
    if not (math.isfinite(nearest) and nearest > 0 and far >= nearest):
        return []
    exponents = [e for e in range(max(math.ceil(math.log10(nearest) - 1e-9), -300), min(math.floor(math.log10(far)), 308) + 1)
                 if 10.0**e + centre <= edge and 10.0**e - centre <= edge]  # both sides within the window
    if not exponents:
        return []
    with np.errstate(over="ignore"):
        at = {side: dict(zip(exponents, (_cells_out(p, cells) for p in plotted(
            np.array([side * 10.0**e - centre for e in exponents]))))) for side in (-1, 1)}
    width = {side: {e: len(readable(side * 10.0**e, whole=False)) for e in exponents} for side in (-1, 1)}
    middle = {-1: len(centre_label) // 2 + 1, 1: len(centre_label) - len(centre_label) // 2 + 1}  # its halves and a blank
    within = [e for e in exponents if 10.0**e - abs(centre) <= reach]  # among the weights visited
    # The outermost power, among the weights visited and in the window, or the one inside it
    # (an outermost label moved back inside the frame may leave no room for the next).
    tops = dict.fromkeys(e for top in (*within[-1:], exponents[-1]) for e in (top, top - 1) if e >= exponents[0])
    for count in range(min(len(exponents), cells // 2), 0, -1):  # a label and its blank: 2 columns at the least
        ways = []
        strides = range(1, (len(exponents) - 1) // (count - 1) + 1) if count > 1 else (1,)
        for stride in strides:
            for top in tops:
                chosen = list(range(top, top - count * stride, -stride))  # outermost first
                if chosen[-1] >= exponents[0] and all(_room(chosen, at[side], width[side], middle[side], cells,
                                                            SPILL[side]) for side in (-1, 1)):
                    gaps = [at[1][chosen[-1]], *(at[1][a] - at[1][b] for a, b in zip(chosen, chosen[1:]))]
                    ways.append(((top in within, -(max(gaps) - min(gaps)), top), chosen))
        if ways:
            return sorted(max(ways)[1])
    return []


SPILL = {-1: 4, 1: 1}
"""Columns a label may reach past the weight axis's end: on the right the frame's; on the
left the frame's and those under the error axis's labels, at least 4 wide beside a log
weight axis (the error has grown LOG_SPAN-fold: its axis spans 4 decades, 1 to 10000 or
0.01 to 100 at the least). plotext moves a label that would reach farther back inside:
the outermost then ends there."""


def _cells_out(plotted_at: float, cells: int) -> float:
    """Columns from the middle of an axis of `cells` columns (plotted -5 to 5) to `plotted_at`."""
    return abs(float(plotted_at)) / 10 * (cells - 1)


def _room(chosen: list[int], at: dict[int, float], width: dict[int, int], middle: float, cells: int,
          spill: int) -> bool:
    """Whether the labels of powers `chosen` (outermost first), each `at` its columns from the
    middle and `width` wide, fit on one side: a blank between each and the next, `middle`
    columns kept for the middle's, and the outermost moved back within `spill` columns past
    the axis's end where it would reach beyond, as plotext moves it."""
    inward = chosen[::-1]
    near = [at[e] - width[e] / 2 for e in inward]  # each label's edge towards the middle
    near[-1] = min(near[-1], (cells - 1) / 2 + spill - width[inward[-1]])
    return all(edge >= before for edge, before in zip(near, [middle, *(edge + width[e] + 1 for edge, e in zip(near, inward))]))


def _bottom_label(value: float) -> str:
    """The curve's bottom as a log weight axis's middle tick: to 3 digits, written out below
    a million as readable writes such figures (-1790, not -1.79e+03, which crowded out the
    round ticks beside it in lesson 8's diverging run)."""
    rounded = float(f"{value:.3g}")
    if 1e-4 <= abs(rounded) < 1e6:
        return np.format_float_positional(rounded, trim="-")
    return readable(value, 3)


def output_errors(history: History, output: int) -> Floats:
    """Output `output`'s error at each iteration so far, the current one last, shape
    (iteration + 1,): from the logged predictions (one output's error is not logged)."""
    goal = history.problem.goals[output]
    with np.errstate(all="ignore"):
        logged = (history.predictions[:, output] - goal) ** 2
    return np.append(logged, history.output_errors[output])


def largest_finite(errors: Floats) -> float:
    """The top of an error axis: the largest error, or the largest float where one overflowed
    (it is drawn at the top, which then says how far the floats go, not 1, as an infinite top
    once made it); 0 if there is none."""
    if np.any(np.isposinf(errors)):
        return LARGEST
    finite = errors[np.isfinite(errors)]
    return float(np.max(finite)) if len(finite) else 0.0


def rounding_dust(history: History) -> float:
    """The largest error float rounding alone leaves: the square of a miss a few float
    spacings of the larger of the goals and a prediction's terms, at any weights visited
    (analysis.rounding_misses' measure). An error axis whose top is no more is drawn as the
    flat 0 it is, on the axis of an error of 0: lesson 7 with its goal at the start's
    prediction (0.86) magnified 1.2326e-32 over the whole chart, "1e-32 ... 5e-33 ... 0",
    beside words that read it as 0."""
    problem = history.problem
    trail = history.weight_trail.reshape(-1, *problem.shape)  # shape (length + 1, outputs, n)
    with np.errstate(all="ignore"):
        terms = float(np.max(np.sum(np.abs(trail * as_arrays(problem.inputs)), axis=2)))
    scale = max(float(np.max(np.abs(as_arrays(problem.goals)))), terms if math.isfinite(terms) else 0.0)
    miss = ROUNDING_ULPS * float(np.spacing(scale))
    return miss * miss if miss < SQUARED_FINITE else math.inf


def dust_as_zero(top: float, history: History) -> float:
    """An error axis's `top`, or 0 where it is rounding dust (rounding_dust). Where dust's
    square passes the floats no finite top is called dust: a run that large diverged."""
    dust = rounding_dust(history)
    return 0.0 if top <= dust < math.inf else top


def error_vs_iteration(history: History, output: int | None = None, rows: int | None = None) -> Frame:
    """Each logged error against its iteration, the current one last; with several outputs
    and `output` given, that output's own error."""
    if output is not None and history.problem.outputs > 1:
        errors = output_errors(history, output)
    else:
        errors = np.append(history.errors, history.error)  # shape (iteration + 1,)
    iterations = np.arange(len(errors), dtype=np.float64)
    stride = max(1, math.ceil(len(errors) / MAX_POINTS))
    shown = np.unique(np.append(np.arange(0, len(errors), stride), len(errors) - 1))
    finite = errors[np.isfinite(errors)]
    positive = finite[finite > 0]
    top = largest_finite(errors)
    top = dust_as_zero(top, history)  # the axis of an error of 0
    spread = len(positive) and top > 1e3 * float(np.min(positive))
    y_axis, scale_errors = _error_axis(top, errors, log=bool(spread) or top > FAR, rows=rows)
    right = nice_above(max(10, len(errors) - 1))
    x_ticks = whole_ticks(right)
    return Frame(
        curve_x=iterations[shown],
        curve_y=scale_errors(errors[shown]),
        trail_x=np.empty(0),
        trail_y=np.empty(0),
        point=(float(iterations[-1]), float(scale_errors(errors[-1:])[0])),
        x=Axis((0.0, right), x_ticks, tuple(readable(t, 6) for t in x_ticks)),
        y=y_axis,
    )


MOST_LABELS = 7  # labels an error axis writes at most: every row of the chart at 80x24
FEWEST_LABELS = 3  # 0, the middle and the top, where the rows allow
LOOSEST = 1.25  # an axis this much taller than the tightest that fits may be chosen for more labels
FILLED = 2 / 3  # an axis whose curve reaches less of its height than this may cut the curve's arms instead
CUT = 0.8  # ... at no less of the curve's top than this


def row_ticks(top: float, rows: int, held: float | None = None) -> tuple[float, tuple[float, ...], float]:
    """An error axis of `rows` rows (the plot's, bottom to top) that reaches `top`: its own
    top, its ticks' values and their step. The ticks are round values (1, 2 or 5 times a
    power of ten, as nice_above makes them) a whole number of rows apart, so every label
    sits on a row of its own, evenly spaced, and a point is drawn on the row nearest its
    value (plotext rounds to the nearest row). Of the ways to do so whose top is near the
    tightest (the curve filling the height), the one with the most labels. At 80x24
    the chart had 7 rows for 0 to 400 by 100: a row was 57, labels fell one or two rows
    apart, and an error of 225 stood on the row labelled 200.

    A curve's arms may leave through the top where every point the chart draws, `held`
    and below, stays in: where the round ways to reach `top` would leave more than a third
    of the height empty above the curve, the axis may stop short of it, at CUT of it or
    more (lesson 4 with input -0.5: its curve reached 6.25 on an axis of 12, half the
    chart blank; it reads 0 to 6 by 1, the arms cut at 6)."""
    spans = rows - 1  # plotext puts 0 on the bottom row and the axis's top on the top row
    fewest = min(FEWEST_LABELS, spans + 1)
    ways = []
    for every in range(1, spans + 1):  # rows from one tick to the next
        labels = spans // every + 1
        if fewest <= labels <= MOST_LABELS:
            step = nice_above(top * every / spans)
            ways.append((step * spans / every, every, step))
            ways.append((_ladder_below(step) * spans / every, every, _ladder_below(step)))
    whole = min(axis_top for axis_top, _, _ in ways if axis_top >= top * (1 - 1e-12))
    lowest = top if held is None or top >= FILLED * whole else max(held, CUT * top)
    ways = [way for way in ways if way[0] >= lowest * (1 - 1e-12)]
    tightest = min(axis_top for axis_top, _, _ in ways)
    axis_top, every, step = max((way for way in ways if way[0] <= tightest * LOOSEST),
                                key=lambda way: (spans // way[1], -way[0]))  # the most labels, then the tightest
    values = tuple(_round_to(k * step, step) for k in range(spans // every + 1))
    return axis_top, values, step


def _ladder_below(step: float) -> float:
    """The 1-2-5 value one below `step` (one of them): 0.5 below 1, 1 below 2, 2 below 5."""
    exponent = math.floor(math.log10(step) + 1e-9)
    mantissa = round(step / 10.0**exponent)
    return {1: 0.5, 2: 1.0, 5: 2.0}[mantissa] * 10.0**exponent


def whole_ticks(right: float) -> tuple[float, ...]:
    """Ticks from 0 to `right` (a 1-2-5 number, at least 10) at whole iterations: four or
    five equal gaps when they are whole (0 25 50 75 100), else two (0 5 10)."""
    for gaps in (4, 5, 2):
        if (right / gaps).is_integer():
            return tuple(right * k / gaps for k in range(gaps + 1))
    return (0.0, right)


def _error_axis(top: float, errors: Floats, log: bool, rows: int | None = None,
                held: float | None = None) -> tuple["Axis", Callable[[Floats], Floats]]:
    """The error axis, and the function that turns errors into its plotted units. With the
    plot's `rows` known, a linear axis is laid on them (row_ticks), which may stop short of
    `top` where every error up to `held` stays in (a curve's arms then cut at the top)."""
    top = top if math.isfinite(top) and top > 0 else 1.0
    if not log:
        top = max(top, LOWEST_TOP)
        if rows is not None and rows >= 2:
            top, values, step = row_ticks(top, rows, None if held is None else min(max(held, LOWEST_TOP), top))
        else:
            # Round values from 0 up to the top, two to five of them: the top's own figure and
            # its half (0.722, 0.361) are no values a student would mark on an axis.
            step = nice_above(top / 4)
            values = tuple(_round_to(k * step, step) for k in range(math.floor(top / step + 1e-9) + 1))
        unit = top / 10

        def linear(values: Floats) -> Floats:
            return np.clip(np.nan_to_num(values / unit, nan=10.0, posinf=10.0), 0.0, 10.0)

        return Axis((0.0, 10.0), tuple(value / unit for value in values),
                    tick_labels(values, step)), linear
    positive = errors[np.isfinite(errors) & (errors > 0)]
    exponents = [math.log10(top), *np.log10(positive).tolist()]
    high = math.ceil(max(exponents))
    # Down to the smallest error, less what lies 60 decades below the first: rounding dust
    # (1e-32 at the goal). A run that grew from its start keeps that start in view: capped
    # 60 decades below the top, the divergence lesson's first dozen steps lay flat on 1e+51.
    start = math.log10(positive[0]) if len(positive) else high
    low = max(math.floor(min(exponents)) - 1, math.floor(min(start, high)) - 60)

    def logarithmic(values: Floats) -> Floats:
        with np.errstate(all="ignore"):
            logged = np.log10(values)
        plotted: Floats = np.clip(np.nan_to_num(logged, nan=high, posinf=high, neginf=low), low, high)
        return plotted

    if rows is not None and rows >= 2:
        low, top, log_ticks = log_row_ticks(low, high, rows)
    else:
        every = max(1, math.ceil((high - low) / 4))
        top, log_ticks = high, tuple(float(e) for e in range(high, low - 1, -every))[::-1]
    return Axis((float(low), float(top)), log_ticks, tuple(_power_label(int(t)) for t in log_ticks), log=True), logarithmic


def log_row_ticks(low: int, high: int, rows: int) -> tuple[int, float, tuple[float, ...]]:
    """A log error axis of `rows` rows from the decade `low` up past the decade `high`: its
    bottom, its top (in decades) and its ticks, whole decades every k-th for one k, a whole
    number of rows apart from the bottom row up. As row_ticks lays a linear axis: each label
    on a row of its own, evenly spaced, and a point on the row nearest its value. Lesson 5's
    5 labels on 6 rows fell one or two rows apart (10, 1000, 1e+05, 1e+07 read uneven).
    Of the ways, the one whose top is near the tightest with the most labels, its room to
    spare shared above and below (whole decades of it below), so a run falling from 0.1 to
    1e-11 is not drawn under a top of 1000."""
    spans = rows - 1  # plotext puts the bottom on the bottom row and the top on the top row
    fewest = min(FEWEST_LABELS, spans + 1)
    ways = []
    for every in range(1, spans + 1):  # rows from one tick to the next
        labels = spans // every + 1
        if fewest <= labels <= MOST_LABELS:
            decades = max(1, math.ceil((high - low) * every / spans))  # k: decades from one tick to the next
            ways.append((spans * decades / every, every, decades))
    tightest = min(span for span, _, _ in ways)
    span, every, decades = max((way for way in ways if way[0] <= tightest * LOOSEST),
                               key=lambda way: (spans // way[1], -way[0]))  # the most labels, then the tightest
    bottom = low - math.floor((span - (high - low)) / 2)
    return bottom, bottom + span, tuple(float(bottom + k * decades) for k in range(spans // every + 1))


def _power_label(exponent: int) -> str:
    """10**exponent as a tick label, as readable writes it anywhere else (0.0001, 1e+05);
    past the normal floats, where 10**exponent is not one, in the same form (1e-320)."""
    return readable(10.0**exponent, whole=False) if abs(exponent) <= 300 else f"1e{exponent:+03d}"
