"""Starting the app: the command line, the terminal's abilities, and a clean exit.

`gradstep` takes the same problem flags as `gradstep run` (and the same one-line errors),
plus the app's own: the language, ASCII-only drawing, mouse support.
"""

import os
import sys

from ..core.arguments import ArgumentParser, UsageError, add_problem_arguments, lesson_from_arguments
from ..core.lessons import LANGUAGES, course

def app_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="gradstep",
        description="Step a neuron through gradient descent, one keypress at a time.",
        epilog="Also: gradstep lessons (the course), gradstep run (the log without the screen).",
    )
    add_problem_arguments(parser)
    parser.add_argument("--lang", choices=LANGUAGES, help="en or zh (default: from LANG/LC_ALL)")
    parser.add_argument("--ascii", action="store_true", help="draw with ASCII characters only")
    parser.add_argument("--mouse", action="store_true", help="let the mouse click keys and scroll")
    return parser


def language_from_environment(environ=os.environ) -> str:
    """zh when the locale says Chinese (LC_ALL, then LC_MESSAGES, then LANG), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def launch(argv: list[str]) -> int:
    """`gradstep ARGS`: start the app; returns the exit status."""
    args = app_parser().parse_args(argv)
    try:
        lesson = lesson_from_arguments(args) if _names_a_problem(args) else course()[0]
    except UsageError as error:
        print(f"gradstep: {error}", file=sys.stderr)
        return 2
    from .app import GradstepApp  # Textual loads here

    language = args.lang or language_from_environment()
    extra = () if lesson in course() else (lesson,)
    app = GradstepApp(lesson, language=language, ascii_only=args.ascii, extra_lessons=extra)
    app.run(mouse=args.mouse)
    return app.return_code or 0


def _names_a_problem(args) -> bool:
    given = (args.lesson, args.lesson_file, args.weight, args.input, args.goal, args.method, args.alpha,
             args.step_amount)
    return any(value is not None for value in given)
