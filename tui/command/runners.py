"""Running a session to its end, in the line mode or the full-screen app, and saying how it ended.

Each runner saves the session however it ends (q, Ctrl-C, a hang-up, SIGTERM, a crash), then
hands it in (--hand-in), and says in one line what became of it; a crash leaves its
traceback in a file, and a resumed save that crashed is set aside so the next --resume
does not crash again.
"""

from __future__ import annotations

import errno
import gc
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.journal import Journal
from ...core.lessons import Lesson
from ...core.saving import save, set_aside
from ...core.session import Session
from ..files.owner import Owner
from ..files.places import write_crash_report
from ..words.prose import question_words
from ..words.say import say
from .environment import forget_output, is_tty, output_gone, unicode_terminal
from .starting import Start, error_summary

if TYPE_CHECKING:
    from ..app.app import GradstepApp
    from ..files.hand_in import HandIn  # imported by the command only when --hand-in asks for one (launch.py)


def run_line_mode(start: Start, language: str, lessons: tuple[Lesson, ...], handing_in: "HandIn | None",
                   name: str | None, owner: Owner) -> int:
    from ..plain.keeping import LineKeeping
    from ..plain.lines import run_lines

    def save_now(session: Session) -> None:
        if start.save_path is not None:
            save(session, start.save_path, {"language": language, **owner.settings()})

    journal = Journal(lambda session, index: question_words(session, index, language))
    keeping = LineKeeping(journal, start.session, handing_in, save_now)

    hung_up = []

    def hang_up(signum, frame) -> None:
        hung_up.append(signum == signal.SIGHUP)
        raise SystemExit(0)  # unwinds to the save below, even from inside readline

    signal.signal(signal.SIGHUP, hang_up)
    signal.signal(signal.SIGTERM, hang_up)
    # Ctrl-C as KeyboardInterrupt, even where gradstep was started with SIGINT ignored (a
    # script's background job, a service): Python installs that handler only if it was not.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    status = 1  # what else ends it (the output gone) is said by the caller, after the save
    crashed = None
    try:
        run_lines(start.session, language, sys.stdin, sys.stdout, on_change=keeping.changed, lessons=lessons,
                  on_try=keeping.tried)
        status = 0
    except KeyboardInterrupt:  # Ctrl-C
        status = 130
    except SystemExit as ending:  # a hang-up, SIGTERM: SystemExit(0)
        code = ending.code  # as Python reads it: None is 0, a message is 1
        status = code if isinstance(code, int) else 1 if code else 0
    except OSError as error:  # reading or writing the terminal failed: gone, if it says EIO
        if error.errno != errno.EIO and not output_gone(sys.stdout):
            raise  # a full disk under `> file`: said by the caller, after the save
        hung_up.append(True)
        status = 0
    except Exception as error:  # a bug: its traceback in a file, one line, and the session saved
        crashed = error
    finally:  # the save first, as the one a student resumes from; then the hand-in
        saved = _save_at_end(start, keeping.latest, {"language": language, **owner.settings()}, language)
        keeping.finish()
    if crashed is not None:
        try:
            report, unwritten = write_crash_report(crashed, start.save_path.parent if start.save_path else None), ""
        except OSError as failure:
            report, unwritten = None, failure.strerror or str(failure)
        _said_crash(language, start, crashed, report, unwritten)
        return 1
    if any(hung_up) or output_gone(sys.stdout):  # the terminal is gone, with or without a SIGHUP
        forget_output(sys.stdout, sys.stderr)
        return status if saved else 1
    if saved:
        _said_saved(language, name, sys.stdout)
    handed_in = handing_in is None or _said_hand_in(language, handing_in)
    return status if saved and handed_in else 1


def _save_at_end(start: Start, session: Session, view: dict, language: str) -> bool:
    """Save `session` where `start` says; one line if it cannot be (the old save intact)."""
    if start.save_path is None:
        say_line(language, "command.not_saved", reason=start.not_saving)
        return False
    try:
        save(session, start.save_path, view)
        return True
    except OSError as error:
        say_line(language, "command.not_saved", reason=f"{start.save_path}: {error.strerror or error}")
        return False


def frozen_app_class() -> type["GradstepApp"]:
    """The App's class, Textual imported with it, and everything that import made frozen.

    Importing Textual leaves, with NumPy's already there, some 45,000 objects for the
    collector to track, all living as long as the app. Left to it, they are scanned
    again and again as the app starts (a tenth of the time to the first screen) and on
    later steps; frozen, never. Frozen too would be any garbage left in them: asyncio's
    import makes some (the enum classes socket and ssl convert, some 50 KB a process),
    so it is imported first, with the collector on, which frees that as it goes.
    """
    import asyncio  # noqa: F401  (Textual imports it just below)

    gc.disable()
    try:
        from ..app.app import GradstepApp  # Textual loads here, and only here
    finally:
        gc.freeze()
        gc.enable()
    return GradstepApp


