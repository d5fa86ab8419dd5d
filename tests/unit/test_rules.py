"""The rules' arithmetic: order of operations, several weights, the slope."""

import numpy as np
import pytest
from gradstep.core import analysis
from gradstep.core.history import History
from gradstep.core.courses import find_lesson
from gradstep.core.problem import Problem
from gradstep.core.rules import as_arrays, gradient_descent_step, hot_cold_step


def test_multi_weight_first_step_matches_the_tutorial():
    step = History.start(find_lesson("multi-weight").problem).step().record(0)
    # The spec rounds these; the float64 results sit within one rounding of them.
    assert step.prediction == pytest.approx(0.86, abs=1e-15)
    assert step.error == pytest.approx(0.0196, abs=1e-15)
    assert step.weight_delta == pytest.approx([-1.19, -0.091, -0.168], abs=1e-14)
    assert analysis.r_factor(find_lesson("multi-weight").problem) == pytest.approx(0.258875, abs=1e-15)


def test_several_weights_share_one_delta():
    inputs = as_arrays((8.5, 0.65, 1.2))
    step = gradient_descent_step(as_arrays((0.1, 0.2, -0.1)), inputs, 1.0, 0.01, 0)
    assert np.array_equal(step.weight_delta, step.delta * inputs)
    assert np.array_equal(step.weights_after, step.weights - 0.01 * step.weight_delta)


def test_prediction_sums_left_to_right_like_the_tutorial():
    weights, inputs = as_arrays((1e16, 1.0, -1e16)), as_arrays((1.0, 1.0, 1.0))
    step = gradient_descent_step(weights, inputs, 0.0, 1.0, 0)
    assert step.prediction == (1e16 + 1.0) - 1e16  # 0.0: the 1 is lost, as in w_sum


def test_hot_cold_moves_toward_the_smaller_probe_and_not_on_a_tie():
    down = hot_cold_step(as_arrays((0.5,)), as_arrays((1.0,)), -1.0, 0.1, 0)
    assert down.move == -1 and down.weights_after[0] == 0.5 - 0.1
    up = hot_cold_step(as_arrays((-2.0,)), as_arrays((1.0,)), -1.0, 0.1, 0)
    assert up.move == 1 and up.weights_after[0] == -2.0 + 0.1
    tie = hot_cold_step(as_arrays((0.5,)), as_arrays((2.0,)), 1.0, 0.25, 0)
    assert tie.up_error == tie.down_error and tie.move == 0 and tie.weights_after[0] == 0.5
    assert tie.predictions == 3 and down.predictions == 3


@pytest.mark.parametrize("name", ["error-curve", "alpha", "divergence", "multi-weight"])
def test_weight_delta_is_the_slope_of_the_error_curve_without_its_factor_two(name):
    """Checked against the slope measured with a central finite difference, as micrograd
    checks its gradients: nothing here writes the derivative out by hand."""
    problem = find_lesson(name).problem
    step = History.start(problem).step().record(0)
    inputs = as_arrays(problem.inputs)

    def error_at(w):
        return (float(np.dot(inputs, w)) - problem.goal) ** 2

    for i in range(problem.size):
        h = 1e-6 * max(1.0, abs(step.weights[i]))
        up, down = step.weights.copy(), step.weights.copy()
        up[i] += h
        down[i] -= h
        measured = (error_at(up) - error_at(down)) / (2 * h)
        assert 2 * step.weight_delta[i] == pytest.approx(measured, rel=1e-6, abs=1e-9)


def test_overflow_in_a_step_gives_inf_not_an_exception():
    step = gradient_descent_step(as_arrays((1e200,)), as_arrays((1e200,)), 0.0, 1.0, 0)
    assert np.isinf(step.prediction) and np.isinf(step.error)


def test_problem_refuses_what_no_rule_can_learn_from():
    from gradstep.core.problem import InvalidProblem

    refusals = {
        ("inputs", "problem.one_input_per_weight"): dict(weights=(1.0, 2.0), inputs=(1.0,), goal=0.0),
        ("method", "problem.hot_cold_one_weight"): dict(weights=(1.0, 2.0), inputs=(1.0, 1.0), goal=0.0,
                                                         method="hot-cold"),
        ("alpha", "problem.not_positive"): dict(weights=(1.0,), inputs=(1.0,), goal=0.0, alpha=0.0),
        ("weights", "problem.not_finite"): dict(weights=(float("nan"),), inputs=(1.0,), goal=0.0),
        ("goal", "problem.expected_number"): dict(weights=(1.0,), inputs=(1.0,), goal=True),
        ("method", "problem.not_a_rule"): dict(weights=(1.0,), inputs=(1.0,), goal=0.0, method="newton"),
    }
    for (field, key), fields in refusals.items():
        with pytest.raises(InvalidProblem) as refused:
            Problem(**fields)
        assert (refused.value.field, refused.value.key) == (field, key)


def test_the_measuring_rule_measures_and_changes_nothing():
    view = History.start(find_lesson("measure-error").problem).jump(3)
    assert view.errors.tolist() == [0.009999999999999995] * 3  # (-0.9 - -1.0) ** 2, every time
    assert view.weight_trail[:, 0].tolist() == [-0.9] * 4 and view.predictions_made == 3
