"""When learning runs away, and how that becomes a state instead of a crash.

With a large input or alpha, every gradient-descent step multiplies the miss by a factor
|r| > 1 and the numbers grow geometrically until float64 overflows. The divergence lesson
must still show its error of 2.08e18 at iteration 4, so the line is drawn far beyond that,
at LIMIT, or wherever a value stops being finite.
"""

import math
from dataclasses import dataclass

import numpy as np

from .numbers import readable
from .rules import Step

LIMIT = 1e100  # far past any figure the course shows; squares of it still fit in a float64


@dataclass(frozen=True)
class Divergence:
    """The iteration where a run left the numbers a float can hold, and what left first."""

    iteration: int
    quantity: str  # "prediction", "error", "weight", ...
    value: float  # the offending value: inf, nan, or beyond LIMIT
    kept: bool  # whether that iteration's record is finite and so kept in the history

    def describe(self) -> str:
        """One line for a log or a banner."""
        if math.isnan(self.value):
            what = "became undefined (nan)"
        elif math.isinf(self.value):
            what = "overflowed"
        else:
            what = f"reached {readable(self.value, 3)}, beyond {readable(LIMIT)}"
        return f"diverged at iteration {self.iteration}: the {self.quantity} {what}"


class Diverged(Exception):
    """Raised by a step asked of a run that has diverged."""

    def __init__(self, divergence: Divergence) -> None:
        super().__init__(divergence.describe())
        self.divergence = divergence


def _quantities(step: Step) -> list[tuple[str, float]]:
    """Every number a record holds, named as a student would read it."""
    named = [("prediction", step.prediction), ("error", step.error)]
    named += [("weight", float(w)) for w in step.weights_after]
    for name in ("delta", "up_error", "down_error"):
        if hasattr(step, name):
            named.append((name.replace("_", " "), getattr(step, name)))
    if hasattr(step, "weight_delta"):
        named += [("weight delta", float(d)) for d in step.weight_delta]
    return named


def find_divergence(step: Step) -> Divergence | None:
    """The divergence this record shows, or None when all its numbers are sane."""
    named = _quantities(step)
    finite = all(np.isfinite(value) for _, value in named)
    for quantity, value in named:
        if not np.isfinite(value) or abs(value) > LIMIT:
            return Divergence(step.iteration, quantity, float(value), kept=finite)
    return None
