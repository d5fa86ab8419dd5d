"""A classroom on one machine: N students log in, step at their own pace, hold space, and quit.

    .venv/bin/python tests/benchmarks/classroom.py [--sessions N] [--steps S] [--rounds R] [--ssh]

Each student is a real pseudo-terminal at 80x24 with 256 colours (with --ssh, an ssh
client on loopback to a private sshd, through a relay that counts the bytes on the
wire). Logins are spread over 10 s; each student then presses space every 0.3-0.7 s
for S steps (default 200), holds it for 2 s (30 keys a second), waits for the screen
to catch up and presses q. The same classroom runs for gradstep (the alpha lesson) and
for the floor app, alternately, with the same random pace for both.

A key's time to frame runs from the key to the first output showing its step in the
status line. Reported for each app, with gradstep / floor ratios and the budgets:
first screen p50/p90, CPU per step, key to frame p50/p90/p99 and the share over
250 ms, seconds of stepping after the hold, summed PSS (all sessions alive, mid-run),
and that every gradstep session saved its exact final iteration.
"""

import argparse
import os
import platform
import random
import re
import select
import socket
import statistics
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from gradstep.core.saving import load
from terminal_session import PtySession, TopRow
from unasked import LESSONS

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
LOGINS_OVER = 10.0  # seconds over which the class logs in
GAPS = (0.3, 0.7)  # seconds between a student's presses
HOLD, KEY_REPEAT = 2.0, 1 / 30  # a held space: 2 s at 30 keys a second
QUIET = 0.5  # no output for this long after the first screen: it has settled
SLOW = 0.25  # a key slower than this to show is a visible lag
BASE_ENV = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "TERM": "xterm-256color"}


@dataclass
class App:
    """How to start one student's copy of an app, and how its status line shows the steps."""

    name: str
    argv: list[str]
    steps_shown: re.Pattern  # group 1: the steps taken, as the status line says it
    saves: bool  # gradstep saves each session as --session NAME
    sends_changes: bool  # writes only the cells that change: its status line is read as drawn (TopRow)


GRADSTEP = App("gradstep", [str(BIN / "gradstep"), "--lesson-file", str(LESSONS["alpha"])],  # no questions
               re.compile(rb"(\d+) steps? taken"), True, True)
FLOOR = App("floor", [sys.executable, str(HERE / "floor_app.py")], re.compile(rb"step (\d+)"), False, False)


class Relay:
    """A TCP relay on 127.0.0.1 in front of the sshd, counting the bytes sent to the client."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.to_client = 0  # bytes from the server to the student, as on the wire
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        client, _ = self.listener.accept()
        server = socket.create_connection(("127.0.0.1", self.target))
        threading.Thread(target=self._pipe, args=(client, server, False), daemon=True).start()
        self._pipe(server, client, True)

    def _pipe(self, source: socket.socket, sink: socket.socket, counted: bool) -> None:
        try:
            while data := source.recv(65536):
                if counted:
                    self.to_client += len(data)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@dataclass
class Student:
    """One student's session and what was measured of it."""

    index: int
    login_at: float  # seconds after the class starts
    gaps: list[float]  # seconds before each paced press
    steps: int
    session: PtySession | None = None
    pid: int = 0  # the app's own process (with --ssh, the remote one)
    relay: Relay | None = None
    phase: str = "waiting"
    started: float = 0.0
    last_byte: float = 0.0
    first_screen: float | None = None
    next_key: float = 0.0
    sent: list[float] = field(default_factory=list)
    shown: int = -1  # the most steps its screen has shown
    tail: bytes = b""  # the end of the last read, in case a count is split between reads
    top_row: TopRow = field(default_factory=TopRow)  # its status line as drawn, for an app that sends changes
    delays: list[float] = field(default_factory=list)  # paced keys: key to frame showing its step
    last_key: float = 0.0
    after_hold: float | None = None
    cpu: list[float] = field(default_factory=list)  # CPU seconds at the first screen and at the end
    wire: list[int] = field(default_factory=list)  # bytes on the wire at the first screen and at the end
    pss: int = 0
    quit_at: float = 0.0
    final: int | None = None  # the iteration its save holds (gradstep), or its screen showed last (floor)

    @property
    def total(self) -> int:
        return self.steps + round(HOLD / KEY_REPEAT)


