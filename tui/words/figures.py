"""Numbers as the words write them, and the few formulas every panel shares.

A figure in a sentence is never more precise than the log beside it (SHOWN_DIGITS
significant digits); a negative one is parenthesised inside a formula, so `0.5 - -0.4` reads
`0.5 - (-0.4)`. The formulas for r, the best alpha and the edge of stability are written
here once, with the current numbers filled in.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ...core import analysis
from ...core.numbers import SHOWN_DIGITS, readable, rounded_by_hand
from ...core.problem import Problem
from .language import LANGUAGES
from .say import say


def number(value: float, digits: int = SHOWN_DIGITS) -> str:
    """A readable number, in parentheses when negative."""
    return parenthesised(readable(value, digits))


def not_falsely_whole(value: float) -> str:
    """`value` to SHOWN_DIGITS digits, or more where those would make it read as a whole
    number it is not: 15.001 steps read "15" beside "not a whole number", and an r of
    0.9999999 read "|r| = 1 < 1"."""
    if not math.isfinite(value) or value == round(value):
        return readable(value)
    for digits in range(SHOWN_DIGITS, 18):
        text = readable(value, digits)
        if float(text) != round(value):
            return text
    return repr(value)


EXACT_DIGITS = 7  # a figure a formula goes on from is written exactly when this many digits do it
TOTAL_DIGITS = 12  # a sum of squares in r's formula: 85^2 + 0.65^2 = 7225.4225 needs 8


def carried(value: float, exact_digits: int = EXACT_DIGITS) -> str:
    """A figure a formula goes on to use (a sum of squares, r), written so the next step
    checks by hand: exactly where up to `exact_digits` digits do it (74.1125, not 74.112, so
    1 - 0.01 x 74.1125 = 0.258875), else as `not_falsely_whole` writes it."""
    if math.isfinite(value) and value != 0:
        for digits in range(SHOWN_DIGITS, exact_digits + 1):
            text = readable(value, digits)
            if "e" not in text and math.isclose(float(text), value, rel_tol=1e-12):
                return text
    return not_falsely_whole(value)


def parenthesised(text: str) -> str:
    return f"({text})" if text.startswith("-") else text


def listed(values, language: str, digits: int = SHOWN_DIGITS) -> str:
    """Numbers as every panel, worked step and the editor write a list of them, one way a
    language: "0.1 0.2 -0.1", in Chinese "0.1,0.2,-0.1" (a Chinese walk met four ways:
    "0.1，0.2" in a header, spaces in the panel, "[8.5, 0.65, 1.2]", and "0.1,0.2")."""
    return LANGUAGES[language].numbers.join(readable(v, digits) for v in values)


def vector(values, language: str, digits: int = SHOWN_DIGITS) -> str:
    """A list inside a formula: the list as `listed` writes it, in brackets ("[8.5 0.65 1.2]")."""
    return "[" + listed(values, language, digits) + "]"


def goals_text(problem: Problem, language: str) -> str:
    """The goal, or each output's goal, as the panels write them: "1" or "0.1 1 0.1"."""
    return listed(problem.goals, language)


