"""Whose work a file is: the login gradstep runs as, the session's name on a shared login,
and the run's own random id.

Exports and hand-ins name all three on every row, so a file found later, or handed in
among thirty others, still says whose it is, and two runs of one student are told apart
(`session`). The hand-in folder is the class's: the id is also in every name gradstep
gives a file there, so that in a folder nobody can list (docs/teaching.md, mode 3730) no classmate
can find, read or squat on another's hand-in or progress file by guessing its name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ...core.names import plain_name
from ...core.record import Record


def login_name() -> str:
    """The account gradstep runs as, from the system's user database: $USER and $LOGNAME
    are the student's to set, the account is not."""
    try:
        import pwd
    except ImportError:  # Windows: no user database to ask
        import getpass

        return getpass.getuser()
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # a uid with no entry (some containers)
        return str(os.getuid())


RUN = "run"  # the save's view setting that names the run which wrote it, for the run that resumes it
HAND_IN, COURSE = "hand_in", "course"  # the folders it was given, carried on by a resume (command/resuming.py)
ID_BYTES = 8  # 16 hex digits: 2**64 names to try, one system call each, in a folder that cannot be listed


def new_id() -> str:
    """A run's id: random, from the system's cryptographic source, so it cannot be foretold.

    os.urandom is that source, and what secrets.token_hex reads: importing `secrets` would
    also load hashlib, hmac and OpenSSL's digests into every student's process for nothing."""
    return os.urandom(ID_BYTES).hex()


@dataclass(repr=False, frozen=True)
class Owner(Record):
    """Whose session it is: the login, the session's name on a shared login (--session), and
    this run's id (a new one each time gradstep starts)."""

    user: str
    session: str = ""
    id: str = field(default_factory=new_id)
    resumed: str = ""  # the id of the run whose save this one resumed (--resume), if its save kept it
    carried: dict[str, str] = field(default_factory=dict)  # what its save keeps for a resume (command/resuming.py)

    def settings(self) -> dict[str, str]:
        """The save's view settings that are the run's, not the screen's: its id (the next
        run's `resumed`) and the folders a resume carries on with."""
        return {RUN: self.id, **self.carried}

    def stem(self, lesson: str) -> str:
        """`user-session-lesson-id` (no session part for the login's own session, no lesson
        part for the progress file), each part plain."""
        return "-".join(plain_name(part) for part in (self.user, self.session, lesson, self.id) if part)
