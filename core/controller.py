"""What each key of the lesson would do now, or why it would do nothing: the policy, once.

A student's key can be refused for many reasons: the teacher locked it, predict mode is
on, the run diverged or holds the most iterations a run keeps, there is nothing to undo,
alpha is at the end of its ladder, the problem cannot take the other rule. Every front
end (the full-screen app, its key bar, line mode) asks `moves` and reads the answer; none
re-derives it, so they refuse the same keys for the same reasons. A refusal is a Refusal,
a catalogue key and its values; the words are the front end's.

A change of problem (alpha, the rule, a frozen weight) is decided by building the new
Problem, which is cheap and checks itself; the Session with its new run is built only
when the key is pressed, from the Problem kept here, so nothing is built twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .lessons import LOCKABLE, Lesson
from .limits import MAX_ITERATIONS, WEIGHT_KEYS
from .problem import Problem
from .record import Record
from .refusals import Refusal
from .session import Session

# The lesson's actions, as the app's bindings name them (`rate(1)` is alpha up). Keys that
# only change how the screen looks (the chart, the digits, the help, the export) are the
# lesson's business nowhere, and are not here.
RATE_UP, RATE_DOWN = "rate(1)", "rate(-1)"
ACTIONS = ("step", "back", "reset", RATE_UP, RATE_DOWN, "rule", "play", "predict", "lessons", "edit", "freeze",
           *(f"select({index})" for index in range(WEIGHT_KEYS)))

# The problem's fields a lock also holds when they are typed into the editor: the rule
# field would be a way round m's lock, alpha's and the step's a way round + and -.
LOCKED_FIELDS = {"method": "rule", "alpha": "rate", "step_amount": "rate"}


@dataclass(repr=False, frozen=True)
class Move(Record):
    """What one action would do now: refused (a Refusal saying why) or allowed; `problem`,
    for an allowed change of problem, the one it leads to. `offered` is False for a key
    that can never do anything in this problem (a weight key beyond its weights)."""

    refusal: Refusal | None = None
    problem: Problem | None = None
    offered: bool = True

    @property
    def allowed(self) -> bool:
        return self.offered and self.refusal is None


ALLOWED = Move()


def named(action: str, parameters: tuple[object, ...]) -> str:
    """An action and its parameters as ACTIONS names them, and a binding writes them: `rate(1)`."""
    return f"{action}({', '.join(map(repr, parameters))})" if parameters else action


def moves(session: Session, *, predicting: bool = False, playing: bool = False, followed: int = 0) -> "Moves":
    """Every action of ACTIONS and what it would do from `session`, in predict mode or not,
    playing or not, with the chart following weight `followed` (flat, from 0; z freezes it).

    The order of the checks within an action is the order of the reasons: a lock first
    (the teacher's word is what the student needs to hear), then what the run allows."""
    return Moves(session, predicting, playing, followed)


class Moves(Mapping[str, Move]):
    """The answer of `moves`: each action's Move is worked out when first asked for, then
    kept. Keys read together ask only for the one they press, of a state the screen never
    shows; the key bar asks for them all, of the state it paints."""

    def __init__(self, session: Session, predicting: bool, playing: bool, followed: int) -> None:
        self._facts = (session, predicting, playing, followed)
        self._known: dict[str, Move] = {}  # the answers asked for so far; every one is final

    def __getitem__(self, action: str) -> Move:
        if action not in self._known:
            if action not in ACTIONS:
                raise KeyError(action)
            self._known[action] = _move(self._facts[0], action, *self._facts[1:])
        return self._known[action]

    def __iter__(self) -> Iterator[str]:
        return iter(ACTIONS)

    def __len__(self) -> int:
        return len(ACTIONS)


def _move(session: Session, action: str, predicting: bool, playing: bool, followed: int) -> Move:
    try:
        return _allowed(session, action, predicting, playing, followed)
    except Refusal as refusal:
        # Kept without its traceback: the Move keeps only the reason. The traceback held
        # every frame up to the event loop, the key bar's whole binding map among them, in
        # a cycle with this frame; the garbage of each step then waited for the
        # collector's rare full pass (some 0.4 MB more in each student's process).
        return Move(refusal=refusal.with_traceback(None))


def _allowed(session: Session, action: str, predicting: bool, playing: bool, followed: int) -> Move:
    """`action`'s Move if it is allowed; raises the Refusal that says why not."""
    name = action.partition("(")[0]
    if name in LOCKABLE:
        session.lesson.check_unlocked(name)
    if name == "select":
        problem, index = session.problem, int(action[len("select("):-1])
        return Move(offered=index < (problem.outputs if problem.outputs > 1 else problem.size))
    if action in (RATE_UP, RATE_DOWN):
        return Move(problem=session.rated(1 if action == RATE_UP else -1))
    if action == "rule":
        return Move(problem=session.other_rule())
    if action == "freeze":
        return Move(problem=session.frozen_toggled(followed))
    if action == "step":
        check_step(session)
    elif action == "back":
        session.check_step_back()
        if not session.can_step_back:
            raise Refusal("nothing_to_undo")
    elif action == "play":
        if predicting:
            raise Refusal("predict.no_play")
        if not playing and (ending := play_ends(session)) is not None:
            raise ending
    return ALLOWED


def check_step(session: Session) -> None:
    """Refuse a step where the run can take none: it holds the most iterations a run keeps,
    or it has diverged."""
    if not session.history.can_step:
        raise longest(session) or Refusal("cannot_step")


def longest(session: Session) -> Refusal | None:
    """Where the run cannot step because it holds the most iterations a run keeps, the
    refusal that says so (a diverged run is said by its banner)."""
    return Refusal("run.longest", limit=MAX_ITERATIONS) if session.history.iteration >= MAX_ITERATIONS else None


def play_ends(session: Session) -> Refusal | None:
    """Why play cannot go on from `session`, or None: the run cannot step, or nothing more
    can happen (the error is 0, or the weights no longer change)."""
    history = session.history
    if not history.can_step:
        return longest(session) or Refusal("play.diverged")
    still = history.landmarks.still_from
    if still is None:
        return None
    return Refusal("play.landed" if history.errors[still] == 0 else "play.still", iteration=still)


def check_edit(lesson: Lesson, before: Problem, after: Problem) -> None:
    """Refuse an edit from `before` to `after` that changes a field `lesson` has locked the
    key for (lesson 2 locks m: gradient descent, r and alpha are lesson 3's), naming the field."""
    for field, action in LOCKED_FIELDS.items():
        if getattr(after, field) != getattr(before, field):
            try:
                lesson.check_unlocked(action)
            except Refusal as refusal:
                raise refusal.at(field=field) from None
