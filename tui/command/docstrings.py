"""The app runs without docstrings: some 3 MB less a student, 90 MB for a class of 30.

Python keeps the docstring of every module, class and function it imports, and NumPy adds
its own to its C functions as it loads: about 2.5 MB a process for NumPy, Textual, Rich,
plotext and gradstep, read by no one while a lesson runs. Python leaves them out only
when started with -OO or PYTHONOPTIMIZE=2, which a console script's first line cannot
ask for. So, before anything is imported, the app execs its own command line again with
PYTHONOPTIMIZE=2 set: the same process (PID, terminal, arguments, name), started afresh.
That costs one more start of Python, about 50 ms; the whole process is 3 MB smaller.

Only where Python keeps what it compiles that way. -OO reads compiled files of its own
(`*.opt-2.pyc`) and writes them beside the others the first time. Where it may not (an
install the student cannot write to that was never compiled with -OO), it would compile
every library again at every start, a second or more; there the app runs as it was
started. The installer running `python -OO -m compileall` over the install once gives
such an install the smaller app too. PYTHONOPTIMIZE set by anyone else is left as it is
(`PYTHONOPTIMIZE=0 gradstep` keeps the docstrings).
"""

import importlib.util
import os
import sys

from .environment import python_coerced_locale

# Nearly all the code a session runs; each package's compiled files are kept together.
LIBRARIES = ("numpy", "textual", "rich", "plotext", "gradstep")


def restart_without_docstrings() -> None:
    """exec this process's command line again under PYTHONOPTIMIZE=2, where that is worth
    it and possible; return (and carry on as started) where it is not."""
    if "PYTHONOPTIMIZE" in os.environ or sys.flags.optimize or os.name != "posix" or not sys.executable:
        return
    if not all(keeps_compiled_files(package) for package in LIBRARIES):
        return
    environment = {**os.environ, "PYTHONOPTIMIZE": "2"}
    if python_coerced_locale():  # what Python wrote into LC_CTYPE at start: the new start writes it again
        del environment["LC_CTYPE"]
    script = sys.argv[0]
    try:
        if sys.orig_argv[1:] == sys.argv and os.access(script, os.X_OK):
            os.execve(script, sys.argv, environment)  # the console script itself: `ps` and `top` still say gradstep
        os.execve(sys.executable, sys.orig_argv, environment)  # python -m gradstep
    except OSError:  # exec refused (a mount without exec, say): run as started
        return


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
    folder = os.path.dirname(compiled)
    while not os.path.isdir(folder):  # __pycache__ (or the PYTHONPYCACHEPREFIX tree) not made yet
        folder = os.path.dirname(folder)
    return os.access(folder, os.W_OK)
