"""A session's progress as the teacher's desk reads it while the class runs.

With a hand-in folder, each session keeps `<stem>.progress.json` there (`progress_name`),
replaced whole at most once a second: where the student is (lesson, iteration, error),
how their predictions and answers went, when they last pressed a key, and whether the
session has ended with its hand-in complete. The writer builds the object with
`progress_record`; the reader takes a file's text back with `read_progress`, which
answers None for anything that is not a progress file of this version (half a file,
a classmate's prank, a newer gradstep), so a watcher shows what it can and never fails.
Times are ISO 8601 in UTC with a Z, to the second: the same on every machine of a class.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .record import Record

FORMAT = "gradstep-progress"
VERSION = 1
SUFFIX = ".progress.json"


def progress_name(stem: str) -> str:
    """The progress file of the session whose hand-ins start with `stem` (`user-session`)."""
    return f"{stem}{SUFFIX}"


def iso_utc(seconds: float, milliseconds: bool = False) -> str:
    """A time (seconds since the epoch) as ISO 8601 in UTC: 2026-12-07T03:04:05Z, or with
    `milliseconds` 2026-12-07T03:04:05.123Z (a log's rows, several to a second)."""
    moment = datetime.fromtimestamp(seconds, timezone.utc)
    return moment.isoformat(timespec="milliseconds" if milliseconds else "seconds").replace("+00:00", "Z")


def parse_time(text: object) -> datetime | None:
    """An ISO 8601 time written by `iso_utc` (or any with a zone) as an aware datetime; None if it
    is not one (or not text at all: a progress file's field may hold anything)."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


@dataclass(repr=False, frozen=True)
class AnswerSeen(Record):
    """One answer to one of a lesson's questions, as the desk shows it."""

    lesson: str
    question: int  # its number in the lesson, from 1
    text: str  # the question's words
    answer: str  # what the student answered, as text ("" when skipped)
    right: bool
    first: bool  # the first attempt at this question in its session (the one the session's tally counts)
    at: int | None = None  # the iteration it was asked at (None: a file written before it was kept)
    time: str | None = None  # when it was given, ISO 8601 UTC to the millisecond (None: as for `at`)


@dataclass(repr=False, frozen=True)
class Progress(Record):
    """One session's progress file, read back."""

    account: str  # the login it says it is (informative: the student is the file's owner)
    session: str
    lesson: str  # the lesson open now
    lessons_opened: tuple[str, ...]
    iteration: int
    error: float | None  # None once the run has overflowed
    predictions_right: int
    predictions: int  # predictions scored
    questions_right: int
    questions_asked: int
    answers: tuple[AnswerSeen, ...]
    last_key: str  # ISO 8601 UTC
    diverged: bool
    ended: bool  # the session ended and its hand-in is complete
    updated: str  # ISO 8601 UTC


def progress_record(*, account: str, session: str, lesson: str, lessons_opened: list[str],
                    iteration: int, error: float | None, predictions_right: int, predictions: int,
                    questions_right: int, questions_asked: int, answers: list[AnswerSeen],
                    last_key: float, diverged: bool, ended: bool, updated: float) -> dict[str, Any]:
    """The JSON object of a progress file; times are seconds since the epoch, written in UTC.
    An error that is not finite (the run overflowed) is null: JSON has no word for it."""
    return {
        "format": FORMAT, "version": VERSION,
        "account": account, "session": session, "lesson": lesson,
        "lessons_opened": list(lessons_opened),
        "iteration": int(iteration),
        "error": float(error) if error is not None and math.isfinite(error) else None,
        "predictions_right": int(predictions_right), "predictions": int(predictions),
        "questions_right": int(questions_right), "questions_asked": int(questions_asked),
        "answers": [_answer_record(seen) for seen in answers],
        "last_key": iso_utc(last_key), "diverged": bool(diverged), "ended": bool(ended),
        "updated": iso_utc(updated),
    }


def _answer_record(seen: AnswerSeen) -> dict[str, Any]:
    """An answer's object: `at` and `time` only where known, so the room can tell whether a
    student stepped on since (stuck is now) and which try came first across sessions."""
    record: dict[str, Any] = {"lesson": seen.lesson, "question": seen.question, "text": seen.text,
                              "answer": seen.answer, "right": seen.right, "first": seen.first}
    if seen.at is not None:
        record["at"] = int(seen.at)
    if seen.time is not None:
        record["time"] = seen.time
    return record


def write_progress(record: dict[str, Any]) -> str:
    """The file's text: one JSON object, floats exact, never NaN."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n"


_COUNTS = ("iteration", "predictions_right", "predictions", "questions_right", "questions_asked")
_FLAGS = ("diverged", "ended")
_TEXTS = ("account", "session", "lesson")
_TIMES = ("last_key", "updated")
_ANSWER_TYPES = {"lesson": str, "question": int, "text": str, "answer": str, "right": bool, "first": bool}


def read_progress(text: str) -> Progress | None:
    """The progress in a file's text, or None if it is not a whole progress file of this version."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return None
    if not all(_is_count(data.get(name)) for name in _COUNTS):
        return None
    if not all(isinstance(data.get(name), bool) for name in _FLAGS):
        return None
    if not all(isinstance(data.get(name), str) for name in _TEXTS):
        return None
    if not all(parse_time(data.get(name)) is not None for name in _TIMES):
        return None
    error = data.get("error")
    if error is not None and (isinstance(error, bool) or not isinstance(error, (int, float))
                              or not math.isfinite(error)):
        return None
    opened, answers = data.get("lessons_opened"), data.get("answers")
    if not isinstance(opened, list) or not all(isinstance(name, str) for name in opened):
        return None
    if not isinstance(answers, list) or not all(_is_answer(item) for item in answers):
        return None
    return Progress(
        data["account"], data["session"], data["lesson"], tuple(opened), data["iteration"],
        None if error is None else float(error),
        data["predictions_right"], data["predictions"], data["questions_right"], data["questions_asked"],
        tuple(AnswerSeen(**{name: item[name] for name in _ANSWER_TYPES}, at=item.get("at"), time=item.get("time"))
              for item in answers),
        data["last_key"], data["diverged"], data["ended"], data["updated"])


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_answer(item: object) -> bool:
    if not isinstance(item, dict):
        return False
    for name, kind in _ANSWER_TYPES.items():
        value = item.get(name)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            return False
    if "at" in item and not _is_count(item["at"]):
        return False
    if "time" in item and parse_time(item["time"]) is None:
        return False
    return bool(item["question"] >= 1)
