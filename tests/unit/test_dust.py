"""Rounding dust is never shown bare: a figure that is float rounding away from an exact
value (0.1 - 0.1 = 2.7756e-17) has a word beside it in the worked step."""

import re

import pytest
from gradstep.core.numbers import readable
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



# Lesson 10 edited to diverge with output 2 a rounding hair off its goal (0.1 x 8.5 is
# 0.8500000000000001), and lesson 9 with output 3 a hair off (0.9 x 0.65) and r = -1.1125.
HAIR_THEN_DIVERGING = [("weight-matrix", {"inputs": (8.5, 0.0, -100.0), "goal": (0.1, 0.85, 0.1)}),
                       ("several-outputs", {"goal": (0.1, 1.0, 0.585), "alpha": 5.0}),
                       ("freeze-weight", {"goal": 0.86, "alpha": 1.0})]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "changes"), HAIR_THEN_DIVERGING)
def test_the_logs_dust_word_names_a_figure_on_screen_in_a_column_that_stays_within_rounding(name, changes, language):
    """After 0 and b, lesson 10's log read "1.2054e-12: float rounding dust, read 0" of a
    row it had pushed off the screen, in a column that climbed to 1.1594e+16 below it."""
    from gradstep.tui.app.widgets.log import dust_note, log_layout
    from textual.geometry import Size

    problem = find_lesson(name).problem.replace(**changes)
    history = History.start(problem)
    named = []
    for steps in range(1, 25):
        history = history.step()
        layout = log_layout(history, 39, 10, False, language)  # the log's cells at 80x24
        over, note = dust_note(problem, layout.rows, layout.columns, Size(39, 10), language)
        if not note:
            continue
        value = note[0].split("：" if language == "zh" else ":")[0]
        columns = [[row.get(field) if index is None else row.get(field)[index] for row in layout.rows[over:]]
                   for field, index in layout.columns]
        shown = [column for column in columns if value in [readable(figure) for figure in column if figure is not None]]
        assert shown, (steps, note, over)  # a figure on screen now, not one the note pushed off
        for column in shown:
            later = column[[readable(figure) if figure is not None else "" for figure in column].index(value):]
            assert max(abs(figure) for figure in later if figure is not None) < 1e-9, (steps, column)
        named.append(value)
    # While r has not yet lifted the hair past rounding (r = -1.1125: some steps), it has its
    # word; r = -99.7 lifts it past at the first step, and its column is no dust then.
    assert bool(named) is (name != "weight-matrix"), named
