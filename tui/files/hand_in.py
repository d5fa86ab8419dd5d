"""Handing a session's log in to a teacher's folder that every student of the class can write.

The folder is shared, so another student may have planted a file or a symlink under the
name this student's log would take, hoping gradstep follows it (into the student's own
files) or overwrites a classmate's log. The file is therefore only ever created afresh
(O_CREAT|O_EXCL, which also refuses any symlink, dangling or not, and O_NOFOLLOW), and
relative to the folder opened once, so nothing can be swapped in on the way. The folder
is opened only as a place (O_PATH), not for reading: docs/teaching.md's hand-in folder lets the
class write and enter it but not list it (mode 3730), and opening it for reading is
refused there. A name that is taken gets a numbered suffix. It is made 0640 whatever the umask: the teacher's
group reads it (the folder is setgid, so the file takes the folder's group); nobody else.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ...core.journal import Entry, Journal
from ...core.progress import iso_utc, read_progress
from ...core.schema import entry_rows, write_rows
from ...core.session import Session
from .owner import Owner
from .pending import Pending
from .progress import read_own_progress, replace_progress

HAND_IN_MODE = 0o640
COPIES = 1000  # numbered names tried before giving up: ana-alpha.csv, ana-alpha-2.csv, ...
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def hand_in(rows: Iterable[dict[str, object]], lesson: str, folder: Path, owner: Owner) -> Path:
    """Write one lesson's rows into `folder` as `<user>-<session>-<lesson>.csv` (or the first
    free numbered name) and return its path; OSError if the folder cannot take it."""
    stem = owner.stem(lesson)
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
                    write_rows(rows, out)
            except BaseException:
                _remove_in(directory, folder, name)  # half a log would mislead the teacher
                raise
            return folder / name
        raise FileExistsError(f"{folder}: {COPIES} hand-ins named {stem} already")
    finally:
        if directory is not None:
            os.close(directory)


def hand_in_rows(rows: Iterable[dict[str, object]], folder: Path, owner: Owner) -> list[Path]:
    """Hand in a session's rows, a file a lesson in the order the lessons were first met."""
    lessons: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        lessons.setdefault(str(row.get("lesson")), []).append(row)
    return [hand_in(lesson_rows, lesson, folder, owner) for lesson, lesson_rows in lessons.items()]


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
    """The hand-in of one run of gradstep, and the progress the teacher's desk reads meanwhile.

    While the session runs, `keep` (at most once a second) appends what is new in the
    journal to the pending hand-in beside the save, and replaces the progress file; at the
    end, whichever way it comes (quit, hang-up, a closed browser tab, a crash), `finish`
    hands in every lesson the session opened, a file each, and marks the progress ended.
    Killed before that, the pending file is handed in by the next start (`complete_pending`).
    What became of it is kept, to be said once the screen has closed."""

    def __init__(self, folder: Path, owner: Owner, pending: Path | None = None) -> None:
        self.folder, self.owner = folder, owner
        self.pending = Pending(pending, folder, owner) if pending is not None else None
        self.done = False
        self.paths: list[Path] = []  # the files written, a lesson each
        self.error = ""  # why it could not be
        self.progress_error = ""  # why the progress file could not be kept (the hand-in goes on)
        self._kept = 0  # journal entries in the pending file

    def keep(self, journal: Journal, session: Session, last_key: float) -> None:
        """The journal so far onto disk: the pending hand-in, and the progress file."""
        if self.done:
            return
        if self.pending is not None:
            new = journal.entries[self._kept:]
            try:
                self.pending.append(self._rows(new))
                self._kept += len(new)
            except OSError:
                pass  # the state folder is full or gone: the hand-in at the end is made from memory
        self._progress(journal, session, last_key, ended=False)

    def finish(self, journal: Journal, session: Session, last_key: float) -> None:
        """Hand in every lesson the session did something in; once, whichever end comes first."""
        if self.done:
            return
        self.done = True
        try:
            for lesson in journal.lessons_opened:
                if not any(entry.lesson == lesson for entry in journal.entries):
                    continue  # opened and left with nothing done: a file of a header alone names no run
                entries = (entry for entry in journal.entries if entry.lesson == lesson)  # streamed, never all rows at once
                rows = self._rows(entries)
                self.paths.append(hand_in(rows, lesson, self.folder, self.owner))
        except OSError as error:
            self.error = f"{self.folder}: {error.strerror or error}"
            return  # the pending hand-in stays, for the next start to make
        if self.pending is not None:
            self.pending.remove()
        self._progress(journal, session, last_key, ended=True)

    def _rows(self, entries: Iterable[Entry]) -> Iterator[dict[str, object]]:
        owner = self.owner
        return entry_rows(entries, owner.user, owner.id, owner.session, owner.resumed)

    def _progress(self, journal: Journal, session: Session, last_key: float, ended: bool) -> None:
        record = journal.progress(session, self.owner.user, self.owner.session, last_key, time.time(), ended)
        try:
            replace_progress(self.folder, self.owner.stem(""), record)
            self.progress_error = ""
        except OSError as error:
            self.progress_error = f"{self.folder}: {error.strerror or error}"


def complete_pending(path: Path) -> tuple[Path, list[Path]] | None:
    """Hand in what a session killed before its end left beside its save (None if nothing
    was left): its folder and the files made there. OSError if the folder cannot take it
    (the pending hand-in then stays, to be tried again)."""
    left = Pending.read(path)
    if left is None:
        return None
    paths = hand_in_rows(left.rows, left.folder, left.owner)
    Pending.discard(path)
    text = read_own_progress(left.folder, left.progress)
    if text is not None:
        _mark_ended(left.folder, left.progress, text)
    return left.folder, paths


def _mark_ended(folder: Path, stem: str, text: str) -> None:
    """The progress file of the killed session, said to be ended now that its hand-in is complete."""
    if read_progress(text) is None:
        return
    record = json.loads(text) | {"ended": True, "updated": iso_utc(time.time())}
    try:
        replace_progress(folder, stem, record)
    except OSError:
        pass
