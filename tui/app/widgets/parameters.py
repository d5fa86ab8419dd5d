"""The parameters, the current prediction and error, and why the run will converge or not."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from rich.console import Group
from rich.text import Text

from ....core import analysis
from ....core.analysis import Regime
from ....core.courses import taught
from ....core.numbers import SHOWN_DIGITS, readable
from ....core.problem import GRADIENT_DESCENT, HOT_COLD
from ...words.figures import goals_text, listed
from ...words.language import LANGUAGES
from ...words.readout import r_verdict, readout_lines
from ...words.say import field_names, say
from ...words.wrap import width, wrap
from ..state import AppState
from .panel import StatePanel


class ParametersPanel(StatePanel):
    """What the neuron is, what it predicts now, and the convergence readout."""

    def title(self, state: AppState) -> str:
        return parameters_title(state.session.history, state.language, self.size.width)

    def on_resize(self) -> None:
        """A title fitted to the old width is fitted again (the state has not changed): the
        opening of lesson 5 cut "Parameters: gradient descent; run diverges" with "…"."""
        if self.state is not None:
            self.border_title = self.title(self.state)

    def draw(self, state: AppState) -> Group:
        history, language = state.session.history, state.language
        rows = parameter_table(history, language, self.size.width).rows
        lesson = state.session.lesson
        lines = readout_lines(history, language, lesson.hidden, state.output,
                              taught=taught(lesson))
        table = table_lines(rows, self.size.width)
        wrapped = [wrap(line, max(1, self.size.width)) for line in lines]  # each counted as the rows it takes
        formula_first = bool(lines) and " = " in lines[0]
        kept = _kept(wrapped, self.size.height - len(table), formula_first)
        if formula_first and 0 not in kept and 1 in kept:  # the verdict without r's formula: with r's figure
            compact = r_verdict(history, language, state.output)
            if compact is not None and width(compact) <= self.size.width:
                wrapped[1] = [compact]
        readout = [Text(part, style="bold" if index == 0 else "")
                   for index, parts in enumerate(wrapped) if index in kept for part in parts]
        return Group(*table, *readout)


def parameters_title(history, language: str, columns: int) -> str:
    """Which rule moves these numbers (the iteration is on the status line), and what the
    rows do not say themselves, said once here for every row: that the run diverges (the
    readout below may follow an output on its goal, lesson 9 with input 5), what a frozen weight's "*"
    means, and that a row keeps fewer digits than every other panel to stay on its line.
    Shorter where the whole title is wider than the border of a panel `columns` cells wide
    has room for, as a longer language's may be, so that the border never cuts it: the
    word "Parameters" goes first, then the rule's name, before a note does."""
    rule = say(language, history.problem.method)
    notes = [say(language, key) for key, marked in (("run.diverges", analysis.run_diverges(history.problem)),
                                                    ("parameters.frozen_said", history.problem.frozen),
                                                    ("parameters.cut_said", parameter_table(history, language, columns).cut))
             if marked]
    titles = [say(language, "parameters.title", rule=rule), rule, ""]
    for title in titles if notes else titles[:1]:
        for note in notes:
            title = say(language, "parameters.noted", title=title, note=note) if title else note
        if width(title) <= columns or not columns:  # the border holds what the padding adds, less a corner each side
            return title
    return rule


class Table(NamedTuple):
    """The panel's table: its rows, each a name and its value, and whether a row keeps
    fewer digits than every panel writes (the title then says so)."""

    rows: list[tuple[str, str]]
    cut: bool


def parameter_table(history, language: str, columns: int) -> Table:
    """The table's rows in a panel `columns` cells wide: the weights, inputs, goal, the
    rule's setting, the prediction and the error."""
    problem = history.problem
    names = field_names(language, problem)
    rows = [(names["inputs"], listed(problem.inputs, language)), (names["goal"], goals_text(problem, language))]
    if problem.method == HOT_COLD:
        rows.append((say(language, "step_amount"), readable(problem.step_amount)))
    elif problem.method == GRADIENT_DESCENT:
        rows.append((say(language, "alpha"), say(language, alpha_words(problem), alpha=readable(problem.alpha))))
    below = [say(language, "predictions" if problem.outputs > 1 else "prediction"),
             say(language, "error_sum" if problem.outputs > 1 else "error")]
    labels = weight_labels(problem, language)
    room = columns - max(width(name) for name in (*labels, *below, *(name for name, _ in rows))) - 1
    weights = weight_rows(history.weights, problem, language, labels, room)
    predictions = fitting(np.ravel(history.prediction), room, language)  # the predictions of several outputs keep to a line
    return Table([*((label, text) for label, (text, _) in weights), *rows, (below[0], predictions[0]),
                  (below[1], readable(history.error))],
                 any(cut for _, (_, cut) in weights) or predictions[1])


