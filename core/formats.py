"""Records as rows: exact for files (CSV, JSON lines), readable for people (the text table).

Files get every float as Python's repr, which reads back as exactly the same float64,
and never NaN or Infinity, which JSON has no words for: a run that diverges ends with a
row that says so instead.
"""

import csv
import dataclasses
import json
import unicodedata
from collections.abc import Iterable
from typing import IO

import numpy as np

from .divergence import Divergence
from .numbers import exact, readable
from .problem import Problem
from .rules import RECORD_TYPES, Step

_NAMES = {"weights": "weight", "weights_after": "weight_after"}  # record field -> column
_MOVES = {-1: "down", 0: "none", 1: "up"}
_SKIPPED = ("predictions",)  # the cost is per rule, not per record: said in the summary


def columns(problem: Problem) -> list[str]:
    """The columns of this problem's records, one per weight where a field holds several."""
    names = []
    for field in dataclasses.fields(RECORD_TYPES[problem.method]):
        if field.name in _SKIPPED:
            continue
        name = _NAMES.get(field.name, field.name)
        per_weight = field.type is np.ndarray and problem.size > 1
        names += [f"{name}_{i}" for i in range(1, problem.size + 1)] if per_weight else [name]
    return names


def as_row(step: Step) -> dict[str, object]:
    """A record as named plain values: several weights as a list, one weight as a number."""
    row = {}
    for field in dataclasses.fields(step):
        if field.name in _SKIPPED:
            continue
        value = getattr(step, field.name)
        if isinstance(value, np.ndarray):
            value = value.tolist() if len(value) > 1 else float(value[0])
        elif field.name == "move":
            value = _MOVES[value]
        elif field.name != "iteration":
            value = float(value)
        row[_NAMES.get(field.name, field.name)] = value
    return row


def flat_row(step: Step, show=exact) -> list[str]:
    """A record's cells in `columns` order, each float written by `show`."""
    cells = []
    for value in as_row(step).values():
        for item in value if isinstance(value, list) else [value]:
            cells.append(show(item) if isinstance(item, float) else str(item))
    return cells


def divergence_note(divergence: Divergence) -> str:
    """Where a run diverged, as a code for a file's reader (the words are the app's)."""
    how = "overflowed" if divergence.overflowed else "grew past the limit"
    return f"diverged at iteration {divergence.iteration}: {divergence.quantity} {how}"


def divergence_row(divergence: Divergence) -> dict[str, object]:
    """The last JSON line of a run that diverged."""
    return {
        "iteration": divergence.iteration,
        "diverged": True,
        "quantity": divergence.quantity,
        "message": divergence_note(divergence),
    }


def write_jsonl(items: Iterable[Step | Divergence], out: IO[str]) -> None:
    """One JSON object a line; floats round-trip exactly; a divergence ends the log."""
    for item in items:
        row = divergence_row(item) if isinstance(item, Divergence) else as_row(item)
        out.write(json.dumps(row, allow_nan=False) + "\n")


def write_csv(items: Iterable[Step | Divergence], problem: Problem, out: IO[str]) -> None:
    """A header, then a row a record; a last `note` column says where a run diverged."""
    writer = csv.writer(out, lineterminator="\n")
    header = columns(problem)
    writer.writerow([*header, "note"])
    for item in items:
        if isinstance(item, Divergence):
            writer.writerow([item.iteration, *[""] * (len(header) - 1), divergence_note(item)])
        else:
            writer.writerow([*flat_row(item), ""])


def text_header(problem: Problem, headings: dict[str, str] | None = None) -> str:
    """The text table's heading line (no weight_after: it is the next line's weight), each
    column named by `headings` (the reader's words for "weight", "error", ...) if given."""
    names = _text_columns(problem)
    return _aligned(names, [_heading(name, headings or {}) for name in names], headings or {})


def text_row(step: Step, problem: Problem, headings: dict[str, str] | None = None) -> str:
    """One record as a line of the text table, to 6 significant digits."""
    return _aligned(_text_columns(problem), flat_row(step, show=readable), headings or {})


def text_lines(items: Iterable[Step | Divergence], problem: Problem,
               headings: dict[str, str] | None = None) -> Iterable[str]:
    """The heading, then a line a record; fixed widths, so a long run streams, and one
    weight fits 80 columns."""
    yield text_header(problem, headings)
    for item in items:
        if isinstance(item, Step):
            yield text_row(item, problem, headings)


def _text_columns(problem: Problem) -> list[str]:
    return [name for name in columns(problem) if not name.startswith("weight_after")]


def _heading(name: str, headings: dict[str, str]) -> str:
    """A column's heading: "weight_2" is the reader's word for weight, then "_2"."""
    base, _, index = name.rpartition("_") if name[-1].isdigit() else (name, "", "")
    return headings.get(base, base) + (f"_{index}" if index else "")


def _aligned(names: list[str], cells: list[str], headings: dict[str, str]) -> str:
    """Cells right-aligned in fixed columns, always at least one space apart, so two values
    never run together ("0-9.99989e-321") whatever their length."""
    line = ""
    for name, cell in zip(names, cells):
        width = max(_WIDTHS.get(name, 13), cell_width(_heading(name, headings)) + 1)
        line += " " * max(1, width - cell_width(cell)) + cell
    return line


_WIDTHS = {"iteration": 9, "move": 6}


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: two for each East Asian wide character (Chinese)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
