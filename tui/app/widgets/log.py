"""The iteration log: one row a step, the newest at the bottom.

Only the rows that fit are drawn, formatted from the history's columns when the state
changes, so the log costs the same after 100,000 steps as after three; every row is in
the CSV export (x) and the error-vs-iteration chart (v). Columns that do not fit the
width are left out, least telling first (the worked step shows them for the last step).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
from rich.cells import cell_len, set_cell_size
from rich.console import Group
from rich.text import Text
from textual.geometry import Size

from ....core.row_values import as_row
from ....core.numbers import column, exact, readable
from ....core.analysis import ROUNDING_ULPS
from ....core.problem import GRADIENT_DESCENT, HOT_COLD, MEASURE, Problem
from ...words.language import LANGUAGES
from ...words.say import headings, say, term
from ...words.worked import ROUNDING_DUST
from ...words.wrap import wrap
from ..state import AppState
from .panel import StatePanel

NUMBER_WIDTH, EXACT_WIDTH = 11, 24  # SHOWN_DIGITS in any notation (-1.2345e+06), or every digit
OUTPUTS_WIDTH = 8  # with several outputs, the fewest cells a column is drawn with: 0.7569 and its heading
PRIORITY = ("error", "output_error", "weight", "prediction", "delta", "weight_delta", "up_error", "down_error", "move")
# With several outputs each output's own error comes first: the lesson is that each has its
# own, and their sum is on the parameters panel and the worked step's last line.
OUTPUTS_PRIORITY = ("output_error", "error", *PRIORITY[2:])
ONE_LETTER = {"weight": "w", "weight_delta": "wd"}  # a weight's column is named as the chart names it (w2,1)
SHORT = {"weight_delta": "w_delta"}  # where the text table's heading is wider than a log column


def log_columns(problem: Problem, room: int, number_width: int | Mapping[str, int],
                every_digit: bool = False, move_width: int = 5) -> list[tuple[str, int | None]]:
    """(field, index within it) for the columns that fit in `room` cells, in the log's order;
    `number_width` is every number column's width, or each field's (every digit takes as
    many cells as the field's longest figure), `move_width` hot and cold's moves' (its
    heading's, in the reader's words: move_cells). With several outputs the log shows each
    output's error first, then their sum where it fits; with `every_digit` (f), their sum
    first, whose every digit the parameters panel does not show."""
    own = {HOT_COLD: ("up_error", "down_error", "move"), MEASURE: ()}.get(problem.method, ("delta", "weight_delta"))
    order = ("weight", "prediction", "error", *own)
    if problem.outputs > 1:
        order = ("error", "output_error", "prediction", "delta", "weight", "weight_delta")
    chosen = set()
    for field in OUTPUTS_PRIORITY if problem.outputs > 1 and not every_digit else PRIORITY:
        if field not in order:
            continue
        width = number_width if isinstance(number_width, int) else number_width.get(field, EXACT_WIDTH)
        cost = _values(problem, field) * ((move_width if field == "move" else width) + 1)
        if cost <= room:
            chosen.add(field)
            room -= cost
    columns: list[tuple[str, int | None]] = []
    for field in order:
        if field in chosen:
            count = _values(problem, field)
            columns += [(field, i) for i in range(count)] if count > 1 else [(field, None)]
    return columns


def _values(problem: Problem, field: str) -> int:
    """How many columns a field takes: one per weight, per output, or one."""
    if field in ("weight", "weight_delta"):
        return problem.size
    if problem.outputs > 1 and field in ("prediction", "output_error", "delta"):
        return problem.outputs
    return 1


def _name(problem: Problem, field: str, index: int, language: str) -> str:
    """A column of a field with several values: "w2", or "w2,1" in a matrix, as the chart
    names a weight; an output's own error, prediction or delta in the reader's words ("e3",
    误差3: a Chinese student read "e1 e2 e3" as English)."""
    if field not in ONE_LETTER:
        return say(language, f"column.{field}_of", number=index + 1)
    if problem.outputs > 1:
        row, column = divmod(index, len(problem.inputs))
        return f"{ONE_LETTER[field]}{row + 1},{column + 1}"
    return f"{ONE_LETTER[field]}{index + 1}"


def move_cells(language: str) -> int:
    """Hot and cold's move column's cells: its widest move ("down") or its heading (下一步)."""
    return max(5, cell_len(say(language, "column.next_move")))


def log_words(language: str, outputs: int) -> dict[str, str]:
    """The words the log's cells are written in: the text table's headings, and hot and
    cold's moves (the files' codes up, down, none) as the reader says them, English too
    ("stay", not the code "none")."""
    moves = {move: say(language, f"direction.{word}") for move, word in (("up", "up"), ("down", "down"), ("none", "stay"))}
    return log_headings(language, outputs) | moves


def log_headings(language: str, outputs: int) -> dict[str, str]:
    """The log's column headings: the text table's, but with several outputs the error is
    their sum, named as the parameters panel and the worked step name it in every language:
    English kept the code's "error" (the CSV's name) over the very figure the panel beside
    it calls "error sum"."""
    return headings(language, outputs) | ({"error": term(language, "error_sum")} if outputs > 1 else {})


def heading(column: tuple[str, int | None], width: int, language: str, problem: Problem) -> str:
    """The column's heading as the text table names it in the reader's language (line mode
    and `gradstep run` too), shortened where it is wider than the column: a heading never
    wraps the row. English shortens to the code's short name (w_delta); another language
    keeps its own word, cut with "…", rather than turn to English. Hot and cold's move is
    headed as the move a row makes next ("next", 下一步): a row is the state before its step,
    so its move is the one leaving it, and under "move" row 16 at -1.1 said "up" though
    step 16 had moved down to it."""
    field, index = column
    if field == "move":
        name = say(language, "column.next_move")
    elif index is not None:
        name = _name(problem, field, index, language)
    else:
        name = log_headings(language, problem.outputs).get(field, field)
        if cell_len(name) > width and LANGUAGES[language].code_names:
            name = SHORT.get(field, field)
        elif cell_len(name) > width:
            name = set_cell_size(name, width - 1).rstrip() + "…"
    return name.rjust(width - (cell_len(name) - len(name)))  # wide characters take two cells


def current_row(history) -> dict:
    """The row of the iteration the run is at: its weights, prediction, error and delta
    (prediction - goal) are known now, and the error's row beside a blank delta read as a
    step not yet measured; what its step will do (weight_delta, the probes) is not shown
    until the step is taken (the log's last row is the iteration the status line counts,
    and a guess asked before the step stays a guess)."""
    several = history.problem.outputs > 1
    weights = history.weights.tolist()
    predictions = np.ravel(history.prediction)  # shape (outputs,)
    deltas = (predictions - np.asarray(history.problem.goals)).tolist()  # as the rule takes them
    prediction = predictions.tolist()
    row = {"weight": weights if len(weights) > 1 else weights[0],
           "prediction": prediction if several else prediction[0], "error": float(history.error),
           "delta": deltas if several else deltas[0]}
    if several:
        row["output_error"] = history.output_errors.tolist()
    return row


def _at(value, index: int):
    """A field's `index`th value, or None where the row has none."""
    return None if value is None else _flat(value)[index]


