"""Starting gradstep: the command line, what the terminal can do, and a clean way out.

`gradstep` takes the same problem flags as `gradstep run` (and the same one-line
errors), plus the app's own. On a terminal that cannot be drawn on it runs the plain
line mode, unless --full-screen says the app's output goes somewhere that can draw it
(`textual serve` runs it under pipes, and a browser draws it); otherwise the
full-screen app, whose session is saved, and handed in with --hand-in, however it ends:
quit, a dropped link, a closed browser tab. A crash is one line naming a report file,
never a wall of text.
"""

import gc
import os
import signal
import sys
from pathlib import Path

from ...core.lessons import Lesson, course, first_lesson
from ...core.refusals import Refusal
from ...core.saving import CorruptSave, load, save, set_aside
from ...core.session import Session
from ..files.hand_in import ENVIRONMENT, HandIn
from ..files.owner import Owner, login_name
from ..files.places import save_path as default_save_path
from ..files.places import session_name, write_crash_report
from ..words.say import explain, say
from .environment import dumb_terminal, is_tty, unicode_terminal
from .flags import (
    ArgumentParser,
    UsageError,
    add_language_argument,
    add_problem_arguments,
    add_version_argument,
    clashes,
    lesson_from_arguments,
    lessons_from_arguments,
    names_a_problem,
    parse_in_language,
)


def app_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep", usage=say(language, "app.usage"),
                            description=say(language, "app.description"), language=language)
    add_problem_arguments(parser)
    add_language_argument(parser)
    parser.add_argument("--resume", action="store_true", help=say(language, "flag.resume"))
    parser.add_argument("--session", metavar="NAME", type=parser.typed(session_name), help=say(language, "flag.session"))
    parser.add_argument("--hand-in", metavar="DIR", type=parser.typed(hand_in_folder),
                        default=os.environ.get(ENVIRONMENT) or None, help=say(language, "flag.hand_in"))
    parser.add_argument("--ascii", action="store_true", help=say(language, "flag.ascii"))
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument("--line", action="store_true", help=say(language, "flag.line"))
    screen.add_argument("--full-screen", action="store_true", help=say(language, "flag.full_screen"))
    parser.add_argument("--low-bandwidth", action="store_true", help=say(language, "flag.low_bandwidth"))
    parser.add_argument("--mouse", action="store_true", help=say(language, "flag.mouse"))
    add_version_argument(parser)
    return parser


def hand_in_folder(text: str) -> Path:
    """--hand-in DIR: refused at the start if it is no folder, not after the student's work."""
    folder = Path(text)
    if not folder.is_dir():
        raise Refusal("hand_in.not_a_folder", folder=text)
    return folder


def starting_session(args, save_path: Path, teachers: tuple[Lesson, ...] | None = None,
                     files: tuple[Lesson, ...] = ()) -> tuple[Session, dict, tuple[str, dict] | None]:
    """The session to start with, the saved view settings, and a notice for the student (a
    catalogue key and its values: the language is known only once the save is read).
    `teachers` is the teacher's course (--course), `files` the lesson files given."""
    if args.resume:
        if names_a_problem(args):
            raise UsageError("usage.resume_alone")
        try:
            session, view = load(save_path)
            return session, view, None
        except FileNotFoundError:  # a mistyped name is not lost work: say which name was looked for
            return Session.begin(_first(teachers)), {}, ("command.no_save", {"name": args.session})
        except (CorruptSave, OSError) as error:
            kept = set_aside(save_path)
            reason = error if isinstance(error, CorruptSave) else (error.strerror or str(error))
            # What was kept first: on an 80-column notice line the rest may be cut.
            return (Session.begin(_first(teachers)), {},
                    ("command.corrupt_save", {"name": kept.name, "folder": kept.parent, "reason": reason}))
    chosen = names_a_problem(args) or teachers
    lesson = lesson_from_arguments(args, teachers, files) if chosen else first_lesson()
    return Session.begin(lesson), {}, None


def _first(teachers: tuple[Lesson, ...] | None) -> Lesson:
    return teachers[0] if teachers else first_lesson()


