"""`gradstep class DIR --watch`: the room at a glance, live, for the teacher's screen.

Read-only: it looks at the folder every half second (in a thread, so a slow share
never freezes the screen), and each look becomes one frozen RoomState that the widgets
are drawn from. Only the keys that sort, page, switch the language and quit exist.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.driver import Driver
from textual.filter import LineFilter
from textual.reactive import var
from textual.widgets import Static

from ...core.formats import cell_width
from ...core.record import Record
from ...core.room import ACCOUNT, FLAGGED, IDLE_TIME, IDLE_LIMIT, LESSON, missing, question_figures, rows
from ..files.progress_folder import Look, ProgressFolder
from ..files.records import Records
from ..words.room import (
    QUESTION_COLUMNS,
    QUESTION_WIDEST,
    STUDENT_WIDEST,
    any_sessions,
    cut,
    outside,
    question_cells,
    question_headings,
    student_cells,
    student_columns,
    student_headings,
)
from ..words.language import following, shown, switchable
from ..words.say import say
from .ascii import AsciiFilter
from .input_end import ending_at_the_end
from .keys import described, key_name
from .widgets.table_lines import TableLines

LOOK_EVERY = 0.5  # seconds between looks at the folder: a step reaches the screen within about a second
SORT_KEYS = (("a", ACCOUNT, "key.by_student"), ("l", LESSON, "key.by_lesson"), ("i", IDLE_TIME, "key.by_idle"),
             ("f", FLAGGED, "key.by_flags"))


@dataclass(repr=False, frozen=True)
class RoomState(Record):
    """Everything the screen shows: the last look at the folder, the time it is drawn for,
    and how the teacher asked to see it."""

    look: Look
    now: float
    sort: str = ACCOUNT
    language: str = "en"
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)  # account: CHANGED, GONE (records.py)


ROOM_KEYS: list[Binding] = [  # the room's keys, in the order the key line shows them
    *(Binding(key, f"sort('{order}')", description, id=order) for key, order, description in SORT_KEYS),
    Binding("space", "page(1)", "key.more_rows", key_display="space"),
    Binding("b", "page(-1)", "key.back", show=False),
    Binding("g", "language", "key.language"),
    Binding("q", "quit", "key.quit"),
    Binding("ctrl+c", "quit", show=False, priority=True),  # a command line's way out, not Textual's hint
]


class RoomApp(App[int]):
    """The class's progress, a row per student, with who is stuck and how each question went."""

    CSS_PATH = "room.tcss"
    ENABLE_COMMAND_PALETTE = False
    TITLE = "gradstep class"
    BINDINGS = [*ROOM_KEYS]  # a list of BindingType, as App declares it

    # No RoomState exists before __init__ makes one; init=False keeps watchers from seeing None.
    state: var[RoomState] = var(None, init=False)  # type: ignore[arg-type]
    """The screen's one source: replaced by each look and each key, drawn by watch_state."""

    def __init__(self, folder: ProgressFolder, roster: list[str] | None = None, idle_limit: float = IDLE_LIMIT,
                 language: str = "en", ascii_only: bool = False, clock: Callable[[], float] = time.time,
                 records: Records | None = None, theme: str | None = None) -> None:
        super().__init__()
        self.chosen_theme = theme  # --theme: one of Textual's (None: Textual's default, dark)
        self.folder, self.roster, self.idle_limit, self.clock = folder, roster, idle_limit, clock
        self.records = records  # the teacher's record of the folder, kept up at each look
        self.ascii_only = ascii_only
        self.ascii_filter = AsciiFilter()  # get_line_filters: every cell ASCII
        self._looking = False  # a look is under way (a slow share): the next tick waits for it
        self._shown: dict[str, Text] = {}  # what each one-line widget shows now
        language = shown(language, ascii_only)  # Chinese needs UTF-8
        self.set_reactive(RoomApp.state, RoomState(Look((), ()), clock(), language=language))

    def compose(self) -> ComposeResult:
        mark = "..." if self.ascii_only else "…"
        yield Static(id="summary")
        yield TableLines(STUDENT_WIDEST, mark, id="students")
        yield Static(id="roster")
        yield TableLines(QUESTION_WIDEST, mark, id="questions")
        yield Static(id="keys")

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, whose input ends when the teacher's terminal goes (input_end.py)."""
        return ending_at_the_end(super().get_driver_class())

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, and the ASCII one last on a terminal without Unicode (--ascii)."""
        filters = super().get_line_filters()
        return [*filters, self.ascii_filter] if self.ascii_only else filters

    def terminal_gone(self) -> None:
        """The terminal went away, SIGHUP or not (input_end.py, in the input thread): there is
        nothing to save, so leave (it read on at a fifth of a core otherwise)."""
        self.call_later(self.exit)

    def on_mount(self) -> None:
        self.set_class(self.ascii_only, "-ascii")
        self.set_class(self.roster is not None, "-roster")
        if self.chosen_theme:
            self.theme = self.chosen_theme
        self.query_one("#questions").border_title = say(self.state.language, "room.questions")
        self.watch_state(self.state)
        self.call_later(self.look_again)
        self.set_interval(LOOK_EVERY, self.look_again)

    async def look_again(self) -> None:
        """Look at the folder (in a thread: a share may be slow) and show what changed."""
        if self._looking:
            return
        self._looking = True
        try:
            look, evidence = await asyncio.to_thread(self._look)
        finally:
            self._looking = False
        self.state = replace(self.state, look=look, now=self.clock(), evidence=evidence)

    def _look(self) -> tuple[Look, dict[str, tuple[str, ...]]]:
        """One look at the folder, and at it against the teacher's record (in the look's thread)."""
        look = self.folder.look()
        if self.records is None:
            return look, {}
        try:
            evidence = self.records.look(self.folder.named_runs())
            return evidence.scored(look), evidence.flags()
        except OSError:  # the teacher's disk is full: the record stands as it was
            return look, self.state.evidence

    def watch_state(self, state: RoomState) -> None:
        language = state.language
        table = rows(state.look.seen, state.now, state.sort, self.idle_limit, state.look.runs or None,
                     state.evidence)
        columns = student_columns(sessions=any_sessions(table))
        self.query_one("#students", TableLines).show(
            columns, student_headings(language, columns), [student_cells(row, language, columns) for row in table],
            [bool(row.flags) for row in table])
        figures = question_figures(state.look.runs or state.look.seen)
        self.query_one("#questions", TableLines).show(
            QUESTION_COLUMNS, question_headings(language), [question_cells(one, language) for one in figures], [False] * len(figures))
        self._line("#summary", Text(self._summary(state, table), no_wrap=True, overflow="crop"))
        if self.roster is not None:
            absent = missing(self.roster, state.look.seen)
            line = say(language, "room.not_started", count=len(absent),
                       accounts=say(language, "sep.list").join(outside(account) for account in absent) or "-")
            self._line("#roster", Text(cut(line, self.size.width, self._mark), no_wrap=True))
        self._line("#keys", self._keys(state))

    def _line(self, selector: str, text: Text) -> None:
        """Put `text` on a one-line widget if it changed: each look would otherwise repaint
        it and lay the screen out again (its size never changes: no layout)."""
        line = self.query_one(selector, Static)
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            line.update(text, layout=False)

    @property
    def _mark(self) -> str:
        return "..." if self.ascii_only else "…"

    def _summary(self, state: RoomState, table: list) -> str:
        """How many students, how many flagged, the order; the time at the right edge shows it is live."""
        language = state.language
        if state.look.unreadable_folder:
            said = say(language, "room.folder_unreadable", reason=state.look.unreadable_folder)
        elif not table:
            said = say(language, "room.no_progress", folder=str(self.folder.folder))
        else:
            said = say(language, "room.summary", students=len(table), flagged=sum(bool(row.flags) for row in table),
                       sort=say(language, f"room.sort.{state.sort}"))
        clock = time.strftime("%H:%M:%S", time.localtime(state.now))
        room = max(self.size.width - len(clock) - 2, 0)
        said = cut(said, room, self._mark)
        return said + " " * (self.size.width - len(clock) - cell_width(said) - 1) + clock

    def _keys(self, state: RoomState) -> Text:
        """The keys on one line, the order in use shown reversed (no colour needed). Where
        a language's words make the line too long, whole keys give way, q and g last, so
        the line is never cut mid-word and the way out and the other language stay."""
        entries = []
        for binding in ROOM_KEYS:
            if not binding.show or (binding.action == "language" and not switchable(self.ascii_only)):
                continue
            current = binding.id == state.sort
            entry = Text()
            entry.append(key_name(state.language, binding), style="bold reverse" if current else "bold")
            entry.append(" " + described(state.language, binding.description, self.ascii_only),
                         style="reverse" if current else "")
            entries.append((binding.action in ("quit", "language"), entry))
        kept, used = set(), -1
        for index in sorted(range(len(entries)), key=lambda index: not entries[index][0]):  # q and g first
            if used + 1 + entries[index][1].cell_len <= self.size.width:
                kept.add(index)
                used += 1 + entries[index][1].cell_len
        return Text(" ", no_wrap=True, overflow="crop").join(entry for index, (_, entry) in enumerate(entries)
                                                             if index in kept)

    def on_resize(self) -> None:
        self.watch_state(self.state)

    def action_sort(self, order: str) -> None:
        self.state = replace(self.state, sort=order)

    def action_page(self, direction: int) -> None:
        table = self.query_one("#students", TableLines)
        table.scroll_to(y=table.scroll_offset.y + direction * max(table.size.height - 2, 1), animate=False)

    def action_language(self) -> None:
        if not switchable(self.ascii_only):
            return
        language = following(self.state.language, self.ascii_only)
        self.query_one("#questions").border_title = say(language, "room.questions")
        self.state = replace(self.state, language=language)