def _flat(value: list) -> list:
    """A matrix's values row by row (a list is already flat)."""
    return [item for part in value for item in (part if isinstance(part, list) else [part])]


def _shown_widths(rows: list[dict], least: int) -> dict[str, int]:
    """Each field's width with SHOWN_DIGITS digits: at least `least` cells, and as many as
    its longest figure in `rows` takes as readable writes it, so that the log never writes a
    number with fewer digits than the worked step and the parameters beside it (8 cells
    wrote lesson 9's 0.0082785 as 0.008278, a diverging run's 7.4321e+11 as 7.43e+11)."""
    widths = dict.fromkeys(PRIORITY, least)  # a field with no figure on screen yet
    for row in rows:
        for field, value in row.items():
            texts = [readable(v) for v in _flat(value)] if isinstance(value, list) else [
                "" if isinstance(value, str) or value is None else readable(value)]
            widths[field] = max([widths.get(field, least), *map(len, texts)])
    return widths


def dust_shown(problem: Problem, rows: list[dict], columns: list[tuple[str, int | None]]) -> float | None:
    """The first figure in the log's rows that is float rounding dust, else None: a log of
    2.7756e-17 with no word read as a meaningful figure (the worked step explains it at its
    step only). Hot and cold's: a weight that steps of step_amount bring to 0 but for
    rounding (0.5 - 5 x 0.1 is 2.7756e-17), or its error at the goal (1.2326e-32).
    Gradient descent's: a miss within rounding of its goal (lesson 3 with goal 0.1 logged
    error 7.7037e-34, lesson 8 on its goal delta 1.1102e-16), and what it makes: its
    error, its weight_delta, a prediction of a goal of 0, a weight that adds less than that
    to the prediction. A figure whose column climbs past rounding in the rows after it is
    not dust (curve.dust_as_zero's rule: only a column that stays within rounding is read
    as 0): lesson 10's error 2, a hair that r = -99.7 multiplies, was "1.2054e-12: float
    rounding dust, read 0" above 1.1594e+16 in the same column."""
    if problem.method not in (HOT_COLD, GRADIENT_DESCENT):
        return None
    inputs = np.abs(np.asarray(problem.inputs))  # shape (n,)
    scale = float(inputs.max())
    # The parameters panel, beside the log, shows the newest row's weights, predictions and
    # error whichever columns the log has room for: its dust has the same word.
    panel = [(field, index) for field in ("weight", "prediction", "error")
             for index in ([None] if problem.size == 1 or field != "weight" else range(problem.size))
             if (field, index) not in columns and not (field == "prediction" and problem.outputs > 1)]
    descent = problem.method == GRADIENT_DESCENT
    limits = [_dust_limits(problem, row, inputs) if descent else _hot_cold_limits(problem, scale) for row in rows]
    for at, row in enumerate(rows):
        for field, index in columns + (panel if at == len(rows) - 1 else []):
            value = _cell(row, field, index)
            # Gradient descent's later figures are r's multiples of this one: past rounding,
            # it was their seed, not 0. (Hot and cold's weight passes 0 and steps on.)
            if _dust(value, limits[at], field, index) and not (descent and any(
                    _beyond(_cell(later, field, index), limit, field, index)
                    for later, limit in zip(rows[at + 1:], limits[at + 1:]))):
                return value
    return None


