"""The bottom line: the keys that work now, and what they do.

Textual's Footer builds a widget per key, and fills itself in only after the first
paint, then once more; at start-up that cost a fifth of the time to a settled screen
(tests/benchmarks/bench.py). This bar is one line drawn with the rest of the screen,
from the App's bindings, the state's language and the same check_action: a key that
would do nothing now is dim, and with --mouse a click on a key runs it.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, cast

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click

from ....core.analysis import read_out, run_diverges
from ....core.problem import HOT_COLD, MEASURE
from ...words.worked import says_every_digit
from ..keys import described, key_name
from ..state import AppState
from .panel import StatePanel

if TYPE_CHECKING:
    from ..app import GradstepApp

LONG_RUN = 10  # steps after which the error-vs-iteration chart (v) tells more than the log's last rows


def needed(state: AppState) -> tuple[str, ...]:
    """The actions this screen needs most, beyond stepping and stepping back, which the bar
    shows next even where keys.py keeps them for the help: the other language on the first
    screen (g, named in that language, for a reader who cannot read this one); while
    playing, p to pause (the header said "playing 2/s" and no p was on the bar); in predict
    mode, t to leave it; an edit
    wherever new numbers are all that is left to try (_invites_edit), and the export of a run that
    has ended or reached its goal; every digit (f) where the worked step says rounding decides what it shows,
    and to leave them; freezing (z) in a lesson that freezes weights; the other chart from
    LONG_RUN steps on; then p, to watch a run that can go on (on the lesson's last page, w's
    longer "back to the first page" pushed it off). More text (w) is added by the bar, which sees whether the key is live."""
    session, history = state.session, state.session.history
    wanted = ["play"] if state.playing else []  # p pauses: a run playing on needs its stop first
    if state.predicting:  # t leaves predict mode: after a guess the crowded bar dropped it, and no way out showed
        wanted.append("predict")
    if session.before is None and history.iteration == 0:
        wanted.append("language")
    ended = history.divergence is not None or not history.can_step
    on_goal = _on_goal(state)  # once: both e and x ask it, on every step
    if ended or _invites_edit(state, on_goal):
        wanted.append("edit")
    if ended or (history.iteration > 0 and on_goal):
        wanted.append("export")
    if state.exact or says_every_digit(history, state.output):
        wanted.append("exact")
    if session.lesson.problem.frozen:
        wanted.append("freeze")
    if history.iteration >= LONG_RUN:
        wanted.append("view")
    if not state.playing and not ended:
        wanted.append("play")  # next, before the keys in keys.py's order: lessons 2 and 3 lost it on the last page
    return tuple(wanted)


def _invites_edit(state: AppState, on_goal: bool) -> bool:
    """Whether the screen says that only new numbers change what comes: the lesson only
    measures, the parameters' title says "run diverges" (r says so from iteration 0, long
    before the run hits the divergence limit), or the run is on its goal. Lessons 3, 5, 6,
    7, 9 and 10 said "run diverges", and lesson 3 landed on its goal (`on_goal`), with no e
    on the bar."""
    problem = state.session.problem
    return problem.method == MEASURE or run_diverges(problem) or on_goal


def _on_goal(state: AppState) -> bool:
    """Whether the run is on its goal (the readout's steps to go are 0): a converged run
    can still step, so it never ended, and x, the log to keep, was only in the help."""
    history, problem = state.session.history, state.session.problem
    if problem.method == MEASURE:
        return False
    return read_out(problem, history.iteration, float(history.error)).steps_to_go == 0


class KeyBar(StatePanel):
    """As many keys as fit the width: step and back, then what this screen needs most (more
    text to read, an edit it invites), then the rest in the order of keys.py."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--dimmed"}

    def on_mount(self) -> None:
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def show(self, state: AppState) -> None:
        """As every panel, but caught up after the screen's next paint: whether more text
        follows (w is live) is known once the lesson panel has drawn, and a panel that comes
        into view (the log and the lesson after the first step) draws at that paint."""
        self.state = state
        if not self._behind:
            self._behind = True
            self.call_after_refresh(self._catch_up)

    def _screen_changed(self, screen: object) -> None:
        """The lesson is on top again: catch up after its paint. Textual runs an after-paint
        call with the screen on top when it is asked for; a screen over the lesson that
        closed before its paint (the list, closed by the 6 read with l, then the new
        lesson's question) took the catch-up with it, and the bar, waiting for it, kept the
        last lesson's keys ever after."""
        if screen is self.screen and self.state is not None:
            self._behind = False
            self.show(self.state)

    def _bindings_changed(self, screen: object) -> None:
        """Which keys would work changed without a new state: the lesson panel took another
        size (an edit that starts the run again gives it back the whole row), and with it
        another page count. The bar had caught up at the panel's old size and offered
        "w more" on a panel that now fits one page."""
        if self.state is not None:
            self.show(self.state)

    def drawn_from(self, state: AppState) -> tuple:
        """What the words depend on (the language, what each key would do now: label() reads the
        rule, play, predict mode, the digits and whether the weight followed is frozen) and which
        keys would do something now: most steps change none of them."""
        bound = self.screen.active_bindings.values()
        return (state.language, needed(state), self._on_last_page(state), tuple(enabled for _, _, enabled, _ in bound),
                tuple(label(state, binding.group.description if binding.group else binding.description)
                      for _, binding, _, _ in bound if binding.description))

    def _on_last_page(self, state: AppState) -> bool:
        """Whether w turns back to the first page rather than on to more: on page 2/2 the bar
        said "w more" beside the panel's "w: back to the first page"."""
        from .lesson import LessonPanel

        return state.page > 0 and state.page + 1 >= self.app.query_one(LessonPanel).page_count(state)

    def draw(self, state: AppState) -> Text:
        shown = self._in_order(state)
        styles = [self.get_component_rich_style(f"key-bar--{part}") for part in ("key", "description", "dimmed")]
        # A group (+ and - for alpha) shares one description; every other key is on its own.
        entries: list[tuple[Text, str, bool]] = []  # the entry, its action, whether it would do something
        for _, grouped in groupby(shown, key=lambda item: item[0].group or id(item[0])):
            members = list(grouped)
            first = members[0][0]
            description = label(state, first.group.description if first.group else first.description,
                                self._on_last_page(state))
            said = described(state.language, description, cast("GradstepApp", self.app).ascii_only)
            entries.append((self._entry(members, said, state.language, *styles), first.action,
                            any(enabled for _, enabled in members)))
        line = Text(no_wrap=True, overflow="crop")
        for entry in fitted(entries, self.size.width):
            if line:
                line.append(" ")
            line.append_text(entry)
        return line

    def _in_order(self, state: AppState) -> list[tuple[Binding, bool]]:
        """The keys to offer and whether each would do something, in the bar's order."""
        bound = [(binding, enabled) for _, binding, enabled, _ in self.screen.active_bindings.values()
                 if binding.description]  # not the aliases and number keys
        wanted = needed(state) + ("page",)  # w whenever it is live: more text follows
        first = [item for action in wanted for item in bound if item[0].action == action and item[1]]
        rest = [item for item in bound if item[0].show and item not in first]
        return rest[:2] + first + rest[2:]

    def on_click(self, event: Click) -> None:
        """With --mouse, a click on a key, or on what a single key does, presses it."""
        key = event.style.meta.get("key")
        if key:
            self.app.simulate_key(key)

    def _entry(self, members: list[tuple[Binding, bool]], description: str, language: str, key_style: Style,
               description_style: Style, dimmed: Style) -> Text:
        """The keys, then what they do; muted where the key would do nothing now."""
        entry = Text()
        for binding, enabled in members:
            entry.append(key_name(language, binding), key_style + _entry_style(binding, enabled, dimmed))
        alone, enabled = len(members) == 1, any(enabled for _, enabled in members)
        entry.append(f" {description}",
                     description_style + _entry_style(members[0][0] if alone else None, enabled, dimmed))
        return entry


