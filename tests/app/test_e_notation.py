"""A figure in e-notation is explained where the worked step first writes one.

Lesson 1 with a large input wrote "error = ... = 8.0982e+07" in the worked step, and only
the chart's caption (of its own labels) said what such a figure means.
"""

import dataclasses
import re

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp

from tests.helpers import SIZE, screen_text

NOTE = {"en": "(8.0982e+07 means 8.0982 x 10^7: its decimal point moved 7 places right)",
        "zh": "（8.0982e+07 即 8.0982 × 10^7：小数点向右移 7 位）"}


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_1s_worked_step_says_what_its_e_notation_means(language):
    lesson = find_lesson("measure-error")
    lesson = dataclasses.replace(lesson, questions=(), problem=lesson.problem.replace(inputs=(10000.0,)))
    app = GradstepApp(Session.begin(lesson), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        worked = [line[40:].strip() for line in screen_text(app).splitlines()[13:22]]  # the worked panel's half
        text = re.sub(r"\s+", "", "".join(worked))
        error_at = text.index("8.0982e+07")
        assert text.index(re.sub(r"\s+", "", NOTE[language])) == error_at + len("8.0982e+07"), worked
