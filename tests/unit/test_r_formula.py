"""r's formula adds up as written, or says it is approximate at the sign itself.

Lesson 4 with input 3, after -: "r = 1 - 0.22222 x 3^2 = -1" and "r = 1 - 0.11111 x 3^2 = 0".
alpha is 2/9 (then 1/9), shown rounded, and a student working the line by hand got -0.99998
(and 0.00001): the line was false as written. Where the figures as shown do not give the
result as shown, the line writes the approximately sign in place of "=" (ASCII "~=" in
English, "≈" in Chinese); lesson 5's steps to r (alpha x input^2, then 1 - that) alike.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.problem import Problem
from gradstep.tui.words.figures import r_formula, r_from_scale, scale_formula
from gradstep.tui.words.prose import facts
from gradstep.tui.words.readout import readout_lines
from hypothesis import example, given
from hypothesis import strategies as st

from tests.strategies import examples

ABOUT = {"en": " ~= ", "zh": " ≈ "}
TIMES = {"en": " x ", "zh": " × "}
FIGURE = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]\d+)?")


def by_hand(written: str, language: str) -> Fraction:
    """A formula's left side as written ("1 - 0.22222 x 3^2", "1 - 0.01 x 74.1125"), worked exactly."""
    python = written.replace(TIMES[language], " * ").replace("^", "**")
    python = FIGURE.sub(lambda figure: f'Fraction("{figure[0]}")', python)
    return eval(python, {"Fraction": Fraction})  # noqa: S307 - our own digits and operators


def significant(text: str) -> int:
    return len(text.lstrip("-").split("e")[0].replace(".", "").lstrip("0"))


def split(line: str, language: str) -> tuple[str, str, str]:
    """(left side, sign, result) of a formula the words write."""
    for sign in (" = ", ABOUT[language]):
        if sign in line:
            left, result = line.rsplit(sign, 1)
            return left, sign, result
    raise AssertionError(line)


def adds_up(left: str, result: str, language: str) -> bool:
    """Whether the left side as written, worked by hand and rounded as a student rounds (half
    away from zero) to the digits the result shows (never fewer than five: "-1" stands for
    -1.0000), reads as the result: 0.625 x 180.2 is 112.625, which is 112.63, not 112.62."""
    digits = max(5, significant(result))
    return rounded(by_hand(left, language), digits) == rounded(Fraction(result), digits)


def rounded(value: Fraction, digits: int) -> Decimal:
    """`value` to `digits` significant digits, a tie away from zero."""
    with localcontext() as context:
        context.prec = 80  # more than any figure here has: the division is exact where a tie can be
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        if not exact:
            return exact
        return exact.quantize(Decimal(1).scaleb(exact.adjusted() - digits + 1), rounding=ROUND_HALF_UP)


alphas = st.one_of(st.fractions(min_value=Fraction(1, 30), max_value=3, max_denominator=30).map(float),
                   st.floats(1e-4, 3))
inputs = st.lists(st.one_of(st.integers(-12, 12).map(float), st.floats(-20, 20)), min_size=1, max_size=3)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("formula", [r_formula, scale_formula, r_from_scale])
@examples(1)
@given(alpha=alphas, values=inputs)
@example(alpha=2 / 9, values=[3.0])
@example(alpha=1 / 9, values=[3.0])
@example(alpha=0.123456, values=[3.0])
@example(alpha=0.625, values=[10.0, 8.955173541514757])  # 0.625 x 180.2 = 112.625: 112.63, shown 112.62
@example(alpha=1 / 30, values=[5.0])  # 1 - 0.033333 x 5^2 = 0.166675: 0.16668 by hand, the float 0.16667
def test_an_equals_sign_is_true_of_the_figures_as_written(formula, language, alpha, values):
    problem = Problem(weights=(0.5,) * len(values), inputs=tuple(values), goal=0.8, alpha=alpha)
    line = formula(problem, language)
    left, sign, result = split(line, language)
    assert "overflow" not in line
    assert (sign == " = ") == adds_up(left, result, language), line


@pytest.mark.parametrize(("alpha", "shown"), [(2 / 9, "-1"), (1 / 9, "0")])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_lesson_4s_r_after_minus_says_it_is_approximate_on_the_panel(alpha, shown, language):
    problem = find_lesson("error-curve").problem.replace(inputs=(3.0,), alpha=alpha)
    headline = readout_lines(History.start(problem), language)[0]
    assert headline == f"r = 1 - {'0.22222' if alpha > 0.2 else '0.11111'}{TIMES[language]}3^2{ABOUT[language]}{shown}"
    words = facts(problem, language)
    assert words["r_formula"] == headline.removeprefix("r = ")  # the lesson's words and the question's explanation
    assert words["r_from_scale"] == f"1 - {'2' if alpha > 0.2 else '1'} = {shown}"  # 2/9 x 9 is 2 as computed


def test_a_formula_that_adds_up_keeps_its_equals_sign():
    problem = Problem(weights=(0.5, 0.5, 0.5), inputs=(8.5, 0.65, 1.2), goal=0.8, alpha=0.01)
    assert r_formula(problem, "en") == "1 - 0.01 x 74.1125 = 0.258875"
    assert scale_formula(problem, "en") == "0.01 x 74.1125 = 0.741125"
    assert r_from_scale(problem, "en") == "1 - 0.741125 = 0.258875"
