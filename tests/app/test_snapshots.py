"""The screens a class sees, at 80x24, compared with images reviewed by eye.

Each snapshot under __snapshots__/ was looked at before it was committed; a change to
one is a change to what students see, to be looked at again (pytest --snapshot-update,
then open snapshot_report.html).
"""

import pytest
from gradstep.core.courses import course

from ..helpers import SIZE, app_for

pytestmark = pytest.mark.slow  # every screen rendered and compared: run by CI and before a change lands


@pytest.mark.parametrize("name", [lesson.name for lesson in course()])
def test_opening_screen_of_every_lesson(snap_compare, name):
    assert snap_compare(app_for(name), terminal_size=SIZE)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "keys"), [("freeze-weight", ["space"] * 3), ("several-outputs", ["space", "2"]),
                                            ("weight-matrix", ["space", "3"])])
def test_the_next_articles_lessons_after_a_step(snap_compare, name, keys, language):
    """Lessons 8 to 10: the frozen weight, an output chosen, the matrix and its worked step."""
    assert snap_compare(app_for(name, language=language), press=keys, terminal_size=SIZE)


def test_alpha_after_three_steps(snap_compare):
    assert snap_compare(app_for("alpha"), press=["space"] * 3, terminal_size=SIZE)


def test_divergence_banner(snap_compare):
    assert snap_compare(app_for("divergence"), press=["space"] * 30, terminal_size=SIZE)


def test_hot_cold_worked_step(snap_compare):
    assert snap_compare(app_for("hot-cold"), press=["space"] * 16, terminal_size=SIZE)


def test_help_screen(snap_compare):
    assert snap_compare(app_for("alpha"), press=["question_mark"], terminal_size=SIZE)


def test_chinese(snap_compare):
    assert snap_compare(app_for("hot-cold", language="zh"), press=["space"] * 3, terminal_size=SIZE)


def test_ascii_only(snap_compare):
    assert snap_compare(app_for("alpha", ascii_only=True), press=["space"] * 3, terminal_size=SIZE)


def test_error_vs_iteration_view(snap_compare):
    assert snap_compare(app_for("alpha"), press=["space"] * 20 + ["v"], terminal_size=SIZE)


def test_editor_refusing_bad_input(snap_compare):
    async def type_nan(pilot):
        await pilot.press("e")
        pilot.app.screen.query_one("#alpha").value = "nan"
        await pilot.press("enter")

    assert snap_compare(app_for("alpha"), run_before=type_nan, terminal_size=SIZE)


def test_window_too_small(snap_compare):
    assert snap_compare(app_for("alpha"), terminal_size=(60, 18))


def test_a_reveal_of_a_guess(snap_compare):
    assert snap_compare(app_for("alpha"), press=["t", "space", "0", ".", "4", "5", "enter"], terminal_size=SIZE)


def test_a_question_of_the_lesson(snap_compare):
    async def answer_wrong(pilot):
        await pilot.pause()
        await pilot.press("0", ".", "3", "enter")

    assert snap_compare(app_for("alpha", questions=True), run_before=answer_wrong, terminal_size=SIZE)


def test_a_frozen_weights_chart_as_the_run_diverges(snap_compare):
    """Lesson 8 with w2 frozen in place of w1 (r = -21.107), three steps on: a straight weight
    axis, 0 0.2 0.4 0.6 0.8 evenly spaced, where a log one read "-1 0.01 0.415 1"."""
    assert snap_compare(app_for("freeze-weight"), press=["1", "z", "2", "z", *["space"] * 3], terminal_size=SIZE)


def test_lesson_5s_log_weight_axis(snap_compare):
    """Lesson 5 after five steps: signed powers of ten, two a side of the goal weight."""
    assert snap_compare(app_for("divergence"), press=["space"] * 5, terminal_size=SIZE)
