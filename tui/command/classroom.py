"""`gradstep class DIR`: what each student handed in, a line a file, for the teacher;
first, where the sessions still running are (room.py), and with --watch, live. With --csv,
every row of every hand-in as one CSV (core.schema's columns, after the student and the
file the row comes from).

The folder is written by every student of the class, so everything in it is treated as
data that may be hostile: it is only read (nothing in it is run or opened by name from
its contents), a row at a time and within a budget per account (files/hand_ins.py), a
file that is not a hand-in is named and passed over, and every word taken from a file,
and every file name, is shown on one line with nothing hidden (shown_name) before it
reaches the teacher's terminal. The student is the account that owns the file, which a
student cannot forge, rather than the name written in it or in the file's name.
"""

from __future__ import annotations

import csv
import math
import re
from datetime import datetime, timezone
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from ...core.formats import cell_width
from ...core.row_values import ended_by_divergence, marks_divergence
from ...core.outside import shown_name
from ...core.journal import ANSWER, GUESS, STEP
from ...core.numbers import readable
from ...core.progress import parse_time
from ...core.room import IDLE_LIMIT
from ...core.divergence import start_error
from ...core.problem import Problem
from ...core.refusals import Refusal
from ...core.rules import as_arrays, predict, squared_error
from ...core.limits import HAND_IN_BYTES
from ...core.schema import COLUMNS
from ..files import folder_rights
from ..files.hand_ins import Budget, HandedIn, HandInError
from ..files.records import Evidence, Finding, live_runs, open_records, run_of
from ..files.owner import login_name
from ..files.progress_folder import ProgressFolder
from ..words.say import explain, say
from . import room
from .app_parser import theme_name
from .environment import dumb_terminal, unicode_terminal
from .flags import ArgumentParser, add_language_argument, parse_in_language

SHOWN = 24  # characters of a name taken from a file
# --csv names a row's own `user` for what it is: the login the file claims, which its writer
# can forge (a planted file claims a classmate); the student is the owner, `student`.
MERGED_NAMES = tuple("claimed_account" if column == "user" else column for column in COLUMNS)
HEADINGS = ("class.student", "class.session", "class.started", "class.run", "class.lesson", "class.steps",
            "class.final_error", "class.predictions", "class.questions")
SESSION = HEADINGS.index("class.session")  # shown only where some student used --session
RUN_DIGITS = 6  # of a run's 16 hex digits: enough to tell a student's runs apart, and to find its files


class Line(NamedTuple):
    """One hand-in's line of the table, and where it sorts: by student, then when its run began."""

    cells: list[str]
    started: str  # the time of its first row, ISO 8601 (UTC), which sorts as text
    marks: tuple[str, ...] = ()  # what the row's figures do not say (marks), shown on a line under it
    planted: bool = False  # its rows claim another account than the file's owner