def run_app(start: Start, language: str, notice: str, args, teachers: tuple[Lesson, ...] | None,
             files: tuple[Lesson, ...], owner: Owner, handing_in: "HandIn | None") -> int:
    if args.low_bandwidth:
        os.environ["TEXTUAL_COLOR_SYSTEM"] = "standard"  # read when Textual is imported, just below
    app_class = frozen_app_class()
    app = app_class(start.session, language=language, ascii_only=args.ascii or not unicode_terminal(),
                      low_bandwidth=args.low_bandwidth, theme=args.theme, course_lessons=teachers, extra_lessons=files,
                      view=start.view, notice=notice, save_path=start.save_path, not_saving=start.not_saving,
                      real=True, owner=owner, hand_in=handing_in)
    try:
        app.run(mouse=args.mouse)
    except Exception as error:  # Textual could not even start: the same one-line report
        app.report_crash(error)
    if not app.ended:  # an end the app did not see coming (a closed browser tab): save, hand in
        app.save_session()
    if app.hung_up:  # the terminal is gone: nothing more to say, and nowhere to say it
        forget_output(sys.stdout, sys.stderr)
        return 0 if app.saved else 1
    if app.crashed is not None:
        _said_crash(language, start, app.crashed, app.crash_report, app.crash_unwritten)
        return 1
    # Under `textual serve` standard output is the browser's channel: say it on stderr.
    out = sys.stdout if is_tty(sys.stdout) else sys.stderr
    if app.save_error:
        say_line(language, "command.not_saved", reason=app.save_error)
    elif app.saved:
        _said_saved(language, args.session, out)
    handed_in = handing_in is None or _said_hand_in(language, handing_in, out)
    return 1 if app.save_error or not handed_in else app.return_code or 0


def _said_crash(language: str, start: Start, error: BaseException, report: Path | None, unwritten: str) -> None:
    """A crash in one line naming its report (or why none was written); a resumed session's
    save is then set aside."""
    if report is not None:
        say_line(language, "command.crashed", path=report)
    else:
        say_line(language, "command.crashed_unwritten", error=error_summary(error), reason=unwritten)
    _set_aside_resumed(start, language)


def _set_aside_resumed(start: Start, language: str) -> None:
    """After a crash in a resumed session: set aside the save it came from, and the one the
    crash wrote, so that the next --resume does not crash again, and say so.

    Whether the save or a later key caused the crash cannot be told; a save that crashes
    once may crash every time, and a session must never crash on every start.
    """
    if start.resumed_from is None:
        return
    for path in dict.fromkeys((start.resumed_from, start.save_path)):
        if path is None or not path.exists():
            continue
        try:
            kept = set_aside(path)
        except OSError as error:
            say_line(language, "command.not_set_aside", name=path.name, reason=error.strerror or str(error))
        else:
            say_line(language, "command.resume_set_aside", name=kept.name, folder=kept.parent)


def _said_saved(language: str, name: str | None, out) -> None:
    """That the session is saved, and the command that continues it."""
    resume = f"{command_as_typed()} --resume" + (f" --session {name}" if name else "")
    say_line(language, "command.saved", command=resume, out=out)


def command_as_typed(argv0: str | None = None) -> str:
    """`gradstep` where that name, typed, starts this program; else the path it was started
    by: a student who typed .venv/bin/gradstep (the README's way) was told to type
    `gradstep --resume`, and the shell answered "command not found"."""
    typed = sys.argv[0] if argv0 is None else argv0
    if os.path.basename(typed) != "gradstep" or os.sep not in typed:  # python -m gradstep, or found on PATH
        return "gradstep"
    on_path = shutil.which("gradstep")
    if on_path is not None and os.path.realpath(on_path) == os.path.realpath(typed):
        return "gradstep"
    import shlex  # said once, as the session ends: a module held by every student's process until then

    return shlex.quote(typed)


def _said_hand_in(language: str, handing_in: "HandIn", out=None) -> bool:
    """What became of the hand-in, once the screen has closed; False if it failed (the run
    then exits non-zero, so a script or the teacher's wrapper sees it too)."""
    if handing_in.error:
        say_line(language, "hand_in.failed", reason=handing_in.error)
        return False
    if handing_in.paths:
        say_line(language, "hand_in.done", names=", ".join(path.name for path in handing_in.paths),
                  folder=handing_in.folder, out=out or sys.stdout)
    return True


def say_line(language: str, key: str, out=None, **values: object) -> None:
    """The catalogue's sentence `key` as one line from gradstep (on stderr unless `out` is given)."""
    print_line(language, say(language, key, **values), out)


def print_line(language: str, message: str, out=None) -> None:
    """`message` as one line from gradstep; nothing if the terminal is gone."""
    try:
        print(say(language, "command.error", prog="gradstep", message=message), file=out or sys.stderr, flush=True)
    except OSError:  # the link dropped: there is no one to tell
        pass
