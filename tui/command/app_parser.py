"""The command line of `gradstep` itself: the problem flags `gradstep run` takes, and the app's own."""

from __future__ import annotations

import os
from pathlib import Path

from ...core.lesson_files import close_match
from ...core.refusals import Refusal
from ..files.places import HAND_IN_ENVIRONMENT, session_name
from ..words.say import say
from .flags import ArgumentParser, add_language_argument, add_problem_arguments, add_version_argument


def app_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep", usage=say(language, "app.usage"),
                            description=say(language, "app.description"), language=language)
    add_problem_arguments(parser)
    add_language_argument(parser)
    parser.add_argument("--resume", action="store_true", help=say(language, "flag.resume"))
    parser.add_argument("--session", metavar="NAME", type=parser.typed(session_name), help=say(language, "flag.session"))
    parser.add_argument("--hand-in", metavar="DIR", type=parser.typed(hand_in_folder),
                        default=os.environ.get(HAND_IN_ENVIRONMENT) or None, help=say(language, "flag.hand_in"))
    parser.add_argument("--ascii", action="store_true", help=say(language, "flag.ascii"))
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument("--line", action="store_true", help=say(language, "flag.line"))
    screen.add_argument("--full-screen", action="store_true", help=say(language, "flag.full_screen"))
    parser.add_argument("--low-bandwidth", action="store_true", help=say(language, "flag.low_bandwidth"))
    parser.add_argument("--theme", metavar="NAME", type=parser.typed(theme_name), help=say(language, "flag.theme"))
    parser.add_argument("--mouse", action="store_true", help=say(language, "flag.mouse"))
    add_version_argument(parser)
    return parser


def theme_name(text: str) -> str:
    """--theme NAME: one of Textual's themes, or light or dark for the app's own two (the list
    is read only when the flag is given). A close name is offered from the short ones first:
    "lite" meant light, not ansi-light."""
    from ..app.themes import NAMES, SHORT_NAMES, THEMES

    name = text.strip().casefold()
    if name not in NAMES:
        raise Refusal("theme.unknown", name=text, close=close_match(name, SHORT_NAMES) or close_match(name, THEMES),
                      choices=list(NAMES))
    return SHORT_NAMES.get(name, name)


def hand_in_folder(text: str) -> Path:
    """--hand-in DIR: refused at the start if it is no folder, not after the student's work."""
    if not text:  # Path("") is the current folder: a typo, or an unset variable, not a choice
        raise Refusal("flag.empty_folder")
    folder = Path(text)
    if not folder.is_dir():
        raise Refusal("hand_in.not_a_folder", folder=text)
    return folder
