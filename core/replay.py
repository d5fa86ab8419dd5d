"""Replaying a saved run quickly: the rules' arithmetic again, in plain Python floats.

A save holds a problem and the iteration reached; resuming recomputes the run, since it
is deterministic. Through the NumPy rules that costs some 40 microseconds a step (most of
it in making small arrays and records), so a long session took minutes to come back. The
same arithmetic on Python floats costs about a microsecond a step for one weight, and
gives the very same bits: a Python float is an IEEE float64 like NumPy's, +, - and * round the same way,
the sum is taken left to right as `rules.predict` takes it, and `x ** 2` calls the C
library's pow in both. tests/unit/test_replay.py holds this to the reference figures and
to the NumPy history on made-up problems.

A replay stops before the first record that diverges (a number no longer finite, or the
error past the limit), so the NumPy rules, which word the divergence, take it from there.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from .divergence import error_limit
from .problem import HOT_COLD, MEASURE, Problem

# The weights before each record and after the last (a number per row for one weight, else
# a list), the predictions (a list per record with several outputs) and the errors.
Records = tuple[list[Any], list[Any], list[float]]

LARGEST = sys.float_info.max  # a float within +-LARGEST is finite; NaN is within nothing


def replay(problem: Problem, steps: int) -> Records:
    """Up to `steps` records of `problem`'s run: the weights before each record and after
    the last (one row more than records; a row is a number for one weight, else a list),
    the predictions and the errors, as `Trajectory.store` takes them."""
    # Within `cap` means finite and not past the limit: comparisons, cheaper than isfinite calls.
    cap = min(error_limit(problem), LARGEST)
    if problem.method == HOT_COLD:
        return _hot_cold(problem, steps, cap)
    if problem.outputs > 1 or problem.frozen:
        return _layer(problem, steps, cap, learns=problem.method != MEASURE)
    if problem.size == 1:
        return _one_weight(problem, steps, cap, learns=problem.method != MEASURE)
    return _several_weights(problem, steps, cap, learns=problem.method != MEASURE)


def _one_weight(problem: Problem, steps: int, cap: float, learns: bool) -> Records:
    """Gradient descent as `rules.gradient_descent_step` (measuring: without the update)."""
    (x,), (weight,), goal, alpha = problem.inputs, problem.weights, problem.goals[0], problem.alpha
    trail, predictions, errors = [weight], [], []
    for _ in range(steps):
        prediction = x * weight
        try:
            error = (prediction - goal) ** 2
        except OverflowError:  # Python says so where NumPy gives inf: diverged either way
            break
        after = weight - alpha * ((prediction - goal) * x) if learns else weight
        if not (error <= cap and -LARGEST <= after <= LARGEST):
            break  # diverged (delta and weight_delta are finite when these are)
        weight = after
        trail.append(weight)
        predictions.append(prediction)
        errors.append(error)
    return trail, predictions, errors


def _several_weights(problem: Problem, steps: int, cap: float, learns: bool) -> Records:
    """`_one_weight` for several weights, the prediction summed left to right like np.cumsum."""
    inputs, goal, alpha = problem.inputs, problem.goals[0], problem.alpha
    weights: Sequence[float] = problem.weights
    trail: list[Any] = [weights]
    predictions: list[Any] = []
    errors: list[float] = []
    first, rest = inputs[0], inputs[1:]
    for _ in range(steps):
        prediction = first * weights[0]
        for x, w in zip(rest, weights[1:]):
            prediction = prediction + x * w
        try:
            error = (prediction - goal) ** 2
        except OverflowError:
            break
        if learns:
            delta = prediction - goal
            weights = [w - alpha * (delta * x) for w, x in zip(weights, inputs)]
        # A finite sum means finite weights (inf or NaN would make it so); only a sum that
        # overflows needs each weight looked at.
        finite = -LARGEST <= sum(weights) <= LARGEST or all(-LARGEST <= w <= LARGEST for w in weights)
        if not (error <= cap and finite):
            break
        trail.append(weights)
        predictions.append(prediction)
        errors.append(error)
    return trail, predictions, errors


def _hot_cold(problem: Problem, steps: int, cap: float) -> Records:
    """Hot and cold as `rules.hot_cold_step`, one weight."""
    (x,), (weight,), goal, step = problem.inputs, problem.weights, problem.goals[0], problem.step_amount
    trail, predictions, errors = [weight], [], []
    for _ in range(steps):
        prediction = x * weight
        try:
            error = (prediction - goal) ** 2
            up_error = (goal - x * (weight + step)) ** 2
            down_error = (goal - x * (weight - step)) ** 2
        except OverflowError:
            break
        after = weight - step if down_error < up_error else weight + step if down_error > up_error else weight
        if not (error <= cap and up_error <= LARGEST and down_error <= LARGEST and -LARGEST <= after <= LARGEST):
            break
        weight = after
        trail.append(weight)
        predictions.append(prediction)
        errors.append(error)
    return trail, predictions, errors


def _layer(problem: Problem, steps: int, cap: float, learns: bool) -> Records:
    """Several outputs, or frozen weights, as `rules.outputs_step` and
    `rules.gradient_descent_step` do them: each row summed left to right, each error squared
    by pow, their sum left to right, and a frozen weight
    left as it is (minus alpha times 0, which is itself)."""
    inputs, goals, alpha, n = problem.inputs, problem.goals, problem.alpha, len(problem.inputs)
    several = problem.outputs > 1  # a record's prediction: a list of them, or one number
    moving = [problem.learns(index) for index in range(problem.size)]
    weights = list(problem.weights)
    trail: list[Any] = [weights]
    predictions: list[Any] = []
    errors: list[float] = []
    for _ in range(steps):
        outputs, error, after = [], 0.0, []
        for row, goal in enumerate(goals):
            own = weights[row * n:(row + 1) * n]
            prediction = inputs[0] * own[0]
            for x, w in zip(inputs[1:], own[1:]):
                prediction = prediction + x * w
            delta = prediction - goal
            try:
                squared = delta ** 2
            except OverflowError:
                return trail, predictions, errors
            error = error + squared if row else squared
            outputs.append(prediction)
            if learns:
                after += [w - alpha * (delta * x) if moving[row * n + j] else w for j, (w, x) in enumerate(zip(own, inputs))]
        after = after if learns else weights
        finite = -LARGEST <= sum(after) <= LARGEST or all(-LARGEST <= w <= LARGEST for w in after)
        if not (error <= cap and finite and all(-LARGEST <= p <= LARGEST for p in outputs)):
            break
        weights = after
        trail.append(weights)
        predictions.append(outputs if several else outputs[0])
        errors.append(error)
    return trail, predictions, errors
