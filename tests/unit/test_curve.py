"""The error-vs-weight picture: each point drawn at the error it had, the current one on
the curve shown, with one weight or several; a diverging run spread out, not stacked."""

import math

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from gradstep.core.curve import error_along, error_vs_weight
from gradstep.core.history import History
from gradstep.core.courses import find_lesson


def on_the_curve(frame, x: np.ndarray) -> np.ndarray:
    return np.interp(x, frame.curve_x, frame.curve_y)


@pytest.mark.parametrize(("lesson", "index"), [("alpha", 0), ("multi-weight", 0), ("multi-weight", 1),
                                               ("multi-weight", 2)])
def test_the_point_lies_on_the_curve_drawn(lesson, index):
    history = History.start(find_lesson(lesson).problem).jump(3)
    frame = error_vs_weight(history, index)
    tolerance = 0.01 * float(np.max(frame.curve_y))  # the curve is sampled: straight lines between samples
    assert len(frame.trail_x) == 3
    assert on_the_curve(frame, np.array([frame.point[0]]))[0] == pytest.approx(frame.point[1], abs=tolerance)
    if lesson == "alpha":  # one weight: one curve, and the trail on it
        assert np.allclose(on_the_curve(frame, frame.trail_x), frame.trail_y, atol=tolerance)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_with_several_weights_the_trail_is_at_the_errors_that_happened(index):
    """Lesson 7 drew w2 = 0.2 near 0.0015, on the curve of now, where the log says 0.0196."""
    history = History.start(find_lesson("multi-weight").problem).jump(3)
    frame = error_vs_weight(history, index)
    now = error_along(history, index, history.weight_trail[:, index])
    assert not np.allclose(now[:-1], history.errors)  # the curve of now holds errors that never happened
    per_unit = float(frame.y.labels[-1]) / frame.y.ticks[-1]  # the linear axis: its error a plotted unit
    assert np.allclose(frame.trail_y * per_unit, history.errors, rtol=0.01)


def test_a_diverging_run_is_spread_out_on_a_log_weight_axis():
    """Lesson 5's markers stood in one column; its ticks read "-2e+06 -1e+06 -1 1e+06 2e+06"."""
    history = History.start(find_lesson("divergence").problem).jump(5)
    frame = error_vs_weight(history, 0)
    along = [*frame.trail_x, frame.point[0]]
    assert len({round(x) for x in along}) == len(along)  # no two in one column
    assert all(np.sign(a) != np.sign(b) for a, b in zip(along, along[1:]))  # bouncing, side to side
    assert all(abs(b) > abs(a) for a, b in zip(along, along[1:]))  # farther each step
    assert frame.x.log and frame.x.labels == ("-1e+10", "-10000", "-1", "10000", "1e+10")  # room for each label
    assert list(frame.x.ticks) == sorted(frame.x.ticks) and frame.x.ticks[2] == 0


def test_lesson_5s_log_weight_ticks_are_round_figures_where_they_are():
    """Its ticks read "-1e+06 -1e+03 -1 999 1e+06": the bottom plus or minus powers of ten,
    999 among round figures, as if measured from somewhere. Signed powers of ten, as the
    error axis writes them: 1e+06 left no room for a second power beside it, 1e+07 does."""
    history = History.start(find_lesson("divergence").problem).jump(3)
    assert error_vs_weight(history, 0).x.labels == ("-1e+07", "-1000", "-1", "1000", "1e+07")


@settings(deadline=None)
@given(alpha=st.sampled_from([0.025, 0.03, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0]), steps=st.integers(1, 60),
       goal=st.sampled_from([-10.0, 0.0, 3.0, 47.0, -1234.5]))
