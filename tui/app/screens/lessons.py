"""The lesson list: every lesson a key away (1 to 9, then 0 for the tenth, as on the
keyboard's row of digits), no arrows needed."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ....core.lessons import Lesson
from ...words.prose import lesson_summary
from ...words.say import say
from ..widgets.wrapped import Wrapped

LIST_KEYS = "1234567890"  # the key of each lesson in the list, in order


class LessonsScreen(ModalScreen[Lesson | None]):
    """Pick a lesson with its number; l, q or Escape goes back to the current one."""

    BINDINGS = [
        *[Binding(key, f"choose({index})", show=False) for index, key in enumerate(LIST_KEYS)],
        Binding("l", "dismiss(None)", "back", key_display="l"),
        Binding("q", "dismiss(None)", "back", show=False),
        Binding("escape", "dismiss(None)", "back", show=False),
    ]

    def __init__(self, lessons: tuple[Lesson, ...], current: Lesson, language: str) -> None:
        super().__init__()
        self.lessons = lessons[:len(LIST_KEYS)]  # one digit each
        self.current = current
        self.language = language

    def compose(self) -> ComposeResult:
        colon = say(self.language, "sep.colon")
        rows = []
        for number, lesson in zip(LIST_KEYS, self.lessons):
            text = lesson.text(self.language)
            marker = ">" if lesson.name == self.current.name else " "
            words = colon.join(part for part in (text.title, lesson_summary(lesson, self.language)) if part)
            rows.append((f"{marker}{number} {lesson.name}", words, ""))
        with VerticalScroll(id="lessons"):
            yield Static(say(self.language, "lesson"), classes="heading")
            yield Wrapped(rows)
            yield Wrapped([("", say(self.language, "lessons.hint"), "italic")], classes="section")

    def action_choose(self, index: int) -> None:
        if index < len(self.lessons):
            self.dismiss(self.lessons[index])
