"""The lesson panel: the lesson's words before the first step, then each step worked out.

Before the first step it says what the lesson teaches and what to watch for (the log is
empty then, so the panel takes the whole row); after a step it shows that step's
arithmetic, what the run has done so far, and what to watch for; once the run has
diverged it says so in plain words, with the numbers, and names the keys that help.
Whatever does not fit is on further pages, a printable key away, and the last line says so.
"""

from rich.console import Group
from rich.text import Text

from ...words.divergence import banner
from ...words.prose import commentary, notice, opening, reveal, tutorial_end
from ...words.say import say
from ...words.worked import worked_step
from ...words.wrap import wrap
from ..state import AppState
from .panel import StatePanel


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
    shown += [(line, "bold") for line in commentary(history, language, hidden, state.output,
                                                                   state.session.questions_to_come())]
    ending = tutorial_end(lesson, history, language)
    shown += [(ending, "bold")] if ending else []
    watch = notice(lesson, history, language)
    return shown + ([(watch, "italic")] if watch else [])


def pages(lengths: list[int], rows: int, kept: frozenset[int] = frozenset()) -> list[list[tuple[int, int, int]]]:
    """Paragraphs of `lengths` lines in pages of `rows` lines, each page a list of (paragraph,
    first line, line after the last). When they do not all fit, the last row of each page is
    kept for the "more" line, and every page but the last is filled to it: a paragraph that
    does not fit goes on, from the line where the page ends, on the next. (Moved whole to the
    next page, it left lesson 3's first page five lines, four blank rows and "more (1/2)":
    the text looked ended.) A paragraph in `kept` is on the page of the one before it, both
    whole: where the two would not fit on a page's rest, the one before starts the next (the
    worked step's note on ~= began a page after the line it explains).
    Only numbers: a lesson file's words may fill thousands of pages, and a frame draws one."""
    if sum(lengths) <= rows or rows < 2:
        return [[(index, 0, length) for index, length in enumerate(lengths) if length]]
    book: list[list[tuple[int, int, int]]] = [[]]
    per_page, used = rows - 1, 0
    for index, length in enumerate(lengths):
        start = 0
        while start < length:
            # A paragraph the next is kept with starts a page where the two would not fit on this one.
            together = length + (lengths[index + 1] if index + 1 in kept else per_page)
            held = start == 0 and 0 < used and together <= per_page < used + together
            if used == per_page or held:
                book.append([])
                used = 0
            stop = min(length, start + per_page - used)
            book[-1].append((index, start, stop))
            used, start = used + stop - start, stop
    return book


def cut(said: list[tuple[str, str]], width: int, rows: int,
        language: str) -> tuple[list[tuple[list[str], str]], list]:
    """`said` (paragraphs) wrapped to `width` and cut into pages of `rows`, what ~= means kept
    with the line before it that writes it."""
    wrapped = [(wrap(text, width), style) for text, style in said]  # wrap keeps its lines
    note = say(language, "worked.shown_digits")
    with_before = frozenset(index for index, (text, _) in enumerate(said) if text == note)
    return wrapped, pages([len(lines) for lines, _ in wrapped], rows, with_before)


class LessonPanel(StatePanel):
    """What to read now, a page at a time (w turns the page)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._booked: tuple | None = None  # (state, size, _book's answer) of the last book made

    def show(self, state: AppState) -> None:
        self.set_class(state.session.history.divergence is not None, "-diverged")
        super().show(state)

    def on_resize(self) -> None:
        """A new size can mean another page count, and w (more text) works or not by it:
        the key bar and the App's check of w are asked again."""
        self.screen.refresh_bindings()

    def title(self, state: AppState) -> str:
        history = state.session.history
        if history.divergence is not None:
            return say(state.language, "diverged")
        return say(state.language, "lesson" if history.iteration == 0 else "explain")

    def page_count(self, state: AppState) -> int:
        """How many pages `state`'s words take at the panel's size, for the w key: from the
        state itself, so the key bar, drawn before this panel, reads this frame's count."""
        return len(self._book(state)[1])

    def _book(self, state: AppState) -> tuple[list[tuple[list[str], str]], list]:
        """The words wrapped and cut into pages, kept for the state and size they were made
        for: Textual asks for the page count (check_action of w) at every read of the keys."""
        kept = self._booked
        if kept is not None and kept[0] is state and kept[1] == self.size:
            return kept[2]
        width, rows = self.size
        book = cut(paragraphs(state), width, rows, state.language)
        self._booked = (state, self.size, book)
        return book

    def draw(self, state: AppState) -> Group:
        rows = self.size.height
        wrapped, book = self._book(state)
        page = state.page % len(book)
        shown = [Text(line, style=wrapped[index][1])
                 for index, start, stop in book[page] for line in wrapped[index][0][start:stop]]
        if len(book) == 1:
            return Group(*shown)
        more = say(state.language, "more" if page + 1 < len(book) else "more.again", page=page + 1, pages=len(book))
        blank = [Text("")] * (rows - 1 - len(shown))  # the "more" line always on the bottom row
        return Group(*shown, *blank, Text(more, style="dim", no_wrap=True, overflow="crop"))
