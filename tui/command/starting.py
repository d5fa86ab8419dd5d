"""Which session a start opens, and where it will be saved: the start and resume policy.

--resume opens the last save; a fresh start over a save keeps that save a key away (the
session before this one) and as session.previous.json. A save that cannot be trusted is
set aside and said so; a save folder that is not the student's own, or a session another
gradstep has open, is neither read nor written.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ...core.courses import first_lesson
from ...core.lessons import Lesson
from ...core.record import Record
from ...core.refusals import Refusal
from ...core.saving import CorruptSave, load, set_aside
from ...core.session import Session
from ..app.state import checked_view
from ..files.places import previous_path
from ..files.private import SessionLock, Unusable, check_save, private_folder


@dataclass(repr=False)
class Start(Record):
    """What gradstep starts with, and where its session will go."""

    session: Session
    view: dict = field(default_factory=dict)  # the saved view settings, when resuming
    notices: list[tuple[str, dict]] = field(default_factory=list)  # catalogue keys and values (a Lesson named when said)
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
        start.notices.append((kept_where, {"lesson": kept.lesson, "iteration": kept.history.iteration}))
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
        reason = error_summary(error)
    try:
        kept = set_aside(path)
    except OSError as error:
        start.refuse_saving(Refusal("place.cannot_set_aside", reason=error.strerror or str(error)))
        return None
    # What was kept first: on an 80-column notice line the rest may be cut.
    start.notices.append(("command.corrupt_save", {"name": kept.name, "folder": kept.parent, "reason": reason}))
    return None


def error_summary(error: BaseException) -> str:
    """An error in one short line, for when its traceback is not at hand."""
    return f"{type(error).__name__}: {error}".splitlines()[0][:200]
