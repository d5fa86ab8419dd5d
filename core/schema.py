"""One schema for every hand-in and export, so a teacher can put a class's files together.

Every row has the same columns whatever the rule, the lesson or the number of weights:
gradient descent's and hot and cold's fields are all there, blank where a row has none,
and a value per weight has MAX_WEIGHTS columns (`weight_1` ... `weight_9`), blank past the
problem's own. With several outputs (the matrix lessons) `goal`, `prediction` and `delta`
are blank and each output has its own (`goal_1` ... `goal_9`, `prediction_1`, `output_error_1`,
`delta_1`, ...; `error` is their sum), and the weights are a matrix: `weight_ROW_COL`
(`weight_1_1` ... `weight_9_9`, likewise `weight_delta_` and `weight_after_`), blank past the
problem's own; `weight_1` ... stay blank. `kind` says what a row is: a step, a guess (predict mode, just before the
step it is about) or an answer to one of the lesson's questions. Each row has its time
(ISO 8601, UTC). A column holds one type of value in every file: numbers only in `guess`,
`truth` and `answer`, words in `guess_move`, `truth_move` and `choice`, so a reader never
finds a column numeric in one file and text in another. A question's words and the
chosen choice's words sit beside their numbers. Floats are written exactly (repr).
"""

import csv
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO

import numpy as np

from .formats import as_row
from .journal import ANSWER, GUESS, STEP, Entry
from .limits import MAX_OUTPUTS, MAX_WEIGHTS
from .numbers import exact
from .problem import GRADIENT_DESCENT, HOT_COLD, Problem
from .progress import iso_utc


@functools.cache
def _per_weight(name: str) -> list[str]:
    return [f"{name}_{index}" for index in range(1, MAX_WEIGHTS + 1)]


@functools.cache
def _per_output(name: str) -> list[str]:
    return [f"{name}_{index}" for index in range(1, MAX_OUTPUTS + 1)]


def _matrix(name: str) -> list[str]:
    return [f"{name}_{row}_{column}" for row in range(1, MAX_OUTPUTS + 1) for column in range(1, MAX_WEIGHTS + 1)]


MATRIX_FIELDS = ("weight", "weight_delta", "weight_after")  # a value per weight: a matrix with several outputs
OUTPUT_FIELDS = {"prediction": "prediction", "output_error": "output_error", "delta": "delta"}  # a value per output


COLUMNS: tuple[str, ...] = (
    "user", "session", "time", "kind", "lesson", "method", "goal", "alpha", "step_amount",
    *_per_weight("input"),
    "iteration", *_per_weight("weight"), "prediction", "error", "delta", *_per_weight("weight_delta"),
    "up_error", "down_error", "move", *_per_weight("weight_after"),
    *_per_output("goal"), *_per_output("prediction"), *_per_output("output_error"), *_per_output("delta"),
    *_matrix("weight"), *_matrix("weight_delta"), *_matrix("weight_after"),
    "predicting", "guess", "guess_move", "truth", "truth_move", "guess_result",
    "question", "question_text", "answer", "choice", "choice_text", "answer_result", "attempt", "first",
    "note",
)
"""The columns of every row, in order (a pending hand-in's JSON lines use the same names)."""

KINDS = (STEP, GUESS, ANSWER)


def entry_row(entry: Entry, user: str, session: str) -> dict[str, object]:
    """One journal entry as a row: the columns it has a value in (the others are blank).
    Sparse, because most of the columns are the other rule's or past the problem's weights,
    and a long session writes a hundred thousand rows at its end."""
    problem = entry.problem
    row: dict[str, object] = {"user": user, "session": session, "time": iso_utc(entry.time, milliseconds=True),
                              "kind": entry.kind, "lesson": entry.lesson, **_problem_fields(problem)}
    if entry.kind == STEP:
        row |= _step(entry)
    elif entry.kind == GUESS:
        guess = entry.guess
        assert guess is not None, "every GUESS entry holds its guess"
        moves = isinstance(guess.truth, str)
        row |= {"iteration": guess.iteration, "predicting": guess.kind,
                "guess" if not moves else "guess_move": guess.value,
                "truth" if not moves else "truth_move": guess.truth,
                "guess_result": {True: "right", False: "wrong", None: "skipped"}[guess.right]}
    else:
        row |= _answer(entry)
    return {name: value for name, value in row.items() if value is not None}


@functools.lru_cache(maxsize=64)  # the same for every row of a run
def _problem_fields(problem: Problem) -> dict[str, object]:
    fields: dict[str, object] = {"method": problem.method, "goal": problem.goal if problem.outputs == 1 else None,
              "alpha": problem.alpha if problem.method == GRADIENT_DESCENT else None,
              "step_amount": problem.step_amount if problem.method == HOT_COLD else None}
    fields |= _spread("input", problem.inputs)
    if problem.outputs > 1:
        fields |= _spread("goal", problem.goals, _per_output)
    return fields


def _step(entry: Entry) -> dict[str, object]:
    values: dict[str, object] = {}
    several = entry.problem.outputs > 1
    for name, value in as_row(entry.step).items():
        if several and name in MATRIX_FIELDS:
            values |= _spread_matrix(name, value)
        elif several and name in OUTPUT_FIELDS:
            values |= _spread(name, value, _per_output)
        elif name in MATRIX_FIELDS:
            values |= _spread(name, value if isinstance(value, list) else [value])
        else:
            values[name] = value
    return values | {"note": entry.note or None}


def _spread_matrix(name: str, rows: list[list[float]]) -> dict[str, object]:
    """A matrix of weights as `name_ROW_COL`, blank past the problem's own rows and columns."""
    return {f"{name}_{row}_{column}": float(value)
            for row, values in enumerate(rows, start=1) for column, value in enumerate(values, start=1)}


def _answer(entry: Entry) -> dict[str, object]:
    answer, words = entry.answer, entry.words
    assert answer is not None, "every ANSWER entry holds its answer"
    given = answer.given
    return {"iteration": answer.at, "question": answer.index + 1, "question_text": words.ask if words else None,
            "answer": given if isinstance(given, float) else None,
            "choice": given if isinstance(given, str) else None, "choice_text": entry.chosen,
            "answer_result": answer.result, "attempt": answer.tries, "first": entry.first}


def _spread(name: str, values: Sequence[float] | Sequence[Sequence[float]],
            columns: Callable[[str], list[str]] = _per_weight) -> dict[str, object]:
    """A value per weight as `name_1` ... `name_MAX_WEIGHTS` (or per output, with `columns`
    _per_output), blank past the problem's own."""
    flat = np.asarray(values, dtype=np.float64).ravel().tolist()
    return dict(zip(columns(name), flat))


def cell(value: object) -> str:
    """A value as a CSV cell: floats exact, true/false as JSON writes them, None blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return exact(value)
    return str(value)


_PLACE = {column: index for index, column in enumerate(COLUMNS)}


def write_rows(rows: Iterable[dict[str, object]], out: IO[str]) -> None:
    """The header, then a line a row (a row's missing keys blank, a key not a column left out)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = [""] * len(COLUMNS)
        for name, value in row.items():
            if name in _PLACE:
                cells[_PLACE[name]] = cell(value)
        writer.writerow(cells)


def entry_rows(entries: Iterable[Entry], user: str, session: str) -> Iterator[dict[str, object]]:
    return (entry_row(entry, user, session) for entry in entries)
