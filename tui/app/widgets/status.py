"""The top line: which lesson this is, and what just happened."""

from rich.text import Text

from ...words.say import say
from ..state import AppState
from .panel import StatePanel


class StatusBar(StatePanel):
    """Lesson name and title on the left; the steps taken and whether it plays, on the right."""

    def draw(self, state: AppState) -> Text:
        session = state.session
        name = Text(f" {session.lesson.name}: ", style="bold")
        steps = session.history.iteration
        status = [say(state.language, "step_taken" if steps == 1 else "steps_taken", steps=steps)]
        right, scored = session.tally
        if state.predicting or scored:
            status.insert(0, say(state.language, "predict.tally", right=right, total=scored))
        if session.history.divergence is not None:
            status.append(say(state.language, "diverged"))
        elif state.playing:
            status.append(say(state.language, "playing", speed=f"{state.speed:g}"))
        left = name + Text(session.lesson.text(state.language).title)
        right = Text("  ".join(status) + " ")
        gap = max(1, self.size.width - left.cell_len - right.cell_len)
        return left + Text(" " * gap) + right
