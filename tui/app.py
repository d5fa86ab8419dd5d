"""The gradstep App: one reactive state, the panels bound to it, and the keys that change it.

Each action builds a new AppState from the old one and assigns it; Textual then hands it
down to every panel. Nothing else holds state, so a step back, a reset or a saved
session is always exactly what the screen shows.
"""

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import BindingsMap
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Footer

from ..core.lessons import Lesson, course
from ..core.problem import InvalidProblem, Problem
from ..core.session import Session
from . import exporting
from .i18n import words
from .keys import key_bindings
from .screens.editor import EditorScreen
from .screens.help import HelpScreen
from .screens.lessons import LessonsScreen
from .state import ITERATION_VIEW, SPEEDS, WEIGHT_VIEW, AppState
from .widgets.chart import ErrorChart
from .widgets.explain import ExplainPanel
from .widgets.log import IterationLog
from .widgets.parameters import ParametersPanel
from .widgets.status import StatusBar


class GradstepApp(App[int]):
    """Step a neuron through a lesson, one keypress at a time."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False  # its key hint and icons are noise for students
    TITLE = "gradstep"

    state: reactive[AppState] = reactive(None, bindings=True, init=False)
    """Everything the screen shows; `bindings=True` re-checks which keys are live."""

    def __init__(self, lesson: Lesson, language: str = "en", ascii_only: bool = False,
                 extra_lessons: tuple[Lesson, ...] = ()) -> None:
        super().__init__()
        self.ascii_only = ascii_only  # fixed at start by what the terminal can show
        self.lessons = (*course(), *extra_lessons)  # what the lesson list offers
        self._player: Timer | None = None  # ticks while playing; the speed lives in state
        self.set_reactive(GradstepApp.state, AppState(Session.begin(lesson), language=language))
        self._bindings = BindingsMap(key_bindings(language))

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status").data_bind(GradstepApp.state)
        with Horizontal(id="upper"):
            yield ParametersPanel(id="parameters").data_bind(GradstepApp.state)
            yield ErrorChart(ascii_only=self.ascii_only, id="chart").data_bind(GradstepApp.state)
        with Horizontal(id="lower"):
            yield IterationLog(id="log").data_bind(GradstepApp.state)
            yield ExplainPanel(id="explain").data_bind(GradstepApp.state)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.set_class(self.ascii_only, "-ascii")

    # -- state changes that are not panels' business ----------------------------------

    def watch_state(self, old: AppState, new: AppState) -> None:
        self.set_class(new.exact, "-exact")  # every digit needs the log to take the full width
        if old.language != new.language:
            self._bindings = BindingsMap(key_bindings(new.language))
            self.refresh_bindings()
        if not new.playing or old.speed != new.speed:
            self._stop_player()
        if new.playing and self._player is None:
            self._player = self.set_interval(1 / new.speed, self._play_one)

    def _stop_player(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player = None

    def _play_one(self) -> None:
        if self.state.session.history.can_step:
            self.state = self.state.replace(session=self.state.session.step(), playing=True)
        else:
            self.state = self.state.replace(playing=False)

    def refuse(self, message: str) -> None:
        """Say why a key did nothing; the session is left as it was."""
        self.bell()
        self.state = self.state.replace(notice=message)

    def say(self, key: str, **values: object) -> str:
        return words(self.state.language, key, **values)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim the keys that would do nothing now (None), hide the weight keys that do not apply."""
        session = self.state.session
        if action == "step":
            return True if session.history.can_step else None
        if action == "back":
            return True if session.can_step_back else None
        if action == "select":
            return parameters[0] < session.problem.size
        return True

    # -- actions ------------------------------------------------------------------------

    # step and back only run when check_action allows them.
    def action_step(self) -> None:
        self.state = self.state.replace(session=self.state.session.step(), playing=False)

    def action_back(self) -> None:
        self.state = self.state.replace(session=self.state.session.step_back(), playing=False)

    def action_reset(self) -> None:
        self.state = self.state.replace(session=self.state.session.reset(), playing=False)

    def action_play(self) -> None:
        if not self.state.playing and not self.state.session.history.can_step:
            return self.refuse(self.say("cannot_step"))
        self.state = self.state.replace(playing=not self.state.playing)

    def action_speed(self, direction: int) -> None:
        index = SPEEDS.index(self.state.speed) + direction
        self.state = self.state.replace(speed=SPEEDS[min(max(index, 0), len(SPEEDS) - 1)])

    def action_rate(self, direction: int) -> None:
        try:
            session = self.state.session.with_rate(direction)
        except ValueError as error:
            return self.refuse(str(error))
        self.state = self.state.replace(session=session, playing=False)

    def action_rule(self) -> None:
        try:
            session = self.state.session.with_other_rule()
        except InvalidProblem:
            return self.refuse(self.say("one_weight_only", size=self.state.session.problem.size))
        self.state = self.state.replace(session=session, playing=False)

    def action_edit(self) -> None:
        def apply(problem: Problem | None) -> None:
            if problem is not None:
                self.state = self.state.replace(session=self.state.session.with_problem(problem))

        self.state = self.state.replace(playing=False)
        self.push_screen(EditorScreen(self.state.session.problem, self.state.language), apply)

    def action_lessons(self) -> None:
        def choose(lesson: Lesson | None) -> None:
            if lesson is not None:
                self.state = self.state.replace(session=self.state.session.with_lesson(lesson), selected=0)

        self.state = self.state.replace(playing=False)
        self.push_screen(LessonsScreen(self.lessons, self.state.session.lesson, self.state.language), choose)

    def action_view(self) -> None:
        view = ITERATION_VIEW if self.state.view == WEIGHT_VIEW else WEIGHT_VIEW
        self.state = self.state.replace(view=view)

    def action_exact(self) -> None:
        self.state = self.state.replace(exact=not self.state.exact)

    def action_select(self, index: int) -> None:
        self.state = self.state.replace(selected=index)

    def action_language(self) -> None:
        if self.ascii_only:
            return self.refuse(self.say("no_chinese"))
        self.state = self.state.replace(language="zh" if self.state.language == "en" else "en")

    def action_export(self) -> None:
        try:
            path = exporting.export_log(self.state.session, Path.cwd())
        except OSError as error:
            return self.refuse(self.say("export_failed", reason=error.strerror or str(error)))
        self.state = self.state.replace(notice=self.say("exported", path=path))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.state, self.ascii_only))

    def action_quit(self) -> None:
        self.exit(0)
