"""Whose work a file is: the login gradstep runs as, and the session's name on a shared login.

Exports and hand-ins name both on every row and in the file name, so a file found later,
or handed in among thirty others, still says whose it is.
"""

import os
from dataclasses import dataclass

from ...core.names import plain_name


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


@dataclass(frozen=True)
class Owner:
    """Whose session it is: the login, and the session's name on a shared login (--session)."""

    user: str
    session: str = ""

    def stem(self, lesson: str) -> str:
        """`user-session-lesson` (no session part for the login's own session), each part plain."""
        return "-".join(plain_name(part) for part in (self.user, self.session, lesson) if part)
