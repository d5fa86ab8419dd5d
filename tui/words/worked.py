"""The last step's arithmetic, with the numbers filled in.

Seeing `weight = 0.5 - 0.1 x 0.4 = 0.46` once is worth a page of prose: every figure is
the one the learner just used, in the spec's order, to as many significant digits as the log
beside it. Where two figures that matter look equal at those digits but are not (a
prediction a rounding error away from the goal, hot and cold's probes near it), a line
says so instead of showing 17 digits: float rounding decided, and f shows every digit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from functools import partial

import numpy as np

from ...core import analysis
from ...core.history import History
from ...core.landmarks import TIE
from ...core.numbers import readable
from ...core.problem import MEASURE, Problem
from ...core.rules import GradientStep, HotColdStep, MeasureStep, OutputsStep, as_arrays, output_record, predict
from .figures import adds_up, carried, number, r_value, vector, written
from .say import say
from .wrap import Equation

ROUNDING_DUST = 1e-9  # a weight this small beside the step is 0 but for float rounding
ROUNDING_ULPS = 4  # a prediction this many float spacings from the goal is off by rounding alone
R_SHARE_DIGITS = 2  # a miss that agrees with the one by hand to this many digits is r's, its last digits rounding's
FIRST_STEPS = 3  # hot and cold's first steps say why each costs several predictions


def worked_step(history: History, language: str, output: int | None = 0) -> list[str]:
    """The lines that work the last step out; empty before the first step. With several
    outputs, output `output`'s share is worked out (as if it were alone; None: each
    output's in turn, for line mode), then the sum of the errors that the log shows."""
    if history.iteration == 0:
        return []
    first = 0 if history.problem.outputs == 1 else 1  # the prediction, under an output's heading
    return _e_notation_said(_about_noted(_worked_lines(history, language, output), language, first), language)


def _worked_lines(history: History, language: str, output: int | None) -> list[str]:
    step = history.record(history.iteration - 1)
    if not isinstance(step, OutputsStep):
        return _worked(history.problem, step, language)
    problem = history.problem
    lines = []
    for shown in range(problem.outputs) if output is None else [min(output, problem.outputs - 1)]:
        heading = "worked.output" if output is not None else "worked.output_each"  # no keys to choose in line mode
        lines.append(say(language, heading, iteration=step.iteration, next=step.iteration + 1, output=shown + 1,
                         outputs=problem.outputs))
        lines += _worked(problem.output_problem(shown), output_record(step, shown), language, row=shown)
    errors = " + ".join(readable(e) for e in step.errors)
    equals = _sign(_sum_adds_up(step), language)
    return lines + [Equation(say(language, "worked.error_sum", errors=errors, value=readable(step.error), equals=equals))]


def _about_noted(lines: list[str], language: str, first: int) -> list[str]:
    """`lines` with what the approximately sign means directly under the first line marked
    with it, and only where a line is: above that line, under the step's prediction, it
    stood beside a plain "10 x 14700.5 = 147005" and lesson 5's readers searched two pages
    on for the "~=" it explained. The pager fills each page to its foot, so a note a row
    away from its line is read with it. Where a note under the error line says the
    prediction misses by a hair ("(0.1 - 0.1)^2 ~= 7.6e-18" is no last digit), that note
    says it: rounding, and f; a second would push the step's own lines off the page. One
    note says it for every line so marked. (`first` is the prediction's line.)"""
    about = say(language, "sign.about").strip()
    marked = next((index for index, line in enumerate(lines) if about in line and not _is_note(line)), None)
    if marked is None:
        return lines
    if first + 2 < len(lines) and _is_note(lines[first + 2]):
        return lines  # a hair's miss, said under the error line, already says rounding and f
    return [*lines[:marked + 1], say(language, "worked.shown_digits"), *lines[marked + 1:]]


def _is_note(line: str) -> bool:
    return line[:1] in "(（"


E_FIGURE = re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?)e([+-]\d+)(?![\w.])")  # 1e+06, 2.7756e-17


