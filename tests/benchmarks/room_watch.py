"""The teacher's desk under a full lab: `gradstep class DIR --watch` while N students step.

    .venv/bin/python tests/benchmarks/room_watch.py [--students 300] [--every 0.5] [--seconds 60]

A writer process plays N students (default 300), each replacing its progress file
(`core.progress`, written to a temporary name and renamed over the old one, as a
session does) every 0.5 s, spread evenly over each half second: 600 files a second.
The watcher is the installed `gradstep class DIR --watch` in a real 80x24 pseudo-terminal.

Reported, beside the budgets: the watcher's CPU (the whole process, from /proc, after a
10 s warm-up) as a share of one core, and a step's time to the teacher's screen, p50 /
p90 / max: from the moment a student's file is replaced to the first byte of output
that shows its new iteration. The rows on screen are the first ones by account, so the
students measured are those ten; every student's file is written the same way.
"""

import argparse
import os
import platform
import re
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from terminal_session import PtySession

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
WARM_UP = 10.0  # seconds before CPU is counted: start-up and the first full read are not the steady state
PROBES = 10  # the students whose rows are on screen (the first by account), each step of theirs timed
TOKEN = re.compile(rb"\b([1-9]\d{6})\b")  # a probe's iteration: (probe + 1) * 1,000,000 + its step
CPU_BUDGET = 0.10  # of one core
P90_BUDGET = 1.5  # seconds


def writer(folder: Path, students: int, every: float, seconds: float) -> None:
    """The class: student k writes at k/N of each period; a probe's writes are told on stdout
    as 'iteration monotonic-time' so the watcher's side can time them."""
    from gradstep.core.progress import progress_record, write_progress

    names = [f"s{number:03d}" for number in range(students)]
    start = time.monotonic() + 0.5
    step = 0
    while time.monotonic() < start + seconds:
        for number, name in enumerate(names):
            due = start + step * every + number * every / students
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            iteration = (number + 1) * 1_000_000 + step if number < PROBES else step
            now = time.time()
            record = progress_record(account=name, session="", lesson="alpha", lessons_opened=["alpha"],
                                     iteration=iteration, error=0.5 / (step + 1), predictions_right=step // 3,
                                     predictions=step // 2, questions_right=0, questions_asked=0, answers=[],
                                     last_key=now, diverged=False, ended=False, updated=now)
            temporary = folder / f".{name}.tmp"
            temporary.write_text(write_progress(record), encoding="utf-8")
            os.replace(temporary, folder / f"{name}.progress.json")
            if number < PROBES:
                print(iteration, time.monotonic(), flush=True)
        step += 1


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] if values else float("nan")


def measure(students: int, every: float, seconds: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        writes: dict[int, float] = {}
        writing = subprocess.Popen([sys.executable, __file__, "--writer", folder, "--students", str(students),
                                    "--every", str(every), "--seconds", str(seconds)],
                                   stdout=subprocess.PIPE, text=True)

        def note_writes() -> None:
            for line in writing.stdout:
                iteration, when = line.split()
                writes[int(iteration)] = float(when)

        threading.Thread(target=note_writes, daemon=True).start()
        environment = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "TERM": "xterm-256color"}
        watcher = PtySession([str(BIN / "gradstep"), "class", folder, "--watch"], environment)
        shown: dict[int, float] = {}
        began = time.monotonic()
        counted_from = cpu_at_start = None
        while writing.poll() is None:
            if counted_from is None and time.monotonic() - began > WARM_UP:
                counted_from, cpu_at_start = time.monotonic(), cpu_seconds(watcher.pid)
            if not select.select([watcher.fd], [], [], 0.05)[0]:
                continue
            chunk = os.read(watcher.fd, 65536)
            now = time.monotonic()
            for token in TOKEN.findall(chunk):
                shown.setdefault(int(token), now)
        cpu = (cpu_seconds(watcher.pid) - cpu_at_start) / (time.monotonic() - counted_from)
        watcher.send(b"q")
        time.sleep(1)
    latencies = step_to_screen(writes, shown, since=began + WARM_UP)
    return {"cpu": cpu, "p50": percentile(latencies, 0.5), "p90": percentile(latencies, 0.9),
            "max": max(latencies, default=float("nan")), "timed": len(latencies), "written": len(writes)}


def step_to_screen(writes: dict[int, float], shown: dict[int, float], since: float) -> list[float]:
    """For each probe's step written after `since`, the time until its row showed it or a
    later step (a step overtaken between two looks reached the screen with the next one)."""
    latencies = []
    for token, written in writes.items():
        if written < since:
            continue
        later = [when for other, when in shown.items() if other // 1_000_000 == token // 1_000_000 and other >= token]
        if later:
            latencies.append(min(later) - written)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--every", type=float, default=0.5, help="seconds between a student's steps")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the class steps")
    parser.add_argument("--writer", metavar="DIR", help=argparse.SUPPRESS)  # the class's side, in its own process
    options = parser.parse_args()
    if options.writer:
        return writer(Path(options.writer), options.students, options.every, options.seconds)
    figures = measure(options.students, options.every, options.seconds)
    print(f"room watch benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()} ({platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}): {options.students} students, a step "
          f"each every {options.every:g} s for {options.seconds:g} s, the watcher at 80x24 in a pty")
    print(f"  watcher CPU, whole process:     {figures['cpu']:6.1%} of a core   (budget <= {CPU_BUDGET:.0%})")
    print(f"  step to screen p50 / p90 / max: {figures['p50']:.2f} / {figures['p90']:.2f} / {figures['max']:.2f} s"
          f"   (budget p90 <= {P90_BUDGET:g} s)")
    planned = PROBES * options.seconds / options.every
    print(f"  probe steps timed: {figures['timed']}; written {figures['written']} of {planned:.0f} planned "
          f"(fewer: the writer fell behind on a busy machine, and the watcher had less to read)")


if __name__ == "__main__":
    main()
