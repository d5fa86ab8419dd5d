"""The lesson list: every lesson a key away (1 to 9, then 0 for the tenth, as on the
keyboard's row of digits), no arrows needed; and the next lesson on Enter, which is what
a student who has finished one came for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ....core.lessons import Lesson
from ...words.prose import lesson_names, lesson_summary
from ...words.say import say
from ..widgets.wrapped import Wrapped

LIST_KEYS = "1234567890"  # the key of each lesson in the list, in order
FRAME = 6  # cells the dialog's border and padding take, across and down (app.tcss)


class LessonsScreen(ModalScreen[Lesson | None]):
    """Pick a lesson with its number; l, q or Escape goes back to the current one."""

    BINDINGS = [
        *[Binding(key, f"choose({index})", show=False) for index, key in enumerate(LIST_KEYS)],
        Binding("enter", "choose_next", "next lesson", key_display="Enter"),
        Binding("w", "more", "more", key_display="w"),
        Binding("l", "dismiss(None)", "back", key_display="l"),
        Binding("q", "dismiss(None)", "back", show=False),
        Binding("escape", "dismiss(None)", "back", show=False),
    ]

    def __init__(self, lessons: tuple[Lesson, ...], current: Lesson, language: str) -> None:
        super().__init__()
        self.all_lessons = lessons
        self.first = 0  # the list shows ten lessons from this one, a digit each; w shows the next ten
        self.current = current
        self.language = language
        names = [lesson.name for lesson in lessons]
        after = names.index(current.name) + 1 if current.name in names else len(lessons)
        self.next = lessons[after] if after < len(lessons) else None  # Enter's lesson; None: the last

    def compose(self) -> ComposeResult:
        rows = self.rows(summaries=True)
        # Every lesson a key away, on screen: where the summaries would push lessons (or
        # the hint) below the screen's foot, each lesson is named by its title alone.
        if len(Wrapped(rows).lines(self.app.size.width - FRAME)) + 4 > self.app.size.height - FRAME:
            rows = self.rows(summaries=False)
        with VerticalScroll(id="lessons"):
            yield Static(say(self.language, "lesson"), classes="heading")
            yield Wrapped(rows)
            if len(self.all_lessons) > len(LIST_KEYS):
                yield Wrapped([("", say(self.language, "lessons.more", first=self.first + 1,
                                        last=self.first + len(self.lessons), count=len(self.all_lessons)), "")])
            hint = say(self.language, "lessons.hint")
            if self.next is not None:
                hint = say(self.language, "lessons.hint_next", name=self.next.text(self.language).title, hint=hint)
            else:  # Enter has no next lesson to open: it says so, and closes the list
                hint = say(self.language, "lessons.hint_last", hint=hint)
            yield Wrapped([("", hint, "italic")], classes="section")

    def rows(self, summaries: bool) -> list[tuple[str, str, str]]:
        """A row a lesson: its mark (> Enter's, * the one studied, on every list), key and name, then its title (and summary)."""
        colon = say(self.language, "sep.colon")
        rows = []
        opens = self.next.name if self.next is not None else None  # Enter's lesson; the last has none
        for index, (key, lesson) in enumerate(zip(LIST_KEYS, self.lessons)):
            # > marks the row Enter opens: it marked the lesson being studied, and a student
            # pressed Enter on ">1" to reopen it and was taken to lesson 2. * is that one,
            # always: on the last lesson > marked it too, and * was gone (the hint says in
            # words that Enter goes back there).
            marker = ">" if lesson.name == opens else "*" if lesson.name == self.current.name else " "
            name, title = lesson_names(lesson, self.language)  # ("hot-cold", "Hot and cold"), or ("冷热法", "")
            summary = lesson_summary(lesson, self.language) if summaries else ""
            words = colon.join(part for part in (title, summary) if part)
            # The lesson's number, as the README and every title say it (the tenth was
            # listed "0", its key), and the key beside it where the two differ.
            number = self.first + index + 1
            pressed = "" if str(number) == key else say(self.language, "lessons.key", key=key)
            rows.append((f"{marker}{number:>2}{pressed} {name}", words, ""))
        return rows

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        """The lessons on the list now: ten, one a digit."""
        return self.all_lessons[self.first:self.first + len(LIST_KEYS)]

    def action_more(self) -> None:
        """w: the next ten lessons (after the last, the first ten again)."""
        following = self.first + len(LIST_KEYS)
        self.first = following if following < len(self.all_lessons) else 0
        self.refresh(recompose=True)

    def action_choose_next(self) -> None:
        """Enter: the next lesson; after the last, back to it (the course is complete), so
        the keys that follow are not read by a list still open."""
        self.dismiss(self.next)

    def action_choose(self, index: int) -> None:
        if index < len(self.lessons):
            self.dismiss(self.lessons[index])
