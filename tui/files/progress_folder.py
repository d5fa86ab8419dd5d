"""Reading a class's progress files as they change, from a folder the lab machines share.

Every run of a student's session rewrites `<user>-<session>-<id>.progress.json` in the
hand-in folder as they step (the id is the run's, random); a student's runs of one session
are one row, the latest (core.room.latest). The teacher's watcher looks again every half second: inotify says nothing
about a file another machine changed over NFS, so it polls. Each file is opened afresh
on every look, which on NFS makes the client ask the server whether it changed
(close-to-open), where a bare stat() may answer from a cache a minute old; only a file
whose size, time or inode changed is read and parsed again.

The folder is every student's to write, so a file is data that may be hostile (as in
`gradstep class`): never followed through a symlink, read only if regular and small,
its student the account that owns it. It may also be caught half-written, or gone
between the listing and the open: then the last good reading stands, or the student's
row goes, and the next look tries again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...core.progress import SUFFIX, parse_time, read_progress
from ...core.record import Record
from ...core.room import Seen, latest

LARGEST = 2**20  # bytes: a progress record is a few KB; past this it is not one
MOST_A_STUDENT = 1000  # files of one account read: a lab sharing one login (--session) fits; a flood does not
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(repr=False, frozen=True)
class Look(Record):
    """What one look at the folder found: every student's last good record, and the files
    that could not be read this time with a catalogue key saying why."""

    seen: tuple[Seen, ...]
    problems: tuple[tuple[str, str], ...]  # (file name, catalogue key)
    unreadable_folder: str | None = None  # why the folder itself could not be listed
    runs: tuple[Seen, ...] = ()  # every run read, `seen`'s earlier ones too: a row adds them all up


class ProgressFolder:
    """The progress files of `folder`, read again only where they changed.

    `owner` names the student from the file's status (the account owning it); tests,
    which cannot give files to other accounts, name them otherwise.
    """

    def __init__(self, folder: Path, owner: Callable[[os.stat_result, str], str] | None = None) -> None:
        self.folder = folder
        self.owner = owner or owner_account
        # name: (signature, reading); a signature of None has the file read again next time
        self._known: dict[str, tuple[tuple[int, int, int] | None, Seen]] = {}

    def look(self) -> Look:
        """List the folder and read what changed since the last look."""
        try:
            with os.scandir(self.folder) as listing:
                listed = [entry for entry in listing if entry.name.endswith(SUFFIX)]
        except OSError as error:  # the share went away for a moment: the last look stands
            runs = tuple(seen for _, seen in self._known.values())
            return Look(tuple(latest(runs)), (), error.strerror or str(error), runs)
        names, problems = _within_reason(listed)
        known: dict[str, tuple[tuple[int, int, int] | None, Seen]] = {}
        for name in names:
            try:
                known[name] = self._reading(name)
            except FileNotFoundError:  # gone since the listing: the student's row goes with it
                continue
            except _Unread as unread:
                problems.append((name, unread.key))
                if name in self._known:  # half-written, most likely: the last good reading stands
                    known[name] = (None, self._known[name][1])
        self._known = known
        runs = tuple(seen for _, seen in known.values())
        return Look(tuple(latest(runs)), tuple(problems), runs=runs)

    def named_runs(self) -> list[tuple[str, Seen]]:
        """Every progress file of the last look, by name, with its reading."""
        return [(name, seen) for name, (_, seen) in self._known.items()]

    def _reading(self, name: str) -> tuple[tuple[int, int, int], Seen]:
        try:
            descriptor = os.open(os.path.join(self.folder, name), _READ)
        except FileNotFoundError:
            raise
        except OSError as error:  # a symlink (ELOOP), no permission
            raise _Unread("room.unreadable") from error
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                raise _Unread("class.not_regular")
            signature = (status.st_ino, status.st_size, status.st_mtime_ns)
            before = self._known.get(name)
            if before is not None and before[0] == signature:
                return signature, before[1]
            if status.st_size > LARGEST:
                raise _Unread("room.too_large")
            # The size fstat gave, and one byte more: a file still growing reads as half of
            # one, and is read again next time. (A buffered read of LARGEST allocates it all.)
            data = os.read(descriptor, status.st_size + 1)
        finally:
            os.close(descriptor)
        try:
            progress = read_progress(data.decode("utf-8"))
        except UnicodeDecodeError:
            progress = None
        if progress is None:  # caught half-written, most likely
            raise _Unread("room.not_progress")
        last_key_at = parse_time(progress.last_key)
        assert last_key_at is not None, "read_progress accepts only a file whose times parse"
        last_key = last_key_at.timestamp()
        return signature, Seen(self.owner(status, name), progress, last_key)


def _within_reason(listed: list[os.DirEntry]) -> tuple[list[str], list[tuple[str, str]]]:
    """The names to read, in order: of an account with more than MOST_A_STUDENT files (a
    prank of a hundred thousand would slow every look), the first by name, the same ones
    every look; the rest passed over and named. Only that account's rows are lost."""
    by_owner: dict[int, list[str]] = {}
    for entry in listed:
        try:
            status = entry.stat(follow_symlinks=False)  # from the listing itself where the system gives it
        except OSError:  # gone already
            continue
        by_owner.setdefault(status.st_uid, []).append(entry.name)
    names, problems = [], []
    for files in by_owner.values():
        files.sort()
        names += files[:MOST_A_STUDENT]
        problems += [(name, "room.too_many") for name in files[MOST_A_STUDENT:]]
    return sorted(names), sorted(problems)


class _Unread(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def owner_account(status: os.stat_result, name: str) -> str:
    """The student whose file it is: the account that owns it, whatever its name says."""
    return account(status.st_uid)


@lru_cache(maxsize=1024)
def account(uid: int) -> str:
    """The account with this uid, asked of the user database once (it may be a network
    service); the number itself where it has no name."""
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)
