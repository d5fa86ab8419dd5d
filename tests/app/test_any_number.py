"""Any finite float a student can type, in every field, through every panel, the ladder,
the chart, the save and the resume.

The door (the editor, the flags) accepts every finite float, so everything after it must
take them: --alpha 1e308 crashed the ladder, a start of 5e-324 the chart, and the save of
either crashed every --resume after it.
"""

import asyncio
import tempfile
from pathlib import Path

import pytest

from gradstep.core.problem import HOT_COLD, Problem
from gradstep.core.saving import load
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.screens.ask import GuessScreen
from gradstep.tui.app.screens.editor import FIELDS, EditorScreen, shown_field
from gradstep.tui.app.state import checked_view
from gradstep.tui.words.say import say
from hypothesis import given
from hypothesis import strategies as st

from ..helpers import SIZE, app_for, screen_text
from ..strategies import examples, finite, layers

KEYS = ("space", "plus", "minus", "m", "b", "0", "f", "2", "guess")  # the keys that move numbers


async def typed_in(problem, keys: list[str], guess: float, folder: Path) -> None:
    app = app_for("alpha", save_path=folder / "session.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        for field in FIELDS:
            typed = say("en", problem.method) if field == "method" else shown_field(problem, field, "en")
            app.screen.query_one(f"#{field}").value = typed
        await pilot.press("enter")
        assert not isinstance(app.screen, EditorScreen)  # accepted at the door
        assert app.state.session.problem == problem
        for key in keys:
            if key != "guess":
                await pilot.press(key)
                continue
            await pilot.press("t", "space")  # predict mode: a guess, then the step
            if isinstance(app.screen, GuessScreen):
                await pilot.press(*(["minus"] if app.state.session.problem.method == HOT_COLD else
                                    [*repr(guess), "enter"]))
            await pilot.press("t")
        for _ in range(2):  # both charts: error against the weight, and against the iteration
            assert screen_text(app)
            await pilot.press("v")
        reached = app.state.session
        app.save_session()
        assert app.saved
    session, view = load(folder / "session.json")
    assert session.history.iteration == reached.history.iteration and session.problem == reached.problem
    resumed = GradstepApp(session, view=checked_view(view))
    async with resumed.run_test(size=SIZE) as pilot:
        await pilot.press("space", "plus")
        assert screen_text(resumed)


@examples(0.05)  # two apps started an example: a few seconds each
@given(layers(), st.lists(st.sampled_from(KEYS), max_size=6), finite)
def test_any_finite_number_goes_through_every_panel_and_the_save(problem, keys, guess):
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(typed_in(problem, keys, guess, Path(folder)))


@pytest.mark.slow  # each crash's own figures are unit tests (test_extremes); the property above is everyday: in CI
@pytest.mark.parametrize(("problem", "keys", "guess"), [
    (Problem((0.5,), (2.0,), 0.8, alpha=1e308), ["plus", "space", "minus"], 1e308),  # the ladder crashed
    (Problem((5e-324,), (5e-324,), 0.0), ["space", "guess"], 5e-324),  # the chart crashed
], ids=["ladder", "chart"])
async def test_the_numbers_that_crashed_go_through_every_panel_and_the_save(tmp_path, problem, keys, guess):
    await typed_in(problem, keys, guess, tmp_path)
