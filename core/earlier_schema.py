"""Hand-ins written before the 70-column schema (71 since `resumed`), read into it, so an upgrade mid-course loses nothing.

Until run ids came (gradstep 0.1.0 as first handed out), a hand-in's `session` was the
--session name, true and false were written as words, and a step with several outputs
was one wide row: `goal_1` ... `goal_9`, `prediction_1` ..., `output_error_1` ...,
`delta_1` ... and the weights as a matrix, `weight_ROW_COL` (likewise `weight_delta_`,
`weight_after_`), some 330 columns; the first of those files called `attempt` `tries`
and had no matrix columns. A teacher who upgrades while students still hand in (or
while a killed session's pending hand-in waits in a student's state folder) must see
that work as it is now written: each earlier row becomes the rows core.schema writes
for it today, a matrix step one row per output with that output's row of the matrix.

It is a pure function of a row (a CSV row's strings or a pending file's JSON values), so
the CSV reader and the pending hand-in use the same one, and a test can lay an earlier
version's real files beside today's rows for the same steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .limits import MAX_OUTPUTS, MAX_WEIGHTS
from .questions import SKIPPED, attempt_number

_PER_WEIGHT = ("weight", "weight_delta", "weight_after")
_PER_OUTPUT = ("goal", "prediction", "output_error", "delta")
_WIDE = re.compile(r"(goal|prediction|output_error|delta|weight|weight_delta|weight_after)_(\d)(?:_(\d))?")
_RENAMED = {"tries": "attempt"}  # the first format's name for a try's number
_WORDS = {"true": "1", "false": "0", True: "1", False: "0"}  # `first`, written as words before


def _numbered(name: str, count: int) -> tuple[str, ...]:
    return tuple(f"{name}_{index}" for index in range(1, count + 1))


_BEFORE_INPUTS = ("user", "session", "time", "kind", "lesson", "method", "goal", "alpha", "step_amount",
                  *_numbered("input", MAX_WEIGHTS))
_ONE_OUTPUT = ("iteration", *_numbered("weight", MAX_WEIGHTS), "prediction", "error", "delta",
               *_numbered("weight_delta", MAX_WEIGHTS), "up_error", "down_error", "move",
               *_numbered("weight_after", MAX_WEIGHTS))
_MATRIX = tuple(f"{name}_{row}_{column}" for name in _PER_WEIGHT
                for row in range(1, MAX_OUTPUTS + 1) for column in range(1, MAX_WEIGHTS + 1))
_AFTER = ("predicting", "guess", "guess_move", "truth", "truth_move", "guess_result",
          "question", "question_text", "answer", "choice", "choice_text", "answer_result")


def _header(tries: str, matrix: bool) -> tuple[str, ...]:
    outputs = (*(column for name in _PER_OUTPUT for column in _numbered(name, MAX_OUTPUTS)), *_MATRIX)
    return (*_BEFORE_INPUTS, *_ONE_OUTPUT, *(outputs if matrix else ()), *_AFTER, tries, "first", "note")


EARLIER_HEADERS: tuple[tuple[str, ...], ...] = (
    _header("tries", matrix=False),  # the first hand-ins
    _header("attempt", matrix=False),  # every try kept, numbered
    _header("attempt", matrix=True),  # several outputs, wide: the last before run ids
)
"""The columns of every earlier hand-in, exactly: a file with another header is not a hand-in."""


def blank(value: object) -> bool:
    return value is None or value == ""


def converted(row: dict[str, object], run: str) -> Iterator[dict[str, object]]:
    """An earlier row as today's (its blank columns left out): one, or a matrix step's one
    per output. `run` is the `session` it is given, the run id earlier files did not have;
    their `session`, the --session name, becomes `session_name`."""
    now: dict[str, object] = {}
    per_output: dict[str, dict[int, object]] = {}  # goal_2 -> {"goal": {2: value}}
    matrix: dict[str, dict[tuple[int, int], object]] = {}  # weight_2_3 -> {"weight": {(2, 3): value}}
    for name, value in row.items():
        if blank(value):
            continue
        name = _RENAMED.get(name, name)
        match = _WIDE.fullmatch(name)
        if name == "session":
            now["session_name"] = value
        elif name == "first":
            now["first"] = _WORDS.get(value, value) if isinstance(value, (str, bool)) else value
        elif match and match[3] is not None:
            matrix.setdefault(match[1], {})[int(match[2]), int(match[3])] = value
        elif match and match[1] in _PER_OUTPUT:
            per_output.setdefault(match[1], {})[int(match[2])] = value
        else:
            now[name] = value
    now["session"] = run
    if now.get("answer_result") == "skipped" and str(now.get("attempt", "")).isdecimal():
        now["attempt"] = attempt_number(SKIPPED, int(str(now["attempt"])))  # earlier files gave a skip its tries
    goals = per_output.get("goal", {})
    if not goals or now.get("kind") != "step":  # one output; or a guess, an answer (today they name no goals)
        yield now
        return
    for output in sorted(goals):
        values = now | {"output": output, "goal": goals[output]}
        values |= {name: per_output[name][output] for name in _PER_OUTPUT[1:] if output in per_output.get(name, {})}
        for name in _PER_WEIGHT:
            values |= {f"{name}_{column}": value for (row_index, column), value in matrix.get(name, {}).items()
                       if row_index == output}
        yield values
