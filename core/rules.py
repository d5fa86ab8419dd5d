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

from .arrays import Floats, Mask
from .problem import GRADIENT_DESCENT, HOT_COLD, MEASURE, Problem
from .record import Record

PREDICTIONS_PER_STEP = {GRADIENT_DESCENT: 1, HOT_COLD: 3, MEASURE: 1}


@dataclass(repr=False, frozen=True, eq=False)  # eq=False: records hold arrays, which have no truth value
class GradientStep(Record):
    """One iteration of gradient descent: the state before it and the update it made."""

    iteration: int  # counted from 0
    weights: Floats  # before the update, shape (n,)
    prediction: float  # inputs . weights
    error: float  # (prediction - goal) ** 2, the figure logged for this iteration
    delta: float  # prediction - goal: the pure error, with its sign
    weight_delta: Floats  # delta * inputs, shape (n,): scaled, sign-reversed, stopped by input
    weights_after: Floats  # weights - alpha * weight_delta, shape (n,)
    predictions: int = PREDICTIONS_PER_STEP[GRADIENT_DESCENT]  # what the iteration cost


@dataclass(repr=False, frozen=True, eq=False)
class HotColdStep(Record):
    """One iteration of hot and cold: the state before it, both probes and the move."""

    iteration: int  # counted from 0
    weights: Floats  # before the move, shape (1,)
    prediction: float  # input * weight
    error: float  # (prediction - goal) ** 2, the figure logged for this iteration
    up_error: float  # the error one step_amount up
    down_error: float  # the error one step_amount down
    move: int  # -1 down, +1 up, 0 when both probes tie
    weights_after: Floats  # shape (1,)
    predictions: int = PREDICTIONS_PER_STEP[HOT_COLD]  # the prediction and both probes


@dataclass(repr=False, frozen=True, eq=False)
class MeasureStep(Record):
    """One prediction and its error; the weights stay as they are."""

    iteration: int  # counted from 0
    weights: Floats  # shape (n,)
    prediction: float  # inputs . weights
    error: float  # (prediction - goal) ** 2
    weights_after: Floats  # the same weights, shape (n,)
    predictions: int = PREDICTIONS_PER_STEP[MEASURE]


@dataclass(repr=False, frozen=True, eq=False)
class OutputsStep(Record):
    """One iteration of gradient descent for several outputs at once: each output is its own
    neuron on the same inputs, with its own prediction, miss and row of weights."""

    iteration: int  # counted from 0
    weights: Floats  # before the update, one row per output, shape (m, n)
    prediction: Floats  # each row . inputs, shape (m,)
    errors: Floats  # (prediction - goal) ** 2 of each output, shape (m,)
    error: float  # their sum, left to right: the figure logged for this iteration
    delta: Floats  # prediction - goal of each output, shape (m,)
    weight_delta: Floats  # delta[i] * inputs[j], shape (m, n); set to 0 for a frozen weight
    weights_after: Floats  # weights - alpha * weight_delta, shape (m, n)
    predictions: int = 1  # what the iteration cost: one pass of the layer


Step = GradientStep | HotColdStep | MeasureStep | OutputsStep
RECORD_TYPES = {GRADIENT_DESCENT: GradientStep, HOT_COLD: HotColdStep, MEASURE: MeasureStep}


def record_type(problem: Problem) -> type:
    """The kind of record the problem's run is made of."""
    return OutputsStep if problem.outputs > 1 else RECORD_TYPES[problem.method]


def as_arrays(values: tuple[float, ...]) -> Floats:
    """Parameters as the float64 vector every rule works on, shape (n,)."""
    return np.array(values, dtype=np.float64)


def predict(weights: Floats, inputs: Floats) -> np.float64:
    """inputs . weights, summed left to right like the tutorial's `w_sum` (no pairwise sum)."""
    with np.errstate(all="ignore"):
        return np.float64(np.cumsum(inputs * weights)[-1])


def predict_rows(weights: Floats, inputs: Floats) -> Floats:
    """Each row of `weights` (shape (m, n)) . inputs, each summed left to right, shape (m,)."""
    with np.errstate(all="ignore"):
        return np.cumsum(weights * inputs, axis=1)[:, -1]


def total(values: Floats) -> np.float64:
    """The sum of `values`, left to right (np.sum pairs them up beyond eight)."""
    with np.errstate(all="ignore"):
        return np.float64(np.cumsum(values)[-1])


