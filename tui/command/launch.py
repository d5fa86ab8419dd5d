"""Starting gradstep: `gradstep ARGS` from the command line to the session's end.

`gradstep` takes the same problem flags as `gradstep run` (and the same one-line
errors), plus the app's own (app_parser.py). On a terminal that cannot be drawn on it runs
the plain line mode, unless --full-screen says the app's output goes somewhere that can
draw it (`textual serve` runs it under pipes, and a browser draws it); otherwise the
full-screen app (runners.py). Either way the session is saved, and handed in with
--hand-in, however it ends (q, Ctrl-C, a dropped link, SIGTERM, a closed browser tab, a
crash), into a folder that must be the student's own (`files.private`) and by one gradstep
at a time (starting.py). What goes wrong is one line, never a traceback, and the exit
status is not 0 when the session could not be saved.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from ...core.courses import course, first_lesson
from ...core.lessons import Lesson
from ...core.refusals import Refusal
from ..files.owner import RUN, Owner, login_name
from ..files.places import pending_path
from ..files.places import save_path as default_save_path
from ..files.private import InUse
from ..words.prose import lesson_names
from ..words.say import explain, say
from .app_parser import app_parser
from .environment import dumb_terminal
from .flags import (UsageError, clashes, course_from_arguments, lesson_from_arguments, lessons_from_arguments,
                    names_a_problem, parse_in_language)
from .runners import print_line, run_app, run_line_mode, say_line
from .resuming import carried, carry_on
from .starting import starting


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
        say_line(parser.language, "command.stdin_closed")
        return 1
    with contextlib.ExitStack() as held:  # the session's lock, for as long as it is open
        try:
            start = starting(args, lesson or _first(teachers), default_save_path(args.session), held)
        except InUse as refusal:
            say_line(parser.language, refusal.key, **refusal.values)
            return 1
        language = args.lang or start.view.get("language") or parser.language
        notices = [say(language, key, **_named(values, language)) for key, values in start.notices]
        view = start.view if start.resumed_from is not None else {}  # a fresh start carries nothing on
        course_before = args.course
        notices += carry_on(args, view, language)
        if args.course != course_before:  # the course the resumed session followed
            try:
                teachers = course_from_arguments(args)  # the lesson files were read once, above
            except Refusal as refusal:  # changed since: the built-in lessons, and the student is told
                notices.append(explain(language, refusal))
                args.course = None
        notices += [explain(language, clash) for clash in clashes((*(teachers or ()), *files))]
        session = start.session
        listed = (*(teachers or ()), *files)
        if session.lesson.source != "course" and session.lesson.name not in {lesson.name for lesson in listed}:
            files = (*files, session.lesson)  # a resumed teacher's lesson stays on the list
        resumed = start.view.get(RUN, "") if start.resumed_from is not None else ""  # a fresh start resumes nothing
        owner = Owner(login_name(), args.session or "", resumed=resumed, carried=carried(args, view))
        pending = pending_path(start.save_path) if start.save_path is not None else None
        if pending is not None and not _completed(pending, language, notices):
            pending = None  # the last run's rows wait there for a later start: this run's go nowhere else
        handing_in = _handing_in(args.hand_in, owner, pending) if args.hand_in is not None else None
        if not args.full_screen and (args.line or dumb_terminal()):
            for notice in notices:  # the app shows them on its screen, where they are gone when it ends
                print_line(language, notice)
            return run_line_mode(start, language, (*(teachers or course()), *files), handing_in, args.session, owner)
        return run_app(start, language, " ".join(notices), args, teachers, files, owner, handing_in)


def _handing_in(folder: Path, owner: Owner, pending: Path | None):
    """The hand-in into `folder` (--hand-in), its code imported only then: most sessions
    hand nothing in, and each module held costs every student's process its memory."""
    from ..files.hand_in import HandIn

    return HandIn(folder, owner, pending)


def _completed(pending: Path, language: str, notices: list[str]) -> bool:
    """Hand in what this session's last run left unhanded (it was killed), and say so in
    `notices`; False if it could not be (it stays, and `pending` is not free for this run)."""
    if not os.path.lexists(pending):  # what nearly every start finds: then the hand-in's code stays unloaded
        return True
    from ..files.hand_in import complete_pending

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


def _named(values: dict, language: str) -> dict:
    """A notice's values with each lesson named as the screens name it in `language`: its
    Chinese title in Chinese, its name in English. The language is known only once the
    save is read, after the notice was made: "上次的进度（several-outputs，…）" put the
    English name inside a Chinese sentence."""
    return {key: lesson_names(value, language)[0] if isinstance(value, Lesson) else value
            for key, value in values.items()}
