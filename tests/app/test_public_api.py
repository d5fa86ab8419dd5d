"""The app reaches Textual through its public API: filters by get_line_filters, keys by
inherit_bindings, ASCII scrollbars by a line filter, and no class attribute of Textual's changed
for every app in the process (what is left of Textual's internals is in tui/app/compat.py)."""

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import Monochrome, NoColor
from textual.scrollbar import ScrollBar, ScrollBarRender

from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.ascii import AsciiFilter
from gradstep.tui.app.keys import key_bindings

from ..helpers import app_for


def test_an_ascii_app_leaves_every_other_apps_scrollbars_as_they_were():
    app_for(ascii_only=True)
    assert ScrollBar.renderer is ScrollBarRender


def test_a_scrollbar_glyph_becomes_a_space_in_its_own_colours():
    style = Style(color="red", bgcolor="blue")
    glyphs = "".join(ScrollBarRender.VERTICAL_BARS[:-1] + ScrollBarRender.HORIZONTAL_BARS[:-1])
    [segment] = AsciiFilter().apply([Segment(glyphs, style)], Color(0, 0, 0))
    assert segment == Segment(" " * len(glyphs), style)
    [other] = AsciiFilter().apply([Segment("é", style)], Color(0, 0, 0))
    assert other.text == "?"  # anything else is still a question mark


async def test_the_ascii_filter_is_the_last_one_only_on_an_ascii_terminal():
    ascii_app, plain_app = app_for(ascii_only=True), app_for()
    async with ascii_app.run_test(size=(80, 24)):
        assert isinstance(ascii_app.get_line_filters()[-1], AsciiFilter)
    async with plain_app.run_test(size=(80, 24)):
        assert not any(isinstance(f, AsciiFilter) for f in plain_app.get_line_filters())


async def test_no_color_follows_the_theme_of_the_moment(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-dark"
        await pilot.pause()
        assert any(isinstance(f, Monochrome) for f in app.get_line_filters())
        app.theme = "ansi-dark"
        await pilot.pause()
        filters = app.get_line_filters()
        assert any(isinstance(f, NoColor) for f in filters)
        assert not any(isinstance(f, Monochrome) for f in filters)


def test_the_apps_keys_are_its_own_and_none_of_textuals():
    app = app_for()
    assert {binding.key for _, binding in app._bindings} == {binding.key for binding in key_bindings()}
    assert GradstepApp._inherit_bindings is False


def test_the_weight_keys_and_the_smallest_screen_come_from_the_limits():
    from gradstep.core.limits import SMALLEST_SCREEN, WEIGHT_KEYS

    digits = {binding.key for binding in key_bindings() if binding.action.startswith("select(")}
    assert digits == {str(n) for n in range(1, WEIGHT_KEYS + 1)}
    assert (0, "-too-narrow") in GradstepApp.HORIZONTAL_BREAKPOINTS
    assert (SMALLEST_SCREEN[0], "-narrow") in GradstepApp.HORIZONTAL_BREAKPOINTS
    assert (SMALLEST_SCREEN[1], "-short") in GradstepApp.VERTICAL_BREAKPOINTS
