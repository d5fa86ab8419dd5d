"""The gradstep App: one reactive state, the panels drawn from it, and the keys that change it.

Each action builds a new AppState from the old one and assigns it; the App's watcher
hands it down to every panel, which draws it once the queued keys are handled. Nothing
else holds state, so a step back, a reset or a saved session is always exactly what
the screen shows.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.actions import parse
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.driver import Driver
from textual.filter import LineFilter, Monochrome, NoColor
from textual.reactive import var
from textual.timer import Timer

from ...core.courses import course

from ...core.controller import named, play_ends
from ...core.lessons import Lesson
from ...core.limits import SMALLEST_SCREEN
from ...core.numbers import readable
from ..words.figures import goals_text
from ...core.predict import now_figure, what_to_predict
from ...core.problem import Problem
from ...core.refusals import Refusal
from ...core.session import Session
from ..files.owner import Owner, login_name
from ..files.places import VIEW_SETTINGS, export_folder
from ..words.figures import weight_name
from ..words.language import following, shown, switchable
from ..words.prose import facts_now, refused, reveal, stands_entries
from ..words.say import say
from ..words.undo import back_notice, reset_notice
from ..words.wrap import end_of_path, width, wrap
from .ascii import AsciiFilter
from .driver import gradsteps_driver
from .ending import Ending
from .in_turn import KeysInTurn
from .keeping import Keeping
from .keys import key_bindings
from .state import ITERATION_VIEW, SPEEDS, WEIGHT_VIEW, AppState, selected_by_key
from .widgets.chart import ErrorChart
from .widgets.key_bar import KeyBar
from .widgets.lesson import LessonPanel
from .widgets.log import IterationLog
from .widgets.notice import MOST_ROWS, NoticeLine
from .widgets.panel import StatePanel
from .widgets.parameters import ParametersPanel
from .widgets.status import StatusBar
from .widgets.too_small import TooSmall

if TYPE_CHECKING:  # a hand-in is made by the command, which imports it only for --hand-in
    from ..files.hand_in import HandIn


class GradstepApp(Keeping, Ending, KeysInTurn, App[int], inherit_bindings=False):
    """Step a neuron through a lesson, one keypress at a time.

    Its keys are key_bindings() alone, not Textual's App bindings too (Ctrl-Q, the palette):
    the key bar says them in the state's language, and a student has q to leave."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False  # its key hint and icons are noise for students
    TITLE = "gradstep"
    BINDINGS = [*key_bindings()]  # a list of BindingType, as App declares it
    # Below the minimum the lesson gives way to a message; wider and taller screens give
    # the log more columns and the chart more rows (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (SMALLEST_SCREEN[0], "-narrow"), (100, "-wide"), (140, "-widest")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (SMALLEST_SCREEN[1], "-short"), (32, "-tall")]

    # No AppState exists before __init__ makes one; init=False keeps watchers from seeing None.
    state: var[AppState] = var(None, init=False)  # type: ignore[arg-type]
    """Everything the screen shows, handed down to the widgets (their show()), which repaint
    what changed when they next run: a key press only sets it (see widgets/panel.py).

    A `var`, not a `reactive`: a reactive on the App repaints the whole screen. The key
    bar reads check_action afresh from each state, so nothing calls refresh_bindings."""

    def __init__(self, session: Session, language: str = "en", ascii_only: bool = False,
                 low_bandwidth: bool = False, theme: str | None = None, extra_lessons: tuple[Lesson, ...] = (), view: dict | None = None,
                 notice: str = "", save_path: Path | None = None, not_saving: object = None,
                 real: bool = False, course_lessons: tuple[Lesson, ...] | None = None,
                 owner: Owner | None = None, hand_in: "HandIn | None" = None) -> None:
        super().__init__()
        self.ascii_only = ascii_only  # fixed at start by what the terminal can show
        self.low_bandwidth = low_bandwidth  # fewest bytes a frame: plain chart, ASCII markers
        self.chosen_theme = theme  # --theme: one of Textual's, chosen over --low-bandwidth's ANSI one
        self.course_lessons = course_lessons  # a teacher's course (--course); None: the built-in one
        self.extra_lessons = extra_lessons  # a teacher's lesson files, listed after the course's
        self.owner = owner or Owner(login_name())  # whose session it is, named in exports
        self.hand_in = hand_in  # keeps the class's progress and hands the session in (--hand-in); None: nowhere
        self.prepare_ending(save_path, not_saving, real)  # ending.py: saving, signals, crashes
        self.prepare_keys()  # in_turn.py: keys read together handled one after another
        self._player: Timer | None = None  # ticks while playing; the speed lives in state
        self.panels: list[StatePanel] = []  # the widgets drawn from the state, once mounted
        if shown(language, ascii_only) != language:  # Chinese needs UTF-8
            asked, language = language, shown(language, ascii_only)
            notice = say(language, "no_utf8", language=say(language, f"language.{asked}"))
        settings = {key: value for key, value in (view or {}).items() if key in VIEW_SETTINGS[1:]}
        self.set_reactive(GradstepApp.state, AppState(session, language=language, notice=notice,
                                                      predicting=session.lesson.predict, **settings))
        self.prepare_keeping()  # keeping.py: the journal of what the session did, kept on disk
        self.ascii_filter = AsciiFilter()  # get_line_filters: every cell ASCII (--ascii)
        self.no_colour_filters = (Monochrome(), NoColor())  # for an RGB theme, for an ANSI one (NO_COLOR)

    def compose(self) -> ComposeResult:
        # On the Screen itself, not in a container: that is one more layer of lines, each cut and kept (app.tcss).
        yield StatusBar(id="status")
        with Horizontal(id="upper"):
            yield ParametersPanel(id="parameters")
            yield ErrorChart(ascii_frame=self.ascii_only, ascii_markers=self.ascii_only or self.low_bandwidth,
                             plain=self.low_bandwidth, id="chart")
        with Horizontal(id="lower"):
            yield IterationLog(id="log")
            yield LessonPanel(id="explain")
        yield NoticeLine(id="notice")
        yield KeyBar(id="keys")
        yield TooSmall(id="too-small")

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, cheaper both ways (driver.py)."""
        return gradsteps_driver(super().get_driver_class())

    def on_mount(self) -> None:
        self.panels = list(self.query(StatePanel))  # every widget drawn from the state
        for panel in self.panels:
            panel.show(self.state)
        self.set_class(self.ascii_only, "-ascii")
        self.set_class(self.state.session.history.iteration == 0, "-at-start")
        self.set_class(bool(self.state.notice), "-notice")  # a notice from the start (--resume)
        if self.chosen_theme:
            self.theme = self.chosen_theme
        elif self.low_bandwidth:
            self.theme = "ansi-dark"  # the terminal's own 16 colours: the shortest escape codes
        if self.state.session.pending_question() is not None and not self.state.notice:
            self._ask_question()  # a question at iteration 0 comes before anything else, the first key too
        # (A notice at the start, such as a kept session, is read first: the step key asks.)
        if self.real:  # a student's run, not a test: no way out may lose the session
            self.take_over_signals()
            self.call_after_refresh(self.collect_the_start)
        self.start_keeping()

    def collect_the_start(self) -> None:
        """Free what starting left for the collector (the command line parsed, the lesson's
        file read, Textual's first layout), once the first screen is up.

        Textual's import is frozen (runners.frozen_app_class), so the collector's full pass,
        which waits for the objects it tracks to grow by a quarter, came late: the first
        steps took fresh memory instead, 0.1 MB more of each student's process 20 steps in
        (private memory, whole process, median of three). A test's App is not collected:
        its process holds every test's objects, and the pass would cost each one.
        """
        gc.collect()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, NO_COLOR's kept legible, and the ASCII one last on a terminal without Unicode.

        Textual picks its NO_COLOR filter once, for the theme it starts with: Monochrome
        for an RGB theme, NoColor for an ANSI one. Switching to an ANSI theme later
        (--low-bandwidth does) left Monochrome turning the terminal's default colours into
        black on black: the one for the theme of the moment is chosen here instead.
        """
        filters = super().get_line_filters()
        if self.no_color:
            wanted = self.no_colour_filters[bool(self.native_ansi_color)]
            filters = [wanted if isinstance(f, (NoColor, Monochrome)) else f for f in filters]
        return [*filters, self.ascii_filter] if self.ascii_only else filters

    # -- state changes that are not panels' business ----------------------------------

    def watch_state(self, old: AppState, new: AppState) -> None:
        self.note_state()
        for panel in self.panels:
            panel.show(new)
        self.set_class(new.exact, "-exact")  # every digit needs the log to take the full width
        self.set_class(new.session.history.iteration == 0, "-at-start")  # the log is empty: words take the row
        self.set_class(bool(new.notice), "-notice")  # the notice stands above the key bar
        if not new.playing or old.speed != new.speed:
            self._stop_player()
        if new.playing and self._player is None:
            self._player = self.set_interval(1 / new.speed, self._play_one)
        if new.session is not old.session and new.session.pending_question() is not None:
            self._ask_question()  # now: the key read after this one is the question's

    def _asked_first(self) -> bool:
        """Ask the question due now, if any, before the run moves: one put off by a notice at
        the start is asked by the first key that would step."""
        if self.state.session.pending_question() is None:
            return False
        self._ask_question()
        return True

    def _ask_question(self) -> None:
        """Ask the lesson's question for this iteration, if it is still due and nothing is open."""
        from .screens.ask import QuestionScreen

        session = self.state.session
        index = session.pending_question()
        if index is None or self.screen is not self.screen_stack[0]:
            return

        def answered(answer) -> None:  # a notice waiting under the question (a corrupt save) stays to be read
            # The next question due now is asked by watch_state, with no glimpse of the lesson between.
            # Play the question stopped goes on once it is answered or skipped, as a teacher
            # who paused to ask would go on (it stayed stopped, and p was needed again).
            session = self.state.session.answered(answer)
            resumes = stopped_play and play_ends(session) is None
            self.state = self.state.replace(session=session, playing=resumes,
                                            notice=self.say("play.resumed") if resumes else self.state.notice)

        def quit_answered(answer) -> None:  # q: a settled answer kept in the save, as Enter would keep it
            if answer is not None:
                answered(answer)
            self.action_quit()

        stopped_play = self.state.playing
        if stopped_play:
            self.state = self.state.replace(playing=False, notice=self.state.notice)
        language = self.state.language
        known, stands = facts_now(session.history, language), stands_entries(session.history, language)
        self.push_screen(QuestionScreen(session.lesson.questions[index], index, language, known, stands,
                                        on_try=self.note_try, on_quit=quit_answered,
                                        revealed=reveal(session, language), stopped_play=stopped_play), answered)

    def _stop_player(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player = None

    def _play_one(self) -> None:
        """One step of play, or the end of play, said in a line, when nothing more can happen.
        A notice stays while play goes on ("Play goes on, p pauses"): at 15 steps a second
        the next step had wiped it before it could be read."""
        session = self.state.session
        if play_ends(session) is None:
            session = session.step()
        ending = play_ends(session)
        self.state = self.state.replace(session=session, playing=ending is None,
                                        notice=self.words_for(ending) if ending else self.state.notice)

    def refuse(self, message: str) -> None:
        """Say why a key did nothing; the session is left as it was."""
        self.bell()
        self.state = self.state.replace(notice=message)

    def say(self, key: str, **values: object) -> str:
        """The catalogue's sentence `key` in the student's language."""
        return say(self.state.language, key, **values)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim the keys that would do nothing now, or only say why not (None); hide (False)
        those that never can: the weight keys beyond the problem's weights, and Chinese on an
        ASCII-only terminal. Behind the too-small message every key but q does nothing.

        The lesson's own rules are the state's `moves`, worked out once per state: Textual
        asks this of every binding each time the key bar reads them."""
        if self._too_small() and action != "quit":
            return None
        if action == "language":
            return switchable(self.ascii_only)  # Chinese needs UTF-8; its place goes to the next key
        move = self.state.moves.get(named(action, parameters))
        if move is not None:
            return False if not move.offered else move.allowed or None
        return None if action == "page" and self._one_page() else True

    def why_not(self, action: str, parameters: tuple[object, ...]) -> str | None:
        """Why `action` would do nothing now, in the student's words; None: it would do something."""
        move = self.state.moves.get(named(action, parameters))
        if move is not None and move.refusal is not None:
            return self.words_for(move.refusal)
        return None

    def words_for(self, refusal: Refusal) -> str:
        """A refusal in the student's words, and a lock's reason where the lesson gives one."""
        session = self.state.session
        return refused(refusal, session.lesson, session.problem, self.state.language)

    def _one_page(self) -> bool:
        """Whether the lesson panel's words fit one page (w has no more to show)."""
        return self.query_one(LessonPanel).page_count(self.state) < 2

    def _leads_to(self, action: str) -> Problem:
        """The problem an allowed change (alpha, the rule, a frozen weight) leads to."""
        problem = self.state.moves[action].problem
        assert problem is not None, "an action runs only once check_action has allowed it"
        return problem

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Run a key of the lesson (all priority bindings, keys.py) as it arrives, if the
        lesson is what the student sees: under a screen over it (the help, a question)
        the key is that screen's. A dimmed key does nothing, but says why on the notice
        line, then and there, before the keys behind it."""
        lessons = default_namespace is self and isinstance(action, str)
        if lessons and self.screen is not self.screen_stack[0]:
            return False
        if await super().run_action(action, default_namespace, namespaces):
            return True
        if not lessons or self._too_small():
            return False
        _, name, parameters = parse(action)
        message = self.why_not(name, parameters)  # checked again only for a key that did nothing
        if message:
            self.refuse(message)
        elif name == "page":
            self.bell()  # nothing more to read, and no sentence to say so: see action_page
        return bool(message)

    def _too_small(self) -> bool:
        return self.screen.has_class("-too-narrow") or self.screen.has_class("-too-short")

    # -- actions ------------------------------------------------------------------------

    def action_step(self) -> None:
        if self._asked_first():
            return
        if not self.state.predicting:
            self.state = self.state.replace(session=self.state.session.step(), playing=False)
            return
        from .screens.ask import GuessScreen

        session = self.state.session
        kind = what_to_predict(session.problem)
        question = say(self.state.language, f"predict.ask.{kind}", now=self._predicted_now(kind),
                       goal=goals_text(session.problem, self.state.language))

        def step(guessed) -> None:
            if guessed is not None:  # None: Escape, no step
                self.state = self.state.replace(session=self.state.session.guessed_step(guessed.value))

        self.push_screen(GuessScreen(kind, question, self.state.language), step)

    def _predicted_now(self, kind: str) -> str:
        """The figure a guess starts from: the weight, the prediction, or the direction's weight."""
        history = self.state.session.history
        return readable(now_figure(history))

    def action_predict(self) -> None:
        """Predict mode on or off; play stops, since it would step without asking."""
        predicting = not self.state.predicting
        self.state = self.state.replace(predicting=predicting, playing=False,
                                        notice=self.say("predict.on" if predicting else "predict.off"))

    def action_back(self) -> None:  # type: ignore[override]  # Textual runs sync and async actions alike
        """One step back; at iteration 0 it undoes the last change, and says so, since the
        screen may not show what came back (an alpha, a rule or a lesson's run)."""
        before = self.state.session
        session = before.step_back()
        notice = back_notice(before, session, self.state.language)
        self.state = self.state.replace(session=session, playing=False, notice=notice)

    def action_reset(self) -> None:
        """Back to iteration 0, saying that b brings the steps back (b going forward surprised newcomers)."""
        before = self.state.session
        self.state = self.state.replace(session=before.reset(), playing=False,
                                        notice=reset_notice(before, self.state.language))

    # Actions run only when check_action allows them (a dimmed key says why: run_action).
    def action_play(self) -> None:
        if self._asked_first():  # play steps too
            return
        self.state = self.state.replace(playing=not self.state.playing)

    def action_speed(self, direction: int) -> None:
        index = SPEEDS.index(self.state.speed) + direction
        self.state = self.state.replace(speed=SPEEDS[min(max(index, 0), len(SPEEDS) - 1)])

    def action_rate(self, direction: int) -> None:
        self._start_again(self.state.session.with_problem(self._leads_to(named("rate", (direction,)))))

    def action_rule(self) -> None:
        self._start_again(self.state.session.with_problem(self._leads_to("rule")))

    def _start_again(self, session: Session) -> None:
        """A changed problem starts a new run; the steps of the last one are said to be a key away."""
        steps = self.state.session.history.iteration
        notice = self.say("run.restarted", steps=steps) if steps else ""
        self.state = self.state.replace(session=session, playing=False, notice=notice)

    # The screens that open over the lesson, and the export, are imported when first
    # asked for: the first screen does not need them, and start-up is paid by every student.

    def action_edit(self) -> None:
        from .screens.editor import EditorScreen

        def apply(problem: Problem | None) -> None:
            if problem is not None:
                self.state = self.state.replace(session=self.state.session.with_problem(problem))

        self.state = self.state.replace(playing=False)
        session = self.state.session
        self.push_screen(EditorScreen(session.problem, self.state.language, session.lesson), apply)

    def action_lessons(self) -> None:
        from .screens.lessons import LessonsScreen

        def choose(lesson: Lesson | None) -> None:
            # Its predict mode comes with it (AppState.replace). The chart is the lesson's own,
            # error vs weight: error vs iteration, chosen with v for a long run, is one point at
            # a new lesson's start, and every lesson's words speak of the curve.
            if lesson is not None:
                self.state = self.state.replace(session=self.state.session.with_lesson(lesson), selected=0,
                                                view=WEIGHT_VIEW)

        self.state = self.state.replace(playing=False)
        lessons = (*(self.course_lessons or course()), *self.extra_lessons)  # read when first asked for
        self.push_screen(LessonsScreen(lessons, self.state.session.lesson, self.state.language), choose)

    def action_view(self) -> None:
        view = ITERATION_VIEW if self.state.view == WEIGHT_VIEW else WEIGHT_VIEW
        self.state = self.state.replace(view=view)

    def action_page(self) -> None:
        """The lesson panel's next page; after the last, the first again. The notice stays:
        its rows come from the lower panels, so the page count is the panel's at the notice
        shown, and w that cleared it (or, refused, said "no more to read" in a new row)
        changed the count it had just read: "-- w: more (1/2) --" stood over the sentence
        that said there was no more, and w then only seemed to clear the notice."""
        pages = self.query_one(LessonPanel).page_count(self.state)
        self.state = self.state.replace(page=(self.state.page + 1) % pages, notice=self.state.notice)

    def action_exact(self) -> None:
        """f: every digit, or the panels' five again. Every digit shows what the five hide,
        813243.2399999999 for 813243.24: the notice says why, as the figures appear."""
        exact = not self.state.exact
        self.state = self.state.replace(exact=exact, notice=self.say("exact.why") if exact else "")

    def action_freeze(self) -> None:
        """z: freeze the weight the chart follows, or unfreeze it; a new run from iteration 0."""
        index = self.state.followed
        session = self.state.session.with_problem(self._leads_to("freeze"))
        said = self.say("freeze.on" if index in session.problem.frozen else "freeze.off",
                        weight=weight_name(session.problem, index))
        self.state = self.state.replace(session=session, playing=False, notice=said)

    def action_select(self, index: int) -> None:
        """A number key: the weight the chart follows; with several outputs, the output the
        chart and the worked step follow (the same key again: the next weight of its row)."""
        self.state = self.state.replace(selected=selected_by_key(self.state, index))

    def action_language(self) -> None:
        self.state = self.state.replace(language=following(self.state.language, self.ascii_only))

    def action_export(self) -> None:
        from ..files import exports

        try:
            self.note_state()
            path, rows = exports.export_log(self.journal, export_folder(), self.owner)
        except OSError as error:
            return self.refuse(self.say("export_failed", reason=error.strerror or str(error)))
        self.state = self.state.replace(notice=self.fitted_path_notice("exported", path, rows=rows))

    def fitted_path_notice(self, key: str, path: Path, **values: object) -> str:
        """The notice `key` naming `path`: the file's name whole, which is what the student
        looks for, and its folder whole where the notice's rows (MOST_ROWS, wrapped) hold it;
        only a folder too long for them is shortened, its end kept behind "…". Cut to one
        row, a Chinese notice showed "…/walk4-zh" and the student could not tell where the
        file went."""
        columns = self.size.width - 1  # the notice line starts with a space
        folder, mark = str(path.parent), "..." if self.ascii_only else "…"

        def notice(shown: str) -> str:
            return self.say(key, name=path.name, folder=shown, **values)

        def fits(room: int) -> bool:
            return len(wrap(notice(end_of_path(folder, room, mark, os.sep)), columns)) <= MOST_ROWS

        if fits(width(folder)):
            return notice(folder)
        low, high = 4, width(folder)  # the most of the folder's end that still fits, at least 4 cells
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if fits(middle) else (low, middle - 1)
        return notice(end_of_path(folder, low, mark, os.sep))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(self.state))

    def action_quit(self) -> None:  # type: ignore[override]  # Textual runs sync and async actions alike
        self.save_session()
        self.exit(0)