def _cell(row: dict, field: str, index: int | None):
    """The figure of column (field, index) in `row`, or None where it has none."""
    return row.get(field) if index is None else _at(row.get(field), index)


def _limit(limits: Mapping[str, float | np.ndarray], field: str, index: int | None) -> float:
    """Below what column (field, index)'s figure is dust: a field's own limit, or its
    output's (or weight's) where each has its own."""
    limit = limits.get(field, 0.0)
    return float(limit[index or 0]) if isinstance(limit, np.ndarray) else float(limit)


def _dust(value, limits: Mapping[str, float | np.ndarray], field: str, index: int | None) -> bool:
    limit = _limit(limits, field, index)
    return bool(limit) and isinstance(value, float) and 0 < abs(value) < limit


def _beyond(value, limits: Mapping[str, float | np.ndarray], field: str, index: int | None) -> bool:
    """Whether a figure is past what rounding leaves in its column (not dust, nor 0)."""
    return isinstance(value, float) and not abs(value) < _limit(limits, field, index) and value != 0


def _hot_cold_limits(problem: Problem, scale: float) -> dict[str, float]:
    hair = ROUNDING_DUST * problem.step_amount
    return {"weight": hair, "prediction": hair * scale, "error": (hair * scale) ** 2}


def _dust_limits(problem: Problem, row: dict, inputs: np.ndarray) -> dict[str, float | np.ndarray]:
    """Below what each of gradient descent's figures in `row` is rounding dust: a miss within
    a few float spacings of the larger of its own output's goal and prediction's terms (as
    analysis.rounding_misses), and the figures that miss makes; a figure of one output or of
    one weight has its output's limit (shape (outputs,) or (size,)). Measured by the largest
    output's terms, lesson 10's output 2 on its goal took output 1's diverging 3e+08 for its
    scale, and its error 1.2122e-16, r^4 times a hair, was called dust."""
    weights = np.abs(np.ravel(np.asarray(row["weight"], dtype=float))).reshape(problem.shape)  # shape (outputs, n)
    scales = np.maximum(np.abs(np.asarray(problem.goals)), weights @ inputs)  # shape (outputs,)
    hairs = ROUNDING_ULPS * np.spacing(scales)  # shape (outputs,)
    by_weight = np.repeat(hairs, len(inputs))  # shape (size,): each weight its row's
    largest = float(inputs.max())
    # A weight is dust only within rounding of the weights it started from, too: a run
    # diverging to 3e+19 made a hair of 1e+05, and lesson 10's w1,2, 0.1 on an input of 0,
    # was called "float rounding dust, read 0".
    started = ROUNDING_ULPS * float(np.spacing(max(float(np.max(np.abs(problem.weights))), 1.0)))
    return {"delta": hairs, "error": float(np.sum(hairs * hairs)), "output_error": hairs * hairs,
            "weight_delta": by_weight * largest,
            "prediction": hairs if not any(problem.goals) else 0.0,
            "weight": np.minimum(by_weight / largest, started) if largest else 0.0}


