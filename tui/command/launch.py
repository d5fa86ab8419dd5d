"""Starting gradstep: the command line, what the terminal can do, and a clean way out.

`gradstep` takes the same problem flags as `gradstep run` (and the same one-line
errors), plus the app's own. On a terminal that cannot be drawn on it runs the plain
line mode; otherwise the full-screen app, whose session is saved when it quits or the
link drops, and whose crash is one line naming a report file, never a wall of text.
"""

import gc
import os
import signal
import sys
from pathlib import Path

from ...core.lessons import first_lesson
from ...core.refusals import Refusal
from ...core.saving import CorruptSave, load, save, set_aside
from ...core.session import Session
from ..app.state import checked_view
from ..files.places import save_path as default_save_path
from ..files.places import session_name
from ..words.say import say
from .environment import dumb_terminal, forget_output, unicode_terminal
from .flags import (
    ArgumentParser,
    UsageError,
    add_language_argument,
    add_problem_arguments,
    language_of,
    lesson_from_arguments,
    names_a_problem,
)


def app_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep", usage=say(language, "app.usage"),
                            description=say(language, "app.description"), language=language)
    add_problem_arguments(parser)
    add_language_argument(parser)
    parser.add_argument("--resume", action="store_true", help=say(language, "flag.resume"))
    parser.add_argument("--session", metavar="NAME", type=parser.typed(session_name), help=say(language, "flag.session"))
    parser.add_argument("--ascii", action="store_true", help=say(language, "flag.ascii"))
    parser.add_argument("--line", action="store_true", help=say(language, "flag.line"))
    parser.add_argument("--low-bandwidth", action="store_true", help=say(language, "flag.low_bandwidth"))
    parser.add_argument("--mouse", action="store_true", help=say(language, "flag.mouse"))
    return parser


def starting_session(args, save_path: Path) -> tuple[Session, dict, tuple[str, dict] | None]:
    """The session to start with, the saved view settings, and a notice for the student (a
    catalogue key and its values: the language is known only once the save is read)."""
    if args.resume:
        if names_a_problem(args):
            raise UsageError("usage.resume_alone")
        try:
            session, view = load(save_path)
            return session, checked_view(view), None
        except FileNotFoundError:  # a mistyped name is not lost work: say which name was looked for
            return Session.begin(first_lesson()), {}, ("command.no_save", {"name": args.session})
        except (CorruptSave, OSError) as error:
            kept = set_aside(save_path)
            reason = error if isinstance(error, CorruptSave) else (error.strerror or str(error))
            # What was kept first: on an 80-column notice line the rest may be cut.
            return (Session.begin(first_lesson()), {},
                    ("command.corrupt_save", {"name": kept.name, "folder": kept.parent, "reason": reason}))
    lesson = lesson_from_arguments(args) if names_a_problem(args) else first_lesson()
    return Session.begin(lesson), {}, None


def launch(argv: list[str]) -> int:
    """`gradstep ARGS`; returns the exit status."""
    parser = app_parser(language_of(argv))
    args = parser.parse_args(argv)
    parser.language = args.lang or parser.language
    save_path = default_save_path(args.session)
    try:
        session, view, start_notice = starting_session(args, save_path)
    except Refusal as refusal:
        return parser.fail(refusal)
    language = args.lang or view.get("language") or parser.language
    notice = say(language, start_notice[0], **start_notice[1]) if start_notice else ""
    if notice:
        print(say(language, "command.error", prog="gradstep", message=notice), file=sys.stderr)
    if args.line or dumb_terminal():
        return _run_line_mode(session, language, save_path)
    return _run_app(session, view, language, notice, args, save_path)


def _run_line_mode(session: Session, language: str, save_path: Path) -> int:
    from ..plain.lines import run_lines

    latest = [session]

    def hang_up(signum, frame) -> None:
        raise SystemExit(0)  # unwinds to the save below, even from inside readline

    signal.signal(signal.SIGHUP, hang_up)
    signal.signal(signal.SIGTERM, hang_up)
    try:
        run_lines(session, language, sys.stdin, sys.stdout, on_change=latest.append)
    finally:
        save(latest[-1], save_path, {"language": language})
    return 0


def _run_app(session: Session, view: dict, language: str, notice: str, args, save_path: Path) -> int:
    if args.low_bandwidth:
        os.environ["TEXTUAL_COLOR_SYSTEM"] = "standard"  # read when Textual is imported, just below
    # Importing Textual leaves, with NumPy's already there, some 45,000 objects for the
    # collector to track, all living as long as the app. Left to it, they are scanned
    # again and again as the app starts (a tenth of the time to the first screen) and on
    # later steps; frozen, never.
    gc.disable()
    try:
        from ..app.app import GradstepApp  # Textual loads here, and only here
    finally:
        gc.freeze()
        gc.enable()

    extra = () if session.lesson.source == "course" else (session.lesson,)
    app = GradstepApp(session, language=language, ascii_only=args.ascii or not unicode_terminal(),
                      low_bandwidth=args.low_bandwidth, extra_lessons=extra, view=view, notice=notice,
                      save_path=save_path, real=True)
    try:
        app.run(mouse=args.mouse)
    except Exception as error:  # Textual could not even start: the same one-line report
        app.report_crash(error)
    if app.hung_up:  # the terminal is gone: nothing more to say, and nowhere to say it
        forget_output(sys.stdout, sys.stderr)
        return 0 if app.saved else 1
    if app.crashed is not None:
        if app.crash_report is not None:
            _say_line(language, "command.crashed", path=app.crash_report)
        else:
            summary = f"{type(app.crashed).__name__}: {app.crashed}".splitlines()[0][:200]
            _say_line(language, "command.crashed_unwritten", error=summary, reason=app.crash_unwritten)
        return 1
    if app.save_error:
        _say_line(language, "command.not_saved", reason=app.save_error)
        return 1
    if app.saved:
        resume = "gradstep --resume" + (f" --session {args.session}" if args.session else "")
        _say_line(language, "command.saved", command=resume, out=sys.stdout)
    return app.return_code or 0


def _say_line(language: str, key: str, out=None, **values: object) -> None:
    """The catalogue's sentence `key` as one line from gradstep (on stderr unless `out` is given)."""
    _print_line(language, say(language, key, **values), out)


def _print_line(language: str, message: str, out=None) -> None:
    """`message` as one line from gradstep; nothing if the terminal is gone."""
    try:
        print(say(language, "command.error", prog="gradstep", message=message), file=out or sys.stderr, flush=True)
    except OSError:  # the link dropped: there is no one to tell
        pass
