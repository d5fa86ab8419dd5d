"""The log names each figure as every other panel names it, in both settings of f.

Lesson 10's log with every digit (f) had one column headed "error" over the figure the
parameters panel and the worked step call "error sum": English kept the CSV's code name."""

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES
from gradstep.tui.app.widgets.log import heading, log_layout
from gradstep.tui.words.say import say


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("every_digit", [False, True])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
@pytest.mark.parametrize("width", [39, 120])  # at 80x24, and wide enough for the sum beside each output's error
def test_the_sum_of_the_errors_is_headed_error_sum_everywhere(name, every_digit, language, width):
    problem = find_lesson(name).problem
    history = History.start(problem).jump(2)
    layout = log_layout(history, width, 10, every_digit, language)
    named = [heading(column, cells, language, problem).strip() for column, cells in zip(layout.columns, layout.widths)]
    sums = [text for (field, _), text in zip(layout.columns, named) if field == "error"]
    assert sums == [say(language, "error_sum")] or (not sums and not every_digit), named
