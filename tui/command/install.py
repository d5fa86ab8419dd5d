"""Whether every student can run the gradstep the teacher is running.

A venv runs the Python it was made from, by its path. A teacher who built the lab's venv
from a Python under their own home (pyenv's ~/.pyenv, or /root/...) has a gradstep that
works for them and gives every student "Permission denied": their home is not for other
accounts to enter. The teacher's `gradstep check` of the course is the moment to say so.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


def kept_from_others(executable: str = sys.executable, prefix: str = sys.prefix) -> str | None:
    """The first place that keeps other accounts from running this Python and its
    packages: a folder on the way they cannot enter, or the program they cannot execute.
    None where nothing does (or where the system has no such rights: Windows)."""
    if os.name != "posix":
        return None
    for target in (Path(os.path.realpath(executable)), Path(os.path.realpath(prefix))):
        for place in (*reversed(target.parents), target):
            try:
                mode = os.stat(place).st_mode
            except OSError:
                return str(place)
            if not mode & stat.S_IXOTH:
                return str(place)
    return None
