"""What a box opened over the lesson stands on: a blank screen, not the panels' cut edges.

Textual's dimmed backdrop lets the panels through; with no colour to dim them, the two
columns beside a 76-wide box at 80x24 read "al│", "│ │" and "╯e", which a student took
for stray typing. The guess box spans the width under the numbers it asks about, and a
question covers the panels itself: neither has a cut edge beside it."""

import pytest

from ..helpers import SIZE, app_for, screen_text

BOXES = {"question_mark": "#help", "l": "#lessons", "e": "#editor"}


def outside(app, box: str) -> set[str]:
    """Every character on screen outside the box (its border included in the box)."""
    region = app.screen.query_one(box).region
    rows = screen_text(app).split("\n")
    return {char for y, row in enumerate(rows) for x, char in enumerate(row)
            if not region.contains(x, y)}


async def opened(key: str, language: str = "en", **options) -> set[str]:
    app = app_for("multi-weight", language=language, **options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", key)
        return outside(app, BOXES[key])


async def test_the_help_stands_on_a_blank_screen():
    assert await opened("question_mark") == {" "}


@pytest.mark.slow  # the help's backdrop is everyday; every box, language, NO_COLOR and ASCII: in CI
@pytest.mark.parametrize("key", list(BOXES))
@pytest.mark.parametrize(("language", "ascii_only", "no_color"),
                         [("en", False, True), ("zh", False, False), ("en", True, True)],
                         ids=["NO_COLOR", "zh", "ascii-NO_COLOR"])
async def test_every_box_stands_on_a_blank_screen(key, language, ascii_only, no_color, monkeypatch):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    assert await opened(key, language, ascii_only=ascii_only) == {" "}


@pytest.mark.slow  # beside the everyday help's backdrop: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_question_stands_on_a_blank_screen_and_a_guess_spans_the_width(language, monkeypatch):
    """A question covers the panels (they might tell the answer); the guess box keeps the
    numbers above it in view, and spans the width, so no panel is cut beside it."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for("weight-matrix", language=language, questions=True)
    async with app.run_test(size=SIZE) as pilot:
        assert outside(app, "#question") == {" "}
    app = app_for("multi-weight", language=language, ascii_only=language == "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space")
        box = app.screen.query_one("#ask").region
        assert (box.x, box.width, box.bottom) == (0, SIZE[0], SIZE[1])
