"""`gradstep check FILE|DIR...`: every mistake in a teacher's lesson files, at once.

Loading a lesson stops at its first fault, which is right for a student starting it and
slow for a teacher fixing a course: fix, run, read the next fault. `check` reads every
file and reports every fault, one line each (file, field, what is wrong), then what is
probably a mistake though it loads: a field the lesson's rule never reads, words with no
Chinese, a name a built-in lesson already has, a {placeholder} gradstep does not know (it
would show as written). Two files giving one name is a fault, as the course refuses it.
Exit status 2 if any file has a fault, else 0.
"""

from pathlib import Path

from ...core.lessons import (
    LANGUAGES,
    TEXT_FIELDS,
    Lesson,
    LessonError,
    check_lesson_file,
    close_match,
    course,
    course_files,
    lesson_warnings,
    read_table,
)
from ...core.refusals import Refusal
from ..words.prose import PLACEHOLDER, PLACEHOLDERS
from ..words.say import explain, say
from .flags import ArgumentParser, add_language_argument, parse_in_language

LIST_KEYS = 9  # the app's lesson list opens lessons by one digit


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
    named: dict[str, Lesson] = {}
    for path in files:
        lesson, faults = check_lesson_file(path)
        errors += faults
        if lesson is None:
            continue
        warnings += lesson_warnings(read_table(path), lesson) + unknown_placeholders(lesson)
        if lesson.name in built_in:
            warnings.append(LessonError("lesson.clashes", where=lesson.source, field="name", name=lesson.name))
        if lesson.name in named:  # as loading the course refuses: --lesson NAME could not choose
            errors.append(LessonError("course.same_name", where=lesson.source, field="name", name=lesson.name,
                                        other=named[lesson.name].source))
        named.setdefault(lesson.name, lesson)
    return errors, warnings, len(files)


def unknown_placeholders(lesson: Lesson) -> list[Refusal]:
    """A {name} in the lesson's words that no figure fills: it would show as written."""
    found = []
    for language in LANGUAGES:
        text = lesson.texts.get(language)
        for field in TEXT_FIELDS if text else ():
            for name in dict.fromkeys(PLACEHOLDER.findall(getattr(text, field))):
                if name not in PLACEHOLDERS:
                    found.append(LessonError("check.placeholder", where=lesson.source, field=f"{language}.{field}",
                                             name=name, close=close_match(name, PLACEHOLDERS)))
    return found

