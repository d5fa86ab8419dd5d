"""The app and line mode refuse the same keys, for the same reasons, in the same states.

Both read one answer (core/controller.py); when each wrote its own refusals, line mode
said "(already at the start)" where the app said there was nothing to go back to, named
the rule's field "method" where the app says "rule", and asked for a guess at a step it
then refused. Each state below is set on one mounted app (check_action, why_not) and given
to line mode (the command typed, what it prints): a key is refused in both or in neither,
and the sentence is the same. In CI, hypothesis also walks any commands from any lesson,
some keys locked, and compares at every state on the way.
"""

import dataclasses
import io
import re

import pytest
from gradstep.core.controller import moves
from gradstep.core.courses import course, find_lesson
from gradstep.core.history import History, Trajectory
from gradstep.core.limits import LARGEST_RATE, MAX_ITERATIONS, SMALLEST_RATE
from gradstep.core.problem import Problem
from gradstep.core.refusals import Refusal
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.state import AppState
from gradstep.tui.plain.lines import COMMANDS, Lines
from hypothesis import given, settings
from hypothesis import strategies as st

from ..helpers import SIZE

# The app's action and its parameters, and line mode's command for it (z N: the followed weight, from 1).
KEYS = {("step", ()): "n", ("back", ()): "b", ("reset", ()): "0", ("rate", (1,)): "+", ("rate", (-1,)): "-",
        ("rule", ()): "m", ("lessons", ()): "l 1", ("predict", ()): "t", ("freeze", ()): "z {weight}"}
session_init = Session.__init__
LOCKABLE_NOW = ("edit", "rule", "rate", "lessons", "predict")


def lesson(name: str, /, **changes) -> object:
    """Course lesson `name` without its questions (they would take the keys), with `changes`."""
    return dataclasses.replace(find_lesson(name), questions=(), **changes)


def teachers(name: str, /, **rules) -> object:
    """Course lesson `name` as a teacher's file (its locks said to be the teacher's)."""
    return lesson(name, name="mine", source="mine.toml", **rules)


def at(session: Session, iteration: int) -> Session:
    return dataclasses.replace(session, history=session.history.jump(iteration))


def rated(session: Session, **rates: float) -> Session:
    return session.with_problem(session.problem.replace(**rates))


def at_the_limit() -> Session:
    """A run that holds the most iterations a run keeps, stored at once (stepping there takes seconds)."""
    problem = Problem(weights=(0.5,), inputs=(1.0,), goal=0.5)
    trajectory = Trajectory(problem)
    trajectory.store([[0.5]] * (MAX_ITERATIONS + 1), [0.5] * MAX_ITERATIONS, [0.0] * MAX_ITERATIONS)
    return dataclasses.replace(Session.begin(lesson("alpha")).with_problem(problem), history=History(trajectory, MAX_ITERATIONS))


def every_lesson() -> dict[str, tuple[Session, bool, int]]:
    """Each course lesson at its start, after steps, and predicting."""
    found: dict[str, tuple[Session, bool, int]] = {}
    for one in course():
        start = Session.begin(dataclasses.replace(one, questions=()))
        found[f"{one.name} at 0"] = (start, False, 0)
        found[f"{one.name} after 3"] = (at(start, 3), False, 0)
        found[f"{one.name} predicting"] = (at(start, 2), True, 0)
    return found


def telling() -> dict[str, tuple[Session, bool, int]]:
    """States where a key is refused, by name: (session, predict mode, the weight followed from 0)."""
    found: dict[str, tuple[Session, bool, int]] = {}
    found["at the start"] = (Session.begin(lesson("alpha")), False, 0)
    found["measuring"] = (at(Session.begin(lesson("measure-error")), 2), False, 0)
    for rule in LOCKABLE_NOW:
        found[f"locked {rule}"] = (at(Session.begin(teachers("alpha", locked=(rule,))), 1), False, 0)
    found["locked everything, predicting"] = (Session.begin(teachers("multi-weight", locked=LOCKABLE_NOW)), True, 1)
    diverged = at(Session.begin(lesson("divergence")), 1000)
    assert not diverged.history.can_step
    found["diverged"] = (diverged, False, 0)
    found["diverged, predicting"] = (diverged, True, 0)
    found["the most iterations a run keeps"] = (at_the_limit(), False, 0)
    found["alpha at its largest"] = (rated(Session.begin(lesson("alpha")), alpha=LARGEST_RATE), False, 0)
    found["alpha at its smallest"] = (rated(Session.begin(lesson("alpha")), alpha=SMALLEST_RATE), False, 0)
    found["hot and cold's step at its largest"] = (rated(Session.begin(lesson("hot-cold")), step_amount=LARGEST_RATE),
                                                   False, 0)
    several = Session.begin(lesson("multi-weight"))
    for weight in range(several.problem.size):
        found[f"several weights, following weight {weight + 1}"] = (at(several, 2), False, weight)
    frozen = several.with_frozen_toggled(1)
    found["a frozen weight, followed"] = (frozen, False, 1)
    found["a frozen weight, another followed"] = (at(frozen, 4), True, 2)
    found["a changed alpha, at 0"] = (several.with_rate(1), False, 0)
    locked_list = Session.begin(lesson("alpha")).with_lesson(teachers("multi-weight", locked=("lessons",)))
    found["back over a change into a locked lesson list"] = (locked_list, False, 0)
    found["back over a change within it"] = (locked_list.with_rate(1), False, 0)
    return found


