"""`gradstep run` and `gradstep lessons`: the course without a screen, in the user's language."""

from __future__ import annotations

import shutil
import sys

from ...core.divergence import Divergence
from ...core.formats import About
from ...core.courses import course, load_course
from ...core.lessons import LANGUAGES, Lesson
from ...core.limits import MAX_ITERATIONS, SMALLEST_SCREEN
from ...core.numbers import readable
from ...core.problem import GRADIENT_DESCENT, HOT_COLD
from ...core.refusals import Refusal
from ...core.rules import PREDICTIONS_PER_STEP, Step
from ...core.runner import FORMATS, run
from ..words.divergence import describe
from ..words.figures import r_formula
from ..words.prose import lesson_names, lesson_summary
from ..words.readout import regime_label
from ..words.say import headings, say
from ..words.wrap import width, wrap, wrap_entries
from .flags import (
    ArgumentParser,
    add_course_argument,
    add_language_argument,
    add_problem_arguments,
    lesson_from_arguments,
    lessons_from_arguments,
    parse_in_language,
)

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
    if steps > MAX_ITERATIONS:  # as a lesson file's tutorial_steps: a run keeps no more
        raise Refusal("count.too_large", value=steps, limit=MAX_ITERATIONS)
    return steps


def summary(language: str, lesson: Lesson, last_items: list[Step | Divergence]) -> str:
    """The line under the table: where the error ended, the regime and r."""
    problem = lesson.problem
    steps = [item for item in last_items if isinstance(item, Step)]
    divergences = [item for item in last_items if isinstance(item, Divergence)]
    if divergences:
        ending = describe(language, divergences[-1], problem)
    elif steps:
        final = "run.final_sum" if problem.outputs > 1 else "run.final"  # the error is the outputs' sum, named so
        ending = say(language, final, error=readable(steps[-1].error), iteration=steps[-1].iteration)
    else:
        ending = say(language, "run.no_iterations")
    if problem.method == GRADIENT_DESCENT:  # r is gradient descent's factor
        ending = say(language, "run.r", line=ending, r=r_formula(problem, language))
    line = say(language, "run.summary", ending=ending, regime=regime_label(problem, steps[-1].iteration + 1 if steps else 0, language))
    if problem.method == HOT_COLD and steps:
        per = PREDICTIONS_PER_STEP[HOT_COLD]
        line = say(language, "run.cost", line=line, made=(steps[-1].iteration + 1) * per, per=per)
    return line


def main(argv: list[str]) -> int:
    """`gradstep run ARGS`; returns the exit status."""
    parser, args = parse_in_language(run_parser, argv)
    try:
        lesson = lesson_from_arguments(args, *lessons_from_arguments(args))
    except Refusal as refusal:
        return parser.fail(refusal)
    steps = args.steps if args.steps is not None else lesson.tutorial_steps or DEFAULT_STEPS
    last = run(About(lesson.name, lesson.problem), steps, args.format, sys.stdout,
              headings(parser.language, lesson.problem.outputs))
    if args.format == "text":  # a sentence for a person: wrapped to the terminal, as the table fits 80 columns
        for line in wrap(summary(parser.language, lesson, last), shutil.get_terminal_size(SMALLEST_SCREEN).columns):
            print(line)
    return 0


def lessons_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep lessons", description=say(language, "lessons.description"),
                            language=language)
    add_course_argument(parser)
    add_language_argument(parser)
    return parser


def list_lessons(language: str, out, lessons: tuple[Lesson, ...] | None = None, columns: int | None = None) -> None:
    """One line a lesson of `lessons` (default: the course): its number in the app's list,
    its name (for --lesson), what it is about, and which languages it lacks. What is about
    is wrapped to the terminal's width by the breaker, under itself, so the terminal never
    folds a line (and a "。" never starts one)."""
    lessons = lessons or course()
    columns = columns or shutil.get_terminal_size(SMALLEST_SCREEN).columns
    name_width = max(width(lesson.name) for lesson in lessons)
    number_width = len(str(len(lessons)))  # "10" and "9" start their names in one column
    for number, lesson in enumerate(lessons, start=1):
        missing = [say(language, f"language.{other}") for other in LANGUAGES if other not in lesson.texts]
        notes = [say(language, "lessons.questions", count=len(lesson.questions))] if lesson.questions else []
        notes += [say(language, "lessons.untranslated", language=name) for name in missing]
        head = f"{number:>{number_width}}  {lesson.name}{' ' * (name_width - width(lesson.name))}  "
        indent = " " * width(head)
        text_columns = max(columns - width(head), 20)  # a very narrow terminal folds rather than a column a line
        shown, title = lesson_names(lesson, language)  # the name in the reader's words, as every screen has it
        about = wrap(lesson_summary(lesson, language), text_columns)
        if shown != lesson.name:  # the English name is for --lesson; the reader's title on a line above
            about = wrap(shown, text_columns) + about
        out.write(head + about[0] + "\n")
        for line in about[1:] + (wrap_entries(notes, text_columns) if notes else []):
            out.write(indent + line + "\n")


def lessons_main(argv: list[str]) -> int:
    """`gradstep lessons`; returns the exit status."""
    parser, args = parse_in_language(lessons_parser, argv)
    try:
        lessons = load_course(args.course) if args.course is not None else None
    except Refusal as refusal:
        return parser.fail(refusal)
    list_lessons(parser.language, sys.stdout, lessons)
    return 0
