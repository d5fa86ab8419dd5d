"""Benchmark the largest lesson text a file may hold, of every shape, beside a built-in lesson.

    .venv/bin/python tests/benchmarks/largest_lesson.py [--rounds N] [--shapes NAME,...]

A lesson file may be LESSON_FILE_BYTES long, nearly all of it one field. Each shape below
fills a file to that size with one kind of text (a formula that never ends, a word with no
break, Chinese with no spaces, a run of closing punctuation, blank lines, ...), in the field
that shows it: `teaches` and `notice` on the app's first screen (the notice also under every
step), `summary` in `gradstep lessons --course`. Every figure is a whole process on a real
pseudo-terminal at 80x24 (or, for line mode and the listing, a whole run of the command),
the median of N rounds alternating with the built-in alpha lesson (its questions left out);
the budget is 1.5x the built-in figure.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench import BASE_ENV, BIN, start
from gradstep.core.limits import LESSON_FILE_BYTES
from unasked import LESSONS

BUDGET = 1.5  # x the built-in lesson's figure
GRADSTEP = str(BIN / "gradstep")
HEAD = 'name = "largest"\nweights = 0.5\ninputs = 2.0\ngoal = 0.8\nalpha = 0.1\n[en]\ntitle = "Largest"\n'
SHAPES = {  # name: a piece that, repeated, fills the field
    "formula": "a + ",
    "operators": "= ",
    "figures": "0.5 ",
    "one word": "x",
    "short words": "ab ",
    "prose": "Each step keeps part of the miss, on the same side, so the run converges. ",
    "Chinese unspaced": "每一步都保留一部分误差",
    "closing marks": "。",
    "opening marks": "（",
    "mixed terms": "1/输入^2 ",
    "placeholders": "{r} ",
    "blank lines": "a\n",
}


def largest_file(folder: Path, shape: str, field: str) -> Path:
    """A lesson file of LESSON_FILE_BYTES at most, `field` filled with `shape` to the brim."""
    piece = SHAPES[shape]
    def encoded(count: int) -> bytes:
        return f"{HEAD}{field} = {json.dumps(piece * count, ensure_ascii=False)}\n".encode()
    low, high = 0, LESSON_FILE_BYTES
    while low < high:  # the most pieces that fit
        middle = (low + high + 1) // 2
        low, high = (middle, high) if len(encoded(middle)) <= LESSON_FILE_BYTES else (low, middle - 1)
    path = folder / f"{shape.replace(' ', '-').replace(',', '')}-{field}" / "largest.toml"
    path.parent.mkdir()
    path.write_bytes(encoded(low))
    return path


def first_screen(argv: list[str], env: dict[str, str], steps: int = 3) -> tuple[float, float]:
    """Seconds to a settled first screen, and the median seconds from a space to its frame."""
    session, settled = start(argv, env)
    delays = []
    for _ in range(steps):
        sent = session.send(b" ")
        _, last = session.read_until_quiet(quiet=0.25)
        delays.append(last - sent)
    session.close()
    return settled, statistics.median(delays)


def whole_run(argv: list[str], env: dict[str, str], keys: str = "") -> float:
    began = time.perf_counter()
    subprocess.run(argv, input=keys, capture_output=True, text=True, env=env, timeout=600, check=True)
    return time.perf_counter() - began


def measure(shape: str, folder: Path, env: dict[str, str], rounds: int) -> dict[str, tuple[float, float]]:
    """Each figure for `shape` and for the built-in lesson, as (this shape, built-in) medians."""
    builtin = str(LESSONS["alpha"])
    files = {field: largest_file(folder, shape, field) for field in ("teaches", "notice", "summary")}
    runs = {  # figure: (its command for the shape, for the built-in lesson)
        "teaches: first screen": lambda lesson: first_screen([GRADSTEP, "--lesson-file", lesson], env)[0],
        "notice: first screen, a step": lambda lesson: first_screen([GRADSTEP, "--lesson-file", lesson], env),
        "line mode: a step and quit": lambda lesson: whole_run([GRADSTEP, "--line", "--lesson-file", lesson], env,
                                                               "\nq\n"),
        "gradstep lessons --course": lambda course: whole_run([GRADSTEP, "lessons", "--course", course], env),
    }
    shaped = {"teaches: first screen": files["teaches"], "notice: first screen, a step": files["notice"],
              "line mode: a step and quit": files["notice"], "gradstep lessons --course": files["summary"].parent}
    built = {**{figure: builtin for figure in runs}, "gradstep lessons --course": str(Path(builtin).parent)}
    figures = {figure: ([], []) for figure in runs}
    for round_ in range(rounds):
        for figure, run in runs.items():
            order = ((0, shaped[figure]), (1, built[figure]))
            for which, argument in order if round_ % 2 == 0 else reversed(order):
                figures[figure][which].append(run(str(argument)))
    return {figure: tuple(_median(values) for values in pair) for figure, pair in figures.items()}


def _median(values: list) -> float | tuple[float, ...]:
    if isinstance(values[0], tuple):
        return tuple(statistics.median(column) for column in zip(*values))
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each (default 3)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="which shapes (default: all)")
    args = parser.parse_args()
    print(f"gradstep largest-lesson benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()} "
          f"({platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}), 80x24, "
          f"medians of {args.rounds} alternating runs; files of {LESSON_FILE_BYTES:,} bytes; budget {BUDGET}x")
    print(f"{'shape':<20}{'figure':<30}{'this':>10}{'built-in':>10}{'ratio':>8}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as temporary:
        env = {**BASE_ENV, "HOME": temporary, "XDG_STATE_HOME": str(Path(temporary) / "state")}
        for shape in args.shapes.split(","):
            folder = Path(temporary) / f"shape-{len(os.listdir(temporary))}"
            folder.mkdir()
            for figure, (this, builtin) in measure(shape, folder, env, args.rounds).items():
                for label, mine, theirs in _rows(figure, this, builtin):
                    ratio = mine / theirs
                    worst = max(worst, ratio)
                    print(f"{shape:<20}{label:<30}{mine * 1000:>8.0f}ms{theirs * 1000:>8.0f}ms{ratio:>7.2f}x"
                          f"{'' if ratio <= BUDGET else '  OVER'}", flush=True)
    print(f"worst ratio {worst:.2f}x: {'within' if worst <= BUDGET else 'OVER'} the budget of {BUDGET}x")


def _rows(figure: str, this, builtin):
    if isinstance(this, tuple):  # the notice: its first screen, then a step
        return [(figure.split(",")[0], this[0], builtin[0]), ("notice: key to frame", this[1], builtin[1])]
    return [(figure, this, builtin)]


if __name__ == "__main__":
    main()
