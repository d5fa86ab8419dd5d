"""`gradstep --full-screen` under pipes, as `textual serve` runs it for a browser: it starts
the app (not line mode), answers keys, and saves (and hands in) when the browser goes."""

import json
import os
import subprocess
import threading
import time

import pyte
from gradstep.core.saving import load

from .tmux import GRADSTEP

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"  # what textual serve sets
GREETING = b"__GANGLION__\n"  # the web driver's first bytes, before its packets


def packet(kind: bytes, payload: bytes) -> bytes:
    """textual serve's framing of what it sends the app: a type, a length, the bytes."""
    return kind + len(payload).to_bytes(4, "big") + payload


class Served:
    """gradstep started as textual serve starts it: pipes, the web driver, a size."""

    def __init__(self, *argv: str, env: dict[str, str]) -> None:
        environment = {**os.environ, **env, "TEXTUAL_DRIVER": WEB_DRIVER, "COLUMNS": "80", "ROWS": "24"}
        self.process = subprocess.Popen([GRADSTEP, *argv], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=environment)
        self.output = bytearray()
        self.shown = pyte.Screen(80, 24)  # what a browser's terminal shows of the output read so far
        self.shown_stream, self.read_up_to = pyte.ByteStream(self.shown), None  # None: the greeting not yet seen
        self.stalled = threading.Event()  # set: read no more, as a server that stopped reading
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while not self.stalled.is_set() and (chunk := self.process.stdout.read1(65536)):
            self.output += chunk

    def memory(self) -> int:
        """The process's resident memory, in bytes."""
        with open(f"/proc/{self.process.pid}/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))

    def screen(self) -> str:
        """What a browser's terminal shows: the data packets since the greeting, read by pyte.
        The app sends only the cells that change, so a row's words need not come in one piece."""
        data = bytes(self.output)
        if self.read_up_to is None:
            if GREETING not in data:
                return ""
            self.read_up_to = data.index(GREETING) + len(GREETING)
        while len(data) >= self.read_up_to + 5:
            start = self.read_up_to + 5
            end = start + int.from_bytes(data[self.read_up_to + 1:start], "big")
            if len(data) < end:
                break
            if data[self.read_up_to:self.read_up_to + 1] == b"D":
                self.shown_stream.feed(data[start:end])
            self.read_up_to = end
        return "\n".join(self.shown.display)

    def wait_for(self, text: bytes, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output and text.decode() not in self.screen():
            assert self.process.poll() is None, self.process.stderr.read().decode()
            assert time.monotonic() < deadline, f"{text!r} never came; the screen was:\n{self.screen()}"
            time.sleep(0.05)

    def wait_until_quiet(self, still: float = 0.5, timeout: float = 30.0) -> None:
        """Until the process has written nothing for `still` seconds: whatever a key drew is
        out, so nothing drawn late can meet a pipe the test closes next."""
        deadline = time.monotonic() + timeout
        written, since = self._written(), time.monotonic()
        while time.monotonic() - since < still:
            assert time.monotonic() < deadline, "the app never stopped writing"
            time.sleep(0.05)
            if (now := self._written()) != written:
                written, since = now, time.monotonic()

    def _written(self) -> int:
        with open(f"/proc/{self.process.pid}/io") as counts:
            return next(int(line.split()[1]) for line in counts if line.startswith("wchar:"))

    def send(self, kind: bytes, payload: bytes) -> None:
        self.process.stdin.write(packet(kind, payload))
        self.process.stdin.flush()


def test_full_screen_under_pipes_starts_the_app_answers_keys_and_saves_on_disconnect(tmp_path):
    folder = tmp_path / "hand-in"
    folder.mkdir()
    served = Served("--full-screen", "--lesson", "alpha", "--hand-in", str(folder),
                    env={"XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8"})
    try:
        served.wait_for(b"__GANGLION__\n")  # the web driver's greeting: the app, not line mode
        for question in (b"Which alpha makes", b"With r = 1 - alpha"):  # the lesson's two, skipped
            served.wait_for(question)
            served.send(b"D", b"s")
            served.send(b"D", b"\r")
        served.wait_for(b"Alpha tames the step")
        served.send(b"D", b" ")
        served.send(b"D", b" ")
        served.wait_for(b"2 steps taken")
        served.send(b"M", json.dumps({"type": "quit"}).encode())  # what textual serve sends as the tab closes
        assert served.process.wait(timeout=30) == 0
    finally:
        if served.process.poll() is None:
            served.process.kill()
    saved, _ = load(tmp_path / "state" / "gradstep" / "session.json")
    assert (saved.lesson.name, saved.history.iteration) == ("alpha", 2)
    assert len(list(folder.glob("*-alpha-*.csv"))) == 1
    assert b"handed in as" in served.process.stderr.read()  # on stderr: stdout is the browser's


def test_without_full_screen_a_pipe_gets_line_mode(tmp_path):
    done = subprocess.run([GRADSTEP, "--lesson", "alpha"], input="s\ns\n\nq\n", capture_output=True, text=True,
                          env={**os.environ, "XDG_STATE_HOME": str(tmp_path)}, timeout=60)
    assert done.returncode == 0 and "#0->#1: prediction = 2 x 0.5 = 1" in done.stdout


def one_step_past_the_questions(served) -> None:
    """The alpha lesson's two questions skipped, then one step, waited for."""
    for question in (b"Which alpha makes", b"With r = 1 - alpha"):
        served.wait_for(question)
        served.send(b"D", b"s")
        served.send(b"D", b"\r")
    served.wait_for(b"Alpha tames the step")
    served.send(b"D", b" ")
    served.wait_for(b"1 step taken")


def test_full_screen_under_pipes_saves_and_ends_when_its_input_ends(tmp_path):
    """textual serve's end of the pipe gone with no goodbye (the server killed): the end of
    input is the hang-up, and the app does not wait for a browser that cannot come back."""
    folder = tmp_path / "hand-in"
    folder.mkdir()
    served = Served("--full-screen", "--lesson", "alpha", "--hand-in", str(folder),
                    env={"XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8"})
    try:
        one_step_past_the_questions(served)
        served.process.stdin.close()
        assert served.process.wait(timeout=2) == 0
    finally:
        if served.process.poll() is None:
            served.process.kill()
    assert load(tmp_path / "state" / "gradstep" / "session.json")[0].history.iteration == 1
    assert len(list(folder.glob("*-alpha-*.csv"))) == 1


def test_resizes_sent_while_the_app_cannot_draw_do_not_pile_up(tmp_path):
    """A server that stopped reading the app's output (its browser killed) while resizes
    still came: every one waited in the app's queue, and its memory grew without end."""
    served = Served("--full-screen", "--lesson", "alpha", env={"XDG_STATE_HOME": str(tmp_path), "LANG": "C.UTF-8"})
    try:
        served.wait_for(b"Which alpha makes")
        served.stalled.set()
        while served.reader.is_alive():  # it reads one chunk more: give it one
            served.send(b"D", b"s")
            served.reader.join(0.2)
        before = served.memory()
        for size in range(100):  # 50,000 resizes, a few MB of them
            served.process.stdin.write(b"".join(
                packet(b"M", json.dumps({"type": "resize", "width": 60 + (size + turn) % 60,
                                         "height": 20 + turn % 20}).encode()) for turn in range(500)))
        served.process.stdin.flush()
        time.sleep(1)  # the last of them read
        assert served.memory() - before < 10 * 2**20
    finally:
        served.process.kill()


def test_a_server_that_dies_is_a_hang_up_not_a_crash(tmp_path):
    """textual serve killed: the app's output pipe breaks before its input ends. That was
    reported as a crash (a file, a line, status 1); it is the hang-up, saved and handed in."""
    folder = tmp_path / "hand-in"
    folder.mkdir()
    served = Served("--full-screen", "--lesson", "alpha", "--hand-in", str(folder),
                    env={"XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8", "TMPDIR": str(tmp_path)})
    try:
        one_step_past_the_questions(served)
        served.stalled.set()
        while served.reader.is_alive():  # it reads one chunk more: give it one
            served.send(b"D", b"w")
            served.reader.join(0.2)
        served.wait_until_quiet()  # the page turns drawn: the pipe breaks on the step's drawing
        served.process.stdout.close()
        served.send(b"D", b" ")  # a second step, drawn into a broken pipe: that ends the app
        assert served.process.wait(timeout=10) == 0
    finally:
        if served.process.poll() is None:
            served.process.kill()
    assert served.process.stderr.read() == b""
    assert not list(tmp_path.rglob("crash-*"))
    assert load(tmp_path / "state" / "gradstep" / "session.json")[0].history.iteration == 2
    assert len(list(folder.glob("*-alpha-*.csv"))) == 1
