"""The parameters panel writes its numbers with the digits every panel writes, or says not.

Lesson 10 with input 850 wrote its weights and predictions as "-3.8e+10 -2.9e+07", two
digits, where the log and the worked step beside it write five: three such figures do not
fit the panel's 26 cells at five. Where a row must keep fewer to stay on its line, the
panel's title says so, as it says what a frozen "*" means.
"""

import numpy as np
import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.numbers import SHOWN_DIGITS, readable
from gradstep.tui.app.widgets.parameters import parameter_table, parameters_title
from gradstep.tui.words.language import LANGUAGES
from gradstep.tui.words.say import say
from gradstep.tui.words.wrap import width

PANEL = 38  # the parameters panel's cells at 80x24, inside its margins
CASES = [("weight-matrix", {"inputs": (850.0, 0.65, 1.2)}, 3),
         ("several-outputs", {"inputs": (85.0,)}, 4),
         ("multi-weight", {"inputs": (85.0, 0.65, 1.2)}, 8),
         ("freeze-weight", {"inputs": (85.0, 0.65, 1.2), "frozen": (0, 1)}, 6),
         ("divergence", {}, 6),
         ("weight-matrix", {}, 3)]


def _history(name: str, changes: dict, steps: int) -> History:
    history = History.start(find_lesson(name).problem.replace(**changes))
    for _ in range(steps):
        history = history.step()
    return history


def _numbers(value: str, language: str) -> list[str]:
    """A row's figures as written, without a frozen weight's mark."""
    frozen = say(language, "weight.frozen", value="")
    return [part.replace(frozen, "") for part in value.split(LANGUAGES[language].numbers)]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "changes", "steps"), CASES)
def test_every_figure_has_five_digits_or_the_title_says_a_row_has_fewer(name, changes, steps, language):
    history = _history(name, changes, steps)
    problem = history.problem
    rows, cut = parameter_table(history, language, PANEL)
    n = len(problem.inputs) if problem.outputs > 1 and len(problem.inputs) > 1 else problem.size
    weights = [history.weights[k:k + n] for k in range(0, problem.size, n)]
    figures = [*weights, np.ravel(history.prediction)]
    assert len(rows) == len(weights) + 5 - (problem.method != "gd")
    marked = False
    for (label, value), values in zip([*rows[:len(weights)], rows[-2]], figures):
        assert width(label) + 1 + width(value) <= PANEL, (label, value)  # on one line
        shown, five = _numbers(value, language), [readable(v) for v in values]
        if shown != five:
            marked = True
            assert all(any(text == readable(v, digits) for digits in range(2, SHOWN_DIGITS))
                       for text, v in zip(shown, values)), value
    title = parameters_title(history, language, PANEL)
    assert width(title) <= PANEL  # the border holds the panel's width: "参数：梯度下降；整体发散；少显示了几位" shows whole
    assert cut == marked
    assert (say(language, "parameters.cut_said") in title) == marked, title
    assert (say(language, "parameters.frozen_said") in title) == bool(problem.frozen), title


def test_the_lessons_as_they_start_keep_five_digits():
    """The note is for the rows that cannot fit: no course lesson starts with one."""
    for name in ("measure-error", "hot-cold", "gradient-descent", "multi-weight", "freeze-weight",
                 "several-outputs", "weight-matrix"):
        for language in ("en", "zh"):
            history = History.start(find_lesson(name).problem)
            assert not parameter_table(history, language, PANEL).cut, name
            assert say(language, "parameters.cut_said") not in parameters_title(history, language, PANEL)
