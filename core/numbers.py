"""Reading numbers in and writing them out.

A student types numbers; the log shows them. Both directions have a trap: Python's
`float()` happily accepts "nan", "inf" and "1e400" (which becomes infinity), and `repr()`
shows 17 digits of rounding noise. This module refuses the first and hides the second,
while keeping the exact value one call away.
"""

from __future__ import annotations

import math
import re
import sys
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from .refusals import Refusal

SHOWN_DIGITS = 5
"""Significant digits every panel shows by default (f shows them all). Five, because the
log's 11-cell columns hold five in either notation ("-1.2345e+06"; a negative figure past
1e+99 keeps four), and a figure elsewhere that showed more than the log beside it would
look like a different number."""


class InvalidNumber(Refusal):
    """Typed text that is not a finite number; the key says which way it fails."""


WRITTEN_AS = "0123456789.+-eE"  # what a number is typed with
FULL_WIDTH = str.maketrans({chr(ord(char) + 0xFEE0): char for char in WRITTEN_AS})
"""A Chinese input method's full-width forms (０-９, ．, －, ＋, ｅ) as the ASCII they stand for.
Not NFKC: it would also read "3²" as 32 and "①" as 1."""
DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
"""A number as a student writes one. float() reads more: "1_000", "٣" (any script's digits),
"nan" and "inf" (refused below, each with its own words)."""
WORDS = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def parse_number(text: str) -> float:
    """The finite float written in `text` (ASCII or full-width digits), or InvalidNumber
    saying what a student can do."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidNumber("number.empty")
    written = cleaned.translate(FULL_WIDTH)
    if not DECIMAL.fullmatch(written) and not WORDS.fullmatch(written):
        raise InvalidNumber("number.not_a_number", text=cleaned)
    value = float(written)
    if math.isnan(value):
        raise InvalidNumber("number.nan", text=cleaned)
    if math.isinf(value):
        if "inf" in cleaned.lower():
            raise InvalidNumber("number.infinite", text=cleaned)
        raise InvalidNumber("number.overflows", text=cleaned)
    return value


FULL_WIDTH_COMMA, FULL_WIDTH_SEMICOLON = "，", "；"  # what a Chinese input method types between numbers
BETWEEN = re.compile(r"\s*,\s*|\s+")
"""What separates the numbers of a list: a comma, spaces, or both ("0.1 0.2", "0.1, 0.2"):
the editor shows a list as the panels write it, with spaces in English, and reads it back."""


def parse_numbers(text: str) -> tuple[float, ...]:
    """One or more finite floats separated by commas or spaces, as in `--weight 0.1,0.2,-0.1`
    or the editor's "0.1 0.2 -0.1" (a Chinese input method's full-width comma too: "8.5，0，-1.2")."""
    if not text.strip():
        raise InvalidNumber("numbers.empty")
    parts = BETWEEN.split(text.strip().replace(FULL_WIDTH_COMMA, ","))
    if len(parts) == 1:
        return (parse_number(parts[0]),)
    values = []
    for position, part in enumerate(parts, start=1):
        try:
            values.append(parse_number(part))
        except InvalidNumber as reason:
            raise InvalidNumber("numbers.in_list", position=position, reason=reason) from None
    return tuple(values)


def parse_rows(text: str) -> tuple[tuple[float, ...], ...]:
    """Rows of numbers, the rows separated by ";" and the numbers by ",", as in
    `--weight '0.1,0.1,-0.3;0.1,0.2,0'` (a matrix of weights, one row per output). Every
    row must have as many numbers as the first."""
    parts = text.replace(FULL_WIDTH_SEMICOLON, ";").split(";")
    if len(parts) == 1:
        return (parse_numbers(text),)
    rows = []
    for number, part in enumerate(parts, start=1):
        try:
            rows.append(parse_numbers(part))
        except InvalidNumber as reason:
            raise InvalidNumber("numbers.in_row", row=number, reason=reason) from None
        if len(rows[-1]) != len(rows[0]):
            raise InvalidNumber("numbers.ragged", row=number, size=len(rows[-1]), first=len(rows[0]))
    return tuple(rows)


def parse_weights(text: str) -> tuple[float, ...]:
    """Weights as typed: one row ("0.1,0.2"), or rows of a matrix separated by ";", flattened
    row after row (the goals say how many rows there are)."""
    return tuple(value for row in parse_rows(text) for value in row)


def parse_goal(text: str) -> float | tuple[float, ...]:
    """A goal as typed: one number, or one per output ("0.1,1,0.1")."""
    goals = parse_numbers(text)
    return goals if len(goals) > 1 else goals[0]


def parse_positions(text: str) -> tuple[int, ...]:
    """Weights counted from 1, separated by commas ("1,3"), as indices from 0; blank: none.
    Read like every other typed number: a Chinese input method's "１，３" is "1,3"."""
    if not text.strip():
        return ()
    positions = []
    for part in BETWEEN.split(text.strip().replace(FULL_WIDTH_COMMA, ",")):
        part = part.strip()
        written = part.translate(FULL_WIDTH)
        if not written.isascii() or not written.isdigit() or int(written) < 1:
            raise InvalidNumber("numbers.not_a_position", text=part)
        positions.append(int(written) - 1)
    return tuple(positions)