def test_a_log_weight_axis_says_true_round_values_in_their_places(alpha, steps, goal):
    """Every tick but the bottom's is a round figure (one significant digit), and it lies
    among the points drawn as its value lies among their weights."""
    problem = find_lesson("divergence").problem.replace(alpha=alpha, goal=goal)
    history = History.start(problem).jump(steps)
    frame = error_vs_weight(history, 0)
    assume(frame.x.log)
    values = [float(label) for label in frame.x.labels]
    bottom = frame.x.ticks.index(0.0)
    assert all(float(f"{value:.0e}") == value
               for place, value in enumerate(values) if place != bottom), frame.x.labels
    weights = history.weight_trail[:, 0]
    drawn = [*frame.trail_x, frame.point[0]]
    for weight, x in zip(weights[-len(drawn):], drawn):
        for value, tick in zip(values, frame.x.ticks):
            if abs(x - tick) > 1e-9 and abs(x) < 5:  # not on the tick, nor held at the frame's edge
                assert (weight < value) == (x < tick), (weight, value, x, tick)


def test_a_diverging_runs_log_axis_keeps_its_start_in_view():
    """Lesson 5 played to its divergence: the axis stopped 60 decades below the top (1e+51),
    and the first dozen steps (225 up to 1e+50) lay flat along its bottom."""
    from gradstep.core.curve import error_vs_iteration, error_vs_weight

    history = History.start(find_lesson("divergence").problem).jump(300)
    for frame in (error_vs_weight(history), error_vs_iteration(history)):
        assert frame.y.log and frame.y.limits[0] <= math.log10(225.0)
    trail = error_vs_weight(history).trail_y
    assert len(set(trail.round(6).tolist())) == len(trail)  # each point at its own height: none clipped together
    dust = History.start(find_lesson("hot-cold").problem).jump(20)  # errors down to 1.2e-32: kept too
    assert error_vs_iteration(dust).y.limits[0] <= -32


LADDER = [step * 10.0**power for power in range(-9, 8) for step in (1, 2, 5)]


@settings(deadline=None)
@given(centre=st.floats(-1e7, 1e7, allow_nan=False), half=st.sampled_from(LADDER))
def test_a_weight_window_is_ticked_at_round_values_each_with_room_for_its_label(centre, half):
    """Lesson 10's axis read "-0.0535         0.0465 0.0965  0.146": the bottom plus
    fractions of the window, one label left out where two touched; lesson 1 with input 1000
    read "-0.998 -0.498 0.0018"."""
    from gradstep.core.curve import AXIS_CELLS, round_ticks

    assume(half > 1e-9 * abs(centre))  # a window the floats can tell apart at a label's digits
    low, high = centre - half, centre + half
    values, labels = round_ticks(low, high)
    assert len(values) >= 2 and all(low <= value <= high for value in values), (low, high, labels)
    assert_round(values, labels)
    step = values[1] - values[0]
    room = AXIS_CELLS * step / (high - low) * (1 + 1e-9)  # -1.2 - -1.4 is 0.19999999999999996, a step of 0.2
    assert max(map(len, labels)) + 2 <= room or len(values) == 2, labels  # room


def assert_round(values, labels) -> None:
    """Each label is its value, a whole multiple of a step 1, 2 or 5 times a power of ten
    (the ticks' gap, or the widest two's: 4e-06 apart from -4e-06, steps of 2e-06)."""
    gap = values[1] - values[0]
    power = math.floor(math.log10(gap))
    step = next(steps * 10.0**exponent for exponent in (power, power - 1) for steps in (5, 2, 1)
                if math.isclose(gap / (steps * 10.0**exponent), round(gap / (steps * 10.0**exponent)), abs_tol=1e-6))
    for value, label in zip(values, labels):
        assert math.isclose(float(label), value, rel_tol=1e-12, abs_tol=step * 1e-9), (label, value)  # true
        assert math.isclose(value / step, round(value / step), abs_tol=1e-6), labels  # round


@pytest.mark.parametrize("lesson, index, changes", [("weight-matrix", 0, {}), ("multi-weight", 2, {}),
                                                    ("measure-error", 0, {"inputs": (1000.0,)})])
def test_the_course_s_weight_axes_read_round_values(lesson, index, changes):
    """The three the newcomers saw: lesson 10 after three steps, lesson 7's w3, lesson 1 with input 1000."""
    history = History.start(find_lesson(lesson).problem.replace(**changes)).jump(3)
    axis = error_vs_weight(history, index).x
    assert len(axis.labels) >= 2 and list(axis.ticks) == sorted(axis.ticks), axis.labels
    assert_round([float(label) for label in axis.labels], axis.labels)


