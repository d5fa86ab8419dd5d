"""The lesson panel: the lesson's words before the first step, then each step worked out.

Before the first step it says what the lesson teaches and what to watch for (the log is
empty then, so the panel takes the whole row); after a step it shows that step's
arithmetic, what the run has done so far, and what to watch for; once the run has
diverged it says so in plain words, with the numbers, and names the keys that help.
Whatever does not fit is on further pages, a printable key away, and the last line says so.
"""

from typing import TypeVar

from rich.console import Group
from rich.text import Text

from ...words.divergence import banner
from ...words.prose import commentary, notice, opening, reveal, tutorial_end
from ...words.say import say
from ...words.worked import worked_step
from ...words.wrap import wrap
from ..state import AppState
from .panel import StatePanel


Line = TypeVar("Line")  # a line as pages() gets it: it only counts them


def paragraphs(state: AppState) -> list[tuple[str, str]]:
    """What the panel says now, a (text, style) a paragraph, before it is cut into lines."""
    history, lesson, language = state.session.history, state.session.lesson, state.language
    hidden = lesson.hidden  # what the teacher keeps from the student in this lesson
    if history.divergence is not None:
        return [(banner(language, history, hidden), "bold")]
    if history.iteration == 0:
        return [(part, "") for part in opening(lesson, history, language)]
    guessed = reveal(state.session, language)
    shown = [(guessed, "bold")] if guessed else []
    shown += [] if "worked-step" in hidden else [(line, "") for line in worked_step(history, language, state.output)]
    shown += [(line, "bold") for line in commentary(history, language, hidden)]
    ending = tutorial_end(lesson, history, language)
    shown += [(ending, "bold")] if ending else []
    watch = notice(lesson, history, language)
    return shown + ([(watch, "italic")] if watch else [])


def pages(paragraphs: list[list[Line]], rows: int) -> list[list[Line]]:
    """Paragraphs (each a list of lines) in pages of `rows` lines. When they do not all fit,
    the last row of each page is kept for the "more" line, and a paragraph that would be cut
    starts the next page instead, unless it is longer than a page itself."""
    lines = [line for paragraph in paragraphs for line in paragraph]
    if len(lines) <= rows or rows < 2:
        return [lines]
    per_page, book = rows - 1, [[]]
    for paragraph in paragraphs:
        room = per_page - len(book[-1])
        if len(paragraph) > room and len(paragraph) <= per_page and book[-1]:
            book.append([])
        for line in paragraph:
            if len(book[-1]) == per_page:
                book.append([])
            book[-1].append(line)
    return book


class LessonPanel(StatePanel):
    """What to read now, a page at a time (w turns the page)."""

    page_count = 1
    """How many pages the content takes at the panel's size: derived by draw, for the w key."""

    def show(self, state: AppState) -> None:
        self.set_class(state.session.history.divergence is not None, "-diverged")
        super().show(state)

    def title(self, state: AppState) -> str:
        history = state.session.history
        if history.divergence is not None:
            return say(state.language, "diverged")
        return say(state.language, "lesson" if history.iteration == 0 else "explain")

    def draw(self, state: AppState) -> Group:
        width, rows = self.size
        book = pages([[(line, style) for line in wrap(text, width)] for text, style in paragraphs(state)], rows)
        self.page_count = len(book)
        page = state.page % len(book)
        shown = [Text(line, style=style) for line, style in book[page]]  # of perhaps a thousand pages
        if len(book) == 1:
            return Group(*shown)
        more = say(state.language, "more" if page + 1 < len(book) else "more.again", page=page + 1, pages=len(book))
        blank = [Text("")] * (rows - 1 - len(book[page]))  # the "more" line always on the bottom row
        return Group(*shown, *blank, Text(more, style="dim", no_wrap=True, overflow="crop"))
