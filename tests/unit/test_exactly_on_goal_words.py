"""An error of exactly 0 is said to be 0, and a step that lands on the goal is said to land.

Lessons 3, 4 and 5 at r = 0 (alpha = 1/input^2) or started on the goal: the panel said
"error is below 0.000001" of an error of exactly 0, and "1 more step to error < 0.000001"
of a step that lands exactly on the goal.
"""

import pytest

from gradstep.core.courses import course_problem
from gradstep.core.history import History
from gradstep.tui.words.readout import readout_lines
from gradstep.tui.words.say import say

LANGUAGES = ["en", "zh"]
LESSONS = ["gradient-descent", "error-curve", "divergence"]


def _last(history: History, language: str, output: int = 0) -> str:
    return readout_lines(history, language, output=output)[-1]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", LESSONS)
def test_r_0_lands_in_one_step_then_says_exactly_0(name, language):
    problem = course_problem(name)
    history = History.start(problem.replace(alpha=1 / problem.inputs[0] ** 2))
    error = say(language, "to_go.error")
    assert history.error > 0 and history.step().error == 0
    assert _last(history, language) == say(language, "lands_next", error=error)
    assert _last(history.step(), language) == say(language, "exactly_zero", error=error)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", LESSONS)
def test_a_start_on_the_goal_says_exactly_0(name, language):
    problem = course_problem(name)
    history = History.start(problem.replace(goal=problem.weights[0] * problem.inputs[0]))
    assert history.error == 0
    assert _last(history, language) == say(language, "exactly_zero", error=say(language, "to_go.error"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("alpha", [1.0, 0.5, 0.1])
def test_a_hair_below_the_tolerance_is_said_as_the_next_step_leaves_it(alpha, language):
    """A rounding hair (0.65 x 0.9 is 0.5850000000000001) is below the tolerance, not 0;
    the next step may round it away (then it lands) or not (then it is below)."""
    problem = course_problem("gradient-descent").replace(weights=(0.9,), goal=0.585, inputs=(0.65,), alpha=alpha)
    history = History.start(problem)
    error = say(language, "to_go.error")
    assert 0 < history.error < 1e-6
    expected = say(language, "lands_next", error=error) if history.step().error == 0 else \
        say(language, "below_tolerance", error=error, tolerance="0.000001")
    assert _last(history, language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_9_s_output_on_its_goal_is_exactly_0_amid_a_diverging_run(language):
    problem = course_problem("several-outputs").replace(inputs=(5.0,))
    history = History.start(problem)
    for _ in range(10):
        history = history.step()
    assert _last(history, language, output=1) == say(language, "exactly_zero",
                                                     error=say(language, "to_go.output", output=2))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_growing_hair_is_not_called_below_the_tolerance_alone(language):
    """r < -1 multiplies a rounding hair each step: "below 0.000001" says that it grows."""
    problem = course_problem("divergence").replace(weights=(0.9,), inputs=(0.65,), goal=0.585, alpha=10.0)
    history = History.start(problem)
    assert 0 < history.error < 1e-6
    assert _last(history, language) == say(language, "below_tolerance.growing", error=say(language, "to_go.error"),
                                           tolerance="0.000001")
