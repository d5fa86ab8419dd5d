"""The chart's shortcut: a step's points laid over the kept curve are plotext's own picture."""

import pytest

from ..helpers import SIZE, app_for


def full_picture(chart, state):
    """The chart drawn without its kept curve, as plotext draws it in one go."""
    kept = chart._curve, chart._layers
    chart._curve = ()
    try:
        return chart.draw(state)
    finally:
        chart._curve, chart._layers = kept


@pytest.mark.parametrize("lesson, options", [("alpha", {}), ("hot-cold", {"ascii_only": True}),
                                             ("error-curve", {"low_bandwidth": True}), ("divergence", {})])
@pytest.mark.slow  # beside the everyday set: in CI
async def test_points_laid_over_the_kept_curve_are_the_whole_picture(lesson, options):
    app = app_for(lesson, **options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chart = app.query_one("#chart")
        laid = 0
        for _ in range(30):
            state = app.state
            picture = chart.draw(state)
            laid += chart._layers is not None
            whole = full_picture(chart, state)
            assert picture.plain == whole.plain and picture.spans == whole.spans
            if state.session.history.can_step:
                app.state = state.replace(session=state.session.step())
        assert laid > (0 if lesson == "divergence" else 20)  # the shortcut was taken (the diverging curve keeps moving)
