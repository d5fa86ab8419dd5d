"""Saving a student's session, and bringing it back exactly after a dropped link.

A save holds the lesson itself (so a teacher's file may change or vanish), the problem,
the iteration reached, the full log in exact floats, and the sessions before each
change (for undo). A run is deterministic, so loading replays the history and checks it
against the saved log bit for bit: a file that disagrees is corrupt, not half-trusted.
Saves are atomic (a temporary file renamed over the old one) and private to the user
(mode 0600 in a 0700 folder), since students may share a machine.
"""

import dataclasses
import json
import os
import tempfile
import time
from pathlib import Path

from .history import History
from .lessons import Lesson, LessonText
from .predict import Guess, judge
from .problem import Problem
from .questions import RIGHT, SKIPPED, WRONG, Answer, Question, QuestionText
from .refusals import Refusal
from .session import Session

FORMAT = 1
UNDO_KEPT = 20  # earlier sessions saved for undo; older ones are dropped


class CorruptSave(Refusal):
    """A save file that cannot be trusted; the key says why."""


def _lesson_data(lesson: Lesson) -> dict:
    return {
        "name": lesson.name,
        "source": lesson.source,
        "tutorial_steps": lesson.tutorial_steps,
        "problem": _problem_data(lesson.problem),
        "texts": {language: vars(text) for language, text in lesson.texts.items()},
        "questions": [_question_data(question) for question in lesson.questions],
        "rules": {"locked": list(lesson.locked), "hidden": list(lesson.hidden), "predict": lesson.predict},
    }


def _question_data(question: Question) -> dict:
    data = dataclasses.asdict(question)
    data["choices"] = list(question.choices)
    return data


def _problem_data(problem: Problem) -> dict:
    return {field: list(value) if isinstance(value, tuple) else value for field, value in vars(problem).items()}


def session_data(session: Session, view: dict | None = None) -> dict:
    """A session as plain JSON data: lesson, problem, iteration, exact log, undo chain."""
    history = session.history
    chain, earlier = [], session.before
    while earlier is not None and len(chain) < UNDO_KEPT:
        chain.append({"lesson": _lesson_data(earlier.lesson), "problem": _problem_data(earlier.problem),
                      "iteration": earlier.history.iteration, **_learner_data(earlier)})
        earlier = earlier.before
    return {
        "format": FORMAT,
        "saved": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "lesson": _lesson_data(session.lesson),
        "problem": _problem_data(history.problem),
        "iteration": history.iteration,
        "log": {
            "weights": history.weight_trail.tolist(),
            "predictions": history.predictions.tolist(),
            "errors": history.errors.tolist(),
        },
        "before": chain,
        "view": view or {},
        **_learner_data(session),
    }


def _learner_data(session: Session) -> dict:
    """What the student said: guesses, answers and the tally of earlier runs."""
    return {"guesses": [vars(guess) for guess in session.guesses],
            "answers": [vars(answer) for answer in session.answers],
            "earlier": list(session.earlier)}


def _learner(data: dict, lesson: Lesson, history: History) -> dict:
    """Guesses and answers from a save, each checked against the run and the lesson: a
    guess is judged again, an answer must fit its question."""
    guesses = tuple(_guess(entry, history) for entry in data.get("guesses", []))
    answers = tuple(_answer(entry, lesson) for entry in data.get("answers", []))
    right, scored = data.get("earlier", [0, 0])
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (right, scored)) or not 0 <= right <= scored:
        raise CorruptSave("save.bad_tally", value=[right, scored])
    return {"guesses": guesses, "answers": answers, "earlier": (right, scored)}


def _guess(entry: dict, history: History) -> Guess:
    guess = Guess(**entry)
    if not (isinstance(guess.iteration, int) and 0 <= guess.iteration < history.iteration):
        raise CorruptSave("save.bad_guess", value=guess.iteration)
    if judge(history.problem, history.record(guess.iteration), guess.value) != guess:
        raise CorruptSave("save.bad_guess", value=guess.iteration)
    return guess


