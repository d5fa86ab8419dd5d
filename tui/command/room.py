"""`gradstep class DIR` over the sessions still running: the room at a glance.

Sessions started with --hand-in keep a progress file in the folder as they step. Printed
once, the table says where each student is, when they last pressed a key, and who needs
the teacher (flags); with --roster, who has not started; then how each question went.
With --watch the same table is a full-screen view that follows the class live
(tui/app/room/), for as long as the teacher keeps it open.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from ...core.outside import read_text
from ...core.refusals import Refusal
from ...core.room import ACCOUNT, missing, question_figures, rows
from ..files.progress_folder import Look
from ..words.room import (
    QUESTION_COLUMNS,
    QUESTION_WIDEST,
    STUDENT_WIDEST,
    any_sessions,
    fitted,
    outside,
    question_cells,
    question_headings,
    student_cells,
    student_columns,
    student_headings,
)
from ..words.say import say
from .environment import forget_output, is_tty, output_gone

ROSTER_LARGEST = 64 * 1024  # bytes: a class list of some thousands of accounts


def roster_accounts(text: str) -> list[str]:
    """--roster FILE: the accounts it lists, one a line (blank lines and # comments left out);
    a Refusal if it cannot be read."""
    path = Path(text)
    try:
        content = read_text(path, ROSTER_LARGEST, follow_links=True)
    except OSError as error:
        raise Refusal("room.roster_unreadable", path=text, reason=error.strerror or str(error)) from None
    except Refusal as refusal:
        raise Refusal("room.roster_unreadable", path=text, reason=refusal) from None
    return [line.strip() for line in content.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def idle_minutes(text: str) -> float:
    """--idle MINUTES, as seconds."""
    try:
        minutes = float(text)
    except ValueError:
        minutes = float("nan")
    if not 0 < minutes < 10**6:  # also refuses nan
        raise Refusal("room.idle_minutes")
    return minutes * 60


def printed(look: Look, roster: list[str] | None, idle_limit: float, language: str, ascii_only: bool,
            now: float | None = None, evidence: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The room as lines printed once: the students with the time of their last key, those
    of the roster not started, how each question went, and the files passed over."""
    now = time.time() if now is None else now
    mark = "..." if ascii_only else "…"
    lines = []
    table = rows(look.seen, now, ACCOUNT, idle_limit, look.runs or None, evidence)
    columns = student_columns(with_time=True, sessions=any_sessions(table))
    cells = [student_headings(language, columns)] + [student_cells(row, language, columns) for row in table]
    width = shutil.get_terminal_size().columns if is_tty(sys.stdout) else None  # into a file: nothing cut
    lines += fitted(cells, STUDENT_WIDEST, columns, width, mark)
    if roster is not None:
        absent = missing(roster, look.seen)
        lines.append(say(language, "room.not_started", count=len(absent),
                         accounts=say(language, "sep.list").join(outside(account) for account in absent) or "-"))
    figures = question_figures(look.runs or look.seen)
    if figures:
        lines.append("")
        lines += fitted([question_headings(language)] + [question_cells(one, language) for one in figures],
                        QUESTION_WIDEST, QUESTION_COLUMNS, width, mark)
    for name, key in look.problems:
        lines.append(say(language, "command.error", prog=outside(name), message=say(language, key)))
    return lines


def watch(folder: Path, roster: list[str] | None, idle_limit: float, language: str, ascii_only: bool,
          theme: str | None = None) -> int:
    """The room live, full screen, until the teacher presses q (in `theme`, --theme's: a
    projector in a bright room wants a light one); the exit status."""
    from ..app.room import RoomApp  # Textual loads here, and only here
    from ..files.progress_folder import ProgressFolder
    from ..files.records import open_records

    records, _ = open_records(folder)  # `gradstep class DIR` says why, where it cannot be kept
    app = RoomApp(ProgressFolder(folder), roster, idle_limit, language, ascii_only, records=records, theme=theme)
    app.run()
    if output_gone(sys.stdout):  # the terminal went away: Python's last flush would fail (status 120)
        forget_output(sys.stdout, sys.stderr)
    return app.return_code or 0
