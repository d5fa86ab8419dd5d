"""The plain-float replay that resumes a save gives the NumPy rules' bits, figure for figure."""

import numpy as np
import pytest
from gradstep.core.history import History, Trajectory
from gradstep.core.courses import course, find_lesson
from gradstep.core.problem import Problem
from gradstep.core.replay import replay
from hypothesis import given
from hypothesis import strategies as st

from ..strategies import examples, problems
from .test_reference import LESSONS, bits

STEPS = 60


def as_columns(trail: list, predictions: list, errors: list, size: int) -> tuple[bytes, bytes, bytes]:
    """The replay's columns as the bytes of float64 arrays, to compare bit for bit (-0.0 too)."""
    return (np.array(trail, dtype=np.float64).reshape(-1, size).tobytes(),
            np.array(predictions, dtype=np.float64).tobytes(), np.array(errors, dtype=np.float64).tobytes())


def same_as_numpy(problem: Problem, steps: int) -> None:
    """Replayed records are NumPy's own, and the replay stops just before NumPy's divergence."""
    trail, predictions, errors = replay(problem, steps)
    numpy = History.start(problem).jump(steps)
    count = len(errors)
    divergence = numpy.divergence
    assert count == (steps if divergence is None else divergence.iteration)
    assert as_columns(trail, predictions, errors, problem.size) == (
        numpy.weight_trail[: count + 1].tobytes(), numpy.predictions[:count].tobytes(), numpy.errors[:count].tobytes())


@pytest.mark.parametrize("name", LESSONS)
def test_the_replay_reproduces_every_reference_figure(name, reference):
    expected = reference[name]["records"]
    trail, predictions, errors = replay(find_lesson(name).problem, len(expected))
    for k, want in enumerate(expected):
        assert bits(trail[k] if isinstance(trail[k], float) else trail[k][0]) == bits(want["weight"])
        assert bits(predictions[k]) == bits(want["prediction"])
        assert bits(errors[k]) == bits(want["error"])


@pytest.mark.parametrize("lesson", course(), ids=lambda lesson: lesson.name)
def test_every_lesson_replays_as_numpy_runs_it(lesson):
    same_as_numpy(lesson.problem, 2000)


@examples(3)
@given(problems())
def test_any_problem_replays_as_numpy_runs_it_up_to_its_divergence(problem):
    same_as_numpy(problem, STEPS)


@given(st.floats(allow_nan=False, allow_infinity=False), st.floats(allow_nan=False, allow_infinity=False))
def test_squaring_a_python_float_is_numpys_scalar_square(prediction, goal):
    """`** 2` goes to the C library's pow in both (not x * x, which rounds differently at times)."""
    try:
        python = (prediction - goal) ** 2
    except OverflowError:  # where NumPy gives inf, and the replay stops
        python = float("inf")
    with np.errstate(all="ignore"):
        numpy = float(np.float64(prediction - goal) ** 2)
    assert bits(python) == bits(numpy)


def replayed(problem: Problem, steps: int) -> History:
    """The run at `steps` as a resumed save has it: replayed, stored, then stepped by NumPy."""
    trajectory = Trajectory(problem)
    trajectory.store(*replay(problem, steps))
    return History(trajectory).jump(steps)


def test_a_replayed_run_steps_on_as_if_never_saved():
    problem = find_lesson("multi-weight").problem
    resumed = replayed(problem, 500).step().step()
    straight = History.start(problem).jump(502)
    assert resumed.weight_trail.tobytes() == straight.weight_trail.tobytes()
    assert resumed.errors.tobytes() == straight.errors.tobytes()


@pytest.mark.parametrize("lesson", course(), ids=lambda lesson: lesson.name)
def test_a_replayed_lesson_has_seen_what_numpy_saw(lesson):
    """Where it stopped moving, began to bounce, was decided by rounding: the words say so."""
    for steps in (0, 1, 5, 30, 300):
        assert replayed(lesson.problem, steps).trajectory.landmarks == History.start(
            lesson.problem).jump(steps).trajectory.landmarks, steps


@examples(2)
@given(problems())
def test_any_replayed_problem_has_seen_what_numpy_saw(problem):
    assert replayed(problem, STEPS).trajectory.landmarks == History.start(problem).jump(STEPS).trajectory.landmarks
