"""An upgrade mid-course loses nothing a student handed in: hand-ins and a pending hand-in
written by the version before run ids (the ~330-column wide schema) are read into today's.

tests/data/earlier-hand-ins/ holds real files of that version (commit 1869762), made by
running it in tmux at 80x24: `--session ana --lesson weight-matrix` (the question answered
wrong then right, 8 steps with one guess), then alpha (its questions right, then skipped;
3 steps) and hot-cold (a question wrong then right, 2 steps with two guesses), ended by a
hang-up: root-ana-*.csv. Then `--session bo --lesson several-outputs` (5 steps, a guess),
weight-matrix (3 steps), killed with SIGKILL: its pending hand-in session-bo.hand-in.jsonl
and its progress file root-bo.progress.json, still `ended: false`.
"""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.journal import Journal, Words
from gradstep.core.progress import read_progress
from gradstep.core.schema import COLUMNS, entry_rows, write_rows
from gradstep.core.session import Session
from gradstep.tui.files.hand_in import complete_pending

from ..helpers import gradstep

EARLIER = Path(__file__).parent.parent / "data" / "earlier-hand-ins"
WHOSE = ("user", "session", "session_name", "time")  # what differs between a run then and one now


def steps_today(lesson: str, steps: int) -> list[dict[str, str]]:
    """Today's step rows of `steps` steps of `lesson` from its start, as a hand-in holds them."""
    journal = Journal(lambda session, index: Words("?"))
    session = Session.begin(find_lesson(lesson))
    journal.see(session, 0.0)
    for _ in range(steps):
        session = session.step()
        journal.see(session, 1.0)
    out = io.StringIO()
    write_rows(entry_rows(journal.entries, "ana", "0123456789abcdef"), out)
    return [row for row in csv.DictReader(io.StringIO(out.getvalue())) if row["kind"] == "step"]


def without_whose(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{name: value for name, value in row.items() if name not in WHOSE} for row in rows]


@pytest.fixture
def earlier_folder(tmp_path: Path) -> Path:
    for path in EARLIER.glob("root-ana-*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_teacher_sees_every_earlier_hand_in_with_the_figures_the_earlier_version_printed(earlier_folder):
    result = gradstep("class", str(earlier_folder))
    assert result.status == 0 and "not a hand-in" not in result.out + result.err
    lines = [line.split() for line in result.out.splitlines()[1:]]
    # what `gradstep class` of version 1869762 printed for these files
    assert [[line[1], *line[4:]] for line in lines] == [  # in the order they began, as today's
        ["ana", "weight-matrix", "8", "3.8881e-10", "1/1", "0/1"],
        ["ana", "alpha", "3", "0.0018662", "-", "1/2"],
        ["ana", "hot-cold", "2", "1.69", "1/2", "1/2"],
    ]


def merged(folder: Path) -> list[dict[str, str]]:
    result = gradstep("class", str(folder), "--csv")
    assert result.status == 0 and "not a gradstep hand-in" not in result.err
    return list(csv.DictReader(io.StringIO(result.out)))


def test_an_earlier_matrix_step_becomes_todays_rows_one_per_output_with_its_row_of_the_matrix(earlier_folder):
    rows = [row for row in merged(earlier_folder) if row["file"] == "root-ana-weight-matrix.csv"]
    steps = [row for row in rows if row["kind"] == "step"]
    assert len(steps) == 8 * 3 and [row["output"] for row in steps[:3]] == ["1", "2", "3"]
    assert without_whose([{column: row[column] for column in COLUMNS if column != "user"} for row in steps]) == \
        without_whose(steps_today("weight-matrix", 8))  # every figure, exactly as written today


def test_earlier_rows_keep_the_session_name_and_get_a_run_of_their_own_per_file(earlier_folder):
    rows = merged(earlier_folder)
    assert {row["session_name"] for row in rows} == {"ana"} and {row["claimed_account"] for row in rows} == {"root"}
    runs = {row["file"]: row["session"] for row in rows}
    assert len(set(runs.values())) == 3 and all(re.fullmatch(r"[0-9a-f]{16}", run) for run in runs.values())
    assert {row["first"] for row in rows if row["kind"] == "answer"} == {"1", "0"}  # was true/false
    assert {row["attempt"] for row in rows if row["kind"] == "answer"} == {"1", "2"}  # a skip at once (tries 0): 1
    for path in EARLIER.glob("root-ana-*.csv"):  # nothing lost: a row each, a matrix step's one per output
        with path.open(encoding="utf-8") as earlier:
            kinds = [(row["kind"], row["goal_3"] != "") for row in csv.DictReader(earlier)]
        now = [row["kind"] for row in rows if row["file"] == path.name]
        assert len(now) == sum(3 if kind == ("step", True) else 1 for kind in kinds)
        assert [kind for kind in now if kind != "step"] == [kind for kind, _ in kinds if kind != "step"]


def test_a_pending_hand_in_left_by_the_earlier_version_is_completed_with_its_matrix_columns(tmp_path):
    folder, state = tmp_path / "class", tmp_path / "state"
    folder.mkdir()
    state.mkdir()
    pending = state / "session-bo.hand-in.jsonl"
    lines = (EARLIER / pending.name).read_text(encoding="utf-8").splitlines()
    head = json.loads(lines[0])
    assert "id" not in head  # as the earlier version wrote it
    pending.write_text("\n".join([json.dumps(head | {"folder": str(folder)}), *lines[1:]]) + "\n", encoding="utf-8")
    shutil.copy(EARLIER / "root-bo.progress.json", folder)

    made, paths = complete_pending(pending)

    assert made == folder and [path.name.rsplit("-", 1)[0] for path in paths] == \
        ["root-bo-several-outputs", "root-bo-weight-matrix"]
    run = paths[0].stem.rsplit("-", 1)[1]
    assert re.fullmatch(r"[0-9a-f]{16}", run) and paths[1].stem.endswith(run)  # one new run id for both
    for path, lesson, steps in zip(paths, ("several-outputs", "weight-matrix"), (5, 3)):
        with path.open(encoding="utf-8") as handed:
            reader = csv.DictReader(handed)
            assert tuple(reader.fieldnames) == COLUMNS
            rows = list(reader)
        assert {(row["user"], row["session"], row["session_name"]) for row in rows} == {("root", run, "bo")}
        assert without_whose([row for row in rows if row["kind"] == "step"]) == \
            without_whose(steps_today(lesson, steps))
    assert read_progress((folder / "root-bo.progress.json").read_text()).ended  # the desk sees it ended
    assert not pending.exists()


def test_the_first_format_with_tries_and_no_matrix_columns_is_read_too(tmp_path):
    """The first hand-ins (commit a791759) called a try's number `tries` and had 67 columns."""
    from gradstep.core.earlier_schema import EARLIER_HEADERS

    header = EARLIER_HEADERS[0]
    assert "tries" in header and "attempt" not in header and "weight_1_1" not in header
    row = dict.fromkeys(header, "") | {"user": "ana", "session": "s1", "time": "2026-12-07T03:04:05.000Z",
                                       "kind": "answer", "lesson": "alpha", "method": "gd", "goal": "0.8",
                                       "alpha": "0.1", "input_1": "2.0", "iteration": "0", "question": "1",
                                       "answer": "0.3", "answer_result": "wrong", "tries": "1", "first": "false"}
    with (tmp_path / "ana-s1-alpha.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)
    [answer] = merged(tmp_path)
    assert (answer["attempt"], answer["first"], answer["session_name"], answer["answer"]) == ("1", "0", "s1", "0.3")