def _e_notation_said(lines: list[str], language: str) -> list[str]:
    """`lines` with what e-notation means under the first line that writes a figure in it:
    lesson 1 with input 10000 wrote "8.0982e+07" in its worked step, and only the chart's
    caption (about its own labels) said what such a figure means. Where a note already
    speaks of a tiny figure (rounding dust, a hair's miss: "2.8e-17 is 0 but for float
    rounding"), only a large one is explained: the note says what the tiny one is."""
    noted = any(line[:1] in "(（" and E_FIGURE.search(line) for line in lines)
    for index, line in enumerate(lines):
        found = next((figure for figure in E_FIGURE.finditer(line)
                      if not (noted and figure[2].startswith("-"))), None)
        if found:
            # The mantissa keeps the figure's sign: "-1.2941e+06 means 1.2941 x 10^6" was untrue.
            mantissa, exponent = found[1], int(found[2])
            way = "worked.e_notation.right" if exponent > 0 else "worked.e_notation.left"
            note = say(language, "worked.e_notation", label=found[0], mantissa=mantissa, exponent=exponent,
                       places=abs(exponent), way=say(language, way))
            below = index + 1 + (lines[index + 1:index + 2] == [say(language, "worked.shown_digits")])
            return [*lines[:below], note, *lines[below:]]  # what ~= means stays directly under its line
    return lines


def says_every_digit(history: History, output: int = 0) -> bool:
    """Whether the worked step says float rounding decides what its figures show, and that f
    shows every digit (the key bar then offers f): a prediction a hair from the goal, or
    figures that do not add up at the digits shown. The conditions are _worked's."""
    if history.iteration == 0:
        return False
    problem, step = history.problem, history.record(history.iteration - 1)
    if isinstance(step, OutputsStep):
        if not _sum_adds_up(step):
            return True
        shown = min(output, problem.outputs - 1)
        problem, step = problem.output_problem(shown), output_record(step, shown)
    # Only where a line is marked ~=: a result merely rounded (0.17015625 shown 0.17016) adds
    # up at the digits shown, and f on the bar would push off t and p.
    return _looks_equal(step.prediction, problem.goals[0]) or not all(_adding_up(problem, step))


def _worked(problem: Problem, step, language: str, row: int | None = None) -> list[str]:
    goal = problem.goals[0]  # one output: several are worked by their own lines
    # An output's own error is named as the log's column and the chart name it (误差 1), apart
    # from the sum: "误差 =" under output 1 read as the error the other panels call 误差和.
    error = "worked.error" if row is None else "worked.output_error"
    sums = _adding_up(problem, step)  # each line's "=" or "~="
    lines = [_prediction_line(problem, step, language, _sign(sums[0], language), headed=row is not None),
             Equation(say(language, error, prediction=readable(step.prediction), goal=number(goal),
                          value=readable(step.error), output=None if row is None else row + 1,
                          equals=_sign(sums[1], language)))]
    if _looks_equal(step.prediction, goal):
        key = "worked.rounding" if rounding_miss(problem, step) else "worked.not_yet"
        if key == "worked.rounding" and row is None and _rounding_keeps(problem, step):
            key = "worked.rounding_kept"
        elif key == "worked.rounding" and _rounding_grown(problem, step):
            key = "worked.rounding_grown"
        lines.append(say(language, key, goal=readable(goal), error=readable(step.error),
                         miss=readable(step.prediction - goal), r=carried(r_value(problem))))
    if isinstance(step, HotColdStep):
        return _with_dust_note(lines + _hot_cold_lines(problem, step, language), problem, step, language)
    if isinstance(step, MeasureStep):
        weights = vector(step.weights, language) if problem.size > 1 else readable(step.weights[0])
        return lines + [say(language, "measured", weight=weights)]
    return lines + _gradient_lines(problem, step, language, sums, row)


def error_worked(problem: Problem, step, language: str) -> str:
    """The error's line as the worked step writes it ("error = (-0.9 - (-1))^2 = 0.01"), for
    the verdict on a wrong guess at the error: lesson 1's "you were off by 0.09" beside a
    guess of 0.1 (the miss, not squared) said nothing of how the figure is worked out."""
    return say(language, "worked.error", prediction=readable(step.prediction), goal=number(problem.goals[0]),
               value=readable(step.error), equals=_sign(_adding_up(problem, step)[1], language))


def _looks_equal(a: float, b: float) -> bool:
    """Equal as shown, yet not equal: a difference only rounding made."""
    return a != b and readable(a) == readable(b)


