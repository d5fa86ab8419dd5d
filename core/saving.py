"""Saving a student's session, and bringing it back exactly after a dropped link.

A save holds the lesson itself (so a teacher's file may change or vanish), the problem,
the iteration reached, and the sessions before each change (for undo). A run is
deterministic, so the log is not saved: resuming replays it (`replay`, fast enough that
the largest save costs under a second more than a fresh start), and a save is checked as
strictly as a lesson file, through the same checks. A save of the first format, which
also held the log, still loads; its log is not read.

A save is read only if it is a regular file of at most SAVE_BYTES, and anything in it
that is not what gradstep writes (a wrong kind, an iteration past MAX_ITERATIONS, nesting
thousands deep) makes it a CorruptSave, which the caller sets aside: it never crashes
gradstep, resume after resume. Saves are atomic (a temporary file renamed over the old
one) and readable by their owner only (mode 0600).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from .history import History, Trajectory
from .lesson_files import lesson_from_table
from .lessons import Lesson
from .limits import MAX_ITERATIONS, SAVE_BYTES
from .outside import read_text
from .predict import DIRECTION, DIRECTIONS, Guess, judge, what_to_predict
from .problem import Problem, is_finite, is_number
from .questions import RIGHT, SKIPPED, WRONG, Answer, Question
from .refusals import Refusal
from .session import Session

FORMAT = 2
FORMATS_READ = (1, 2)  # 1 also held the log, which is no longer read
UNDO_KEPT = 20  # earlier sessions saved for undo; older ones are dropped
ANSWERED_KEPT = 100  # and past those, the start of each lesson answered in, with its answers


class CorruptSave(Refusal):
    """A save file that cannot be trusted; the key says why."""


def _lesson_data(lesson: Lesson) -> dict[str, Any]:
    """A lesson as the table of a lesson file (empty texts left out), and where it came from:
    a save's lesson is checked on loading by the lesson files' own check."""
    table = {"name": lesson.name, **_problem_data(lesson.problem), "source": lesson.source}
    table["frozen"] = [index + 1 for index in lesson.problem.frozen]  # a lesson file counts from 1
    if lesson.tutorial_steps is not None:
        table["tutorial_steps"] = lesson.tutorial_steps
    table.update(locked=list(lesson.locked), hide=list(lesson.hidden), predict=lesson.predict)
    if lesson.questions:
        table["questions"] = [_question_data(question) for question in lesson.questions]
    for language, text in lesson.texts.items():
        table[language] = _words(vars(text))
    return table


def _words(text: dict[str, Any]) -> dict[str, Any]:
    """A table of words as a lesson file writes it: no empty field."""
    return {field: list[Any](words) if isinstance(words, tuple) else words for field, words in text.items() if words}


def _question_data(question: Question) -> dict[str, Any]:
    """A question as a lesson file's [[questions]] table."""
    table: dict[str, Any] = {"at": question.at, "answer": question.answer, "tolerance": question.tolerance}
    if question.choices:
        table["choices"] = list(question.choices)
    return {**table, **{language: _words(vars(text)) for language, text in question.texts.items()}}


def _problem_data(problem: Problem) -> dict[str, Any]:
    return {field: list[Any](value) if isinstance(value, tuple) else value for field, value in vars(problem).items()}


def session_data(session: Session, view: dict[str, Any] | None = None) -> dict[str, Any]:
    """A session as plain JSON data: lesson, problem, iteration, and as much of the undo
    chain as UNDO_KEPT and MAX_ITERATIONS (replayed in all, on resuming) allow."""
    history = session.history
    chain: list[dict[str, Any]] = []
    earlier = session.before
    room = MAX_ITERATIONS - history.iteration
    while earlier is not None and len(chain) < UNDO_KEPT and earlier.history.iteration <= room:
        room -= earlier.history.iteration
        chain.append({"lesson": _lesson_data(earlier.lesson), "problem": _problem_data(earlier.problem),
                      "iteration": earlier.history.iteration, **_learner_data(earlier)})
        earlier = earlier.before
    chain += _answered_beyond(earlier, {session.lesson, *(entry.lesson for entry in _sessions(session.before, len(chain)))})
    return {
        "format": FORMAT,
        "saved": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "lesson": _lesson_data(session.lesson),
        "problem": _problem_data(history.problem),
        "iteration": history.iteration,
        "before": chain,
        "view": view or {},
        **_learner_data(session),
    }


def _sessions(session: Session | None, count: int) -> list[Session]:
    """The first `count` sessions of an undo chain, newest first."""
    kept: list[Session] = []
    while session is not None and len(kept) < count:
        kept.append(session)
        session = session.before
    return kept


