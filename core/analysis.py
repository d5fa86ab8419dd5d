"""Why a run converges or not, read off the parameters before a single step is taken.

For one training example each gradient-descent step multiplies the miss
`prediction - goal` by the same factor r = 1 - alpha * |input|^2 (the sum of squares for
several inputs), so the error is multiplied by r^2 every step. Everything here follows
from that: the regime (|r| < 1 converges, r = 0 lands in one step, r < 0 overshoots,
r = -1 bounces, r < -1 diverges), the best alpha (r = 0) and the largest stable one
(r = -1), and how many steps the error needs to fall below a tolerance.
"""

from __future__ import annotations

import enum
import functools
import math
import sys
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal
from fractions import Fraction

import numpy as np

from .arrays import Floats
from .numbers import as_written
from .problem import HOT_COLD, MEASURE, Problem
from .record import Record
from .rules import as_arrays, hot_cold_step, predict_rows

TOLERANCE = 1e-6  # "a small error": what the steps-to-go readout counts down to


class Regime(enum.Enum):
    """What the run will do from here, in the words the app shows."""

    SMOOTH = "smooth"  # 0 < alpha*|x|^2 < 1: the miss shrinks, keeping its sign
    ONE_STEP = "one-step"  # alpha*|x|^2 = 1: r = 0, the first step lands on the goal
    OVERSHOOTING = "overshooting"  # 1 < alpha*|x|^2 < 2: shrinks while flipping sides
    BOUNCING = "bouncing"  # alpha*|x|^2 = 2: r = -1, flips sides forever at the same error
    DIVERGING = "diverging"  # alpha*|x|^2 > 2: |r| > 1, the error explodes
    NO_SIGNAL = "no-signal"  # every input is 0: the error does not depend on the weights
    STUCK_BOUNCING = "stuck-bouncing"  # hot and cold: a fixed step ends up between two weights
    LANDED = "landed"  # hot and cold exactly on the goal: both probes tie, it stays
    MEASURING = "measuring"  # the measuring lesson: nothing learns, the weights stay


def sum_of_squares(problem: Problem, output: int = 0) -> float:
    """|input|^2, the sum of the squared inputs whose weights learn in row `output`: a frozen
    weight's input moves nothing, so it takes no part in r. With no weight frozen every
    output has the same r, since every row sees the same inputs."""
    inputs = as_arrays(problem.inputs)  # shape (n,)
    n = len(inputs)
    learning = [problem.learns(output * n + j) for j in range(n)]
    with np.errstate(all="ignore"):
        return float(np.cumsum(np.where(learning, inputs * inputs, 0.0))[-1])


def no_signal_why(problem: Problem) -> str:
    """Why nothing can learn in a run with no signal (an empty string otherwise): "frozen"
    when every weight of the first output is frozen, "learners" when the weights that learn
    all have input 0 but a frozen one has not (the error depends on that one, which cannot
    move), "one" for a lone input of 0 (lesson 9's three weights share one: its words said
    "every input is 0" of it), "all" for several inputs of 0. The words differ, the
    arithmetic is the same."""
    if gradient_regime(problem) is not Regime.NO_SIGNAL:
        return ""
    if problem.frozen and not any(problem.learns(j) for j in range(len(problem.inputs))):
        return "frozen"
    if any(x != 0 for j, x in enumerate(problem.inputs) if not problem.learns(j)):
        return "learners"  # only the weights that learn have input 0: the error still depends on a frozen one
    return "one" if len(problem.inputs) == 1 else "all"


def starts_on_goal(problem: Problem) -> bool:
    """Whether every prediction at the start is exactly its goal: the miss is 0, and r x 0
    is 0, so gradient descent moves nothing whatever r is (r describes what a miss would do)."""
    weights = as_arrays(problem.weights).reshape(problem.shape)  # shape (outputs, n)
    return bool(np.all(predict_rows(weights, as_arrays(problem.inputs)) == as_arrays(problem.goals)))


ROUNDING_ULPS = 4  # a prediction this many float spacings from its goal is off by rounding alone


