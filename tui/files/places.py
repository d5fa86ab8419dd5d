"""Where a student's work goes: the saved session and crash reports, and the exported log.

The first two live under the user's state folder, private to them: platformdirs knows each
system's (Linux $XDG_STATE_HOME/gradstep or ~/.local/state/gradstep, ignoring a relative
$XDG_STATE_HOME as the XDG spec says; macOS ~/Library/Application Support/gradstep;
Windows %LOCALAPPDATA%\\gradstep). An export is for the student to open, send or hand in,
so it goes where they are, not into that hidden folder.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path

from ...core.names import NAME_LENGTH, is_plain_name
from ...core.refusals import Refusal

SAVE_FILE = "session.json"
VIEW_SETTINGS = ("language", "view", "selected", "exact")  # how the session was looked at
HAND_IN_ENVIRONMENT = "GRADSTEP_HAND_IN"  # the hand-in folder, when --hand-in is not given
KEEP_EVERY = 1.0  # seconds: how far behind the disk may be, and how often the progress file changes


def session_name(text: str) -> str:
    """A name for one student's save on a shared login: letters (any script), digits, - and _.

    It becomes part of a file name, so nothing that could leave the folder is accepted.
    """
    if not is_plain_name(text):
        raise Refusal("session.bad_name", length=NAME_LENGTH, text=text)
    return text


def pending_path(save: Path) -> Path:
    """Beside the save `session-NAME.json`: `session-NAME.hand-in.jsonl`, the hand-in not
    made yet (files/pending.py)."""
    return save.with_name(f"{save.stem}.hand-in.jsonl")


def state_directory() -> Path:
    """The user's state folder for gradstep, as the system names it."""
    import platformdirs  # imported when a save is first needed: not by every headless command

    return Path(platformdirs.user_state_dir("gradstep", appauthor=False))


def save_path(name: str | None = None) -> Path:
    """The account's save, or one named session's (--session NAME) beside it."""
    return state_directory() / (SAVE_FILE if name is None else f"session-{name}.json")


def export_folder() -> Path:
    """Where the app's export (x) writes the log: the folder the student started gradstep in,
    the one their shell shows and a file manager opens."""
    return Path.cwd()


def previous_path(save: Path) -> Path:
    """Where a save goes when gradstep starts afresh over it: session.previous.json (a session
    name holds no dot, so it cannot be taken for another session's save)."""
    return save.with_suffix(".previous.json")


def write_crash_report(error: BaseException, folder: Path | None) -> Path:
    """Write the traceback of `error` to a new file in `folder` (else the temporary folder,
    or when `folder` cannot take it) and return its path; OSError if no folder can.

    A file that could not be written whole (a full disk) is removed, never left empty.
    """
    text = "".join(traceback.format_exception(error))
    name = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    folders = [folder] if folder is not None else []
    try:
        folders.append(Path(tempfile.gettempdir()))  # it writes a probe file, so a full disk fails it
    except OSError as failure:
        if not folders:
            raise failure from None
    for place in folders:
        path = place / name
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                    out.write(text)
            except BaseException:
                path.unlink(missing_ok=True)
                raise
            return path
        except OSError as failure:
            last = failure
    raise last
