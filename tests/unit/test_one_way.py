"""One number is written one way on every panel and in every sentence (issue 24, point 3).

Lesson 6 after 80 steps wrote its rounding dust three ways: 1.2326e-32 in the log,
"float rounding leaves an error of 1.2e-32" in the worked step and "the error rests at
1.23e-32" in the story. A sentence writes a figure as the panels do (`readable`), never a
shorter rounding of it.
"""

import re

import numpy as np
import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES
from gradstep.core.numbers import SHOWN_DIGITS, readable
from gradstep.tui.words.prose import commentary, opening
from gradstep.tui.words.worked import worked_step

FIGURE = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[+-]\d+)?(?![\w.])")


def panel_figures(history: History) -> set[float]:
    """What the log and the panels write of this run: weights, predictions, errors and misses."""
    goals = np.asarray(history.problem.goals)
    predictions = np.asarray(history.predictions, dtype=float)
    misses = predictions - (goals if predictions.ndim > 1 else goals[0])
    values = [history.weight_trail, predictions, history.errors, misses]
    return {float(value) for array in values for value in np.ravel(array) if value != 0 and np.isfinite(value)}


def shortened(words: list[str], history: History) -> list[tuple[str, str]]:
    """(figure in the words, the panels' way of writing it) where a sentence writes a panel's
    figure rounded to fewer digits than the panels do."""
    written = {readable(value, digits): readable(value)
               for value in panel_figures(history) for digits in range(2, SHOWN_DIGITS)}
    return [(figure, written[figure]) for line in words for figure in FIGURE.findall(line)
            if figure in written and written[figure] != figure and "e" in figure]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "changes", "steps"), [
    ("alpha", {}, 80),  # the error rests at 1.2326e-32
    ("freeze-weight", {"goal": 0.86}, 1),  # a hair's miss from the start
    ("gradient-descent", {"goal": 0.1}, 5),
    ("hot-cold", {}, 16),  # its hair and its dust
    ("hot-cold", {}, 6),
    ("alpha", {"inputs": (100.0,), "alpha": 0.0001}, 2),
])
def test_a_sentence_writes_a_panels_figure_as_the_panel_does(name, changes, steps, language):
    lesson = find_lesson(name)
    history = History.start(lesson.problem.replace(**changes)).jump(steps)
    words = worked_step(history, language) + commentary(history, language) + opening(lesson, history, language)
    assert shortened(words, history) == [], words