def readable(value: float, digits: int = SHOWN_DIGITS, whole: bool = True) -> str:
    """`value` to `digits` significant digits, without the rounding noise of repr; below a
    million with its whole digits (`whole`; a log axis's powers of ten read 1e+05 beside
    1e+10 instead).

    0.005183999999999993 reads as 0.005184; an overflow reads as "overflow", not "inf".
    """
    value = float(value)
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "overflow" if value > 0 else "-overflow"
    if value == 0:
        return "0"  # also -0.0: the sign of a zero teaches nothing here
    text = _rounded(value, digits)
    if whole and digits >= SHOWN_DIGITS and WHOLE_DIGITS_FROM <= abs(value) < PLAIN_BELOW:
        exactly = format(value, f".{EXACT_BELOW_A_MILLION}g")
        if "e" not in exactly and float(exactly) == value:
            return exactly  # 14700.5, not 14700: "10 x 14700 = 147005" read as false arithmetic
    if whole and "e+" in text and digits >= SHOWN_DIGITS and abs(round(value)) < PLAIN_BELOW:
        return str(round(value))  # "prediction = 147005", not "= 1.4701e+05": one notation in a line
    return text


def _rounded(value: float, digits: int) -> str:
    """`value` to `digits` significant digits as format's "g" writes it, but its written
    form (repr, the shortest decimal that reads back as it) rounded as a student rounds it
    by hand, a tie away from zero: 0.140625 (9/64) reads 0.14063, where format's
    half-to-even wrote 0.14062; and a typed 0.123455, whose float lies just below the tie,
    reads 0.12346 as rounding what was typed gives, not 0.12345.

    Only where the written form is a tie (its digits end in a 5 just past the ones kept)
    can the two roundings differ: a rounding boundary strictly between the float and its
    repr would itself be a decimal as short and nearer the float, and repr would be it.
    So repr finds the few candidates cheaply and Decimal, exact, rounds the written form.
    Past 15 digits (FLOAT_DIGITS) format's rounding stands."""
    text = format(value, f".{digits}g")
    if digits >= FLOAT_DIGITS or abs(value) < sys.float_info.min:  # a subnormal keeps fewer digits
        return text
    written = repr(value)
    shortest = written.lstrip("-").split("e")[0].replace(".", "").strip("0")
    if len(shortest) != digits + 1 or not shortest.endswith("5"):
        return text
    away = Context(prec=digits, rounding=ROUND_HALF_UP).plus(Decimal(written))  # HALF_UP: away from zero
    return format(float(away), f".{digits}g")


