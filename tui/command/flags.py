"""The command-line flags that choose a problem, shared by `gradstep` and `gradstep run`.

A run starts from a course lesson, a teacher's lesson file, or numbers typed on the
command line; flags given with a lesson override its values. A teacher's folder of
lesson files (--course) takes the built-in course's place, and lesson files given with
--lesson-file are listed after whichever course it is. Every mistake becomes one
line on stderr in the user's language and exit status 2, never a traceback; argparse's
own words ("expected one argument", "usage:") are translated through the hook argparse
itself offers (it looks its messages up with gettext).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

from ...core.courses import course_names, find_lesson, load_course

from ...core.lesson_files import load_lesson_file

from ...core.lessons import LANGUAGES, Lesson, LessonError
from ...core.numbers import parse_goal, parse_number, parse_numbers, parse_positions, parse_weights
from ...core.problem import METHODS, Problem
from ...core.refusals import Refusal
from ..compat import (argparse_says, argparse_words, help_width, is_option, one_line, options_taking_a_value,
                      program_name)
from ..words.catalogue import ARGPARSE
from ..words.say import explain, say
from ..words.wrap import width, wrap
from .environment import language_from_environment

CUSTOM = "custom"  # the name of a run typed on the command line


def flag(field: str) -> str:
    """The flag that sets a Problem field: --weight for weights, --step-amount for step_amount."""
    return "--" + field.removesuffix("s").replace("_", "-")


FLAGS = {field.name: flag(field.name) for field in dataclasses.fields(Problem)}  # field -> its flag


class UsageError(Refusal):
    """A command line that names no valid problem."""


def language_of(argv: list[str], environ=os.environ) -> str:
    """The language of the command's own words: --lang if given, else the locale's."""
    for position, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[position + 1] if arg == "--lang" and position + 1 < len(argv) else None)
        if value in LANGUAGES:
            return value
    return language_from_environment(environ)


_CHINESE_HEADING = re.compile(r"^(\s*\S*[\u4e00-\u9fff]):$", re.MULTILINE)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help laid out in terminal cells, wrapped by gradstep's line breaker.

    argparse counts characters, and a Chinese one takes two cells: its help ran past 80
    columns and the terminal folded it. Here the help text and the description go through
    `wrap` (Chinese broken between characters, punctuation at the right end of a line);
    the usage prefix ("用法：", three characters in six cells) is laid out as ASCII of its
    width, so argparse's own usage lines align and fit; and a usage given whole has its
    later lines put under the first (they are written without the prefix's indent, which
    differs by language) and any line still too wide wrapped under its command.
    """

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(one_line(self, text), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        text = one_line(self, text)
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def format_help(self) -> str:
        # argparse writes a section's heading with an ASCII colon; after Chinese it is full width.
        return _CHINESE_HEADING.sub("\\1：", super().format_help())

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        prefix = argparse_says("usage: ") if prefix is None else prefix
        if usage is None:
            stand_in = "u" * width(prefix)  # argparse measures the prefix with len()
            return super()._format_usage(None, actions, groups, stand_in).replace(stand_in, prefix, 1)
        indent = width(prefix)
        lines = []
        for line in (usage % {"prog": program_name(self)}).split("\n"):
            if indent + width(line) <= help_width(self):
                lines.append(" " * indent + line)
                continue
            lead = " " * (indent + len(line) - len(line.lstrip(" ")))
            # The later parts under what follows the command; a line that continues one, under itself.
            hang = lead + ("" if line.startswith(" ") else " " * (width(line.split()[0]) + 1))
            first, *rest = wrap(line.strip(), max(help_width(self) - len(hang), 10))
            lines += [lead + first] + [hang + part for part in rest]
        return prefix + "\n".join(lines)[indent:] + "\n\n"


class ArgumentParser(argparse.ArgumentParser):
    """argparse in the user's language; a mistake is one line on stderr (not the usage
    block) and exit 2."""

    def __init__(self, *args, language: str = "en", **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        with _argparse_speaking(language):  # argparse names its help flag and "options" as it is made
            super().__init__(*args, **kwargs)
        self.language = language

    def error(self, message: str) -> NoReturn:
        self.exit(2, say(self.language, "command.see_help", prog=self.prog, message=message) + "\n")

    def parse_args(self, argv: list[str]) -> argparse.Namespace:  # type: ignore[override]
        with _argparse_speaking(self.language):
            return super().parse_args(_negative_values_attached(argv, self))

    def print_help(self, file=None) -> None:
        """The help, written here: argparse's own writer drops a failed write (`--help >
        /dev/full` then said nothing and exited 0); this lets it reach the command's one line."""
        with _argparse_speaking(self.language):
            (file or sys.stdout).write(self.format_help())

    def typed(self, convert: Callable[[str], object]) -> Callable[[str], object]:
        """An argparse type that reports convert's refusal, in words, as the flag's error."""

        def parse(text: str) -> object:
            try:
                return convert(text)
            except Refusal as refusal:
                raise argparse.ArgumentTypeError(explain(self.language, refusal)) from None

        return parse

    def fail(self, refusal: Refusal) -> int:
        """Print `refusal` as the command's one line on stderr; the exit status to return."""
        # A field of the command line is named by its flag; a field of a file, as the file has it.
        message = explain(self.language, refusal, names=None if refusal.where else FLAGS)
        print(say(self.language, "command.error", prog=self.prog, message=message), file=sys.stderr)
        return 2


def parse_in_language(make_parser: Callable[[str], ArgumentParser],
                      argv: list[str]) -> tuple[ArgumentParser, argparse.Namespace]:
    """A command's parser, made in the language argv or the locale asks for, and argv
    parsed by it; from then on the parser speaks --lang's language if that was given."""
    parser = make_parser(language_of(argv))
    args = parser.parse_args(argv)
    parser.language = args.lang or parser.language
    return parser, args


@contextlib.contextmanager
def _argparse_speaking(language: str) -> Iterator[None]:
    """argparse's words in `language` while it parses or prints help."""
    words = ARGPARSE.get(language)
    if not words:  # English: argparse's own
        yield
        return
    with argparse_words(lambda message: words.get(message, message),
                        lambda one, many, count: words.get(one if count == 1 else many, one if count == 1 else many)):
        yield


def _negative_values_attached(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """`--weight -nan` as `--weight=-nan`: argparse takes a value that starts with '-' and
    is not a plain negative number ("-nan", "-Infinity", "-1e400") for another flag, and
    the student would hear "expected one argument" instead of what is wrong with it."""
    takes_value = options_taking_a_value(parser)
    joined, position = [], 0
    while position < len(argv):
        arg = argv[position]
        following = argv[position + 1] if position + 1 < len(argv) else None
        if arg in takes_value and following and following.startswith("-") and not is_option(parser, following):
            joined.append(f"{arg}={following}")
            position += 2
        else:
            joined.append(arg)
            position += 1
    return joined


def add_problem_arguments(parser: ArgumentParser) -> None:
    """The flags that choose a lesson or type a problem in."""
    language = parser.language
    add_course_argument(parser)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--lesson", metavar="NAME", help=say(language, "flag.lesson"))
    source.add_argument("--lesson-file", metavar="FILE", action="append", help=say(language, "flag.lesson_file"))
    numbers, number = parser.typed(parse_numbers), parser.typed(parse_number)
    parser.add_argument(FLAGS["weights"], metavar="W", type=parser.typed(parse_weights), help=say(language, "flag.weight"))
    parser.add_argument(FLAGS["inputs"], metavar="X", type=numbers, help=say(language, "flag.input"))
    parser.add_argument(FLAGS["goal"], metavar="Y", type=parser.typed(parse_goal), help=say(language, "flag.goal"))
    parser.add_argument(FLAGS["method"], choices=METHODS, help=say(language, "flag.method"))
    parser.add_argument(FLAGS["alpha"], metavar="A", type=number, help=say(language, "flag.alpha"))
    parser.add_argument(FLAGS["step_amount"], metavar="S", type=number, help=say(language, "flag.step_amount"))
    parser.add_argument(FLAGS["frozen"], metavar="N", type=parser.typed(parse_positions), help=say(language, "flag.frozen"))


def add_course_argument(parser: ArgumentParser) -> None:
    parser.add_argument("--course", metavar="DIR", type=parser.typed(folder_name), help=say(parser.language, "flag.course"))


def folder_name(text: str) -> str:
    """A folder named on the command line; refused empty, which Path would read as the current folder."""
    if not text:
        raise Refusal("flag.empty_folder")
    return text


def add_version_argument(parser: ArgumentParser) -> None:
    parser.add_argument("--version", action=_Version, help=say(parser.language, "flag.version"))


class _Version(argparse.Action):
    """--version: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import version

        print(f"gradstep {version('gradstep')}")  # on stdout, as argparse's own version action
        parser.exit(0)


def add_language_argument(parser: ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, help=say(parser.language, "flag.lang"))


def course_from_arguments(args: argparse.Namespace) -> tuple[Lesson, ...] | None:
    """The teacher's course (--course), loaded; None for the built-in one, read only when
    asked for; LessonError for the first fault."""
    return load_course(args.course) if args.course is not None else None


def lessons_from_arguments(args: argparse.Namespace) -> tuple[tuple[Lesson, ...] | None, tuple[Lesson, ...]]:
    """The teacher's course (as course_from_arguments) and the lesson files given
    (--lesson-file), loaded; LessonError for the first fault."""
    return course_from_arguments(args), tuple(load_lesson_file(path) for path in args.lesson_file or ())


def clashes(lessons: tuple[Lesson, ...]) -> list[LessonError]:
    """A teacher's lesson named like a built-in one: a student who leaves out --course or
    --lesson-file, or reads the list, may take one for the other."""
    built_in = set(course_names())
    return [LessonError("lesson.clashes", where=lesson.source, field="name", name=lesson.name)
            for lesson in lessons if lesson.name in built_in]


def lesson_from_arguments(args: argparse.Namespace, teachers: tuple[Lesson, ...] | None = None,
                          files: tuple[Lesson, ...] = ()) -> Lesson:
    """The lesson the flags choose (`teachers`: the course --course gave; `files`: the
    lesson files), with any flag given overriding its value; a Refusal (LessonError,
    InvalidProblem, UsageError) says why there is none."""
    if files:
        lesson = files[0]
    elif args.lesson is not None:
        lesson = find_lesson(args.lesson, teachers)
    elif teachers:
        lesson = teachers[0]
    else:
        return _custom_lesson(args)
    problem = lesson.problem.replace(**_overrides(args))
    if problem == lesson.problem:
        return lesson
    # The lesson's questions are about its own numbers: on other numbers their answers may be wrong.
    return dataclasses.replace(lesson, problem=problem, questions=())


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The Problem fields the flags give, by field name."""
    given = {field: getattr(args, flag[2:].replace("-", "_")) for field, flag in FLAGS.items()}
    return {field: value for field, value in given.items() if value is not None}


def names_a_problem(args: argparse.Namespace) -> bool:
    """Whether the flags choose a lesson or give any part of a problem."""
    return args.lesson is not None or args.lesson_file is not None or bool(_overrides(args))


def _custom_lesson(args: argparse.Namespace) -> Lesson:
    changes = _overrides(args)
    missing = [FLAGS[field] for field in ("weights", "inputs", "goal") if field not in changes]
    if missing:
        raise UsageError("usage.no_problem", missing=missing)
    return Lesson(CUSTOM, Problem(**changes), tutorial_steps=None)
