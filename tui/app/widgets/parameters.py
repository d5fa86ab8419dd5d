"""The parameters, the current prediction and error, and why the run will converge or not."""

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ....core.numbers import readable
from ....core.problem import GRADIENT_DESCENT, HOT_COLD
from ...words.readout import readout_lines
from ...words.say import say
from ..state import AppState
from .panel import StatePanel


def numbers(values) -> str:
    return " ".join(readable(v) for v in values)


class ParametersPanel(StatePanel):
    """What the neuron is, what it predicts now, and the convergence readout."""

    def title(self, state: AppState) -> str:
        """Which rule moves these numbers (the iteration is on the status line)."""
        rule = say(state.language, state.session.problem.method)
        return say(state.language, "parameters.title", rule=rule)

    def draw(self, state: AppState) -> Group:
        history, language = state.session.history, state.language
        problem = history.problem
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        several = problem.size > 1
        table.add_row(say(language, "weights" if several else "weight"), numbers(history.weights))
        table.add_row(say(language, "inputs" if several else "input"), numbers(problem.inputs))
        table.add_row(say(language, "goal"), readable(problem.goal))
        if problem.method == HOT_COLD:
            table.add_row(say(language, "step_amount"), readable(problem.step_amount))
        elif problem.method == GRADIENT_DESCENT:
            table.add_row(say(language, "alpha"), say(language, "alpha.value", alpha=readable(problem.alpha)))
        table.add_row(say(language, "prediction"), readable(history.prediction))
        table.add_row(say(language, "error"), readable(history.error))
        lines = readout_lines(history, language, state.session.lesson.hidden)
        return Group(table, *(Text(line, style="" if index else "bold") for index, line in enumerate(lines)))