def weights_text(weights, problem: Problem, language: str) -> str:
    """Weights as the panels write them: "0.1 0.2 -0.1"; a matrix row by row, "0.1 0.2; 0.3 0.4"
    (rows apart by sep.matrix: ";" in Chinese, half-width as the numbers' commas are, as
    --weight takes them; the numbers of a row as `listed`).
    With one input each output's row is one weight: one row, "0.3 0.2 0.9", as lesson 9's panel.
    A frozen weight is marked as the panel marks it ("0.1* 0.2 -0.1"): lesson 8's question box
    wrote "0.1,0.2,-0.1" under "weight 1 is frozen", beside the panel's "0.1*"."""
    n = len(problem.inputs) if len(problem.inputs) > 1 else len(weights)
    shown = [say(language, "weight.frozen", value=readable(w)) if index in problem.frozen else readable(w)
             for index, w in enumerate(weights)]
    rows = [shown[i * n:(i + 1) * n] for i in range(len(shown) // n)]
    return say(language, "sep.matrix").join(LANGUAGES[language].numbers.join(row) for row in rows)


def squares(problem: Problem, language: str) -> str:
    """|input|^2 written out: "2^2" for one input, "8.5^2 + 0.65^2 + 1.2^2" for several;
    the input of a frozen weight (of the first row) is left out, as it is from r."""
    learning = [x for j, x in enumerate(problem.inputs) if problem.learns(j)]
    return " + ".join(f"{number(x)}^2" for x in learning) or "0"


def r_value(problem: Problem) -> float:
    """r as the words give it: exactly 0 where alpha is the best alpha and exactly -1 at the
    edge, whose computed r differs only by rounding (1 - (1/74.1125) x 74.1125 is 1.1e-16)."""
    regime = analysis.gradient_regime(problem)
    snapped = {analysis.Regime.ONE_STEP: 0.0, analysis.Regime.BOUNCING: -1.0}
    return snapped.get(regime, analysis.r_factor(problem))


def one_input(problem: Problem) -> bool:
    """Whether r's formula has one input to square: by inputs, not weights, so the three
    outputs of one input write "0.65^2" each, as output 1 alone does (not "0.4225")."""
    return len(problem.inputs) == 1


def squares_total(problem: Problem) -> str:
    """The sum of squares as r's formula writes it, exact where TOTAL_DIGITS do it, so that
    "1 - 0.0002 x 7225.4225 = -0.4450845" checks by hand (7225.4 would not)."""
    return carried(analysis.sum_of_squares(problem), TOTAL_DIGITS)


def r_shown(problem: Problem) -> str:
    """r as every panel and sentence writes it: "0.6", "-1", "0.258875"."""
    return carried(r_value(problem))


def r_formula(problem: Problem, language: str) -> str:
    """r = 1 - alpha x input^2 with the numbers in: "1 - 0.1 x 2^2 = 0.6", "1 - 0.1 x
    (-2)^2 = 0.6" (each output of one input alike); several inputs are summed first:
    "1 - 0.01 x 74.1125 = 0.258875". The one place r's formula is written. Where alpha is
    shown rounded and the figures as written do not give r, the formula says so with the
    approximately sign: "1 - 0.22222 x 3^2 = -1" (alpha 2/9) read false, as by hand it is -0.99998."""
    alpha, total = readable(problem.alpha), _total_shown(problem, language)
    r = r_shown(problem)
    worked = _worked(lambda: 1 - Fraction(alpha) * _read(total, problem))
    return f"1 - {alpha}{say(language, 'sign.times')}{total}{equals(worked, r, language)}{r}"


def scale_formula(problem: Problem, language: str) -> str:
    """alpha x input^2 with the numbers in, as lesson 5 works r out: "0.3 x 2^2 = 1.2"."""
    alpha, total, scale = readable(problem.alpha), _total_shown(problem, language), _scale_shown(problem)
    worked = _worked(lambda: Fraction(alpha) * _read(total, problem))
    return f"{alpha}{say(language, 'sign.times')}{total}{equals(worked, scale, language)}{scale}"


def r_from_scale(problem: Problem, language: str) -> str:
    """1 - alpha x input^2 with the product in, as lesson 5 works r out: "1 - 1.2 = -0.2"."""
    scale, r = _scale_shown(problem), r_shown(problem)
    return f"1 - {scale}{equals(_worked(lambda: 1 - Fraction(scale)), r, language)}{r}"


def _scale_shown(problem: Problem) -> str:
    """alpha x input^2, carried on to r: exact where EXACT_DIGITS do it, as r is (0.741125
    before r = 0.258875: 0.74113 would not subtract to it)."""
    return carried(problem.alpha * analysis.sum_of_squares(problem))


def _total_shown(problem: Problem, language: str) -> str:
    return squares(problem, language) if one_input(problem) else squares_total(problem)


def _read(total: str, problem: Problem) -> Fraction:
    """The sum of squares as written (`total`, "0.33333^2" or "74.1125"), worked exactly."""
    if "^2" not in total:
        return Fraction(total)
    return sum((Fraction(readable(x)) ** 2 for j, x in enumerate(problem.inputs) if problem.learns(j)), Fraction(0))


def _worked(work) -> Fraction | None:
    """A formula's figures as shown, worked by hand; None where one is not a number ("overflow")."""
    try:
        return work()
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


def equals(worked: Fraction | None, result: str, language: str) -> str:
    """" = " where `result` is what the figures as shown give, worked by hand (`worked`), to
    the digits `result` shows; else the language's approximately sign, so the line stays
    true where a figure before it is rounded."""
    return " = " if adds_up(worked, result) else say(language, "sign.about")


def adds_up(worked: Fraction | None, result: str) -> bool:
    """Whether `result` as written is what the figures as shown give, worked by hand
    (`worked`; None where one of them is no number), to the digits `result` shows (at least
    SHOWN_DIGITS: "-1" stands for -1.0000)."""
    try:
        shown = Fraction(result)  # as written: 1.7977e+308, the largest float rounded up, is no float
    except ValueError:  # "overflow": nothing a hand could check
        return True
    if worked is None or worked == shown:
        return True
    digits = max(SHOWN_DIGITS, _significant_digits(result))
    return rounded_by_hand(worked, digits) == rounded_by_hand(shown, digits)


def written(value: float) -> Fraction:
    """A figure as every panel writes it (`readable`), read back exactly, to work a line by
    hand from; ValueError where it is no number a hand could work with ("overflow")."""
    return Fraction(readable(value))


def _significant_digits(text: str) -> int:
    """How many significant digits a written figure shows: "0.258875" 6, "-1" 1, "1.2e-05" 2."""
    return len(text.lstrip("-").split("e")[0].replace(".", "").lstrip("0"))


def row_r_formulas(problem: Problem, language: str) -> str | None:
    """With several outputs whose rows learn at different rates (weights frozen in some), each
    row's r as the panel names it: "r1 = 1 - 0.01 x 1.8625 = 0.98138; r2 = ..."; None where
    every row has the same r (then r alone says it)."""
    if problem.outputs == 1 or len({analysis.sum_of_squares(problem, row) for row in range(problem.outputs)}) == 1:
        return None
    return say(language, "sep.rows").join(f"r{row + 1} = {r_formula(problem.output_problem(row), language)}"
                                          for row in range(problem.outputs))


def over_squares(numerator: int, problem: Problem, language: str) -> str:
    """1/input^2 or 2/input^2 with the numbers in: "1/2^2 = 0.25" (the best alpha, the edge)."""
    squares_sum = analysis.sum_of_squares(problem)
    shown = squares(problem, language) if one_input(problem) else squares_total(problem)
    value = analysis.best_alpha(problem) if numerator == 1 else analysis.largest_stable_alpha(problem)
    worth = "?" if value is None else readable(value)  # None: every input is 0, no alpha does anything
    return f"{numerator}/{shown if one_input(problem) else '(' + shown + ')'} = {worth}"


def named_list(items: list[str], language: str) -> str:
    """Names or figures in a sentence: "w1", "w1 and w2", "w1, w2 and w3" (w1、w2 in Chinese)."""
    if len(items) < 2:
        return "".join(items)
    return say(language, "sep.list").join(items[:-1]) + say(language, "sep.last.names") + items[-1]


def weight_name(problem, index: int) -> str:
    """A weight as the chart and the log name it: "w2", or "w2,1" in a row of several outputs."""
    if problem.outputs == 1:
        return f"w{index + 1}"
    row, column = divmod(index, len(problem.inputs))
    return f"w{row + 1},{column + 1}"


def no_signal_suffix(problem: Problem) -> str:
    """Which of the catalogue's sentences for a run that cannot learn: "" for every input 0,
    ".one" for a lone input of 0, ".frozen" for every weight frozen, ".learners" for the
    weights that learn all on input 0 beside a frozen one that is not (none: it can learn)."""
    return {"one": ".one", "all": "", "frozen": ".frozen", "learners": ".learners"}.get(analysis.no_signal_why(problem), "")
