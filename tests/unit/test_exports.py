"""Exports that say what they are: every row names the problem (and, from the app, whose it
is), CSV and JSON lines carry the same fields, and every float reads back exactly."""

import csv
import io
import json

import pytest
from gradstep.core.formats import columns, fields
from gradstep.core.journal import Journal
from gradstep.core.schema import COLUMNS
from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.files.exports import export_log
from gradstep.tui.files.owner import Owner

from ..helpers import gradstep

ABOUT = ["user", "session", "lesson", "method"]


def both(*argv: str) -> tuple[list[dict], list[str], list[dict]]:
    """The CSV rows, the CSV header and the JSON objects of one `gradstep run`."""
    text = gradstep("run", *argv, "--format", "csv").out
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    objects = [json.loads(line) for line in gradstep("run", *argv, "--format", "jsonl").out.splitlines()]
    return rows, reader.fieldnames, objects


def expanded(obj: dict) -> dict:
    """A JSON object's fields as CSV columns: a list per weight is name_1, name_2, ..."""
    flat = {}
    for name, value in obj.items():
        if isinstance(value, list):
            flat |= {f"{name}_{i}": item for i, item in enumerate(value, start=1)}
        else:
            flat[name] = value
    return flat


@pytest.mark.parametrize("lesson", ["alpha", "hot-cold", "multi-weight", "measure-error", "divergence"])
def test_csv_and_jsonl_have_the_same_fields_and_exact_values(lesson):
    rows, header, objects = both("--lesson", lesson, "--steps", "40")
    assert len(rows) == len(objects) > 0
    for row, obj in zip(rows, objects):
        flat = expanded(obj)
        assert list(flat) == header  # the same fields, in the same order
        for name, value in flat.items():
            cell = row[name]
            if value is None:
                assert cell == ""
            elif isinstance(value, float):
                assert float(cell) == value and repr(value) == cell  # exact: the repr, read back bit for bit
            else:
                assert cell == str(value)


def test_every_row_names_the_problem():
    rows, header, objects = both("--lesson", "alpha", "--steps", "3")
    assert header[:10] == [*ABOUT, "input", "goal", "alpha", "step_amount", "iteration", "weight"]
    assert header[-1] == "note"
    for row in rows:
        assert (row["lesson"], row["method"], row["input"], row["goal"], row["alpha"], row["step_amount"]) == \
               ("alpha", "gd", "2.0", "0.8", "0.1", "")
        assert (row["user"], row["session"]) == ("", "")
    hot = both("--lesson", "hot-cold", "--steps", "1")[2][0]
    assert (hot["alpha"], hot["step_amount"], hot["method"]) == (None, 0.1, "hot-cold")
    several = both("--lesson", "multi-weight", "--steps", "1")[1]
    assert several[4:7] == ["input_1", "input_2", "input_3"]


def test_a_diverging_run_keeps_one_row_per_iteration_with_the_note_on_the_last():
    rows, _, objects = both("--lesson", "divergence", "--steps", "300")
    assert [int(row["iteration"]) for row in rows] == list(range(27))
    assert [obj["iteration"] for obj in objects] == list(range(27))
    assert rows[-1]["note"] == objects[-1]["note"] == "diverged at iteration 26: error grew past the limit"
    assert all(row["note"] == "" for row in rows[:-1])
    assert float(rows[-1]["error"]) == objects[-1]["error"] == 1.3341745044033733e+106


def test_a_run_that_diverges_before_its_first_record_still_says_so():
    argv = ["--weight", "1e-307", "--input", "1e307", "--goal", "0", "--alpha", "100", "--steps", "3"]
    rows, _, objects = both(*argv)  # error 1, then the weight overflows: no finite record
    assert len(rows) == len(objects) == 1
    assert objects[0]["note"] == rows[0]["note"] == "diverged at iteration 0: weight overflowed"
    assert objects[0]["iteration"] == 0 and objects[0]["error"] is None and rows[0]["error"] == ""


def test_a_runs_fields_end_with_the_note_and_hold_no_students_answers():
    problem = find_lesson("alpha").problem
    names = [name for name, _ in fields(problem)]
    assert names[-1] == "note" == columns(problem)[-1] and "guess" not in names and "answer" not in names


def test_an_app_export_is_the_whole_session_naming_whose_it_is(tmp_path):
    session = Session.begin(find_lesson("divergence"))
    journal = Journal(lambda session, index: None)
    journal.see(session, 0.0)
    for _ in range(30):
        if session.history.can_step:
            session = session.step()
            journal.see(session, 0.0)
    session = session.with_lesson(find_lesson("alpha")).step()
    journal.see(session, 0.0)
    owner = Owner("ana", "bench-3")
    path, counted = export_log(journal, tmp_path, owner)  # every lesson: named for none of them
    assert path.name.startswith("gradstep-log-bench-3-2") and path.suffix == ".csv"
    reader = csv.DictReader(path.open(encoding="utf-8"))
    rows = list(reader)
    assert counted == len(rows) == 28  # the rows the message counts are the file's
    assert tuple(reader.fieldnames) == COLUMNS
    assert {(row["user"], row["session"], row["session_name"], row["kind"]) for row in rows} == \
           {("ana", owner.id, "bench-3", "step")}
    assert [(row["lesson"], int(row["iteration"])) for row in rows] == \
           [("divergence", k) for k in range(27)] + [("alpha", 0)]
    assert rows[26]["note"].startswith("diverged") and rows[27]["note"] == ""
    again, _ = export_log(journal, tmp_path, Owner("ana"))
    assert again.name.startswith("gradstep-log-2") and again != path


def test_an_export_name_never_leaves_its_folder(tmp_path):
    path, _ = export_log(Journal(lambda session, index: None), tmp_path, Owner("ana", "x/../../escaped"))
    assert path.parent == tmp_path and "/" not in path.name and ".." not in path.name