def loopback_sshd(folder: Path):
    """A private sshd on 127.0.0.1, as the ssh tests start theirs (keys and config in `folder`)."""
    sys.path.insert(0, str(HERE.parent.parent))
    from tests.terminal.sshd import private_sshd

    return private_sshd(folder)


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise KeyError("Pss")


def process_with(setting: bytes) -> int | None:
    """The process whose environment holds `setting` (the remote app, found by its marker)."""
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and setting in (proc / "environ").read_bytes().split(b"\0"):
                return int(proc.name)
        except OSError:
            continue
    return None


class Classroom:
    """N students of one app, driven from one loop of select() over their terminals."""

    def __init__(self, app: App, students: list[Student], folder: Path, ssh=None, compress=False) -> None:
        self.app, self.students, self.folder, self.ssh, self.compress = app, students, folder, ssh, compress
        self.began = 0.0

    def argv(self, student: Student) -> tuple[list[str], dict[str, str]]:
        env = {**BASE_ENV, "HOME": str(self.folder), "XDG_STATE_HOME": str(self.folder / "state"),
               "CLASSROOM_STUDENT": f"{self.app.name}-{student.index}-{id(self)}"}
        argv = self.app.argv + (["--session", f"s{student.index}"] if self.app.saves else [])
        if self.ssh is None:
            return argv, env
        student.relay = Relay(self.ssh.port)
        remote = ["env", *(f"{name}={value}" for name, value in env.items()), *argv]
        return self.ssh.command(*remote, port=student.relay.port, compress=self.compress), BASE_ENV

    def run(self) -> None:
        self.began = time.perf_counter()
        while any(student.phase != "done" for student in self.students):
            now = time.perf_counter()
            for student in self.students:
                self.act(student, now)
            if not any(s.pss for s in self.students):
                self.sample_memory(now)
            live = {s.session.fd: s for s in self.students if s.session is not None and s.phase != "done"}
            due = [s.next_key for s in self.students if s.phase in ("stepping", "holding")]
            due += [self.began + s.login_at for s in self.students if s.phase == "waiting"]
            wait = max(0.0, min([now + 0.02, *due]) - now)  # the next key or login; else look again in 20 ms
            if not live:
                time.sleep(wait)
                continue
            ready, _, _ = select.select(list(live), [], [], wait)
            for fd in ready:
                self.receive(live[fd], time.perf_counter())

    def sample_memory(self, now: float) -> None:
        """Everyone's PSS at once, once the last student has settled and none has left."""
        if all(s.phase in ("stepping", "holding") and s.first_screen is not None for s in self.students):
            if now - max(s.started + s.first_screen for s in self.students) > 2.0:
                for student in self.students:
                    student.pss = pss_kb(student.pid)

    def act(self, student: Student, now: float) -> None:
        if student.phase == "waiting" and now - self.began >= student.login_at:
            student.session = PtySession(*self.argv(student))
            student.started = student.last_byte = now
            student.phase = "first screen"
        elif student.phase == "first screen" and student.shown == 0 and now - student.last_byte > QUIET:
            student.first_screen = student.last_byte - student.started
            student.pid = student.session.pid if self.ssh is None else process_with(
                f"CLASSROOM_STUDENT={self.app.name}-{student.index}-{id(self)}".encode())
            student.cpu.append(cpu_seconds(student.pid))
            student.wire.append(student.relay.to_client if student.relay else 0)
            student.next_key = now + student.gaps[0]
            student.phase = "stepping"
        elif student.phase in ("stepping", "holding") and now >= student.next_key:
            student.session.send(b" ")
            student.sent.append(now)
            if len(student.sent) < student.steps:
                student.next_key = now + student.gaps[len(student.sent)]
            elif len(student.sent) == student.steps:
                student.next_key, student.phase = now + student.gaps[0], "holding"
            elif len(student.sent) < student.total:
                student.next_key += KEY_REPEAT
            else:
                student.last_key, student.phase = now, "catching up"
        elif student.phase == "catching up" and (student.after_hold is not None or now - student.last_key > 60):
            if now - student.last_byte > QUIET or now - student.last_key > 60:
                student.cpu.append(cpu_seconds(student.pid))
                student.wire.append(student.relay.to_client if student.relay else 0)
                student.session.send(b"q")
                student.quit_at, student.phase = now, "quitting"
        elif student.phase == "quitting":
            done, _ = os.waitpid(student.session.pid, os.WNOHANG)
            if done:
                self.finish(student)
            elif now - student.quit_at > 10:
                os.kill(student.session.pid, 9)

    def receive(self, student: Student, now: float) -> None:
        try:
            chunk = os.read(student.session.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:  # the terminal is closed: the app has left, or is leaving
            return
        student.last_byte = now
        if self.app.sends_changes:
            text = student.top_row.feed(chunk).encode()
        else:
            text, student.tail = student.tail + chunk, chunk[-32:]
        counts = [int(found) for found in self.app.steps_shown.findall(text)]
        if counts and max(counts) > student.shown:
            newest = max(counts)
            for step in range(max(student.shown, 0) + 1, min(newest, student.steps) + 1):
                student.delays.append(now - student.sent[step - 1])
            student.shown = newest
            if newest == student.total and student.phase == "catching up":
                student.after_hold = now - student.last_key

    def finish(self, student: Student) -> None:
        """The app has exited: what its save says (gradstep), or what its screen said last (the floor)."""
        os.close(student.session.fd)
        student.final = student.shown
        if self.app.saves:
            try:
                session, _ = load(self.folder / "state" / "gradstep" / f"session-s{student.index}.json")
                student.final = session.history.iteration
            except (OSError, ValueError):
                student.final = None
        student.phase = "done"


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] if values else float("nan")


