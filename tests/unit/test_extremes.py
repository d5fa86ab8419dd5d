"""The largest and smallest floats a student can type: the ladder and the chart take them.

What the door accepts (any finite float, tests/strategies.py) is what every later stage
must handle: a rung past the largest float, a window narrower than the subnormals, a
distance between two weights that overflows.
"""

import math
import sys

import numpy as np
import pytest
from gradstep.core.curve import error_vs_iteration, error_vs_weight
from gradstep.core.history import History
from gradstep.core.courses import first_lesson
from gradstep.core.problem import Problem
from gradstep.core.refusals import Refusal
from gradstep.core.session import Session, next_rung
from hypothesis import given
from hypothesis import strategies as st

from ..strategies import examples, problems

LARGEST = sys.float_info.max
SMALLEST = 5e-324  # the smallest subnormal


@pytest.mark.parametrize("rate", [1e308, LARGEST, 5e307])
def test_the_ladder_goes_down_from_the_largest_rates_and_no_higher(rate):
    session = Session.begin(first_lesson()).with_problem(Problem((0.5,), (2.0,), 0.8, alpha=rate))
    assert session.with_rate(-1).problem.alpha < rate
    with pytest.raises(Refusal) as refused:
        session.with_rate(1)
    assert refused.value.key == "rate.largest"


def test_the_ladder_climbs_from_the_smallest_subnormal():
    assert next_rung(SMALLEST, 1) == 1e-323
    assert next_rung(SMALLEST, -1) == SMALLEST  # below the smallest rate already: it stays


def test_the_ladder_rungs_read_as_their_decimals():
    assert [next_rung(0.1, 1), next_rung(0.2, 1), next_rung(50.0, 1)] == [0.2, 0.5, 100.0]
    assert next_rung(2e307, -1) == 1e307


def assert_drawable(frame) -> None:
    """Finite, inside the frame's own limits, with finite limits: what plotext is given."""
    for axis, xs in ((frame.x, [frame.curve_x, frame.trail_x, [frame.point[0]]]),
                     (frame.y, [frame.curve_y, frame.trail_y, [frame.point[1]]])):
        low, high = axis.limits
        assert math.isfinite(low) and math.isfinite(high) and low < high
        for values in xs:
            values = np.asarray(values, dtype=float)
            assert np.all(np.isfinite(values)) and np.all((low <= values) & (values <= high))


@pytest.mark.parametrize("problem", [
    Problem((SMALLEST,), (SMALLEST,), 0.0),  # everything subnormal: the window once had width 0
    Problem((-LARGEST,), (1e-308,), 0.0, alpha=1e308),  # the bottom at 0, the start the largest float away
    Problem((LARGEST, -LARGEST), (1e-310, 1e-310), 1.0),
])
def test_the_chart_frames_the_floats_edges(problem):
    history = History.start(problem).jump(3)
    for index in range(problem.size):
        frame = error_vs_weight(history, index)
        assert_drawable(frame)
        assert frame.x.labels[0] != frame.x.labels[-1]  # a window, not a point
    assert_drawable(error_vs_iteration(history))


@examples(1)
@given(problems(), st.integers(0, 5))
def test_every_finite_problem_gives_a_drawable_chart(problem, steps):
    history = History.start(problem).jump(steps)
    for index in range(problem.size):
        assert_drawable(error_vs_weight(history, index))
    assert_drawable(error_vs_iteration(history))


def test_a_log_weight_axis_beside_the_largest_float_has_ticks_only_inside_it():
    """Hypothesis found OverflowError: a round tick a power of ten past a bottom near the
    largest float rounded infinity. No power of ten lies ten times past such a middle, on
    the log part of an axis: it has none, and is a straight one; one nearer has its ticks."""
    from gradstep.core.curve import _log_weight_axis

    assert _log_weight_axis(1.7e308, 1e308, np.array([1e300, -1e305])) is None
    axis, _, _ = _log_weight_axis(1.7e306, 1e308, np.array([1e300, -1e305]))
    assert all(np.isfinite(axis.ticks)) and "1.7e+306" in axis.labels


def test_an_input_whose_square_underflows_is_not_called_0():
    """The readout said "input 0: nothing to learn" beside an input of 4.9407e-324."""
    from gradstep.core.analysis import Regime, gradient_regime

    assert gradient_regime(Problem((5e-324,), (5e-324,), 0.0)) is Regime.SMOOTH
    assert gradient_regime(Problem((0.5,), (1e-200,), 0.0, alpha=1e-200)) is Regime.SMOOTH
    assert gradient_regime(Problem((0.5,), (0.0,), 0.0)) is Regime.NO_SIGNAL


def test_hot_and_cold_whose_probes_overflow_is_not_said_to_land():
    """Both probes' errors overflow, so they tie at infinity: the readout said "landed: up and
    down tie" beside a run that diverged at once."""
    from gradstep.core.analysis import hot_cold_steps_to_goal
    from gradstep.tui.words.readout import regime_label

    problem = Problem((0.5,), (2.0,), 0.8, method="hot-cold", step_amount=1e308)
    assert [regime_label(problem, 0, language) for language in ("en", "zh")] == [
        "diverges: a probe's error overflows", "发散：试探一步的误差溢出"]
    assert hot_cold_steps_to_goal(problem, 0) is None


def test_an_error_axis_over_an_overflow_reaches_the_largest_floats():
    """The overflowed error and the curve beside it were drawn under a top tick of 1."""
    history = History.start(Problem((0.5,), (2.0,), 0.8, alpha=5e307)).jump(1)  # the first step overflows
    assert history.error == math.inf
    frame = error_vs_weight(history)
    assert frame.y.log and frame.y.limits[1] >= 300 and frame.y.labels[-1] == f"1e+{int(frame.y.limits[1])}"
    assert_drawable(frame)
    assert error_vs_iteration(history).y.limits[1] >= 300  # and so is the error against the iteration
