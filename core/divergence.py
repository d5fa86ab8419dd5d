"""Divergence: when learning blows up, the run stops and says so; a state, not a crash.

With a large input or alpha, every gradient-descent step multiplies the miss by a factor
|r| > 1 and the numbers grow geometrically until float64 overflows. Divergence means that
growth: the error has grown GROWTH times past where the run started (or past 1, for a
start below 1), or a number stopped being finite. A start that is merely large is not
diverged: weight 1e60 with r = 0 lands in one step like any other. The divergence lesson
must still show its error of 2.08e18 at iteration 4, so the line is drawn far beyond that.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .problem import Problem
from .record import Record
from .rules import Step, as_arrays, predict_rows, total

GROWTH = 1e100  # far past any figure the course shows; squares of it still fit in a float64


@dataclass(repr=False, frozen=True)
class Divergence(Record):
    """The iteration where a run blew up, and what blew up first."""

    iteration: int
    quantity: str  # "prediction", "error", "weight", ... (a key: the words are the front end's)
    value: float  # the offending value: inf, nan, or an error beyond the limit
    kept: bool  # whether that iteration's record is finite and so kept in the history

    @property
    def overflowed(self) -> bool:
        """Whether a number left what a float can hold (rather than grew past the limit)."""
        return not math.isfinite(self.value)


class Diverged(Exception):
    """Raised by a step asked of a run that has diverged, or that holds MAX_ITERATIONS records,
    the most a run keeps (then `divergence` is None): either way no step comes after."""

    def __init__(self, divergence: Divergence | None) -> None:
        where = "at the iteration limit" if divergence is None else f"diverged at iteration {divergence.iteration}"
        super().__init__(where)  # for tracebacks only
        self.divergence = divergence


def start_error(problem: Problem) -> float:
    """The error at the start: the squared miss, summed over the outputs."""
    weights = as_arrays(problem.weights).reshape(problem.shape)  # shape (m, n)
    with np.errstate(all="ignore"):
        misses = predict_rows(weights, as_arrays(problem.inputs)) - as_arrays(problem.goals)
        return float(total(np.array([miss ** 2 for miss in misses])))


def error_limit(problem: Problem) -> float:
    """The error past which the run has grown GROWTH-fold from its start: it diverged."""
    with np.errstate(all="ignore"):
        return float(GROWTH * max(1.0, start_error(problem)))  # inf for a start past 1e208: overflow decides


def _quantities(step: Step) -> list[tuple[str, float]]:
    """Every number a record holds, by the name the log gives it."""
    named = [("prediction", float(p)) for p in np.ravel(step.prediction)] + [("error", step.error)]
    named += [("weight", float(w)) for w in np.ravel(step.weights_after)]
    for name in ("delta", "up_error", "down_error"):
        if hasattr(step, name):
            named += [(name, float(value)) for value in np.ravel(getattr(step, name))]
    if hasattr(step, "weight_delta"):
        named += [("weight_delta", float(d)) for d in np.ravel(step.weight_delta)]
    return named


def find_divergence(step: Step, limit: float) -> Divergence | None:
    """The divergence this record shows (a number not finite, or the error past `limit`,
    from `error_limit`), or None when the run is still sane."""
    for quantity, value in _quantities(step):
        if not math.isfinite(value):
            return Divergence(step.iteration, quantity, float(value), kept=False)
    if step.error > limit:  # every figure finite: the record is kept
        return Divergence(step.iteration, "error", float(step.error), kept=True)
    return None