def summary(students: list[Student]) -> dict[str, float]:
    delays = [d for s in students for d in s.delays]
    steps = sum(s.total for s in students)
    holds = [s.after_hold if s.after_hold is not None else float("inf") for s in students]
    return {
        "first_p50": percentile([s.first_screen for s in students], 0.5),
        "first_p90": percentile([s.first_screen for s in students], 0.9),
        "cpu_per_step": sum(s.cpu[1] - s.cpu[0] for s in students) / steps,
        "delay_p50": percentile(delays, 0.5), "delay_p90": percentile(delays, 0.9),
        "delay_p99": percentile(delays, 0.99), "slow_share": sum(d > SLOW for d in delays) / len(delays),
        "after_hold_p50": percentile(holds, 0.5), "after_hold_max": max(holds),
        "pss": sum(s.pss for s in students),
        "wire_per_step": sum(s.wire[1] - s.wire[0] for s in students) / steps,
        "exact": sum(s.final == s.total for s in students), "sessions": len(students),
    }


def class_of(count: int, steps: int, seed: int) -> list[Student]:
    """The same students (login times, pace) for every app: one seed, one class."""
    rng = random.Random(seed)
    return [Student(i, rng.uniform(0, LOGINS_OVER), [rng.uniform(*GAPS) for _ in range(steps)], steps)
            for i in range(count)]


