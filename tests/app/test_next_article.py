"""Lessons 8 to 10 in the app, as a student meets them: the freeze key, the number keys
that pick an output, the matrix, predict mode, and the lesson list that holds ten."""

import dataclasses
import re

import pytest

from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.screens.ask import GuessScreen
from gradstep.tui.app.screens.editor import EditorScreen
from gradstep.tui.app.screens.lessons import LessonsScreen
from gradstep.tui.app.widgets.lesson import paragraphs
from gradstep.tui.words.say import say

from ..helpers import SIZE, app_for, press_at_once, screen_text, settle


def panel(app) -> str:
    return " ".join(text for text, _ in paragraphs(app.state))


async def test_z_freezes_the_followed_weight_and_unfreezes_it():
    app = app_for("multi-weight")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "2", "z")
        problem = app.state.session.problem
        assert problem.frozen == (1,) and app.state.session.history.iteration == 0
        assert app.state.notice == "w2 frozen: its weight_delta is set to 0. A new run from 0; b goes back."
        assert "Error vs frozen w2 (others as now)" in screen_text(app)
        await pilot.press("space")
        assert app.state.session.history.record(0).weight_delta[1] == 0
        assert "w2 is frozen: its weight_delta is set to 0, so it does not move" in panel(app)
        await pilot.press("z")
        assert app.state.session.problem.frozen == () and "w2 learns again" in app.state.notice
        await pilot.press("b", "b")  # back to the frozen run, then to the first
        assert app.state.session.problem.frozen == (1,)


@pytest.mark.slow  # beside z one at a time; keys read together are everyday in test_frames: in CI
async def test_z_read_together_with_space_freezes_then_steps():
    app = app_for("multi-weight")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "z", "space", "space")
        history = app.state.session.history
        assert history.problem.frozen == (0,) and history.iteration == 2
        assert set(history.weight_trail[:, 0].tolist()) == {0.1}


@pytest.mark.slow  # the refusal is line mode's too, a unit test (tests/unit/test_next_article.py): in CI
async def test_z_with_one_weight_says_why_and_changes_nothing():
    app = app_for("gradient-descent")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        before = app.state.session
        await pilot.press("z")
        assert app.state.session is before
        assert app.state.notice == "Freezing needs several weights: with only one, nothing would learn."


@pytest.mark.slow  # a lesson's words on screen, as test_words_on_screen does everyday: in CI
async def test_the_freeze_lesson_teaches_with_the_numbers_on_screen():
    app = app_for("freeze-weight")
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "weights    0.1* 0.2 -0.1" in text and "; * frozen" in text and "goal       1   " in text and "r = 1 - 0.3 x 1.8625 = 0.44125" in text
        assert "0.65^2 + 1.2^2 = 1.8625" in panel(app)
        await pilot.press("space", "space", "space")
        history = app.state.session.history
        assert history.weights[0] == 0.1 and history.error < history.errors[0]
        assert "[0 -0.017718 -0.03271]" in panel(app)  # a list as every panel writes it


async def test_a_number_key_picks_the_output_the_chart_and_the_worked_step_follow():
    app = app_for("several-outputs")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "2")
        assert app.state.output == 1
        text = screen_text(app)
        assert "Error 2 vs w2,1" in text and "#0->#1 output 2 of 3 (keys 1-3):" in text
        assert "delta = 0.13 - 1 = -0.87" in panel(app)
        assert "error 1   error 2   error 3" in text  # each output's error, to five digits
        await pilot.press("4")  # no fourth output: nothing changes
        assert app.state.output == 1
        await pilot.press("v")
        assert "Error 2 vs iteration" in screen_text(app)


@pytest.mark.slow  # beside the everyday number-key test: in CI
async def test_the_same_key_again_walks_along_a_row_of_the_matrix():
    app = app_for("weight-matrix")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert app.state.followed == 6 and "Error 3 vs w3,1 (others as now)" in screen_text(app)
        await press_at_once(pilot, "3", "3")
        assert app.state.followed == 8 and "Error 3 vs w3,3 (others as now)" in screen_text(app)
        await pilot.press("3")
        assert app.state.followed == 6


@pytest.mark.slow  # every lesson fits 80x24: the exhaustive tier, in CI
async def test_the_matrix_and_its_worked_step_fit_80x24_in_both_languages():
    for language in ("en", "zh"):
        app = app_for("weight-matrix", language=language)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space")
            lines = screen_text(app).splitlines()
            assert len(lines) == 24
            rows = [line for line in lines if re.match(r"(row [123] of w|第 [123] 行权重) ", line)]
            assert len(rows) == 3 and "-0.30546" in rows[0] and "1.2944" in rows[2]  # a row a line, five digits as elsewhere


