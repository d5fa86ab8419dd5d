"""The parameters, the current prediction and error, and why the run will converge or not."""

from rich.console import Group
from rich.text import Text

from ....core import analysis
from ....core.analysis import Regime
from ....core.numbers import readable
from ....core.problem import GRADIENT_DESCENT, HOT_COLD
from ...words.readout import READOUT_DIGITS, readout_lines
from ...words.say import say
from ...words.wrap import width, wrap
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
        several = problem.size > 1
        rows = [(say(language, "weights" if several else "weight"), numbers(history.weights)),
                (say(language, "inputs" if several else "input"), numbers(problem.inputs)),
                (say(language, "goal"), readable(problem.goal))]
        if problem.method == HOT_COLD:
            rows.append((say(language, "step_amount"), readable(problem.step_amount)))
        elif problem.method == GRADIENT_DESCENT:
            rows.append((say(language, "alpha"), say(language, alpha_words(problem), alpha=readable(problem.alpha))))
        rows += [(say(language, "prediction"), readable(history.prediction)),
                 (say(language, "error"), readable(history.error))]
        lines = readout_lines(history, language, state.session.lesson.hidden)
        return Group(*table_lines(rows, self.size.width),
                     *(Text(line, style="" if index else "bold") for index, line in enumerate(lines)))


def alpha_words(problem) -> str:
    """The alpha row's words: "(learning rate)", or, where alpha is the best alpha or the
    edge but reads differently from the readout's 3 digits below, which of them it is
    ("alpha 0.013493" above "best alpha 0.0135" read as two different numbers)."""
    named = {Regime.ONE_STEP: ("alpha.value.one-step", analysis.best_alpha),
             Regime.BOUNCING: ("alpha.value.bouncing", analysis.largest_stable_alpha)}
    key, value = named.get(analysis.gradient_regime(problem), ("alpha.value", None))
    if value is None or readable(problem.alpha) == readable(value(problem), READOUT_DIGITS):
        return "alpha.value"
    return key


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
