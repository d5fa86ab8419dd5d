"""The log writes every number with the digits the other panels write it with.

A newcomer read 7.43e+11 in lesson 9's log with input 850 (the worked step promises five
digits), and 0.008278 in the log beside the worked step's 0.0082785: the several outputs'
columns were 8 cells wide whatever their figures needed.
"""

import dataclasses

import numpy as np
import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.numbers import readable
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.widgets.log import log_columns

from tests.helpers import SIZE


def _app(name: str, language: str, **changes) -> GradstepApp:
    lesson = find_lesson(name)
    lesson = dataclasses.replace(lesson, questions=(), problem=lesson.problem.replace(**changes))
    return GradstepApp(Session.begin(lesson), language=language)


def _log_cells(app: GradstepApp) -> list[list[str]]:
    """The log's rows under its heading, each split into its cells."""
    log = app.query_one("#log")
    return [str(line).split() for line in log.draw(app.state).renderables[1:]]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "changes"), [
    ("several-outputs", {}),  # 0.0082785 read 0.008278
    ("several-outputs", {"inputs": (850.0,)}),  # 7.4321e+11 read 7.43e+11
    ("weight-matrix", {}),
    ("divergence", {"inputs": (850.0,)}),
])
@pytest.mark.slow  # a second test of the log's figures, beside the everyday test_every_digits_headings_are_whole; the formatter's own are unit tests: in CI
async def test_every_error_in_the_log_reads_as_the_other_panels_write_it(name, changes, language):
    app = _app(name, language, **changes)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):
            await pilot.press("space")
        await pilot.pause()
        history = app.state.session.history
        problem = history.problem
        log = app.query_one("#log")
        columns = log_columns(problem, log.size.width - 3, 1)  # every column the log could show
        assert any(field == "output_error" for field, _ in columns) or problem.outputs == 1
        rows = _log_cells(app)
        assert rows, "the log shows rows"
        errors = np.append(history.errors, history.error)
        first = history.iteration + 1 - len(rows)
        shown = [field for field, _ in log._layout(app.state).columns]
        for k, cells in zip(range(first, history.iteration + 1), rows):
            values = [float(errors[k])]
            if problem.outputs > 1:
                predictions = history.predictions[k] if k < history.iteration else np.ravel(history.prediction)
                values = [float((p - g) ** 2) for p, g in zip(predictions, problem.goals)]
                assert shown[:3] == ["output_error"] * 3, "each output's error is in the log"
                assert cells[1:4] == [readable(v) for v in values], (k, cells)
            else:
                assert readable(values[0]) in cells, (k, cells)


@pytest.mark.slow  # a second test of the log's figures, beside the everyday test_every_digits_headings_are_whole and test_words_on_screen's dust test: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("steps", [5, 7, 12])
async def test_hot_and_colds_rounding_dust_in_the_log_has_its_word(steps, language):
    """Lesson 2's log showed 2.7756e-17 as a weight, bare, rows after the worked step had
    said what it is: a word under the log says it while it is on screen."""
    from gradstep.tui.words.say import say
    from tests.helpers import screen_text

    app = _app("hot-cold", language)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(steps):
            await pilot.press("space")
        await pilot.pause()
        from rich.cells import set_cell_size

        log = [set_cell_size(line, 40) for line in screen_text(app).splitlines()[13:23]]  # the log's 40 cells
        note = say(language, "log.dust", value="2.7756e-17")
        assert any("2.7756e-17" in line and line.split()[0].isdigit() for line in log), log
        assert any(note in line for line in log), log
        shown = app.query_one("#log").draw(app.state).renderables
        assert len(shown) == min(steps + 3, app.query_one("#log").size.height)  # the heading, the rows, the word


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["gradient-descent", "error-curve", "alpha"])
async def test_every_digits_headings_are_whole(name, language):
    """With f (every digit) Chinese lesson 3's log headed a column "权重改…": the column was
    as wide as its figures (0.0 takes 3 cells) and 权重改变量 takes 10. A column is as wide
    as its heading where it holds every digit, so no heading is cut."""
    from tests.helpers import app_for, press_at_once, screen_text, settle

    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "space", "space", "f")
        await settle(pilot)
        assert app.state.exact
        headings = screen_text(app).splitlines()[12]
        assert "…" not in headings, headings
