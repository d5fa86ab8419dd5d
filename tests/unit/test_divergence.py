"""Divergence is growth: the run stops, says where, and keeps every finite record; a start
that is merely large is not diverged, and one whose error already overflows is refused."""

import json

import numpy as np
import pytest
from gradstep.core.divergence import GROWTH, Diverged, error_limit
from gradstep.core.history import History, Trajectory, walk
from gradstep.core.courses import find_lesson
from gradstep.core.limits import MAX_ITERATIONS
from gradstep.core.problem import InvalidProblem, Problem

from ..helpers import gradstep, run_summary


def test_divergence_lesson_stops_after_logging_its_tutorial_figures():
    problem = find_lesson("divergence").problem
    view = History.start(problem).jump(300)
    divergence = view.divergence
    assert divergence is not None and divergence.iteration == view.iteration - 1 == 26
    assert error_limit(problem) == GROWTH * 225.0  # 225: the error at the start
    assert divergence.quantity == "error" and divergence.value > error_limit(problem) and divergence.kept
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


@pytest.mark.parametrize("weight", [1e60, -1e150, 1e100])
def test_a_large_start_with_r_zero_lands_in_one_step_and_never_diverges(weight):
    view = History.start(Problem(weights=(weight,), inputs=(1.0,), goal=-1.0)).jump(5)
    assert view.divergence is None and view.iteration == 5
    # The first step lands as closely as a float can: weight + 1 rounds to weight, so the
    # goal's 1 is lost and the second step finishes the last unit.
    assert view.errors[0] > 1e100 and view.errors[1] <= 1.0 and view.errors[2:].tolist() == [0.0] * 3


@pytest.mark.parametrize("method", ["gd", "hot-cold", "measure"])
def test_a_start_whose_error_overflows_is_refused(method):
    with pytest.raises(InvalidProblem) as refused:
        Problem(weights=(1e200,), inputs=(1.0,), goal=0.0, method=method)
    assert (refused.value.key, refused.value.field) == ("problem.start_overflows", "weights")
    result = gradstep("run", "--weight", "1e200", "--input", "1", "--goal", "0", "--method", method)
    assert result.status == 2 and result.out == "" and len(result.err.splitlines()) == 1
    assert result.err.startswith("gradstep run: --weight: the error at the start is already too large")


def test_an_overflow_on_the_first_step_keeps_no_record_and_raises_nothing():
    problem = Problem(weights=(1e-307,), inputs=(1e307,), goal=0.0, alpha=100.0)  # error 1, then -inf
    view = History.start(problem).jump(5)
    assert view.iteration == 0 and view.divergence.iteration == 0 and not view.divergence.kept
    assert view.divergence.overflowed and view.divergence.quantity == "weight"
    assert [type(item).__name__ for item in walk(problem, 5)] == ["Divergence"]


@pytest.mark.parametrize("format", ["jsonl", "csv", "text"])
def test_the_log_of_a_diverging_run_ends_by_saying_so(format):
    result = gradstep("run", "--lesson", "divergence", "--steps", "300", "--format", format)
    assert result.status == 0
    last = run_summary(result.out) if format == "text" else result.out.splitlines()[-1]
    assert "diverged at iteration 26" in last
    if format == "jsonl":
        rows = [json.loads(line, parse_constant=pytest.fail) for line in result.out.splitlines()]
        assert len(rows) == 27 and rows[-1]["iteration"] == 26  # a row an iteration, the note on the last
        assert [row["note"] for row in rows[:-1]] == [None] * 26


def test_a_run_at_the_iteration_limit_refuses_a_step_as_a_diverged_run_does():
    # Found by the type checker: at MAX_ITERATIONS there is no Divergence, and Diverged read
    # its iteration, so the step raised AttributeError past `gradstep run`'s except Diverged.
    problem = Problem(weights=(0.5,), inputs=(1.0,), goal=0.5)
    trajectory = Trajectory(problem)
    trajectory.store([[0.5]] * (MAX_ITERATIONS + 1), [0.5] * MAX_ITERATIONS, [0.0] * MAX_ITERATIONS)
    view = History(trajectory, MAX_ITERATIONS)
    assert not view.can_step and view.divergence is None
    with pytest.raises(Diverged) as refused:
        view.step()
    assert refused.value.divergence is None


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_banner_names_the_iteration_the_run_stands_at_as_well_as_the_one_it_diverged_at(language):
    """"Diverged at iteration 26 ... stepping has stopped" stood beside "27 steps taken" and a
    log ending at row 27: the record past the limit is kept, so the run stands a step beyond."""
    from gradstep.tui.words.divergence import banner
    from gradstep.tui.words.say import say

    view = History.start(find_lesson("divergence").problem).jump(300)
    assert (view.divergence.iteration, view.iteration) == (26, 27)
    assert say(language, "banner.stopped_after", last=27) in banner(language, view)
    overflow = History.start(Problem(weights=(1e-307,), inputs=(1e307,), goal=0.0, alpha=100.0)).jump(5)
    assert overflow.iteration == overflow.divergence.iteration == 0  # nothing kept: it stands where it diverged
    assert say(language, "banner.stopped") in banner(language, overflow)


@pytest.mark.parametrize(("language", "told"), [
    ("en", "Diverged at iteration 26: the error grew to 1.3342e+106, more than 1e+100 times the 225 it started at, "
           "and the run stopped one step later, at iteration 27. r = -99"),
    ("zh", "第 26 次迭代时发散了：误差涨到了 1.3342e+106，超过起始值 225 的 1e+100 倍；程序又走了一步，停在第 27 次迭代。r = -99"),
])
def test_lesson_5s_banner_reads_as_a_sentence_a_beginner_would_write(language, told):
    """It read "误差达到 9.64e+108，是起始值 2.601e+05 的 1e+100 倍以上，走完这一步后，在第 15 次
    迭代停止" (and "more than 1e+100 times its first value, 225, and stepping stopped after
    that step"): word for word from English, the figure named after its comparison; and the
    error as the log writes it, 1.3342e+106 beside the log's row 26, not 1.33e+106."""
    from gradstep.tui.words.divergence import banner

    view = History.start(find_lesson("divergence").problem).jump(300)
    assert banner(language, view).startswith(told)
