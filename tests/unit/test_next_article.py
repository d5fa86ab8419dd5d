"""Lessons 8 to 10, the tutorial's next part, bit for bit: freezing a weight, one input with
several outputs, and a matrix of weights (next-article-reference.json, copied from the spec).

The reference's first three records are the figures the tutorial prints; later iterations
are held to the same recurrences written out here in plain Python floats, as the tutorial's
notebook writes them (sums left to right, `weight -= alpha * weight_delta`).
"""

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from gradstep.core.history import History
from gradstep.core.courses import course, find_lesson
from gradstep.core.replay import replay
from gradstep.core.saving import load, save
from gradstep.core.session import Session
from gradstep.core.refusals import Refusal
from gradstep.tui.words.say import explain, say

from ..helpers import gradstep

DATA = Path(__file__).parent.parent / "data"
NEXT = ("freeze-weight", "several-outputs", "weight-matrix")
LATER = 60  # iterations held to the recurrences


@pytest.fixture(scope="module")
def article() -> dict:
    return json.loads((DATA / "next-article-reference.json").read_text())


def bits(value) -> object:
    """A float's exact bits (tells 0.0 from -0.0); lists and matrices element by element."""
    if isinstance(value, list):
        return [bits(item) for item in value]
    return float(value).hex()


def plain(value) -> object:
    return value.tolist() if hasattr(value, "tolist") else float(value)


def record_as_reference(name: str, record) -> dict:
    """A record under the reference's keys (several outputs: predictions, errors, deltas)."""
    if name == "freeze-weight":
        return {"weights": plain(record.weights), "prediction": plain(record.prediction), "error": plain(record.error),
                "delta": plain(record.delta), "weight_deltas": plain(record.weight_delta)}
    weights = plain(record.weights)
    if name == "several-outputs":  # one input: the reference lists the one weight of each output
        weights = [row[0] for row in weights]
    weight_deltas = plain(record.weight_delta)
    if name == "several-outputs":
        weight_deltas = [row[0] for row in weight_deltas]
    return {"weights": weights, "predictions": plain(record.prediction), "errors": plain(record.errors),
            "deltas": plain(record.delta), "weight_deltas": weight_deltas}


def test_the_course_has_the_three_lessons_after_lesson_7_in_order():
    names = [lesson.name for lesson in course()]
    assert names[6:] == ["multi-weight", *NEXT]


def test_the_lesson_files_hold_the_reference_parameters(article):
    freeze = find_lesson("freeze-weight").problem
    params = article["freeze-weight"]["params"]
    assert (freeze.weights, freeze.inputs, freeze.goal, freeze.alpha) == (
        tuple(params["weights"]), tuple(params["inputs"]), params["goal"], params["alpha"])
    assert freeze.frozen == tuple(params["frozen"])
    outputs, params = find_lesson("several-outputs").problem, article["several-outputs"]["params"]
    assert outputs.rows() == tuple((w,) for w in params["weights"]) and outputs.inputs == (params["input"],)
    assert outputs.goal == tuple(params["goals"]) and outputs.alpha == params["alpha"]
    matrix, params = find_lesson("weight-matrix").problem, article["weight-matrix"]["params"]
    assert matrix.rows() == tuple(tuple(row) for row in params["weights"]) and matrix.inputs == tuple(params["inputs"])
    assert matrix.goal == tuple(params["goals"]) and matrix.alpha == params["alpha"]


@pytest.mark.parametrize("name", NEXT)
def test_the_first_three_iterations_are_the_reference_bit_for_bit(name, article):
    expected = article[name]["records"]
    history = History.start(find_lesson(name).problem).jump(len(expected))
    for record, want in zip(history.records(), expected, strict=True):
        got = record_as_reference(name, record)
        assert record.iteration == want["iteration"]
        for key, value in got.items():
            assert bits(value) == bits(want[key]), (name, want["iteration"], key)


