"""What the question box writes of the numbers it is about, which the panels it covers
would tell: written as the panels write them."""

import pytest

from gradstep.tui.app.screens.ask import QuestionScreen

from ..helpers import SIZE, app_for, screen_text


@pytest.mark.parametrize(("language", "frozen"), [("en", "weights 0.1* 0.2 -0.1 (* frozen)"),
                                                  ("zh", "权重：0.1*,0.2,-0.1（* 为冻结）")])
async def test_the_question_box_marks_a_frozen_weight_as_the_parameters_panel_does(language, frozen):
    """Lesson 8's question says weight 1 is frozen and the parameters panel shows "0.1*", but
    the box over it wrote "0.1,0.2,-0.1", unmarked; the box covers the panel's title, which
    says what "*" means, so the box says it too."""
    app = app_for("freeze-weight", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        shown = " ".join(line.strip(" │") for line in screen_text(app).splitlines())
        assert frozen in shown, shown


async def test_a_box_where_no_weight_is_frozen_marks_none():
    app = app_for("multi-weight", questions=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        shown = screen_text(app)
        assert "weights 0.1 0.2 -0.1," in shown and "*" not in shown, shown
