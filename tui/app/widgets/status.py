"""The top line: which lesson this is, and what just happened."""

from __future__ import annotations

from rich.text import Text

from ....core.problem import MEASURE
from ...words.prose import heading_now
from ...words.say import say
from ..state import AppState
from .panel import StatePanel


class StatusBar(StatePanel):
    """The lesson on the left, and the rule where it is not the lesson's own (heading_now);
    the steps taken and whether it plays, on the right."""

    def draw(self, state: AppState) -> Text:
        session = state.session
        steps = session.history.iteration
        status = [taken(steps, session.problem.method, state.language)]
        guessed_right, scored = session.tally
        if state.predicting:  # off, "right 1/1" stayed after t, m and an edit, a score of nothing on screen
            status.insert(0, say(state.language, "predict.tally", right=guessed_right, total=scored))
        if session.history.divergence is not None:
            status.append(say(state.language, "diverged"))
        elif state.playing:
            status.append(say(state.language, "playing", speed=f"{state.speed:g}"))
        right = Text("  ".join(status) + " ")
        left = Text(f" {heading_now(session, state.language)}", style="bold")
        if left.cell_len + 1 + right.cell_len > self.size.width:  # the rule named too: the lesson by its title
            left = Text(f" {heading_now(session, state.language, named=False)}", style="bold")
        gap = max(1, self.size.width - left.cell_len - right.cell_len)
        return left + Text(" " * gap) + right


def taken(steps: int, method: str, language: str) -> str:
    """What the run has done: steps taken, or in a measuring lesson, where nothing steps,
    measurements made (space measures again)."""
    if method == MEASURE:
        return say(language, "measured_once" if steps == 1 else "measured_times", count=steps)
    return say(language, "step_taken" if steps == 1 else "steps_taken", steps=steps)
