"""The one value the whole screen is drawn from.

The App holds a single reactive AppState; every panel is handed it and redraws from
it alone. An action builds a new AppState (they are immutable), so Textual sees a
change, and anything the screen shows can be rebuilt, saved or compared.
"""

import dataclasses
from dataclasses import dataclass

from ...core.session import Session

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)  # steps a second when playing
WEIGHT_VIEW, ITERATION_VIEW = "weight", "iteration"


@dataclass(frozen=True, eq=False)  # eq=False: compared by identity, every new state redraws
class AppState:
    """The session and how it is being looked at."""

    session: Session
    language: str = "en"  # "en" or "zh"
    view: str = WEIGHT_VIEW  # the chart: error vs weight, or error vs iteration
    selected: int = 0  # the weight the chart's curve runs along
    exact: bool = False  # the log shows every digit instead of 6 significant ones
    playing: bool = False
    speed: float = 2.0  # steps a second when playing, one of SPEEDS
    notice: str = ""  # the last message for the student: a refused key, a saved file
    page: int = 0  # the lesson panel's page, when its words take more than one
    predicting: bool = False  # predict mode: each step first asks for the student's guess

    def replace(self, **changes) -> "AppState":
        """A copy with `changes`; the notice clears and the lesson panel goes back to its
        first page unless they are given (anything new to read starts at the top)."""
        return dataclasses.replace(self, **{"notice": "", "page": 0, **changes})
