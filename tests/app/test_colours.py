"""Legible in every palette: dark and light themes, the terminal's own ANSI colours,
and NO_COLOR. No character may be drawn in its own background colour (textual-plotext's
automatic plot theme does exactly that under the ANSI themes)."""

import pytest

from ..helpers import app_for

pytestmark = pytest.mark.slow  # every theme with and without NO_COLOR

THEMES = ["textual-dark", "textual-light", "ansi-dark", "ansi-light"]


def invisible_cells(app) -> list[str]:
    """Characters whose colour is their background's (the terminal's defaults aside)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    found = []
    segments = (segment for line in update.strips for strip in line for segment in strip)
    for segment in segments:
        style = segment.style
        if not segment.text.strip() or style is None or style.reverse:
            continue
        colour, background = style.color, style.bgcolor
        if colour is None or background is None or colour.is_default or background.is_default:
            continue  # the terminal's own foreground on its own background: legible by definition
        if colour == background:
            found.append(segment.text)
    return found


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
@pytest.mark.parametrize("theme", THEMES)
async def test_nothing_is_drawn_in_its_own_background(theme, no_color, monkeypatch):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = app_for("hot-cold")
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.press("space", "space", "space")
        assert app.no_color is no_color
        assert invisible_cells(app) == []
        await pilot.press("question_mark")
        assert invisible_cells(app) == []


async def test_the_automatic_plot_theme_would_have_failed_this_test():
    """The check above can fail: with textual-plotext's "auto" theme it does."""
    app = app_for("alpha")
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one("#chart")
        chart.theme = "auto"  # then textual-plotext registers a plot theme on each theme change
        app.theme = "ansi-dark"
        await pilot.pause()  # the new theme redraws the chart
        assert invisible_cells(app) != []
