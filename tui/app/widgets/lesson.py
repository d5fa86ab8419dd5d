"""The panel under the chart: the last step worked out, the lesson's words, or the banner.

Before the first step it says what the lesson teaches; after a step it shows that step's
arithmetic and what to notice; once the run has diverged it says so in plain words,
with the numbers, and names the keys that help.
"""

import math

from rich.console import Group
from rich.text import Text

from ....core import analysis
from ....core.divergence import LIMIT
from ....core.numbers import readable
from ...words.catalogue import term, words
from ...words.worked import worked_step
from ..state import AppState
from .panel import StatePanel


def divergence_banner(state: AppState) -> str:
    """The banner's words: where it diverged, r, and the alpha that would converge."""
    history = state.session.history
    problem = history.problem
    divergence = history.divergence
    stable, best = analysis.largest_stable_alpha(problem), analysis.best_alpha(problem)
    advice = "" if stable is None else words(state.language, "advice", stable=readable(stable, 3),
                                             best=readable(best, 3))
    if math.isfinite(divergence.value):
        what = words(state.language, "reached", value=readable(divergence.value, 3), limit=readable(LIMIT))
    else:
        what = words(state.language, "overflowed")
    return words(state.language, "banner", iteration=divergence.iteration, what=what,
                 quantity=term(state.language, divergence.quantity),
                 r=readable(analysis.r_factor(problem)), advice=advice)


class LessonPanel(StatePanel):
    """What to read now: the lesson before the first step, then each step worked out."""

    def show(self, state: AppState) -> None:
        self.set_class(state.session.history.divergence is not None, "-diverged")
        super().show(state)

    def title(self, state: AppState) -> str:
        history = state.session.history
        if history.divergence is not None:
            return words(state.language, "diverged")
        return words(state.language, "lesson" if history.iteration == 0 else "explain")

    def draw(self, state: AppState) -> Group:
        history = state.session.history
        text = state.session.lesson.text(state.language)
        if history.divergence is not None:
            return Group(Text(divergence_banner(state), style="bold"))
        if history.iteration == 0:
            parts = [text.teaches, text.notice, words(state.language, "first_step")]
            return Group(*(Text(part) for part in parts if part))
        lines = [Text(line) for line in worked_step(history, state.language)]
        shown = state.session.lesson.tutorial_steps
        if shown is not None and history.iteration >= shown:
            lines.append(Text(words(state.language, "lesson_done", steps=shown), style="bold"))
        if text.notice:
            lines.append(Text(text.notice, style="italic"))
        return Group(*lines)
