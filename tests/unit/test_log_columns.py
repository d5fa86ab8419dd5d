"""The log's columns follow the lesson's shape, not the figures in it.

Lesson 9's log showed e1 e2 e3 and the sum of the errors only after an edit: the columns
were chosen by how wide the figures on screen were (0.009025 takes 8 cells, 0.0082785
nine), so the same lesson showed different columns from run to run and edit to edit.
"""

import dataclasses

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.tui.app.widgets.log import log_layout
from hypothesis import given
from hypothesis import strategies as st

LOG = (39, 10)  # the log's cells at 80x24, inside its margin
STEPS = (0, 1, 4, 30)
LESSONS = ("several-outputs", "weight-matrix", "multi-weight", "gradient-descent", "divergence")


def _columns(problem, steps: int, width: int = LOG[0], language: str = "en") -> list[tuple[str, int | None]]:
    history = History.start(problem)
    for _ in range(steps):
        if not history.can_step:
            break
        history = history.step()
    return log_layout(history, width, LOG[1], False, language).columns


def _lesson(name: str):
    return find_lesson(name).problem


numbers = st.floats(-900, 900, allow_nan=False).filter(lambda x: x == 0 or abs(x) > 1e-6)


@pytest.mark.parametrize("name", LESSONS)
@given(data=st.data())
def test_an_edit_that_keeps_the_shape_keeps_the_columns(name, data):
    """Any weights, inputs, goals and alpha of the lesson's shape, at any step: the columns
    the lesson starts with."""
    problem = _lesson(name)
    edited = problem.replace(
        weights=tuple(data.draw(numbers) for _ in problem.weights),
        inputs=tuple(data.draw(numbers) for _ in problem.inputs),
        goal=tuple(data.draw(numbers) for _ in problem.goals) if problem.outputs > 1 else data.draw(numbers),
        alpha=data.draw(st.sampled_from([0.001, 0.01, 0.1, 1.0, 3.0])))
    steps = data.draw(st.sampled_from(STEPS))
    assert _columns(edited, steps) == _columns(problem, 0)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
def test_several_outputs_show_the_same_columns_every_step(name, language):
    """The run the newcomer walked: lesson 9 or 10 as it starts, then step after step."""
    problem = _lesson(name)
    seen = {tuple(_columns(problem, steps, language=language)) for steps in (0, 1, 2, 5, 30)}
    assert len(seen) == 1, seen
    assert [field for field, _ in seen.pop()][:problem.outputs] == ["output_error"] * problem.outputs


def test_a_column_comes_or_goes_with_the_shape():
    """Two outputs leave room for the sum of their errors, where three do not: the shape
    decides it, whatever the figures."""
    three = _lesson("several-outputs")
    two = three.replace(weights=three.weights[:2], goal=three.goals[:2])
    assert ("error", None) not in _columns(three, 0)
    assert ("error", None) in _columns(two, 0)
    assert ("error", None) in _columns(two.replace(weights=(0.123456, -850.0), goal=(0.0082785, 1e7)), 3)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("every_digit", [True, False])
def test_hot_colds_move_column_is_headed_as_the_move_each_row_makes_next(language, every_digit):
    """Lesson 2 with every digit (f): row 16, weight -1.1, said "up" under "move" though
    step 16 had moved down to it. A row's move is the one its probes choose, the step that
    leaves it (the last row has none yet), as the export's `move` beside `weight_after`: the
    heading says so ("next", 下一步), whole in either language, over its moves in the
    reader's words, the same in the rounded log where it has the room (80 columns)."""
    from gradstep.core.row_values import as_row
    from gradstep.tui.app.widgets.log import IterationLog, heading, log_words
    from gradstep.tui.words.say import say

    history = History.start(_lesson("hot-cold")).jump(17)
    layout = log_layout(history, 80, LOG[1], every_digit, language)
    at = [field for field, _ in layout.columns].index("move")
    width = layout.widths[at]
    assert heading(layout.columns[at], width, language, history.problem).strip() == say(language, "column.next_move")
    moves = IterationLog._column([row.get("move") for row in layout.rows], width, every_digit,
                                 log_words(language, history.problem.outputs))
    rows = dict(zip(range(layout.first, layout.last + 1), (cell.strip() for cell in moves)))
    words = {"up": say(language, "direction.up"), "down": say(language, "direction.down")}
    assert (rows[15], rows[16], rows[17]) == (words["down"], words["up"], "")
    for k, (row, below) in enumerate(zip(layout.rows, layout.rows[1:]), start=layout.first):
        went = "up" if below["weight"] > row["weight"] else "down"  # each row's move takes it to the row below
        record = as_row(history.record(k))  # as the export writes it, beside weight_after
        assert rows[k] == words[went] and record["move"] == went and record["weight_after"] == below["weight"]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
def test_an_outputs_error_is_named_in_the_log_as_on_the_chart_and_in_the_worked_step(name, language):
    """Lesson 9's Chinese log headed its columns 误差1 beside the chart's 误差 1 随 w1,1 and the
    worked step's 误差 1 = ...; the English log abbreviated it e1, said nowhere to mean error 1.
    One name: the log's heading is the worked step's, which the chart's title begins with."""
    from gradstep.tui.app.widgets.log import OUTPUTS_WIDTH, heading
    from gradstep.tui.words.say import say
    from gradstep.tui.words.worked import worked_step

    problem = find_lesson(name).problem
    history = History.start(problem).step()
    for output in range(problem.outputs):
        shown = heading(("output_error", output), OUTPUTS_WIDTH, language, problem).strip()
        worked = next(line for line in worked_step(history, language, output)
                      if line.startswith(say(language, "worked.output_error", output=output + 1, prediction="",
                                                 goal="", equals="", value="").partition(" = ")[0]))
        chart = say(language, "chart.output_iteration", output=output + 1)
        assert worked.startswith(f"{shown} = ") and chart.lower().startswith(shown.lower()), (shown, worked, chart)
