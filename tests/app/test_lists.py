"""A list of numbers is written one way a language, on every panel, in the worked step and
in the editor, which reads back what it shows.

A Chinese walk met one list four ways: "0.1，0.2" in a question's header, spaces on the
parameters panel, "[8.5, 0.65, 1.2]" in the worked step and "0.1,0.2" in the editor.
"""

import pytest
from gradstep.core.numbers import parse_numbers, parse_positions, parse_weights
from gradstep.tui.app.screens.editor import EditorScreen, shown, shown_field
from gradstep.tui.words.language import LANGUAGES
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input

from tests.helpers import SIZE, app_for, screen_text

INPUTS = {"en": "8.5 0.65 1.2", "zh": "8.5,0.65,1.2"}


@pytest.mark.slow  # a second test of how lists are written, beside the everyday editor read-backs in this file: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_7s_inputs_read_the_same_on_every_panel_and_in_the_editor(language):
    app = app_for("multi-weight", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert INPUTS[language] in screen_text(app)  # the question's header
        await pilot.press("s", "enter", "space")
        await pilot.pause()
        screen = screen_text(app)
        panel = [line for line in screen.splitlines() if INPUTS[language] in line]
        assert panel, screen  # the parameters panel
        assert f"[{INPUTS[language]}]" in "".join(screen.split("\n")[13:23]).replace(" " * 3, ""), screen  # worked
        await pilot.press("e")
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.query_one("#inputs", Input).value == INPUTS[language]
        before = app.state.session.problem
        await pilot.press("enter")  # what it shows reads back as it was
        assert not isinstance(app.screen, EditorScreen) and app.state.session.problem == before


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=6),
       st.sampled_from(sorted(LANGUAGES)))
def test_the_editor_reads_back_every_list_it_shows(values, language):
    values = tuple(values)
    assert parse_numbers(shown(values, language)) == tuple(float(v) for v in values)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_editor_reads_back_a_matrix_and_frozen_weights_it_shows(language):
    from gradstep.core.courses import find_lesson

    problem = find_lesson("weight-matrix").problem.replace(frozen=(0, 4))
    assert parse_weights(shown_field(problem, "weights", language)) == problem.weights
    assert parse_positions(shown_field(problem, "frozen", language)) == (0, 4)
