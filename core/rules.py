"""The two learning rules, one iteration at a time, in exactly the tutorial's order.

Gradient descent lets the error itself say which way to move and how far: the miss
`delta`, scaled by the input, is the slope of the error curve (without its factor 2).
Hot and cold has no slope: it tries a fixed step up and a fixed step down and keeps the
better one, paying three predictions where gradient descent pays one.

The first lesson uses a third "rule" that only predicts and measures, so the error can be
studied before anything learns.

Every function is pure: arrays in, a frozen record out. Arithmetic is float64 under
`np.errstate(all="ignore")`, so an overflow gives inf in the record instead of an
exception; `divergence.find_divergence` turns that into a state.
"""

from dataclasses import dataclass

import numpy as np

from .problem import GRADIENT_DESCENT, HOT_COLD, MEASURE, Problem

PREDICTIONS_PER_STEP = {GRADIENT_DESCENT: 1, HOT_COLD: 3, MEASURE: 1}


@dataclass(frozen=True, eq=False)  # eq=False: records hold arrays, which have no truth value
class GradientStep:
    """One iteration of gradient descent: the state before it and the update it made."""

    iteration: int  # counted from 0
    weights: np.ndarray  # before the update, shape (n,)
    prediction: float  # inputs . weights
    error: float  # (prediction - goal) ** 2, the figure logged for this iteration
    delta: float  # prediction - goal: the pure error, with its sign
    weight_delta: np.ndarray  # delta * inputs, shape (n,): scaled, sign-reversed, stopped by input
    weights_after: np.ndarray  # weights - alpha * weight_delta, shape (n,)
    predictions: int = PREDICTIONS_PER_STEP[GRADIENT_DESCENT]  # what the iteration cost


@dataclass(frozen=True, eq=False)
class HotColdStep:
    """One iteration of hot and cold: the state before it, both probes and the move."""

    iteration: int  # counted from 0
    weights: np.ndarray  # before the move, shape (1,)
    prediction: float  # input * weight
    error: float  # (prediction - goal) ** 2, the figure logged for this iteration
    up_error: float  # the error one step_amount up
    down_error: float  # the error one step_amount down
    move: int  # -1 down, +1 up, 0 when both probes tie
    weights_after: np.ndarray  # shape (1,)
    predictions: int = PREDICTIONS_PER_STEP[HOT_COLD]  # the prediction and both probes


@dataclass(frozen=True, eq=False)
class MeasureStep:
    """One prediction and its error; the weights stay as they are."""

    iteration: int  # counted from 0
    weights: np.ndarray  # shape (n,)
    prediction: float  # inputs . weights
    error: float  # (prediction - goal) ** 2
    weights_after: np.ndarray  # the same weights, shape (n,)
    predictions: int = PREDICTIONS_PER_STEP[MEASURE]


Step = GradientStep | HotColdStep | MeasureStep
RECORD_TYPES = {GRADIENT_DESCENT: GradientStep, HOT_COLD: HotColdStep, MEASURE: MeasureStep}


def as_arrays(values: tuple[float, ...]) -> np.ndarray:
    """Parameters as the float64 vector every rule works on, shape (n,)."""
    return np.array(values, dtype=np.float64)


def predict(weights: np.ndarray, inputs: np.ndarray) -> np.float64:
    """inputs . weights, summed left to right like the tutorial's `w_sum` (no pairwise sum)."""
    with np.errstate(all="ignore"):
        return np.cumsum(inputs * weights)[-1]


def squared_error(prediction: float, goal: float) -> np.float64:
    """(prediction - goal) ** 2: never negative, and big misses cost more than small ones."""
    with np.errstate(all="ignore"):
        return np.float64(prediction - goal) ** 2


def gradient_descent_step(
    weights: np.ndarray, inputs: np.ndarray, goal: float, alpha: float, iteration: int
) -> GradientStep:
    """One iteration of gradient descent from `weights` (shape (n,))."""
    with np.errstate(all="ignore"):
        prediction = predict(weights, inputs)  # input * weight, summed
        error = (prediction - goal) ** 2  # logged for this iteration
        delta = prediction - goal  # the pure error
        weight_delta = delta * inputs  # shape (n,): one shared delta, scaled by each input
        weights_after = weights - alpha * weight_delta  # shape (n,)
    return GradientStep(iteration, weights, prediction, error, delta, weight_delta, weights_after)


def hot_cold_step(
    weights: np.ndarray, inputs: np.ndarray, goal: float, step_amount: float, iteration: int
) -> HotColdStep:
    """One iteration of hot and cold from a single weight (shape (1,))."""
    weight, input_ = weights[0], inputs[0]
    with np.errstate(all="ignore"):
        prediction = input_ * weight
        error = (prediction - goal) ** 2  # logged for this iteration
        up_error = (goal - input_ * (weight + step_amount)) ** 2  # try a step up
        down_error = (goal - input_ * (weight - step_amount)) ** 2  # and a step down
        move = 0  # a tie: no move
        if down_error < up_error:
            move = -1
            weight = weight - step_amount
        if down_error > up_error:
            move = 1
            weight = weight + step_amount
    weights_after = np.array([weight], dtype=np.float64)
    return HotColdStep(
        iteration, weights, prediction, error, up_error, down_error, move, weights_after
    )


def measure_step(weights: np.ndarray, inputs: np.ndarray, goal: float, iteration: int) -> MeasureStep:
    """Predict and measure the error, changing nothing."""
    prediction = predict(weights, inputs)
    return MeasureStep(iteration, weights, prediction, squared_error(prediction, goal), weights)


def take_step(problem: Problem, weights: np.ndarray, inputs: np.ndarray, iteration: int) -> Step:
    """One iteration of the problem's rule from `weights`."""
    if problem.method == HOT_COLD:
        return hot_cold_step(weights, inputs, problem.goal, problem.step_amount, iteration)
    if problem.method == MEASURE:
        return measure_step(weights, inputs, problem.goal, iteration)
    return gradient_descent_step(weights, inputs, problem.goal, problem.alpha, iteration)
