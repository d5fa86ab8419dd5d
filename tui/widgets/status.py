"""The top line: which lesson this is, and what just happened."""

from rich.text import Text

from ..i18n import words
from ..state import AppState
from .panel import StatePanel


class StatusBar(StatePanel):
    """Lesson name and title on the left; the notice, or the iteration, on the right."""

    def draw(self, state: AppState) -> Text:
        session = state.session
        title = session.lesson.text(state.language).title
        left = Text(f" {session.lesson.name}: ", style="bold") + Text(title)
        if state.notice:
            right = Text(state.notice + " ", style="bold")
        else:
            status = [f"{words(state.language, 'iteration')} {session.history.iteration}"]
            if session.history.divergence is not None:
                status.append(words(state.language, "diverged"))
            elif state.playing:
                status.append(f"{words(state.language, 'playing')} {state.speed:g}/s")
            right = Text("  ".join(status) + " ")
        gap = max(1, self.size.width - left.cell_len - right.cell_len)
        return left + Text(" " * gap) + right