def launch(argv: list[str]) -> int:
    """`gradstep ARGS`; returns the exit status."""
    parser, args = parse_in_language(app_parser, argv)
    save_path = default_save_path(args.session)
    try:
        teachers, files = lessons_from_arguments(args)
        session, view, start_notice = starting_session(args, save_path, teachers, files)
    except Refusal as refusal:
        return parser.fail(refusal)
    language = args.lang or view.get("language") or parser.language
    notices = [explain(language, clash) for clash in clashes((*(teachers or ()), *files))]
    if start_notice:
        notices.insert(0, say(language, start_notice[0], **start_notice[1]))
    for notice in notices:
        print(say(language, "command.error", prog="gradstep", message=notice), file=sys.stderr)
    listed = (*(teachers or ()), *files)
    if session.lesson.source != "course" and session.lesson.name not in {lesson.name for lesson in listed}:
        files = (*files, session.lesson)  # a resumed teacher's lesson stays on the list
    owner = Owner(login_name(), args.session or "")
    handing_in = HandIn(args.hand_in, owner) if args.hand_in is not None else None
    if not args.full_screen and (args.line or dumb_terminal()):
        return _run_line_mode(session, language, save_path, teachers, files, handing_in)
    app_notice = notices[0] if notices else ""
    return _run_app(session, view, language, app_notice, args, save_path, teachers, files, owner, handing_in)


def _run_line_mode(session: Session, language: str, save_path: Path, teachers: tuple[Lesson, ...] | None,
                   files: tuple[Lesson, ...], handing_in: HandIn | None) -> int:
    from ..plain.lines import run_lines

    latest = [session]

    def hang_up(signum, frame) -> None:
        raise SystemExit(0)  # unwinds to the save below, even from inside readline

    signal.signal(signal.SIGHUP, hang_up)
    signal.signal(signal.SIGTERM, hang_up)
    try:
        run_lines(session, language, sys.stdin, sys.stdout, on_change=latest.append,
                  lessons=(*(teachers or course()), *files))
    finally:
        if handing_in is not None:
            handing_in(latest[-1])
        save(latest[-1], save_path, {"language": language})
    if handing_in is not None:
        _said_hand_in(language, handing_in)
    return 0


def _run_app(session: Session, view: dict, language: str, notice: str, args, save_path: Path,
             teachers: tuple[Lesson, ...] | None, files: tuple[Lesson, ...], owner: Owner,
             handing_in: HandIn | None) -> int:
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

    app = GradstepApp(session, language=language, ascii_only=args.ascii or not unicode_terminal(),
                      low_bandwidth=args.low_bandwidth, course_lessons=teachers, extra_lessons=files, view=view,
                      notice=notice, save_path=save_path, owner=owner, hand_in=handing_in)
    try:
        app.run(mouse=args.mouse)
    except Exception as error:  # Textual could not even start: the same one-line report
        app.crash_report = write_crash_report(error, save_path.parent)
    if not app.saved and not app.save_error:  # an end the app did not see coming: a closed browser tab
        app.save_session()
    if app.crash_report is not None:
        _say_line(language, "command.crashed", path=app.crash_report)
        return 1
    if app.hung_up:
        return app.return_code or 0
    # Under `textual serve` standard output is the browser's channel: say it on stderr.
    out = sys.stdout if is_tty(sys.stdout) else sys.stderr
    if app.save_error:
        _say_line(language, "command.not_saved", reason=app.save_error)
    elif app.saved:
        resume = "gradstep --resume" + (f" --session {args.session}" if args.session else "")
        _say_line(language, "command.saved", command=resume, out=out)
    if handing_in is not None:
        _said_hand_in(language, handing_in, out)
    return app.return_code or 0


def _said_hand_in(language: str, handing_in: HandIn, out=None) -> None:
    """What became of the hand-in, once the screen has closed."""
    if handing_in.error:
        _say_line(language, "hand_in.failed", reason=handing_in.error)
    elif handing_in.path is not None:
        _say_line(language, "hand_in.done", name=handing_in.path.name, folder=handing_in.path.parent,
                  out=out or sys.stdout)
    else:
        _say_line(language, "hand_in.nothing", out=out or sys.stdout)



def _say_line(language: str, key: str, out=None, **values: object) -> None:
    """One line from gradstep after the screen has closed (on stderr unless `out` is given)."""
    message = say(language, key, **values)
    print(say(language, "command.error", prog="gradstep", message=message), file=out or sys.stderr)
