"""`gradstep class DIR`: what each student handed in, a line a file, for the teacher;
first, where the sessions still running are (room.py), and with --watch, live. With --csv,
every row of every hand-in as one CSV (core.schema's columns, the student first).

The folder is written by every student of the class, so everything in it is treated as
data that may be hostile: it is only read (nothing in it is run or opened by name from
its contents), only regular files are opened and never through a symlink, a file that is
not a hand-in is named and passed over, and every word taken from a file, and every file
name, is shown on one line with nothing hidden (shown_name) before it reaches the
teacher's terminal. The student is the account
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
from ...core.outside import shown_name
from ...core.journal import ANSWER, GUESS, STEP
from ...core.numbers import readable
from ...core.room import IDLE_LIMIT
from ...core.divergence import start_error
from ...core.problem import Problem
from ...core.refusals import Refusal
from ...core.rules import as_arrays, predict, squared_error
from ..files.progress_folder import ProgressFolder
from ...core.schema import COLUMNS
from ..words.say import say
from . import room
from .environment import dumb_terminal, unicode_terminal
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
    parser.add_argument("--csv", action="store_true", help=say(language, "flag.class_csv"))
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
                  message=f"{shown_name(str(folder))}: {error.strerror or error}"), file=sys.stderr)
        return 2
    ascii_only = args.ascii or not unicode_terminal()
    if args.watch and not dumb_terminal():  # no screen to draw on: the table once, as without --watch
        return room.watch(folder, args.roster, args.idle, language, ascii_only)
    look = ProgressFolder(folder).look()
    if not args.csv and (look.seen or look.problems or args.roster is not None):  # --csv: the CSV alone
        for line in room.printed(look, args.roster, args.idle, language, ascii_only):
            print(line)
        if not any(entry.name.endswith(".csv") for entry in entries):
            return 0
        print()
    table, problems = [], []
    merged = csv.writer(sys.stdout, lineterminator="\n") if args.csv else None
    if merged is not None:
        merged.writerow(("student", *COLUMNS))
    for entry in entries:
        if not entry.name.endswith(".csv"):
            continue
        try:
            student, rows = read_hand_in(entry)
            if merged is not None:  # a teacher's spreadsheet, or a terminal: no cell reaches it raw
                merged.writerows([inert(shown_name(student)), *(inert(shown_name(row[column])) for column in COLUMNS)]
                                 for row in rows)
            else:
                table.append(summary(student, rows, language, entry.name))
        except HandInError as error:
            problems.append(say(language, "command.error", prog=shown_name(entry.name),
                                message=say(language, error.key, **error.values)))
    if merged is None:
        for line in aligned([[say(language, key) for key in HEADINGS], *table]):
            print(line)
    for line in problems:  # with --csv, beside the CSV rather than in it
        print(line, file=sys.stderr if merged is not None else sys.stdout)
    return 0


class HandInError(Exception):
    """A file in the folder that is not a hand-in: a catalogue key says why."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet takes for a formula


def inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that a student wrote to start a formula
    (=HYPERLINK(...), @SUM(...)) is led by an apostrophe, which spreadsheets hide; a number
    ("-0.5") stays the number it is."""
    if cell.startswith(FORMULA_STARTS):
        try:
            float(cell)
        except ValueError:
            return "'" + cell
    return cell


def read_hand_in(entry: os.DirEntry) -> tuple[str, list[dict[str, str]]]:
    """A hand-in's student (the file's owner) and its rows; HandInError if it is not one."""
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
            reader = csv.DictReader(text)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise HandInError("class.not_hand_in", reason="columns")
            rows = [row for row in reader if None not in row and None not in row.values()]  # whole rows only
        except (UnicodeDecodeError, csv.Error) as error:
            raise HandInError("class.not_hand_in", reason=shown_name(str(error))[:80]) from None
    student = _owner(status.st_uid) or (rows[-1]["user"] if rows else "") or "?"
    return student, rows


def summary(student: str, rows: list[dict[str, str]], language: str, name: str) -> list[str]:
    """One hand-in's line: student, session, lesson, steps, final error, predictions (right
    of scored) and questions (first tries right of questions tried). A lesson opened and
    left with nothing done has no rows to name it: its file's name (`name`) does."""
    steps = [row for row in rows if row["kind"] == STEP]
    guesses = [row["guess_result"] for row in rows if row["kind"] == GUESS and row["guess_result"] != "skipped"]
    firsts = [row["answer_result"] for row in rows if row["kind"] == ANSWER and row["first"] == "true"]
    last = rows[-1] if rows else {}
    predictions = f"{guesses.count('right')}/{len(guesses)}" if guesses else "-"
    questions = f"{firsts.count('right')}/{len(firsts)}" if firsts else "-"
    final = _final_error(steps[-1], language) if steps else "-"
    return [_shown(student), _shown(last.get("session") or "-"), _shown(last.get("lesson") or name.removesuffix(".csv") or "?"),
            str(len(steps)), final, predictions, questions]


def _final_error(row: dict, language: str) -> str:
    """The error where the student stopped: the last row's weights after its step, predicted
    and measured by the learner's own functions (so the figure is the one the app showed)."""
    if row.get("note"):
        return say(language, "class.diverged")
    try:
        inputs = _per_weight(row, "input")
        if row.get("goal"):
            weights = _per_weight(row, "weight_after")
            error = float(squared_error(predict(as_arrays(weights), as_arrays(inputs)), float(row["goal"])))
        else:  # several outputs: each row of the matrix after the step, each output's goal
            goals = _per_weight(row, "goal")
            rows = [[float(row[f"weight_after_{i}_{j}"]) for j in range(1, len(inputs) + 1)]
                    for i in range(1, len(goals) + 1)]
            error = start_error(Problem(tuple(w for r in rows for w in r), inputs, goals))
    except (KeyError, ValueError, TypeError, Refusal):
        return "?"
    return readable(error) if math.isfinite(error) else say(language, "class.diverged")


def _per_weight(row: dict, name: str) -> tuple[float, ...]:
    """`name_1`, `name_2`, ... up to the first blank: the problem's own weights."""
    values, index = [], 1
    while row.get(f"{name}_{index}"):
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
    text = shown_name(text)  # one line a hand-in, whatever a cell holds
    return text if len(text) <= SHOWN else text[:SHOWN - 3] + "..."


def aligned(lines: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell (Chinese counts two), two spaces apart."""
    widths = [max(cell_width(line[column]) for line in lines) for column in range(len(lines[0]))]
    return ["  ".join(cell + " " * (width - cell_width(cell)) for cell, width in zip(line, widths)).rstrip()
            for line in lines]