def squared_error(prediction: float, goal: float) -> np.float64:
    """(prediction - goal) ** 2: never negative, and big misses cost more than small ones."""
    with np.errstate(all="ignore"):
        return np.float64(prediction - goal) ** 2


def gradient_descent_step(
    weights: Floats, inputs: Floats, goal: float, alpha: float, iteration: int,
    learns: Mask | None = None,
) -> GradientStep:
    """One iteration of gradient descent from `weights` (shape (n,)); `learns` (shape (n,),
    bool) is False for a frozen weight, whose weight_delta (delta x input) is then set to 0."""
    with np.errstate(all="ignore"):
        prediction = predict(weights, inputs)  # input * weight, summed
        error = (prediction - goal) ** 2  # logged for this iteration
        delta = prediction - goal  # the pure error
        weight_delta = delta * inputs  # shape (n,): one shared delta, scaled by each input
        if learns is not None:
            weight_delta = np.where(learns, weight_delta, 0.0)  # a frozen weight does not move
        weights_after = weights - alpha * weight_delta  # shape (n,)
    return GradientStep(iteration, weights, prediction, error, delta, weight_delta, weights_after)


def outputs_step(
    weights: Floats, inputs: Floats, goals: Floats, alpha: float, iteration: int,
    learns: Mask | None = None,
) -> OutputsStep:
    """One iteration of gradient descent for several outputs from `weights` (shape (m, n)),
    in the tutorial's order; `learns` (shape (m, n), bool) is False for a frozen weight.

    Each error is squared one scalar at a time: a scalar's ** 2 calls the C library's pow,
    as the tutorial's Python does, while an array's ** 2 multiplies, which rounds the other
    way about once in a thousand (the matrix lesson meets one by iteration 60)."""
    with np.errstate(all="ignore"):
        prediction = predict_rows(weights, inputs)  # shape (m,): each row's weighted sum
        errors = np.array([miss ** 2 for miss in prediction - goals])  # shape (m,): each output's own error
        delta = prediction - goals  # shape (m,): each output's own miss
        weight_delta = np.outer(delta, inputs)  # shape (m, n): delta[i] * inputs[j]
        if learns is not None:
            weight_delta = np.where(learns, weight_delta, 0.0)
        weights_after = weights - alpha * weight_delta  # shape (m, n)
    return OutputsStep(iteration, weights, prediction, errors, total(errors), delta, weight_delta, weights_after)


def learning_mask(problem: Problem) -> Mask | None:
    """Which weights learn, shape (outputs, n) (None when none is frozen)."""
    if not problem.frozen:
        return None
    mask = np.ones(problem.size, dtype=bool)
    mask[list(problem.frozen)] = False
    return mask.reshape(problem.shape)


def hot_cold_step(
    weights: Floats, inputs: Floats, goal: float, step_amount: float, iteration: int
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


def measure_step(weights: Floats, inputs: Floats, goal: float, iteration: int) -> MeasureStep:
    """Predict and measure the error, changing nothing."""
    prediction = predict(weights, inputs)
    return MeasureStep(iteration, weights, prediction, squared_error(prediction, goal), weights)


def take_step(problem: Problem, weights: Floats, inputs: Floats, iteration: int) -> Step:
    """One iteration of the problem's rule from `weights` (flat, shape (outputs * n,))."""
    learns = learning_mask(problem)
    if problem.outputs > 1:
        return outputs_step(weights.reshape(problem.shape), inputs, as_arrays(problem.goals),
                            problem.alpha, iteration, learns)
    if learns is not None and problem.method == GRADIENT_DESCENT:
        return gradient_descent_step(weights, inputs, problem.goals[0], problem.alpha, iteration, learns[0])
    if problem.method == HOT_COLD:
        return hot_cold_step(weights, inputs, problem.goals[0], problem.step_amount, iteration)
    if problem.method == MEASURE:
        return measure_step(weights, inputs, problem.goals[0], iteration)
    return gradient_descent_step(weights, inputs, problem.goals[0], problem.alpha, iteration)


def output_record(step: OutputsStep, output: int) -> GradientStep:
    """Output `output`'s share of a several-outputs record: its own row of weights, with its
    own prediction, error, delta and weight_delta, as one output alone would have them."""
    return GradientStep(step.iteration, step.weights[output], step.prediction[output], step.errors[output],
                        step.delta[output], step.weight_delta[output], step.weights_after[output])
