"""The history of a run: every step taken, kept so any of them can be taken back exactly.

A run is deterministic: from the same problem, iteration k always yields the same record.
So the history is one append-only store of columns (float64 arrays that double in size
when full) shared by light, immutable views that differ only in how many steps they have
taken. Stepping back, resetting or jumping just makes a new view; stepping forward again
reuses the stored record instead of recomputing it, and a record is never overwritten,
so every earlier view stays exact. Columns cost 24 bytes a step for one weight, so
100,000 steps fit in a few MB, and appending is amortised O(1).

Computing happens only in the methods that make a view (start, step, jump): each
computes the record its view's next step needs, so whether a step is possible, and how
the run diverged, are plain reads that a screen can make as often as it draws.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .arrays import Floats
from .divergence import Diverged, Divergence, error_limit, find_divergence
from .landmarks import TIE, Landmarks, Seen, seen
from .limits import MAX_ITERATIONS
from .problem import HOT_COLD, Problem
from .record import Record
from .rules import (
    PREDICTIONS_PER_STEP,
    Step,
    as_arrays,
    predict,
    predict_rows,
    squared_error,
    take_step,
    total,
)

_FIRST_CAPACITY = 64


class Trajectory:
    """The append-only columns of one problem's run; shared by every History of it."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.inputs = as_arrays(problem.inputs)  # shape (n,)
        self.count = 0  # records stored
        self.divergence: Divergence | None = None  # set once; no record is stored after it
        self.limit = error_limit(problem)  # the error past which the run has diverged
        self.landmarks = Landmarks()  # where it stopped moving, began to bounce, was decided by rounding
        self._weights = np.empty((_FIRST_CAPACITY + 1, problem.size))  # row k: before iteration k
        self._weights[0] = as_arrays(problem.weights)
        self._outputs = () if problem.outputs == 1 else (problem.outputs,)  # a prediction's shape
        self._predictions = np.empty((_FIRST_CAPACITY, *self._outputs))  # shape (capacity,) or (capacity, m)
        self._errors = np.empty(_FIRST_CAPACITY)  # shape (capacity,)

    def weights(self, length: int) -> Floats:
        """Read-only rows 0..length of the weights, shape (length + 1, n)."""
        return _read_only(self._weights[: length + 1])

    def predictions(self, length: int) -> Floats:
        """Read-only predictions of the first `length` records, shape (length,), or
        (length, m) with several outputs."""
        return _read_only(self._predictions[:length])

    def errors(self, length: int) -> Floats:
        """Read-only errors of the first `length` records, shape (length,)."""
        return _read_only(self._errors[:length])

    def extend_to(self, count: int) -> None:
        """Compute and store records until there are `count`, or the run diverges."""
        while self.count < count and self.extend():
            pass

    def extend(self) -> bool:
        """Compute and store the next record; False if the run diverged instead, or holds
        the most records a run keeps (MAX_ITERATIONS)."""
        if self.divergence is not None or self.count >= MAX_ITERATIONS:
            return False
        k = self.count
        step = take_step(self.problem, self._weights[k].copy(), self.inputs, k)
        self.divergence = find_divergence(step, self.limit)
        if self.divergence is not None and not self.divergence.kept:
            return False
        if k == len(self._errors):
            self._grow()
        self._weights[k + 1] = step.weights_after.ravel()
        self._predictions[k] = step.prediction
        self._errors[k] = step.error
        self.landmarks.see(step, self._weights[k - 1] if k else None)
        self.count = k + 1
        return True

    def record(self, k: int) -> Step:
        """Record k, rebuilt from the columns (delta and the probes are recomputed exactly)."""
        return take_step(self.problem, self._weights[k].copy(), self.inputs, k)

    def _grow(self) -> None:
        capacity = 2 * len(self._errors)
        self._weights = _resized(self._weights, capacity + 1)
        self._predictions = _resized(self._predictions, capacity)
        self._errors = _resized(self._errors, capacity)

    def store(self, weights: list[list[float]], predictions: list[float], errors: list[float]) -> None:
        """Take this run's first records as computed elsewhere (`core.replay`, resuming a
        save): the weights before each record and after the last, shape (k + 1, n), and the
        predictions and errors, shape (k,). Later records are computed as usual."""
        if (self.count or len(weights) != len(errors) + 1 or len(predictions) != len(errors)
                or len(errors) > MAX_ITERATIONS):
            raise ValueError("store() fills a run with no records, from matching columns, up to MAX_ITERATIONS")
        capacity = max(_FIRST_CAPACITY, len(errors))
        self._weights = _resized(np.array(weights, dtype=np.float64).reshape(-1, self.problem.size), capacity + 1)
        self._predictions = _resized(np.array(predictions, dtype=np.float64).reshape(-1, *self._outputs), capacity)
        self._errors = _resized(np.array(errors, dtype=np.float64), capacity)
        self.count = len(errors)
        first, ties = self._landmark_candidates()
        for k in sorted(first | ties):  # in order, as extend would have shown them
            if k not in first and self.landmarks.rounding_at is not None:
                continue  # a near tie can show only where rounding first decided a move
            self.landmarks.see(self.record(k), self._weights[k - 1] if k else None)

    def _landmark_candidates(self) -> tuple[set[int], set[int]]:
        """The stored records that may show a landmark (core.landmarks), found in bulk so
        that only these are rebuilt and shown to `landmarks.see`, which decides: the first
        whose weights did not change and the first back where they were two steps before;
        and every move of hot and cold whose probes nearly tie (within twice the landmark's
        tolerance, so that NumPy's array square, a rounding away from pow, misses none)."""
        weights = self._weights[: self.count + 1]  # shape (count + 1, n)
        unchanged = np.all(weights[1:] == weights[:-1], axis=1)  # shape (count,)
        back = np.zeros(self.count, dtype=bool)
        back[1:] = np.all(weights[2:] == weights[:-2], axis=1) & ~unchanged[1:]
        first = {int(np.argmax(flags)) for flags in (unchanged, back) if flags.any()}
        if self.problem.method != HOT_COLD:
            return first, set()
        w, (x,), goal, step = weights[:-1, 0], self.problem.inputs, self.problem.goals[0], self.problem.step_amount
        with np.errstate(all="ignore"):
            up, down = (goal - x * (w + step)) ** 2, (goal - x * (w - step)) ** 2  # shape (count,)
            near = (up != down) & (np.abs(up - down) <= 2 * TIE * np.maximum(up, down))
        return first, set(np.flatnonzero(near).tolist())

