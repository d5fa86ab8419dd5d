"""Records as rows: exact for files (CSV, JSON lines), readable for people (the text table).

These are `gradstep run`'s rows, a problem's run without a student: every row says what
it is of (which lesson and problem: rule, inputs, goal, alpha or step), then the record
and a note. A session's own log (hand-ins, exports) is core.schema's.
CSV and JSON lines have the same fields in the same order (`fields`); a field with a
value per weight is a list in JSON and one column per weight in CSV (`weight_1`, ...).
With several outputs the weights are a matrix, one row per output: nested lists in JSON,
`weight_ROW_COL` in CSV; a value per output (goal, prediction, delta) is `name_ROW`.
Every float is Python's repr, which reads back as exactly the same float64, and never
NaN or Infinity, which JSON has no words for: the last row of a run that diverged says
so in its note. A blank cell in CSV is null in JSON. A record's own values and the
divergence notes are core.row_values's: the app's log needs those alone.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from .arrays import Floats
from .divergence import Divergence
from .limits import SMALLEST_SCREEN
from .numbers import exact, readable
from .problem import GRADIENT_DESCENT, HOT_COLD, Problem
from .record import Record
from .row_values import FIELD_COLUMNS, SKIPPED_FIELDS, as_row, divergence_note
from .rules import OutputsStep, Step, record_type


@dataclass(repr=False, frozen=True)
class About(Record):
    """What a log is of, named on every row: whose it is, and which lesson and problem."""

    lesson: str
    problem: Problem
    user: str = ""  # the login that ran it (exports from the app; blank from `gradstep run`)
    session: str = ""  # --session NAME, if any


@dataclass(repr=False, frozen=True)
class Row(Record):
    """Everything one row of an export is made from."""

    about: About
    step: Step | None  # None only for a run that diverged before its first record
    iteration: int
    note: str = ""  # where the run diverged, on its last row


def _rate(row: Row, method: str, field: str) -> float | None:
    """alpha for gradient descent, step_amount for hot and cold: blank where the rule has none."""
    return getattr(row.about.problem, field) if row.about.problem.method == method else None


# The fields of a row around its record, in order: (name, one value per input or output?, its value).
# Adding a field to every export, CSV and JSON alike, is adding a line here.
ABOUT_FIELDS: tuple[tuple[str, bool, Callable[[Row], object]], ...] = (
    ("user", False, lambda row: row.about.user),
    ("session", False, lambda row: row.about.session),
    ("lesson", False, lambda row: row.about.lesson),
    ("method", False, lambda row: row.about.problem.method),
    ("input", True, lambda row: list(row.about.problem.inputs)),
    ("goal", True, lambda row: list(row.about.problem.goals)),
    ("alpha", False, lambda row: _rate(row, GRADIENT_DESCENT, "alpha")),
    ("step_amount", False, lambda row: _rate(row, HOT_COLD, "step_amount")),
)
AFTER_FIELDS: tuple[tuple[str, bool, Callable[[Row], object]], ...] = (
    ("note", False, lambda row: row.note or None),
)


def fields(problem: Problem) -> list[tuple[str, tuple[int, ...]]]:
    """Every field of this problem's rows: its name, and the shape of its value (() for a
    number, (k,) for a list, (rows, columns) for the weights of several outputs)."""
    about = [(name, _about_shape(name, problem) if listed else ()) for name, listed, _ in ABOUT_FIELDS]
    return about + _record_fields(problem) + [(name, ()) for name, _, _ in AFTER_FIELDS]


def _about_shape(name: str, problem: Problem) -> tuple[int, ...]:
    return (problem.outputs,) if name == "goal" else (len(problem.inputs),)


def _record_fields(problem: Problem) -> list[tuple[str, tuple[int, ...]]]:
    """The record's fields and their shapes: a per-weight field is the weights' shape."""
    kind = record_type(problem)
    shapes: dict[str, tuple[int, ...]] = {"weights": problem.shape, "weights_after": problem.shape, "weight_delta": problem.shape}
    if kind is not OutputsStep:
        shapes = {name: (problem.size,) for name in shapes}
    return [(FIELD_COLUMNS.get(field.name, field.name), shapes.get(field.name, (problem.outputs,))
             if field.type is Floats else ())
            for field in dataclasses.fields(kind) if field.name not in SKIPPED_FIELDS]


def columns(problem: Problem) -> list[str]:
    """The CSV columns of this problem's rows: a list is `name_1`, ... (when it has several
    values), a matrix `name_1_1`, `name_1_2`, ... row by row."""
    return [column for name, shape in fields(problem) for column in _expanded(name, shape)]


def record_columns(problem: Problem) -> list[str]:
    """The columns of the record alone (the text table's)."""
    return [column for name, shape in _record_fields(problem) for column in _expanded(name, shape)]


def _expanded(name: str, shape: tuple[int, ...]) -> list[str]:
    if len(shape) == 2:
        return [f"{name}_{row}_{column}" for row in range(1, shape[0] + 1) for column in range(1, shape[1] + 1)]
    return [f"{name}_{i}" for i in range(1, shape[0] + 1)] if shape and shape[0] > 1 else [name]


def export_row(row: Row) -> dict[str, object]:
    """A row as named plain values, in `fields` order: several weights as a list, one as a
    number, a blank as None."""
    values = {name: _plain(value(row)) for name, _, value in ABOUT_FIELDS}
    if row.step is not None:
        values |= as_row(row.step)
    else:  # diverged before any record: only the iteration is known
        values |= {name: None for name, _ in fields(row.about.problem)[len(ABOUT_FIELDS):] if name not in values}
        values["iteration"] = row.iteration
    values |= {name: _plain(value(row)) for name, _, value in AFTER_FIELDS}
    return values


def _plain(value: object) -> object:
    """One weight's list as its number, as a record's fields are."""
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def flat_row(step: Step, show: Callable[[float], str] = exact) -> list[str]:
    """A record's cells in `record_columns` order, each float written by `show`."""
    return _cells(as_row(step), show)


def _cells(values: dict[str, object], show: Callable[[float], str] = exact) -> list[str]:
    cells: list[str] = []
    for value in values.values():
        for item in _flat(value):
            cells.append(_cell(item, show))
    return cells


def _flat(value: object) -> list[object]:
    """A value's cells: a number alone, a list's items, a matrix's row by row."""
    if not isinstance(value, list):
        return [value]
    return [cell for item in value for cell in _flat(item)]


def _cell(value: object, show: Callable[[float], str] = exact) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as JSON writes them
    return show(value) if isinstance(value, float) else str(value)


def rows(items: Iterable[Step | Divergence], about: About) -> Iterator[Row]:
    """A row a record, the divergence noted on the last one (never a row of its own, unless
    the run diverged before its first record)."""
    pending: Step | None = None
    for item in items:
        if isinstance(item, Divergence):
            note = divergence_note(item)
            yield Row(about, pending, item.iteration if pending is None else pending.iteration, note)
            return
        if pending is not None:
            yield Row(about, pending, pending.iteration)
        pending = item
    if pending is not None:
        yield Row(about, pending, pending.iteration)


def write_jsonl(items: Iterable[Row], out: IO[str]) -> None:
    """One JSON object a row; floats round-trip exactly."""
    for row in items:
        out.write(json.dumps(export_row(row), allow_nan=False) + "\n")


def write_csv(items: Iterable[Row], problem: Problem, out: IO[str]) -> None:
    """A header, then a line a row."""
    import csv  # here, not above: the app draws its log with this module, and exports are rare

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(problem))
    for row in items:
        writer.writerow(_cells(export_row(row)))


