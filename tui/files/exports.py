"""Saving the iteration log as CSV, with every float exact, to a file the student can find."""

import time
from pathlib import Path

from ...core.formats import write_csv
from ...core.session import Session


def export_log(session: Session, folder: Path) -> Path:
    """Write the session's log to a new CSV file in `folder` and return its path.

    The name carries the lesson and the time, and an existing file is never overwritten.
    """
    history = session.history
    stem = f"gradstep-{session.lesson.name}-{time.strftime('%Y%m%d-%H%M%S')}"
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
