"""What two newcomer walkers (English and Chinese, 80x24) found on main: each put right at its
cause and read back from the screen."""

import pytest

from gradstep.tui.app.widgets.lesson import LessonPanel

from ..helpers import SIZE, app_for
from .test_app import key_bar_text


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", ["measure-error", "error-curve", "alpha"])
async def test_after_an_edit_the_key_bar_offers_w_only_where_the_panel_has_more(lesson, language):
    """Lessons 1, 4 and 6, a step, then e, a new weight and Enter: the run starts again and
    the lesson panel, the whole row wide once more, fits its words on fewer pages; the bar,
    drawn before that resize, offered "w more" though the panel had one page, and w said
    there was no more."""
    app = app_for(lesson, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "e")
        weights = app.screen.query_one("#weights")
        weights.value = "0.3" if weights.value != "0.3" else "0.4"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        pages = app.query_one(LessonPanel).page_count(app.state)
        offered = {"en": "w more", "zh": "w 翻页"}[language] in key_bar_text(app)
        assert offered == (pages > 1), (pages, key_bar_text(app))