def rounding_misses(problem: Problem) -> tuple[bool, ...]:
    """Whether each output's start misses its goal by float rounding alone: not exactly,
    yet within a few float spacings of the larger of the goal and the prediction's terms
    (0.65 x 0.9 is 0.5850000000000001, not 0.585). Such a miss shows as the goal at every
    digit the panels show, and gradient descent multiplies it by r all the same."""
    inputs = as_arrays(problem.inputs)
    weights = as_arrays(problem.weights).reshape(problem.shape)  # shape (outputs, n)
    with np.errstate(all="ignore"):
        misses = predict_rows(weights, inputs) - as_arrays(problem.goals)  # shape (outputs,)
    return tuple(rounding_hair(float(miss), goal, row, inputs)
                 for miss, goal, row in zip(misses, problem.goals, weights))


def rounding_hair(miss: float, goal: float, weights: Floats, inputs: Floats) -> bool:
    """Whether one output's `miss` (prediction - goal), made with its row `weights` (shape
    (n,)), is float rounding alone: not 0, yet within ROUNDING_ULPS float spacings of the
    larger of the goal and the prediction's terms. At any step, not only the start: a hair
    that a diverging r multiplies is a hair at its first step and -1.08e+06 a dozen later."""
    with np.errstate(all="ignore"):
        scale = max(abs(goal), float(np.sum(np.abs(np.asarray(weights, dtype=float) * np.asarray(inputs, dtype=float)))))
    return bool(miss != 0 and abs(miss) <= ROUNDING_ULPS * np.spacing(scale))


BY_HAND = Context(prec=34, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[])
"""Decimal arithmetic wide enough for r^k of any run a float can hold, and more digits than a
float has: what a hand would get, to compare a float's miss with."""


def miss_by_hand(problem: Problem, steps: int) -> Decimal:
    """The first output's miss (prediction - goal) after `steps` gradient-descent steps,
    worked from the figures as written (as_written): the start's miss times r^steps, since
    each step multiplies the miss by r. Where the float run's miss differs from it, float
    rounding made the difference: alpha 0.0001 and input 100 give r = 1 - 0.0001 x 100^2 = 0,
    so the first step lands by hand, and a miss of 4.9e-15 after it is rounding's, not a
    gap r shrinks."""
    n = len(problem.inputs)
    inputs = [as_written(x) for x in problem.inputs]
    start = sum(x * as_written(w) for x, w in zip(inputs, problem.weights[:n])) - as_written(problem.goals[0])
    r = 1 - as_written(problem.alpha) * sum(x * x for j, x in enumerate(inputs) if problem.learns(j))

    def decimal(value: Fraction) -> Decimal:
        return BY_HAND.divide(Decimal(value.numerator), Decimal(value.denominator))

    factor = Decimal(1) if steps == 0 else BY_HAND.power(decimal(r), steps)  # 0 ** 0 is no number to Decimal
    return BY_HAND.multiply(decimal(start), factor)


def r_factor(problem: Problem) -> float:
    """The factor r = 1 - alpha * |input|^2 that each gradient-descent step multiplies the miss by."""
    with np.errstate(all="ignore"):
        return float(1.0 - np.float64(problem.alpha) * sum_of_squares(problem))


def gradient_regime(problem: Problem) -> Regime:
    """The regime gradient descent is in with this alpha and these inputs."""
    scale = problem.alpha * sum_of_squares(problem)  # alpha * |x|^2 = 1 - r
    if not any(x for j, x in enumerate(problem.inputs) if problem.learns(j)):  # the inputs of row 0 that learn
        return Regime.NO_SIGNAL
    if scale == 0:  # inputs so small that their squares (or times alpha) underflow: r is just below 1
        return Regime.SMOOTH
    if math.isclose(scale, 1.0, rel_tol=1e-12):
        return Regime.ONE_STEP
    if math.isclose(scale, 2.0, rel_tol=1e-12):
        return Regime.BOUNCING
    if scale < 1:
        return Regime.SMOOTH
    if scale < 2:
        return Regime.OVERSHOOTING
    return Regime.DIVERGING