def run_classroom(app: App, count: int, steps: int, seed: int, ssh=None, compress=False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as temporary:
        classroom = Classroom(app, class_of(count, steps, seed), Path(temporary), ssh, compress)
        classroom.run()
        return summary(classroom.students)


def report(ours: dict[str, float], floor: dict[str, float], wire: bool) -> None:
    def row(name, key, scale=1.0, unit="", budget=None):
        ratio = ours[key] / floor[key] if floor[key] else float("inf")
        verdict = "" if budget is None else f"<= {budget:g}x {'ok' if ratio <= budget else 'OVER'}"
        print(f"{name:<36}{ours[key] * scale:>10.1f}{floor[key] * scale:>10.1f}{ratio:>8.2f}x  {verdict} {unit}")

    print(f"{'figure':<36}{'gradstep':>10}{'floor':>10}{'ratio':>9}  budget")
    row("first screen, p50 (ms)", "first_p50", 1000)
    row("first screen, p90 (ms)", "first_p90", 1000)
    row("CPU per step (ms)", "cpu_per_step", 1000, budget=1.0)
    row("key to frame, p50 (ms)", "delay_p50", 1000)
    row("key to frame, p90 (ms)", "delay_p90", 1000, budget=1.0)
    row("key to frame, p99 (ms)", "delay_p99", 1000)
    row("keys over 250 ms (%)", "slow_share", 100)
    print(f"{'stepping after the hold, p50/max (s)':<36}{ours['after_hold_p50']:>5.2f}/{ours['after_hold_max']:<4.2f}"
          f"{floor['after_hold_p50']:>5.2f}/{floor['after_hold_max']:<4.2f}"
          f"{'':>10}p50 <= 1.0 s {'ok' if ours['after_hold_p50'] <= 1.0 else 'OVER'}")
    row("summed PSS (MB)", "pss", 1 / 1024, budget=1.10)
    if wire:
        row("bytes on the wire per step", "wire_per_step")
    print(f"{'sessions saved at their final step':<36}{ours['exact']:>7}/{ours['sessions']:<2}"
          f"{floor['exact']:>7}/{floor['sessions']:<2} (on screen){'':>2}"
          f"{'ok' if ours['exact'] == ours['sessions'] else 'LOST'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30, help="students (default 30)")
    parser.add_argument("--steps", type=int, default=200, help="paced steps before the hold (default 200)")
    parser.add_argument("--rounds", type=int, default=1, help="classrooms of each app, alternating (default 1)")
    parser.add_argument("--ssh", action="store_true", help="over ssh on loopback, to a private sshd")
    parser.add_argument("--compress", action="store_true", help="with --ssh: ssh -C")
    parser.add_argument("--optimize", action="store_true",
                        help="both apps under PYTHONOPTIMIZE=2, as a lab may set it (no docstrings)")
    options = parser.parse_args()
    if options.optimize:
        BASE_ENV["PYTHONOPTIMIZE"] = "2"  # every student's login, the floor's as gradstep's
    results = {GRADSTEP.name: [], FLOOR.name: []}
    with tempfile.TemporaryDirectory() as keys, loopback_sshd(Path(keys)) if options.ssh else nullcontext() as ssh:
        for round_ in range(options.rounds):
            for app in (GRADSTEP, FLOOR) if round_ % 2 == 0 else (FLOOR, GRADSTEP):
                results[app.name].append(run_classroom(app, options.sessions, options.steps, seed=round_,
                                                       ssh=ssh, compress=options.compress))
    ours, floor = ({key: statistics.median(r[key] for r in results[name]) for key in results[name][0]}
                   for name in (GRADSTEP.name, FLOOR.name))
    link = f"over ssh{' -C' if options.compress else ''} on loopback" if options.ssh else "in local ptys"
    print(f"classroom benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()} ({platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}): {options.sessions} sessions {link}, "
          f"80x24, 256 colours, logins over {LOGINS_OVER:g} s, {options.steps} steps at "
          f"{GAPS[0]}-{GAPS[1]} s, a {HOLD:g} s hold at {1 / KEY_REPEAT:g} keys/s; medians of {options.rounds} round(s)"
          f"{', PYTHONOPTIMIZE=2' if options.optimize else ''}")
    report(ours, floor, wire=options.ssh)


if __name__ == "__main__":
    main()
