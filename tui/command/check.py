"""`gradstep check FILE|DIR...`: every mistake in a teacher's lesson files, at once.

Loading a lesson stops at its first fault, which is right for a student starting it and
slow for a teacher fixing a course: fix, run, read the next fault. `check` reads every
file and reports every fault, one line each (file, field, what is wrong), then what is
probably a mistake though it would load (core/lesson_warnings.py), for a faulty file too;
here, what only the words can tell: a {placeholder} gradstep does not know or a brace
without its other half (each would show as written), a figure naming what the lesson
hides, and a name a built-in lesson already has. Two files giving one name is a fault, as
the course refuses it. Exit status 2 if any file has a fault, else 0.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ...core.lesson_warnings import lesson_warnings, lesson_words
from ...core.courses import course, course_files
from ...core.lesson_files import check_lesson_file, close_match
from ...core.lessons import HIDEABLE, Lesson, LessonError
from ...core.names import is_plain_name
from ...core.refusals import Refusal
from ..words.prose import PLACEHOLDER, PLACEHOLDERS, TELLS
from ..words.say import explain, say
from . import install
from .flags import ArgumentParser, add_language_argument, parse_in_language

LIST_KEYS = 10  # the app's lesson list opens lessons by one digit: 1 to 9, then 0
NEAR = 12  # characters either side of an unmatched brace, quoted to find it by


def check_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep check", description=say(language, "check.description"), language=language)
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR", help=say(language, "flag.check_paths"))
    add_language_argument(parser)
    return parser


def main(argv: list[str]) -> int:
    """`gradstep check FILE|DIR...`; returns the exit status."""
    parser, args = parse_in_language(check_parser, argv)
    language = parser.language
    errors, warnings, checked = check(args.paths)
    for refusal in errors:
        print(explain(language, refusal))
    for refusal in warnings:
        print(warning_line(language, refusal))
    print(say(language, "check.summary", files=checked, errors=len(errors), warnings=len(warnings)))
    if (place := install.kept_from_others()) is not None:  # about the install, not the files: beside them
        print(say(language, "command.error", prog=parser.prog,
                  message=say(language, "check.python_private", place=place, python=sys.executable)), file=sys.stderr)
    return 2 if errors else 0


def warning_line(language: str, refusal: Refusal) -> str:
    """A warning as an error's line is, file and field first, with its message marked."""
    marked = Refusal("check.warning", field=refusal.field, where=refusal.where,
                     message=Refusal(refusal.key, **refusal.values))
    return explain(language, marked)


def check(paths: list[str]) -> tuple[list[Refusal], list[Refusal], int]:
    """The faults and the warnings of every lesson file named or in a folder named, and how
    many files were read."""
    errors: list[Refusal] = []
    warnings: list[Refusal] = []
    files: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found = course_files(given)
            if not found:
                errors.append(LessonError("course.empty", where=str(given)))
            elif len(found) > LIST_KEYS:
                names = [path.stem for path in found[LIST_KEYS:]]
                warnings.append(LessonError("course.beyond_nine", where=str(given), names=names))
            files += found
        else:
            files.append(given)
    built_in = {lesson.name for lesson in course()}
    named: dict[str, str] = {}  # name: the file that gave it first
    for path in files:
        lesson, faults, data = check_lesson_file(path)
        errors += faults
        if data is None:  # not a lesson's fields at all: nothing to warn of
            continue
        where = str(path)
        warnings += lesson_warnings(data, where) + word_warnings(data, where)
        name = lesson.name if lesson is not None else data.get("name", path.stem)
        if not isinstance(name, str) or not is_plain_name(name):
            continue  # a fault already said
        if name in built_in:
            warnings.append(LessonError("lesson.clashes", where=where, field="name", name=name))
        if name in named:  # as loading the course refuses: --lesson NAME could not choose
            errors.append(LessonError("course.same_name", where=where, field="name", name=name, other=named[name]))
        named.setdefault(name, where)
    return errors, warnings, len(files)


def word_warnings(data: dict[str, Any], where: str) -> list[Refusal]:
    """What in a lesson's words would not read as meant: a {name} that no figure fills, a
    brace without its other half (both would show as written), and a figure naming what the
    lesson hides (r where it hides the forecast) before the student has answered: a
    question's explain comes after the answer, where telling it is the point."""
    hide = data.get("hide")
    hidden = hide if isinstance(hide, list) else []
    found: list[Refusal] = []
    for field, text in lesson_words(data):
        if (brace := unmatched_brace(text)) is not None:
            found.append(LessonError("check.unbalanced", where=where, field=field,
                                     text=text[max(brace - NEAR, 0):brace + NEAR + 1]))
        for name in dict.fromkeys(PLACEHOLDER.findall(text)):
            if name not in PLACEHOLDERS:
                found.append(LessonError("check.placeholder", where=where, field=field, name=name,
                                         close=close_match(name, PLACEHOLDERS)))
            if field.endswith(".explain"):
                continue  # shown once the student has answered: the figure is then the lesson's to give
            found += [LessonError("check.reveals", where=where, field=field, name=name, hidden=part)
                      for part in HIDEABLE if part in hidden and name in TELLS.get(part, ())]
    return found


def unmatched_brace(text: str) -> int | None:
    """Where the first brace without its other half is in `text` (a { not closed before the
    next { or the end, a } with no { open), or None."""
    opened = None
    for index, character in enumerate(text):
        if character == "{":
            if opened is not None:
                return opened
            opened = index
        elif character == "}":
            if opened is None:
                return index
            opened = None
    return opened
