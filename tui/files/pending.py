"""The hand-in not made yet: a session's rows, kept beside its save as they happen.

A session killed outright (kill -9, a power cut of the SSH server's client) never reaches
its end, where the hand-in is made. So while it runs, what it did is appended here at most
a second behind, one JSON line a row (its blank columns left out) after a first line
saying where it goes and whose it is; the next start of that session (which holds the
session's lock, so no other gradstep writes here meanwhile) hands it in, then removes it.
The file is in the student's private state folder, made 0600 and never through a link. A
last line cut short by the kill is left out: it was never whole. One left by a version
before run ids (no `id` in its first line) holds rows of the earlier schema: they are read
into today's (core/earlier_schema.py), matrix columns and all, with a new run id.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from ...core.earlier_schema import converted
from .owner import Owner

FORMAT = "gradstep-pending-hand-in"
_APPEND = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class Left(NamedTuple):
    """A pending hand-in, read: where it goes, whose it is, its rows (today's columns), and
    the stem of the progress file its run kept in the folder."""

    folder: Path
    owner: Owner
    rows: list[dict[str, object]]
    progress: str


class Pending:
    """One session's pending hand-in, appended to as it runs."""

    def __init__(self, path: Path, folder: Path, owner: Owner) -> None:
        self.path, self.folder, self.owner = path, folder, owner
        self._started = False

    def append(self, rows: Iterable[dict[str, object]]) -> None:
        """Add `rows` in one write, the first time after the line saying where they go
        (a file left by an earlier session was handed in at the start, so it is begun afresh)."""
        lines = [] if self._started else [json.dumps({"format": FORMAT, "folder": str(self.folder),
                                                      "user": self.owner.user, "session": self.owner.session,
                                                      "id": self.owner.id})]
        lines += [json.dumps({name: value for name, value in row.items() if value is not None},  # blanks left out:
                             ensure_ascii=False, allow_nan=False) for row in rows]  # most of a row's columns
        if not lines:
            return
        flags = _APPEND | (0 if self._started else os.O_TRUNC)
        descriptor = os.open(self.path, flags, 0o600)
        try:
            data = ("\n".join(lines) + "\n").encode("utf-8")
            while data:
                data = data[os.write(descriptor, data):]
        finally:
            os.close(descriptor)
        self._started = True

    def remove(self) -> None:
        Pending.discard(self.path)

    @staticmethod
    def discard(path: Path) -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass

    @staticmethod
    def read(path: Path) -> Left | None:
        """What a pending hand-in holds; None if there is none (or nothing readable: a file
        that is not one is left alone)."""
        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
        with os.fdopen(descriptor, "rb") as raw:
            if os.fstat(raw.fileno()).st_uid != os.geteuid():
                return None
            lines = raw.read().decode("utf-8", errors="replace").split("\n")
        try:
            head = json.loads(lines[0])
        except ValueError:
            return None
        if not isinstance(head, dict) or head.get("format") != FORMAT:
            return None
        user, session = str(head.get("user", "")), str(head.get("session", ""))
        earlier = not head.get("id")  # written before run ids, in the earlier schema
        owner = Owner(user, session) if earlier else Owner(user, session, str(head["id"]))
        rows: list[dict[str, object]] = []
        for line in lines[1:]:
            try:
                row = json.loads(line)
            except ValueError:  # the line the kill cut short, or the empty end
                continue
            if isinstance(row, dict):
                rows.extend(converted(row, owner.id) if earlier else (row,))
        progress = Owner(user, session, "").stem("") if earlier else owner.stem("")  # earlier: no id in its name
        return Left(Path(head["folder"]), owner, rows, progress)
