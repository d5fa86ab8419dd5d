"""What the student's terminal can show, read from the environment it started us in.

The locale's name says whether the terminal speaks UTF-8, but Python hides it: under
LANG=C it coerces its own locale (PEP 538) and writes LC_CTYPE=C.UTF-8 into os.environ,
and then turns on its UTF-8 mode (PEP 540), so sys.stdout.encoding says utf-8 even on a
terminal that cannot show a single box-drawing character. An LC_CTYPE of exactly
C.UTF-8 while Python's UTF-8 mode came on by itself is that coercion, not the student's
choice, and is ignored.
"""

from __future__ import annotations

import os
import select
import sys
from collections.abc import Mapping

from ..words.language import LANGUAGES, from_locale

COERCED = ("C.UTF-8", "C.utf8", "UTF-8")  # what PEP 538 writes into LC_CTYPE
DUMB_TERMS = ("", "dumb", "unknown")


def _is_utf8(locale: str) -> bool:
    encoding = locale.partition(".")[2].partition("@")[0]
    return encoding.replace("-", "").lower() == "utf8"


def python_coerced_locale(environ: Mapping[str, str] = os.environ, utf8_mode: int | None = None,
                          xoptions: Mapping[str, object] | None = None) -> bool:
    """Whether LC_CTYPE in `environ` was written by Python at startup, not by the user."""
    utf8_mode = sys.flags.utf8_mode if utf8_mode is None else utf8_mode
    xoptions = sys._xoptions if xoptions is None else xoptions
    if environ.get("LC_ALL") or environ.get("LC_CTYPE") not in COERCED:
        return False
    if "PYTHONUTF8" in environ or "utf8" in xoptions:  # UTF-8 mode asked for: cannot tell
        return not _is_utf8(environ.get("LANG", ""))
    return bool(utf8_mode)  # on by itself only when the startup locale was C or POSIX


def terminal_locale(environ: Mapping[str, str] = os.environ, **python) -> str:
    """The locale name that governs characters: LC_ALL, then LC_CTYPE, then LANG."""
    names = ["LC_ALL", "LC_CTYPE", "LANG"]
    if python_coerced_locale(environ, **python):
        names.remove("LC_CTYPE")
    return next((environ[name] for name in names if environ.get(name)), "C")


def unicode_terminal(environ: Mapping[str, str] = os.environ, **python) -> bool:
    """Whether the terminal can show UTF-8 (box drawing, Chinese), judged by its locale."""
    return _is_utf8(terminal_locale(environ, **python))


def dumb_terminal(environ: Mapping[str, str] = os.environ, stdin=None, stdout=None, stderr=None) -> bool:
    """A terminal that cannot be drawn on: TERM dumb or unknown, or input, output or the
    error stream not a tty (Textual draws on stderr: under `2>&-` or `2>log` the app ran
    unseen, waiting for keys to a screen nobody could see)."""
    streams = [given if given is not None else default
               for given, default in ((stdin, sys.stdin), (stdout, sys.stdout), (stderr, sys.stderr))]
    if environ.get("TERM", "") in DUMB_TERMS:
        return True
    return not all(is_tty(stream) for stream in streams)


def is_tty(stream) -> bool:
    """Whether `stream` is a terminal; False for a closed, replaced or missing stream."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language the locale asks for (LC_ALL, then LC_MESSAGES, then LANG: zh_CN.UTF-8 is
    zh), else the first, English."""
    first = next(iter(LANGUAGES))
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return from_locale(value) or first
    return first


def output_gone(stream) -> bool:
    """Whether no one can read `stream` any more: its terminal hung up (though no SIGHUP may
    have come: under su, the window closed) or its pipe's reader left. poll() reports both
    (POLLHUP, POLLERR) without being asked, so nothing is asked and nothing waited for."""
    try:
        watching = select.poll()
        watching.register(stream.fileno(), 0)
        return bool(watching.poll(0))
    except (AttributeError, OSError, ValueError):  # closed, replaced or missing: not ours to judge
        return False


def forget_output(*streams) -> None:
    """Send what is left of `streams` (sys.stdout, sys.stderr) to /dev/null: no one reads
    them any more (a closed pipe, a full disk, a terminal that hung up), and Python's own
    flush as it exits would fail again, with a traceback and an exit status of 120."""
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in streams:
        try:
            os.dup2(null, stream.fileno())
        except (AttributeError, OSError, ValueError):  # not a file (a test's buffer), or closed
            pass
    os.close(null)