def _exact_widths(rows: list[dict], names: Mapping[str, str], problem: Problem) -> dict[str, int]:
    """Each field's width with every digit: its longest figure in `rows`, and at least its
    heading's cells where one column holds it (`names`, the reader's words), so
    "0.7569000000000001" takes 18 cells, not EXACT_WIDTH, and Chinese lesson 3's
    权重改变量 is not cut to "权重改…" over figures of 3 cells."""
    widths: dict[str, int] = {}
    for row in rows:
        for field, value in row.items():
            texts = [exact(v) for v in _flat(value)] if isinstance(value, list) else [
                value if isinstance(value, str) else exact(value)]
            named = cell_len(names.get(field, "")) if _values(problem, field) == 1 else 0
            widths[field] = max([widths.get(field, max(8, named)), *map(len, texts)])
    return widths


class LogLayout(NamedTuple):
    """What the log draws: its rows, columns and their widths, and where it is."""

    rows: list[dict]  # the rows on screen, oldest first
    columns: list[tuple[str, int | None]]  # (field, index within it), in the log's order
    widths: list[int]  # each column's cells
    first: int  # the first row's iteration
    last: int  # the last row's
    iteration_width: int  # the # column's cells


def log_layout(history, width: int, height: int, every_digit: bool, language: str) -> LogLayout:
    """The log's rows, columns and widths in a panel of `width` x `height` cells.

    Which columns show is decided by the lesson's shape and the panel's size alone: each
    number column is priced at NUMBER_WIDTH, the widest figure readable writes, whatever
    the figures on screen (lesson 9 showed the sum of its errors only after an edit that
    made every figure 8 cells wide). Each is then drawn as wide as its figures need. With
    every digit (f) the columns are the ones the figures on screen let fit, as its title says;
    with several outputs, whose figures change most from step to step, each is priced and
    drawn at EXACT_WIDTH, the widest a float's every digit takes (-1.2345678901234567e-100).
    """
    several = history.problem.outputs > 1
    iteration_width = max(3, len(str(history.iteration)))
    measuring = history.problem.method == MEASURE
    last = history.iteration - 1 if measuring else history.iteration  # the current row, but where nothing steps
    first = max(0, last + 1 - max(0, height - 1))
    rows = [as_row(history.record(k)) for k in range(first, last)]
    if last >= first:
        rows.append(as_row(history.record(last)) if measuring else current_row(history))
    room = width - iteration_width
    moves = move_cells(language)
    if every_digit and several:  # fixed by the lesson's shape, as without f: every digit of any float
        # Sized by the figures on screen, lesson 9's log showed four columns at its first step and
        # three a step later, and lesson 10's error sum widened from 18 cells to 22 as it fell.
        columns = log_columns(history.problem, room, EXACT_WIDTH, every_digit)
        return LogLayout(rows, columns, [EXACT_WIDTH] * len(columns), first, last, iteration_width)
    if every_digit:  # each field as wide as its longest figure on screen, so more of them fit
        exact_widths = _exact_widths(rows, log_headings(language, history.problem.outputs), history.problem)
        columns = log_columns(history.problem, room, exact_widths, every_digit, moves)
        return LogLayout(rows, columns, [moves if field == "move" else exact_widths[field] for field, _ in columns],
                         first, last, iteration_width)
    # Each digit the iteration gains past three costs the numbers one, so the same
    # columns stay (the log's last cell is kept blank, apart from the worked step).
    priced = NUMBER_WIDTH - (iteration_width - 3)
    columns = log_columns(history.problem, room, priced, move_width=moves)
    shown = _shown_widths(rows, OUTPUTS_WIDTH if several else priced)
    for field, name in log_headings(language, history.problem.outputs).items():  # "error sum" is 9 cells, not 8
        if several and field in shown and _values(history.problem, field) == 1:
            shown[field] = max(shown[field], cell_len(name))
    widths = [moves if field == "move" else shown[field] for field, _ in columns]
    columns, widths = _whole(columns, widths, room, OUTPUTS_PRIORITY if several else PRIORITY)
    return LogLayout(rows, columns, widths, first, last, iteration_width)