TABLE_WIDTH = SMALLEST_SCREEN[0]  # the classroom's terminal: no table line is wider


def text_header(problem: Problem, headings: dict[str, str] | None = None, names: list[str] | None = None) -> str:
    """The text table's heading line (no weight_after: it is the next line's weight), each
    column named by `headings` (the reader's words for "weight", "error", ...) if given;
    `headings` also names hot and cold's moves ("up", "down", "none") in the rows. `names`
    picks the columns (one of `text_tables`); default, all of them."""
    names = names or _text_columns(problem)
    return _aligned(names, [_heading(name, headings or {}) for name in names], headings or {})


def text_row(step: Step, problem: Problem, headings: dict[str, str] | None = None,
             names: list[str] | None = None) -> str:
    """One record as a line of the text table (its columns `names`, default all), to the
    digits every panel shows."""
    cells = dict(zip(record_columns(problem), flat_row(step, show=readable)))
    names = names or _text_columns(problem)
    return _aligned(names, [(headings or {}).get(cells[name], cells[name]) for name in names], headings or {})


def text_lines(items: Iterable[Step | Divergence], problem: Problem,
               headings: dict[str, str] | None = None, names: list[str] | None = None) -> Iterable[str]:
    """The heading, then a line a record; fixed widths, so a long run streams."""
    yield text_header(problem, headings, names)
    for item in items:
        if isinstance(item, Step):
            yield text_row(item, problem, headings, names)


