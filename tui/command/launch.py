"""Starting gradstep: the command line, what the terminal can do, the save, and a clean way out.

`gradstep` takes the same problem flags as `gradstep run` (and the same one-line
errors), plus the app's own. On a terminal that cannot be drawn on it runs the plain
line mode, unless --full-screen says the app's output goes somewhere that can draw it
(`textual serve` runs it under pipes, and a browser draws it); otherwise the full-screen
app. Either way the session is saved, and handed in with --hand-in, however it ends (q,
Ctrl-C, a dropped link, SIGTERM, a closed browser tab, a crash), into a folder that must
be the student's own (`files.private`) and by one gradstep at a time. A save that cannot
be trusted is set aside, and one that a fresh start would replace is kept a key away.
What goes wrong is one line, never a traceback, and the exit status is not 0 when the
session could not be saved.
"""

import contextlib
import errno
import gc
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ...core.journal import Journal
from ...core.courses import course, first_lesson
from ...core.lesson_files import close_match
from ...core.lessons import Lesson
from ...core.refusals import Refusal
from ...core.saving import CorruptSave, load, save, set_aside
from ...core.session import Session
from ..app.state import checked_view
from ..files.hand_in import ENVIRONMENT, HandIn, complete_pending
from ..files.pending import pending_path
from ..files.owner import Owner, login_name
from ..files.places import previous_path, session_name, write_crash_report
from ..files.places import save_path as default_save_path
from ..files.private import InUse, SessionLock, Unusable, check_save, private_folder
from ..words.prose import question_words
from ..words.say import explain, say
from .environment import dumb_terminal, forget_output, is_tty, output_gone, unicode_terminal
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
    parser.add_argument("--theme", metavar="NAME", type=parser.typed(theme_name), help=say(language, "flag.theme"))
    parser.add_argument("--mouse", action="store_true", help=say(language, "flag.mouse"))
    add_version_argument(parser)
    return parser


def theme_name(text: str) -> str:
    """--theme NAME: one of Textual's themes (the list is read only when the flag is given)."""
    from ..app.themes import THEMES

    if text not in THEMES:
        raise Refusal("theme.unknown", name=text, close=close_match(text, THEMES), choices=list(THEMES))
    return text


def hand_in_folder(text: str) -> Path:
    """--hand-in DIR: refused at the start if it is no folder, not after the student's work."""
    if not text:  # Path("") is the current folder: a typo, or an unset variable, not a choice
        raise Refusal("flag.empty_folder")
    folder = Path(text)
    if not folder.is_dir():
        raise Refusal("hand_in.not_a_folder", folder=text)
    return folder


@dataclass
class Start:
    """What gradstep starts with, and where its session will go."""

    session: Session
    view: dict = field(default_factory=dict)  # the saved view settings, when resuming
    notices: list[tuple[str, dict]] = field(default_factory=list)  # catalogue keys and values
    save_path: Path | None = None  # None: the session will not be saved, for `not_saving`
    not_saving: object = None  # why not: a Refusal, or the system's words
    resumed_from: Path | None = None  # the save resumed (session.json, or the previous one)

    def refuse_saving(self, reason: object) -> None:
        """From now on the session is not saved; the student is told why at once, and again
        at the end (with an exit status of 1)."""
        if self.save_path is not None:
            self.save_path, self.not_saving = None, reason
            self.notices.append(("command.not_saving", {"reason": reason}))


def starting(args, lesson: Lesson | None, save_path: Path, held: contextlib.ExitStack) -> Start:
    """The session to start (`lesson`, or the save when resuming), its save checked and
    locked; InUse if another gradstep has it open.

    A fresh start over a save keeps that save, a key away: it becomes the session before
    this one (b at iteration 0 goes back to it, as after any change), and the file stays
    as session.previous.json until the next fresh start.
    """
    lesson = lesson or first_lesson()
    start = Start(Session.begin(lesson), save_path=save_path)
    try:
        private_folder(save_path.parent)
        check_save(save_path)  # a save planted by someone else is neither read nor replaced
    except Unusable as refusal:
        start.refuse_saving(refusal)
        return start
    try:
        held.enter_context(SessionLock(save_path))
    except OSError as error:  # a read-only disk: the save can still be read
        reason = error.strerror or str(error)
        start.refuse_saving(Refusal("place.cannot_lock", reason=reason, path=save_path.parent))
    saved, found = _last_saved(start, save_path)
    if args.resume:
        if saved is not None:
            start.session, start.view = saved
            start.resumed_from = found
        elif not start.notices:  # a mistyped name is not lost work: say which name was looked for
            start.notices.append(("command.no_save", {"name": args.session}))
    elif (kept := _worth_keeping(saved[0] if saved else None, start.session)) is not None:
        start.session = Session.begin(lesson, before=kept)
        try:  # b goes back to it, unless the lesson's teacher locked the lesson list
            start.session.check_step_back()
            kept_where = "command.kept_previous"
        except Refusal:
            kept_where = "command.kept_previous_locked"
        start.notices.append((kept_where, {"lesson": kept.lesson.name, "iteration": kept.history.iteration}))
        if start.save_path is not None and found == save_path:
            try:
                os.replace(save_path, previous_path(save_path))
            except OSError as error:
                start.refuse_saving(Refusal("place.cannot_keep", reason=error.strerror or str(error)))
    return start


