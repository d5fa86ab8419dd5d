"""The error-vs-weight picture: the trail stays on the curve shown, with one weight or several."""

import numpy as np
import pytest
from gradstep.core.curve import error_along, error_vs_weight
from gradstep.core.history import History
from gradstep.core.lessons import find_lesson


def on_the_curve(frame, x: np.ndarray) -> np.ndarray:
    return np.interp(x, frame.curve_x, frame.curve_y)


@pytest.mark.parametrize(("lesson", "index"), [("alpha", 0), ("multi-weight", 0), ("multi-weight", 1),
                                               ("multi-weight", 2)])
def test_the_trail_and_the_point_lie_on_the_curve_drawn(lesson, index):
    history = History.start(find_lesson(lesson).problem).jump(3)
    frame = error_vs_weight(history, index)
    tolerance = 0.01 * float(np.max(frame.curve_y))  # the curve is sampled: straight lines between samples
    assert len(frame.trail_x) == 3
    assert np.allclose(on_the_curve(frame, frame.trail_x), frame.trail_y, atol=tolerance)
    assert on_the_curve(frame, np.array([frame.point[0]]))[0] == pytest.approx(frame.point[1], abs=tolerance)


def test_with_several_weights_earlier_errors_were_on_other_curves():
    history = History.start(find_lesson("multi-weight").problem).jump(3)
    now = error_along(history, 1, history.weight_trail[:, 1])
    assert now[-1] == pytest.approx(history.error)
    assert not np.allclose(now[:-1], history.errors)  # so the run's own errors would float off the curve