def rounded_by_hand(value: Fraction, digits: int) -> Decimal:
    """An exact `value` to `digits` significant digits as a student rounds it, a tie away
    from zero: to check a line by hand, where 1 - 0.033333 x 5^2 is 0.166675 exactly, which
    is 0.16668, though the float nearest it (0.16667499...) rounds to 0.16667."""
    context = Context(prec=digits, rounding=ROUND_HALF_UP)
    return context.divide(Decimal(value.numerator), Decimal(value.denominator))


def as_written(value: float) -> Fraction:
    """A figure's exact value as it was written: the shortest decimal that reads back as its
    float (what was typed, what f shows), not the binary float near it. 0.0001 is 1/10000
    here, so 1 - 0.0001 x 100^2 is 0 exactly, as by hand."""
    return Fraction(repr(float(value)))


FLOAT_DIGITS = 15
"""Significant digits any decimal keeps through a float and back (C's DBL_DIG)."""
PLAIN_BELOW = 1e6
"""A figure below this is written with its whole digits (147005, where five digits wrote
1.4701e+05), as the smaller figures beside it are: at most seven cells, within the log's
columns, and one digit more than shown, never fewer. Larger, it keeps e-notation."""
WHOLE_DIGITS_FROM = 1e4
EXACT_BELOW_A_MILLION = 7
"""From WHOLE_DIGITS_FROM, where five digits hold only the whole part, to PLAIN_BELOW, a
figure that 7 significant digits write exactly is written so (14700.5, at most 9 cells):
five wrote 14700.5 as 14700 beside 10 x 14700 = 147005, arithmetic a student checked by
hand and found false."""


def decimal(value: float) -> str:
    """`value` written out in plain decimals, as a beginner reads it: 0.000001, not 1e-06."""
    import numpy as np  # its shortest round-trip digits: 0.1 stays 0.1, not 0.1000000000000000055

    return np.format_float_positional(float(value), trim="-")


def column(values: list[float], width: int, digits: int = SHOWN_DIGITS) -> list[str]:
    """Values as one column of a table, each cell written as `readable` writes it anywhere
    else, its decimal points in one line.

    The notation is chosen per cell: one speck of rounding dust (2.7756e-17) must not turn
    every 0.64 above it into 6.4000e-01, and a number reads the same in the log as on the
    panel beside it; where it would not fit `width`, with as many digits as fit.

    A cell in e-notation stands right-aligned, apart from the points: its point is the
    mantissa's, and lining 2.0762e+18 up with 16 pushed the 16 to the column's left edge,
    against the figure before it ("5 16" read as one number). Where points in one line
    would make the column wider than `width`, every cell is right-aligned.
    """
    texts = [_cell(value, width, digits) for value in values]
    points = {text: _point(text) for text in texts if "e" not in text}  # the plain cells'
    left = max(points.values(), default=0)
    right = max((len(text) - point for text, point in points.items()), default=0)
    span = max([left + right, *(len(text) for text in texts if text not in points)])
    if span > width:
        return [text.rjust(width) for text in texts]
    return [((" " * (left - points[text]) + text).ljust(left + right) if text in points else text).rjust(span)
            for text in texts]


def _cell(value: float, width: int, digits: int) -> str:
    """`value` as readable writes it, with fewer digits where that would not fit `width`
    (0.0082846 in 8 cells: 0.008285)."""
    for shown in range(digits, 1, -1):
        text = readable(value, shown)
        if len(text) <= width:
            return text
    return readable(value, 1)


def _point(text: str) -> int:
    """Where the decimal point of a plain `text` is, or would be: "14700" has it unwritten."""
    return text.index(".") if "." in text else len(text)


def exact(value: float) -> str:
    """The shortest text that reads back as exactly `value` (what exports write)."""
    return repr(float(value))


def as_typed(value: float) -> str:
    """A number a student typed, as they would have typed it: the shortest text that reads
    back as exactly `value`, a whole number without the ".0" a float's repr adds (2, not 2.0)."""
    text = exact(value)
    return text.removesuffix(".0")