def rounding_miss(problem: Problem, step) -> bool:
    """Whether the prediction misses the goal by float rounding: within a few float spacings
    of the larger of the goal and the prediction's terms, or (gradient descent) not the miss
    the figures as written give by hand at the digits the sentence shows. A miss of 2.3e-11
    beside a goal of -0.8 is the rule still closing in (delta shrinks by r each step), not
    rounding, though both read "-0.8" at the digits shown; but with r = 1 - 0.0001 x 100^2 = 0
    a miss of -4.9e-15 after the first step is rounding's, as by hand it landed."""
    miss = step.prediction - problem.goals[0]
    terms = np.abs(np.asarray(problem.inputs) * np.asarray(step.weights, dtype=float))
    scale = max(abs(problem.goals[0]), float(np.sum(terms)))
    if abs(miss) <= ROUNDING_ULPS * np.spacing(scale):
        return True
    if not isinstance(step, GradientStep):
        return False
    by_hand = float(analysis.miss_by_hand(problem, step.iteration))
    return readable(by_hand, R_SHARE_DIGITS) != readable(miss, R_SHARE_DIGITS)


def _rounding_grown(problem: Problem, step) -> bool:
    """Whether this gradient step's miss is a rounding hair at the start that |r| > 1 has
    multiplied past a hair: lesson 10's output 2, a hair off its goal, read "float rounding
    leaves an error of 1.2189e-20" beside a delta of -1.104e-10, three steps into r = -99.7."""
    if not isinstance(step, GradientStep) or r_value(problem) ** 2 <= 1 or not analysis.rounding_misses(problem)[0]:
        return False
    return not analysis.rounding_hair(step.prediction - problem.goals[0], problem.goals[0], step.weights,
                                      as_arrays(problem.inputs))


def _rounding_keeps(problem: Problem, step) -> bool:
    """Whether this gradient step leaves a rounding hair's miss exactly as it was, where r
    says a miss shrinks: lesson 8 on its goal showed error 1.2326e-32 a step unchanged
    beside "r multiplies even that each step". The weights moved by a hair too small to
    change the prediction's sum."""
    if not isinstance(step, GradientStep) or r_value(problem) ** 2 >= 1:
        return False
    return bool(predict(np.asarray(step.weights_after), as_arrays(problem.inputs)) == step.prediction)


def _adding_up(problem: Problem, step: GradientStep | HotColdStep | MeasureStep) -> list[bool]:
    """Whether each line, worked by hand from its figures as written, gives its result as
    written, to the digits that shows (figures.adds_up): the prediction, the error, and for
    gradient descent delta, weight_delta and the weight (every element of a list). A line
    that does not is marked ~=: lesson 3 with input 100 wrote "183502 - 0.8 = 183500.8",
    where by hand it is 183501.2, beside a note that claimed five digits."""
    inputs, goal = [float(x) for x in problem.inputs], problem.goals[0]
    lines = [_sums(lambda: sum((written(x) * written(w) for x, w in zip(inputs, step.weights)), Fraction(0)),
                   step.prediction),
             _sums(lambda: (written(step.prediction) - written(goal)) ** 2, step.error)]
    if not isinstance(step, GradientStep):
        return lines
    delta, indices = float(step.delta), range(problem.size)
    weights, weight_delta, after = ([float(v) for v in np.ravel(values)]
                                    for values in (step.weights, step.weight_delta, step.weights_after))

    def weight_delta_of(j: int) -> Fraction:
        return written(delta) * written(inputs[j]) if problem.learns(j) else Fraction(0)

    def weight_of(j: int) -> Fraction:
        return written(weights[j]) - written(problem.alpha) * written(weight_delta[j])

    return lines + [
        _sums(lambda: written(step.prediction) - written(goal), delta),
        all(_sums(partial(weight_delta_of, j), weight_delta[j]) for j in indices),
        all(_sums(partial(weight_of, j), after[j]) for j in indices),
    ]


def _sum_adds_up(step: OutputsStep) -> bool:
    """Whether the error sum's line adds up by hand from the outputs' errors as written."""
    return _sums(lambda: sum((written(error) for error in step.errors), Fraction(0)), step.error)


def _sums(work: Callable[[], Fraction], result: float) -> bool:
    """Whether `work`, a line's arithmetic on its figures as written, gives `result` as written."""
    try:
        worked: Fraction | None = work()
    except ValueError:  # a figure written "overflow": nothing a hand could check
        worked = None
    return adds_up(worked, readable(result))


def _sign(adds: bool, language: str) -> str:
    """" = " before a result the figures as written give; else the language's "~="."""
    return " = " if adds else say(language, "sign.about")


