"""`gradstep class DIR`: what each student handed in, a line a file, for the teacher;
first, where the sessions still running are (room.py), and with --watch, live.

The folder is written by every student of the class, so everything in it is treated as
data that may be hostile: it is only read (nothing in it is run or opened by name from
its contents), only regular files are opened and never through a symlink, a file that is
not a hand-in is named and passed over, and every word taken from a file is cleaned of
control characters before it reaches the teacher's terminal. The student is the account
that owns the file, which a student cannot forge, rather than the name written in it.
"""

import csv
import io
import math
import os
import stat
import sys
from pathlib import Path

from ...core.formats import cell_width
from ...core.numbers import readable
from ...core.room import IDLE_LIMIT
from ...core.rules import as_arrays, predict, squared_error
from ..files.progress_folder import ProgressFolder
from ..words.say import clean, say
from . import room
from .environment import unicode_terminal
from .flags import ArgumentParser, add_language_argument, parse_in_language

LARGEST = 256 * 2**20  # bytes: a hand-in of a very long run is some tens of MiB; anything past this is not one
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
SHOWN = 24  # characters of a name taken from a file
HEADINGS = ("class.student", "class.session", "class.lesson", "class.steps", "class.final_error",
            "class.predictions", "class.questions")


def class_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep class", description=say(language, "class.description"), language=language)
    parser.add_argument("folder", metavar="DIR", help=say(language, "flag.class_folder"))
    parser.add_argument("--watch", action="store_true", help=say(language, "flag.watch"))
    parser.add_argument("--roster", metavar="FILE", type=parser.typed(room.roster_accounts),
                        help=say(language, "flag.roster"))
    parser.add_argument("--idle", metavar="MINUTES", type=parser.typed(room.idle_minutes), default=IDLE_LIMIT,
                        help=say(language, "flag.idle"))
    parser.add_argument("--ascii", action="store_true", help=say(language, "flag.ascii"))
    add_language_argument(parser)
    return parser


def main(argv: list[str]) -> int:
    """`gradstep class DIR`; returns the exit status."""
    parser, args = parse_in_language(class_parser, argv)
    language = parser.language
    folder = Path(args.folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        print(say(language, "command.error", prog=parser.prog,
                  message=f"{clean(str(folder))}: {error.strerror or error}"), file=sys.stderr)
        return 2
    ascii_only = args.ascii or not unicode_terminal()
    if args.watch:
        return room.watch(folder, args.roster, args.idle, language, ascii_only)
    look = ProgressFolder(folder).look()
    if look.seen or look.problems or args.roster is not None:
        for line in room.printed(look, args.roster, args.idle, language, ascii_only):
            print(line)
        if not any(entry.name.endswith(".csv") for entry in entries):
            return 0
        print()
    table, problems = [], []
    for entry in entries:
        if not entry.name.endswith(".csv"):
            continue
        try:
            table.append(summary(entry, language))
        except HandInError as error:
            problems.append(say(language, "command.error", prog=clean(entry.name),
                                message=say(language, error.key, **error.values)))
    for line in aligned([[say(language, key) for key in HEADINGS], *table]):
        print(line)
    for line in problems:
        print(line)
    return 0


class HandInError(Exception):
    """A file in the folder that is not a hand-in: a catalogue key says why."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def summary(entry: os.DirEntry, language: str) -> list[str]:
    """One hand-in's line: student, session, lesson, steps, final error, predictions, questions."""
    if not entry.is_file(follow_symlinks=False):
        raise HandInError("class.not_regular")
    try:
        descriptor = os.open(entry.path, _READ)
    except OSError as error:  # swapped for a symlink since it was listed, or unreadable
        raise HandInError("class.unreadable", reason=error.strerror or str(error)) from None
    with os.fdopen(descriptor, "rb") as raw:
        status = os.fstat(raw.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise HandInError("class.not_regular")
        if status.st_size > LARGEST:
            raise HandInError("class.too_large", size=status.st_size)
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            last, steps, guessed, right, asked, answered = _read_rows(csv.DictReader(text))
        except (UnicodeDecodeError, csv.Error) as error:
            raise HandInError("class.not_hand_in", reason=clean(str(error))[:80]) from None
    student = _owner(status.st_uid) or last.get("user") or "?"
    predictions = f"{right}/{guessed}" if guessed else "-"
    questions = f"{answered}/{asked}" if asked else "-"
    return [_shown(student), _shown(last.get("session") or "-"), _shown(last.get("lesson") or "?"),
            str(steps), _final_error(last, language), predictions, questions]


def _read_rows(reader: csv.DictReader) -> tuple[dict, int, int, int, int, int]:
    """The last step's row, the steps, the guesses scored and right, and the questions asked
    and answered right, read a row at a time (a question has a row of its own)."""
    if not reader.fieldnames or not {"lesson", "iteration", "error", "goal"} <= set(reader.fieldnames):
        raise HandInError("class.not_hand_in", reason="columns")
    last, steps, guessed, right, asked, answered = None, 0, 0, 0, 0, 0
    for row in reader:
        if row.get("question"):
            asked += 1
            answered += row.get("answer_result") == "right"
            continue
        last, steps = row, steps + 1
        if row.get("guess_result") in ("right", "wrong"):  # a skipped guess is not scored
            guessed += 1
            right += row.get("guess_result") == "right"
    if last is None:
        raise HandInError("class.no_steps")
    return last, steps, guessed, right, asked, answered


def _final_error(row: dict, language: str) -> str:
    """The error where the student stopped: the last row's weights after its step, predicted
    and measured by the learner's own functions (so the figure is the one the app showed)."""
    if row.get("note"):
        return say(language, "class.diverged")
    try:
        weights = _per_weight(row, "weight_after")
        inputs = _per_weight(row, "input")
        goal = float(row["goal"])
        error = float(squared_error(predict(as_arrays(weights), as_arrays(inputs)), goal))
    except (KeyError, ValueError, TypeError):
        return "?"
    return readable(error) if math.isfinite(error) else say(language, "class.diverged")


def _per_weight(row: dict, name: str) -> tuple[float, ...]:
    if name in row:
        return (float(row[name]),)
    values, index = [], 1
    while f"{name}_{index}" in row:
        values.append(float(row[f"{name}_{index}"]))
        index += 1
    if not values:
        raise KeyError(name)
    return tuple(values)


def _owner(uid: int) -> str | None:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return None


def _shown(text: str) -> str:
    """A word from a student's file, safe for the teacher's terminal and not too long."""
    text = clean(text).replace("\n", "\\n")  # one line a hand-in, whatever a cell holds
    return text if len(text) <= SHOWN else text[:SHOWN - 3] + "..."


def aligned(lines: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell (Chinese counts two), two spaces apart."""
    widths = [max(cell_width(line[column]) for line in lines) for column in range(len(lines[0]))]
    return ["  ".join(cell + " " * (width - cell_width(cell)) for cell, width in zip(line, widths)).rstrip()
            for line in lines]
