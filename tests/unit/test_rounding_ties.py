"""A figure is its written form rounded half away from zero, as a student rounds by hand.

0.140625 (9/64) was shown 0.14062 and 14.0625 was shown 14.062: both are exact ties in
binary, and format's half-to-even rounding went down where a student checking by hand
went up (0.14063, 14.063). A student typed 0.123455 as a weight and read 0.12345: the
float nearest 0.123455 lies just below it, so rounding the binary value went down where
rounding what was typed goes up (0.12346). The written form is the float's shortest
decimal (repr), what the student typed and what every digit (f) shows.
"""

from decimal import ROUND_HALF_UP, Context, Decimal

import pytest
from gradstep.core.numbers import FLOAT_DIGITS, SHOWN_DIGITS, parse_number, readable
from hypothesis import example, given
from hypothesis import strategies as st

from tests.strategies import examples


def by_hand(value: float | str, digits: int = SHOWN_DIGITS) -> Decimal:
    """`value`'s shortest decimal (or a typed one), rounded half away from zero to `digits`
    significant digits."""
    return Context(prec=digits, rounding=ROUND_HALF_UP).plus(Decimal(repr(value) if isinstance(value, float) else value))


# Exact ties come from dyadic fractions: k / 2^n has a decimal expansion ending in 5.
dyadic = st.builds(lambda k, n, sign: sign * k / 2 ** n, st.integers(1, 10 ** 7), st.integers(0, 40),
                   st.sampled_from([1, -1]))
normal = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300).filter(
    lambda value: abs(value) > 1e-300)


@examples(1)
@given(value=st.one_of(dyadic, normal), digits=st.integers(1, 14))
@example(value=0.140625, digits=5)
@example(value=-14.0625, digits=5)
@example(value=2.5, digits=1)
def test_the_figure_shown_is_the_written_value_rounded_half_away_from_zero(value, digits):
    assert Decimal(readable(value, digits, whole=False)) == by_hand(value, digits)


@examples(1)
@given(value=st.one_of(dyadic, normal))
def test_the_panels_figure_is_rounded_so_too_or_written_whole(value):
    """readable's everyday figure: half away from zero to five digits, or, from 10^4 to 10^6,
    the whole figure where seven digits write it exactly (14700.5), or its nearest whole number."""
    shown = Decimal(readable(value))
    assert shown in (by_hand(value), Decimal(value), Decimal(round(value))), (value, shown)
    if not 1e4 <= abs(value) < 1e6:
        assert shown == by_hand(value)


@examples(1)
@given(typed=st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=8).filter(
    lambda typed: typed != 0 and len(typed.normalize().as_tuple().digits) <= FLOAT_DIGITS).map(str),
       digits=st.integers(1, 8))
@example(typed="0.123455", digits=5)
@example(typed="-0.123455", digits=5)
@example(typed="1.0000005", digits=7)
def test_a_typed_number_reads_as_a_hand_rounds_what_was_typed(typed, digits):
    """What the student typed, to `digits` digits by hand, whatever the float below it."""
    assert Decimal(readable(parse_number(typed), digits, whole=False)) == by_hand(typed, digits)


@pytest.mark.parametrize(("value", "shown"), [(0.140625, "0.14063"), (14.0625, "14.063"), (-0.140625, "-0.14063"),
                                              (0.15, "0.15"), (1294125.0, "1.2941e+06"), (0.123455, "0.12346"),
                                              (-0.123455, "-0.12346"), (2.675, "2.675")])
def test_the_walkers_ties(value, shown):
    assert readable(value) == shown


def test_the_log_column_rounds_ties_so_too():
    from gradstep.core.numbers import column

    assert [cell.strip() for cell in column([0.140625, 14.0625, 0.5, 0.123455], 11)] == ["0.14063", "14.063", "0.5", "0.12346"]
