"""Reading numbers in and writing them out.

A student types numbers; the log shows them. Both directions have a trap: Python's
`float()` happily accepts "nan", "inf" and "1e400" (which becomes infinity), and `repr()`
shows 17 digits of rounding noise. This module refuses the first and hides the second,
while keeping the exact value one call away.
"""

import math

from .refusals import Refusal


class InvalidNumber(Refusal):
    """Typed text that is not a finite number; the key says which way it fails."""


def parse_number(text: str) -> float:
    """The finite float written in `text`, or InvalidNumber saying what a student can do."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidNumber("number.empty")
    try:
        value = float(cleaned)
    except ValueError:
        raise InvalidNumber("number.not_a_number", text=cleaned) from None
    if math.isnan(value):
        raise InvalidNumber("number.nan", text=cleaned)
    if math.isinf(value):
        if "inf" in cleaned.lower():
            raise InvalidNumber("number.infinite", text=cleaned)
        raise InvalidNumber("number.overflows", text=cleaned)
    return value


def parse_numbers(text: str) -> tuple[float, ...]:
    """One or more finite floats separated by commas, as in `--weight 0.1,0.2,-0.1`."""
    if not text.strip():
        raise InvalidNumber("numbers.empty")
    parts = text.split(",")
    if len(parts) == 1:
        return (parse_number(parts[0]),)
    values = []
    for position, part in enumerate(parts, start=1):
        try:
            values.append(parse_number(part))
        except InvalidNumber as reason:
            raise InvalidNumber("numbers.in_list", position=position, reason=reason) from None
    return tuple(values)


def readable(value: float, digits: int = 6) -> str:
    """`value` to `digits` significant digits, without the rounding noise of repr.

    0.005183999999999993 reads as 0.005184; an overflow reads as "overflow", not "inf".
    """
    value = float(value)
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "overflow" if value > 0 else "-overflow"
    if value == 0:
        return "0"  # also -0.0: the sign of a zero teaches nothing here
    return format(value, f".{digits}g")


def fitted(value: float, width: int, digits: int = 5) -> str:
    """`value` readable in at most `width` characters, dropping digits until it fits."""
    for fewer in range(digits, 0, -1):
        text = readable(value, fewer)
        if len(text) <= width:
            return text
    return text


def exact(value: float) -> str:
    """The shortest text that reads back as exactly `value` (what exports write)."""
    return repr(float(value))
