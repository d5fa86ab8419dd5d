"""A learning problem: a layer of neurons, one training example and the rule that trains it.

Each output predicts `prediction = inputs . its row of weights`; it should have predicted
its goal. Most lessons have one output (`goal` a number, `weights` one row); with several,
`goal` is a tuple and `weights` holds one row per output, flattened row by row, so the
weights are always a flat tuple of shape (outputs * inputs,). A frozen weight takes no
part in learning: its weight_delta (delta x input) is set to 0, though it still counts in
the prediction.
A rule (gradient descent with a learning rate alpha, or hot and cold with a fixed step)
changes the weights to shrink the squared miss. A Problem holds only plain floats, so it
can be compared, saved and shown; the rules turn it into float64 arrays.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from .limits import MAX_OUTPUTS, MAX_WEIGHTS
from .record import Record
from .refusals import Refusal

GRADIENT_DESCENT = "gd"
HOT_COLD = "hot-cold"
MEASURE = "measure"  # predict and measure the error, learn nothing: the course's first lesson
METHODS = (GRADIENT_DESCENT, HOT_COLD, MEASURE)


class InvalidProblem(Refusal):
    """A parameter that no rule can learn from; `field` names it as a lesson file does."""


@dataclass(repr=False, frozen=True)
class Problem(Record):
    """The starting state of a run and the rule that moves it."""

    weights: tuple[float, ...]  # the starting weights, row by row, shape (outputs * n,)
    inputs: tuple[float, ...]  # one training example, shape (n,)
    goal: float | tuple[float, ...]  # what to predict for it: a number, or one per output
    method: str = GRADIENT_DESCENT  # "gd", "hot-cold" or "measure"
    alpha: float = 1.0  # gradient descent's learning rate; the tutorial's default is 1
    step_amount: float = 0.1  # hot and cold's fixed move
    frozen: tuple[int, ...] = ()  # indices into `weights` (from 0) that do not learn

    def __post_init__(self) -> None:
        check_problem(self)
        # Store floats only, so equal problems compare equal and export as floats.
        object.__setattr__(self, "weights", tuple(float(w) for w in self.weights))
        object.__setattr__(self, "inputs", tuple(float(x) for x in self.inputs))
        goal = self.goal
        if isinstance(goal, (tuple, list)):  # a list of one goal is one output
            goal = float(goal[0]) if len(goal) == 1 else tuple(float(g) for g in goal)
        object.__setattr__(self, "goal", goal if isinstance(goal, tuple) else float(goal))
        object.__setattr__(self, "frozen", tuple(sorted(set(int(i) for i in self.frozen))))
        for field in ("alpha", "step_amount"):
            object.__setattr__(self, field, float(getattr(self, field)))

    def replace(self, **changes: Any) -> "Problem":
        """A copy with `changes`, validated like any new problem."""
        return dataclasses.replace(self, **changes)

    @property
    def size(self) -> int:
        """How many weights there are, in all rows."""
        return len(self.weights)

    @property
    def outputs(self) -> int:
        """How many outputs (rows of weights) the layer has."""
        return len(self.goal) if isinstance(self.goal, tuple) else 1

    @property
    def goals(self) -> tuple[float, ...]:
        """The goal of each output, shape (outputs,)."""
        return self.goal if isinstance(self.goal, tuple) else (self.goal,)

    @property
    def shape(self) -> tuple[int, int]:
        """(outputs, inputs): the weights as a matrix, one row per output."""
        return self.outputs, len(self.inputs)

    def rows(self) -> tuple[tuple[float, ...], ...]:
        """The weights as one row per output."""
        n = len(self.inputs)
        return tuple(self.weights[i * n:(i + 1) * n] for i in range(self.outputs))

    def output_problem(self, output: int) -> "Problem":
        """Output `output` alone: its row of weights, its goal, its frozen weights."""
        n = len(self.inputs)
        frozen = tuple(index - output * n for index in self.frozen if output * n <= index < (output + 1) * n)
        return self.replace(weights=self.rows()[output], goal=self.goals[output], frozen=frozen)

    def learns(self, index: int) -> bool:
        """Whether weight `index` (flat, from 0) learns, i.e. is not frozen."""
        return index not in self.frozen


def check_problem(problem: Problem) -> None:
    """Raise InvalidProblem for the first parameter that cannot be learned from."""
    for fault in problem_faults(vars(problem)):
        raise fault


def problem_faults(values: Mapping[str, Any]) -> Iterator[InvalidProblem]:
    """What is wrong with a problem's fields (`values`, by field name): the first fault of
    each field, then what is wrong between the fields that are sound: the shapes of the
    weights, inputs and goal are checked whatever alpha says, so a teacher's `alpha = "0.1"`
    no longer hides them for a second run of `gradstep check`. Loading stops at the first;
    `gradstep check` reports them all. A field given as None is one already found faulty
    (a lesson file's "goal" that is not a number): it is passed over, and so are the checks
    that need it. The values are Any: they come from outside, and each is checked here
    before it is used as what it should be."""
    faulty = {field for field, value in values.items() if value is None}
    if values["method"] is not None and values["method"] not in METHODS:
        faulty.add("method")
        yield InvalidProblem("problem.not_a_rule", field="method", text=values["method"])
    for field in ("weights", "inputs", "goal", "alpha", "step_amount", "frozen"):
        value = values.get(field, () if field == "frozen" else None)
        fault = None if value is None else _field_fault(field, value)
        if fault is not None:
            faulty.add(field)
            yield fault
    if faulty & {"weights", "inputs", "goal"}:
        return
    weights, inputs, goal = values["weights"], values["inputs"], values["goal"]
    goals = tuple(goal) if isinstance(goal, (tuple, list)) else (goal,)
    if len(goals) == 1 and len(weights) != len(inputs):
        yield InvalidProblem("problem.one_input_per_weight", field="inputs", weights=len(weights), inputs=len(inputs))
        return
    if len(weights) != len(goals) * len(inputs):
        yield InvalidProblem("problem.weights_shape", field="weights", weights=len(weights),
                             outputs=len(goals), inputs=len(inputs))
        return
    if faulty:  # the rest asks of the rule and the frozen weights too
        return
    if len(goals) > 1 and values["method"] != GRADIENT_DESCENT:
        yield InvalidProblem("problem.outputs_need_gd", field="method", outputs=len(goals))
    if values["method"] == HOT_COLD and len(weights) != 1:
        yield InvalidProblem("problem.hot_cold_one_weight", field="method", size=len(weights))
    if values.get("frozen") and values["method"] == HOT_COLD:
        yield InvalidProblem("problem.frozen_needs_gd", field="frozen")
    beyond = [i + 1 for i in values.get("frozen", ()) if not 0 <= i < len(weights)]
    if beyond:
        yield InvalidProblem("problem.frozen_beyond", field="frozen", position=beyond[0], size=len(weights))
    rows = [weights[i * len(inputs):(i + 1) * len(inputs)] for i in range(len(goals))]
    for row, row_goal in zip(rows, goals):
        prediction = sum(float(x) * float(w) for x, w in zip(inputs, row))
        miss = prediction - float(row_goal)
        if not math.isfinite(miss * miss):  # nothing can be learned from an error that is already infinite
            yield InvalidProblem("problem.start_overflows", field="weights")
            return


def _field_fault(field: str, value: object) -> InvalidProblem | None:
    """The first thing wrong with one field on its own, or None."""
    if field == "frozen":
        if not isinstance(value, (tuple, list)) or not all(isinstance(i, int) and not isinstance(i, bool)
                                                           for i in value):
            return InvalidProblem("problem.expected_positions", field=field, value=value)
        return None
    if field == "goal" and isinstance(value, (tuple, list)):
        if not value:
            return InvalidProblem("problem.no_numbers", field=field)
        if len(value) > MAX_OUTPUTS:
            return InvalidProblem("problem.too_many_outputs", field=field, limit=MAX_OUTPUTS, size=len(value))
        return next((fault for item in value if (fault := _finite_fault(field, item))), None)
    if field in ("weights", "inputs"):
        if not isinstance(value, (tuple, list)):
            return InvalidProblem("problem.expected_list", field=field, value=value)
        if not value:
            return InvalidProblem("problem.no_numbers", field=field)
        # weights hold a row per output: the row's limit is checked on the inputs
        limit = MAX_WEIGHTS * MAX_OUTPUTS if field == "weights" else MAX_WEIGHTS
        if len(value) > limit:
            return InvalidProblem("problem.too_many_weights", field=field, limit=MAX_WEIGHTS, size=len(value))
        return next((fault for item in value if (fault := _finite_fault(field, item))), None)
    fault = _finite_fault(field, value)
    if fault is None and field in ("alpha", "step_amount") and is_number(value) and value <= 0:
        return InvalidProblem("problem.not_positive", field=field, value=value)
    return fault


def _finite_fault(field: str, value: object) -> InvalidProblem | None:
    if is_number(value):
        return None if is_finite(value) else InvalidProblem("problem.not_finite", field=field, value=value)
    return InvalidProblem("problem.expected_number", field=field, value=value)


def is_finite(value: int | float) -> bool:
    """Whether a number is a finite float, or an int that becomes one: the one test for every
    number read from outside, since a NaN compares false with everything, an infinity cannot
    be saved as JSON, and an int too large for a float raises once it meets one."""
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def is_number(value: object) -> TypeGuard[int | float]:
    """An int or a float, and not a bool (which Python counts as an int): the one test of
    "a number" for every loader, so a lesson file's `true` is never read as 1."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
