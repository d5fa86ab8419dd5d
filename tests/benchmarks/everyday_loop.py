"""The everyday test loop, `pytest --everyday -q`, timed as a whole process beside its budget.

    .venv/bin/python tests/benchmarks/everyday_loop.py [--runs N] [--keep-bytecode]

A shared machine cannot give the loop a core of its own, so beside the wall time stand the
CPU time (user + system, children included) and the wall time less the time the loop's
main thread waited for a CPU (the run queue delay in /proc/PID/schedstat, read until it
ends): the nearest figure to "alone" a shared machine gives. PYTHONDONTWRITEBYTECODE, which
some machines set, makes every run rewrite the test modules' asserts again; a developer's
checkout keeps them, which `--keep-bytecode` measures (after one run to write them).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUDGET = 20.0  # seconds, with the machine to itself (tests/conftest.py)
LOOK = 0.05  # seconds between readings of the run's schedstat


def waited(pid: int) -> float | None:
    """Seconds the process's main thread has waited for a CPU so far, or None once it is gone."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def one_run(env: dict[str, str]) -> tuple[float, float, float, str]:
    """(wall, CPU, wall less waiting, pytest's last line and the tests it names as failed)
    of one everyday loop: a failure on a busy machine is named, to be run again alone."""
    with tempfile.TemporaryFile("w+") as report:  # a pipe left unread would stop a long report
        before, start = os.times(), time.monotonic()
        loop = subprocess.Popen([sys.executable, "-m", "pytest", "--everyday", "-q", "-p", "no:cacheprovider"],
                                cwd=ROOT, env=env, stdout=report, stderr=subprocess.STDOUT, text=True)
        wait_so_far = 0.0
        while loop.poll() is None:
            wait_so_far = waited(loop.pid) or wait_so_far
            time.sleep(LOOK)
        wall = time.monotonic() - start
        report.seek(0)
        output = report.read()
    after = os.times()  # the loop is reaped: its CPU, and its children's, is counted
    cpu = after.children_user + after.children_system - before.children_user - before.children_system
    lines = output.strip().splitlines()
    failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    return wall, cpu, wall - wait_so_far, "\n      ".join(lines[-1:] + failed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep-bytecode", action="store_true",
                        help="without PYTHONDONTWRITEBYTECODE, after a first run that writes the bytecode")
    options = parser.parse_args()
    env = dict(os.environ)
    if options.keep_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        one_run(env)
    load = os.getloadavg()[0]
    print(f"everyday loop, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load {load:.1f}, "
          f"bytecode {'kept' if options.keep_bytecode else 'as the environment says'}; budget {BUDGET:.0f} s alone")
    print(f"{'run':>4} {'wall s':>8} {'CPU s':>8} {'wall less waiting s':>20}  result")
    for run in range(1, options.runs + 1):
        wall, cpu, alone, result = one_run(env)
        print(f"{run:>4} {wall:8.1f} {cpu:8.1f} {alone:20.1f}  {result}")


if __name__ == "__main__":
    main()
