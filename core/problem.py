"""A learning problem: one neuron, one training example and the rule that trains it.

The neuron predicts `prediction = inputs . weights`; it should have predicted `goal`.
A rule (gradient descent with a learning rate alpha, or hot and cold with a fixed step)
changes the weights to shrink the squared miss. A Problem holds only plain floats, so it
can be compared, saved and shown; the rules turn it into float64 arrays.
"""

import dataclasses
import math
from dataclasses import dataclass

GRADIENT_DESCENT = "gd"
HOT_COLD = "hot-cold"
MEASURE = "measure"  # predict and measure the error, learn nothing: the course's first lesson
METHODS = (GRADIENT_DESCENT, HOT_COLD, MEASURE)


class InvalidProblem(ValueError):
    """A parameter that no rule can learn from; `field` names it as a lesson file does."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Problem:
    """The starting state of a run and the rule that moves it."""

    weights: tuple[float, ...]  # the neuron's starting weights, shape (n,)
    inputs: tuple[float, ...]  # one training example, shape (n,)
    goal: float  # what the neuron should predict for it
    method: str = GRADIENT_DESCENT  # "gd", "hot-cold" or "measure"
    alpha: float = 1.0  # gradient descent's learning rate; the tutorial's default is 1
    step_amount: float = 0.1  # hot and cold's fixed move

    def __post_init__(self) -> None:
        check_problem(self)
        # Store floats only, so equal problems compare equal and export as floats.
        object.__setattr__(self, "weights", tuple(float(w) for w in self.weights))
        object.__setattr__(self, "inputs", tuple(float(x) for x in self.inputs))
        for field in ("goal", "alpha", "step_amount"):
            object.__setattr__(self, field, float(getattr(self, field)))

    def replace(self, **changes) -> "Problem":
        """A copy with `changes`, validated like any new problem."""
        return dataclasses.replace(self, **changes)

    @property
    def size(self) -> int:
        """How many weights learn at once."""
        return len(self.weights)


def check_problem(problem: Problem) -> None:
    """Raise InvalidProblem for the first parameter that cannot be learned from."""
    if problem.method not in METHODS:
        raise InvalidProblem("method", f"{problem.method!r} is not a rule: use 'gd', 'hot-cold' or 'measure'")
    for field in ("weights", "inputs"):
        values = getattr(problem, field)
        if not isinstance(values, (tuple, list)):
            raise InvalidProblem(field, f"expected a list of numbers, got {values!r}")
        if not values:
            raise InvalidProblem(field, "needs at least one number")
        for value in values:
            _check_finite(field, value)
    if len(problem.weights) != len(problem.inputs):
        raise InvalidProblem(
            "inputs",
            f"each weight needs exactly one input (weights: {len(problem.weights)}, "
            f"inputs: {len(problem.inputs)})",
        )
    for field in ("goal", "alpha", "step_amount"):
        _check_finite(field, getattr(problem, field))
    if problem.alpha <= 0:
        raise InvalidProblem("alpha", f"must be greater than 0 (got {problem.alpha!r})")
    if problem.step_amount <= 0:
        raise InvalidProblem("step_amount", f"must be greater than 0 (got {problem.step_amount!r})")
    if problem.method == HOT_COLD and problem.size != 1:
        raise InvalidProblem(
            "method",
            f"hot and cold moves one weight at a time; this problem has {problem.size} weights: "
            "use gradient descent ('gd')",
        )


def _check_finite(field: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidProblem(field, f"expected a number, got {value!r}")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        raise InvalidProblem(field, f"must be a finite number (got {value!r})")