def _answer(entry: dict, lesson: Lesson) -> Answer:
    answer = Answer(**entry)
    known = isinstance(answer.index, int) and 0 <= answer.index < len(lesson.questions)
    if not known or answer.result not in (RIGHT, WRONG, SKIPPED) or not isinstance(answer.tries, int):
        raise CorruptSave("save.bad_answer", value=answer.index)
    question = lesson.questions[answer.index]
    if answer.at != question.at or (answer.result == RIGHT) != (answer.given is not None and question.accepts(answer.given)):
        raise CorruptSave("save.bad_answer", value=answer.index)
    return answer


def session_from_data(data: dict) -> tuple[Session, dict]:
    """The session `data` describes, checked against its own log, and its view settings."""
    try:
        if data.get("format") != FORMAT:
            raise CorruptSave("save.unknown_format", value=data.get("format"))
        before = None
        for entry in reversed(data["before"]):
            lesson, history = _lesson(entry["lesson"]), _history(entry)
            before = Session(lesson, history, before, **_learner(entry, lesson, history))
        history = _history(data)
        log = data["log"]
        replayed = {"weights": history.weight_trail.tolist(), "predictions": history.predictions.tolist(),
                    "errors": history.errors.tolist()}
        if replayed != log:
            raise CorruptSave("save.log_mismatch")
        view = data.get("view", {})
        if not isinstance(view, dict):
            raise CorruptSave("save.view_not_table")
        lesson = _lesson(data["lesson"])
        return Session(lesson, history, before, **_learner(data, lesson, history)), view
    except CorruptSave:
        raise
    except (KeyError, TypeError, AttributeError) as error:
        raise CorruptSave("save.wrong_kind", detail=repr(error)) from None
    except Refusal as refusal:  # InvalidProblem among them
        raise CorruptSave("save.invalid_value", reason=refusal) from None
    except ValueError as error:
        raise CorruptSave("save.wrong_kind", detail=repr(error)) from None


def _lesson(data: dict) -> Lesson:
    texts = {language: LessonText(**text) for language, text in data["texts"].items()}
    questions = tuple(_question(entry) for entry in data.get("questions", []))
    rules = data.get("rules", {})  # a teacher's locks, hidden readouts and predict mode (saves before them had none)
    return Lesson(data["name"], _problem(data["problem"]), data["tutorial_steps"], texts, data["source"],
                  locked=tuple(rules.get("locked", ())), hidden=tuple(rules.get("hidden", ())),
                  predict=rules.get("predict", False) is True, questions=questions)


def _question(data: dict) -> Question:
    texts = {language: QuestionText(**{**text, "choices": tuple(text.get("choices", ()))})
             for language, text in data["texts"].items()}
    return Question(**{**data, "choices": tuple(data["choices"]), "texts": texts})


def _problem(data: dict) -> Problem:
    return Problem(**{field: tuple(value) if isinstance(value, list) else value for field, value in data.items()})


def _history(data: dict) -> History:
    iteration = data["iteration"]
    if isinstance(iteration, bool) or not isinstance(iteration, int) or iteration < 0:
        raise CorruptSave("save.bad_iteration", value=iteration)
    history = History.start(_problem(data["problem"])).jump(iteration)
    if history.iteration != iteration:
        raise CorruptSave("save.diverges_early", iteration=iteration)
    return history


def save(session: Session, path: Path, view: dict | None = None) -> None:
    """Write `session` to `path` atomically, readable by its owner only."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    text = json.dumps(session_data(session, view), allow_nan=False)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".session-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:  # mkstemp makes it 0600
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(path: Path) -> tuple[Session, dict]:
    """The session saved at `path`; FileNotFoundError if none, CorruptSave if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptSave("save.not_json", detail=str(error)) from None
    if not isinstance(data, dict):
        raise CorruptSave("save.not_table")
    return session_from_data(data)


def set_aside(path: Path) -> Path:
    """Move a corrupt save out of the way, keeping it for a teacher to look at."""
    kept = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, kept)
    return kept
