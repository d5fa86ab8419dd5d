"""The one value the whole screen is drawn from.

The App holds a single reactive AppState; every panel is handed it and redraws from
it alone. An action builds a new AppState (they are immutable), so Textual sees a
change, and anything the screen shows can be rebuilt, saved or compared.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from ...core.controller import Move, moves
from ...core.lessons import LANGUAGES
from ...core.limits import MAX_OUTPUTS, MAX_WEIGHTS
from ...core.record import Record
from ...core.saving import CorruptSave
from ...core.session import Session
from ..files.owner import COURSE, HAND_IN, ID_BYTES, RUN

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)  # steps a second when playing
WEIGHT_VIEW, ITERATION_VIEW = "weight", "iteration"


@dataclass(repr=False, frozen=True, eq=False)  # eq=False: compared by identity, every new state redraws
class AppState(Record):
    """The session and how it is being looked at."""

    session: Session
    language: str = "en"  # "en" or "zh"
    view: str = WEIGHT_VIEW  # the chart: error vs weight, or error vs iteration
    selected: int = 0  # the weight the chart's curve runs along (flat: row by row with several outputs)
    exact: bool = False  # the log shows every digit instead of SHOWN_DIGITS significant ones
    playing: bool = False
    speed: float = 2.0  # steps a second when playing, one of SPEEDS
    notice: str = ""  # the last message for the student: a refused key, a saved file
    page: int = 0  # the lesson panel's page, when its words take more than one
    predicting: bool = False  # predict mode: each step first asks for the student's guess

    @property
    def followed(self) -> int:
        """The weight (flat, from 0) the chart's curve runs along: the one selected, within
        the problem on screen (an edit may have left fewer weights)."""
        return min(self.selected, self.session.problem.size - 1)

    @property
    def output(self) -> int:
        """The output the chart and the worked step follow: the followed weight's row."""
        return self.followed // len(self.session.problem.inputs)

    @cached_property
    def moves(self) -> Mapping[str, Move]:
        """What each key of the lesson would do in this state, or why not (core/controller.py):
        worked out once per state, however often Textual and the key bar ask (a key press
        reads every binding's check_action several times)."""
        return moves(self.session, predicting=self.predicting, playing=self.playing, followed=self.followed)

    def replace(self, **changes) -> "AppState":
        """A copy with `changes`; the notice clears and the lesson panel goes back to its
        first page unless they are given (anything new to read starts at the top). A session
        of another lesson (the list, or b back over a change of lesson) brings that lesson's
        predict mode (Lesson.predicting_from)."""
        session = changes.get("session", self.session)
        if session.lesson is not self.session.lesson and session.lesson != self.session.lesson \
                and "predicting" not in changes:
            changes["predicting"] = session.lesson.predicting_from(self.session.lesson, self.predicting)
        return dataclasses.replace(self, **{"notice": "", "page": 0, **changes})


def checked_view(view: dict) -> dict:
    """A save's view settings, each one the app could have written; CorruptSave naming the
    first that is not (a save that says `language = "xx"` is set aside, not obeyed)."""
    choices = {"language": LANGUAGES, "view": (WEIGHT_VIEW, ITERATION_VIEW)}
    for key, value in view.items():
        if key in choices:
            fits = type(value) is str and value in choices[key]
        elif key == "selected":
            fits = type(value) is int and 0 <= value < MAX_WEIGHTS * MAX_OUTPUTS
        elif key == "exact":
            fits = type(value) is bool
        elif key == RUN:  # the run that wrote the save: it goes into the next run's rows, so 16 hex digits only
            fits = type(value) is str and len(value) == 2 * ID_BYTES and all(c in "0123456789abcdef" for c in value)
        elif key in (HAND_IN, COURSE):  # folders the run was given: a resume carries on with them
            fits = type(value) is str and os.path.isabs(value) and "\0" not in value
        else:
            fits = True  # a setting of a later gradstep: not read
        if not fits:
            raise CorruptSave("save.bad_view", setting=key)
    return view


def selected_by_key(state: AppState, index: int) -> int:
    """The weight a number key (index from 0) selects: that weight; or, with several outputs,
    output `index`'s row, at the same place in it, or at the next place if that output
    is already the one followed (so a matrix's every weight is a digit or two away)."""
    problem = state.session.problem
    if problem.outputs == 1:
        return index
    n = len(problem.inputs)
    row, column = divmod(state.followed, n)
    if row == index:
        column = (column + 1) % n
    return index * n + column
