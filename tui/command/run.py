"""`gradstep run` and `gradstep lessons`: the course without a screen."""

import sys

from ...core import analysis, rules
from ...core.divergence import Divergence
from ...core.lessons import LANGUAGES, Lesson, course
from ...core.numbers import readable
from ...core.problem import GRADIENT_DESCENT, HOT_COLD
from ...core.rules import PREDICTIONS_PER_STEP, Step
from ...core.runner import FORMATS, run
from .flags import (
    ArgumentParser,
    UsageError,
    add_problem_arguments,
    lesson_from_arguments,
    typed,
)

DEFAULT_STEPS = 5  # for a typed-in problem or an open lesson


def run_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="gradstep run",
        description="Print a lesson's iteration log without the full-screen app.",
    )
    add_problem_arguments(parser)
    parser.add_argument("--steps", metavar="N", type=typed(_count), help="iterations to log "
                        f"(default: the lesson's tutorial count, else {DEFAULT_STEPS})")
    parser.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    return parser


def _count(text: str) -> int:
    try:
        steps = int(text)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a whole number") from None
    if steps < 0:
        raise ValueError(f"{steps} is negative: give 0 or more")
    return steps


def summary(lesson: Lesson, last_items: list[Step | Divergence]) -> str:
    """The line under the table: where the error ended, the regime and r."""
    problem = lesson.problem
    steps = [item for item in last_items if isinstance(item, Step)]
    divergences = [item for item in last_items if isinstance(item, Divergence)]
    if divergences:
        ending = divergences[-1].describe()
    elif steps:
        ending = f"final error {readable(steps[-1].error)} at iteration {steps[-1].iteration}"
    else:
        ending = "no iterations"
    regime = analysis.regime(problem, rules.as_arrays(problem.weights))
    line = f"{ending}; regime {regime.value.replace('-', ' ')}"
    if problem.method == GRADIENT_DESCENT:  # r is gradient descent's factor
        line += f", r = {readable(analysis.r_factor(problem))}"
    if problem.method == HOT_COLD and steps:
        made = (steps[-1].iteration + 1) * PREDICTIONS_PER_STEP[HOT_COLD]
        line += f"; {made} predictions ({PREDICTIONS_PER_STEP[HOT_COLD]} a step)"
    return line


def lessons_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep lessons", description="List the course's lessons.")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="default: en")
    return parser


def list_lessons(language: str, out) -> None:
    """One line a lesson: its number in the app's list, its name (for --lesson), what it is about."""
    lessons = course()
    width = max(len(lesson.name) for lesson in lessons)
    for number, lesson in enumerate(lessons, start=1):
        out.write(f"{number}  {lesson.name.ljust(width)}  {lesson.text(language).summary}\n")


def main(argv: list[str]) -> int:
    """`gradstep run ARGS`; returns the exit status."""
    args = run_parser().parse_args(argv)
    try:
        lesson = lesson_from_arguments(args)
    except UsageError as error:
        print(f"gradstep run: {error}", file=sys.stderr)
        return 2
    steps = args.steps if args.steps is not None else lesson.tutorial_steps or DEFAULT_STEPS
    last = run(lesson.problem, steps, args.format, sys.stdout)
    if args.format == "text":
        print(summary(lesson, last))
    return 0


def lessons_main(argv: list[str]) -> int:
    """`gradstep lessons`; returns the exit status."""
    args = lessons_parser().parse_args(argv)
    list_lessons(args.lang, sys.stdout)
    return 0
