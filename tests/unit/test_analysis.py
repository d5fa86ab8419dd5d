"""The convergence readout: r, the regime, the alphas and the predicted step counts."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from gradstep.core import analysis
from gradstep.core.analysis import Regime
from gradstep.core.history import History
from gradstep.core.courses import find_lesson
from gradstep.core.numbers import decimal
from gradstep.core.problem import Problem
from gradstep.tui.words.readout import readout_lines


@pytest.mark.parametrize(
    ("name", "r", "regime"),
    [
        ("measure-error", 0.0, Regime.MEASURING),
        ("gradient-descent", 0.0, Regime.ONE_STEP),
        ("error-curve", 0.75, Regime.SMOOTH),
        ("divergence", -99.0, Regime.DIVERGING),
        ("alpha", 0.6, Regime.SMOOTH),
        ("hot-cold", 0.0, Regime.STUCK_BOUNCING),
    ],
)
def test_each_lesson_reads_out_its_r_and_regime(name, r, regime):
    problem = find_lesson(name).problem
    start = History.start(problem)
    readout = analysis.read_out(problem, start.iteration, start.error)
    assert readout.r == pytest.approx(r, abs=1e-15) and readout.regime is regime


def one(alpha: float, x: float = 1.0) -> Problem:
    return Problem(weights=(0.5,), inputs=(x,), goal=-1.0, alpha=alpha)


@pytest.mark.parametrize(
    ("alpha", "regime"),
    [(0.5, Regime.SMOOTH), (1.0, Regime.ONE_STEP), (1.5, Regime.OVERSHOOTING),
     (2.0, Regime.BOUNCING), (2.5, Regime.DIVERGING)],
)
def test_regime_boundaries(alpha, regime):
    assert analysis.gradient_regime(one(alpha)) is regime


def test_no_input_means_no_signal():
    problem = one(1.0, x=0.0)
    assert analysis.gradient_regime(problem) is Regime.NO_SIGNAL
    assert analysis.best_alpha(problem) is None and analysis.gradient_steps_to(problem, 2.25) is None


def test_best_and_largest_stable_alpha_for_the_divergence_lesson():
    problem = find_lesson("divergence").problem
    assert analysis.best_alpha(problem) == 0.01 and analysis.largest_stable_alpha(problem) == 0.02


@pytest.mark.parametrize("name", ["alpha", "error-curve", "multi-weight"])
def test_predicted_steps_match_the_run(name):
    problem = find_lesson(name).problem
    start = History.start(problem)
    predicted = analysis.gradient_steps_to(problem, start.error)
    errors = start.jump(200).errors
    actual = next(k for k, error in enumerate(list(errors) + [start.jump(200).error]) if error < analysis.TOLERANCE)
    assert predicted == actual


def test_overshooting_run_prediction_matches_too():
    problem = Problem(weights=(0.5,), inputs=(2.0,), goal=0.8, alpha=0.4)  # r = -0.6
    start = History.start(problem)
    errors = start.jump(100).errors
    actual = next(k for k, error in enumerate(errors) if error < analysis.TOLERANCE)
    assert analysis.gradient_steps_to(problem, start.error) == actual


def test_hot_cold_reaches_the_goal_region_in_fifteen_steps_then_bounces():
    problem = find_lesson("hot-cold").problem
    assert [analysis.hot_cold_steps_to_goal(problem, k) for k in (0, 14, 15, 40)] == [15, 1, 0, 0]
    trail = History.start(problem).jump(40).weight_trail[:, 0]
    assert abs(trail[15] - (-1.0)) <= problem.step_amount / 2
    assert set(trail[15:].round(12)) == {-1.0, -1.1}


@given(weight=st.integers(-300, 300), goal=st.integers(-300, 300), input_=st.sampled_from([1.0, 2.0, -0.5, 0.3]),
       step=st.sampled_from([0.1, 0.25, 0.3, 1.0]))
def test_hot_cold_counts_down_one_a_step_to_where_it_stays_or_bounces(weight, goal, input_, step):
    """The countdown never jumps: one less each step, then 0 from where the run stays put or
    turns back and forth between two weights, whatever rounding does on the way."""
    problem = Problem(weights=(weight / 10,), inputs=(input_,), goal=goal / 10, method="hot-cold", step_amount=step)
    arrival = analysis.hot_cold_arrival(problem)
    trail = History.start(problem).jump(arrival.at + 4).weight_trail[:, 0]
    counts = [analysis.hot_cold_steps_to_goal(problem, k) for k in range(arrival.at + 3)]
    assert counts == [*range(arrival.at, 0, -1), 0, 0, 0]
    moves = np.sign(np.diff(trail))  # +1 up, -1 down, 0 stayed
    k = arrival.at
    if arrival.regime is Regime.LANDED:
        assert moves[k] == moves[k + 1] == 0 and 0 not in moves[:k]  # it stays put from there on, not before
    else:
        assert len(set(moves[:k])) <= 1  # one way all along, until it turns back and forth
        assert moves[k] != 0 and moves[k + 1] == -moves[k] and moves[k + 2] == moves[k]


def test_diverging_and_bouncing_runs_never_reach_the_tolerance():
    assert analysis.gradient_steps_to(find_lesson("divergence").problem, 225.0) is None
    assert analysis.gradient_steps_to(one(2.0), 2.25) is None


def test_a_far_start_with_a_tiny_tolerance_is_counted_not_crashed():
    """tolerance / error underflows to 0 here: the count comes from logarithms, at once."""
    problem = Problem(weights=(8.800587136100466e160,), inputs=(1e-09,), goal=0.0, method="hot-cold",
                      alpha=56.0, step_amount=0.25)
    view = History.start(problem).jump(30)
    assert analysis.read_out(problem, view.iteration, view.error).gradient_steps > 10**18


def test_the_small_error_counted_down_to_is_written_out_for_a_beginner():
    assert [decimal(value) for value in (1e-6, 0.1, 2.5e-7, 100.0)] == ["0.000001", "0.1", "0.00000025", "100"]
    history = History.start(find_lesson("alpha").problem)
    assert readout_lines(history, "en")[-1] == "11 more steps to error < 0.000001"
    assert readout_lines(history, "zh")[-1] == "再走 11 步，误差就小于 0.000001"


def test_hot_cold_counts_to_the_nearer_of_the_two_weights_it_bounces_between():
    """Weight 0.5, input 100, goal -1, step 0.2: the goal weight -0.01 is 2.55 steps away;
    step 2 (weight 0.1, error 121) is farther than step 3 (weight -0.1, error 81)."""
    problem = Problem(weights=(0.5,), inputs=(100.0,), goal=-1.0, method="hot-cold", step_amount=0.2)
    errors = [float(History.start(problem).jump(k).error) for k in range(6)]
    assert [round(float(e), 6) for e in errors[2:4]] == [121.0, 81.0]
    assert [analysis.hot_cold_steps_to_goal(problem, k) for k in (0, 1, 2, 3)] == [3, 2, 1, 0]


@given(weight=st.integers(-300, 300), goal=st.integers(-300, 300), input_=st.sampled_from([1.0, 2.0, -0.5, 0.3, 100.0]),
       step=st.sampled_from([0.1, 0.2, 0.25, 0.3, 1.0]))
@example(weight=47, goal=-300, input_=100.0, step=0.1)
@example(weight=1, goal=1, input_=-0.5, step=0.3)  # a hair off the goal at step 1, off it at 2, on it at 3
def test_hot_cold_counts_to_the_first_step_whose_error_is_least(weight, goal, input_, step):
    """"Nearest the goal" is where the run's error is smallest: the count is the first step with
    it (of two that tie, the first). The same weight reached again carries other rounding dust
    (weight 4.7, input 100, goal -30, step 0.1: error 1.1e-28 at step 50, 5.0e-29 at 52), so
    errors within what a weight's rounding dust makes of them tie too.

    A landing counts to where the run stays: it may pass a hair off the goal first, where
    rounding pushes it off again (weight 0.1, input -0.5, goal 0.1, step 0.3: -0.2 less a
    hair at step 1, -0.5 at 2, -0.2 from 3 on), and a count to step 1 would then read 0 at
    step 2, a whole step away."""
    problem = Problem(weights=(weight / 10,), inputs=(input_,), goal=goal / 10, method="hot-cold", step_amount=step)
    arrival = analysis.hot_cold_arrival(problem)
    trail = History.start(problem).jump(arrival.at + 4).weight_trail[:, 0]
    errors = (input_ * trail - goal / 10) ** 2  # as each step logs it
    least = errors.min()
    dust = (input_ * step * analysis.WHOLE) ** 2  # the error of a weight a rounding hair off the goal
    near_least = np.isclose(errors, least, rtol=analysis.WHOLE, atol=dust)  # a tie is a tie, rounding aside
    if arrival.regime is Regime.LANDED:
        stays = trail == trail[arrival.at]
        assert near_least[arrival.at] and stays[arrival.at:].all() and (arrival.at == 0 or not stays[arrival.at - 1])
    else:
        assert near_least[arrival.at] and not near_least[:arrival.at].any()


@pytest.mark.parametrize(("name", "changes"), [
    ("freeze-weight", {}),  # three inputs, w1 frozen: its input takes no part
    ("multi-weight", {"alpha": 0.0123}),
    ("alpha", {"inputs": (100.0,), "alpha": 0.0001}),  # r = 0 by hand: lands in one step
])
@pytest.mark.parametrize("steps", [0, 1, 2, 7])
def test_the_miss_by_hand_is_the_exact_run_of_the_figures_as_written(name, changes, steps):
    """miss_by_hand's r^k x the start's miss is the rule itself worked in fractions from the
    typed decimals, weight by weight, frozen ones left as they are."""
    from fractions import Fraction

    problem = find_lesson(name).problem.replace(**changes)

    def written(value):
        return Fraction(repr(float(value)))

    inputs, goal, alpha = [written(x) for x in problem.inputs], written(problem.goals[0]), written(problem.alpha)
    weights = [written(w) for w in problem.weights[:len(inputs)]]
    for _ in range(steps):
        miss = sum(x * w for x, w in zip(inputs, weights)) - goal
        weights = [w - alpha * miss * x if problem.learns(j) else w for j, (x, w) in enumerate(zip(inputs, weights))]
    exact = sum(x * w for x, w in zip(inputs, weights)) - goal
    by_hand = analysis.miss_by_hand(problem, steps)
    assert by_hand == 0 if exact == 0 else abs(Fraction(by_hand) / exact - 1) < Fraction(1, 10**30)
