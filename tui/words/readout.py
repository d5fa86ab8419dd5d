"""The convergence readout under the parameters: why the run will converge or not.

For gradient descent: r with its formula filled in, what r says in plain words, the best
alpha and the largest that converges, and the steps still to go. For hot and cold: what
it has cost in predictions, and what getting to the goal costs it and gradient descent.
A teacher's lesson may hide the forecast (r and where it leads) or the analysis (the
alphas and the steps to go), for the students to work them out.
"""

from __future__ import annotations

import numpy as np

from ...core import analysis
from ...core.analysis import Regime
from ...core.courses import TAUGHT_IN
from ...core.history import History
from ...core.numbers import decimal, readable
from ...core.problem import GRADIENT_DESCENT, HOT_COLD, MEASURE, Problem
from ...core.rules import PREDICTIONS_PER_STEP, as_arrays, predict_rows
from .figures import no_signal_suffix, r_formula, r_shown
from .say import say


def readout_lines(history: History, language: str, hidden: tuple[str, ...] = (), output: int = 0,
                  taught: frozenset[str] = frozenset(TAUGHT_IN)) -> list[str]:
    """The readout, a line each; the first is the headline (r, or where the rule ends up).
    `hidden` holds what the lesson keeps from the student: "forecast", "analysis". With
    several outputs whose rows learn at different rates (weights frozen in some rows), it
    speaks of output `output`, the one the chart follows, and names it (r2 = ...). What
    `taught` lacks (core/courses.TAUGHT_IN: a lesson before the one that teaches it) is left
    out: the best alpha and the edge, and hot and cold's comparison with gradient descent."""
    problem, name, error = _followed(history, language, output)
    readout = analysis.read_out(problem, history.iteration, error)
    regime = regime_label(problem, history.iteration, language)
    if name != "r" and problem.method == GRADIENT_DESCENT and analysis.gradient_regime(problem) is Regime.NO_SIGNAL \
            and no_signal_suffix(problem) == ".frozen":  # one output's row frozen, not every weight
        regime = say(language, "regime.no-signal.frozen_output", output=output + 1)
    elif problem is not history.problem and problem.method == GRADIENT_DESCENT and analysis.starts_on_goal(problem):
        regime = on_goal_label(history.problem, language, output, name)
    elif readout.regime is Regime.DIVERGING and problem.method == GRADIENT_DESCENT and 0 < error < readout.tolerance:
        regime = say(language, "regime.diverging.near")  # "diverges" beside error 1.2e-32 read false, until it grew
    regime = run_first(history, problem, regime, language)
    if problem.method == MEASURE:  # the figures above are what space measures, and the way on comes after it
        return [regime, say(language, "next_lesson" if history.iteration else "measure.gives")]
    forecast = [] if "forecast" in hidden else [regime]
    if problem.method == HOT_COLD:
        costs = _hot_cold_costs(history, readout, language, "gradient" in taught)
        return forecast + (costs[:1] if "analysis" in hidden else costs)
    lines = [] if "forecast" in hidden else [f"{name} = {r_formula(problem, language)}", regime]
    if "analysis" in hidden:
        return lines
    # The best alpha and the edge are named from the lesson that teaches them (lesson 6): in
    # lesson 2 after m, "best alpha 1; edge 2" came before gradient descent itself.
    if "alphas" in taught and readout.best_alpha is not None and readout.largest_stable_alpha is not None:
        lines.append(say(language, "alphas", best=readable(readout.best_alpha),
                         stable=readable(readout.largest_stable_alpha)))
    # Of one output where the readout follows it: "error already below" read as of the error
    # sum beside it (a Chinese walk, lesson 9 with output 1 started on its goal).
    whose = say(language, "to_go.output", output=output + 1) if problem is not history.problem \
        else say(language, "to_go.error")
    if error == 0:
        lines.append(say(language, "exactly_zero", error=whose))
    elif _next_lands(history, output if problem is not history.problem else None):
        lines.append(say(language, "lands_next", error=whose))
    elif readout.regime is Regime.DIVERGING and error < readout.tolerance:
        lines.append(say(language, "below_tolerance.growing", tolerance=decimal(readout.tolerance), error=whose))
    else:
        lines.append(_steps_to_go(readout.steps_to_go, decimal(readout.tolerance), whose, language))
    return lines