def text_tables(problem: Problem, headings: dict[str, str] | None = None) -> list[list[str]]:
    """The text table's columns cut into tables that each fit TABLE_WIDTH, every one led by
    the iteration, so that each line is a record's and a reader follows a column down.

    A field's columns (the three weights, the deltas) stay in one table where they fit in
    one; a field too wide for any table (a matrix's nine weights) fills table after table.
    One table, as before, where everything fits."""
    headings = headings or {}
    names = _text_columns(problem)
    lead, rest = names[0], names[1:]  # the iteration
    room = TABLE_WIDTH - _column_width(lead, headings)
    tables: list[list[str]] = [[]]
    used = 0
    for field in _fields_of(rest):
        needed = sum(_column_width(name, headings) for name in field)
        if tables[-1] and used + needed > room and needed <= room:
            tables.append([])
            used = 0
        for name in field:
            if tables[-1] and used + _column_width(name, headings) > room:
                tables.append([])
                used = 0
            tables[-1].append(name)
            used += _column_width(name, headings)
    return [[lead, *table] for table in tables]


def _fields_of(names: list[str]) -> list[list[str]]:
    """Columns grouped by the field they come from ("weight_1", "weight_2": one field)."""
    fields: dict[str, list[str]] = {}
    for name in names:
        found = _NUMBERED.fullmatch(name)
        fields.setdefault(found[1] if found else name, []).append(name)
    return list(fields.values())


def _text_columns(problem: Problem) -> list[str]:
    return [name for name in record_columns(problem) if not name.startswith("weight_after")]


_NUMBERED = re.compile(r"(.*?)((?:_\d+)+)")  # a name, then its row and column numbers


def _heading(name: str, headings: dict[str, str]) -> str:
    """A column's heading: "weight_2" is the reader's word for weight, then "_2" (and
    "weight_2_1", in a matrix, then "_2_1")."""
    found = _NUMBERED.fullmatch(name)
    base, index = (found[1], found[2]) if found else (name, "")
    return headings.get(base, base) + index


def _aligned(names: list[str], cells: list[str], headings: dict[str, str]) -> str:
    """Cells right-aligned in fixed columns, always at least one space apart, so two values
    never run together ("0-9.99989e-321") whatever their length."""
    line = ""
    for name, cell in zip(names, cells):
        line += " " * max(1, _column_width(name, headings) - cell_width(cell)) + cell
    return line


def _column_width(name: str, headings: dict[str, str]) -> int:
    """A column's cells: its heading and a space, and never fewer than a readable number
    ("-1.2345e+06") and a space."""
    return max(_WIDTHS.get(name, 13), cell_width(_heading(name, headings)) + 1)


_WIDTHS = {"iteration": 9, "move": 5}  # hot and cold's table fits 80 columns


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: two for each East Asian wide character (Chinese)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