def _prediction_line(problem: Problem, step, language: str, equals: str, headed: bool = False) -> str:
    """The step's first line, led by its iteration ("#0->#1:"), unless an output's heading
    just above says it ("#0->#1 output 1 of 3"): the same words twice read as two steps."""
    times = say(language, "sign.times")
    terms = " + ".join(f"{number(x)}{times}{number(w)}" for x, w in zip(problem.inputs, step.weights))
    if problem.method == MEASURE:  # nothing steps: the measurements are counted, from 1
        return Equation(say(language, "worked.prediction.measure", count=step.iteration + 1, terms=terms,
                            value=readable(step.prediction), equals=equals))
    return Equation(say(language, "worked.prediction.headed" if headed else "worked.prediction",
                        iteration=step.iteration, next=step.iteration + 1, terms=terms,
                        value=readable(step.prediction), equals=equals))


def _gradient_lines(problem: Problem, step: GradientStep, language: str, sums: list[bool],
                    row: int | None = None) -> list[str]:
    """delta, weight_delta and the weight, each line's "=" as `sums` (_adding_up) has it."""
    goal, alpha = problem.goals[0], problem.alpha
    equals = {line: _sign(sums[line], language) for line in (2, 3, 4)}
    about = "" if sums[3] else say(language, "sign.about").lstrip()  # "but 0 for frozen w1: ~= [...]"
    delta = Equation(say(language, "worked.delta", prediction=readable(step.prediction), goal=number(goal),
                         value=readable(step.delta), equals=equals[2]))
    inputs = problem.inputs
    # A frozen weight's weight_delta is set to 0 in the same line that works the others out:
    # shown as delta x input, it would contradict the lesson's "set to 0" until a later
    # line, or read as wrong arithmetic (-1.4 x -2 = 0) where one output's only weight is frozen.
    # Named as the panel, the chart and the log name them: w2, or w2,1 in row 2 of a matrix;
    # lesson 9's one weight of a row is w2,1 ("weight = ..." beside the question's "weight 2"
    # and the panel's "row 2 of w" named it three ways), lesson 10's row "row 2 of w".
    def name(index: int) -> str:
        return f"w{index + 1}" if row is None else f"w{row + 1},{index + 1}"

    frozen = say(language, "sep.list").join(name(index) for index in problem.frozen)
    weight_delta_key = "worked.weight_delta.frozen" if frozen else "worked.weight_delta"
    if problem.size == 1:
        return [
            delta,
            Equation(say(language, weight_delta_key, delta=number(step.delta), input=number(inputs[0]),
                         value=readable(step.weight_delta[0]), weights=frozen, equals=equals[3], about=about)),
            *([say(language, "worked.frozen", weights=frozen)] if frozen else []),
            Equation(say(language, "worked.weight" if row is None else "worked.weight.named", name=name(0),
                         weight=readable(step.weights[0]), alpha=readable(alpha), weight_delta=number(step.weight_delta[0]),
                         value=readable(step.weights_after[0]), equals=equals[4])),
            *_which_way(inputs[0], step, language),
        ]
    silent = [name(i) for i, x in enumerate(inputs) if x == 0]  # "w2" in a matrix read as row 2
    lines = [
        delta,
        Equation(say(language, weight_delta_key, delta=number(step.delta), input=vector(inputs, language),
                     value=vector(step.weight_delta, language), weights=frozen, equals=equals[3], about=about)),
        Equation(say(language, "worked.weights" if row is None else "worked.weights.row",  # named as the panel's row
                     row=say(language, "weights_row", row=(row or 0) + 1), weights=vector(step.weights, language),
                     alpha=readable(alpha), value=vector(step.weights_after, language), equals=equals[4])),
        *([say(language, "worked.no_signal.some", names=say(language, "sep.list").join(silent))] if silent else []),
    ]
    if frozen:  # why it is 0, after the line that shows it
        several = len(problem.frozen) > 1  # "w1, w2 is frozen: its ..." read as one weight
        lines.insert(2, say(language, "worked.frozen.several" if several else "worked.frozen", weights=frozen))
    return lines


def _which_way(input_: float, step: GradientStep, language: str) -> list[str]:
    """Why the weight moved as it did where a beginner would not expect it: an input of 0
    moves nothing (it carries no signal, not rounding), and a negative one turns the move
    round (weight_delta = delta x input takes the input's sign)."""
    if input_ == 0:
        return [say(language, "worked.no_signal")]
    if input_ < 0 and step.delta != 0 and step.weight_delta[0] != 0:
        return [say(language, "worked.negative_input", input=readable(input_),
                    way=say(language, "way.up" if step.weight_delta[0] < 0 else "way.down"),
                    side=say(language, "side.high" if step.delta > 0 else "side.low"))]
    return []


