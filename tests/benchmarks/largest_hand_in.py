"""The largest hand-in a real session writes: bytes a step, and a lab of play at its fastest.

    .venv/bin/python tests/benchmarks/largest_hand_in.py [--hours H] [--steps N]

A hand-in holds every step the session took. Play's fastest speed (tui/app/state.py
SPEEDS) takes 15 steps a second, whatever the lesson, and a run stopped at MAX_ITERATIONS
starts again at a key (0, + or -), so H hours of play is 15 x 3600 x H steps of one
lesson's file. Each lesson below is stepped N times from its start through the journal,
as the app does, at an alpha that converges slowly (so every figure keeps all its digits,
the longest a row can be), and its rows written by core.schema exactly as a hand-in is,
with the longest login and --session name (and, for the teacher's lesson, lesson name);
the figure is the largest a step costs, times the steps of the lab. The widest lesson is
a teacher's 9 outputs by 9 inputs, the most a lesson may have (core/limits.py); the
default budget HAND_IN_BYTES must be above its figure, with margin.
"""

import argparse
import io
from collections.abc import Iterator

from gradstep.core.courses import find_lesson
from gradstep.core.journal import Journal, Words
from gradstep.core.lesson_files import lesson_from_text
from gradstep.core.lessons import Lesson
from gradstep.core.limits import HAND_IN_BYTES, MAX_OUTPUTS, MAX_WEIGHTS
from gradstep.core.names import NAME_LENGTH
from gradstep.core.schema import entry_rows, write_rows
from gradstep.core.session import Session

FASTEST = 15.0  # steps a second: the last of SPEEDS
LOGIN = "s" * 32  # the longest login useradd makes
SESSION_NAME = "n" * NAME_LENGTH  # the longest --session NAME


def widest(outputs: int = MAX_OUTPUTS, inputs: int = MAX_WEIGHTS) -> Lesson:
    """A teacher's lesson of the most outputs and inputs, its figures of many digits."""
    rows = ", ".join("[" + ", ".join(f"{0.1 + 0.0123 * (row + column) / 7:.6f}" for column in range(inputs)) + "]"
                     for row in range(outputs))
    text = (f'name = "{"w" * NAME_LENGTH}"\nweights = [{rows}]\n'
            f'inputs = [{", ".join(f"{0.3 + 0.1 * k / 3:.6f}" for k in range(inputs))}]\n'
            f'goal = [{", ".join(f"{0.2 + k / 7:.6f}" for k in range(outputs))}]\nalpha = 0.0013\n'
            '[en]\ntitle = "Widest"\n[zh]\ntitle = "最宽"\n')
    return lesson_from_text(text, "widest.toml", "file")


def step_bytes(lesson: Lesson, steps: int, alpha: float | None) -> Iterator[int]:
    """The bytes each step's rows take in a hand-in, step after step from the lesson's start."""
    journal = Journal(lambda session, index: Words("?"))
    session = Session.begin(lesson)
    if alpha is not None:
        session = session.with_problem(session.problem.replace(alpha=alpha))
    journal.see(session, 0.0)
    for _ in range(steps):
        if not session.history.can_step:
            break
        session = session.step()
        journal.see(session, 1.0)
    for entry in journal.entries:
        out = io.StringIO()
        write_rows(entry_rows([entry], LOGIN, "0123456789abcdef", SESSION_NAME), out)
        yield len(out.getvalue().encode("utf-8").split(b"\n", 1)[1])  # without the header


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=float, default=3.0)
    parser.add_argument("--steps", type=int, default=2000)
    args = parser.parse_args()
    lab = int(FASTEST * 3600 * args.hours)
    print(f"{args.hours:g} hours of play at {FASTEST:g} steps a second: {lab:,} steps of one lesson")
    largest = 0.0
    for name, lesson, alpha in [("alpha", find_lesson("alpha"), 0.001), ("multi-weight", find_lesson("multi-weight"), 0.0005),
                                ("weight-matrix", find_lesson("weight-matrix"), 0.0005),
                                ("9 x 9 (a teacher's widest)", widest(), None)]:
        sizes = list(step_bytes(lesson, args.steps, alpha))
        most = max(sizes)
        total = lab * most
        largest = max(largest, total)
        print(f"  {name:28} {most:6,} bytes a step at most  -> {total / 2**20:8,.0f} MB")
    print(f"HAND_IN_BYTES: {HAND_IN_BYTES / 2**20:,.0f} MB, {HAND_IN_BYTES / largest:.1f} x the largest")


if __name__ == "__main__":
    main()
