"""What the App's mixins (Keeping, Ending, KeysInTurn) use of the App they are mixed into.

GradstepApp is one class split by job into mixins. At run time a mixin's base is `object`
and the App supplies everything; to the type checker the base is an App[int] with the
App's own attributes declared below, so each use in a mixin is checked like one in the App.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.reactive import var

    from ...core.journal import Journal
    from ..files.hand_in import HandIn
    from ..files.owner import Owner
    from .state import AppState

    class AppPart(App[int]):
        state: var[AppState]  # the App's one source of truth
        hand_in: HandIn | None  # GradstepApp.__init__
        owner: Owner  # GradstepApp.__init__: whose session, and this run's id (kept in the save)
        journal: Journal  # Keeping.prepare_keeping
        last_key: float  # Keeping
        save_path: Path | None  # Ending.prepare_ending
        real: bool  # Ending
        ended: bool  # Ending

        def note_state(self) -> None: ...  # Keeping
else:
    AppPart = object
