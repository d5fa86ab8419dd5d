"""One schema for every hand-in and export, so a teacher can put a class's files together.

Every row has the same columns whatever the rule, the lesson or the number of weights:
gradient descent's and hot and cold's fields are all there, blank where a row has none,
and a value per weight has MAX_WEIGHTS columns (`weight_1` ... `weight_9`), blank past the
problem's own. With several outputs (the matrix lessons) a step is one row per output
(long form): `output` says which (blank with one output), and that row's `goal`,
`prediction`, `output_error`, `delta` and `weight_1` ... are that output's, its row of
the matrix; `error` is the sum over the outputs, the same on each of the step's rows. So
71 columns hold every lesson, and a matrix's step reads like any other.

`kind` says what a row is: a step, a guess (predict mode, just before the step it is
about) or an answer to one of the lesson's questions. Each row has its time (ISO 8601,
UTC), its login (`user`) and its session: `session` is the run's random id (two runs of
one student differ), `session_name` the --session name on a shared login, `resumed` the
id of the run this one resumed (--resume; blank for a fresh start or a save that predates it). A column holds
one type of value in every file: numbers only in `guess`, `truth`, `answer`, `attempt`
and `first` (1 for a question's first try in the session, 0 for a later one), words in
`guess_move`, `truth_move` and `choice`, so a reader never finds a column numeric in one
file and text in another. A question's words and the chosen choice's words sit beside
their numbers. Floats are written exactly (repr).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

import numpy as np

from .row_values import as_row
from .journal import ANSWER, GUESS, STEP, Entry
from .limits import MAX_WEIGHTS
from .numbers import as_typed, exact
from .problem import GRADIENT_DESCENT, HOT_COLD, Problem
from .progress import iso_utc


@functools.cache
def _per_weight(name: str) -> list[str]:
    return [f"{name}_{index}" for index in range(1, MAX_WEIGHTS + 1)]


PER_WEIGHT = ("weight", "weight_delta", "weight_after")  # a value per weight (per output: a row of the matrix)
PER_OUTPUT = ("prediction", "output_error", "delta")  # with several outputs, a value per output

COLUMNS: tuple[str, ...] = (
    "user", "session", "session_name", "resumed", "time", "kind", "lesson", "method", "goal", "alpha", "step_amount",
    *_per_weight("input"),
    "iteration", "output", *_per_weight("weight"), "prediction", "error", "output_error", "delta",
    *_per_weight("weight_delta"), "up_error", "down_error", "move", *_per_weight("weight_after"),
    "predicting", "guess", "guess_move", "truth", "truth_move", "guess_result",
    "question", "question_text", "answer", "choice", "choice_text", "answer_result", "attempt", "first",
    "note",
)
"""The columns of every row, in order (a pending hand-in's JSON lines use the same names)."""

RESUMED = COLUMNS.index("resumed")
BEFORE_RESUMED = COLUMNS[:RESUMED] + COLUMNS[RESUMED + 1:]
"""The 70 columns written before `resumed` came: such a file reads as today's, that cell blank."""

KINDS = (STEP, GUESS, ANSWER)

WHOLE_NUMBERS = ("iteration", "output", "question", "attempt", "first")
"""The columns that hold whole numbers only, blank on the rows they do not concern (`first`
on a step): pandas takes a column with blanks for floats (1.0, NaN) unless told, as
docs/teaching.md says, `dtype=dict.fromkeys(WHOLE_NUMBERS, "Int64")`."""


def _rows(entry: Entry, user: str, session: str, session_name: str, resumed: str) -> Iterator[dict[str, object]]:
    """One journal entry's rows (a step with several outputs has one per output), each with
    only the columns it has a value in: sparse, because most of the columns are the other
    rule's or past the problem's weights, and a long session writes a hundred thousand rows."""
    problem = entry.problem
    row: dict[str, object] = {"user": user, "session": session, "session_name": session_name or None,
                              "resumed": resumed or None,
                              "time": iso_utc(entry.time, milliseconds=True),
                              "kind": entry.kind, "lesson": entry.lesson, **_problem_fields(problem)}
    if entry.kind == STEP:
        for values in _step(entry):
            yield _given(row | values)
        return
    if entry.kind == GUESS:
        guess = entry.guess
        assert guess is not None, "every GUESS entry holds its guess"
        moves = isinstance(guess.truth, str)
        row |= {"iteration": guess.iteration, "predicting": guess.kind,
                "guess" if not moves else "guess_move": guess.value,
                "truth" if not moves else "truth_move": guess.truth,
                "guess_result": {True: "right", False: "wrong", None: "skipped"}[guess.right]}
    else:
        row |= _answer(entry)
    yield _given(row)


def _given(row: dict[str, object]) -> dict[str, object]:
    return {name: value for name, value in row.items() if value is not None}


@functools.lru_cache(maxsize=64)  # the same for every row of a run
def _problem_fields(problem: Problem) -> dict[str, object]:
    fields: dict[str, object] = {"method": problem.method, "goal": problem.goal if problem.outputs == 1 else None,
              "alpha": problem.alpha if problem.method == GRADIENT_DESCENT else None,
              "step_amount": problem.step_amount if problem.method == HOT_COLD else None}
    return fields | _spread("input", problem.inputs)


def _step(entry: Entry) -> list[dict[str, object]]:
    """A step's rows: one, or with several outputs one per output (that output's row of the matrix)."""
    record = as_row(entry.step)
    note = {"note": entry.note or None}
    if entry.problem.outputs == 1:
        values: dict[str, object] = {}
        for name, value in record.items():
            if name in PER_WEIGHT:
                values |= _spread(name, value if isinstance(value, list) else [value])
            else:
                values[name] = value
        return [values | note]
    shared = {name: value for name, value in record.items() if name not in PER_WEIGHT + PER_OUTPUT}
    rows = []
    for output, goal in enumerate(entry.problem.goals):
        values = shared | {"output": output + 1, "goal": goal}
        values |= {name: float(record[name][output]) for name in PER_OUTPUT}
        for name in PER_WEIGHT:
            values |= _spread(name, record[name][output])
        rows.append(values | note)
    return rows


def _answer(entry: Entry) -> dict[str, object]:
    answer, words = entry.answer, entry.words
    assert answer is not None, "every ANSWER entry holds its answer"
    given = answer.given
    return {"iteration": answer.at, "question": answer.index + 1, "question_text": words.ask if words else None,
            "answer": as_typed(given) if isinstance(given, float) else None,  # 2 as typed, not 2.0
            "choice": given if isinstance(given, str) else None, "choice_text": entry.chosen,
            "answer_result": answer.result, "attempt": answer.attempt, "first": entry.first}


def _spread(name: str, values: Sequence[float]) -> dict[str, object]:
    """A value per weight as `name_1` ... `name_MAX_WEIGHTS`, blank past the problem's own."""
    flat = np.asarray(values, dtype=np.float64).ravel().tolist()
    return dict(zip(_per_weight(name), flat))


def cell(value: object) -> str:
    """A value as a CSV cell: floats exact, true/false as 1/0 (which a spreadsheet and pandas
    read as numbers, where "true" beside blanks is text), None blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return exact(value)
    return str(value)


_PLACE = {column: index for index, column in enumerate(COLUMNS)}


def write_rows(rows: Iterable[dict[str, object]], out: IO[str]) -> int:
    """The header, then a line a row (a row's missing keys blank, a key not a column left
    out); how many rows, the header not counted, for the message that says what was saved."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    written = 0
    for written, row in enumerate(rows, start=1):
        cells = [""] * len(COLUMNS)
        for name, value in row.items():
            if name in _PLACE:
                cells[_PLACE[name]] = cell(value)
        writer.writerow(cells)
    return written


def entry_rows(entries: Iterable[Entry], user: str, session: str, session_name: str = "",
               resumed: str = "") -> Iterator[dict[str, object]]:
    """Every entry's rows, in order: `session` is the run's id, `session_name` its --session
    name, `resumed` the id of the run whose save this run resumed (--resume), if it did."""
    return (row for entry in entries for row in _rows(entry, user, session, session_name, resumed))
