"""The parameters, the current prediction and error, and why the run will converge or not."""

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...core import analysis
from ...core.analysis import Regime
from ...core.numbers import readable
from ...core.problem import HOT_COLD
from ..i18n import words
from ..state import AppState
from .panel import StatePanel


def numbers(values) -> str:
    """One number to 6 significant digits, several to 5 so three fit on a line."""
    digits = 6 if len(values) == 1 else 5
    return " ".join(readable(v, digits) for v in values)


class ParametersPanel(StatePanel):
    """What the neuron is, what it predicts now, and the convergence readout."""

    def title(self, state: AppState) -> str:
        language = state.language
        return f"{words(language, 'parameters')}: {words(language, 'iteration')} {state.session.history.iteration}"

    def draw(self, state: AppState) -> Group:
        history, language = state.session.history, state.language
        problem = history.problem
        say = lambda key, **values: words(language, key, **values)  # noqa: E731
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        several = problem.size > 1
        table.add_row(say("weights" if several else "weight"), numbers(history.weights))
        table.add_row(say("inputs" if several else "input"), numbers(problem.inputs))
        table.add_row(say("goal"), readable(problem.goal))
        table.add_row(say("rule"), say(problem.method))
        if problem.method == HOT_COLD:
            table.add_row(say("step_amount"), readable(problem.step_amount))
        else:
            table.add_row(say("alpha"), readable(problem.alpha))
        table.add_row(say("prediction"), readable(history.prediction))
        table.add_row(say("error"), readable(history.error))
        readout = analysis.read_out(problem, history.weights, history.error)
        regime = Text(f"r = {readable(readout.r)}: {say('regime.' + readout.regime.value)}", style="bold")
        if problem.method == HOT_COLD:
            regime = Text(say("regime." + readout.regime.value), style="bold")
        return Group(table, regime, *(Text(line) for line in self._outlook(readout, state)))

    def _outlook(self, readout: analysis.Readout, state: AppState) -> list[str]:
        """The lines under r: the alphas, and how far the goal is by this rule and by gd."""
        say = lambda key, **values: words(state.language, key, **values)  # noqa: E731
        problem = state.session.problem
        tolerance = readable(readout.tolerance, 2)
        lines = []
        if problem.method == HOT_COLD:
            made = state.session.history.predictions_made
            lines.append(say("cost", made=made))
            if readout.steps_to_go is not None and readout.regime is not Regime.NO_SIGNAL:
                gd = "-" if readout.gradient_steps is None else str(readout.gradient_steps)
                lines.append(say("hot_cold_vs_gd", steps=readout.steps_to_go, cost=3 * readout.steps_to_go, gd=gd))
            return lines
        if readout.best_alpha is not None:
            lines.append(say("alphas", best=readable(readout.best_alpha, 3),
                             stable=readable(readout.largest_stable_alpha, 3)))
        if readout.steps_to_go is None:
            lines.append(say("never", tolerance=tolerance))
        else:
            lines.append(say("steps_to_go", steps=readout.steps_to_go, tolerance=tolerance))
        return lines