def run_diverges(problem: Problem) -> bool:
    """Whether gradient descent's error grows without end from this start: some output's
    row has r < -1 and a miss for it to grow (on its goal exactly, r x 0 stays 0). Of the
    whole run, whichever output a panel follows: lesson 9 with input 5 followed output 2,
    on its goal, and said nothing of an error sum grown to 2.8823e+22 in 60 steps."""
    if problem.method in (HOT_COLD, MEASURE):
        return False
    rows = [problem.output_problem(output) for output in range(problem.outputs)] if problem.outputs > 1 else [problem]
    return any(gradient_regime(row) is Regime.DIVERGING and not starts_on_goal(row) for row in rows)


def best_alpha(problem: Problem) -> float | None:
    """1 / |input|^2, the alpha that makes r = 0 and lands in one step (None: inputs all 0)."""
    squares = sum_of_squares(problem)
    return 1.0 / squares if squares > 0 else None  # float division gives inf, never raises


def largest_stable_alpha(problem: Problem) -> float | None:
    """2 / |input|^2: any alpha below it converges, at it the run bounces forever."""
    squares = sum_of_squares(problem)
    return 2.0 / squares if squares > 0 else None


def gradient_steps_to(problem: Problem, error: float, tolerance: float = TOLERANCE) -> int | None:
    """Steps of gradient descent until the error falls below `tolerance`; None: never.

    The error after k steps is error * r^(2k); the count is the smallest such k. Float
    rounding puts a floor near 1e-32 under real runs, so a tolerance below that is optimistic.
    """
    if not (math.isfinite(error) and tolerance > 0):
        return None
    if error < tolerance:
        return 0
    regime = gradient_regime(problem)
    if regime in (Regime.NO_SIGNAL, Regime.BOUNCING, Regime.DIVERGING):
        return None
    if regime is Regime.ONE_STEP:
        return 1
    r = r_factor(problem)
    factor = r * r  # how much of the error each step keeps
    if not 0 < factor < 1:  # r rounds to 1 when alpha*|x|^2 is below float precision
        return None
    # A difference of logarithms: tolerance / error can underflow to 0 (a far start, a tiny tolerance).
    steps = max(1, math.ceil((math.log(tolerance) - math.log(error)) / math.log(factor)))
    if tolerance / error < sys.float_info.min:  # the products below would be subnormal, flat for
        return steps  # trillions of steps: the logarithms' count is as exact as it gets
    while error * factor**steps >= tolerance:  # repair the logarithm's rounding either way
        steps += 1
    while steps > 1 and error * factor ** (steps - 1) < tolerance:
        steps -= 1
    return steps


HOT_COLD_FORESIGHT = 10_000  # steps of hot and cold run ahead to see where it ends; beyond, by arithmetic


@dataclass(repr=False, frozen=True)
class Arrival(Record):
    """Where a run of hot and cold ends up, and when it gets there."""

    regime: Regime  # LANDED, STUCK_BOUNCING, NO_SIGNAL, or DIVERGING (a probe's error overflows)
    at: int | None  # the iteration from which it stays (landed) or bounces; None: never (no signal, diverging)