def _answered_beyond(session: Session | None, seen: set[Lesson]) -> list[dict[str, Any]]:
    """Each lesson answered in the undo chain older than a save keeps, as its start with its
    answers: a lesson opened again keeps its answers (Session.with_lesson), after a resume
    too, so its questions are not asked twice (the keys meant for the lesson landed in the
    question's box). Iteration 0 costs no replay."""
    entries: list[dict[str, Any]] = []
    while session is not None and len(entries) < ANSWERED_KEPT:
        if session.answers and session.lesson not in seen:
            seen.add(session.lesson)
            start = Session(session.lesson, History.start(session.lesson.problem), answers=session.answers,
                            earlier=session.tally)
            entries.append({"lesson": _lesson_data(start.lesson), "problem": _problem_data(start.problem),
                            "iteration": 0, **_learner_data(start)})
        session = session.before
    return entries


def _learner_data(session: Session) -> dict[str, Any]:
    """What the student said: guesses, answers and the tally of earlier runs."""
    return {"guesses": [_guess_data(guess) for guess in session.guesses],
            "answers": [vars(answer) for answer in session.answers],
            "earlier": list[Any](session.earlier)}


def _learner(data: dict[str, Any], lesson: Lesson, history: History) -> dict[str, Any]:
    """Guesses and answers from a save, each checked against the run and the lesson: a
    guess is judged again, an answer must fit its question."""
    try:
        guesses = tuple(_guess(entry, history) for entry in _table_list(data, "guesses"))
        answers = tuple(_answer(entry, lesson) for entry in _table_list(data, "answers"))
        right, scored = data.get("earlier", [0, 0])
    except CorruptSave:
        raise
    except (TypeError, ValueError):  # a field a guess or an answer does not have, or an odd tally
        raise CorruptSave("save.wrong_kind", detail="guesses, answers, earlier") from None
    if not all(type(n) is int for n in (right, scored)) or not 0 <= right <= scored:
        raise CorruptSave("save.bad_tally", value=_shown(f"{right}/{scored}"))
    return {"guesses": guesses, "answers": answers, "earlier": (right, scored)}


def _guess_data(guess: Guess) -> dict[str, Any]:
    """A guess as JSON data. Its truth is for older readers: a run that overflows at the step
    guessed at has an infinite truth, which JSON cannot hold, so it is written as null; a
    guess is judged again on loading, so the truth saved is never read."""
    finite = not isinstance(guess.truth, float) or is_finite(guess.truth)
    return {**vars(guess), "truth": guess.truth if finite else None}


def _guess(entry: dict[str, Any], history: History) -> Guess:
    guess = Guess(**entry)
    if type(guess.iteration) is not int or not 0 <= guess.iteration < history.iteration:
        raise CorruptSave("save.bad_guess", value=_shown(guess.iteration))
    directions = tuple(DIRECTIONS.values()) if what_to_predict(history.problem) == DIRECTION else None
    if not _one_of_or_number(guess.value, directions):
        raise CorruptSave("save.bad_guess", value=guess.iteration)
    judged = judge(history.problem, history.record(guess.iteration), guess.value)
    if (judged.kind, judged.value, judged.right) != (guess.kind, guess.value, guess.right):
        raise CorruptSave("save.bad_guess", value=guess.iteration)
    return judged  # with the truth of the run, not the save's


def _answer(entry: dict[str, Any], lesson: Lesson) -> Answer:
    answer = Answer(**entry)
    known = type(answer.index) is int and 0 <= answer.index < len(lesson.questions)
    if not known or answer.result not in (RIGHT, WRONG, SKIPPED) or type(answer.tries) is not int:
        raise CorruptSave("save.bad_answer", value=_shown(answer.index))
    question = lesson.questions[answer.index]
    if not _one_of_or_number(answer.given, question.choices or None):
        raise CorruptSave("save.bad_answer", value=answer.index)
    given_right = answer.given is not None and question.accepts(answer.given)
    if answer.at != question.at or (answer.result == RIGHT) != given_right:
        raise CorruptSave("save.bad_answer", value=answer.index)
    return answer


def session_from_data(data: dict[str, Any], where: str = "session") -> tuple[Session, dict[str, Any]]:
    """The session `data` describes, and its view settings; CorruptSave if anything in it
    is not what gradstep writes. `where` names the save in a lesson's refusal."""
    if not isinstance(data, dict):
        raise CorruptSave("save.not_table")
    format = data.get("format")
    if type(format) is not int or format not in FORMATS_READ:
        raise CorruptSave("save.unknown_format", value=_shown(format))
    entries = [data, *_table_list(data, "before")][::-1]  # oldest first, the session itself last
    if len(entries) > UNDO_KEPT + ANSWERED_KEPT + 1:
        raise CorruptSave("save.wrong_kind", detail="before")
    iterations = [_iteration(entry) for entry in entries]  # all checked before any is replayed
    if sum(iterations) > MAX_ITERATIONS:
        raise CorruptSave("save.too_long", limit=MAX_ITERATIONS)
    view = data.get("view", {})
    if not isinstance(view, dict):
        raise CorruptSave("save.view_not_table")
    session: Session | None = None
    for entry, iteration in zip(entries, iterations):
        lesson = _lesson(_table(entry, "lesson"), format, where)
        history = _history(_problem(_table(entry, "problem")), iteration)
        session = Session(lesson, history, session, **_learner(entry, lesson, history))
    assert session is not None, "entries holds `data` itself, so one session at least is made"
    return session, view


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, dict):
        raise CorruptSave("save.wrong_kind", detail=key)
    return value