def _last_saved(start: Start, save_path: Path) -> tuple[tuple[Session, dict] | None, Path | None]:
    """The last session saved, and where: the save, else the one a fresh start moved aside.

    A fresh start moves the save to session.previous.json at once, and writes its own once
    the student has done something (a second behind) and at the end: a full disk, or a
    kill -9 before its first save, leave none, and the previous one is then the student's
    latest work (and stays where it is, not to be replaced by the next fresh start).
    """
    for path in (save_path, previous_path(save_path)):
        saved = _saved(start, path)
        if saved is not None:
            return saved, path
    return None, None


def _worth_keeping(saved: Session | None, fresh: Session) -> Session | None:
    """The saved session a fresh start keeps a key away: the save, unless it is this very
    start again (iteration 0 of the same lesson), and then the session before it."""
    while saved is not None and saved.history.iteration == 0 and (saved.lesson, saved.problem) == (
            fresh.lesson, fresh.problem):
        saved = saved.before
    return saved


def _saved(start: Start, path: Path) -> tuple[Session, dict] | None:
    """The session saved at `path` and its view settings, if there is one to trust.

    One that cannot be trusted is set aside, and said so; one that cannot even be set
    aside is left as it is, and then nothing is saved over it.
    """
    try:
        session, view = load(path)
        return session, checked_view(view)
    except FileNotFoundError:
        return None
    except (CorruptSave, OSError) as error:
        reason = error if isinstance(error, CorruptSave) else (error.strerror or str(error))
    except Exception as error:  # a save this gradstep cannot bring back (a bug): not a crash on every resume
        reason = _summary(error)
    try:
        kept = set_aside(path)
    except OSError as error:
        start.refuse_saving(Refusal("place.cannot_set_aside", reason=error.strerror or str(error)))
        return None
    # What was kept first: on an 80-column notice line the rest may be cut.
    start.notices.append(("command.corrupt_save", {"name": kept.name, "folder": kept.parent, "reason": reason}))
    return None


def launch(argv: list[str]) -> int:
    """`gradstep ARGS`; returns the exit status."""
    parser, args = parse_in_language(app_parser, argv)
    try:
        if args.resume and names_a_problem(args):
            raise UsageError("usage.resume_alone")
        teachers, files = lessons_from_arguments(args)
        chosen = names_a_problem(args) or teachers
        lesson = lesson_from_arguments(args, teachers, files) if chosen else None
    except Refusal as refusal:
        return parser.fail(refusal)
    if sys.stdin is None:  # started with <&-: no keys will ever come
        _say_line(parser.language, "command.stdin_closed")
        return 1
    with contextlib.ExitStack() as held:  # the session's lock, for as long as it is open
        try:
            start = starting(args, lesson or _first(teachers), default_save_path(args.session), held)
        except InUse as refusal:
            _say_line(parser.language, refusal.key, **refusal.values)
            return 1
        language = args.lang or start.view.get("language") or parser.language
        notices = [say(language, key, **values) for key, values in start.notices]
        notices += [explain(language, clash) for clash in clashes((*(teachers or ()), *files))]
        session = start.session
        listed = (*(teachers or ()), *files)
        if session.lesson.source != "course" and session.lesson.name not in {lesson.name for lesson in listed}:
            files = (*files, session.lesson)  # a resumed teacher's lesson stays on the list
        owner = Owner(login_name(), args.session or "")
        pending = pending_path(start.save_path) if start.save_path is not None else None
        if pending is not None and not _completed(pending, language, notices):
            pending = None  # the last run's rows wait there for a later start: this run's go nowhere else
        handing_in = HandIn(args.hand_in, owner, pending) if args.hand_in is not None else None
        if not args.full_screen and (args.line or dumb_terminal()):
            for notice in notices:  # the app shows them on its screen, where they are gone when it ends
                _print_line(language, notice)
            return _run_line_mode(start, language, (*(teachers or course()), *files), handing_in, args.session)
        return _run_app(start, language, " ".join(notices), args, teachers, files, owner, handing_in)


