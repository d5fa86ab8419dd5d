"""A lesson file read and checked: the file, the field and the fault named when something is wrong.

The one check of a lesson, whatever it comes from: a course file, a teacher's file
(`gradstep check` gathers every fault at once), or the lesson kept in a save. Only a regular
file of bounded size is read, tomllib is spared keys too deep for it, and every word read
is cleaned of control characters (`outside`) before it can reach a screen.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ParamSpec

from .lessons import HIDEABLE, LANGUAGES, LOCKABLE, QUESTION_WORDS, TEXT_FIELDS, Lesson, LessonError, LessonText
from .limits import KEY_DEPTH, LESSON_FILE_BYTES, MAX_ITERATIONS
from .names import NAME_LENGTH, is_plain_name
from .outside import clean, read_text
from .problem import GRADIENT_DESCENT, Problem, is_finite, is_number, problem_faults
from .questions import Question, QuestionText
from .refusals import Refusal

RULES_FIELDS = ("locked", "hide", "predict")
_FIELDS = ("name", *(field.name for field in dataclasses.fields(Problem)), "tutorial_steps", *RULES_FIELDS,
           "questions", *LANGUAGES)
_QUESTION_FIELDS = ("at", "answer", "tolerance", "choices", *LANGUAGES)
MIN_CHOICES, MAX_CHOICES = 2, 9  # something to choose between; each chosen by one digit


def load_lesson_file(path: str | Path) -> Lesson:
    """A teacher's lesson file, validated against the course's schema; LessonError for its
    first fault."""
    lesson, _, _ = check_lesson_file(path, gather=False)
    assert lesson is not None, "without gathering, the first fault is raised"
    return lesson


def check_lesson_file(path: str | Path, gather: bool = True) -> tuple[Lesson | None, list["LessonError"],
                                                                      dict[str, Any] | None]:
    """A lesson file, every fault in it (the lesson is None if there is any), for a teacher
    to fix them all in one go, and its fields as TOML gives them (None if it is no TOML), for
    the warnings; with `gather` False, the first fault is raised.

    Only a regular file of at most LESSON_FILE_BYTES is read, and its words, and its name
    in messages, are cleaned of control characters (`outside`).
    """
    path, where = Path(path), clean(str(path))
    faults: list[LessonError] | None = [] if gather else None
    try:
        data = _table(_read(path), where)
    except LessonError as fault:
        if faults is None:
            raise
        return None, [fault], None
    lesson = lesson_from_table(data, where, source=str(path), default_name=clean(path.stem), faults=faults)
    return (None if faults else lesson), faults or [], data


def _read(path: Path) -> str:
    where = clean(str(path))
    try:
        return read_text(path, LESSON_FILE_BYTES)
    except Refusal as refusal:
        raise LessonError(refusal.key, where=where, **refusal.values) from None
    except FileNotFoundError:
        raise LessonError("file.missing", where=where) from None
    except OSError as error:
        raise LessonError("file.unreadable", where=where, reason=error.strerror or str(error)) from None


# A dotted key of more than KEY_DEPTH parts, bare or quoted, anywhere (an inline table's
# keys too); a part starts where no bare-key character stands before it, so a long word
# is tried once, not at each of its letters.
DEEP_KEY = re.compile(r"""(?<![A-Za-z0-9_-])(?:(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')[ \t]*+\.[ \t]*+){%d}"""
                      % KEY_DEPTH)


def lesson_from_text(text: str, where: str, source: str) -> Lesson:
    """A course file's lesson from its text; LessonError for its first fault."""
    lesson = lesson_from_table(_table(text, where), where, source)
    assert lesson is not None, "with no faults list, the first fault is raised"
    return lesson


def _table(text: str, where: str) -> dict[str, Any]:
    """A lesson file's text as TOML's tables, or LessonError if it is none (or too deep to try)."""
    if DEEP_KEY.search(text):
        raise LessonError("lesson.too_deep", where=where)  # before tomllib, which is slow on them
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _not_toml(text, str(error), where) from None
    except RecursionError:  # tables or arrays nested thousands deep
        raise LessonError("lesson.too_deep", where=where) from None
    except ValueError:  # an integer of more digits than Python converts (sys.get_int_max_str_digits)
        raise LessonError("lesson.number_too_long", where=where) from None
    return data


def lesson_from_table(data: dict[str, Any], where: str, source: str, default_name: str | None = None,
                      faults: list["LessonError"] | None = None) -> Lesson | None:
    """A lesson from a table of a lesson file's fields: a parsed file, or a save's lesson.

    The one check of a lesson, whatever it comes from; its texts come out cleaned. With
    `faults` None the first fault is raised; with a list, every fault is added to it and
    None is returned if there was any.
    """
    if not isinstance(data, dict):
        raise LessonError("lesson.expected_table", where=where, table="lesson", value=data)
    fields = _Fields(data, where, faults=faults)
    fields.refuse_unknown(_FIELDS)
    name = fields.gather(fields.name, "name", default=default_name)
    values = {
        "weights": fields.gather(fields.weights, "weights"),
        "inputs": fields.gather(fields.numbers, "inputs"),
        "goal": fields.gather(fields.goal, "goal"),
        "method": fields.gather(fields.string, "method", default=GRADIENT_DESCENT),
        "alpha": fields.gather(fields.number, "alpha", default=1.0),
        "step_amount": fields.gather(fields.number, "step_amount", default=0.1),
        "frozen": fields.gather(fields.positions, "frozen"),
    }
    rows = fields.rows
    if rows is not None and values["inputs"] is not None and any(len(row) != len(values["inputs"]) for row in rows):
        fields.note(fields.fail("weights", "lesson.ragged_rows", inputs=len(values["inputs"]),
                                sizes=[len(row) for row in rows]))
        values["weights"] = None
    for fault in problem_faults(values):
        fields.note(LessonError(fault.key, where=where, field=fault.field, **fault.values))
    rules = {
        "locked": fields.gather(fields.choices, "locked", LOCKABLE),
        "hidden": fields.gather(fields.choices, "hide", HIDEABLE),
        "predict": fields.gather(fields.flag, "predict"),
    }
    steps = fields.gather(fields.count, "tutorial_steps")
    texts = {language: fields.gather(fields.text, language) for language in LANGUAGES if language in data}
    questions = fields.gather(fields.questions)
    if faults:
        return None
    return Lesson(name, Problem(**values), steps, texts, source, **rules, questions=questions)


class _Noted(Exception):
    """A read that gathered its own faults (several questions): it gives nothing, and there
    is nothing more to note."""


_P = ParamSpec("_P")  # a read's arguments, passed through gather


class _Fields:
    """Typed reads from a parsed TOML table, each failing with file, field and fault."""

    def __init__(self, data: dict[str, Any], where: str, prefix: str = "",
                 faults: list["LessonError"] | None = None) -> None:
        self.data, self.where, self.prefix = data, where, prefix
        self.faults = faults  # None: raise the first fault; a list: gather every fault into it

    def fail(self, key: str, message: str, **values: object) -> LessonError:
        return LessonError(message, where=self.where, field=clean(f"{self.prefix}{key}"), **values)

    def note(self, fault: LessonError) -> None:
        """Raise `fault`, or, when gathering, keep it and go on."""
        if self.faults is None:
            raise fault
        self.faults.append(fault)

    def gather(self, read: Callable[_P, object], *args: _P.args, **kwargs: _P.kwargs) -> Any:
        """`read(*args)`, or None once its fault is noted (when gathering). Any: whether a None
        is possible is known to the caller (it checks `faults` before it uses what was read)."""
        try:
            return read(*args, **kwargs)
        except LessonError as fault:
            self.note(fault)
            return None
        except _Noted:  # its faults are noted already
            return None

    def refuse_unknown(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in known:
                self.note(self.fail(key, "lesson.unknown_field", close=close_match(key, known), known=list(known)))

    def _get(self, key: str, default: object) -> object:
        if key in self.data:
            return self.data[key]
        if default is None:
            raise self.fail(key, "lesson.missing")
        return default

    def number(self, key: str, default: float | None = None) -> float:
        """A finite number, as a float."""
        value = self._get(key, default)
        if not is_number(value):
            raise self.fail(key, "lesson.expected_number", value=value)
        if not is_finite(value):
            raise self.fail(key, "problem.not_finite", value=value)
        return float(value)

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

    rows: list[tuple[float, ...]] | None = None  # the rows of a `weights` given as a list of lists

    def weights(self, key: str) -> tuple[float, ...]:
        """A list of numbers, or a list of rows of numbers (one per output), flattened row by row."""
        value = self._get(key, None)
        if isinstance(value, list) and value and all(isinstance(row, list) for row in value):
            for number, row in enumerate(value, start=1):
                _Fields({f"{key}[{number}]": row}, self.where, self.prefix).numbers(f"{key}[{number}]")
            self.rows = value
            return tuple(item for row in value for item in row)
        return self.numbers(key)

    def goal(self, key: str) -> float | tuple[float, ...]:
        """A number, or a list of numbers: one goal per output."""
        value = self._get(key, None)
        return self.numbers(key) if isinstance(value, list) else self.number(key)

    def positions(self, key: str) -> tuple[int, ...]:
        """Weights counted from 1 (as the screen numbers them), as indices from 0; none when absent."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(is_number(item) and isinstance(item, int) and item >= 1
                                                  for item in value):
            raise self.fail(key, "lesson.expected_positions", value=value)
        return tuple(item - 1 for item in value)

    def string(self, key: str, default: str | None = None) -> str:
        value = self._get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "lesson.expected_text", value=value)
        return clean(value.strip())

    def name(self, key: str, default: str | None = None) -> str:
        """A lesson's name: it becomes part of file names (exports, hand-ins), so it is plain."""
        value = self.string(key, default)
        if not is_plain_name(value):
            raise self.fail(key, "lesson.bad_name", length=NAME_LENGTH, text=value)
        return value

    def choices(self, key: str, known: tuple[str, ...]) -> tuple[str, ...]:
        """A list of words from `known` (an empty list when absent), each once, in order given;
        every word that is not one is a fault of its own."""
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "lesson.expected_words", value=value, known=list(known))
        wrong = [item for item in value if item not in known]
        for item in wrong:
            fault = self.fail(key, "lesson.not_a_choice", value=item, known=list(known),
                              close=close_match(item, known) if isinstance(item, str) else None)
            if item is wrong[-1]:
                raise fault
            self.note(fault)
        return tuple(dict.fromkeys(value))

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "lesson.expected_bool", value=value)
        return value

    def count(self, key: str, smallest: int = 1) -> int | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if not is_number(value) or not isinstance(value, int) or value < smallest:
            raise self.fail(key, "lesson.expected_count", value=value, smallest=smallest)
        if value > MAX_ITERATIONS:  # more than a run keeps: `gradstep run` would never end
            raise self.fail(key, "lesson.count_too_large", limit=MAX_ITERATIONS)
        return value

    def questions(self) -> tuple[Question, ...]:
        """The [[questions]] tables: when to ask, the answer (a number within a tolerance,
        or one of the choices), and the words in each language. Every question is read,
        whatever the ones before it hold (when gathering)."""
        tables = self.data.get("questions", [])
        if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
            raise self.fail("questions", "lesson.expected_tables", value=tables)
        questions = [_Fields(table, self.where, prefix=f"questions[{number}].", faults=self.faults).question()
                     for number, table in enumerate(tables, start=1)]
        found = tuple(question for question in questions if question is not None)
        if len(found) < len(questions):
            raise _Noted()
        return found

    def question(self) -> Question | None:
        """One [[questions]] table; None once its faults are noted (when gathering)."""
        before = len(self.faults or ())
        self.refuse_unknown(_QUESTION_FIELDS)
        at = self.gather(self.count, "at", smallest=0)
        if at is None and "at" not in self.data:
            self.note(self.fail("at", "lesson.missing"))
        choices = self.gather(self.choice_list)
        answer = self.gather(self.string if "choices" in self.data else self.number, "answer")
        if choices and answer is not None and answer not in choices:
            self.note(self.fail("answer", "lesson.answer_not_a_choice", value=answer, choices=list(choices)))
        tolerance = self.gather(self.number, "tolerance", default=0.0)
        if tolerance is not None and tolerance < 0:
            self.note(self.fail("tolerance", "lesson.negative", value=tolerance))
        texts = {language: self.gather(self.question_text, language, None if choices is None else len(choices))
                 for language in LANGUAGES if language in self.data}
        if not any(text.ask for text in texts.values() if text is not None):
            self.note(self.fail("en", "lesson.question_unasked"))
        if len(self.faults or ()) > before:
            return None
        return Question(at, answer, tolerance, choices, texts)

    def question_text(self, language: str, count: int | None) -> QuestionText:
        """A question's [questions.LANGUAGE] table: its words, and names for its `count` choices
        (None: the choices themselves are faulty, so their names are not counted)."""
        if not isinstance(self.data[language], dict):
            raise self.fail(language, "lesson.expected_table", table=f"questions.{language}", value=self.data[language])
        table = _Fields(self.data[language], self.where, prefix=f"{self.prefix}{language}.", faults=self.faults)
        table.refuse_unknown((*QUESTION_WORDS, "choices"))
        words = {key: table.gather(table.string, key) for key in QUESTION_WORDS if key in table.data}
        labels = table.gather(table.choice_list) or ()
        if labels and count is not None and len(labels) != count:
            table.note(table.fail("choices", "lesson.choice_labels", count=count))
        return QuestionText(**{key: text for key, text in words.items() if text is not None}, choices=labels)

    def choice_list(self) -> tuple[str, ...]:
        """A question's choices: MIN_CHOICES to MAX_CHOICES pieces of text (none when absent)."""
        if "choices" not in self.data:
            return ()
        choices = self.data["choices"]
        if not isinstance(choices, list) or not all(isinstance(choice, str) and choice.strip() for choice in choices):
            raise self.fail("choices", "lesson.expected_choices", value=choices)
        if len(choices) < MIN_CHOICES:
            raise self.fail("choices", "lesson.too_few_choices", count=len(choices), limit=MIN_CHOICES)
        if len(choices) > MAX_CHOICES:
            raise self.fail("choices", "lesson.too_many_choices", count=len(choices), limit=MAX_CHOICES)
        return tuple(clean(choice.strip()) for choice in choices)

    def text(self, language: str) -> LessonText:
        table = self.data[language]
        if not isinstance(table, dict):
            raise self.fail(language, "lesson.expected_table", table=language, value=table)
        fields = _Fields(table, self.where, prefix=f"{language}.", faults=self.faults)
        fields.refuse_unknown(TEXT_FIELDS)
        words = {key: fields.gather(fields.string, key) for key in TEXT_FIELDS if key in table}
        return LessonText(**{key: text for key, text in words.items() if text is not None})


def close_match(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` was probably meant to be (difflib loads only when a name is wrong)."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


def _not_toml(text: str, message: str, where: str) -> LessonError:
    """Where tomllib stopped, as a teacher finds it in an editor: the line, the column and the
    line's own text. tomllib says "(at line 3, column 9)", or "(at end of document)" for a
    string or bracket left open, which said only "not valid TOML": then the file's last line,
    where the open string or bracket ran out."""
    lines = text.split("\n")  # as tomllib counts lines: \n alone (splitlines also splits at U+2028)
    found = re.search(r"line (\d+), column (\d+)", message)
    if found is None:
        last = max((number for number, line in enumerate(lines) if line.strip()), default=0)
        return LessonError("lesson.not_toml.end", where=where, line=last + 1, text=lines[last].strip() or None)
    line, column = int(found[1]), int(found[2])
    shown = lines[line - 1].strip() if line <= len(lines) else ""
    return LessonError("lesson.not_toml", where=where, line=line, column=column, text=shown or None)
