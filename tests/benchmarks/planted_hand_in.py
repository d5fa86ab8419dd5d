"""`gradstep class DIR` with one planted hand-in of 250 MB beside a student's real one.

    .venv/bin/python tests/benchmarks/planted_hand_in.py [--megabytes M]

A classmate may write a well-formed CSV of any size into the class's folder. Before the
per-account byte budget (core/limits.py HAND_IN_BYTES) and the row-at-a-time reader,
such a file of 250 MB took 64 s and 4.9 GB to read. The default budget (2 GiB) is above
the largest hand-in a real session writes, so a plant within it is read, all of it: the
time grows with its size, the memory must not. The figures are of the whole
`gradstep class` process (its wall time, and its peak resident memory from getrusage),
beside the floor (the same command on the folder without the plant), and beside the same
with `--budget 8`, where the plant is passed over.
"""

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gradstep.core.schema import COLUMNS

BIN = Path(sys.executable).parent


def plant(path: Path, megabytes: float) -> None:
    """A well-formed hand-in of `megabytes`, a step row repeated."""
    row = {column: "" for column in COLUMNS} | {"kind": "step", "lesson": "alpha", "iteration": "0",
                                                "input_1": "2.0", "goal": "0.8", "weight_after_1": "0.1"}
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        line = ",".join(str(row[column]) for column in COLUMNS) + "\n"
        block = line * 10_000
        for _ in range(int(megabytes * 2**20 / len(block)) + 1):
            out.write(block)


def real_hand_in(folder: Path) -> None:
    """A student's real hand-in: a line-mode session of 50 steps."""
    keys = "s\ns\n" + "\n" * 50 + "q\n"
    subprocess.run([BIN / "gradstep", "--line", "--lesson", "alpha", "--lang", "en", "--hand-in", str(folder)],
                   input=keys, text=True, capture_output=True, check=True,
                   env={"XDG_STATE_HOME": str(folder.parent / "state"), "HOME": str(folder.parent),
                        "PATH": "/usr/bin:/bin"})


def measured(folder: Path, *flags: str) -> tuple[float, float, str]:
    """Seconds and peak MB of one `gradstep class DIR`, in a process of its own, and its last line."""
    script = ("import resource, subprocess, sys, time; began = time.monotonic(); "
              "result = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
              "print(time.monotonic() - began, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024); "
              "print(result.stdout.strip().splitlines()[-1])")
    command = [str(BIN / "gradstep"), "class", str(folder), "--lang", "en", *flags]
    lines = subprocess.run([sys.executable, "-c", script, *command], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    seconds, peak = (float(figure) for figure in lines[0].split())
    return seconds, peak, lines[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=250)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gradstep-planted-") as place:
        folder = Path(place) / "class"
        folder.mkdir()
        real_hand_in(folder)
        floor = measured(folder)
        plant(folder / "zz-planted.csv", args.megabytes)
        planted = measured(folder)
        passed = measured(folder, "--budget", "8")
    print(f"gradstep class, one real hand-in:            {floor[0]:6.2f} s  peak {floor[1]:6.0f} MB")
    print(f"the same with a {args.megabytes:.0f} MB plant beside it:   {planted[0]:6.2f} s  peak {planted[1]:6.0f} MB"
          f"  (before the budget: 64 s, 4.9 GB; a dict a row: 43 s)")
    print(f"  its last line: {planted[2]}")
    print(f"the same with --budget 8 (passed over):    {passed[0]:6.2f} s  peak {passed[1]:6.0f} MB")
    print(f"  its last line: {passed[2]}")


if __name__ == "__main__":
    main()
