"""The log's columns: each number written as it is anywhere else, decimal points in line."""

import math
from decimal import Decimal

import pytest
from gradstep.core.numbers import SHOWN_DIGITS, column, readable
from hypothesis import given
from hypothesis import strategies as st

WIDTH = 11  # the log's number column


def test_one_speck_of_dust_leaves_the_other_cells_plain():
    """A newcomer read 0.64 as 6.4000e-01: one 2.7756e-17 had turned the column scientific."""
    cells = column([0.64, 2.7756e-17, 0.0135], WIDTH)
    assert [cell.strip() for cell in cells] == ["0.64", "2.7756e-17", "0.0135"]
    assert cells[0].index(".") == cells[2].index(".")  # the plain ones on their point
    assert len({len(cell.rstrip()) for cell in cells[1:]}) == 1  # the dust ends where 0.0135 does


def test_a_figure_in_e_notation_does_not_push_a_whole_number_against_the_column_before():
    """Lesson 3 with a large input read "0   0.5   5 16" (prediction 5, error 16): the
    error column had lined 16's unwritten point up with 2.0762e+18's, at its left edge."""
    cells = column([16, 2.0762e18], WIDTH)
    assert [cell.strip() for cell in cells] == ["16", "2.0762e+18"]
    assert cells == ["        16", "2.0762e+18"]  # right-aligned, each
    assert len(cells[1]) < WIDTH  # so the log, right-aligning the column, leaves a blank before it


def test_a_column_of_plain_decimals_lines_up_on_the_point():
    cells = column([0.5, -149.5, 14700], WIDTH)
    assert [cell.strip() for cell in cells] == ["0.5", "-149.5", "14700"]
    assert cells[0].index(".") == cells[1].index(".") == len(cells[2].rstrip())


@given(st.lists(st.floats(allow_nan=False), min_size=1, max_size=6))
def test_every_cell_fits_and_reads_as_it_does_elsewhere(values):
    cells = column(values, WIDTH)
    assert len({len(cell) for cell in cells}) == 1 and len(cells[0]) <= WIDTH
    for value, cell in zip(values, cells):
        if len(readable(value)) <= WIDTH:
            assert cell.strip() == readable(value)  # the same number the same way on every panel
        else:  # a negative figure past 1e+99: one digit fewer
            ratio = Decimal(cell.strip()) / Decimal(value)  # past the largest float, rounded up
            assert math.isclose(ratio, 1, rel_tol=10.0 ** (1 - SHOWN_DIGITS) * 5)


def test_a_narrow_column_keeps_plain_decimals_with_fewer_digits():
    """With several outputs the log's columns are 8 cells: 0.0082846 reads 0.008285, not 8.28e-03."""
    assert column([0.0082846, 0.009025], 8) == ["0.008285", "0.009025"]


def test_a_formula_line_keeps_one_notation_where_its_figures_allow():
    """Lesson 5's step 3 read "prediction = 10 x 14700 = 1.47e+05": plain and e-notation in
    one line, of figures a beginner reads plainly. A figure below a million is written with
    its whole digits; a larger one, and dust near 0, keep e-notation."""
    from gradstep.core.history import History
    from gradstep.core.courses import find_lesson
    from gradstep.tui.words.worked import worked_step

    assert readable(147005.0) == "147005" and readable(-123456.78) == "-123457" and readable(1e6) == "1e+06"
    assert readable(2.7756e-17) == "2.7756e-17" and readable(2.1613e10) == "2.1613e+10"
    history = History.start(find_lesson("divergence").problem).jump(3)
    assert "prediction = 10 x 14700.5 = 147005" in worked_step(history, "en")[0]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_worked_factor_has_the_digits_its_product_is_written_with(language):
    """Lesson 5 read "prediction = 10 x 14700 = 147005": the weight 14700.5 was rounded to
    five digits, the product written whole. Below a million a figure that 7 digits write
    exactly is written so, on every panel alike (the log's column and the worked step)."""
    from gradstep.core.courses import find_lesson
    from gradstep.core.history import History
    from gradstep.tui.words.worked import worked_step

    assert readable(14700.5) == "14700.5" and readable(-123456.7) == "-123456.7"
    assert column([0.5, -149.5, 14700.5], 11)[2].strip() == "14700.5"
    history = History.start(find_lesson("divergence").problem)
    times = " x " if language == "en" else " × "
    lines = worked_step(history.jump(2), language)
    assert any(f"1{times}(-14850) = 14700.5" in line for line in lines), lines
    assert f"10{times}14700.5 = 147005" in worked_step(history.jump(3), language)[0]


@given(st.floats(1e4, 1e6 - 1), st.integers(0, 3))
def test_a_figure_below_a_million_that_few_digits_write_exactly_reads_exactly(whole, places):
    value = round(whole, places)
    text = readable(value)
    if float(format(value, ".7g")) == value:
        assert float(text) == value, text
    assert len(text) <= 9 and "e" not in text  # within a log column, in plain decimals


@pytest.mark.parametrize("name", ["alpha", "multi-weight", "freeze-weight", "several-outputs", "weight-matrix"])
def test_the_logs_newest_row_has_its_delta(name):
    """Lesson 7's newest row showed its prediction and error and a blank delta, though
    delta = prediction - goal is known before the step: it is the one the step then logs."""
    from gradstep.core.courses import find_lesson
    from gradstep.core.formats import as_row
    from gradstep.core.history import History
    from gradstep.tui.app.widgets.log import current_row

    history = History.start(find_lesson(name).problem)
    for steps in (0, 3):
        assert current_row(history.jump(steps))["delta"] == as_row(history.jump(steps + 1).record(steps))["delta"]
