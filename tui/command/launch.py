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

from ...core.lessons import LANGUAGES, first_lesson
from ...core.saving import CorruptSave, load, save, set_aside
from ...core.session import Session
from ..files.places import save_path as default_save_path
from ..files.places import session_name, write_crash_report
from .environment import dumb_terminal, language_from_environment, unicode_terminal
from .flags import (
    ArgumentParser,
    UsageError,
    add_problem_arguments,
    lesson_from_arguments,
    names_a_problem,
    typed,
)


def app_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="gradstep",
        usage="gradstep [--lesson NAME | --lesson-file FILE | --weight W --input X --goal Y] [options]\n"
              "       gradstep lessons          (the course, a line a lesson)\n"
              "       gradstep run ...          (the iteration log without the full screen; run --help)",
        description="Step a neuron through gradient descent, one keypress at a time. "
                    "In the app, ? lists every key.",
    )
    add_problem_arguments(parser)
    parser.add_argument("--lang", choices=LANGUAGES, help="en or zh (default: from LC_ALL/LANG)")
    parser.add_argument("--resume", action="store_true", help="continue the session saved when gradstep last ended")
    parser.add_argument("--session", metavar="NAME", type=typed(session_name),
                        help="save (and --resume) under NAME: for students sharing one login")
    parser.add_argument("--ascii", action="store_true", help="draw with ASCII characters only")
    parser.add_argument("--line", action="store_true", help="plain lines instead of the full screen")
    parser.add_argument("--low-bandwidth", action="store_true", help="16 colours, plain chart: for very slow links")
    parser.add_argument("--mouse", action="store_true", help="let the mouse click keys and scroll")
    return parser


def starting_session(args, save_path: Path) -> tuple[Session, dict, str]:
    """The session to start with, the saved view settings, and a notice for the student."""
    if args.resume:
        if names_a_problem(args):
            raise UsageError("--resume continues the saved session: give it no lesson or problem flags")
        try:
            session, view = load(save_path)
            return session, view, ""
        except FileNotFoundError:
            named = f" named {args.session}" if args.session else ""  # a mistyped name is not lost work
            return Session.begin(first_lesson()), {}, f"No saved session{named}: starting the course."
        except (CorruptSave, OSError) as error:
            kept = set_aside(save_path)
            # What was kept first: on an 80-column notice line the rest may be cut.
            return (Session.begin(first_lesson()), {},
                    f"The saved session was unreadable; kept as {kept.name} in {kept.parent} ({error}).")
    lesson = lesson_from_arguments(args) if names_a_problem(args) else first_lesson()
    return Session.begin(lesson), {}, ""


def launch(argv: list[str]) -> int:
    """`gradstep ARGS`; returns the exit status."""
    args = app_parser().parse_args(argv)
    save_path = default_save_path(args.session)
    try:
        session, view, notice = starting_session(args, save_path)
    except UsageError as error:
        print(f"gradstep: {error}", file=sys.stderr)
        return 2
    language = args.lang or view.get("language") or language_from_environment()
    if notice:
        print(f"gradstep: {notice}", file=sys.stderr)
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
                      save_path=save_path)
    try:
        app.run(mouse=args.mouse)
    except Exception as error:  # Textual could not even start: the same one-line report
        app.crash_report = write_crash_report(error, save_path.parent)
    if app.crash_report is not None:
        print(f"gradstep: something went wrong; the details are in {app.crash_report}", file=sys.stderr)
        return 1
    if app.save_error:
        print(f"gradstep: the session could not be saved: {app.save_error}", file=sys.stderr)
    elif app.saved and not app.hung_up:
        resume = "gradstep --resume" + (f" --session {args.session}" if args.session else "")
        print(f"gradstep: your session is saved; {resume} continues it.")
    return app.return_code or 0