def _completed(pending: Path, language: str, notices: list[str]) -> bool:
    """Hand in what this session's last run left unhanded (it was killed), and say so in
    `notices`; False if it could not be (it stays, and `pending` is not free for this run)."""
    try:
        done = complete_pending(pending)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        notices.append(say(language, "hand_in.failed", reason=where + (error.strerror or str(error))))
        return False
    if done is not None and done[1]:
        folder, paths = done
        notices.append(say(language, "hand_in.completed", names=", ".join(path.name for path in paths),
                           folder=folder))
    return True


def _first(teachers: tuple[Lesson, ...] | None) -> Lesson:
    return teachers[0] if teachers else first_lesson()


def _run_line_mode(start: Start, language: str, lessons: tuple[Lesson, ...], handing_in: HandIn | None,
                   name: str | None) -> int:
    from ..plain.keeping import LineKeeping
    from ..plain.lines import run_lines

    def save_now(session: Session) -> None:
        if start.save_path is not None:
            save(session, start.save_path, {"language": language})

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
        run_lines(start.session, language, sys.stdin, sys.stdout, on_change=keeping.changed, lessons=lessons)
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
        saved = _save_at_end(start, keeping.latest, {"language": language}, language)
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
        _say_line(language, "command.not_saved", reason=start.not_saving)
        return False
    try:
        save(session, start.save_path, view)
        return True
    except OSError as error:
        _say_line(language, "command.not_saved", reason=f"{start.save_path}: {error.strerror or error}")
        return False


def _run_app(start: Start, language: str, notice: str, args, teachers: tuple[Lesson, ...] | None,
             files: tuple[Lesson, ...], owner: Owner, handing_in: HandIn | None) -> int:
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

    app = GradstepApp(start.session, language=language, ascii_only=args.ascii or not unicode_terminal(),
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
        _say_line(language, "command.not_saved", reason=app.save_error)
    elif app.saved:
        _said_saved(language, args.session, out)
    handed_in = handing_in is None or _said_hand_in(language, handing_in, out)
    return 1 if app.save_error or not handed_in else app.return_code or 0


def _said_crash(language: str, start: Start, error: BaseException, report: Path | None, unwritten: str) -> None:
    """A crash in one line naming its report (or why none was written); a resumed session's
    save is then set aside."""
    if report is not None:
        _say_line(language, "command.crashed", path=report)
    else:
        _say_line(language, "command.crashed_unwritten", error=_summary(error), reason=unwritten)
    _set_aside_resumed(start, language)


def _summary(error: BaseException) -> str:
    """An error in one short line, for when its traceback is not at hand."""
    return f"{type(error).__name__}: {error}".splitlines()[0][:200]


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
            _say_line(language, "command.not_set_aside", name=path.name, reason=error.strerror or str(error))
        else:
            _say_line(language, "command.resume_set_aside", name=kept.name, folder=kept.parent)


def _said_saved(language: str, name: str | None, out) -> None:
    """That the session is saved, and the command that continues it."""
    resume = "gradstep --resume" + (f" --session {name}" if name else "")
    _say_line(language, "command.saved", command=resume, out=out)


def _said_hand_in(language: str, handing_in: HandIn, out=None) -> bool:
    """What became of the hand-in, once the screen has closed; False if it failed (the run
    then exits non-zero, so a script or the teacher's wrapper sees it too)."""
    if handing_in.error:
        _say_line(language, "hand_in.failed", reason=handing_in.error)
        return False
    if handing_in.paths:
        _say_line(language, "hand_in.done", names=", ".join(path.name for path in handing_in.paths),
                  folder=handing_in.folder, out=out or sys.stdout)
    return True


def _say_line(language: str, key: str, out=None, **values: object) -> None:
    """The catalogue's sentence `key` as one line from gradstep (on stderr unless `out` is given)."""
    _print_line(language, say(language, key, **values), out)


def _print_line(language: str, message: str, out=None) -> None:
    """`message` as one line from gradstep; nothing if the terminal is gone."""
    try:
        print(say(language, "command.error", prog="gradstep", message=message), file=out or sys.stderr, flush=True)
    except OSError:  # the link dropped: there is no one to tell
        pass
