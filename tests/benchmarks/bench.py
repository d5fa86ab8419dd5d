"""Benchmark gradstep against the floor app, on demand (not in CI, not a timed test).

    .venv/bin/python tests/benchmarks/bench.py [--rounds N] [--ssh]

Both apps run in a real pseudo-terminal at 80x24, alternately, and every figure is the
median of several runs, reported for each app and as the gradstep / floor ratio next
to its budget, so that noise on a shared machine cancels out. Start-up, the noisiest
figure, gets four starts of each app a round, and its CPU time is printed beside it.
Bytes per step are also measured over the whole course (every lesson, 30 steps each)
as a mean and a maximum; with --ssh, on the wire to a private sshd on loopback, with and
without ssh -C (compression).
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from classroom import Relay, loopback_sshd
from gradstep.core.courses import course
from gradstep.core.lesson_files import load_lesson_file
from gradstep.core.saving import save
from gradstep.core.session import Session
from gradstep.tui.files.private import private_folder
from terminal_session import PtySession, TopRow
from unasked import LESSONS

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
GRADSTEP = [str(BIN / "gradstep"), "--lesson-file", str(LESSONS["alpha"])]  # alpha, its questions left out
FLOOR = [sys.executable, str(HERE / "floor_app.py")]
BASE_ENV = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "TERM": "xterm-256color"}
KEY_REPEAT = 1 / 30  # a held-down key repeats about 30 times a second
NEXT_ARTICLE = ("freeze-weight", "several-outputs", "weight-matrix")  # lessons 8-10, measured each on its own


def p90(values: list[float]) -> float:
    return sorted(values)[int(0.9 * (len(values) - 1))]


def start(argv: list[str], env: dict[str, str]) -> tuple[PtySession, float]:
    """An app on a pty, and its time to a settled first screen."""
    session = PtySession(argv, env)
    _, last = session.read_until_quiet(quiet=0.5)
    return session, last - session.started


def startups(apps: list[list[str]], env: dict[str, str], rounds: int) -> list[dict[str, float]]:
    """Each app's median wall and CPU time to a settled first screen, over alternating starts.

    Start-up varies by a third from one start to the next on a shared machine, so it gets
    more starts than the other figures; CPU time, the cost to a shared server, varies less.
    """
    walls, cpus = [[] for _ in apps], [[] for _ in apps]
    for round_ in range(rounds):
        for index in range(len(apps)) if round_ % 2 == 0 else reversed(range(len(apps))):
            session, wall = start(apps[index], env)
            walls[index].append(wall)
            cpus[index].append(session.cpu_seconds())
            session.close()
    return [{"startup": statistics.median(wall), "startup_cpu": statistics.median(cpu)}
            for wall, cpu in zip(walls, cpus)]


def steps(session: PtySession, count: int) -> tuple[list[int], list[float]]:
    """Bytes written and key-to-frame time (to the frame's last byte) for `count` steps."""
    sizes, delays = [], []
    for _ in range(count):
        sent = session.send(b" ")
        data, last = session.read_until_quiet(quiet=0.12)
        sizes.append(len(data))
        delays.append(last - sent)
    return sizes, delays


def held_space(session: PtySession) -> tuple[int, float]:
    """Bytes for one second of held-down space, and how long the screen kept changing after."""
    begin = time.perf_counter()
    written = 0
    while time.perf_counter() - begin < 1.0:
        session.send(b" ")
        data, _ = session.read_until_quiet(quiet=KEY_REPEAT, timeout=KEY_REPEAT, first=KEY_REPEAT)
        written += len(data)
    released = time.perf_counter()
    data, last = session.read_until_quiet(quiet=0.3, first=0.3)
    return written + len(data), max(0.0, last - released) if data else 0.0


def course_bytes(start, steps: int = 30) -> list[int]:
    """Bytes each step writes, over every lesson of the course.

    `start(lesson)` gives a started session and a function returning the bytes it has
    received so far (from the pty, or on the wire).
    """
    sizes = []
    for lesson in course():
        session, received = start(lesson.name)
        session.read_until_quiet(quiet=0.5)
        for _ in range(steps):
            before = received()
            session.send(b" ")
            session.read_until_quiet(quiet=0.15)
            sizes.append(received() - before)
        session.close()
    return sizes


def local_course(env: dict[str, str]) -> list[int]:
    def start(lesson: str):
        session = PtySession(GRADSTEP[:1] + ["--lesson-file", str(LESSONS[lesson])], env)
        return session, lambda: session.total
    return course_bytes(start)


def ssh_course(env: dict[str, str], ssh, compress: bool) -> list[int]:
    def start(lesson: str):
        relay = Relay(ssh.port)
        remote = ["env", *(f"{name}={value}" for name, value in env.items()), GRADSTEP[0], "--lesson-file",
                  str(LESSONS[lesson])]
        session = PtySession(ssh.command(*remote, port=relay.port, compress=compress), BASE_ENV)
        session.read_until_quiet(quiet=1.0)  # the login, before the lesson's own first screen
        return session, lambda: relay.to_client
    return course_bytes(start)


def course_row(name: str, sizes: list[int]) -> None:
    print(f"{name:<34}{statistics.mean(sizes):>10.0f}{max(sizes):>10d}")


def burst(argv: list[str], env: dict[str, str], presses: int, shows) -> tuple[float, float]:
    """`presses` spaces sent at once: seconds until `shows(bytes read)` says the screen shows
    the last step, and CPU seconds."""
    session = PtySession(argv, env)
    shows(session.read_until_quiet(quiet=0.5)[0])  # the first screen: what the step's changes are written over
    cpu = session.cpu_seconds()
    sent = session.send(b" " * presses)
    seen = None
    while seen is None:
        chunk, last = session.read_until_quiet(quiet=0.05, timeout=0.05, first=10.0)
        if not chunk:
            break
        seen = last if shows(chunk) else None
    cpu = session.cpu_seconds() - cpu
    session.close()
    return (seen - sent if seen else float("inf")), cpu


def in_the_bytes(text: bytes):
    """Whether `text` has been written, read as bytes: the floor writes whole lines."""
    read = b""

    def shows(chunk: bytes) -> bool:
        nonlocal read
        read = read[-200:] + chunk
        return text in read
    return shows


def on_the_top_row(text: str):
    """Whether the top row shows `text`, read as drawn: gradstep sends only the cells that
    change, so its "300 steps taken" comes as the new digits, beside words already there."""
    row = TopRow()
    return lambda chunk: text in row.feed(chunk)


def bursts(rounds: int, env: dict[str, str]) -> dict[int, tuple[tuple[float, float], tuple[float, float]]]:
    """Median (seconds, CPU) of gradstep's and the floor's bursts of 300 and 2,000 presses, alternating."""
    found = {}
    for presses in (300, 2000):
        ours, floor = [], []
        for round_ in range(rounds):
            for index in (0, 1) if round_ % 2 == 0 else (1, 0):
                if index == 0:
                    ours.append(burst(GRADSTEP, env, presses, on_the_top_row(f"{presses} steps taken")))
                else:
                    floor.append(burst(FLOOR, env, presses, in_the_bytes(f"step {presses}".encode())))
        found[presses] = tuple(tuple(statistics.median(run[i] for run in runs) for i in (0, 1))
                               for runs in (ours, floor))
    return found


def saved_session(folder: Path, iterations: int) -> dict[str, str]:
    """An XDG_STATE_HOME holding the alpha lesson saved at `iterations`, for --resume."""
    session = Session.begin(load_lesson_file(LESSONS["alpha"]))
    session = Session(session.lesson, session.history.jump(iterations))
    save(session, private_folder(folder / "gradstep") / "session.json")
    return {"XDG_STATE_HOME": str(folder)}


def measure_app(argv, env) -> dict[str, float]:
    session, startup = start(argv, env)
    sizes, delays = steps(session, 12 + 20)
    burst, settle = held_space(session)
    memory = session.status("VmHWM")
    session.close()
    return {"startup": startup, "memory": memory, "bytes": statistics.median(sizes[:12]),
            "delay_median": statistics.median(delays[12:]), "delay_p90": p90(delays[12:]),
            "burst": burst, "settle": settle}


def measure_after(argv, env) -> dict[str, float]:
    """As measure_app, after a resume: the key-to-frame p90 of 20 steps after the same 12
    first ones, left out as they are there (they counted here, and put a resumed run at
    1.4x its fresh figure, the floor's at 1.2x its own, for the first frames of each panel)."""
    session, _ = start(argv, env)
    _, delays = steps(session, 12 + 20)
    resident = session.status("VmRSS")
    session.close()
    return {"delay_p90": p90(delays[12:]), "resident": resident}


def headless(rounds: int) -> tuple[float, float]:
    def timed(argv):
        began = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - began

    run, numpy = [], []
    for _ in range(rounds):
        run.append(timed([str(BIN / "gradstep"), "run", "--lesson", "alpha"]))
        numpy.append(timed([sys.executable, "-c", "import numpy"]))
    return statistics.median(run), statistics.median(numpy)


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def alternately(ours: tuple[list[str], dict], floor: tuple[list[str], dict], rounds: int):
    """measure_app's medians for gradstep and the floor (argv, env each), alternating which goes first."""
    results = ([], [])
    for round_ in range(rounds):
        for index in (0, 1) if round_ % 2 == 0 else (1, 0):
            argv, env = (ours, floor)[index]
            results[index].append(measure_app(argv, env))
    return median_of(results[0]), median_of(results[1])


def report(ours: dict[str, float], floor: dict[str, float], bytes_ratio: float | None = 0.75,
           bytes_limit: float | None = None) -> None:
    """The rows every setting gets: start-up, memory, bytes and time a step, held-down space.

    Bytes per step are held to a ratio of the floor's, or to a number of bytes.
    """
    row("startup to settled screen (ms)", ours["startup"], floor["startup"], 1.2, "", 1000)
    if "startup_cpu" in ours:
        row("  ... CPU time to it (ms)", ours["startup_cpu"], floor["startup_cpu"], None, "", 1000)
    row("peak memory (MB)", ours["memory"], floor["memory"], 1.2, "", 1 / 1024)
    row("bytes per step", ours["bytes"], floor["bytes"], bytes_ratio, "")
    if bytes_limit is not None:
        print(f"{'  ... budget <= ' + format(bytes_limit, '.0f') + ' bytes':<34}{ours['bytes']:>10.0f}"
              f"{'':>28}{'ok' if ours['bytes'] <= bytes_limit else 'OVER'}")
    row("key to frame, median (ms)", ours["delay_median"], floor["delay_median"], None, "", 1000)
    row("key to frame, p90 (ms)", ours["delay_p90"], floor["delay_p90"], 1.5, "", 1000)
    frames_cap = 1 / KEY_REPEAT
    print(f"{'held space 1 s (bytes)':<34}{ours['burst']:>10.0f}{floor['burst']:>10.0f}"
          f"{ours['burst'] / floor['burst']:>8.2f}x  budget <= {frames_cap:.0f} frames x {ours['bytes']:.0f} B = "
          f"{frames_cap * ours['bytes']:.0f}: {'ok' if ours['burst'] <= frames_cap * ours['bytes'] else 'OVER'}")
    print(f"{'screen still changing after release':<34}{ours['settle'] * 1000:>10.0f}{floor['settle'] * 1000:>10.0f}"
          f"   ms     budget <= 200: {'ok' if ours['settle'] <= 0.2 else 'OVER'}")


def row(name, ours, floor, budget, unit, scale=1.0):
    ratio = ours / floor if floor else float("inf")
    verdict = "ok" if budget is None or ratio <= budget else "OVER"
    budget_text = "" if budget is None else f"<= {budget:g}x"
    print(f"{name:<34}{ours * scale:>10.1f}{floor * scale:>10.1f}{ratio:>8.2f}x  {budget_text:<9}{verdict} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="alternating runs of each app (default 5)")
    parser.add_argument("--ssh", action="store_true", help="also bytes per step on the wire over ssh and ssh -C")
    options = parser.parse_args()
    rounds = options.rounds
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        env = {**BASE_ENV, "HOME": str(folder), "XDG_STATE_HOME": str(folder / "fresh")}
        ours, floor = alternately((GRADSTEP, env), (FLOOR, env), rounds)
        ours_start, floor_start = startups([GRADSTEP, FLOOR], env, 4 * rounds)
        ours.update(ours_start)
        floor.update(floor_start)
        # A p90 of 20 keys from one start swung from 0.8x to 2.6x its fresh figure between
        # runs on a quiet machine: the median of `rounds` starts, as the fresh figure is.
        resume = [str(BIN / "gradstep"), "--resume"]
        ten_k_env = {**env, **saved_session(folder / "ten-k", 10_000)}
        ours_10k = median_of([measure_after(resume, ten_k_env) for _ in range(rounds)])
        floor_10k = median_of([measure_after(FLOOR + ["--start", "10000"], env) for _ in range(rounds)])
        # Growth from the steps alone: against a resumed session of 20 steps, which imports
        # what resuming imports (a fresh start leaves the save's and the log's code unread).
        hundred_k_env = {**env, **saved_session(folder / "hundred-k", 100_000)}
        twenty_env = {**env, **saved_session(folder / "twenty", 20)}
        growth = measure_after(resume, hundred_k_env)["resident"] - measure_after(resume, twenty_env)["resident"]
        # The floor has no --low-bandwidth: it is measured as it is. For 16 colours, both are.
        xterm = {**env, "TERM": "xterm"}
        variant_rounds = max(2, rounds // 2)
        variants = {
            "--low-bandwidth (floor: as it is)": (
                alternately((GRADSTEP + ["--low-bandwidth"], env), (FLOOR, env), variant_rounds),
                {"bytes_ratio": None, "bytes_limit": 2500}),
            "16 colours (both TERM=xterm)": (
                alternately((GRADSTEP, xterm), (FLOOR, xterm), variant_rounds), {}),
        }
        for name in NEXT_ARTICLE:  # the matrix lessons draw more per step: held to alpha's budgets
            lesson = [str(BIN / "gradstep"), "--lesson-file", str(LESSONS[name])]
            variants[f"lesson {name} (floor: as it is)"] = (
                alternately((lesson, env), (FLOOR, env), variant_rounds), {})
        run_time, numpy_time = headless(max(5, rounds))
        pressed = bursts(max(3, rounds // 2), env)
        courses = {"in a pty (what the app writes)": local_course(env)}
        if options.ssh:
            with tempfile.TemporaryDirectory() as keys, loopback_sshd(Path(keys)) as ssh:
                courses["on the wire, ssh"] = ssh_course(env, ssh, compress=False)
                courses["on the wire, ssh -C"] = ssh_course(env, ssh, compress=True)

    print(f"gradstep benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()} ({platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}), 80x24, "
          f"TERM=xterm-256color, medians of {rounds} alternating runs ({4 * rounds} for start-up)")
    print(f"{'figure':<34}{'gradstep':>10}{'floor':>10}{'ratio':>9}  {'budget':<9}")
    report(ours, floor)
    row("key to frame p90 after 10,000 (ms)", ours_10k["delay_p90"], floor_10k["delay_p90"], 1.5, "", 1000)
    row("  ... gradstep vs its own fresh p90", ours_10k["delay_p90"], ours["delay_p90"], 1.1, "", 1000)
    row("headless alpha run vs import numpy", run_time, numpy_time, 1.5, "(ms)", 1000)
    print(f"{'memory growth over 100,000 steps':<34}{growth / 1024:>10.1f} MB   budget <= 10 MB: "
          f"{'ok' if growth <= 10 * 1024 else 'OVER'}")
    for presses, ((ours_s, ours_cpu), (floor_s, floor_cpu)) in pressed.items():
        row(f"{presses:,} presses at once: shown (ms)", ours_s, floor_s, 1.5, "", 1000)
        row("  ... CPU time for them (ms)", ours_cpu, floor_cpu, 1.25, "", 1000)
    for name, ((ours_variant, floor_variant), budgets) in variants.items():
        print(f"\n{name}, medians of {variant_rounds} alternating runs")
        report(ours_variant, floor_variant, **budgets)
    print(f"\nbytes per step over the course ({len(course())} lessons x 30 steps){'mean':>6}{'max':>10}")
    for name, sizes in courses.items():
        course_row(name, sizes)
    if options.ssh:
        plain, compressed = (statistics.mean(courses[f"on the wire, ssh{c}"]) for c in ("", " -C"))
        print(f"{'ssh -C shrinks a step':<34}{plain / compressed:>9.1f}x")


if __name__ == "__main__":
    main()
