"""A record's values as a row holds them, and the note a row carries where its run diverged.

What the app's own log needs of core.formats at every step, apart from it: the files'
writers and the text table are imported when a run is written out, not by every
student's process for its whole session. The rows of `gradstep run`, an export and a
hand-in are built from these.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from .divergence import Divergence
from .rules import Step

FIELD_COLUMNS = {"weights": "weight", "weights_after": "weight_after", "errors": "output_error"}  # record field -> column
_MOVES = {-1: "down", 0: "none", 1: "up"}
SKIPPED_FIELDS = ("predictions",)  # the cost is per rule, not per record: said in the summary


def as_row(step: Step) -> dict[str, Any]:
    """A record as named plain values: several weights as a list, one weight as a number
    (a matrix as a list of rows): Any, since which a field holds follows from its name."""
    row: dict[str, Any] = {}
    for field in dataclasses.fields(step):
        if field.name in SKIPPED_FIELDS:
            continue
        value = getattr(step, field.name)
        if isinstance(value, np.ndarray):
            value = value.tolist() if len(value) > 1 else float(value[0])
        elif field.name == "move":
            value = _MOVES[value]
        elif field.name != "iteration":
            value = float(value)
        row[FIELD_COLUMNS.get(field.name, field.name)] = value
    return row


def divergence_note(divergence: Divergence) -> str:
    """Where a run diverged, as a code for a file's reader (the words are the app's)."""
    how = "overflowed" if divergence.overflowed else "grew past the limit"
    return f"diverged at iteration {divergence.iteration}: {divergence.quantity} {how}"


def diverging_note(iteration: int) -> str:
    """Where a run whose rule diverges (r < -1) first showed it: its error above where it
    started. The room flags the student then; the hand-in's note marks the same row."""
    return f"diverging at iteration {iteration}: error above its start (r < -1)"


def marks_divergence(note: str) -> bool:
    """Whether a row's note says the run diverged there: began to (diverging_note) or blew up
    (divergence_note)."""
    return note.startswith(("diverging at iteration", "diverged at iteration"))


def ended_by_divergence(note: str) -> bool:
    """Whether a row's note says the run blew up there (overflowed or grew past the limit),
    rather than that it began to diverge."""
    return note.startswith("diverged at iteration")
