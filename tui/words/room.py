"""The room's table in words: the cells of a student's row and of a question's, in the
reader's language, fitted to the width of the terminal.

The one-shot `gradstep class DIR` and the live `--watch` screen both lay their lines out
here, so the two always agree. Every word taken from a student's file (their session's
name, a lesson's, a question's, an answer) is cleaned of control characters and cut to
its column, so no file can break the teacher's screen.
"""

from __future__ import annotations

import time

from ...core.formats import cell_width
from ...core.numbers import readable
from ...core.outside import shown_name
from ...core.room import QuestionFigures, Row
from .say import say

STUDENT_COLUMNS = ("student", "session", "lesson", "iteration", "error", "predictions", "questions", "idle", "flags")
# Widest a column may grow (cells): at 80 columns every figure fits whole, and the flags (last)
# too. A figure past its width is one no session writes (a file forged by hand): it is cut,
# rather than push every other student's flags off the screen.
STUDENT_WIDEST = {"student": 12, "session": 10, "lesson": 14, "iteration": 7, "error": 10, "predictions": 7,
                  "questions": 7, "idle": 8, "time": 8}
QUESTION_COLUMNS = ("lesson", "number", "first_right", "wrong_answer", "question")
QUESTION_WIDEST = {"lesson": 14, "number": 3, "first_right": 13, "wrong_answer": 30}
# The words cut first, each down to its floor, when a line is too long: a question's own
# words first (the teacher wrote them, and its lesson and number name it), so that the
# wrong answer most students gave stays whole: "it s..." was "it shrinks" and "it stays
# the same" alike at 80 columns.
GIVE_WAY = ("question", "session", "lesson", "student", "wrong_answer")
NARROWEST = 5
FLOOR = {"question": 24}  # a question keeps this much (its first words) before the other words give way
GAP = " "


def student_columns(with_time: bool = False, sessions: bool = True) -> tuple[str, ...]:
    """The student table's columns: `with_time` adds the clock time of the last key, for a
    table printed once (on the live screen the idle time says it); without `sessions`
    (no student used --session, the usual case), no session column."""
    columns = (*STUDENT_COLUMNS[:-1], "time", STUDENT_COLUMNS[-1]) if with_time else STUDENT_COLUMNS
    return tuple(column for column in columns if sessions or column != "session")


def student_headings(language: str, columns: tuple[str, ...]) -> list[str]:
    return [say(language, f"room.head.{column}") for column in columns]


def student_cells(row: Row, language: str, columns: tuple[str, ...]) -> list[str]:
    """One student's cells, for `columns`."""
    progress = row.seen.progress
    # the error is a figure even where the run diverges (DIV in the flags says that): a word
    # only where there is no figure, the run having overflowed the floats
    error = say(language, "room.overflowed") if progress.error is None else readable(progress.error)
    cells = {"student": outside(row.seen.account), "session": outside(progress.session) or "-",
             "lesson": outside(progress.lesson), "iteration": str(progress.iteration), "error": error,
             "predictions": fraction(*row.predictions), "questions": fraction(*row.questions),
             "idle": say(language, "room.ended") if progress.ended else clock(row.idle),
             "time": time.strftime("%H:%M:%S", time.localtime(row.seen.last_key)) if "time" in columns else "",
             "flags": " ".join([*(say(language, f"room.flag.{flag}") for flag in row.flags),
                                *([say(language, "room.diverged_ended")] if progress.diverged and progress.ended else [])])}
    return [cells[column] for column in columns]


def any_sessions(table: list[Row]) -> bool:
    """Whether any student named a session (several students on one login)."""
    return any(row.seen.progress.session for row in table)


def question_headings(language: str) -> list[str]:
    return [say(language, f"room.head.{column}") for column in QUESTION_COLUMNS]


def question_cells(figures: QuestionFigures, language: str) -> list[str]:
    """A question's cells: lesson, its number, right at the first try, the wrong answer
    most students gave, and its words (last: they take what room is left)."""
    share = figures.first_share
    right = "-" if share is None else f"{round(100 * share)}% {figures.first_right}/{figures.first_tries}"
    wrong = "-" if figures.wrong_answer is None else say(
        language, "room.wrong_by", answer=outside(figures.wrong_answer), students=figures.wrong_students)
    return [outside(figures.lesson), str(figures.question), right, wrong, outside(figures.text)]


def fraction(right: int, of: int) -> str:
    """'3/5', or '-' where nothing was asked."""
    return f"{right}/{of}" if of else "-"


def clock(seconds: float) -> str:
    """An idle time as minutes:seconds (62:05 after an hour), the same in every language."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def outside(text: str) -> str:
    """A word from a student's file on one line, with nothing a terminal would act on."""
    return shown_name(str(text))


def fitted(lines: list[list[str]], widest: dict[str, int], columns: tuple[str, ...], width: int | None,
           mark: str) -> list[str]:
    """The lines as a table: each column as wide as its widest cell, up to `widest`. Where
    that is wider than `width` cells, the words of GIVE_WAY narrow first, in its order (a
    cell too long is cut, ending in `mark`); figures and the flags stay whole while they can. `width` None (a table printed to a file): the words are never cut."""
    natural = [max(cells(line[index]) for line in lines) for index in range(len(columns))]
    widths = [size if width is None and name in GIVE_WAY else min(size, widest.get(name, size))
              for size, name in zip(natural, columns)]
    if width is not None:
        over = sum(widths) + len(GAP) * (len(widths) - 1) - width
        for name in (name for name in GIVE_WAY if name in columns):
            index = columns.index(name)
            give = max(min(over, widths[index] - FLOOR.get(name, NARROWEST)), 0)
            widths[index] -= give
            over -= give
        widths[-1] = max(widths[-1] - max(over, 0), 0)
    return [GAP.join(padded(cut(cell, size, mark), size) for cell, size in zip(line, widths)).rstrip()
            for line in lines]


def cells(text: str) -> int:
    """Terminal cells `text` takes; an ASCII word (most of the table, 300 rows twice a
    second) without asking Unicode's tables character by character."""
    return len(text) if text.isascii() else cell_width(text)


def cut(text: str, columns: int, mark: str) -> str:
    """`text` in at most `columns` cells, ending in `mark` where it was cut."""
    if cells(text) <= columns:
        return text
    room, kept = columns - cell_width(mark), []
    for char in text:
        room -= cell_width(char)
        if room < 0:
            break
        kept.append(char)
    return "".join(kept) + mark if columns >= cell_width(mark) else ""


def padded(text: str, columns: int) -> str:
    return text + " " * (columns - cells(text))
