"""Predict, then reveal: the student commits to what a step will produce, then sees it.

What there is to predict depends on the rule: the new weight (gradient descent on one
weight), the new prediction (several weights, where one number says more than three),
the direction (hot and cold: up, down or stay), the error (the measuring lesson), or,
with several outputs, the error after the step, summed over them (one number for all). A
guess is right when it is within 1% of the true change, |guess - new| <= 0.01 x
|new - old|, or equal to it as the log prints it (SHOWN_DIGITS significant digits). A skipped guess
is kept, unscored, so the tally says N right of M tried.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .history import History
from .numbers import readable
from .problem import HOT_COLD, MEASURE, Problem
from .record import Record
from .rules import HotColdStep, Step, as_arrays, predict, predict_rows, total

WEIGHT, PREDICTION, DIRECTION, ERROR, TOTAL = "weight", "prediction", "direction", "error", "total"
DIRECTIONS = {1: "up", -1: "down", 0: "stay"}  # hot and cold's move, as a guess names it
RIGHT_WITHIN = 0.01  # of the true change


def what_to_predict(problem: Problem) -> str:
    """The quantity a guess is about, for this problem's rule."""
    if problem.method == HOT_COLD:
        return DIRECTION
    if problem.method == MEASURE:
        return ERROR
    if problem.outputs > 1:
        return TOTAL
    return PREDICTION if problem.size > 1 else WEIGHT


def now_figure(history: History) -> float:
    """The figure a guess starts from, before the step: the weight, the prediction, or the
    summed error (a direction's question names the weight)."""
    kind = what_to_predict(history.problem)
    if kind == TOTAL:
        return float(history.error)
    return float(history.prediction if kind in (PREDICTION, ERROR) else history.weights[0])


def before_and_after(problem: Problem, step: Step) -> tuple[float | str, float | str]:
    """The quantity before the step and what the step made of it (the truth a guess meets)."""
    kind = what_to_predict(problem)
    if kind == DIRECTION:
        assert isinstance(step, HotColdStep)
        return "", DIRECTIONS[step.move]
    if kind == ERROR:
        return 0.0, float(step.error)
    if kind == WEIGHT:
        return float(step.weights[0]), float(step.weights_after[0])
    if kind == TOTAL:
        misses = predict_rows(step.weights_after, as_arrays(problem.inputs)) - as_arrays(problem.goals)
        with np.errstate(all="ignore"):
            return float(step.error), float(total(np.array([miss ** 2 for miss in misses])))
    return float(step.prediction), float(predict(step.weights_after, as_arrays(problem.inputs)))


def is_right(guess: float | str, before: float | str, after: float | str) -> bool:
    """Within 1% of the true change, or the same as printed; a direction must match."""
    if isinstance(after, str) or isinstance(before, str) or isinstance(guess, str):
        return guess == after  # a direction, or a word for a number (never right)
    return within_change(guess, before, after) or same_as_printed(guess, after)


def within_change(guess: float, before: float, after: float) -> bool:
    """|guess - after| <= RIGHT_WITHIN x |after - before|: the first way a number is right,
    and the one the reveal states with the step's own figures. No number is within an
    overflow's change (infinite too, so any guess would be)."""
    return math.isfinite(after) and abs(guess - after) <= RIGHT_WITHIN * abs(after - before)


def same_as_printed(guess: float, after: float) -> bool:
    """The guess reads as the log prints the truth (SHOWN_DIGITS significant digits): the
    second way, for a step that barely moves the figure, whose 1% no typed guess can meet."""
    return math.isfinite(after) and readable(guess) == readable(after)


@dataclass(repr=False, frozen=True)
class Guess(Record):
    """A student's guess at step `iteration`, the truth it met, and whether it was right."""

    iteration: int
    kind: str  # WEIGHT, PREDICTION, DIRECTION or ERROR
    value: float | str | None  # None: skipped (Enter on an empty answer)
    truth: float | str
    right: bool | None  # None when skipped: not scored


def judge(problem: Problem, step: Step, value: float | str | None) -> Guess:
    """The guess `value` at what `step` produced (None: the student skipped)."""
    before, after = before_and_after(problem, step)
    right = None if value is None else is_right(value, before, after)
    return Guess(step.iteration, what_to_predict(problem), value, after, right)