def line_mode_says(session: Session, predicting: bool, command: str, language: str) -> str | None:
    """What line mode says to `command` typed in this state if it refuses it (its words
    unwrapped, as the app's are compared); None if it does it. A guess, if one is asked, is skipped with Enter; the input
    ends at the next command's prompt."""
    out = io.StringIO()
    lines = Lines(session, language, io.StringIO(command + "\n\n"), out, lambda changed: None, course())
    lines.predicting = predicting
    read, prompts = lines.read, []

    def one_command(prompt: str) -> str | None:
        prompts.append(prompt)
        return None if prompts.count("> ") > 1 else read(prompt)

    lines.read = one_command
    lines.run()
    if lines.session is not session or lines.predicting != predicting:
        return None
    return unwrapped(out.getvalue().split("> ")[-1])  # after the command's prompt


def unwrapped(text: str) -> str:
    """`text`'s lines as one line: the words a space apart, as wrapping found them, but two
    Chinese characters a line broke between ("第 3 课" / "学") joined, as they were written.
    So words that differ only in their spacing still differ."""
    return BETWEEN_CHINESE.sub("", " ".join(text.split()))


BETWEEN_CHINESE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")


def differences(app: GradstepApp, name: str, session: Session, predicting: bool, followed: int,
                language: str) -> list[str]:
    """Each key the mounted `app` and line mode answer differently in this state, said."""
    app.state = AppState(session, language=language, predicting=predicting, selected=followed)
    found = []
    for (action, parameters), command in KEYS.items():
        enabled = app.check_action(action, parameters)
        app_says = app.why_not(action, parameters)
        assert (enabled is None) == (app_says is not None), (name, action, enabled, app_says)
        app_says = app_says and unwrapped(app_says)
        command = command.format(weight=followed + 1)
        lines_say = line_mode_says(session, predicting, command, language)
        if app_says != lines_say:
            found.append(f"{name}: {command!r}: app {app_says!r}, line mode {lines_say!r}")
    return found


@pytest.mark.slow  # beside the everyday lock (test_teacher's locked key): in CI
@pytest.mark.parametrize(("states", "language"), [(telling, "en"), (every_lesson, "en"), (telling, "zh")])
async def test_the_app_and_line_mode_refuse_the_same_keys_for_the_same_reasons(states, language):
    app = GradstepApp(Session.begin(lesson("alpha")))
    found = []
    async with app.run_test(size=SIZE):
        for name, (session, predicting, followed) in states().items():
            found += differences(app, name, session, predicting, followed, language)
    assert not found, "\n".join(found)


WALK = ["n", "n", "n", "b", "0", "+", "-", "m", "t", "z 1", "z 2", "z 3", "l 1", "l 6", "l 7", "l 10"]


@pytest.mark.slow  # a walk of the whole policy: in CI
@settings(max_examples=30, deadline=None)
@given(first=st.sampled_from(course()), locked=st.lists(st.sampled_from(LOCKABLE_NOW), unique=True),
       walk=st.lists(st.sampled_from(WALK), max_size=10), followed=st.integers(0, 2),
       language=st.sampled_from(["en", "zh"]))
async def test_along_any_walk_the_app_and_line_mode_refuse_alike(first, locked, walk, followed, language):
    """Commands in any order from any lesson, some of its keys locked by its teacher: at every
    state on the way the app and line mode refuse the same keys for the same reasons."""
    start = Session.begin(dataclasses.replace(first, questions=(), source="mine.toml", locked=tuple(locked)))
    unasked = tuple(dataclasses.replace(one, questions=()) for one in course())  # a question would take the keys
    walker = Lines(start, language, io.StringIO("\n" * len(walk)), io.StringIO(), lambda changed: None, unasked)
    app = GradstepApp(start)
    found = []
    async with app.run_test(size=SIZE):
        for command in walk:
            word, _, rest = command.partition(" ")
            try:
                session = walker.apply(COMMANDS[word], rest)
            except Refusal:
                continue
            if session is not None:
                walker.change(session)
            session = walker.session
            found += differences(app, f"after {command!r}", session, walker.predicting,
                                 min(followed, session.problem.size - 1), language)
    assert not found, "\n".join(found)


async def test_a_key_press_works_the_policy_out_once_and_builds_no_session_to_see(monkeypatch):
    """Textual asks check_action of every binding each time the keys are read (the key bar
    reads them at every paint): the answers come from one computation per state, and no
    Session is built to see whether building it would be refused."""
    from gradstep.tui.app import state

    worked_out, built = [], []
    monkeypatch.setattr(state, "moves", lambda *args, **kwargs: worked_out.append(1) or moves(*args, **kwargs))
    monkeypatch.setattr(Session, "__init__", lambda self, *args, **kwargs: built.append(1) or session_init(self, *args, **kwargs))
    app = GradstepApp(Session.begin(lesson("multi-weight")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        worked_out.clear(), built.clear()
        await pilot.press("space")
        await pilot.pause()
        assert app.state.session.history.iteration == 1
        assert len(worked_out) == 1  # the new state's
        assert len(built) == 1  # the step's own
