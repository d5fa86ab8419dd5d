"""The app runs without docstrings: some 3 MB less a student, 90 MB for a class of 30.

Python keeps the docstring of every module, class and function it imports, and NumPy adds
its own to its C functions as it loads: about 2.5 MB a process for NumPy, Textual, Rich,
plotext and gradstep, read by no one while a lesson runs. Python leaves them out only
when started with -OO or PYTHONOPTIMIZE=2, which a console script's first line cannot
ask for. So, before anything is imported, the app execs its own command line again with
PYTHONOPTIMIZE=2 set: the same process (PID, terminal, arguments, name), started afresh.
That costs one more start of Python, about 50 ms; the whole process is 3 MB smaller.

Only where Python keeps what it compiles that way. -OO reads compiled files of its own
(`*.opt-2.pyc`) and writes them beside the others the first time. Where it may not (a
system Python's standard library, an install the student cannot write to, never
compiled with -OO), it would compile every module again at every start, up to a second;
there the app runs as it was started. Nor does it restart where PYTHONOPTIMIZE is set
already (`PYTHONOPTIMIZE=0 gradstep` keeps the docstrings), where Python ignores the
environment (-E, -I), or under a debugger or profiler, which the exec would end.
"""

import importlib.util
import os
import sys

from .environment import python_coerced_locale

# Where a session's code comes from: asyncio stands for the standard library, the rest
# are every other package a session imports (a test holds the list to that).
LIBRARIES = ("asyncio", "numpy", "textual", "rich", "plotext", "textual_plotext", "platformdirs",
             "typing_extensions", "gradstep")


def restart_without_docstrings() -> None:
    """exec this process's command line again under PYTHONOPTIMIZE=2, where that is worth
    it and possible; return (and carry on as started) where it is not."""
    if ("PYTHONOPTIMIZE" in os.environ or sys.flags.optimize or sys.flags.ignore_environment
            or sys.gettrace() or sys.getprofile() or os.name != "posix" or not sys.executable):
        return
    if not all(keeps_compiled_files(package) for package in LIBRARIES):
        return
    environment = {**os.environ, "PYTHONOPTIMIZE": "2"}
    if python_coerced_locale():  # what Python wrote into LC_CTYPE at start: the new start writes it again
        del environment["LC_CTYPE"]
    script = sys.argv[0]
    try:
        if started_by_its_first_line(script):
            os.execve(script, sys.argv, environment)  # the console script itself: `ps` and `top` still say gradstep
        os.execve(sys.executable, sys.orig_argv, environment)  # python -m gradstep
    except OSError:  # exec refused (a mount without exec, say): run as started
        return


def started_by_its_first_line(script: str) -> bool:
    """Whether the system ran `script` through its #! line, as a console script is run (and
    not `python3 script`, which may be another Python than the one that line names)."""
    if sys.orig_argv[1:] != sys.argv or not os.access(script, os.X_OK):
        return False
    try:
        with open(script, "rb") as file:
            first_line = file.readline(4096)
    except OSError:
        return False
    return first_line.startswith(b"#!") and first_line[2:].split()[:1] == [os.fsencode(sys.orig_argv[0])]


def keeps_compiled_files(package: str) -> bool:
    """Whether Python under -OO finds `package`'s compiled files, or may write them."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.has_location or not spec.origin:
        return False
    compiled = importlib.util.cache_from_source(spec.origin, optimization=2)
    if os.path.exists(compiled):
        return True
    if sys.dont_write_bytecode:
        return False
    folder = os.path.dirname(os.path.abspath(compiled))
    while not os.path.isdir(folder):  # __pycache__ (or the PYTHONPYCACHEPREFIX tree) not made yet
        folder = os.path.dirname(folder)
    return os.access(folder, os.W_OK)