ALWAYS = ("help", "quit")  # ? lists every key the bar leaves out; q is the way out
ONWARD = ("lessons", "page")  # l, the way on to the next lesson, and w, to the words below the panel's foot: always, where they would work


def fitted(entries: list[tuple[Text, str, bool]], width: int) -> list[Text]:
    """The entries that fit `width` cells, most useful first, in their order: ? and q always,
    and l and w wherever they would work (the screen's needs pushed them off the end: lesson 8, its
    weight to freeze, a worked step over pages and every digit on offer, left a student who
    had finished it no way on, and no w beside the panel's "w: more"); and where not everything fits, no key that would do nothing
    now (b and 0 before the first step) takes a needed one's room."""
    def cost(entry: Text) -> int:
        return entry.cell_len + 1  # and the space before it

    def kept(action: str, enabled: bool) -> bool:
        return action in ALWAYS or (action in ONWARD and enabled)

    crowded = sum(cost(entry) for entry, _, _ in entries) - 1 > width
    room = width + 1 - sum(cost(entry) for entry, action, enabled in entries if kept(action, enabled))
    chosen = []
    for entry, action, enabled in entries:
        if kept(action, enabled):
            chosen.append(entry)
        elif (enabled or not crowded) and cost(entry) <= room:
            chosen.append(entry)
            room -= cost(entry)
        elif enabled:
            room = 0  # the rest are under ? (help), as they come: none jumps ahead of a more useful one
    return chosen


def label(state: AppState, key: str, last_page: bool = False) -> str:
    """The catalogue key for what a binding does now: + and - change hot and cold's step,
    not alpha, p pauses while playing, t leaves predict mode while it is on (after a
    reveal "t 先猜" read as if predict mode had ended), f goes back to rounded figures
    while every digit shows (the log's title said "按 f 返回" beside "f 精确"), z unfreezes
    the weight the chart follows where it is frozen (lesson 8 offered "z freeze" beside its
    frozen w1), space measures where nothing learns, and w on the lesson's `last_page` goes
    back to the first."""
    if key == "key.page" and last_page:
        return "key.page_first"
    if key == "key.alpha" and state.session.problem.method == HOT_COLD:
        return "key.step_amount"
    if key == "key.play" and state.playing:
        return "key.pause"
    if key == "key.predict" and state.predicting:
        return "key.predict_off"
    if key == "key.exact" and state.exact:
        return "key.exact_off"
    if key == "key.freeze" and state.followed in state.session.problem.frozen:
        return "key.unfreeze"
    if key == "key.step" and state.session.problem.method == MEASURE:
        return "key.measure"
    return key


def _entry_style(binding: Binding | None, enabled: bool, dimmed: Style) -> Style:
    """`dimmed` if the key would do nothing now; carrying `binding`'s key, for a click to press.

    Not Textual's "@click" meta: that draws the key as a link.
    """
    click = Style(meta={"key": binding.key}) if binding else Style()
    return click if enabled else click + dimmed