@functools.lru_cache(maxsize=64)
def hot_cold_arrival(problem: Problem) -> Arrival:
    """Where hot and cold ends up from the problem's start: on the goal (both probes tie,
    it stays), or bouncing between two weights around it; and from which iteration.

    The run is taken ahead, step by step, as far as the goal and a little past, since
    whether a fixed step lands is decided by float rounding as much as by arithmetic (0.1
    fifteen times from 0.5 does not quite make -1), and so is the iteration where it starts
    to bounce: the count down to it is then one less at every step, never jumping. Too far
    to run, both are worked out from the distance in steps.
    """
    if problem.inputs[0] == 0:
        return Arrival(Regime.NO_SIGNAL, None)
    inputs, weights = as_arrays(problem.inputs), as_arrays(problem.weights[:1])
    first = hot_cold_step(weights, inputs, problem.goals[0], problem.step_amount, 0)
    if not math.isfinite(first.up_error + first.down_error):  # a probe a step away overflows: the two
        return Arrival(Regime.DIVERGING, None)  # "tie" at infinity, which is no landing; it ends at once
    distance = abs(problem.weights[0] - problem.goals[0] / problem.inputs[0]) / problem.step_amount
    if not math.isfinite(distance) or distance > HOT_COLD_FORESIGHT:
        whole = math.isfinite(distance) and distance.is_integer()
        at = math.ceil(distance - 0.5) if math.isfinite(distance) else None
        return Arrival(Regime.LANDED if whole else Regime.STUCK_BOUNCING, at)
    moves: list[int] = []
    errors: list[float] = []
    turned: int | None = None
    for iteration in range(math.ceil(distance) + 3):
        step = hot_cold_step(weights, inputs, problem.goals[0], problem.step_amount, iteration)
        if step.move == 0:  # landed, perhaps after rounding carried it a step past and back
            return Arrival(Regime.LANDED, iteration)
        if turned is None and moves and step.move == -moves[-1]:
            turned = iteration - 1  # the last two weights are the pair it bounces between, unless it lands
        moves.append(step.move)
        errors.append(float(step.error))
        weights = step.weights_after
    if turned is None:
        return Arrival(Regime.STUCK_BOUNCING, len(moves))
    # Of the pair it bounces between, the nearer may be the second it reaches: the count
    # goes to that one (where the error is least), to the first if they tie (a goal half
    # way between, which float rounding alone would otherwise split).
    later, sooner = errors[turned + 1], errors[turned]
    nearer_later = later < sooner and not math.isclose(later, sooner, rel_tol=WHOLE)
    return Arrival(Regime.STUCK_BOUNCING, turned + 1 if nearer_later else turned)


def hot_cold_steps_to_goal(problem: Problem, iteration: int) -> int | None:
    """Steps of hot and cold from `iteration` until it is on the goal or bounces around it
    (0: it is there); None: never."""
    at = hot_cold_arrival(problem).at
    return None if at is None else max(0, at - iteration)


WHOLE = 1e-9  # a count of steps this close (relative) to a whole number is whole but for rounding


def hot_cold_whole_steps(problem: Problem) -> int | None:
    """How many steps of step_amount the start is from the goal weight, if a whole number
    (None: not whole, or no goal weight). Hot and cold moves exactly one step each time, so
    only then can it land, in exact arithmetic; float rounding may still push it off."""
    if problem.inputs[0] == 0:
        return None
    steps = abs(problem.weights[0] - problem.goals[0] / problem.inputs[0]) / problem.step_amount
    if not math.isfinite(steps):
        return None
    whole = round(steps)
    return whole if abs(steps - whole) <= WHOLE * max(1.0, steps) else None


def regime(problem: Problem) -> Regime:
    """What the problem's own rule will do from its start."""
    if problem.method == HOT_COLD:
        return hot_cold_arrival(problem).regime
    if problem.method == MEASURE:
        return Regime.MEASURING
    return gradient_regime(problem)


@dataclass(repr=False, frozen=True)
class Readout(Record):
    """Everything the convergence panel shows for the current parameters."""

    r: float
    regime: Regime  # for the problem's own rule
    best_alpha: float | None
    largest_stable_alpha: float | None
    tolerance: float  # what gradient descent's step counts count down to
    steps_to_go: int | None  # by the problem's own rule; None: never
    gradient_steps: int | None  # gradient descent's count to the same tolerance, whatever the rule


def read_out(problem: Problem, iteration: int, error: float) -> Readout:
    """The readout for a run of `problem` at `iteration`, where its error is `error`."""
    # Gradient descent's count is the one its own panel gives, to TOLERANCE, also where hot and
    # cold's panel compares with it: counted there to hot and cold's nearness, it said "5 more
    # steps" where gradient descent's panel had just said 11.
    gradient_steps = gradient_steps_to(problem, error, TOLERANCE)
    if problem.method == HOT_COLD:
        steps_to_go = hot_cold_steps_to_goal(problem, iteration)
    else:
        steps_to_go = None if problem.method == MEASURE else gradient_steps
    return Readout(
        r=r_factor(problem),
        regime=regime(problem),
        best_alpha=best_alpha(problem),
        largest_stable_alpha=largest_stable_alpha(problem),
        tolerance=TOLERANCE,
        steps_to_go=steps_to_go,
        gradient_steps=gradient_steps,
    )