def _one_of_or_number(value: object, words: tuple[str, ...] | None) -> bool:
    """What a student can have given: nothing (skipped), one of `words` (a direction or a
    choice, as the app records it), or else a finite number. Any other text in a save is
    not the student's, and would reach the screen and the exports."""
    if value is None:
        return True
    if words is not None:
        return isinstance(value, str) and value.casefold() in {word.casefold() for word in words}
    return is_number(value) and is_finite(value)  # JSON gives plain ints and floats only


def _table_list(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise CorruptSave("save.wrong_kind", detail=key)
    return value


def _shown(value: object) -> object:
    """A value from a save as a message may show it: a number or text as it is, else None."""
    return value if isinstance(value, (int, float, str)) else None


def _iteration(entry: dict[str, Any]) -> int:
    iteration = entry.get("iteration")
    if isinstance(iteration, bool) or not isinstance(iteration, int) or iteration < 0:
        raise CorruptSave("save.bad_iteration", value=_shown(iteration))
    if iteration > MAX_ITERATIONS:
        raise CorruptSave("save.too_long", limit=MAX_ITERATIONS)
    return iteration


def _lesson(table: dict[str, Any], format: int, where: str) -> Lesson:
    """The lesson of a save, checked by the lesson files' own check."""
    if format == 1:  # name, source, tutorial_steps, problem and texts, as fields of their own
        try:
            texts = {language: {field: words for field, words in text.items() if words}
                     for language, text in table["texts"].items()}
            steps = {} if table["tutorial_steps"] is None else {"tutorial_steps": table["tutorial_steps"]}
            table = {"name": table["name"], **table["problem"], **steps, **texts, "source": table["source"]}
        except (KeyError, TypeError, AttributeError):
            raise CorruptSave("save.wrong_kind", detail="lesson") from None
    table = dict(table)
    source = table.pop("source", None)
    if not isinstance(source, str):
        raise CorruptSave("save.wrong_kind", detail="lesson.source")
    try:
        lesson = lesson_from_table(table, where, source)  # no faults list: the first fault is raised
    except Refusal as refusal:
        raise CorruptSave("save.invalid_value", reason=refusal) from None
    assert lesson is not None, "lesson_from_table returns None only when given a list of faults"
    return lesson


def _problem(table: dict[str, Any]) -> Problem:
    try:
        fields: dict[str, Any] = {field: tuple(value) if isinstance(value, list) else value
                                  for field, value in table.items()}
        return Problem(**fields)
    except TypeError:  # a field Problem does not have, or one missing
        raise CorruptSave("save.wrong_kind", detail="problem") from None
    except Refusal as refusal:  # InvalidProblem
        raise CorruptSave("save.invalid_value", reason=refusal) from None


def _history(problem: Problem, iteration: int) -> History:
    """The run of `problem` at `iteration`, replayed in plain floats (the NumPy rules
    compute only what the replay leaves: a divergence, and the steps after it)."""
    from .replay import replay  # here: only a save read back replays, and most starts read none

    trajectory = Trajectory(problem)
    trajectory.store(*replay(problem, iteration))
    history = History(trajectory).jump(iteration)
    if history.iteration != iteration:
        raise CorruptSave("save.diverges_early", iteration=iteration)
    return history


def save(session: Session, path: Path, view: dict[str, Any] | None = None) -> None:
    """Write `session` to `path` atomically, readable by its owner only; on any failure
    the old save is left as it was. The folder must exist (tui.files makes it private)."""
    text = json.dumps(session_data(session, view), allow_nan=False)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".session-", suffix=".tmp")
    try:
        os.fchmod(descriptor, 0o600)  # mkstemp asks for 0600, but through the umask
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(path: Path) -> tuple[Session, dict[str, Any]]:
    """The session saved at `path`; FileNotFoundError if none, CorruptSave if it cannot be
    trusted; another OSError if it cannot be read at all."""
    try:
        text = read_text(path, SAVE_BYTES, follow_links=False)
    except Refusal as refusal:  # a folder, a device, a link, too large, not UTF-8: "file.*" keys
        raise CorruptSave("save." + refusal.key.removeprefix("file."), **refusal.values) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptSave("save.not_json", detail=str(error)) from None
    except RecursionError:  # arrays or objects nested thousands deep
        raise CorruptSave("save.too_deep") from None
    except ValueError:  # an integer of more digits than Python converts
        raise CorruptSave("save.number_too_long") from None
    return session_from_data(data, os.path.basename(path))


def set_aside(path: Path) -> Path:
    """Move a corrupt save out of the way, keeping it for a teacher to look at."""
    kept = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    os.replace(path, kept)
    return kept