def class_parser(language: str) -> ArgumentParser:
    parser = ArgumentParser(prog="gradstep class", description=say(language, "class.description"), language=language)
    parser.add_argument("folder", metavar="DIR", help=say(language, "flag.class_folder"))
    parser.add_argument("--watch", action="store_true", help=say(language, "flag.watch"))
    parser.add_argument("--roster", metavar="FILE", type=parser.typed(room.roster_accounts),
                        help=say(language, "flag.roster"))
    parser.add_argument("--idle", metavar="MINUTES", type=parser.typed(room.idle_minutes), default=IDLE_LIMIT,
                        help=say(language, "flag.idle"))
    parser.add_argument("--ascii", action="store_true", help=say(language, "flag.ascii"))
    parser.add_argument("--theme", metavar="NAME", type=parser.typed(theme_name), help=say(language, "flag.watch_theme"))
    parser.add_argument("--csv", action="store_true", help=say(language, "flag.class_csv"))
    parser.add_argument("--budget", metavar="MB", type=parser.typed(budget_bytes), default=HAND_IN_BYTES,
                        help=say(language, "flag.class_budget", megabytes=HAND_IN_BYTES // MB))
    add_language_argument(parser)
    return parser


MB = 2**20
LARGEST_BUDGET = 10**7  # MB: 10 TB, more than any disk of hand-ins; a figure past it is a slip


def budget_bytes(text: str) -> int:
    """--budget MB, as bytes: a whole number of megabytes (2**20 bytes) from 1."""
    try:
        megabytes = int(text.strip().replace("_", ""))  # int() takes 1_000 and " 5"; ",", ".", "e" are refused
    except ValueError:
        megabytes = 0
    if not 1 <= megabytes <= LARGEST_BUDGET:
        raise Refusal("class.budget", largest=f"{LARGEST_BUDGET:,}")
    return megabytes * MB


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
    for key, values in folder_rights.warnings(folder, os.geteuid(), set(os.getgroups())):  # first, and beside
        print(say(language, key, folder=shown_name(str(folder)), teacher=shown_name(login_name()), **values),
              file=sys.stderr)  # what is printed, as a CSV or a table may be read by a program
    ascii_only = args.ascii or not unicode_terminal()
    if args.watch and not dumb_terminal():  # no screen to draw on: the table once, as without --watch
        return room.watch(folder, args.roster, args.idle, language, ascii_only, args.theme)
    progress = ProgressFolder(folder)
    look = progress.look()
    records, unkept = open_records(folder)
    evidence = Evidence()
    if records is not None:
        try:
            evidence = records.look(progress.named_runs())
        except OSError as error:
            unkept = error.strerror or str(error)
    if isinstance(unkept, Refusal):
        unkept = explain(language, unkept)
    warnings = [] if unkept is None else [say(language, "class.record.none", reason=unkept)]
    live = live_runs(progress.named_runs(), evidence)
    if not args.csv and (look.seen or look.problems or args.roster is not None):  # --csv: the CSV alone
        for line in room.printed(evidence.scored(look), args.roster, args.idle, language, ascii_only, evidence=evidence.flags()):
            print(line)
        if not any(entry.name.endswith(".csv") for entry in entries) and not evidence.findings:
            for line in warnings:
                print(line)
            return 0
        print()
    table: list[Line] = []
    problems, budget, empty = [], Budget(args.budget), 0
    tried: list[tuple[str, Tries]] = []  # each line's student and the questions its file tried
    merged = csv.writer(sys.stdout, lineterminator="\n") if args.csv else None
    if merged is not None:
        merged.writerow(("student", "file", "record", *MERGED_NAMES))
    for name, entry in hand_ins(entries, evidence):
        finding, run = evidence.of(name), run_of(name)
        try:
            with opened(entry, finding) as handed:
                if not budget.take(handed.student, handed.size):
                    continue
                unseen = live is not None and (run is None or (handed.student, run) not in live)
                if merged is not None:  # a teacher's spreadsheet, or a terminal: no cell reaches it raw
                    front = [inert(shown_name(handed.student)), inert(shown_name(name)),
                             finding.reason if finding is not None else UNSEEN if unseen else ""]
                    for row in handed.rows():
                        merged.writerow([*front, *(inert(shown_name(value)) for value in row)])
                else:
                    tries: Tries = {}
                    if (summed := summary(handed.student, handed.rows(), language, tries, name)) is None:
                        empty += 1
                        continue
                    if run is not None:  # the run its name says, as the record judges it
                        summed.cells[RUN] = run[:RUN_DIGITS]
                    if finding is not None and finding.counts is not None:  # disagrees: the counts seen live
                        right, asked = finding.counts
                        summed.cells[QUESTIONS] = f"{right}/{asked}" if asked else "-"
                        tries = {}  # its tries are the student's to have written: none counts as a first ever
                    if unseen or summed.planted:
                        summed, tries = unverified(summed, unseen, language), {}
                    if finding is not None:  # under its own line, as every other mark; the why below
                        summed = summed._replace(marks=summed.marks + (say(language, "class.record.mark",
                                                                           flag=say(language, f"room.flag.{finding.what}")),))
                    table.append(summed)
                    tried.append((handed.student, tries))
        except HandInError as error:
            problems.append(say(language, "command.error", prog=shown_name(name),
                                message=say(language, error.key, **error.values)))
    for student, (files, size) in sorted(budget.skipped.items()):
        problems.append(say(language, "class.over_budget", student=shown_name(student), files=files,
                            bytes=f"{size:,}", limit=f"{budget.each // MB:,}",
                            needed=-(-budget.wanted[student] // MB)))  # whole MB, rounded up
    if merged is None:
        first_ever([line.cells for line in table], tried)
        table.sort(key=lambda line: (line.cells[0], line.started))
        shown = aligned(by_student_and_time([say(language, key) for key in HEADINGS], table))
        print(shown[0])
        for table_line, text in zip(table, shown[1:]):
            print(text)
            if table_line.marks:
                print("  ^ " + say(language, "sep.list").join(table_line.marks))
        if any(line.cells[column].startswith("(") for line in table for column in (PREDICTIONS, QUESTIONS)):
            print(say(language, "class.unverified"))
        if empty:
            problems.insert(0, say(language, "class.empty", count=empty))
    for line in [*problems, *found(evidence, language), *warnings]:  # with --csv, beside the CSV rather than in it
        print(line, file=sys.stderr if merged is not None else sys.stdout)
    return 0


UNSEEN = "unseen"  # --csv's record of a hand-in whose run no progress file showed live


def unverified(line: Line, unseen: bool, language: str) -> Line:
    """A hand-in's line whose figures count for nobody, shown in brackets: its rows claim a
    classmate (a planted file), or it is UNSEEN: the folder keeps progress files and none
    showed its run live (a run made up after the class, under the student's own name). Its
    answers are in no first try ever, its own or a classmate's."""
    cells = list(line.cells)
    for column in (PREDICTIONS, QUESTIONS):
        cells[column] = f"({cells[column]})" if cells[column] != "-" else "-"
    marks = line.marks + ((say(language, "class.unseen"),) if unseen else ())
    return line._replace(cells=cells, marks=marks)


def hand_ins(entries: list[os.DirEntry], evidence: Evidence) -> list[tuple[str, os.DirEntry | None]]:
    """The hand-ins to read, by name: the folder's, and those gone from it since the
    teacher's record saw them (read from the copy kept)."""
    listed: list[tuple[str, os.DirEntry | None]] = [(entry.name, entry) for entry in entries
                                                     if entry.name.endswith(".csv")]
    names = {name for name, _ in listed}
    listed += [(finding.name, None) for finding in evidence.findings
               if finding.reason == "gone" and finding.kept is not None and finding.name not in names]
    return sorted(listed, key=lambda pair: pair[0])


def opened(entry: os.DirEntry | None, finding: Finding | None) -> HandedIn:
    """A hand-in opened: the copy the teacher's record kept where the folder's file changed
    or is gone since (it was handed in as that; its student is the owner then recorded),
    else the folder's file."""
    if finding is not None and finding.kept is not None:
        try:
            with os.scandir(finding.kept.parent) as listing:
                kept = next((one for one in listing if one.name == finding.kept.name), None)
        except OSError:
            kept = None
        if kept is not None:
            handed = HandedIn(kept)
            handed.student = finding.owner
            return handed
    if entry is None:
        raise HandInError("class.record.gone")
    return HandedIn(entry)


def found(evidence: Evidence, language: str) -> list[str]:
    """A line for each file not as it was handed in, and below it, indented, where its copy
    as first seen is (a long path, on a line of its own)."""
    lines = []
    for finding in sorted(evidence.findings, key=lambda finding: finding.name):
        lines.append(say(language, "command.error", prog=f"{shown_name(finding.owner)}: {shown_name(finding.name)}",
                         message=say(language, f"class.record.{finding.reason}", **finding.values)))
        if finding.kept is not None:
            lines.append("  " + say(language, "class.record.kept", path=shown_name(str(finding.kept))))
    return lines


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


Tries = dict[tuple[str, int], tuple[datetime, bool]]
"""A file's tries at each question, (lesson, number): the earliest one's time and whether
it was right. Not by session name: a student picks it, and a first try is the account's."""
QUESTIONS, PREDICTIONS, RUN = (HEADINGS.index(key) for key in ("class.questions", "class.predictions", "class.run"))
_AT = {column: index for index, column in enumerate(COLUMNS)}
KIND, OUTPUT, GUESS_RESULT, FIRST, ANSWER_RESULT, NOTE = (_AT[name] for name in ("kind", "output", "guess_result",
                                                                                "first", "answer_result", "note"))


def by_student_and_time(headings: list[str], table: list[Line]) -> list[list[str]]:
    """The table under its headings, a student's runs together in the order they began
    (the file names sort a planted `ana-...` among ana's), the session column left out
    where no student used --session."""
    lines = [headings, *(line.cells for line in sorted(table, key=lambda line: (line.cells[0], line.started)))]
    if all(line.cells[SESSION] == "-" for line in table):
        lines = [line[:SESSION] + line[SESSION + 1:] for line in lines]
    return lines


def summary(student: str, rows: Iterable[list[str]], language: str,
            tries: Tries | None = None, name: str | None = None) -> Line | None:
    """One hand-in's line: student, session, when its run began (the local time of its first
    row) and the run's id (its first digits), lesson, steps, final error, predictions (right
    of scored) and questions (first tries right of questions tried), read in one pass over
    rows of cells in COLUMNS order (lists: a dict a row took four times as long). None
    for a file with no rows (a lesson opened and left, handed in by an earlier version):
    nothing names its run or its lesson. `tries`, if given, is filled with the file's
    earliest try at each question (first_ever). `name`, the file's: where it names another
    lesson than its rows, a mark says so (the lesson shown is the rows')."""
    steps, right, scored, first_right, firsts, diverged = 0, 0, 0, 0, 0, False
    first: list[str] | None = None
    last: list[str] = []
    last_step: list[list[str]] = []  # the last step's rows: one, or one per output
    for row in rows:
        first, last = first or row, row
        kind = row[KIND]
        diverged = diverged or marks_divergence(row[NOTE])
        if kind == STEP:
            if row[OUTPUT] in ("", "1"):  # a new step (several outputs: its first row)
                steps, last_step = steps + 1, []
            last_step.append(row)
        elif kind == GUESS and row[GUESS_RESULT] != "skipped":
            right, scored = right + (row[GUESS_RESULT] == "right"), scored + 1
        elif kind == ANSWER:
            if row[FIRST] == "1":
                first_right, firsts = first_right + (row[ANSWER_RESULT] == "right"), firsts + 1
            if tries is not None:
                _tried(tries, dict(zip(COLUMNS, row)))
    predictions = f"{right}/{scored}" if scored else "-"
    questions = f"{first_right}/{firsts}" if firsts else "-"
    final = _final_error([dict(zip(COLUMNS, row)) for row in last_step], language) if last_step else "-"
    if first is None:
        return None
    began, named = dict(zip(COLUMNS, first)), dict(zip(COLUMNS, last))
    cells = [_shown(student), _shown(named.get("session_name") or "-"), _clock(began.get("time", "")),
             _shown(named.get("session", "")[:RUN_DIGITS] or "-"), _shown(named.get("lesson") or "?"),
             str(steps), final, predictions, questions]
    claimed = named.get("user", "")
    found = marks(student, named, diverged, language)
    if name is not None and not names_lesson(name, named.get("lesson") or "?"):
        found += (say(language, "class.name_lesson", name=shown_name(name), lesson=_shown(named.get("lesson") or "?")),)
    return Line(cells, began.get("time", ""), found, planted=bool(claimed) and claimed != student)


def names_lesson(name: str, lesson: str) -> bool:
    """Whether a hand-in's file name, `<user>-<session>-<lesson>-<run>.csv` (a copy's with
    `-2` after the run; an earlier gradstep's without the run), is for `lesson`. A file
    named for t-blowup whose rows say t-start was listed as t-start, and nothing told."""
    stems = {re.sub(r"(-[0-9a-f]{16})?(-\d+)?\.csv$", "", name), re.sub(r"(-[0-9a-f]{16})?\.csv$", "", name)}
    return any(stem.endswith(f"-{lesson}") for stem in stems)  # a lesson may end in digits (part-2)


def marks(student: str, named: dict[str, str], diverged: bool, language: str) -> tuple[str, ...]:
    """What a hand-in's figures do not say: whom its rows claim where that is not the account
    that owns it (a planted file: ben's own work named for ana, counted as ben's), the run it
    resumed (--resume), and that the run diverged."""
    found = []
    if (claimed := named.get("user", "")) and claimed != student:
        found.append(say(language, "class.claims", account=_shown(claimed)))
    if resumed := named.get("resumed", ""):
        found.append(say(language, "class.resumed", run=_shown(resumed[:RUN_DIGITS])))
    if diverged:
        found.append(say(language, "room.flag.diverged"))
    return tuple(found)


def _clock(iso: str) -> str:
    """A row's time as the teacher's clock showed it, hours and minutes ("-": no time)."""
    moment = parse_time(iso)
    return time.strftime("%H:%M", time.localtime(moment.timestamp())) if moment is not None else "-"


def _tried(tries: Tries, row: dict[str, str]) -> None:
    """Note an answer row's try if it is the earliest of its question seen yet (a row
    without a time that parses counts as the latest)."""
    try:
        key = (row["lesson"], int(row["question"]))
    except ValueError:
        return
    when = parse_time(row["time"]) or datetime.max.replace(tzinfo=timezone.utc)
    if key not in tries or when < tries[key][0]:
        tries[key] = (when, row["answer_result"] == "right")


def first_ever(table: list[list[str]], tried: list[tuple[str, Tries]]) -> None:
    """Each line's questions as the student's first try EVER at them decides, across all
    their hand-ins: a run's own `first` says first in that run, so a restart without
    --resume would turn two wrong answers into a first try right, and a skipped re-ask
    in a later run would count against an answer given before (core/room.first_tries)."""
    earliest: dict[tuple[str, str, int], tuple[datetime, bool]] = {}
    for student, tries in tried:
        for key, seen in tries.items():
            if (student, *key) not in earliest or seen[0] < earliest[(student, *key)][0]:
                earliest[(student, *key)] = seen
    for line, (student, tries) in zip(table, tried):
        if tries:  # right where its own try was, and no earlier one elsewhere was wrong: never more
            right = sum(own and earliest[(student, *key)][1] for key, (_, own) in tries.items())
            line[QUESTIONS] = f"{right}/{len(tries)}"


def _final_error(step: list[dict[str, str]], language: str) -> str:
    """The error where the student stopped: the last step's weights after it (a row, or a
    row per output), predicted and measured by the learner's own functions (so the figure
    is the one the app showed)."""
    if ended_by_divergence(step[-1].get("note", "")):
        return say(language, "class.diverged")
    try:
        inputs = _per_weight(step[0], "input")
        if len(step) == 1:
            weights = _per_weight(step[0], "weight_after")
            error = float(squared_error(predict(as_arrays(weights), as_arrays(inputs)), float(step[0]["goal"])))
        else:  # several outputs: each output's row of the matrix after the step, and its goal
            matrix = tuple(w for row in step for w in _per_weight(row, "weight_after")[:len(inputs)])
            error = start_error(Problem(matrix, inputs, tuple(float(row["goal"]) for row in step)))
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


def _shown(text: str) -> str:
    """A word from a student's file, safe for the teacher's terminal and not too long."""
    text = shown_name(text)  # one line a hand-in, whatever a cell holds
    return text if len(text) <= SHOWN else text[:SHOWN - 3] + "..."


def aligned(lines: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell (Chinese counts two), two spaces apart."""
    widths = [max(cell_width(line[column]) for line in lines) for column in range(len(lines[0]))]
    return ["  ".join(cell + " " * (width - cell_width(cell)) for cell, width in zip(line, widths)).rstrip()
            for line in lines]