@pytest.mark.slow  # beside the everyday predict-mode tests: in CI
async def test_predict_mode_with_several_outputs_asks_for_the_summed_error():
    app = app_for("several-outputs")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space")
        assert isinstance(app.screen, GuessScreen)
        assert "What will the error sum (the outputs' errors added up) be after this step? It is 1.0012 now." in \
               " ".join(screen_text(app).replace("│", " ").split())
        await press_at_once(pilot, *"0.91834", "enter")
        assert panel(app).startswith("You guessed 0.91834; it is 0.91834: right.")


@pytest.mark.slow  # beside the everyday lesson list (test_app's l then enter): in CI
async def test_the_list_opens_the_tenth_lesson_with_0_and_the_next_ten_with_w():
    extra = dataclasses.replace(find_lesson("alpha"), name="mine", source="mine.toml", questions=())
    app = GradstepApp(Session.begin(dataclasses.replace(find_lesson("alpha"), questions=())), extra_lessons=(extra,))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        text = " ".join(re.findall(r"│ (.*?) *│", screen_text(app)))  # the list's lines, as one text
        assert "10 [0] weight-matrix" in text and "l, q or Esc goes" in text
        assert "Lessons 1 to 10 of 11: w shows the next ones." in text
        await pilot.press("w")
        await pilot.pause()
        assert "11 [1] mine" in screen_text(app)  # its number, and the key that opens it
        await pilot.press("1")
        assert app.state.session.lesson.name == "mine"
        await pilot.press("l", "0")
        assert app.state.session.lesson.name == "weight-matrix"


@pytest.mark.parametrize(("lesson", "field", "typed", "reason"), [
    ("weight-matrix", "weights", "0.1,0.1,-0.3;0.1,0.2;0,1.3,0.1", "weights: row 2 has 2 numbers, row 1 has 3"),
    ("weight-matrix", "goal", "0.1,1", "goals: 9 weights do not fill 2 rows of 3"),  # the field changed, named as the form labels it
    ("freeze-weight", "frozen", "4", "frozen: there is no weight 4: the weights are numbered 1 to 3"),
    ("freeze-weight", "frozen", "one", "frozen: 'one' is not a weight number"),
    ("several-outputs", "goal", ",".join(["1"] * 10), "goals: has 10 values: a problem has at most 9 outputs"),
])
@pytest.mark.slow  # the shapes' refusals are unit tests; the editor's refusal is test_app's: in CI
async def test_the_editor_refuses_a_shape_that_does_not_fit_in_place(lesson, field, typed, reason):
    app = app_for(lesson)
    async with app.run_test(size=SIZE) as pilot:
        before = app.state.session
        await pilot.press("e")
        assert isinstance(app.screen, EditorScreen)
        app.screen.query_one(f"#{field}").value = typed
        await pilot.press("enter")
        assert isinstance(app.screen, EditorScreen)
        assert reason in " ".join(str(line) for line in app.screen.query_one("#refusal").lines(72))
        assert app.state.session is before


@pytest.mark.slow  # beside the everyday editor test; a matrix's text is a unit test (test_next_article): in CI
async def test_the_editor_takes_a_matrix_and_frozen_weights():
    app = app_for("multi-weight")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#weights").value = "0.1,0.1,-0.3;0.1,0.2,0;0,1.3,0.1"
        app.screen.query_one("#goal").value = "0.1,1,0.1"
        app.screen.query_one("#frozen").value = "1,5"
        await pilot.press("enter")
        problem = app.state.session.problem
        assert problem.shape == (3, 3) and problem.frozen == (0, 4) and problem.goal == (0.1, 1.0, 0.1)
        await pilot.press("e")
        assert app.screen.query_one("#weights").value == "0.1 0.1 -0.3; 0.1 0.2 0; 0 1.3 0.1"  # as the panels write it
        assert app.screen.query_one("#frozen").value == "1 5"


@pytest.mark.slow  # a second test of several outputs' words, beside the everyday test_a_number_key_picks_the_output_the_chart_and_the_worked_step_follow: in CI
@pytest.mark.parametrize("lesson", ["several-outputs", "weight-matrix"])
async def test_the_sum_of_the_errors_has_one_chinese_name_on_every_panel(lesson):
    """Lessons 9 and 10 named the outputs' summed error 误差和 on the parameters panel, 误差
    over the log's column and 记录的误差 in the worked step: one figure, three names, beside
    误差 1 to 误差 3, each output's own. Now it is 误差和 wherever it is shown."""
    total = say("zh", "error_sum")
    app = app_for(lesson, language="zh")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("space")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        log_heading = next(line for line in lines if line.strip().startswith("#"))
        assert total in log_heading.split() and "误差 1" in log_heading  # the sum's column, beside 误差 1 ...
        assert not re.search(r"误差(?!和| \d)", log_heading)  # no bare 误差 of the sum
        assert any(line.strip().startswith(total) for line in lines)  # the parameters panel
        assert any(f"{total} = " in line for line in lines)  # the worked step's sum
        assert any("误差 1 = (" in line for line in lines)  # and output 1's own, as the chart's title names it
        assert not any("记录的误差" in line for line in lines)