def _next_lands(history: History, output: int | None) -> bool:
    """Whether the next step makes the error (of output `output`, or of every output)
    exactly 0: lesson 3 at r = 0 said "1 more step to error < 0.000001" of a step that
    lands on the goal. Read from the step's own weights, computed ahead, not from r: at
    r = 0 float rounding may still leave a hair."""
    if not history.can_step:
        return False
    weights = history.trajectory.weights(history.iteration + 1)[-1].reshape(history.problem.shape)
    misses = predict_rows(weights, history.trajectory.inputs) - as_arrays(history.problem.goals)
    return bool(np.all(misses == 0) if output is None else misses[output] == 0)


def _followed(history: History, language: str, output: int) -> tuple[Problem, str, float]:
    """The problem the readout speaks of, r's name there and its error now: the whole run's,
    or with several outputs whose verdicts differ, output `output`'s. r is named for its
    output (r2) only where the rows learn at different rates: where one output merely starts
    on its goal, every output shares one r, and naming it r1 beside another output's r read
    as two different factors (a Chinese walk, lesson 9)."""
    problem = history.problem
    if problem.outputs > 1 and _outputs_differ(problem, history.iteration, output, language):
        miss = float(np.ravel(history.prediction)[output]) - problem.goals[output]
        name = f"r{output + 1}" if _rates_differ(problem) else "r"
        return problem.output_problem(output), name, miss * miss  # one output now
    return problem, "r", float(history.error)


def _rates_differ(problem: Problem) -> bool:
    """Whether the outputs' rows learn at different rates (weights frozen in some rows)."""
    return len({analysis.sum_of_squares(problem, row) for row in range(problem.outputs)}) > 1


R_VERDICTS = (Regime.SMOOTH, Regime.ONE_STEP, Regime.OVERSHOOTING, Regime.BOUNCING, Regime.DIVERGING)


def r_verdict(history: History, language: str, output: int = 0) -> str | None:
    """r's figure and its verdict in one line ("r1 = 0.98137: converges, same side"), for a
    panel with a row for the verdict and none for r's formula: lessons 9 and 10 with a weight
    frozen showed "0 < r < 1: converges" and no r. None where the verdict is not r's."""
    problem, name, _ = _followed(history, language, output)
    regime = analysis.gradient_regime(problem) if problem.method == GRADIENT_DESCENT else None
    if regime not in R_VERDICTS or analysis.starts_on_goal(problem):
        return None
    return run_first(history, problem, say(language, "regime.r_is", name=name, r=r_shown(problem),
                                           verdict=say(language, f"verdict.{regime.value}")), language)


def run_first(history: History, problem: Problem, headline: str, language: str) -> str:
    """`headline`, of output-alone `problem`, after the words that the whole run diverges
    where it does and that output's own headline does not say so: lesson 9 with input 5
    followed output 2, on its goal, and said only "output 2 starts on goal: r x 0 = 0"
    beside an error sum of 2.8823e+22."""
    if problem is history.problem or not analysis.run_diverges(history.problem) or analysis.run_diverges(problem):
        return headline
    return say(language, "run.diverges.first", diverges=say(language, "run.diverges"), headline=headline)


def on_goal_label(problem: Problem, language: str, output: int | None = None, name: str = "r") -> str:
    """The headline of a start on the goal, said one way in every lesson (lessons 3 and 5,
    9 and 10 said it three ways): of the one output, of output `output + 1` where only it
    starts there (its r named `name`), or of every output, where every one does (lesson
    10 with a weight frozen said "output 1 starts on goal" of three outputs all on it)."""
    if problem.outputs == 1:
        who = say(language, "on_goal.start")
    elif analysis.starts_on_goal(problem):
        who, name = say(language, "on_goal.every"), "r"  # each output's own r, each x 0
    else:
        who = say(language, "on_goal.output", output=(output or 0) + 1)
    return say(language, "regime.on_goal", who=who, name=name)