def _whole(columns: list[tuple[str, int | None]], widths: list[int], room: int,
           priority: tuple[str, ...]) -> tuple[list[tuple[str, int | None]], list[int]]:
    """`columns` and their `widths`, less the least telling fields (all of a field's columns)
    until they and their spaces fit `room`: only past iteration 999, where a column priced
    at 10 cells holds an 11-cell figure (-1.2345e+06) and the row has no cell to spare. Cut
    instead, past iteration 9,999 the weight -1.2346e+06 read -1.235e+06, a digit gone with
    no word. The parameters panel still gives the newest row's figures, and x's CSV every row."""
    while columns and sum(widths) + len(widths) > room:
        least = max((field for field, _ in columns), key=priority.index)
        kept = [at for at, (field, _) in enumerate(columns) if field != least]
        columns, widths = [columns[at] for at in kept], [widths[at] for at in kept]
    return columns, widths


def dust_note(problem: Problem, rows: list[dict], columns: list[tuple[str, int | None]], size: Size,
              language: str) -> tuple[int, list[str]]:
    """(the oldest rows it takes the place of, its lines): the word under the log's rows on
    the dust among the rows still on screen beside it, in a panel of `size` whose height
    stays. Named from every row, it named lesson 10's 1.2122e-16 of a row it had pushed off.
    Where the only dust is in the rows it would push off, they go with no word: bare,
    1.2326e-32 reads as a figure."""
    over = 0
    while True:
        dust = dust_shown(problem, rows[over:], columns)
        if dust is None:
            return over, []
        note = wrap(say(language, "log.dust", value=readable(dust)), max(1, size.width))
        needed = max(0, 1 + len(rows) + len(note) - size.height)  # under the heading and the rows
        if needed <= over:  # (a shorter note than the last leaves a row blank, not a row back)
            return over, note
        over = needed


class IterationLog(StatePanel):
    """The last steps taken, as many as fit, under a heading."""

    def title(self, state: AppState) -> str:
        """With every digit (f) the worked step gives way and fewer columns fit: the title
        says so, and where every column is, so none goes silently."""
        return say(state.language, "log.exact" if state.exact else "log")

    def _layout(self, state: AppState) -> LogLayout:
        """The rows on screen, the columns that fit and their widths, at the panel's size."""
        return log_layout(state.session.history, self.size.width, self.size.height, state.exact, state.language)

    def draw(self, state: AppState) -> Group:
        history = state.session.history
        measuring = history.problem.method == MEASURE
        rows, columns, widths, first, last, iteration_width = self._layout(state)
        cells = ["#".rjust(iteration_width)] + [heading(c, w, state.language, history.problem)
                                           for c, w in zip(columns, widths)]
        lines = [Text(" ".join(cells), style="bold underline")]
        words = log_words(state.language, history.problem.outputs)
        cells_by_column = [self._column([row.get(field) if index is None else _at(row.get(field), index) for row in rows],
                                        width, state.exact, words) for (field, index), width in zip(columns, widths)]
        for k, row_cells in zip(range(first, last + 1), zip(*cells_by_column)):
            number = k + 1 if measuring else k  # a measuring lesson counts its measurements
            line = " ".join([str(number).rjust(iteration_width), *row_cells])
            lines.append(Text(line, style="bold" if k == last else ""))
        over, note = (0, []) if state.exact else dust_note(history.problem, rows, columns, self.size, state.language)
        lines = lines[:1] + lines[1 + over:] + [Text(part, style="italic") for part in note]
        return Group(*lines)

    @staticmethod
    def _column(values: list, width: int, every_digit: bool, words: Mapping[str, str]) -> list[str]:
        """One column's cells, right-aligned: every digit (f), or each as readable writes it,
        points in line; blank where the current row has no value yet. Hot and cold's moves
        (up, down, none: the files' codes) in the reader's words, as the text table has them."""
        if any(isinstance(value, str) for value in values):
            said = [words.get(value, value) if value else "" for value in values]
            return [cell.rjust(width - (cell_len(cell) - len(cell))) for cell in said]  # wide characters take two cells
        known = [value for value in values if value is not None]
        texts = iter([exact(value) for value in known] if every_digit else column(known, width))
        return [("" if value is None else next(texts)).rjust(width) for value in values]
