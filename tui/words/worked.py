"""The last step's arithmetic, with the numbers filled in.

Seeing `weight = 0.5 - 0.1 x 0.4 = 0.46` once is worth a page of prose: every figure is
the one the learner just used, to 6 significant digits, in the spec's order.
"""

from ...core import analysis
from ...core.analysis import Regime
from ...core.history import History
from ...core.numbers import readable
from ...core.problem import HOT_COLD, MEASURE
from ...core.rules import GradientStep, HotColdStep, MeasureStep
from .say import say


def number(value: float) -> str:
    """A readable number, in parentheses when negative so `0.5 - -0.4` reads `0.5 - (-0.4)`."""
    return _parenthesised(readable(value))


def telling_digits(a: float, b: float) -> int:
    """How many significant digits tell `a` from `b` (6 when that already does).

    Hot and cold's probes near the goal differ in the 16th digit; showing them as equal
    would make its choice look arbitrary, so they get the digits that show why.
    """
    for digits in range(6, 18):
        if a == b or readable(a, digits) != readable(b, digits):
            return digits
    return 17


def distinct(a: float, b: float) -> tuple[str, str]:
    """`a` and `b` written with the digits that tell them apart."""
    digits = telling_digits(a, b)
    return readable(a, digits), readable(b, digits)


def vector(values) -> str:
    return "[" + ", ".join(readable(v) for v in values) + "]"


def worked_step(history: History, language: str) -> list[str]:
    """The lines that work the last step out; empty before the first step."""
    if history.iteration == 0:
        return []
    step = history.record(history.iteration - 1)
    digits = telling_digits(step.prediction, history.problem.goal)
    prediction, goal = readable(step.prediction, digits), readable(history.problem.goal, digits)
    lines = [_prediction_line(history, step, digits, language),
             say(language, "worked.error", prediction=prediction, goal=_parenthesised(goal), value=readable(step.error))]
    if isinstance(step, HotColdStep):
        return lines + _hot_cold_lines(history, step, language)
    if isinstance(step, MeasureStep):
        return lines + [say(language, "measured", weight=vector(step.weights) if history.problem.size > 1
                              else readable(step.weights[0]))]
    return lines + _gradient_lines(history, step, language)


def _parenthesised(text: str) -> str:
    return f"({text})" if text.startswith("-") else text


def _prediction_line(history: History, step, digits: int, language: str) -> str:
    """The prediction worked out, weights to as many digits as the prediction needs."""
    times = say(language, "sign.times")
    terms = " + ".join(f"{number(x)}{times}{_parenthesised(readable(w, digits))}"
                       for x, w in zip(history.problem.inputs, step.weights))
    return say(language, "worked.prediction", iteration=step.iteration, terms=terms,
               value=readable(step.prediction, digits))


def _gradient_lines(history: History, step: GradientStep, language: str) -> list[str]:
    goal, alpha = history.problem.goal, history.problem.alpha
    delta = say(language, "worked.delta", prediction=readable(step.prediction), goal=number(goal),
                value=readable(step.delta))
    if history.problem.size == 1:
        return [
            delta,
            say(language, "worked.weight_delta", delta=number(step.delta), input=number(history.problem.inputs[0]),
                value=readable(step.weight_delta[0])),
            say(language, "worked.weight", weight=readable(step.weights[0]), alpha=readable(alpha),
                weight_delta=number(step.weight_delta[0]), value=readable(step.weights_after[0])),
        ]
    return [
        delta,
        say(language, "worked.weight_delta", delta=number(step.delta), input=vector(history.problem.inputs),
            value=vector(step.weight_delta)),
        say(language, "worked.weights", weights=vector(step.weights), alpha=readable(alpha),
            value=vector(step.weights_after)),
    ]


def _hot_cold_lines(history: History, step: HotColdStep, language: str) -> list[str]:
    amount = history.problem.step_amount
    weight = float(step.weights[0])
    up, down = distinct(step.up_error, step.down_error)
    values = {"weight": readable(weight), "step": readable(amount), "up": up, "down": down,
              "after": readable(step.weights_after[0])}
    outcome = {-1: "moved_down", 1: "moved_up", 0: "tied"}[step.move]
    return [
        say(language, "probe_up", probe=readable(weight + amount), error=values["up"], **values),
        say(language, "probe_down", probe=readable(weight - amount), error=values["down"], **values),
        say(language, outcome, **values),
    ]


def convergence_lines(history: History, language: str) -> list[str]:
    """The regime in words with r, then the alphas and the steps still to go.

    For hot and cold: where it ends up, what it has cost, and what gradient descent would
    have cost to get as close.
    """
    problem = history.problem
    readout = analysis.read_out(problem, history.weights, history.error)
    regime = say(language, "regime." + readout.regime.value)
    if problem.method == MEASURE:
        return [regime, say(language, "next_lesson")]
    if problem.method == HOT_COLD:
        lines = [regime, say(language, "cost", made=history.predictions_made)]
        if readout.regime is Regime.STUCK_BOUNCING and readout.steps_to_go == 0:
            lines.append(say(language, "hot_cold_bouncing"))
        elif readout.steps_to_go is not None and readout.regime is not Regime.NO_SIGNAL:
            gd = "-" if readout.gradient_steps is None else str(readout.gradient_steps)
            lines.append(say(language, "hot_cold_vs_gd", steps=readout.steps_to_go,
                               cost=3 * readout.steps_to_go, gd=gd))
        return lines
    lines = [f"r = {readable(readout.r)}: {regime}"]
    if readout.best_alpha is not None:
        lines.append(say(language, "alphas", best=readable(readout.best_alpha, 3),
                           stable=readable(readout.largest_stable_alpha, 3)))
    tolerance = readable(readout.tolerance, 2)
    if readout.steps_to_go is None:
        lines.append(say(language, "never", tolerance=tolerance))
    else:
        key = {0: "below_tolerance", 1: "step_to_go"}.get(readout.steps_to_go, "steps_to_go")
        lines.append(say(language, key, steps=readout.steps_to_go, tolerance=tolerance))
    return lines
