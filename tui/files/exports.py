"""Saving the iteration log as CSV, with every float exact, to a file the student can find."""

import time
from pathlib import Path

from ...core.formats import write_csv
from ...core.session import Session
from .places import SESSION_NAME_LENGTH, in_a_file_name


def export_log(session: Session, folder: Path) -> Path:
    """Write the session's log to a new CSV file in `folder` and return its path.

    The name carries the lesson and the time, and an existing file is never overwritten.
    """
    history = session.history
    stem = f"gradstep-{file_name_part(session.lesson.name)}-{time.strftime('%Y%m%d-%H%M%S')}"
    items = [*history.records()]
    if history.divergence is not None:
        items.append(history.divergence)
    for attempt in range(100):
        path = folder / (f"{stem}.csv" if attempt == 0 else f"{stem}-{attempt}.csv")
        try:
            with path.open("x", encoding="utf-8", newline="") as out:
                write_csv(items, history.problem, out)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"too many exports named {stem}")


def file_name_part(name: str) -> str:
    """A lesson's name as part of a file name: a teacher's may hold a / or .. (and a log
    named after it must stay in its folder), so what a file name may not hold becomes _."""
    return "".join(char if in_a_file_name(char) else "_" for char in name)[:SESSION_NAME_LENGTH]
