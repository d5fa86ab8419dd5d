"""Every classroom terminal: ASCII only, small and large windows, resizes while stepping."""

import pytest
from gradstep.core.courses import course, find_lesson
from gradstep.tui.words.say import say

from ..helpers import app_for, non_ascii, resize, screen_text, taken

pytestmark = pytest.mark.slow  # every lesson in ASCII and every window size


@pytest.mark.parametrize("name", [lesson.name for lesson in course()])
async def test_ascii_mode_puts_only_ascii_on_screen(name):
    app = app_for(name, ascii_only=True, language="zh")  # asks for Chinese too: it falls back
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.state.language == "en" and "cannot show Chinese" in app.state.notice
        assert non_ascii(screen_text(app)) == set()
        await pilot.press("space", "space")
        assert non_ascii(screen_text(app)) == set()
        for keys in (["question_mark"], ["question_mark", "l"], ["l", "e"], ["escape", "v"]):
            await pilot.press(*keys)
            assert non_ascii(screen_text(app)) == set(), keys


async def test_ascii_mode_after_divergence_and_with_every_digit():
    app = app_for("divergence", ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["space"] * 30, "f")
        assert non_ascii(screen_text(app)) == set()
        assert app.check_action("language", ()) is False  # hidden: Chinese needs UTF-8
        lines = screen_text(app).splitlines()
        assert lines[-2].strip() == say("en", "exact.why")  # f's line, above the keys, says why every digit looks odd
        await pilot.press("v", "v")  # the chart's view there and back: the notice goes
        bar = screen_text(app).splitlines()[-1].rstrip()
        # the banner invites e; space, which would do nothing now, gives its room to what would
        assert bar.startswith("b back e edit") and bar.endswith("? help q quit") and "step" not in bar


SIZES = [(20, 8), (40, 12), (60, 18), (80, 24), (120, 40), (200, 60)]


@pytest.mark.parametrize("name", ["alpha", "multi-weight", "hot-cold"])
async def test_every_size_from_tiny_to_huge_with_resizes_between_steps(name):
    app = app_for(name)
    async with app.run_test(size=(80, 24)) as pilot:
        for width, height in SIZES + SIZES[::-1]:
            await resize(pilot, width, height)
            before = app.state.session
            fits = width >= 80 and height >= 24
            await pilot.press("space") if fits else await pilot.press("space", "plus", "m", "0", "e", "l")
            text = screen_text(app)
            if fits:
                assert taken(app.state.session.history.iteration) in text
                assert find_lesson(name).text("en").title in text
            else:
                assert "needs a window of at least 80x24" in " ".join(text.split())
                assert app.state.session is before and app.screen is app.screen_stack[0]  # nothing happened unseen
        assert app.state.session.history.iteration == 2 * len([size for size in SIZES if size >= (80, 24)])


async def test_a_wide_window_shows_every_log_column():
    app = app_for("alpha")
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("space")
        heading = screen_text(app).splitlines()[len(screen_text(app).splitlines()) // 2:]
        assert any("w_delta" in line and "prediction" in line for line in heading)