def test_a_start_a_rounding_hair_off_its_bottom_is_framed_as_one_on_it():
    """Lesson 9 started on its goals: the window around w3,1 was a hair wide (0.9 x 0.65 is
    not quite 0.585), its ticks all read 0.9 and its curve a rectangle."""
    problem = find_lesson("several-outputs").problem.replace(weights=(0.3, 0.2, 0.9), goal=(0.195, 0.13, 0.585))
    hair, exact = (error_vs_weight(History.start(problem), index).x for index in (2, 0))
    assert hair.labels == exact.labels == ("-1", "0", "1", "2"), (hair.labels, exact.labels)  # as on the goal exactly


def test_a_run_grown_from_a_rounding_hair_has_no_two_ticks_alike():
    """Lesson 8 at r < -1 from a start 2.2e-16 off its goal: the log weight axis read
    "-1 0.1 0.1 0.1 1", powers of ten far below the bottom's digits."""
    problem = find_lesson("freeze-weight").problem.replace(weights=(0.1, 0.2, 0.0166666666666667), alpha=2.0)
    for steps in range(1, 8):
        labels = error_vs_weight(History.start(problem).jump(steps), 0).x.labels
        assert len(set(labels)) == len(labels), labels


def test_a_log_weight_axis_writes_its_bottom_out_below_a_million():
    """Lesson 8 unfrozen at step 5: its bottom read -1.79e+03, beside round ticks -3000 and
    -1000, and crowded all of them off the axis. The ticks beside it are powers of ten,
    written as the error axis writes them (1e+05)."""
    problem = find_lesson("freeze-weight").problem.replace(frozen=())
    labels = error_vs_weight(History.start(problem).jump(5), 0).x.labels
    assert labels[len(labels) // 2] == "-1790", labels


@pytest.mark.parametrize("steps", [2, 3, 4])
def test_a_diverging_weight_far_from_its_slice_bottom_is_framed_with_readable_ticks(steps):
    """Lesson 7 with inputs 100, 0.65, 1.2: after 3 steps the w2 chart went log10 around its
    slice bottom at 1.35e+07, every weight visited (within 600 of 0.2) in one column, and of
    its ticks only "1.35e+07" had room for a label. At least two ticks whose labels fit
    side by side, and the weights visited spread over the columns."""
    from gradstep.core.curve import AXIS_CELLS

    problem = find_lesson("multi-weight").problem.replace(inputs=(100.0, 0.65, 1.2))
    frame = error_vs_weight(History.start(problem).jump(steps), 1)
    cells = AXIS_CELLS / (frame.x.limits[1] - frame.x.limits[0])  # columns a plotted unit
    readable_ticks = [
        (a, b) for (a, la), (b, lb) in zip(zip(frame.x.ticks, frame.x.labels), zip(frame.x.ticks[1:], frame.x.labels[1:]))
        if (b - a) * cells >= (len(la) + len(lb)) / 2 + 1
    ]
    assert readable_ticks, frame.x
    columns = {round(x * cells) for x in (*frame.trail_x, frame.point[0])}
    assert len(columns) >= len(frame.trail_x), frame  # at most the first, tiny step shares a column


@given(top=st.floats(1e-300, 1e300), rows=st.integers(2, 60), share=st.floats(0, 1))
def test_error_labels_sit_on_rows_evenly_and_a_point_on_the_row_nearest_its_label(top, rows, share):
    """At 80x24 the chart's 7 rows held 0 to 400 by 100: a row was 57, the labels fell one or
    two rows apart, and an error of 225 stood on the row labelled 200. plotext puts a value on
    row floor(0.5 + (rows - 1) x value / axis top), ticks and points alike."""
    from gradstep.core.curve import row_ticks

    axis_top, values, step = row_ticks(top, rows)
    assert axis_top >= top * (1 - 1e-9) and len(values) >= min(3, rows) and values[0] == 0
    spans = rows - 1
    places = [spans * value / axis_top for value in values]  # each label's row, from the bottom
    assert all(math.isclose(place, round(place), abs_tol=1e-6) for place in places), places
    gaps = {round(b) - round(a) for a, b in zip(places, places[1:])}
    assert len(gaps) == 1, places  # evenly
    value = share * top
    row = math.floor(round(0.5 + spans * value / axis_top, 8))  # where plotext draws a point of `value`
    nearest = min(values, key=lambda label: abs(label - value))
    read = min(values, key=lambda label: abs(spans * label / axis_top - row))  # the label its row reads nearest
    assert abs(read - value) <= abs(nearest - value) + axis_top / spans * (1 + 1e-9)  # but for a row's rounding
    if gaps == {1}:  # every row labelled: the point's own row reads the label nearest it
        assert abs(read - value) <= axis_top / spans / 2 * (1 + 1e-9)


def _log_rows_hold(axis, rows: int) -> list[int]:
    """The rows (from the bottom) of a log error axis's labels, asserting each is a whole
    decade a constant number of decades apart, on a row of its own, evenly spaced."""
    low, high = axis.limits
    spans = rows - 1
    assert all(tick == int(tick) for tick in axis.ticks), axis.ticks  # whole decades
    assert len({b - a for a, b in zip(axis.ticks, axis.ticks[1:])}) == 1, axis.ticks  # every k-th, k constant
    places = [spans * (tick - low) / (high - low) for tick in axis.ticks]
    assert all(math.isclose(place, round(place), abs_tol=1e-6) for place in places), (axis, places)  # on a row
    assert len({round(b) - round(a) for a, b in zip(places, places[1:])}) == 1, (axis, places)  # evenly
    return [round(place) for place in places]


@pytest.mark.parametrize("rows", [6, 7, 12])
@pytest.mark.parametrize("steps", [1, 2, 3, 5, 6, 10, 40])
def test_lesson_5s_log_error_labels_are_whole_decades_evenly_on_rows(steps, rows):
    """Lesson 5's error axis read 1000, 1e+05, 1e+07 and 10: decades every other tick apart
    on the axis but one or two rows apart on screen (5 labels on 6 rows), so the scale read
    uneven. Each label is a whole decade, every k-th for one k, on the row its value takes."""
    from gradstep.core.curve import error_vs_iteration, error_vs_weight

    history = History.start(find_lesson("divergence").problem).jump(steps)
    for frame in (error_vs_weight(history, 0, rows), error_vs_iteration(history, None, rows)):
        if not frame.y.log:
            continue
        _log_rows_hold(frame.y, rows)
        low, high = frame.y.limits
        assert low <= math.log10(225.0) and high >= math.log10(float(history.error)), frame.y


@given(low=st.integers(-330, 300), span=st.integers(1, 300), rows=st.integers(2, 40))
def test_a_log_error_axis_lays_whole_decades_on_its_rows(low, span, rows):
    from gradstep.core.curve import log_row_ticks

    high = min(low + span, 308)
    bottom, top, ticks = log_row_ticks(low, high, rows)
    assert bottom <= low and top >= high
    assert 0 <= (top - high) - (low - bottom) < 2  # the room to spare shared above and below
    axis = type("Axis", (), {"limits": (bottom, top), "ticks": ticks})
    assert len(ticks) >= min(3, rows) and ticks[0] == bottom
    _log_rows_hold(axis, rows)


@pytest.mark.parametrize(("lesson", "index", "off"), [
    ("weight-matrix", 1, "-1.42e+09"),  # error 1 along w1,2: flat at 1e+18 over ticks around its start 0.1
    ("weight-matrix", 0, ""),  # along w1,1 the bottom, -1720, is the middle tick
    ("multi-weight", 1, "-1.33e+09"),  # lesson 7 with the same inputs, w2
])
def test_a_curve_whose_bottom_lies_off_the_chart_says_where_it_is(lesson, index, off):
    """Lesson 10 with inputs 100, 0.65, 1.2, after 4 steps: the chart along w1,2 counts out
    from the start (its weights within 60006 of 0.1, its bottom at -1.42e+09), so its curve
    is flat and its middle tick, which the help calls the bottom, is not: the frame names
    the bottom where it is off the chart, and only then."""
    problem = find_lesson(lesson).problem.replace(inputs=(100.0, 0.65, 1.2))
    frame = error_vs_weight(History.start(problem).jump(4), index)
    assert frame.x.log
    assert frame.bottom_off == off


@settings(deadline=None)
@given(st.sampled_from(["alpha", "divergence", "multi-weight", "freeze-weight", "weight-matrix"]),
       st.floats(-200, 200).filter(lambda x: abs(x) > 0.01), st.integers(0, 12), st.integers(0, 8))
def test_the_bottom_is_named_off_the_chart_exactly_when_the_window_misses_it(name, scale, steps, index):
    """Where the bottom lies within the window the curve dips to it; past the window's edges,
    and only there, the frame names it."""
    from gradstep.core.curve import slice_bottom

    problem = find_lesson(name).problem
    problem = problem.replace(inputs=tuple(x * scale for x in problem.inputs))
    history = History.start(problem).jump(steps)
    index %= problem.size
    frame = error_vs_weight(history, index)
    bottom = slice_bottom(history, index)
    assume(bottom is not None and math.isfinite(bottom))
    curve = frame.curve_y
    dips = int(np.argmin(curve)) not in (0, len(curve) - 1) or np.ptp(curve) == 0
    if frame.bottom_off:
        assert float(frame.bottom_off) == pytest.approx(bottom, rel=0.01)
    else:
        assert dips, (frame.x.labels, bottom)


def test_a_log_weight_axis_writes_its_labels_in_pairs_either_side_of_the_middle():
    """Lesson 10, inputs 100, 0.65, 1.2, after 4 steps: along w1,2 the axis read "-10000 -100
    0.1 10000", 100 left out beside 0.1 where -100 had room."""
    from gradstep.tui.app.widgets.chart import x_ticks_shown

    problem = find_lesson("weight-matrix").problem.replace(inputs=(100.0, 0.65, 1.2))
    frame = error_vs_weight(History.start(problem).jump(4), 1, rows=5)  # its plot's rows at 80x24
    ticks, labels = x_ticks_shown(frame, 40)  # the chart's half of 80 columns
    middle = labels.index("0.1")
    assert [tick for tick in ticks[:middle]] == pytest.approx([-tick for tick in ticks[:middle:-1]], abs=0.3)
    assert len(labels) == 2 * middle + 1 >= 3, labels


@pytest.mark.parametrize(("lesson", "inputs"), [("error-curve", (-0.5,)), ("gradient-descent", (0.05,)),
                                                ("alpha", (-0.5,)), ("multi-weight", (-0.5, 0.65, 1.2))])
def test_the_error_axis_is_framed_to_the_curve_not_twice_its_height(lesson, inputs):
    """Lesson 4 with input -0.5: the curve reached 6.25 on an axis of 0 to 12 at 80x24 (7
    rows), half the chart blank above it. The axis now stops near the curve's top, every
    point drawn within it, and the arms past it are cut, not run flat along the top row."""
    problem = find_lesson(lesson).problem.replace(inputs=inputs)
    history = History.start(problem).jump(3)
    frame = error_vs_weight(history, 0, rows=7)
    visited = float(np.max(history.errors))  # the errors of the points drawn
    axis_top = float(frame.y.labels[-1]) / frame.y.ticks[-1] * 10  # the error at plotted 10
    drawn = float(np.max(frame.curve_y)) / 10 * axis_top
    assert drawn >= 2 / 3 * axis_top, frame.y.labels
    assert max(frame.point[1], *frame.trail_y) <= 10 and visited <= axis_top
    assert np.count_nonzero(frame.curve_y >= 10) <= 2  # one sample past each edge, at the top


@given(top=st.floats(1e-300, 1e300), rows=st.integers(2, 60), held=st.floats(0, 1))
def test_an_axis_stops_short_of_the_curve_only_to_fill_the_height_and_holds_every_point(top, rows, held):
    from gradstep.core.curve import CUT, FILLED, row_ticks

    whole, _, _ = row_ticks(top, rows)
    axis_top, values, _ = row_ticks(top, rows, held * top)
    assert axis_top >= held * top * (1 - 1e-9)
    if axis_top < top * (1 - 1e-9):
        assert top < FILLED * whole * (1 + 1e-9) and axis_top >= CUT * top * (1 - 1e-9), (axis_top, whole)



@pytest.mark.parametrize("steps", [1, 3, 5])
@pytest.mark.parametrize("index", [1, 4])
def test_a_weight_on_an_input_of_0_has_a_plain_axis_around_it(index, steps):
    """Lesson 10 with inputs -8.5, 0, 1000: error 2 along w2,2 read "-1 0.19 0.2 0.21 1",
    evenly spaced, a log axis stretched as the other weights ran away that read as a
    straight one from -1 to 1. w1,2 and w2,2 are on the input 0: their curves are flat and
    they never move; their axes are plain, round values around the weight."""
    problem = find_lesson("weight-matrix").problem.replace(inputs=(-8.5, 0.0, 1000.0))
    history = History.start(problem).jump(steps)
    frame = error_vs_weight(history, index, rows=5)
    assert frame.y.log  # the error ran away, as the other weights did
    values = [float(label) for label in frame.x.labels]
    assert not frame.x.log and values[0] < history.weights[index] < values[-1], frame.x.labels
    assert_round(values, frame.x.labels)
    assert np.allclose(np.diff(frame.x.ticks) / np.diff(values), frame.x.ticks[1] - frame.x.ticks[0])  # evenly, as valued


def _power_of_ten(label: str) -> bool:
    """Whether a tick's label is a signed power of ten (1000, -1e+05, 0.01)."""
    return f"{abs(float(label)):.0e}".startswith("1e") and float(f"{abs(float(label)):.0e}") == abs(float(label))


@settings(deadline=None)
@given(name=st.sampled_from(["divergence", "multi-weight", "freeze-weight", "several-outputs", "weight-matrix"]),
       scale=st.sampled_from([-200.0, -50.0, -8.5, 3.0, 10.0, 100.0, 1000.0]), steps=st.integers(1, 30),
       index=st.integers(0, 8))
@example(name="weight-matrix", scale=-200.0, steps=2, index=6)  # "-2e+07 -4e+06 -2.51e+06 -1e+06 1e+07"
@example(name="freeze-weight", scale=-200.0, steps=1, index=2)  # "-10000 2000 3650 5000 20000"
def test_a_log_weight_axis_ticks_signed_powers_of_ten_beside_its_middle(name, scale, steps, index):
    """A log weight axis counts powers of ten out from its middle, and its labels say so as
    the error axis's do: every tick beside the middle a signed power of ten, each with room
    for its label. Rounded to a multiple of a power, they read
    "-10000 2000 3650 5000 20000" (lesson 8, inputs x -200): evenly spaced, a straight scale."""
    from gradstep.tui.app.widgets.chart import x_ticks_shown

    problem = find_lesson(name).problem
    problem = problem.replace(inputs=tuple(x * scale for x in problem.inputs))
    index %= problem.size
    frame = error_vs_weight(History.start(problem).jump(steps), index, rows=5)
    assume(frame.x.log)
    middle = frame.x.ticks.index(0.0)
    others = [label for place, label in enumerate(frame.x.labels) if place != middle]
    assert others and all(_power_of_ten(label) for label in others), frame.x.labels
    assert x_ticks_shown(frame, 40)[1] == frame.x.labels  # every label on screen at 80 columns


def _lesson_8_w2_frozen_diverging() -> History:
    """Lesson 8 with w2 frozen in place of w1: r = 1 - 0.3 x (8.5^2 + 1.2^2) = -21.107."""
    return History.start(find_lesson("freeze-weight").problem.replace(frozen=(1,)))


@pytest.mark.parametrize("steps", [2, 3, 5, 7])
def test_a_frozen_weights_axis_is_ticked_evenly_in_its_scale(steps):
    """Lesson 8 with w2 frozen (r = -21.107): its weight axis went log as the error grew
    and read "-1 0.01 0.415 1" at plotted -4.4, -2.3, 0 and 2.85: powers of ten beside a
    middle of 0.415, where the axis is straight, unevenly spaced. A frozen weight never
    moves; the window where the run started holds no power of ten on the log part of an
    axis, so it is a straight one, round values evenly spaced."""
    frame = error_vs_weight(_lesson_8_w2_frozen_diverging().jump(steps), 1, rows=5)
    values = [float(label) for label in frame.x.labels]
    assert not frame.x.log, frame.x.labels
    assert_round(values, frame.x.labels)
    assert np.allclose(np.diff(frame.x.ticks) / np.diff(values), (frame.x.ticks[1] - frame.x.ticks[0]) / (values[1] - values[0]))


def _most_that_fit(centre: float, inner: float, edge: float, decades: int, cells: int, slack: float) -> int:
    """The most signed powers of ten a side of a log weight axis (its middle `centre`, its
    straight core `inner` wide, `decades` across its half, `edge` its half-width) whose
    labels fit on `cells` columns with a blank beside each: every k-th decade for one k, the
    same on both sides, on the log part of the axis (ten times past the middle and `inner`).
    Counted by trying every such set, each label centred on its place as plotext writes it,
    the outermost moved back inside where it would pass the frame's column (on the left,
    the frame's and 4 under the error labels). A blank `slack` narrower or wider: at a tie
    the last bit of a logarithm decides."""
    from gradstep.core.numbers import readable

    def place(value: float) -> float:  # columns from the middle, as the axis's docstring defines its scale
        distance = value - centre
        return math.copysign(math.log10(abs(distance) / inner + 1) / (decades / 5) / 10 * (cells - 1), distance)

    powers = [e for e in range(-300, 309) if 10.0**e >= 10 * max(abs(centre), inner)
              and 10.0**e + centre <= edge and 10.0**e - centre <= edge]
    label = readable(centre, 3) if not 1e-4 <= abs(float(f"{centre:.3g}")) < 1e6 else np.format_float_positional(
        float(f"{centre:.3g}"), trim="-")
    half = (cells - 1) / 2
    sides = ((1, 1, len(label) - len(label) // 2), (-1, 4, len(label) // 2))
    width = {(side, e): len(readable(side * 10.0**e, whole=False)) for side, _, _ in sides for e in powers}
    at = {(side, e): abs(place(side * 10.0**e)) for side, _, _ in sides for e in powers}
    best = 0
    for stride in range(1, len(powers) + 1):
        for top in powers:
            for count in range(best + 1, len(powers) + 1):
                chosen = [top - stride * k for k in range(count)]
                if chosen[-1] < powers[0]:
                    break
                fits = True
                for side, spill, first in sides:
                    widths = [width[side, e] for e in chosen]
                    near = [at[side, e] - w / 2 for e, w in zip(chosen, widths)]  # outermost first
                    near[0] = min(near[0], half + spill - widths[0])
                    far_in = [n + w for n, w in zip(near[1:], widths[1:])] + [first]  # the far edge of what is inward
                    fits &= all(n >= f + 1 - slack for n, f in zip(near, far_in))
                if not fits:
                    break  # one more inward only adds to what already does not fit
                best = count
    return best


@pytest.mark.slow  # a brute-force count of what fits, some 80 ms an axis; the everyday axis tests are above: in CI
@settings(deadline=None)
@given(centre=st.sampled_from([0.0, -1.0, 0.333, -16.7, 0.415, -1790.0, 5.0, 1.42e9]),
       inner=st.floats(0.01, 1e4), spread=st.integers(3, 60), cells=st.integers(30, 120))
@example(centre=-0.1, inner=0.8, spread=10, cells=32)  # lesson 1 x 10: "-1e+09 -0.1 1e+09", room for 1e+05 between
@example(centre=-0.1, inner=0.012983769559602431, spread=24, cells=71)  # a tie: 5 a side just fit
def test_a_log_weight_axis_shows_as_many_powers_a_side_as_its_room_holds(centre, inner, spread, cells):
    """At 80 columns 1,230 of 2,027 log weight axes over the course's lessons (edited inputs,
    goals, alphas) showed one power of ten each side of the middle: the ticks were chosen for
    30 columns where the chart has 31 to 33, at most two a side at any width, and the outer
    among the weights visited. Every side shows as many as fit, evenly spaced."""
    from gradstep.core.curve import _log_weight_axis

    offsets = np.array([inner, -inner * 10.0**spread])  # a start `inner` off the middle, a run `spread` decades out
    stretched = _log_weight_axis(centre, inner * 10.0**spread, offsets, cells)
    decades = max(1, math.ceil(spread + 0.05))
    edge = inner * (10.0 ** decades - 1)
    fewest, most = (_most_that_fit(centre, inner, edge, decades, cells, slack) for slack in (-1e-9, 1e-9))
    shown = 0 if stretched is None else (len(stretched[0].ticks) - 1) // 2
    assert fewest <= shown <= most, (stretched and stretched[0].labels, fewest, most)
    if shown:
        labels = stretched[0].labels
        right = [round(math.log10(float(label))) for label in labels[shown + 1:]]
        assert [float(label) for label in labels[:shown]] == [-float(label) for label in labels[:shown:-1]], labels
        assert len(set(np.diff(right))) <= 1, labels  # every k-th decade: evenly spaced, as the axis counts


@settings(deadline=None)
@given(st.sampled_from(["divergence", "multi-weight", "freeze-weight", "several-outputs", "weight-matrix"]),
       st.sampled_from([-200.0, -3.0, 1.0, 10.0, 100.0]), st.integers(1, 12), st.integers(0, 8))
@example("divergence", 1.0, 5, 0)  # "-1e+10 -1e+05 -1 1e+05 1e+10": the middle -1 is the goal weight
@example("weight-matrix", 100.0, 4, 1)  # counted out from the start, 0.1: its bottom, -1.42e+09, off the chart
def test_a_log_weight_axis_names_its_middle_the_goal_weight_only_where_it_is(name, scale, steps, index):
    """The help called a log weight axis's middle tick the bottom (the goal weight), and a
    newcomer never opened it: the frame names the middle where it is the curve's bottom, for
    the chart to say so, and not where the axis counts out from the start or a frozen
    weight's first bottom."""
    from gradstep.core.curve import slice_bottom

    problem = find_lesson(name).problem
    problem = problem.replace(inputs=tuple(x * scale for x in problem.inputs))
    index %= problem.size
    history = History.start(problem).jump(steps)
    frame = error_vs_weight(history, index, rows=5)
    middle = frame.x.labels[frame.x.ticks.index(0.0)] if frame.x.log else ""
    bottom = slice_bottom(history, index)
    is_bottom = bool(middle) and bottom is not None and float(middle) == pytest.approx(bottom, rel=5e-3, abs=1e-300)
    assert frame.goal_middle == (middle if is_bottom else ""), (frame.x.labels, bottom, frame.goal_middle)
    if (name, scale, steps, index) == ("divergence", 1.0, 5, 0):
        assert frame.goal_middle == "-1"


@pytest.mark.parametrize("steps", [0, 1, 3])
def test_an_error_axis_whose_top_is_rounding_dust_is_drawn_as_the_flat_0_it_is(steps):
    """Lesson 7 with its goal at the start's prediction, 0.86 (8.5 x 0.1 + 0.65 x 0.2 +
    1.2 x -0.1, in floats a hair off): the error vs iteration axis read "1e-32 ... 5e-33
    ... 0", the whole chart magnifying 1.2326e-32, which every sentence beside it reads as
    0. It is the axis of an error of exactly 0, every point on its 0; a real small error,
    a billionth off the goal, keeps an axis of its own."""
    from gradstep.core.curve import error_vs_iteration

    problem = find_lesson("multi-weight").problem
    dusty = History.start(problem.replace(goal=0.86)).jump(steps)
    assert 0 < dusty.reset().error < 1e-30  # rounding's, not the rule's
    exact = History.start(problem.replace(weights=(0.0, 0.0, 0.0), goal=0.0)).jump(steps)
    for rows in (None, 7):
        frame = error_vs_iteration(dusty, rows=rows)
        zero = error_vs_iteration(exact, rows=rows).y
        assert (frame.y.limits, frame.y.ticks, frame.y.labels, frame.y.log) == (zero.limits, zero.ticks, zero.labels, zero.log)
        assert not any("e-" in label for label in frame.y.labels), frame.y.labels
        assert frame.point[1] < 1e-9 and np.all(frame.curve_y < 1e-9)  # on the 0 row (plotted 0 to 10)
    near = error_vs_iteration(History.start(problem.replace(goal=0.86 + 1e-9)).jump(steps), rows=7)
    assert any("e-" in label for label in near.y.labels), near.y.labels  # its own scale, in e-notation
