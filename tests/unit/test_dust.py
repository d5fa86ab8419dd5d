"""Rounding dust is never shown bare: a figure that is float rounding away from an exact
value (0.1 - 0.1 = 2.7756e-17) has a word beside it in the worked step."""

import re

import pytest
from gradstep.core.courses import course, find_lesson
from gradstep.core.history import History
from gradstep.core.problem import Problem
from gradstep.tui.words.say import say
from gradstep.tui.words.worked import worked_step
from hypothesis import given
from hypothesis import strategies as st

TINY = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?e-\d+")
NOTATION = {"en": " means ", "zh": " 即 "}  # what e-notation means: a word on notation, not on the dust


def bare_dust(history: History, language: str) -> list[str]:
    """The worked step's lines that show a figure tiny beside the problem's own figures
    (dust, or a hair's miss) with no note that says what it is."""
    problem = history.problem
    scale = max(abs(value) for value in (*problem.inputs, *problem.goals, problem.step_amount, problem.alpha))
    lines = worked_step(history, language)
    notes = [line for line in lines if line[:1] in "(（" and NOTATION[language] not in line]
    return [line for line in lines if line[:1] not in "(（" and not notes
            and any(abs(float(figure)) < 1e-9 * scale for figure in TINY.findall(line))]


@pytest.mark.parametrize("language", ["en", "zh"])
@given(weight=st.integers(-10, 10), goal=st.integers(-10, 10), step=st.sampled_from([0.1, 0.2, 0.3, 0.7]))
def test_hot_and_colds_dust_always_has_its_word(weight, goal, step, language):
    problem = Problem(weights=(weight / 10,), inputs=(1.0,), goal=goal / 10, method="hot-cold", step_amount=step)
    history = History.start(problem)
    for _ in range(25):
        history = history.step()
        assert bare_dust(history, language) == [], worked_step(history, language)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", course(), ids=lambda lesson: lesson.name)
def test_no_lesson_shows_dust_bare(lesson, language):
    history = History.start(lesson.problem)
    for _ in range(40):
        history = history.step()
        if history.divergence is not None:
            break
        assert bare_dust(history, language) == [], (history.iteration, worked_step(history, language))


def log_dust(problem: Problem, steps: int, language: str = "en") -> float | None:
    """The figure the log's word under its rows calls rounding dust after `steps` steps."""
    from gradstep.tui.app.widgets.log import dust_shown, log_layout

    history = History.start(problem).jump(steps)
    layout = log_layout(history, 39, 10, False, language)  # the log's cells at 80x24
    return dust_shown(problem, layout.rows, layout.columns)


@pytest.mark.parametrize(("name", "changes", "steps", "dust"), [
    ("gradient-descent", {"goal": 0.1}, 5, 7.703719777548943e-34),  # lands in one step, a hair off 0.1
    ("freeze-weight", {"goal": 0.86}, 1, 1.232595164407831e-32),  # starts a hair off its goal
    ("alpha", {}, 70, 4.930380657631324e-32),  # r = 0.6 down to rounding's floor
    ("gradient-descent", {}, 5, None),  # lands exactly
    ("alpha", {}, 40, None),  # 1e-17 and above: real misses, shrinking by 0.36 a step
    ("divergence", {}, 4, None),
    # diverging to 3e+19, its hair 1e+05: w1,2 = 0.1 on an input of 0 read "float rounding dust"
    ("weight-matrix", {"inputs": (-85.0, 0.0, 1.2)}, 10, None),
])
def test_gradient_descents_rounding_dust_in_the_log_has_its_word(name, changes, steps, dust):
    """Lesson 3 with goal 0.1 logged error 7.7037e-34 and lesson 8 on its goal delta
    1.1102e-16 with no word, where hot and cold's 2.7756e-17 had one under the log: a miss
    within rounding of the goal, and the figures it makes, are dust there too."""
    assert log_dust(find_lesson(name).problem.replace(**changes), steps) == dust
