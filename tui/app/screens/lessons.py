"""The lesson list: every lesson a key away (1 to 9), no arrows needed."""

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ....core.lessons import Lesson
from ...words.say import say


class LessonsScreen(ModalScreen[Lesson | None]):
    """Pick a lesson with its number; l, q or Escape goes back to the current one."""

    BINDINGS = [
        *[Binding(str(n), f"choose({n - 1})", show=False) for n in range(1, 10)],
        Binding("l", "dismiss(None)", "back", key_display="l"),
        Binding("q", "dismiss(None)", "back", show=False),
        Binding("escape", "dismiss(None)", "back", show=False),
    ]

    def __init__(self, lessons: tuple[Lesson, ...], current: Lesson, language: str) -> None:
        super().__init__()
        self.lessons = lessons[:9]  # one digit each
        self.current = current
        self.language = language

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for number, lesson in enumerate(self.lessons, start=1):
            text = lesson.text(self.language)
            marker = ">" if lesson.name == self.current.name else " "
            # Text, not str: a table parses str as markup, and a teacher's title is outside text.
            about = f"{text.title}: {text.summary}".rstrip(": ")
            table.add_row(Text(f"{marker}{number}"), Text(lesson.name), Text(about))
        with VerticalScroll(id="lessons"):
            yield Static(Text(say(self.language, "lesson")), classes="heading")
            yield Static(table)

    def action_choose(self, index: int) -> None:
        if index < len(self.lessons):
            self.dismiss(self.lessons[index])
