"""The @ (the learner now) stands on its own curve: both placed by the curve's rounding."""

import dataclasses

from gradstep.core.courses import course, find_lesson
from gradstep.core.session import Session
from rich.text import Text

from ..helpers import SIZE, app_for, settle


def _states():
    """Every lesson without its questions at iterations 0 to 6 and where its run stops, and
    lesson 9 with input 0 (its flat error line)."""
    for lesson in course():
        session = Session.begin(dataclasses.replace(lesson, questions=()))
        for iteration in (*range(7), 300):
            yield dataclasses.replace(session, history=session.history.jump(iteration))
    several = Session.begin(dataclasses.replace(find_lesson("several-outputs"), questions=()))
    flat = several.with_problem(several.problem.replace(inputs=(0.0,)))
    yield from (dataclasses.replace(flat, history=flat.history.jump(iteration)) for iteration in range(3))


def _picture(chart, state, points: bool) -> list[str]:
    frame = chart.frame(state)
    size = (chart.size.width, chart.size.height - len(chart._laid_out(state)[1]))
    return Text.from_ansi(chart._plotted(frame, size, curve=True, points=points)).plain.splitlines()


async def test_the_point_is_drawn_on_a_cell_of_its_curve():
    """Lesson 9 with input 0 drew its flat error line on the "0.4" row and the @ on the row
    below; lesson 10 after b drew a dot of its line above the @. The @ was placed at one dot a
    cell and the braille curve at 2 x 4: each rounded differently. Here the @'s cell is one the
    curve, drawn alone, fills."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        chart = app.query_one("#chart")
        checked = 0
        for session in _states():
            state = app.state.replace(session=session)
            whole, curve = _picture(chart, state, True), _picture(chart, state, False)
            at = [(row, line.index("@")) for row, line in enumerate(whole) if "@" in line]
            if not at:
                continue  # the point is off the axes
            row, column = at[0]
            assert "\u2800" < curve[row][column] <= "\u28ff", (session.lesson.name, session.history.iteration,
                                                                "\n".join(whole), "\n".join(curve))
            checked += 1
        assert checked > 60
