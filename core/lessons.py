"""The course as data: each lesson is a TOML file, and a teacher can write their own.

A lesson is a starting problem (weights, inputs, goal, rule and its step size), how many
iterations the tutorial shows, and short texts in English and Simplified Chinese: what
the lesson teaches and what to notice. The seven course lessons ship in `course/`;
`load_lesson_file` reads a teacher's file with the same schema and names the file, the
field and the fault when something is wrong.
"""

import dataclasses
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .limits import LESSON_FILE_BYTES, MAX_ITERATIONS
from .outside import clean, read_text
from .problem import GRADIENT_DESCENT, InvalidProblem, Problem, is_number
from .refusals import Refusal

LANGUAGES = ("en", "zh")  # English first: it is what every other language falls back to
_FIELDS = ("name", *(field.name for field in dataclasses.fields(Problem)), "tutorial_steps", *LANGUAGES)
COURSE_FOLDER = Path(__file__).with_name("course")  # package data, installed as plain files


class LessonError(Refusal):
    """A lesson that cannot be loaded: where (the file), the field, and what is wrong."""


@dataclass(frozen=True)
class LessonText:
    """A lesson's words in one language. A figure in them is a {placeholder}, filled in from
    the numbers on screen (gradstep.tui.words.prose), so the words stay true after an edit."""

    title: str = ""
    summary: str = ""  # one line, for `gradstep lessons`
    teaches: str = ""  # the idea, shown before the first step
    notice: str = ""  # what to watch for or try, shown before and while stepping


TEXT_FIELDS = tuple(field.name for field in dataclasses.fields(LessonText))


@dataclass(frozen=True)
class Lesson:
    """A named starting point of the course, or of a teacher's own file."""

    name: str
    problem: Problem
    tutorial_steps: int | None  # iterations the tutorial shows; None: open-ended
    texts: dict[str, LessonText] = field(default_factory=dict, compare=False)
    source: str = "course"  # "course", or the path of a teacher's file

    def text(self, language: str) -> LessonText:
        """The lesson's words in `language`, field by field: what a translation lacks comes
        from English, and a lesson with no title at all is called by its name."""
        own, english = self.texts.get(language, LessonText()), self.texts.get("en", LessonText())
        words = {field: getattr(own, field) or getattr(english, field) for field in TEXT_FIELDS}
        return LessonText(**{**words, "title": words["title"] or self.name})

    def untranslated(self) -> list[tuple[str, str]]:
        """(language, field) for each text field that English has and a language lacks."""
        english = self.texts.get("en", LessonText())
        return [(language, field) for language in LANGUAGES[1:] for field in TEXT_FIELDS
                if getattr(english, field) and not getattr(self.texts.get(language, LessonText()), field)]


@cache
def course() -> tuple[Lesson, ...]:
    """The course's lessons in teaching order (their files sort in that order)."""
    return tuple(_course_file(path) for path in sorted(COURSE_FOLDER.glob("*.toml")))


@cache
def _course_file(path: Path) -> Lesson:
    return _parse(path.read_text(encoding="utf-8"), path.name, source="course")


def first_lesson() -> Lesson:
    return _course_file(sorted(COURSE_FOLDER.glob("*.toml"))[0])


def find_lesson(name: str) -> Lesson:
    """The course lesson called `name`, or LessonError listing the names there are.

    A course file is named after its lesson ("6-alpha.toml"), so starting a lesson reads
    one file, not the whole course.
    """
    for path in COURSE_FOLDER.glob(f"*-{name}.toml"):
        lesson = _course_file(path)
        if lesson.name == name:
            return lesson
    lessons = [lesson.name for lesson in course()]
    raise LessonError("lesson.unknown", name=name, close=_close_match(name, lessons), choices=lessons)


def load_lesson_file(path: str | Path) -> Lesson:
    """A teacher's lesson file, validated against the course's schema.

    Only a regular file of at most LESSON_FILE_BYTES is read, and its words, and its name
    in messages, are cleaned of control characters (`outside`).
    """
    path = Path(path)
    where = clean(str(path))
    try:
        text = read_text(path, LESSON_FILE_BYTES)
    except Refusal as refusal:
        raise LessonError(refusal.key, where=where, **refusal.values) from None
    except FileNotFoundError:
        raise LessonError("file.missing", where=where) from None
    except OSError as error:
        raise LessonError("file.unreadable", where=where, reason=error.strerror or str(error)) from None
    return _parse(text, where, source=str(path), default_name=clean(path.stem))


