"""The command-line flags that choose a problem, shared by `gradstep` and `gradstep run`.

A run starts from a course lesson, a teacher's lesson file, or numbers typed on the
command line; flags given with a lesson override its values. Every mistake becomes one
line on stderr and exit status 2, never a traceback.
"""

import argparse
from collections.abc import Callable

from ...core.lessons import Lesson, LessonError, find_lesson, load_lesson_file
from ...core.numbers import parse_number, parse_numbers
from ...core.problem import METHODS, InvalidProblem, Problem

CUSTOM = "custom"  # the name of a run typed on the command line
FLAGS = {  # Problem field -> the flag that sets it
    "weights": "--weight",
    "inputs": "--input",
    "goal": "--goal",
    "method": "--method",
    "alpha": "--alpha",
    "step_amount": "--step-amount",
}


class UsageError(Exception):
    """A command line that names no valid problem; the message is the one line to print."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr (not the usage block) and exit 2."""

    def error(self, message: str) -> None:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def typed(convert: Callable[[str], object]) -> Callable[[str], object]:
    """An argparse type that reports convert's ValueError text as the flag's error."""

    def parse(text: str) -> object:
        try:
            return convert(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


def add_problem_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags that choose a lesson or type a problem in."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--lesson", metavar="NAME", help="a lesson of the course (see: gradstep lessons)")
    source.add_argument("--lesson-file", metavar="FILE", help="a teacher's lesson file (TOML)")
    numbers, number = typed(parse_numbers), typed(parse_number)
    parser.add_argument("--weight", metavar="W", type=numbers, help="starting weight(s), e.g. 0.5 or 0.1,0.2")
    parser.add_argument("--input", metavar="X", type=numbers, help="input(s), one per weight")
    parser.add_argument("--goal", metavar="Y", type=number, help="what the neuron should predict")
    parser.add_argument("--method", choices=METHODS,
                        help="gd: gradient descent; hot-cold: hot and cold; measure: predict only")
    parser.add_argument("--alpha", metavar="A", type=number, help="learning rate for gd (default 1)")
    parser.add_argument("--step-amount", metavar="S", type=number, help="hot-cold's step (default 0.1)")


def lesson_from_arguments(args: argparse.Namespace) -> Lesson:
    """The lesson the flags choose, with any flag given overriding its value."""
    try:
        if args.lesson_file is not None:
            lesson = load_lesson_file(args.lesson_file)
        elif args.lesson is not None:
            lesson = find_lesson(args.lesson)
        else:
            return _custom_lesson(args)
    except LessonError as error:
        raise UsageError(str(error)) from None
    changes = _overrides(args)
    if not changes:
        return lesson
    return Lesson(lesson.name, _checked(lesson.problem.replace, changes), lesson.tutorial_steps,
                  lesson.texts, lesson.source)


def _overrides(args: argparse.Namespace) -> dict[str, object]:
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
        raise UsageError(f"give --lesson NAME, --lesson-file FILE, or all of --weight, --input and "
                         f"--goal (missing {', '.join(missing)})")
    return Lesson(CUSTOM, _checked(Problem, changes), tutorial_steps=None)


def _checked(make: Callable[..., Problem], changes: dict[str, object]) -> Problem:
    try:
        return make(**changes)
    except InvalidProblem as error:
        raise UsageError(f"{FLAGS[error.field]}: {error.message}") from None
