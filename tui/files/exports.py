"""Saving the session's log as CSV (x), with every float exact, to a file the student can find.

The export is what a hand-in is: every step, guess and answer of every lesson of the
session so far, in the one schema of core.schema, each row naming whose it is (the login
and the session), so a file found later, or handed in among thirty others, says what it is.
"""

from __future__ import annotations

import time
from pathlib import Path

from ...core.journal import Journal
from ...core.names import plain_name
from ...core.schema import entry_rows, write_rows
from .owner import Owner


def export_log(journal: Journal, folder: Path, owner: Owner) -> tuple[Path, int]:
    """Write the journal to a new CSV file in `folder`; its path, and how many rows it holds
    (the message says so: a student who pressed x expected the iteration log of the lesson
    on screen, and found 225 rows of every lesson, guesses and answers).

    The name says what the file holds, the log of every lesson of the session, then the
    session and the time; an existing file is never overwritten. It carried the lesson
    open at the export ("gradstep-weight-matrix-....csv"), which read as that lesson's
    log alone.
    """
    parts = [plain_name(owner.session)] if owner.session else []
    stem = "-".join(["gradstep-log", *parts, time.strftime("%Y%m%d-%H%M%S")])
    for attempt in range(100):
        path = folder / (f"{stem}.csv" if attempt == 0 else f"{stem}-{attempt}.csv")
        try:
            with path.open("x", encoding="utf-8", newline="") as out:
                rows = write_rows(entry_rows(journal.entries, owner.user, owner.id, owner.session, owner.resumed), out)
            return path, rows
        except FileExistsError:
            continue
    raise FileExistsError(f"too many exports named {stem}")