def _parse(text: str, where: str, source: str, default_name: str | None = None) -> Lesson:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = _position(str(error))
        raise LessonError("lesson.not_toml", where=where, line=line, column=column) from None
    except RecursionError:  # tables or arrays nested thousands deep
        raise LessonError("lesson.too_deep", where=where) from None
    except ValueError:  # an integer of more digits than Python converts (sys.get_int_max_str_digits)
        raise LessonError("lesson.number_too_long", where=where) from None
    return lesson_from_table(data, where, source, default_name)


def lesson_from_table(data: dict, where: str, source: str, default_name: str | None = None) -> Lesson:
    """A lesson from a table of a lesson file's fields: a parsed file, or a save's lesson.

    The one check of a lesson, whatever it comes from; its texts come out cleaned.
    """
    if not isinstance(data, dict):
        raise LessonError("lesson.expected_table", where=where, table="lesson", value=data)
    fields = _Fields(data, where)
    fields.refuse_unknown(_FIELDS)
    name = fields.string("name", default=default_name)
    try:
        problem = Problem(
            weights=fields.numbers("weights"),
            inputs=fields.numbers("inputs"),
            goal=fields.number("goal"),
            method=fields.string("method", default=GRADIENT_DESCENT),
            alpha=fields.number("alpha", default=1.0),
            step_amount=fields.number("step_amount", default=0.1),
        )
    except InvalidProblem as refusal:
        raise LessonError(refusal.key, where=where, field=refusal.field, **refusal.values) from None
    texts = {language: fields.text(language) for language in LANGUAGES if language in data}
    return Lesson(name, problem, fields.count("tutorial_steps"), texts, source)


class _Fields:
    """Typed reads from a parsed TOML table, each failing with file, field and fault."""

    def __init__(self, data: dict, where: str, prefix: str = "") -> None:
        self.data, self.where, self.prefix = data, where, prefix

    def fail(self, key: str, message: str, **values: object) -> LessonError:
        return LessonError(message, where=self.where, field=clean(f"{self.prefix}{key}"), **values)

    def refuse_unknown(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in known:
                raise self.fail(key, "lesson.unknown_field", close=_close_match(key, known), known=list(known))

    def _get(self, key: str, default: object) -> object:
        if key in self.data:
            return self.data[key]
        if default is None:
            raise self.fail(key, "lesson.missing")
        return default

    def number(self, key: str, default: float | None = None) -> float:
        value = self._get(key, default)
        if not is_number(value):
            raise self.fail(key, "lesson.expected_number", value=value)
        return value

    def numbers(self, key: str) -> tuple[float, ...]:
        value = self._get(key, None)
        values = value if isinstance(value, list) else [value]
        if not values:
            raise self.fail(key, "lesson.empty_list")
        for position, item in enumerate(values, start=1):
            if not is_number(item):
                if isinstance(value, list):
                    raise self.fail(key, "lesson.expected_number_at", position=position, value=item)
                raise self.fail(key, "lesson.expected_number", value=item)
        return tuple(values)

    def string(self, key: str, default: str | None = None) -> str:
        value = self._get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "lesson.expected_text", value=value)
        return clean(value.strip())

    def count(self, key: str) -> int | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if not is_number(value) or not isinstance(value, int) or value < 1:
            raise self.fail(key, "lesson.expected_count", value=value)
        if value > MAX_ITERATIONS:  # more than a run keeps: `gradstep run` would never end
            raise self.fail(key, "lesson.count_too_large", limit=MAX_ITERATIONS)
        return value

    def text(self, language: str) -> LessonText:
        table = self.data[language]
        if not isinstance(table, dict):
            raise self.fail(language, "lesson.expected_table", table=language, value=table)
        fields = _Fields(table, self.where, prefix=f"{language}.")
        fields.refuse_unknown(TEXT_FIELDS)
        return LessonText(**{key: fields.string(key) for key in TEXT_FIELDS if key in table})


def _close_match(word: str, choices) -> str | None:
    """The choice `word` was probably meant to be (difflib loads only when a name is wrong)."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


def _position(message: str) -> tuple[int | None, int | None]:
    """The line and column tomllib names in its message "... (at line 3, column 9)"."""
    import re

    found = re.search(r"line (\d+), column (\d+)", message)
    return (int(found[1]), int(found[2])) if found else (None, None)