def _resized(column: Floats, rows: int) -> Floats:
    grown = np.empty((rows, *column.shape[1:]))
    grown[: len(column)] = column
    return grown


def _read_only(view: Floats) -> Floats:
    view = view.view()
    view.flags.writeable = False
    return view


@dataclass(repr=False, frozen=True, eq=False)
class History(Record):
    """A run after `length` steps: an immutable view on its shared Trajectory."""

    trajectory: Trajectory
    length: int = 0  # steps taken: the current iteration

    @classmethod
    def start(cls, problem: Problem) -> "History":
        """A run of `problem` with no step taken (its first record computed ahead)."""
        return cls(Trajectory(problem))._ahead()

    def _ahead(self) -> "History":
        """This view, once the record its next step needs is stored or known to diverge.

        start, step and jump make their views through here (step_back and reset go only
        where records are stored already), so can_step and divergence only read.
        """
        self.trajectory.extend_to(self.length + 1)
        return self

    @property
    def problem(self) -> Problem:
        return self.trajectory.problem

    @property
    def iteration(self) -> int:
        """The iteration the next step will be: steps taken so far."""
        return self.length

    @property
    def weights(self) -> Floats:
        """The current weights, read-only, flat: shape (outputs * n,)."""
        last: Floats = self.trajectory.weights(self.length)[-1]  # a row of a float64 matrix
        return last

    @property
    def weight_rows(self) -> Floats:
        """The current weights, one row per output, shape (outputs, n)."""
        return self.weights.reshape(self.problem.shape)

    @property
    def prediction(self) -> np.float64 | Floats:
        """What the neuron predicts now, before the next step (shape (m,) with several outputs)."""
        if self.problem.outputs > 1:
            return predict_rows(self.weight_rows, self.trajectory.inputs)
        return predict(self.weights, self.trajectory.inputs)

    @property
    def output_errors(self) -> Floats:
        """Each output's error now, shape (outputs,)."""
        with np.errstate(all="ignore"):
            errors: Floats = (np.atleast_1d(self.prediction) - as_arrays(self.problem.goals)) ** 2
        return errors

    @property
    def error(self) -> np.float64:
        """The error now, before the next step: with several outputs, the sum of theirs."""
        if self.problem.outputs > 1:
            return total(self.output_errors)
        return squared_error(predict(self.weights, self.trajectory.inputs), self.problem.goals[0])

    @property
    def can_step(self) -> bool:
        """Whether a step forward succeeds: the next record is stored (it was computed ahead)."""
        return self.length < self.trajectory.count

    @property
    def divergence(self) -> Divergence | None:
        """How the run diverged, once this view stands where no further step is possible."""
        return None if self.can_step else self.trajectory.divergence

    @property
    def can_step_back(self) -> bool:
        return self.length > 0

    def step(self) -> "History":
        """One step forward, computing the one after it. Raises Diverged when the run has diverged
        or holds MAX_ITERATIONS records."""
        if not self.can_step:
            raise Diverged(self.trajectory.divergence)
        return History(self.trajectory, self.length + 1)._ahead()

    def step_back(self) -> "History":
        """The state one step earlier, exactly. Raises IndexError at iteration 0."""
        if self.length == 0:
            raise IndexError("already at iteration 0")
        return History(self.trajectory, self.length - 1)

    def reset(self) -> "History":
        """Back to iteration 0; the steps stay stored, so stepping again costs nothing."""
        return History(self.trajectory, 0)

    def jump(self, iteration: int) -> "History":
        """The state at `iteration`, or at the divergence if the run cannot get that far."""
        if iteration < 0:
            raise IndexError(f"iteration {iteration} is before the start")
        self.trajectory.extend_to(iteration)
        return History(self.trajectory, min(iteration, self.trajectory.count))._ahead()

    def record(self, k: int) -> Step:
        """The full record of step k (0 <= k < length)."""
        if not 0 <= k < self.length:
            raise IndexError(f"no step {k} in a history of {self.length}")
        return self.trajectory.record(k)

    def records(self, first: int = 0) -> Iterator[Step]:
        """Records first..length-1, oldest first."""
        return (self.trajectory.record(k) for k in range(first, self.length))

    @property
    def weight_trail(self) -> Floats:
        """Every weight visited, the current one last, shape (length + 1, n)."""
        return self.trajectory.weights(self.length)

    @property
    def errors(self) -> Floats:
        """The logged error of each step taken, shape (length,)."""
        return self.trajectory.errors(self.length)

    @property
    def predictions(self) -> Floats:
        """The logged prediction of each step taken, shape (length,)."""
        return self.trajectory.predictions(self.length)

    @property
    def landmarks(self) -> Seen:
        """What this view of the run has seen happen (see core.landmarks)."""
        return seen(self.trajectory.landmarks, self.length)

    @property
    def predictions_made(self) -> int:
        """What the steps so far cost in predictions (hot and cold pays three a step)."""
        return self.length * PREDICTIONS_PER_STEP[self.problem.method]


def walk(problem: Problem, steps: int) -> Iterator[Step | Divergence]:
    """Up to `steps` records of a run, streamed without storing them; a Divergence ends it."""
    inputs = as_arrays(problem.inputs)
    weights = as_arrays(problem.weights)
    limit = error_limit(problem)
    for k in range(steps):
        step = take_step(problem, weights, inputs, k)
        divergence = find_divergence(step, limit)
        if divergence is None or divergence.kept:
            yield step
        if divergence is not None:
            yield divergence
            return
        weights = step.weights_after.ravel()
