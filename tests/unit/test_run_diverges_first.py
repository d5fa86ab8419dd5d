"""A diverging run says so first, whatever output the parameters panel follows.

Lesson 9 with input 5 and alpha 0.1: r = -1.5, the error sum reached 2.8823e+22 in 60 steps,
yet the panel following output 2 (0.2 x 5 = 1, its goal) said only "output 2 starts on goal:
r x 0 = 0" and "error 2 is below 0.000001", and its title only "gradient descent".
"""

import pytest

from gradstep.core.analysis import run_diverges
from gradstep.core.courses import course_problem
from gradstep.core.history import History
from gradstep.tui.words.readout import r_verdict, readout_lines
from gradstep.tui.words.say import say
from gradstep.tui.app.widgets.parameters import parameters_title

LANGUAGES = ["en", "zh"]


def _run(name: str, steps: int, **changes) -> History:
    history = History.start(course_problem(name).replace(**changes))
    for _ in range(steps):
        history = history.step()
    return history


def _says_diverges(text: str, language: str) -> bool:
    return say(language, "run.diverges") in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("output", [0, 1, 2])
def test_lesson_9_with_an_output_on_its_goal_says_the_run_diverges_first(output, language):
    history = _run("several-outputs", 60, inputs=(5.0,))
    assert history.error > 1e22 and run_diverges(history.problem)
    headline = readout_lines(history, language, output=output)[1]
    assert _says_diverges(headline, language) or say(language, "regime.diverging") == headline, headline
    if output == 1:  # on its goal: said, after the run's divergence
        assert headline.index(say(language, "run.diverges")) == 0
        compact = r_verdict(history, language, output)
        assert compact is None or _says_diverges(compact, language)
    assert _says_diverges(parameters_title(history, language, 40), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_10_with_a_converging_row_followed_says_the_run_diverges(language):
    """Weight 1 of row 1 frozen in lesson 10 with large inputs: row 2 alone may converge while
    row 1 diverges; following a converging row, the panel still says the run diverges."""
    problem = course_problem("weight-matrix")
    n = len(problem.inputs)
    # Every weight of row 2 but one frozen, that one's input small: row 2 converges, the others do not.
    inputs = (0.1,) + (5.0,) * (n - 1)
    frozen = tuple(n + j for j in range(1, n))
    history = _run("weight-matrix", 3, inputs=inputs, alpha=0.1, frozen=frozen)
    assert run_diverges(history.problem)
    lines = readout_lines(history, language, output=1)
    assert _says_diverges(lines[1], language), lines
    compact = r_verdict(history, language, 1)
    assert compact is None or _says_diverges(compact, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix", "multi-weight", "freeze-weight", "gradient-descent"])
def test_a_converging_lesson_says_no_divergence(name, language):
    history = _run(name, 2)
    assert not run_diverges(history.problem)
    assert not _says_diverges(parameters_title(history, language, 40), language)
    assert not any(_says_diverges(line, language) for line in readout_lines(history, language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name, inputs", [("multi-weight", None), ("freeze-weight", None), ("divergence", None)])
def test_one_outputs_diverging_run_says_so_in_the_title(name, inputs, language):
    problem = course_problem(name)
    history = _run(name, 1, alpha=10.0 * problem.alpha if name != "divergence" else problem.alpha)
    assert run_diverges(history.problem)
    assert _says_diverges(parameters_title(history, language, 40), language)
