"""Benchmark resuming the largest session a save may hold, beside a fresh start of its lesson.

    .venv/bin/python tests/benchmarks/resume.py [--rounds N]

The largest session is a run at MAX_ITERATIONS with MAX_WEIGHTS weights, the slowest to
replay (a save holds no more iterations in all, undo chain included). Both starts run in a
real pseudo-terminal at 80x24, alternately, timed to a settled first screen, medians of N
rounds; the budget is that resuming costs under a second more than starting afresh. The
replay itself, in this process, and the size of the save are printed below them.
"""

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from bench import BASE_ENV, BIN, start
from gradstep.core.lesson_files import load_lesson_file
from gradstep.core.limits import MAX_ITERATIONS, MAX_WEIGHTS
from gradstep.core.saving import load, session_data
from gradstep.core.session import Session
from gradstep.tui.files.private import private_folder

LESSONS = {  # name: a lesson file; each runs MAX_ITERATIONS steps without diverging
    f"{MAX_WEIGHTS} weights": (f"weights = {[0.1] * MAX_WEIGHTS}\ninputs = {[0.1] * MAX_WEIGHTS}\n"
                               "goal = 1.0\nalpha = 0.01\n"),
    "1 weight (alpha)": "weights = 0.5\ninputs = 2.0\ngoal = 0.8\nalpha = 0.1\n",
}


def largest_save(lesson_file: Path, state: Path) -> Path:
    """A save of `lesson_file`'s lesson at MAX_ITERATIONS, as gradstep writes it."""
    data = session_data(Session.begin(load_lesson_file(lesson_file)))
    data["iteration"] = MAX_ITERATIONS
    path = private_folder(state / "gradstep") / "session.json"
    path.write_text(json.dumps(data))
    return path


def measure(lesson_file: Path, folder: Path, rounds: int) -> dict[str, float]:
    fresh_env = {**BASE_ENV, "HOME": str(folder), "XDG_STATE_HOME": str(folder / "fresh")}
    resume_env = {**BASE_ENV, "HOME": str(folder), "XDG_STATE_HOME": str(folder / "resumed")}
    save = largest_save(lesson_file, folder / "resumed")
    fresh_argv = [str(BIN / "gradstep"), "--lesson-file", str(lesson_file)]
    resume_argv = [str(BIN / "gradstep"), "--resume"]
    times = {"fresh": [], "resumed": []}
    for round_ in range(rounds):
        order = (("fresh", fresh_argv, fresh_env), ("resumed", resume_argv, resume_env))
        for name, argv, env in order if round_ % 2 == 0 else reversed(order):
            session, settled = start(argv, env)
            session.close()  # q: saves, so the next resume reads what this one wrote
            times[name].append(settled)
            largest_save(lesson_file, folder / "resumed")  # and the fresh start kept the last one aside
    began = time.perf_counter()
    session, _ = load(save)
    replay = time.perf_counter() - began
    assert session.history.iteration == MAX_ITERATIONS
    return {"fresh": statistics.median(times["fresh"]), "resumed": statistics.median(times["resumed"]),
            "replay": replay, "bytes": save.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="alternating starts of each (default 5)")
    rounds = parser.parse_args().rounds
    results = {}
    with tempfile.TemporaryDirectory() as temporary:
        for name, text in LESSONS.items():
            folder = Path(temporary) / name.split()[0]
            folder.mkdir()
            lesson_file = folder / "lesson.toml"
            lesson_file.write_text(text)
            results[name] = measure(lesson_file, folder, rounds)
    print(f"gradstep resume benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()} ({platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}), 80x24, medians of {rounds} alternating "
          f"starts; the largest session: {MAX_ITERATIONS:,} iterations")
    print(f"{'session':<20}{'resumed':>10}{'fresh':>10}{'more':>10}  {'budget':<12}{'replay':>10}{'save':>10}")
    for name, figures in results.items():
        more = figures["resumed"] - figures["fresh"]
        print(f"{name:<20}{figures['resumed'] * 1000:>8.0f}ms{figures['fresh'] * 1000:>8.0f}ms"
              f"{more * 1000:>8.0f}ms  < 1000 ms: {'ok' if more < 1.0 else 'OVER':<4}"
              f"{figures['replay'] * 1000:>8.0f}ms{figures['bytes'] / 1024:>8.1f}KB")


if __name__ == "__main__":
    main()
