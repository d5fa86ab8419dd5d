"""A learning problem: one neuron, one training example and the rule that trains it.

The neuron predicts `prediction = inputs . weights`; it should have predicted `goal`.
A rule (gradient descent with a learning rate alpha, or hot and cold with a fixed step)
changes the weights to shrink the squared miss. A Problem holds only plain floats, so it
can be compared, saved and shown; the rules turn it into float64 arrays.
"""

import dataclasses
import math
from dataclasses import dataclass

from .limits import MAX_WEIGHTS
from .refusals import Refusal

GRADIENT_DESCENT = "gd"
HOT_COLD = "hot-cold"
MEASURE = "measure"  # predict and measure the error, learn nothing: the course's first lesson
METHODS = (GRADIENT_DESCENT, HOT_COLD, MEASURE)


class InvalidProblem(Refusal):
    """A parameter that no rule can learn from; `field` names it as a lesson file does."""


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
        raise InvalidProblem("problem.not_a_rule", field="method", text=problem.method)
    for field in ("weights", "inputs"):
        values = getattr(problem, field)
        if not isinstance(values, (tuple, list)):
            raise InvalidProblem("problem.expected_list", field=field, value=values)
        if not values:
            raise InvalidProblem("problem.no_numbers", field=field)
        if len(values) > MAX_WEIGHTS:
            raise InvalidProblem("problem.too_many_weights", field=field, limit=MAX_WEIGHTS, size=len(values))
        for value in values:
            _check_finite(field, value)
    if len(problem.weights) != len(problem.inputs):
        raise InvalidProblem("problem.one_input_per_weight", field="inputs",
                             weights=len(problem.weights), inputs=len(problem.inputs))
    for field in ("goal", "alpha", "step_amount"):
        _check_finite(field, getattr(problem, field))
    for field in ("alpha", "step_amount"):
        if getattr(problem, field) <= 0:
            raise InvalidProblem("problem.not_positive", field=field, value=getattr(problem, field))
    if problem.method == HOT_COLD and problem.size != 1:
        raise InvalidProblem("problem.hot_cold_one_weight", field="method", size=problem.size)
    prediction = sum(float(x) * float(w) for x, w in zip(problem.inputs, problem.weights))
    miss = prediction - float(problem.goal)
    if not math.isfinite(miss * miss):  # nothing can be learned from an error that is already infinite
        raise InvalidProblem("problem.start_overflows", field="weights")


def _check_finite(field: str, value: object) -> None:
    if not is_number(value):
        raise InvalidProblem("problem.expected_number", field=field, value=value)
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        raise InvalidProblem("problem.not_finite", field=field, value=value)


def is_number(value: object) -> bool:
    """An int or a float, and not a bool (which Python counts as an int): the one test of
    "a number" for every loader, so a lesson file's `true` is never read as 1."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