def book_run(name: str, steps: int) -> list[dict]:
    """The tutorial's own code for each listing, in plain Python floats."""
    problem = find_lesson(name).problem
    inputs, alpha = list(problem.inputs), problem.alpha
    rows = [list(row) for row in problem.rows()]
    goals = list(problem.goals)
    records = []
    for iteration in range(steps):
        predictions = []
        for row in rows:  # w_sum: left to right
            output = 0
            for x, w in zip(inputs, row):
                output += x * w
            predictions.append(output)
        deltas = [p - g for p, g in zip(predictions, goals)]
        errors = [(p - g) ** 2 for p, g in zip(predictions, goals)]
        weight_deltas = [[d * x for x in inputs] for d in deltas]  # outer_prod(delta, input)
        for index in problem.frozen:
            weight_deltas[index // len(inputs)][index % len(inputs)] = 0
        records.append({"iteration": iteration, "weights": [list(row) for row in rows], "predictions": predictions,
                        "errors": errors, "deltas": deltas, "weight_deltas": weight_deltas})
        for row, changes in zip(rows, weight_deltas):
            for j, change in enumerate(changes):
                row[j] -= alpha * change
    return records


@pytest.mark.parametrize("name", NEXT)
def test_later_iterations_follow_the_same_recurrences(name):
    expected = book_run(name, LATER)
    history = History.start(find_lesson(name).problem).jump(LATER)
    for record, want in zip(history.records(), expected, strict=True):
        assert bits(plain(record.weights.reshape(len(want["weights"]), -1))) == bits(want["weights"])
        predictions = plain(record.prediction)
        assert bits(predictions if isinstance(predictions, list) else [predictions]) == bits(want["predictions"])
        assert bits(plain(record.delta) if name != "freeze-weight" else [plain(record.delta)]) == bits(want["deltas"])
        errors = plain(record.errors) if name != "freeze-weight" else [plain(record.error)]
        assert bits(errors) == bits(want["errors"])
        assert bits(plain(record.weight_delta.reshape(len(want["weights"]), -1))) == bits(want["weight_deltas"])


@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
def test_the_logged_error_is_the_sum_of_the_outputs_errors_left_to_right(name):
    history = History.start(find_lesson(name).problem).jump(20)
    for record, logged in zip(history.records(), history.errors, strict=True):
        first, second, third = (float(e) for e in record.errors)
        assert bits(logged) == bits((first + second) + third) == bits(record.error)


def test_the_frozen_weight_never_moves_and_the_error_still_falls():
    history = History.start(find_lesson("freeze-weight").problem).jump(40)
    assert set(history.weight_trail[:, 0].tolist()) == {0.1}
    assert all(record.weight_delta[0] == 0 for record in history.records())
    errors = history.errors.tolist()
    assert all(later < earlier for earlier, later in zip(errors, errors[1:]))
    assert errors[-1] < 1e-12


@pytest.mark.parametrize("name", NEXT)
def test_run_jsonl_holds_the_reference_figures(name, article):
    result = gradstep("run", "--lesson", name, "--format", "jsonl", "--steps", "3")
    assert result.status == 0 and result.err == ""
    logged = [json.loads(line) for line in result.out.splitlines()]
    for got, want in zip(logged, article[name]["records"], strict=True):
        weights = got["weight"]
        if name == "several-outputs":
            weights = [row[0] for row in weights]
        assert bits(weights) == bits(want["weights"])
        if name == "freeze-weight":
            assert bits(got["prediction"]) == bits(want["prediction"]) and bits(got["error"]) == bits(want["error"])
        else:
            assert bits(got["prediction"]) == bits(want["predictions"])
            assert bits(got["output_error"]) == bits(want["errors"])
            assert bits(got["delta"]) == bits(want["deltas"])


def test_a_matrix_is_name_row_col_in_csv_and_nested_in_jsonl():
    csv_out = gradstep("run", "--lesson", "weight-matrix", "--format", "csv", "--steps", "2").out
    jsonl_out = gradstep("run", "--lesson", "weight-matrix", "--format", "jsonl", "--steps", "2").out
    table = list(csv.DictReader(io.StringIO(csv_out)))
    rows = [json.loads(line) for line in jsonl_out.splitlines()]
    header = next(csv.reader(io.StringIO(csv_out)))
    assert [name for name in header if name.startswith("weight_") and name.count("_") == 2] == [
        f"weight_{i}_{j}" for i in (1, 2, 3) for j in (1, 2, 3)]
    assert {"goal_1", "goal_2", "goal_3", "prediction_1", "delta_3", "output_error_2", "weight_delta_3_1"} <= set(header)
    for line, row in zip(table, rows, strict=True):
        assert len(row["weight"]) == 3 and all(len(r) == 3 for r in row["weight"])
        for i in range(3):
            for j in range(3):
                assert float(line[f"weight_{i + 1}_{j + 1}"]) == row["weight"][i][j]
                assert float(line[f"weight_delta_{i + 1}_{j + 1}"]) == row["weight_delta"][i][j]
            assert float(line[f"goal_{i + 1}"]) == row["goal"][i]
        assert float(line["error"]) == row["error"]


@pytest.mark.parametrize("name", NEXT)
def test_a_save_resumes_exactly_and_the_replay_matches_the_rules(name, tmp_path):
    problem = find_lesson(name).problem
    history = History.start(problem).jump(50)
    trail, predictions, errors = replay(problem, 50)
    assert bits([list(map(float, row)) if isinstance(row, list) else [float(row)] for row in trail]) == bits(
        [row.tolist() for row in history.weight_trail])
    assert bits(errors) == bits(history.errors.tolist())
    assert bits(predictions) == bits(history.predictions.tolist())
    session = Session.begin(find_lesson(name))
    for _ in range(7):
        session = session.step()
    save(session, tmp_path / "save.json")
    resumed, _ = load(tmp_path / "save.json")
    assert resumed.problem == session.problem and resumed.history.iteration == 7
    assert bits(resumed.history.weights.tolist()) == bits(session.history.weights.tolist())


def test_the_command_line_takes_several_goals_and_a_matrix():
    result = gradstep("run", "--weight", "0.1,0.1,-0.3;0.1,0.2,0;0,1.3,0.1", "--input", "8.5,0.65,1.2",
                      "--goal", "0.1,1,0.1", "--alpha", "0.01", "--format", "jsonl", "--steps", "1")
    assert result.status == 0, result.err
    assert json.loads(result.out.splitlines()[0])["prediction"] == [0.555, 0.9800000000000001, 0.9650000000000001]
    frozen = gradstep("run", "--lesson", "multi-weight", "--frozen", "1", "--format", "jsonl", "--steps", "2")
    assert [json.loads(line)["weight"][0] for line in frozen.out.splitlines()] == [0.1, 0.1]


@pytest.mark.parametrize("argv, said", [
    (("--weight", "0.1,0.2;0.3", "--input", "1,2", "--goal", "1,2"), "row 2 has 1 number, row 1 has 2"),
    (("--weight", "0.1,0.2;0.3,0.4", "--input", "1,2", "--goal", "1,2,3"), "do not fill 3 rows of 2"),
    (("--weight", "0.1,0.2", "--input", "1", "--goal", "1,2,3"), "do not fill 3 rows of 1"),
    (("--weight", "0.1;0.2", "--input", "1", "--goal", "1"), "each weight needs exactly one input"),
    (("--weight", "1", "--input", "1", "--goal", ",".join(["1"] * 10)), "at most 9 outputs"),
    (("--weight", "1", "--input", "1", "--goal", "1", "--frozen", "2"), "there is no weight 2"),
    (("--weight", "1", "--input", "1", "--goal", "1", "--frozen", "0"), "'0' is not a weight number"),
    (("--weight", "1;2", "--input", "1", "--goal", "1,2", "--method", "hot-cold"), "only by gradient descent"),
])
def test_a_shape_that_does_not_fit_is_one_line_and_exit_two(argv, said):
    result = gradstep("run", *argv)
    assert result.status == 2 and result.out == ""
    assert said in result.err and len(result.err.splitlines()) == 1, result.err


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text('name = "mine"\n' + text, encoding="utf-8")
    return path


def test_a_teachers_file_may_have_each_shape(tmp_path):
    matrix = write(tmp_path, "weights = [[0.1, 0.2], [0.3, 0.4]]\ninputs = [1.0, 2.0]\ngoal = [1, 2]\nalpha = 0.1\n"
                             "frozen = [2]\n")
    result = gradstep("check", str(matrix))
    assert result.status == 0, result.out
    assert gradstep("run", "--lesson-file", str(matrix), "--steps", "2", "--format", "jsonl").status == 0


@pytest.mark.parametrize("text, said", [
    ("weights = [[0.1, 0.2], [0.3]]\ninputs = [1.0, 2.0]\ngoal = [1, 2]\n", "the rows have 2, 1"),
    ("weights = [[0.1, 0.2], [0.3, 0.4]]\ninputs = [1.0, 2.0]\ngoal = 1\n", "each weight needs exactly one input"),
    ("weights = [0.1, 0.2]\ninputs = [1.0, 2.0]\ngoal = 1\nfrozen = [3]\n", "there is no weight 3"),
    ("weights = [0.1, 0.2]\ninputs = [1.0, 2.0]\ngoal = 1\nfrozen = 1\n", "weight numbers counted from 1"),
    ("weights = [[0.1, true]]\ninputs = [1.0, 2.0]\ngoal = [1]\n", "weights[1]"),
    ("weights = [0.1]\ninputs = [1.0]\ngoal = []\n", "goal"),
])
def test_gradstep_check_names_a_shape_that_does_not_fit(tmp_path, text, said):
    result = gradstep("check", str(write(tmp_path, text)))
    assert result.status == 2 and said in result.out + result.err, result.out + result.err


@pytest.mark.parametrize("language, each", [("en", "#0->#1 output 3 of 3:"), ("zh", "#0→#1 第 3 个输出（共 3 个）：")])
def test_line_mode_works_out_every_output_and_their_sum(tmp_path, monkeypatch, language, each):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr("sys.stdin", io.StringIO("s\n\nq\n"))  # skip the question, one step, quit
    result = gradstep("--line", "--lesson", "several-outputs", "--lang", language)
    assert result.status == 0, result.err
    assert each in result.out and "keys 1-3" not in result.out and "按 1-3" not in result.out
    assert "0.009025 + 0.7569 + 0.23523 = 1.0012" in result.out  # 1.00115 as written, a tie: away from zero


def test_the_frozen_weights_curve_slides_under_it_and_its_point_sinks_to_the_bottom():
    from gradstep.core.curve import error_vs_weight

    history = History.start(find_lesson("freeze-weight").problem)
    first = error_vs_weight(history, 0)
    later = error_vs_weight(history.jump(8), 0)
    assert later.x.labels == first.x.labels  # the window stays where the run started
    assert first.point[1] > 1 and later.point[1] < 0.01  # on the plotted 0-10 scale: down to the floor
    assert later.point[0] == first.point[0]  # the weight never moved


def test_the_chinese_table_names_a_matrixs_columns_in_chinese():
    tables = gradstep("run", "--lesson", "weight-matrix", "--steps", "1", "--lang", "zh").out.split("\n\n")
    header = " ".join(table.splitlines()[0] for table in tables)  # tables that each fit 80 columns
    assert "权重_1_1" in header and "权重_3_3" in header and "误差_2" in header and "误差和" in header and "weight_1_1" not in header


@pytest.mark.parametrize("language", ["en", "zh"])
def test_line_mode_freezes_a_weight_with_z_and_refuses_as_the_app_does(tmp_path, monkeypatch, language):
    """The app's z had no line-mode twin; both now ask the session (with_frozen_toggled)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr("sys.stdin", io.StringIO("s\nz 2\n\nz 4\nz x\nq\n"))  # question skipped; freeze w2; step
    result = gradstep("--line", "--lesson", "multi-weight", "--lang", language)
    assert result.status == 0, result.err
    assert say(language, "freeze.on", weight="w2") in result.out
    session = Session.begin(find_lesson("multi-weight"))
    with pytest.raises(Refusal) as refused:
        session.with_frozen_toggled(3)  # z 4: there are three weights
    assert explain(language, refused.value) in result.out
    assert explain(language, Refusal("numbers.not_a_position", text="x")) in result.out
    history = session.with_frozen_toggled(1).history.jump(3)
    assert history.weights[1] == find_lesson("multi-weight").problem.weights[1]  # w2 never moved
    with pytest.raises(Refusal):
        Session.begin(find_lesson("alpha")).with_frozen_toggled(0)  # one weight: nothing would learn


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_frozen_weights_worked_step_is_true_arithmetic(language):
    """'(-0.14) x [8.5, 0.65, 1.2] = [0, -0.091, -0.168]' is false as written, and the
    product [-1.19, ...] contradicts the lesson's "its weight_delta is 0": the line says
    that the frozen weight's share is 0, and shows the weight_delta that moves the weights."""
    from gradstep.tui.words.worked import worked_step

    lines = worked_step(History.start(find_lesson("freeze-weight").problem).jump(1), language)
    mark = {"en": " ", "zh": ","}[language]  # a list as every panel writes it
    formula = f"(-0.14){say(language, 'sign.times')}[8.5{mark}0.65{mark}1.2]"
    line = next(line for line in lines if formula in line)
    assert line.endswith(f"[0{mark}-0.091{mark}-0.168]") and ("set to 0 for frozen w1:" in line or "冻结的 w1 那一项改为 0" in line)
    assert not any("-1.19" in line for line in lines)


def test_rows_that_learn_at_different_rates_each_read_out_their_own_r():
    """Weights frozen in different rows of the matrix: the panel showed row 1's r for every
    output, while row 2's miss shrank by 0.2631 a step. It names the output it follows."""
    from gradstep.tui.words.readout import readout_lines

    problem = find_lesson("weight-matrix").problem.replace(frozen=(0, 4, 8))
    history = History.start(problem).jump(3)
    for output in range(3):
        headline = readout_lines(history, "en", (), output)[0]
        own = problem.output_problem(output)
        r = 1 - own.alpha * sum(x * x for j, x in enumerate(own.inputs) if own.learns(j))
        assert headline.startswith(f"r{output + 1} = ") and abs(float(headline.rsplit("= ", 1)[1]) - r) < 1e-4
        misses = [float(np.ravel(history.jump(k).prediction)[output]) - own.goal for k in (1, 2)]
        assert abs(misses[1] / misses[0] - r) < 1e-9  # the r it names is the one its miss follows
    assert readout_lines(History.start(find_lesson("weight-matrix").problem), "en", (), 1)[0].startswith("r = ")
