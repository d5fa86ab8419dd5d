"""Past iteration 9,999 the log never cuts a figure to make room for the iteration's digits.

Each digit the iteration gains costs the number columns a cell; where a column held an
11-cell figure (-1.2346e+06) the log cut it to -1.235e+06 with no word. Now the least
telling column goes instead, whole."""

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.numbers import readable
from gradstep.tui.app.widgets.log import IterationLog, log_layout, log_words

STILL = {"weights": (-1234567.8,), "inputs": (1.0,), "goal": 1234567.8, "alpha": 1e-20}  # too small a step to move


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("steps", [999, 10_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_no_figure_loses_a_digit_to_the_iteration_column(steps, language):
    problem = find_lesson("gradient-descent").problem.replace(**STILL)
    history = History.start(problem).jump(steps)
    assert history.iteration == steps
    layout = log_layout(history, 39, 10, False, language)  # the log's cells at 80x24
    assert len(str(steps)) <= layout.iteration_width
    assert layout.iteration_width + sum(layout.widths) + len(layout.widths) <= 39
    assert ("weight", None) in layout.columns and ("error", None) in layout.columns
    words = log_words(language, 1)
    for (field, _), width in zip(layout.columns, layout.widths):
        values = [row.get(field) for row in layout.rows]
        cells = IterationLog._column(values, width, False, words)
        for value, cell in zip(values, cells):
            assert value is None or cell.strip() == readable(value), (field, cell)