def _outputs_differ(problem: Problem, iteration: int, output: int, language: str) -> bool:
    """Whether output `output`'s verdict is not every output's: its row learns at another
    rate (weights frozen in some rows), or it starts on its goal where the others do not."""
    if analysis.starts_on_goal(problem):  # every output on its goal: one verdict, of them all
        return _rates_differ(problem)
    own = regime_label(problem.output_problem(min(output, problem.outputs - 1)), iteration, language)
    return _rates_differ(problem) or own != regime_label(problem, iteration, language)


def regime_label(problem: Problem, iteration: int, language: str) -> str:
    """Where the run ends up, as the panel's headline says it at `iteration`. Hot and cold's
    ending is not told before the run gets there, only its rule: every step moves a whole
    step (the student is to find out whether that lands). There it lands (up and down tie),
    or bounces: around a goal between two steps, or at a goal a whole number of steps
    away, which it reaches and must step off again (every step moves), float rounding
    deciding which side."""
    regime = analysis.regime(problem)
    key = "regime." + regime.value
    arrival = analysis.hot_cold_arrival(problem) if problem.method == HOT_COLD else None
    if arrival is not None and regime in (Regime.LANDED, Regime.STUCK_BOUNCING):
        if arrival.at is None or iteration < arrival.at:
            key = "regime.hot-cold.moving"
        elif regime is Regime.STUCK_BOUNCING and analysis.hot_cold_whole_steps(problem) is not None:
            key = "regime.stuck-bouncing.rounding"
    elif regime is Regime.DIVERGING and problem.method == HOT_COLD:
        key = "regime.diverging.hot-cold"
    elif regime is Regime.NO_SIGNAL:
        key += no_signal_suffix(problem)
    elif problem.method == GRADIENT_DESCENT and analysis.starts_on_goal(problem):  # nothing grows from 0
        return on_goal_label(problem, language)
    return say(language, key, step=readable(problem.step_amount))


def _steps_to_go(steps: int | None, tolerance: str, whose: str, language: str) -> str:
    """How many steps until `whose` error ("error", "error 2") is below `tolerance`."""
    if steps is None:
        return say(language, "never", tolerance=tolerance, error=whose)
    key = {0: "below_tolerance", 1: "step_to_go"}.get(steps, "steps_to_go")
    return say(language, key, steps=steps, tolerance=tolerance, error=whose)


def _hot_cold_costs(history: History, readout: analysis.Readout, language: str, gradient: bool) -> list[str]:
    """What hot and cold has paid, and what the goal costs it and (once `gradient` descent
    is taught) gradient descent."""
    per_step = PREDICTIONS_PER_STEP[HOT_COLD]
    lines = [say(language, "cost", made=history.predictions_made, per=per_step)]
    if readout.regime is Regime.NO_SIGNAL or readout.steps_to_go is None:
        return lines
    if readout.steps_to_go == 0:
        return lines + [say(language, "at_goal" if history.error == 0 else "at_goal_region")]
    # A goal between two steps is never reached: the count is to the weight nearest it, from
    # where it bounces, and says so ("7 more steps x 3 predictions = 21" beside a goal the
    # lesson puts 7.5 steps away read as a promise that it arrives).
    between = readout.regime is Regime.STUCK_BOUNCING and analysis.hot_cold_whole_steps(history.problem) is None
    lines.append(say(language, "hot_cold_to_goal.between" if between else "hot_cold_to_goal",
                     steps=_steps(readout.steps_to_go, language), per=per_step, cost=per_step * readout.steps_to_go))
    if gradient and readout.gradient_steps is not None:
        per_gd = PREDICTIONS_PER_STEP[GRADIENT_DESCENT]
        steps = readout.gradient_steps  # "11 steps": "11 more steps x 1 = 11" was wider than the panel
        lines.append(say(language, "gd_to_goal", steps=say(language, "count.step" if steps == 1 else "count.steps",
                                                            steps=steps), per=per_gd, cost=per_gd * steps))
    return lines


def _steps(count: int, language: str) -> str:
    """ "1 more step", "15 more steps": the unit a cost's first factor counts, so "1 x 1 = 1"
    reads as steps times predictions a step, and "more" because it counts from the weight
    now, not from the start (a Chinese walk read "15 步", then "10 步", as a total)."""
    return say(language, "count.more_step" if count == 1 else "count.more_steps", steps=count)
