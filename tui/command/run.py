"""`gradstep run` and `gradstep lessons`: the course without a screen, in the user's language."""

import sys

from ...core import analysis, rules
from ...core.divergence import Divergence
from ...core.lessons import LANGUAGES, Lesson, course
from ...core.numbers import readable
from ...core.problem import GRADIENT_DESCENT, HOT_COLD
from ...core.refusals import Refusal
from ...core.rules import PREDICTIONS_PER_STEP, Step
from ...core.runner import FORMATS, run
from ..words.divergence import describe
from ..words.figures import r_formula
from ..words.say import headings, say
from .flags import ArgumentParser, add_language_argument, add_problem_arguments, language_of, lesson_from_arguments

DEFAULT_STEPS = 5  # for a typed-in problem or an open lesson


def run_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep run", description=say(language, "run.description"), language=language)
    add_problem_arguments(parser)
    parser.add_argument("--steps", metavar="N", type=parser.typed(_count),
                        help=say(language, "flag.steps", default=DEFAULT_STEPS))
    parser.add_argument("--format", choices=FORMATS, default="text", help=say(language, "flag.format"))
    add_language_argument(parser)
    return parser


def _count(text: str) -> int:
    try:
        steps = int(text)
    except ValueError:
        raise Refusal("count.not_whole", text=text.strip()) from None
    if steps < 0:
        raise Refusal("count.negative", value=steps)
    return steps


def summary(language: str, lesson: Lesson, last_items: list[Step | Divergence]) -> str:
    """The line under the table: where the error ended, the regime and r."""
    problem = lesson.problem
    steps = [item for item in last_items if isinstance(item, Step)]
    divergences = [item for item in last_items if isinstance(item, Divergence)]
    if divergences:
        ending = describe(language, divergences[-1], problem)
    elif steps:
        ending = say(language, "run.final", error=readable(steps[-1].error), iteration=steps[-1].iteration)
    else:
        ending = say(language, "run.no_iterations")
    if problem.method == GRADIENT_DESCENT:  # r is gradient descent's factor
        ending = say(language, "run.r", line=ending, r=r_formula(problem, language))
    regime = analysis.regime(problem, rules.as_arrays(problem.weights))
    line = say(language, "run.summary", ending=ending, regime=say(language, "regime." + regime.value))
    if problem.method == HOT_COLD and steps:
        per = PREDICTIONS_PER_STEP[HOT_COLD]
        line = say(language, "run.cost", line=line, made=(steps[-1].iteration + 1) * per, per=per)
    return line


def main(argv: list[str]) -> int:
    """`gradstep run ARGS`; returns the exit status."""
    parser = run_parser(language_of(argv))
    args = parser.parse_args(argv)
    parser.language = args.lang or parser.language
    try:
        lesson = lesson_from_arguments(args)
    except Refusal as refusal:
        return parser.fail(refusal)
    steps = args.steps if args.steps is not None else lesson.tutorial_steps or DEFAULT_STEPS
    last = run(lesson.problem, steps, args.format, sys.stdout, headings(parser.language))
    if args.format == "text":
        print(summary(parser.language, lesson, last))
    return 0


def lessons_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep lessons", description=say(language, "lessons.description"),
                            language=language)
    add_language_argument(parser)
    return parser


def list_lessons(language: str, out) -> None:
    """One line a lesson: its number in the app's list, its name (for --lesson), what it is
    about, and which languages it lacks."""
    lessons = course()
    width = max(len(lesson.name) for lesson in lessons)
    for number, lesson in enumerate(lessons, start=1):
        missing = [say(language, f"language.{other}") for other in LANGUAGES if other not in lesson.texts]
        lacks = "".join(" " + say(language, "lessons.untranslated", language=name) for name in missing)
        out.write(f"{number}  {lesson.name.ljust(width)}  {lesson.text(language).summary}{lacks}\n")


def lessons_main(argv: list[str]) -> int:
    """`gradstep lessons`; returns the exit status."""
    parser = lessons_parser(language_of(argv))
    args = parser.parse_args(argv)
    list_lessons(args.lang or parser.language, sys.stdout)
    return 0
