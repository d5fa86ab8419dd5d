"""The headless runner: a lesson's records, streamed as a table, CSV or JSON lines.

Records go out as the learner produces them (nothing is stored, so a long run costs no
memory). It imports NumPy and the standard library only, so `gradstep run` starts about
as fast as `python -c "import numpy"`. The words around the table (its summary, its
errors) are the command line's business, in `gradstep.tui.command`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from .divergence import Divergence
from .formats import About, rows, text_lines, text_tables, write_csv, write_jsonl
from .history import walk
from .rules import Step

FORMATS = ("text", "csv", "jsonl")


def run(about: About, steps: int, format: str, out: IO[str],
        headings: dict[str, str] | None = None) -> list[Step | Divergence]:
    """Write `steps` iterations of `about`'s problem to `out` in `format` (each file row
    naming the problem; the text table's columns named by `headings`); return the last items
    (the last record, and the divergence after it if the run diverged) for a summary."""
    problem = about.problem
    last: list[Step | Divergence] = []
    if format == "jsonl":
        write_jsonl(rows(_remembering(walk(problem, steps), last), about), out)
    elif format == "csv":
        write_csv(rows(_remembering(walk(problem, steps), last), about), problem, out)
    else:  # a table per group of columns that fits 80: the run walked again for each, as it streams
        for number, names in enumerate(text_tables(problem, headings)):
            if number:
                out.write("\n")
            for line in text_lines(_remembering(walk(problem, steps), last), problem, headings, names):
                out.write(line + "\n")
    return last


def _remembering(items: Iterable[Step | Divergence], last: list[Step | Divergence]) -> Iterator[Step | Divergence]:
    """Pass items on, keeping the last two (the last record and a divergence after it)."""
    for item in items:
        last[:] = [*last[-1:], item]
        yield item
