"""What in a lesson file is probably a mistake, though the lesson would load.

A field its rule never reads, a lock given twice, a lock that keeps the student in the
lesson, a reason for a lock it does not have, words a Chinese-reading student would get in English, a question nothing explains
or a tolerance on a choice: none stops a lesson, each is worth a line before class. They are read from the file's fields as TOML
gives them, not from a loaded Lesson, so a file with faults gets its warnings in the
same run (`gradstep check`), whatever the faults are.
"""

from __future__ import annotations

from collections.abc import Iterator

from typing import Any

from .lessons import LANGUAGES, QUESTION_WORDS, RATE_FIELDS, TEXT_FIELDS, LessonError
from .problem import GRADIENT_DESCENT


def lesson_warnings(data: dict[str, Any], where: str) -> list[LessonError]:
    """Every warning of a lesson file's fields `data` (file `where`)."""
    warnings = (_unused_rate(data, where) + _repeated(data, where) + _kept_in(data, where) + _reasons_unused(data, where)
                + _untranslated(data, where))
    questions = data.get("questions")
    for number, question in enumerate(questions if isinstance(questions, list) else [], start=1):
        if isinstance(question, dict):
            warnings += _question_warnings(question, where, f"questions[{number}].")
    return warnings


def lesson_words(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every piece of words in a lesson file's fields that placeholders are filled in: the
    field that holds it ("en.notice", "questions[2].zh.ask") and the text."""
    for language, table in _tables(data):
        yield from ((f"{language}.{field}", table[field]) for field in TEXT_FIELDS if isinstance(table.get(field), str))
    questions = data.get("questions")
    for number, question in enumerate(questions if isinstance(questions, list) else [], start=1):
        for language, table in _tables(question) if isinstance(question, dict) else ():
            yield from ((f"questions[{number}].{language}.{field}", table[field]) for field in QUESTION_WORDS
                        if isinstance(table.get(field), str))


def _tables(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The language tables of a lesson or a question that are tables."""
    return ((language, data[language]) for language in LANGUAGES if isinstance(data.get(language), dict))


def _table_at(data: dict[str, Any], key: str) -> dict[str, Any]:
    """data[key] if it is a table, else an empty one: a file may hold anything there."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _unused_rate(data: dict[str, Any], where: str) -> list[LessonError]:
    """The step size of a rule the lesson does not follow (alpha under hot and cold)."""
    method = data.get("method", GRADIENT_DESCENT)
    if not isinstance(method, str) or method not in RATE_FIELDS:
        return []  # a fault of its own: which rule is meant is unknown
    return [LessonError("lesson.no_effect", where=where, field=unused, rule=method)
            for unused in RATE_FIELDS.values() if unused not in (None, RATE_FIELDS[method]) and unused in data]


def _repeated(data: dict[str, Any], where: str) -> list[LessonError]:
    """A word of `locked` or `hide` given more than once: once does it."""
    found = []
    for field in ("locked", "hide"):
        words = data.get(field)
        words = [word for word in words if isinstance(word, str)] if isinstance(words, list) else []
        found += [LessonError("lesson.repeated", where=where, field=field, value=word, times=words.count(word))
                  for word in dict.fromkeys(words) if words.count(word) > 1]
    return found


def _reasons_unused(data: dict[str, Any], where: str) -> list[LessonError]:
    """A reason for a lock the lesson does not have (why_rate without "rate" locked): it is
    never said, so the teacher's sentence reaches no student."""
    locked = data.get("locked")
    locked = locked if isinstance(locked, list) else []
    return [LessonError("lesson.reason_unused", where=where, field=f"{language}.{field}", lock=field.removeprefix("why_"))
            for language, table in _tables(data) for field in TEXT_FIELDS
            if field.startswith("why_") and field in table and field.removeprefix("why_") not in locked]


def _kept_in(data: dict[str, Any], where: str) -> list[LessonError]:
    """`lessons` locked: the student can open no other lesson (l, and b at iteration 0, are
    refused), so in a course they never reach the next one. Meant for a test, perhaps; a
    surprise in class."""
    locked = data.get("locked")
    if not isinstance(locked, list) or "lessons" not in locked:
        return []
    return [LessonError("lesson.locks_lessons", where=where, field="locked")]


def _untranslated(data: dict[str, Any], where: str, prefix: str = "", fields: tuple[str, ...] = TEXT_FIELDS,
                  missing: str = "lesson.no_chinese") -> list[LessonError]:
    """Words English has and a language lacks: its students read those in English."""
    english = _table_at(data, "en")
    found = []
    for language in LANGUAGES[1:]:
        if language not in data:
            found.append(LessonError(missing, where=where, field=f"{prefix}{language}"))
            continue
        own = data[language] if isinstance(data[language], dict) else {}
        found += [LessonError("lesson.untranslated", where=where, field=f"{prefix}{language}.{field}")
                  for field in fields if field in english and field not in own]
    return found


def _question_warnings(question: dict[str, Any], where: str, prefix: str) -> list[LessonError]:
    """A tolerance on a choice (right or wrong, nothing near); words an English reader lacks
    (the question, or what explains its answer); words a Chinese reader gets in English."""
    found = []
    if "tolerance" in question and "choices" in question:
        found.append(LessonError("lesson.tolerance_of_choice", where=where, field=f"{prefix}tolerance"))
    english = _table_at(question, "en")
    somewhere = {field for _, table in _tables(question) for field in table}
    if "ask" not in english and "ask" in somewhere:  # asked in no language at all is a fault
        found.append(LessonError("lesson.question_not_in_english", where=where, field=f"{prefix}en.ask"))
    if "explain" not in somewhere:
        found.append(LessonError("lesson.unexplained", where=where, field=f"{prefix}en.explain"))
    elif "explain" not in english:
        found.append(LessonError("lesson.question_not_in_english", where=where, field=f"{prefix}en.explain"))
    return found + _untranslated(question, where, prefix, (*QUESTION_WORDS, "choices"), "lesson.question_no_chinese")
