"""What happened in a run, noted as it happens: where it stopped moving, where it began to
bounce, where rounding decided a move.

These are facts of the run itself, so the words that describe a run can state them after
the student has seen them happen ("from iteration 124 the weight no longer changes"),
and play can stop when nothing more can happen. Each is noted once, when the step that
shows it is stored, so reading them costs nothing however long the run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import Floats
from .record import Record
from .rules import HotColdStep, Step

TIE = 1e-9  # probes this close (relative) differ by rounding only: they should tie


@dataclass(repr=False)
class Landmarks(Record):
    """The first iteration of each event in a run's stored steps (None: not yet)."""

    still_from: int | None = None  # its step changed no weight: nothing more can happen
    bounce_from: int | None = None  # weights[k + 2] == weights[k]: it flips between two weights
    rounding_at: int | None = None  # a hot-and-cold move decided by probes that differ by rounding only

    def see(self, step: Step, earlier: Floats | None) -> None:
        """Note what record `step` shows; `earlier` is the weights one iteration before it."""
        k = step.iteration
        moved = not np.array_equal(step.weights_after, step.weights)
        if self.still_from is None and not moved:
            self.still_from = k
        if (self.bounce_from is None and moved and earlier is not None
                and np.array_equal(np.ravel(step.weights_after), np.ravel(earlier))):
            self.bounce_from = k - 1
        if self.rounding_at is None and isinstance(step, HotColdStep) and step.move:
            gap = abs(step.up_error - step.down_error)
            if gap <= TIE * max(step.up_error, step.down_error):
                self.rounding_at = k


@dataclass(repr=False, frozen=True)
class Seen(Record):
    """The landmarks a view of the run has reached (what the student has seen happen)."""

    still_from: int | None
    bounce_from: int | None
    rounding_at: int | None


def seen(landmarks: Landmarks, length: int) -> Seen:
    """The landmarks whose evidence lies within the first `length` steps."""
    def within(k: int | None, steps_needed: int) -> int | None:
        return k if k is not None and k + steps_needed <= length else None

    return Seen(within(landmarks.still_from, 1), within(landmarks.bounce_from, 2), within(landmarks.rounding_at, 1))
