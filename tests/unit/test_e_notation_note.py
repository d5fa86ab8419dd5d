"""The worked step's note on e-notation says the figure's own value, sign and all.

A newcomer read "(-1.2941e+06 means 1.2941 x 10^6: ...)": the note dropped the minus, so
it said something untrue of the figure it explained (Chinese too: "-1.1667e+50 即 1.1667 × 10^50").
"""

import re

import pytest
from gradstep.core.numbers import readable
from gradstep.tui.words.worked import _e_notation_said
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import examples

SAYS = {"en": re.compile(r"\((\S+) means (\S+) x 10\^(-?\d+): its decimal point moved (\d+) places (right|left)\)"),
        "zh": re.compile(r"（(\S+) 即 (\S+) × 10\^(-?\d+)：小数点向(右|左)移 (\d+) 位）")}

# Figures readable writes in e-notation: from a million up, below 1e-4 down, either sign.
e_figures = st.builds(lambda sign, mantissa, exponent: sign * mantissa * 10.0 ** exponent,
                      st.sampled_from([1, -1]), st.floats(1, 9.999), st.integers(-300, 300).filter(
                          lambda exponent: exponent >= 6 or exponent <= -5))


@pytest.mark.parametrize("language", ["en", "zh"])
@examples(1)
@given(value=e_figures)
def test_the_note_says_the_figure_with_its_sign(language, value):
    label = readable(value)
    assert "e" in label
    lines = _e_notation_said([f"weight = 0.5 - 0.1 x 3 = {label}"], language)
    assert len(lines) == 2, lines
    found = SAYS[language].fullmatch(lines[1])
    assert found, lines[1]
    said_label, mantissa, exponent = found[1], found[2], int(found[3])
    assert said_label == label
    assert mantissa.startswith("-") == (value < 0)
    assert float(f"{mantissa}e{exponent}") == float(label)  # the note's number is the figure's, sign and all


@pytest.mark.parametrize(("language", "note"), [
    ("en", "(-1.2941e+06 means -1.2941 x 10^6: its decimal point moved 6 places right)"),
    ("zh", "（-1.1667e+50 即 -1.1667 × 10^50：小数点向右移 50 位）"),
])
def test_the_walkers_figures_keep_their_minus(language, note):
    label = note[1:12]
    assert _e_notation_said([f"error = {label}"], language)[1] == note