def _kept(wrapped: list[list[str]], room: int, formula_first: bool) -> set[int]:
    """Which readout lines (each wrapped into rows) fit `room` rows under the table, most
    telling first: with several outputs or a frozen weight the table is longer, and the
    best alpha gives way to it, then r's formula (its figure then stands in the verdict),
    then the steps to go, but never the verdict (lesson 9 with a weight frozen kept
    "r1 = 1 - 0.1 x (-30)^2 = -89" alone, with no word that it diverges). At least the
    first of them shows."""
    last = len(wrapped) - 1  # the steps to go, which every lesson shows (lesson 10 lacked it at 80x24)
    order = [1, *([last] if last > 1 else []), 0, *range(2, last)] if formula_first and len(wrapped) > 1 \
        else list(range(len(wrapped)))
    kept: set[int] = set()
    for index in order:
        if len(wrapped[index]) <= room or not kept:
            kept.add(index)
            room -= len(wrapped[index])
        else:
            break  # what comes after a line that does not fit tells less: none jumps ahead
    return kept


def weight_labels(problem, language: str) -> list[str]:
    """The weights' labels: "weights", or with several outputs and inputs one per output's
    row. With one input (lesson 9) each output's row is one weight: they share a row, a
    weight an output as the goals and predictions below, which leaves room for the steps to go."""
    if problem.outputs == 1 or len(problem.inputs) == 1:
        return [field_names(language, problem)["weights"]]
    return [say(language, "weights_row", row=row + 1) for row in range(problem.outputs)]


def weight_rows(weights, problem, language: str, labels: list[str], room: int) -> list[tuple[str, tuple[str, bool]]]:
    """The weights: one line, or with several outputs a line per output's row (its column
    of numbers lines up with the inputs), each frozen weight marked beside its own number
    ("0.1* 0.2"; on the goal's row, "goal 1 (w1 frozen)" read as "the goal is frozen"), the
    mark's meaning in the title. A row keeps to one line of `room` cells, as `fitting`
    writes it: a wrapped row pushed lesson 8's steps to go off the panel. The mark is one cell: "0.1 (frozen) 0.2 (frozen) -0.021"
    took two frozen weights down to 3 digits and still wrapped, its second "(frozen)"
    under the first number, read as the mark of the weight after it."""
    marks = frozen_marks(problem, language)
    n = len(weights) // len(labels)
    return [(label, fitting(weights[row * n:(row + 1) * n], room, language, marks=marks[row * n:(row + 1) * n]))
            for row, label in enumerate(labels)]


def frozen_marks(problem, language: str) -> list[str]:
    """For each weight, the template its number is shown in: "{value}*" for a
    frozen one, "{value}" for one that learns."""
    marked = say(language, "weight.frozen", value="{value}")
    return [marked if index in problem.frozen else "{value}" for index in range(problem.size)]


def numbers_marked(values, marks, language: str, digits: int = SHOWN_DIGITS) -> str:
    """`values` as `listed` writes them, each inside its mark from `frozen_marks`."""
    return LANGUAGES[language].numbers.join(mark.replace("{value}", readable(v, digits)) for v, mark in zip(values, marks))


def fitting(values, room: int, language: str, marks=None) -> tuple[str, bool]:
    """`values` on one line of `room` cells (0 cells: no limit), each in its frozen mark if
    `marks`, and whether digits were cut. With the digits every panel shows (the worked
    step's 0.061325 read 0.06132 here at four); where a diverging run's figures grow too
    long for them (three of -3.7524e+10 take 35 cells), with fewer, down to 2, which the
    title then says: lesson 10 wrote "-3.8e+10" beside the log's "-3.7524e+10", silently.
    A mark on the row itself would cost the cells it lacks (at 2 digits lesson 10's
    predictions fill their 26 to the last)."""
    marks = marks if marks is not None else ["{value}"] * len(values)
    digits = SHOWN_DIGITS
    while digits > 2 and room > 0 and width(numbers_marked(values, marks, language, digits)) > room:
        digits -= 1
    return numbers_marked(values, marks, language, digits), digits < SHOWN_DIGITS


def alpha_words(problem) -> str:
    """The alpha row's words: "(learning rate)", or where alpha is the best alpha or the
    edge, which of them it is (the readout below names both, in the same digits)."""
    named = {Regime.ONE_STEP: "alpha.value.one-step", Regime.BOUNCING: "alpha.value.bouncing"}
    return named.get(analysis.gradient_regime(problem), "alpha.value")


def table_lines(rows: list[tuple[str, str]], columns: int) -> list[Text]:
    """Names in bold, a column of values beside them; a value too long for its column
    (many weights) goes on under itself."""
    names = max(width(name) for name, _ in rows)
    lines = []
    for name, value in rows:
        for index, part in enumerate(wrap(value, max(1, columns - names - 1))):
            label = name + " " * (names - width(name)) if index == 0 else " " * names
            lines.append(Text.assemble((label, "bold"), " ", part))
    return lines
