"""What two newcomers (English and Chinese, 80x24, the README only) stopped on, each put
right and read back from the screen as they saw it, in both languages."""

import pytest

from gradstep.tui.app.widgets.lesson import paragraphs

from ..helpers import SIZE, app_for, screen_text


def squeezed(app) -> str:
    """The screen with every space and line break taken out: a sentence reads the same
    wherever the panel wrapped it."""
    return "".join(screen_text(app).split())


@pytest.mark.slow  # the worked step's figures are a unit test (test_next_article); words on screen are everyday: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_frozen_weights_weight_delta_is_0_on_the_worked_steps_first_page(language):
    app = app_for("freeze-weight", language=language)  # weight 1 frozen; delta x input would be -1.19
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert "[0,-0.091,-0.168]" in squeezed(app)
        assert "-1.19" not in squeezed(app)


@pytest.mark.slow  # the words of a start on the goal are unit tests (test_prose); words on screen are everyday: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_start_on_the_goal_is_said_to_be_there_not_to_diverge_or_land(language):
    """Lesson 3 with input -2: 0.5 x -2 is the goal -1, error 0 every row. The panel said
    "r < -1: diverges, growing", the text "the error grows 9-fold a step and explodes" and
    the story "Landed at iteration 0". r still says what a miss would do; none grows from 0."""
    app = app_for("gradient-descent", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#inputs").value = "-2"
        await pilot.press("enter", "space", "space")
        assert list(app.state.session.history.errors) == [0.0, 0.0]
        on_goal = {"en": ("onthegoal:rx0isstill0", "Thestartisonthegoal:"),
                   "zh": ("起点就在目标上：r×0仍是0", "起点就在目标上：从第0次迭代起")}[language]
        assert all(words in squeezed(app) for words in on_goal)
        assert not any(words in squeezed(app) for words in ("diverges,growing", "Landedat", "发散，来回", "落在目标上"))


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_8_never_says_the_learners_reach_the_goal_of_a_run_that_diverges(language):
    """Lesson 8 with weights 2 and 3 frozen: r = 1 - 0.3 x 72.25 = -20.675, yet the text said
    "the weights that learn carry the prediction to the goal" beside "explodes"."""
    app = app_for("freeze-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#frozen").value = "2,3"
        await pilot.press("enter")
        assert app.state.session.problem.frozen == (1, 2)
        words = "".join(" ".join(text for text, _ in paragraphs(app.state)).split())
        assert "r=1-0.3" in words and "72.25=-20.675" in words
        assert {"en": "carrythepredictiontothegoal", "zh": "把预测带到目标"}[language] not in words
        assert {"en": "explodes", "zh": "发散"}[language] in words
