"""A converging step's error factor is written with the digits every figure has.

Lessons 7 and 8 said "x 0.06702" and "是原来的 0.1947 倍" (four significant digits) beside a
log and panels that write every figure to SHOWN_DIGITS: the factor is the ratio of two
errors the log shows, and written as r^2 is (not_falsely_whole) it reads 0.067016."""

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES
from gradstep.tui.words.figures import not_falsely_whole
from gradstep.tui.words.prose import commentary


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "factor"), [("multi-weight", "0.067016"), ("freeze-weight", "0.1947"),
                                              ("weight-matrix", "0.067016"), ("several-outputs", "0.91729")])
def test_a_converging_steps_factor_has_the_shown_digits(name, factor, language):
    history = History.start(find_lesson(name).problem).jump(1)
    before, now = float(history.errors[0]), float(history.error)
    if history.problem.outputs > 1:
        step = history.record(0)
        before, now = float(step.errors[0]), float(history.output_errors[0])
    assert not_falsely_whole(now / before) == factor  # 0.19470 drops its trailing 0, as every figure does
    story = " ".join(commentary(history, language))
    assert f" {factor}" in story, story
