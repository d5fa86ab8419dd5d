"""The panel under the chart: the last step worked out, the lesson's words, or the banner.

Before the first step it says what the lesson teaches; after a step it shows that step's
arithmetic and what to notice; once the run has diverged it says so in plain words,
with the numbers, and names the keys that help.
"""

from rich.console import Group
from rich.text import Text

from ...words.divergence import banner
from ...words.say import say
from ...words.worked import worked_step
from ..state import AppState
from .panel import StatePanel


class LessonPanel(StatePanel):
    """What to read now: the lesson before the first step, then each step worked out."""

    def watch_state(self, state: AppState | None) -> None:
        if state is not None:
            self.set_class(state.session.history.divergence is not None, "-diverged")
        super().watch_state(state)

    def title(self, state: AppState) -> str:
        history = state.session.history
        if history.divergence is not None:
            return say(state.language, "diverged")
        return say(state.language, "lesson" if history.iteration == 0 else "explain")

    def draw(self, state: AppState) -> Group:
        history = state.session.history
        text = state.session.lesson.text(state.language)
        if history.divergence is not None:
            return Group(Text(banner(state.language, history), style="bold"))
        if history.iteration == 0:
            parts = [text.teaches, text.notice, say(state.language, "first_step")]
            return Group(*(Text(part) for part in parts if part))
        lines = [Text(line) for line in worked_step(history, state.language)]
        shown = state.session.lesson.tutorial_steps
        if shown is not None and history.iteration >= shown:
            lines.append(Text(say(state.language, "lesson_done", steps=shown), style="bold"))
        if text.notice:
            lines.append(Text(text.notice, style="italic"))
        return Group(*lines)
