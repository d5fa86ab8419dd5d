"""With every digit (f), lessons 9 and 10's log keeps its columns and their widths.

Sized by the figures on screen, lesson 9's log showed four columns at its first step and
fewer later, and lesson 10's error sum widened from 18 cells to 22 as the error fell."""

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.numbers import exact
from gradstep.tui.app.widgets.log import log_layout

EDITS = ({}, {"goal": (0.195, 0.13, 0.585)}, {"alpha": 0.5})


@pytest.mark.parametrize("width", [39, 80, 120])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
def test_every_digit_keeps_the_columns_and_their_widths(name, width):
    lesson = find_lesson(name)
    shapes = set()
    for edit in EDITS:
        problem = lesson.problem.replace(**{key: value for key, value in edit.items()
                                            if key != "goal" or name == "several-outputs"})
        history = History.start(problem)
        for steps in (0, 1, 3, 12, 40):
            layout = log_layout(history.jump(steps) if steps else history, width, 10, True, "en")
            shapes.add((tuple(layout.columns), tuple(layout.widths)))
            for row in layout.rows:  # no figure is cut to hold the width
                for (field, index), cells in zip(layout.columns, layout.widths):
                    value = row.get(field) if index is None else [*_flat(row.get(field))][index]
                    assert value is None or len(exact(value)) <= cells
    assert len(shapes) == 1, shapes


def _flat(value):
    return [item for part in value for item in (part if isinstance(part, list) else [part])]
