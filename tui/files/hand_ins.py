"""Reading the hand-ins of a class's folder, for `gradstep class`: a row at a time, within a budget.

The folder is written by every student of the class, so everything in it is data that may
be hostile. A file is only opened if it is regular, never through a symlink, and its
student is the account that owns it, which a student cannot forge, never the name in
its rows or its file name. It is read a row at a time (the csv module over the file), so
a big file costs time, never memory; and each account may have a budget of bytes read of
its files in all (HAND_IN_BYTES in core/limits.py, above the largest real session's, or
--budget), so a hundred thousand empty files, or a planted file past it, cost the teacher
only that student's lines, with one line saying so and how to read them. A hand-in of an earlier format (core/earlier_schema.py)
is read into today's rows as it is read.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...core.limits import HAND_IN_BYTES, HAND_IN_FILE_BYTES
from ...core.outside import shown_name
from ...core.earlier_schema import EARLIER_HEADERS, converted
from ...core.record import Record
from ...core.schema import BEFORE_RESUMED, COLUMNS, RESUMED, cell
from .progress_folder import account

READ_BUFFER = 256 * 1024  # bytes read at a time: fewer system calls, memory still bounded
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class HandInError(Exception):
    """A file in the folder that is not a hand-in: a catalogue key says why."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


@dataclass(repr=False)
class Budget(Record):
    """What each account may still have read, and what of theirs was passed over for it."""

    each: int = HAND_IN_BYTES
    spent: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, tuple[int, int]] = field(default_factory=dict)  # account: (files, bytes) not read
    wanted: dict[str, int] = field(default_factory=dict)  # account: the budget that reads all of theirs

    def take(self, student: str, size: int) -> bool:
        """Whether a file of `size` bytes of `student` may be read; if so, it is spent."""
        cost = max(size, HAND_IN_FILE_BYTES)
        self.wanted[student] = self.wanted.get(student, 0) + cost
        spent = self.spent.get(student, 0)
        if spent + cost > self.each:
            files, skipped = self.skipped.get(student, (0, 0))
            self.skipped[student] = (files + 1, skipped + size)
            return False
        self.spent[student] = spent + cost
        return True


class _Within(io.RawIOBase):
    """A file read no further than `left` bytes: the size it had when it was opened and
    charged for (a file still growing, or a FIFO, is read no further)."""

    def __init__(self, descriptor: int, left: int) -> None:
        super().__init__()
        self.descriptor, self.left = descriptor, left

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # any writable buffer, as io passes it
        if self.left <= 0:
            return 0
        with memoryview(buffer) as view:
            data = os.read(self.descriptor, min(len(view), self.left))
            view[:len(data)] = data
        self.left -= len(data)
        return len(data)

    def close(self) -> None:
        if not self.closed:
            os.close(self.descriptor)
        super().close()


def student_of(status: os.stat_result, name: str) -> str:
    """Whose hand-in it is: the account that owns the file, whatever its name and rows say
    (as progress_folder.owner_account; a test that cannot give files away swaps it)."""
    return account(status.st_uid)


class HandedIn:
    """One hand-in, opened: its student, and its rows read one at a time (`with` closes it)."""

    def __init__(self, entry: os.DirEntry) -> None:
        if not entry.is_file(follow_symlinks=False):
            raise HandInError("class.not_regular")
        try:
            descriptor = os.open(entry.path, _READ)
        except OSError as error:  # swapped for a symlink since it was listed, or unreadable
            raise HandInError("class.unreadable", reason=error.strerror or str(error)) from None
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            os.close(descriptor)
            raise HandInError("class.not_regular")
        self.student = student_of(status, entry.name)  # the owner: the file's name and rows say what they like
        self.name = entry.name
        self.size = status.st_size
        self._text = io.TextIOWrapper(io.BufferedReader(_Within(descriptor, status.st_size), READ_BUFFER),
                                      encoding="utf-8", newline="")

    def __enter__(self) -> "HandedIn":
        return self

    def __exit__(self, *exception: object) -> None:
        self._text.close()

    def rows(self) -> Iterator[list[str]]:
        """Its whole rows, one at a time, as cells in the order of today's COLUMNS (an earlier
        format's converted); HandInError where it stops being a hand-in (the rows before
        stand: they were whole). Lists, not dicts: a dict a row took four times as long to
        read, and the time one account's files cost is what the budget bounds."""
        try:
            reader = csv.reader(self._text)
            header = tuple(next(reader, ()))
            if header not in (COLUMNS, BEFORE_RESUMED) and header not in EARLIER_HEADERS:
                raise HandInError("class.not_hand_in", reason="columns")
            width, run = len(header), earlier_run(self.name)
            for row in reader:
                if len(row) != width:  # whole rows only
                    continue
                if header == COLUMNS:
                    yield row
                    continue
                if header == BEFORE_RESUMED:  # written before `resumed`: nothing to say there
                    yield [*row[:RESUMED], "", *row[RESUMED:]]
                    continue
                for now in converted(dict(zip(header, row)), run):
                    yield [cell(now.get(column)) for column in COLUMNS]
        except (UnicodeDecodeError, csv.Error) as error:
            raise HandInError("class.not_hand_in", reason=shown_name(str(error))[:80]) from None


def earlier_run(name: str) -> str:
    """The `session` of a hand-in written before runs had ids: 16 hex digits made from its
    file name, so each such file is a run of its own to `groupby`, never a blank that
    pandas would drop."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:16]
