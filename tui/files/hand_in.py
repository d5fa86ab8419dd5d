"""Handing a session's log in to a teacher's folder that every student of the class can write.

The folder is shared, so another student may have planted a file or a symlink under the
name this student's log would take, hoping gradstep follows it (into the student's own
files) or overwrites a classmate's log. The file is therefore only ever created afresh
(O_CREAT|O_EXCL, which also refuses any symlink, dangling or not, and O_NOFOLLOW), and
relative to the folder opened once, so nothing can be swapped in on the way. The folder
is opened only as a place (O_PATH), not for reading: README's classroom folder lets the
class write and enter it but not list it (mode 3730), and opening it for reading is
refused there. A name that is taken gets a numbered suffix. It is made 0640 whatever the umask: the teacher's
group reads it (the folder is setgid, so the file takes the folder's group); nobody else.
"""

import os
from pathlib import Path

from ...core.session import Session
from .exports import write_log
from .owner import Owner

HAND_IN_MODE = 0o640
COPIES = 1000  # numbered names tried before giving up: ana-alpha.csv, ana-alpha-2.csv, ...
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
ENVIRONMENT = "GRADSTEP_HAND_IN"  # the folder, when --hand-in is not given


def hand_in(session: Session, folder: Path, owner: Owner) -> Path:
    """Write the session's log into `folder` as `<user>-<session>-<lesson>.csv` (or the first
    free numbered name) and return its path; OSError if the folder cannot take it."""
    stem = owner.stem(session.lesson.name)
    directory = _open_folder(folder)
    try:
        for copy in range(1, COPIES + 1):
            name = f"{stem}.csv" if copy == 1 else f"{stem}-{copy}.csv"
            try:
                descriptor = _open_in(directory, folder, name)
            except FileExistsError:
                continue
            try:
                if hasattr(os, "fchmod"):  # not on Windows, which has no group to read it
                    os.fchmod(descriptor, HAND_IN_MODE)  # the umask may have taken the group's read
                with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as out:
                    write_log(session, owner, out)
            except BaseException:
                _remove_in(directory, folder, name)  # half a log would mislead the teacher
                raise
            return folder / name
        raise FileExistsError(f"{folder}: {COPIES} hand-ins named {stem} already")
    finally:
        if directory is not None:
            os.close(directory)


def _open_folder(folder: Path) -> int | None:
    """A descriptor of `folder` to create the file in, or None where there can be none.

    Linux's O_PATH needs no right on the folder itself, so a folder the class may enter but
    not list still gives one. Elsewhere the folder is opened for reading; where that is
    refused (a 3730 folder), or descriptors of folders are not supported (Windows), the
    file is created by its path, still O_EXCL|O_NOFOLLOW: only the folder's own path, which
    belongs to the teacher, is then looked up a second time.
    """
    if os.open not in os.supports_dir_fd:
        return None
    try:
        return os.open(folder, getattr(os, "O_PATH", os.O_RDONLY) | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        return None


def _open_in(directory: int | None, folder: Path, name: str) -> int:
    if directory is not None:
        return os.open(name, _CREATE, HAND_IN_MODE, dir_fd=directory)
    return os.open(folder / name, _CREATE, HAND_IN_MODE)  # Windows: no folder descriptors


def _remove_in(directory: int | None, folder: Path, name: str) -> None:
    try:
        if directory is not None:
            os.unlink(name, dir_fd=directory)
        else:
            os.unlink(folder / name)
    except OSError:
        pass


class HandIn:
    """The hand-in of one run of gradstep: written once, at its end, whichever way it ends
    (quit, hang-up, a closed browser tab, a crash); what became of it is kept to be said
    once the screen has closed. A run where no step was taken hands nothing in."""

    def __init__(self, folder: Path, owner: Owner) -> None:
        self.folder, self.owner = folder, owner
        self.done = False
        self.path: Path | None = None  # the file written
        self.error = ""  # why it could not be

    def __call__(self, session: Session) -> None:
        if self.done:
            return
        self.done = True
        if session.history.iteration == 0:
            return
        try:
            self.path = hand_in(session, self.folder, self.owner)
        except OSError as error:
            self.error = f"{self.folder}: {error.strerror or error}"
