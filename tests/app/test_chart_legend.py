"""The chart's legend names only the markers it draws.

With every weight of lesson 8 frozen each step stays on the current point, whose @ covers
every o of the trail: the caption said "o: error at its step" beside a plot with no o."""

import pytest

from ..helpers import app_for, press_at_once, settle

SIZE = (80, 24)


def plot_and_caption(app) -> tuple[str, str]:
    chart = app.query_one("#chart")
    caption = chart.caption(app.state)
    picture = chart.draw(app.state).plain
    return picture[: len(picture) - len(caption)], caption


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("keys", "drawn"), [(("2", "z", "3", "z"), False), ((), True)])
async def test_the_trails_legend_stands_only_beside_a_drawn_o(keys, drawn, language):
    from gradstep.tui.words.say import say

    app = app_for("freeze-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *keys, "space", "space", "space")
        await settle(pilot)
        assert app.state.session.history.iteration == 3
        assert len(app.state.session.problem.frozen) == (3 if keys else 1)
        plot, caption = plot_and_caption(app)
        assert ("o" in plot) is drawn, plot
        assert (say(language, "chart.trail_then") in caption) is drawn, caption


@pytest.mark.slow  # every lesson with a trail: beside the everyday legend test above, in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", ["hot-cold", "gradient-descent", "error-curve", "divergence", "alpha"])
async def test_every_lessons_drawn_trail_is_named_on_screen(lesson, language):
    """Lessons 2 to 6 drew the trail's o's with no word of what they are: the legend stood
    only where several weights set them off the curve, first in lesson 7. Wherever an o is
    drawn, on either view, the caption names it, and it is on the screen."""
    from gradstep.tui.words.say import say

    from ..helpers import screen_text

    app = app_for(lesson, language=language)
    async with app.run_test(size=SIZE) as pilot:
        for view in ("weight", "iteration"):
            await press_at_once(pilot, "space", "space", "space")
            await settle(pilot)
            plot, caption = plot_and_caption(app)
            legend = say(language, "chart.trail")
            assert ("o" in plot) is (legend in caption), (view, plot, caption)
            if view == "weight":
                assert "o" in plot
            assert ("o" not in plot) or legend in screen_text(app), view
            await pilot.press("v")  # the same on the chart of error vs iteration
