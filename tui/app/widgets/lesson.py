"""The lesson panel: the lesson's words before the first step, then each step worked out.

Before the first step it says what the lesson teaches and what to watch for (the log is
empty then, so the panel takes the whole row); after a step it shows that step's
arithmetic, what the run has done so far, and what to watch for; once the run has
diverged it says so in plain words, with the numbers, and names the keys that help.
Whatever does not fit is on further pages, a printable key away, and the last line says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
    watch = notice(lesson, history, language, state.output)
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
    return list(_filled(lengths, rows, kept))


def _filled(lengths: list[int], rows: int, kept: frozenset[int], first: int = 0) -> Iterator[list[tuple[int, int, int]]]:
    """pages' pages one at a time, from paragraph `first` at the top of a page: `cut` asks
    for the next only after it has read this one, and starts again after a sentence it moved."""
    page: list[tuple[int, int, int]] = []
    per_page, used = rows - 1, 0
    for index in range(first, len(lengths)):
        length, start = lengths[index], 0
        while start < length:
            # A paragraph the next is kept with starts a page where the two would not fit on this one.
            together = length + (lengths[index + 1] if index + 1 in kept else per_page)
            held = start == 0 and 0 < used and together <= per_page < used + together
            if used == per_page or held:
                yield page
                page, used = [], 0
            stop = min(length, start + per_page - used)
            page.append((index, start, stop))
            used, start = used + stop - start, stop
    yield page


SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=\S)|(?<=[。？！])(?=.)")  # where a sentence ends, in either language
MOVED_AT_MOST = 2  # lines: a sentence begun no further up a page than this goes whole to the next


def cut(said: list[tuple[str, str]], width: int, rows: int,
        language: str) -> tuple[list[tuple[list[str], str]], list]:
    """`said` (paragraphs) wrapped to `width` and cut into pages of `rows`, what ~= means kept
    with the line before it that writes it. A sentence (a worked equation is one) that a
    page's end would cut near its start, or before its last line, goes whole to the next
    page, its paragraph split in two there: lesson 7 in predict mode ended page 1 "Keys 1 to
    3 choose the weight" and left "the chart follows; its title calls weight 1 w1." to page
    2, whose reader met the sentence's last words alone."""
    texts, styles = [text for text, _ in said], [style for _, style in said]
    lines = [wrap(text, width) for text in texts]  # wrap keeps its lines
    note = say(language, "worked.shown_digits")
    kept = frozenset(index for index, text in enumerate(texts) if text == note)
    lengths = [len(wrapped) for wrapped in lines]
    if sum(lengths) <= rows or rows < 2:
        return list(zip(lines, styles)), pages(lengths, rows, kept)
    book: list[list[tuple[int, int, int]]] = []
    filling = _filled(lengths, rows, kept)
    for page in iter(lambda: next(filling, None), None):
        index, start, stop = page[-1]
        split = _sentence_split(texts[index], lines[index], start, stop, rows - 1, width) if stop < lengths[index] else None
        if split is not None and not split[0][0]:  # its first sentence is cut: all of it to the next page
            if len(page) > 1:  # else it would only begin the next page as it began this one
                page.pop()
                filling = _filled(lengths, rows, kept, index)
        elif split is not None:
            (head, head_lines), (tail, tail_lines) = split
            texts[index:index + 1], styles[index:index + 1] = [head, tail], [styles[index]] * 2
            lines[index:index + 1], lengths[index:index + 1] = [head_lines, tail_lines], [len(head_lines), len(tail_lines)]
            kept = frozenset(k + (k > index) for k in kept)
            page[-1] = (index, start, len(head_lines))
            filling = _filled(lengths, rows, kept, index + 1)  # the moved sentence starts the next page
        book.append(page)
    return list(zip(lines, styles)), book


def _sentence_split(text: str, lines: list[str], start: int, stop: int, per_page: int,
                    width: int) -> tuple[tuple[str, list[str]], tuple[str, list[str]]] | None:
    """`text` (wrapped as `lines`, lines `start` to `stop` on this page) as the sentences before
    the one the page's end cuts and the rest, each with its lines ("" and no lines before
    where it is the paragraph's first), where that sentence begins at most MOVED_AT_MOST
    lines up the page or ends on the next page's first line, and fits a page; None where
    the page ends at a sentence's end, or the sentence is to stay cut."""
    if stop > 2 * per_page or len(lines) - stop > 2 * per_page:
        return None  # a paragraph pages long (a lesson file's): cut where the page ends, never wrapped again a page
    reach = sum(len(line) + 1 for line in lines[:stop]) + 2  # the characters on the lines so far, and what follows their last
    ends = [0] + [match.start() for match in SENTENCE_END.finditer(text, 0, reach)]
    cut_at = next(end for end in reversed(ends) if lines_before(text, end, width) <= stop)
    head, tail = text[:cut_at].rstrip(), text[cut_at:].lstrip()
    head_lines = wrap(head, width) if head else []
    if len(head_lines) == stop and head_lines == lines[:stop]:
        return None  # the page already ends with a sentence
    if head_lines[:start] != lines[:start] or len(head_lines) > stop or (not head and start):
        return None  # the lines on pages before would change
    after = SENTENCE_END.search(text, cut_at + 1)
    sentence = after.start() if after else len(text)
    sentence_lines = len(wrap(text[cut_at:sentence].strip(), width))
    short_tail = len(wrap(text[:sentence].rstrip(), width)) <= stop + 1  # its last line or less on the next page
    if sentence_lines > per_page or not (stop - len(head_lines) <= MOVED_AT_MOST or short_tail):
        return None
    return (head, head_lines), (tail, wrap(tail, width))


def lines_before(text: str, end: int, width: int) -> int:
    """Lines the text before `end` takes."""
    return len(wrap(text[:end].rstrip(), width)) if end else 0


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
