"""Predict mode in a lesson that only measures (lesson 1): the guess is at the error."""

import pytest

from gradstep.tui.app.screens.ask import GuessScreen

from ..helpers import SIZE, app_for, screen_text


def unwrapped(app) -> str:
    """The screen's words with its lines joined (and Chinese lines closed up)."""
    lines = [line.strip(" │") for line in screen_text(app).splitlines()]
    return " ".join(lines)


@pytest.mark.parametrize(("language", "measures", "steps"), [
    ("en", "Enter alone measures without a guess", "steps without"),
    ("zh", "直接按 Enter 则不猜、直接测量；", "走一步")])
async def test_the_guess_box_of_a_lesson_that_only_measures_says_enter_measures(language, measures, steps):
    """The box said Enter alone "steps" (直接走一步) where nothing steps and the key bar's
    space says "measure"."""
    app = app_for("measure-error", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space")
        assert isinstance(app.screen, GuessScreen)
        shown = unwrapped(app)
        assert measures in shown and steps not in shown, shown


@pytest.mark.parametrize(("language", "worked"), [
    ("en", "The error is the miss squared: error = (-0.9 - (-1))^2 = 0.01."),
    ("zh", "误差是预测与目标之差的平方：误差 = (-0.9 - (-1))^2 = 0.01。")])
async def test_a_wrong_guess_at_the_error_is_shown_how_the_error_is_worked_out(language, worked):
    """A guess of 0.1 (the miss, not squared) got only "you were off by 0.09"."""
    app = app_for("measure-error", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space", "0", ".", "1", "enter")
        await pilot.pause()
        assert app.state.session.history.iteration == 1
        shown = unwrapped(app).replace(" ", "")
        assert worked.replace(" ", "") in shown, shown
