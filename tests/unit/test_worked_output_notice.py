"""The words under a worked step speak of the output it is worked for, at that step.

Lesson 10 with inputs 8.5, 0, -100 and output 2 a rounding hair off its goal diverges: a
dozen steps on, output 2's worked step read "delta = -1.0798e+06 - 0.85 = -1.0798e+06" and,
pages later under it, "the miss here is only a rounding hair (1.1102e-16)", the start's.
"""

import dataclasses

import pytest
from gradstep.core import analysis
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.numbers import readable
from gradstep.core.rules import OutputsStep, output_record
from gradstep.core.session import Session
from gradstep.tui.app.state import AppState
from gradstep.tui.app.widgets.lesson import paragraphs

HAIR = {"en": "rounding hair", "zh": "舍入留下的一丝"}
OUTPUT = {"en": "Output {}'s", "zh": "输出 {} 的"}
STAYS = {"en": "output {} starts on its goal", "zh": "输出 {} 起点就在目标上"}
EXPLODES = {"en": "explodes", "zh": "这就是发散"}

# (lesson, changes, the output on its goal, exactly): one output on its goal, another diverging
ON_GOAL = [
    ("weight-matrix", {"inputs": (8.5, 0.0, -100.0), "goal": (0.1, 0.85, 0.1)}, 1, False),  # 0.1 x 8.5 is a hair off
    ("several-outputs", {"goal": (0.1, 1.0, 0.585), "alpha": 5.0}, 2, False),  # 0.9 x 0.65 is a hair off
    ("several-outputs", {"inputs": (2.0,), "weights": (0.3, 0.5, 0.9), "alpha": 1.0}, 1, True),  # 0.5 x 2 is 1
    ("weight-matrix", {"inputs": (8.5, 0.0, -100.0), "weights": (0.1, 0.1, -0.3, 0.5, 0.0, 0.0, 0.0, 1.3, 0.1),
                       "goal": (0.1, 4.25, 0.1)}, 1, True),  # 0.5 x 8.5 is 4.25
]


def panel(session: Session, output: int, language: str) -> str:
    """The lesson panel's words, all its pages, with the worked step of `output` (from 0)."""
    state = AppState(session, language=language, selected=output * len(session.problem.inputs))
    return " ".join(text for text, _ in paragraphs(state))


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "changes", "on_goal", "exactly"), ON_GOAL)
def test_the_words_under_a_worked_step_are_its_outputs_at_its_step(name, changes, on_goal, exactly, language):
    lesson = find_lesson(name)
    problem = lesson.problem.replace(**changes)
    assert analysis.run_diverges(problem)
    assert analysis.rounding_misses(problem)[on_goal] is not exactly
    session = dataclasses.replace(Session.begin(lesson), history=History.start(problem))  # as the editor (e) applies it
    for steps in range(1, 14):
        session = session.step()
        record = session.history.record(steps - 1)
        assert isinstance(record, OutputsStep)
        for output in range(problem.outputs):
            said = panel(session, output, language)
            own = output_record(record, output)
            hair = analysis.rounding_hair(float(own.delta), problem.goals[output], own.weights, problem.inputs)
            # A hair is said only beside a hair's delta, named by the output worked, with its figure.
            assert (HAIR[language] in said) is hair, (steps, output, said)
            if hair:
                assert OUTPUT[language].format(output + 1) in said, said
                assert f"{readable(own.delta)}" in said, said
            # An output on its goal exactly stays there: not "the error explodes" of it alone.
            if exactly and output == on_goal:
                assert own.delta == 0
                assert STAYS[language].format(output + 1) in said, said
                assert EXPLODES[language] not in said, said
            elif output != on_goal:
                assert EXPLODES[language] in said, said


LEAVES = {"en": "float rounding leaves", "zh": "浮点舍入留下了"}
GROWN = {"en": "put it a hair off at the start", "zh": "起点只差浮点舍入的一丝"}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_worked_steps_rounding_note_is_a_hairs_only_beside_a_hair(language):
    """Three steps into r = -99.7, output 2's worked step read "float rounding leaves an
    error of 1.2189e-20" beside its delta of -1.104e-10: a hair grown by r, no longer one."""
    from gradstep.tui.words.worked import worked_step

    name, changes, output, _ = ON_GOAL[0]
    problem = find_lesson(name).problem.replace(**changes)
    history = History.start(problem)
    for steps in range(1, 6):
        history = history.step()
        own = output_record(history.record(steps - 1), output)
        said = " ".join(map(str, worked_step(history, language, output)))
        hair = analysis.rounding_hair(float(own.delta), problem.goals[output], own.weights, problem.inputs)
        assert (LEAVES[language] in said) is hair, (steps, said)
        assert (GROWN[language] in said) is (not hair and readable(own.delta) in said), (steps, said)
