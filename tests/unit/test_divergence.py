"""Overflow is a state: the run stops, says where, and keeps every finite record."""

import json

import numpy as np
import pytest
from gradstep.core.divergence import LIMIT, Diverged
from gradstep.core.history import History, walk
from gradstep.core.lessons import find_lesson
from gradstep.core.problem import Problem

from ..helpers import gradstep


def test_divergence_lesson_stops_after_logging_its_tutorial_figures():
    view = History.start(find_lesson("divergence").problem).jump(300)
    divergence = view.divergence
    assert divergence is not None and divergence.iteration == view.iteration - 1
    assert divergence.quantity == "error" and divergence.value > LIMIT and divergence.kept
    assert view.record(4).error == 2.0761755624628204e18  # still logged
    assert np.all(np.isfinite(view.errors)) and np.all(np.isfinite(view.weight_trail))
    with pytest.raises(Diverged):
        view.step()
    assert not view.can_step


def test_a_diverged_run_can_still_step_back_and_forward_again():
    view = History.start(find_lesson("divergence").problem).jump(300)
    back = view.step_back()
    assert back.can_step and back.divergence is None
    assert back.step().weights.tobytes() == view.weights.tobytes()


def test_an_overflow_on_the_first_step_keeps_no_record_and_raises_nothing():
    problem = Problem(weights=(1e300,), inputs=(1e10,), goal=0.0)
    view = History.start(problem).jump(5)
    assert view.iteration == 0 and view.divergence.iteration == 0 and not view.divergence.kept
    assert "overflowed" in view.divergence.describe()
    assert [type(item).__name__ for item in walk(problem, 5)] == ["Divergence"]


def test_python_float_power_overflow_never_escapes():
    # (1e200) ** 2 in plain Python floats raises OverflowError; the rules must not.
    problem = Problem(weights=(1e200,), inputs=(1.0,), goal=0.0, method="hot-cold")
    assert History.start(problem).jump(3).divergence is not None


@pytest.mark.parametrize("format", ["jsonl", "csv", "text"])
def test_the_log_of_a_diverging_run_ends_by_saying_so(format):
    result = gradstep("run", "--lesson", "divergence", "--steps", "300", "--format", format)
    assert result.status == 0
    last = result.out.splitlines()[-1]
    assert "diverged at iteration 25" in last
    if format == "jsonl":
        rows = [json.loads(line, parse_constant=pytest.fail) for line in result.out.splitlines()]
        assert rows[-1]["diverged"] is True and len(rows) == 27  # 26 records, then the note
