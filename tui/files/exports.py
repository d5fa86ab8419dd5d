"""Saving the iteration log as CSV, with every float exact, to a file the student can find.

Every row names whose log it is (the login and the session), the lesson and the problem,
so a file found later, or handed in among thirty others, still says what it is.
"""

import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ...core.formats import About, Row, rows, write_csv
from ...core.names import plain_name
from ...core.session import Session
from .owner import Owner


def session_rows(session: Session, owner: Owner) -> Iterator[Row]:
    """The session's log as export rows: a row a step with the student's guess at it, a row
    a question answered, the divergence noted on the last step."""
    history = session.history
    items = [*history.records(), *([history.divergence] if history.divergence is not None else [])]
    guesses = {guess.iteration: guess for guess in session.guesses}

    def guessed(step) -> dict[str, object]:
        guess = guesses.get(step.iteration)
        if guess is None:
            return {}
        return {"guess": guess.value, "guess_result": {True: "right", False: "wrong", None: "skipped"}[guess.right]}

    return rows(items, About(session.lesson.name, history.problem, owner.user, owner.session), guessed,
                session.answers)


def write_log(session: Session, owner: Owner, out: IO[str]) -> None:
    write_csv(session_rows(session, owner), session.history.problem, out)


def export_log(session: Session, folder: Path, owner: Owner) -> Path:
    """Write the session's log to a new CSV file in `folder` and return its path.

    The name carries the session, the lesson and the time, and an existing file is never
    overwritten.
    """
    parts = [plain_name(part) for part in (owner.session, session.lesson.name) if part]
    stem = "-".join(["gradstep", *parts, time.strftime("%Y%m%d-%H%M%S")])
    for attempt in range(100):
        path = folder / (f"{stem}.csv" if attempt == 0 else f"{stem}-{attempt}.csv")
        try:
            with path.open("x", encoding="utf-8", newline="") as out:
                write_log(session, owner, out)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"too many exports named {stem}")

