"""Properties that hold for every problem, checked on problems hypothesis makes up."""

import csv
import io
import json
import math

import numpy as np
import pytest
from gradstep.core import analysis
from gradstep.core.formats import About
from gradstep.core.history import History
from gradstep.core.runner import run
from hypothesis import given
from hypothesis import strategies as st

from ..strategies import examples, moderate, problems


@given(problems(values=moderate, rates=st.floats(min_value=1e-3, max_value=10)).filter(
    lambda p: p.method == "gd"))
def test_each_gradient_step_multiplies_the_miss_by_r(problem):
    r = analysis.r_factor(problem)
    view = History.start(problem)
    for _ in range(3):
        if not view.can_step:
            break
        before = view.prediction - problem.goal
        view = view.step()
        after = view.prediction - problem.goal
        # Rounding: a few ulps of every term that went into the two predictions.
        scale = sum(abs(w * x) for w, x in zip(view.weights, problem.inputs)) + abs(problem.goal)
        scale += abs(before) * (1 + abs(r)) + sum(abs(w * x) for w, x in zip(view.weight_trail[-2], problem.inputs))
        assert math.isclose(after, r * before, rel_tol=1e-9, abs_tol=1e-12 * scale)


@given(problems(), st.lists(st.sampled_from(["step", "back", "reset", "jump"]), max_size=40),
       st.integers(0, 60))
@pytest.mark.slow  # many steps or examples: in CI, not the everyday loop
def test_every_view_is_exactly_the_state_of_its_iteration(problem, actions, target):
    reference = History.start(problem).jump(60 + 40)  # a separate run, past the furthest view
    view = History.start(problem)
    for action in actions:
        if action == "step" and view.can_step:
            view = view.step()
        elif action == "back" and view.can_step_back:
            view = view.step_back()
        elif action == "reset":
            view = view.reset()
        elif action == "jump":
            view = view.jump(target)
        expected = reference.trajectory.weights(view.iteration)[-1]
        assert view.weights.tobytes() == expected.tobytes()
        assert view.errors.tobytes() == reference.errors[: view.iteration].tobytes()


@examples(2)
@given(problems())
@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
def test_any_finite_problem_gives_finite_records_and_every_format_one_row_each(problem):
    view = History.start(problem).jump(30)
    readout = analysis.read_out(problem, view.iteration, view.error)
    assert readout.steps_to_go is None or readout.steps_to_go >= 0
    errors = view.errors.tolist()
    assert all(np.isfinite(errors))
    written = {}
    for format in ("text", "csv", "jsonl"):
        out = io.StringIO()
        run(About("custom", problem), 30, format, out)
        written[format] = out.getvalue().splitlines()
    strict = lambda token: (_ for _ in ()).throw(ValueError(token))  # noqa: E731  (no NaN or Infinity in JSON)
    rows = [json.loads(line, parse_constant=strict) for line in written["jsonl"]]
    assert [row["error"] for row in rows if row["error"] is not None] == errors
    table = list(csv.DictReader(io.StringIO("\n".join(written["csv"]))))
    assert [float(row["error"]) for row in table if row["error"]] == errors
    tables = "\n".join(written["text"]).split("\n\n")  # as many as 80 columns need
    assert all(len(table.splitlines()) == 1 + len(errors) for table in tables)  # the heading, then a line a record


@given(problems(values=moderate))
def test_jsonl_floats_read_back_exactly(problem):
    out = io.StringIO()
    run(About("custom", problem), 10, "jsonl", out)
    view = History.start(problem).jump(10)
    rows = [row for row in map(json.loads, out.getvalue().splitlines()) if row["error"] is not None]
    assert [row["error"] for row in rows] == view.errors.tolist()