def _hot_cold_lines(problem: Problem, step: HotColdStep, language: str) -> list[str]:
    amount = problem.step_amount
    weight = float(step.weights[0])
    values = {"weight": readable(weight), "step": readable(amount), "after": readable(step.weights_after[0])}
    outcome = {-1: "moved_down", 1: "moved_up", 0: "tied"}[step.move]
    gap = abs(step.up_error - step.down_error)
    if step.move and _looks_equal(step.up_error, step.down_error):  # the errors shown cannot say which won
        outcome += ".rounding" if gap <= TIE * max(step.up_error, step.down_error) else ".by"
    # "Less error" is less than the other side's: beside an error now that reads the same, or
    # is less (input 100, step 0.2: 25 now, down 225), the outcome says how the side compares with now.
    now = _against_now(step)
    if "." in outcome:  # the probes read the same: that line says what decided, the note how now compares
        now = now if now == ".worse_now" else ""
    else:
        outcome += now
    lines = [
        say(language, "probe_up", probe=readable(weight + amount), error=readable(step.up_error), **values),
        say(language, "probe_down", probe=readable(weight - amount), error=readable(step.down_error), **values),
        say(language, outcome, gap=readable(gap), **values),
    ]
    if outcome.endswith(".rounding") and readable(step.prediction) == readable(problem.goals[0]):
        lines.append(say(language, "worked.leaves_goal"))  # it stood on the goal, and rounding alone moved it
    after = float(step.weights_after[0])
    goal_weight = problem.goals[0] / problem.inputs[0] if problem.inputs[0] else after
    if _looks_equal(after, goal_weight):  # the log's next row reads "-1  -1  1.2326e-32": why not 0, said here
        error = step.down_error if step.move < 0 else step.up_error
        lines[-1] = say(language, "worked.hair_mark", line=lines[-1])  # on the first page, beside the -1
        lines.append(say(language, "worked.hair", goal=readable(goal_weight), step=readable(amount),
                         error=readable(error)))
    if now:
        lines += _same_as_now(step, now, language)
    if step.iteration < FIRST_STEPS:  # why a step costs several, said while the panel has room for it
        lines.insert(0, say(language, "worked.first_prediction", per=step.predictions, weight=readable(weight)))
    return lines


def _against_now(step: HotColdStep) -> str:
    """How the side it moves to compares with the error now, where it is no better: ".exact_now"
    where the two are equal, ".as_now" where they differ beyond the digits shown (0.01 beside
    0.01, bouncing round the goal with step 0.2), ".worse_now" where it is more as shown (25
    now, down 225: input 100, step 0.2), else "". Hot and cold compares up with down, never
    with staying: "down is hotter (less error)" beside an error that grew from 25 to 225 read
    as a move that helped."""
    after = step.down_error if step.move < 0 else step.up_error
    if not step.move or after < step.error and not _looks_equal(after, step.error):
        return ""
    if after == step.error:
        return ".exact_now"
    return ".as_now" if _looks_equal(after, step.error) else ".worse_now"


def _same_as_now(step: HotColdStep, now: str, language: str) -> list[str]:
    """Why it moves though no hotter than now, and (as shown) by how much the two differ, or
    that the error grows."""
    after = step.down_error if step.move < 0 else step.up_error
    side = say(language, "side_name.down" if step.move < 0 else "side_name.up")
    key = "worked.worse_now" if now == ".worse_now" else "worked.same_as_now" + now
    return [say(language, key, side=side, after=readable(after), now=readable(step.error),
                gap=readable(abs(after - step.error)))]


def _with_dust_note(lines: list[str], problem: Problem, step: HotColdStep, language: str) -> list[str]:
    """`lines` with the note that 2.8e-17 is 0 but for float rounding (0.5 - 5 x 0.1 is not
    quite 0) under the first line that shows it, at the step that makes it and the step that
    starts from it: at the end it stood on the next page, while the figure stood on this one.
    A probe counts as well: "up: -0.1 + 0.1 = 2.7756e-17" stood bare, without a word."""
    amount = problem.step_amount
    weight = float(step.weights[0])
    shown = (weight, weight + amount, weight - amount, float(step.weights_after[0]))  # as the lines write them
    dust = [value for value in shown if value and abs(value) < ROUNDING_DUST * amount]
    if not dust:
        return lines
    written = readable(dust[0])
    at = next((index for index, line in enumerate(lines) if written in line), len(lines) - 1)
    note = say(language, "worked.dust", value=readable(dust[0]), step=readable(amount))
    return lines[:at + 1] + [note] + lines[at + 1:]

