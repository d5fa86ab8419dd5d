"""The installed command on a pseudo-terminal of its own, as an SSH login gives it one.

Unlike tmux, which draws what it receives, this keeps every raw byte the program wrote
(an escape sequence that slipped through is there to find), lets a test read the
terminal's modes after the program ends, and makes the terminal the program's controlling
one: closing it is a real hang-up, and Ctrl-Z a real suspend.
"""

import fcntl
import glob
import os
import select
import signal
import struct
import subprocess
import termios
import threading
import time

import pytest


def _take_the_terminal() -> None:
    """In the child, after setsid: stdin's terminal becomes its controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _take_the_terminal_with_sighup_blocked() -> None:
    """As _take_the_terminal, with SIGHUP blocked from the start, as a wrapper may pass it on."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    _take_the_terminal()


# How the program stands to its terminal's hang-up: a SIGHUP as a login gives it; the same
# with SIGHUP blocked; or the terminal only as its input and output, none as its
# controlling terminal, as `su -c` (or setsid) starts a command: no SIGHUP can come.
HANG_UPS = {"signalled": _take_the_terminal, "blocked": _take_the_terminal_with_sighup_blocked, "unsignalled": None}


class PseudoTerminal:
    """`argv` running on a fresh 80x24 pty, its output collected as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str], size=(80, 24), hang_up: str = "signalled") -> None:
        self.controller, self.terminal = os.openpty()
        fcntl.ioctl(self.terminal, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.size = size
        self.cooked = termios.tcgetattr(self.terminal)  # the modes a shell leaves a terminal in
        environment = {"PATH": os.environ["PATH"], "TERM": "xterm-256color", "LANG": "C.UTF-8", **env}
        self.process = subprocess.Popen(argv, stdin=self.terminal, stdout=self.terminal, stderr=self.terminal,
                                        env=environment, start_new_session=True, preexec_fn=HANG_UPS[hang_up])
        self.output = bytearray()
        self.last_output = time.monotonic()  # when output last came
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Collect output until told to stop. A read is never left blocked: the terminal
        hangs up only once its last open end is closed, and a blocked read holds it open."""
        while not self._stop.is_set():
            if not select.select([self.controller], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(self.controller, 65536)
            except OSError:  # EIO: nothing holds the other end any more
                return
            if not chunk:
                return
            self.output += chunk
            self.last_output = time.monotonic()

    @property
    def pid(self) -> int:
        return self.process.pid

    def type(self, keys: bytes) -> None:
        os.write(self.controller, keys)

    def wait_for(self, text: str, after: int = 0, timeout: float = 20.0) -> int:
        """Where `text` first appears in the output after byte `after`; fails if it never does."""
        wanted, deadline = text.encode(), time.monotonic() + timeout
        while (found := self.output.find(wanted, after)) < 0:
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} never appeared; the output ended:\n{self.tail()}")
            time.sleep(0.05)
        return found

    def settle(self, after: int, quiet: float = 0.5, timeout: float = 20.0) -> None:
        """Wait for output after byte `after`, then until none comes for `quiet` seconds: a
        frame drawn. (The app writes only the cells that change, so a phrase on screen need
        not stand in the bytes in one piece.)"""
        deadline = time.monotonic() + timeout
        while len(self.output) <= after or time.monotonic() - self.last_output < quiet:
            if time.monotonic() > deadline:
                pytest.fail(f"the output did not settle; it ended:\n{self.tail()}")
            time.sleep(0.05)

    def press(self, keys: bytes) -> None:
        """Type `keys` and wait for the frame they draw."""
        mark = len(self.output)
        self.type(keys)
        self.settle(after=mark)

    def wait_until_idle(self, quiet: float = 0.05, timeout: float = 20.0) -> None:
        """Wait until the program has done all it will: none of its threads has run, and it
        has written nothing, for `quiet` seconds (longer than Textual waits between frames).
        Unlike `settle`, this needs no output: a key can change nothing on screen."""
        deadline = time.monotonic() + timeout
        calm_since = None
        while True:
            now = time.monotonic()
            if self._running() or now - self.last_output < quiet:
                calm_since = None
            elif calm_since is None:
                calm_since = now
            elif now - calm_since >= quiet:
                return
            if now > deadline:
                pytest.fail(f"never idle; the output ended:\n{self.tail()}")
            time.sleep(0.005)

    def _running(self) -> bool:
        """Whether any thread of the program is running or waiting for a core (R), or for the disk (D)."""
        for stat in glob.glob(f"/proc/{self.pid}/task/*/stat"):
            try:
                with open(stat) as thread:
                    if thread.read().rsplit(")", 1)[1].split()[0] in "RD":
                        return True
            except (OSError, IndexError):  # the thread or the program has ended meanwhile
                pass
        return False

    def screen(self) -> list[str]:
        """The screen as a terminal draws everything written so far, one line a row."""
        import pyte  # only here: a checkout whose venv predates it still runs every other pty test

        screen = pyte.Screen(*self.size)
        pyte.ByteStream(screen).feed(bytes(self.output))
        return screen.display

    def tail(self, size: int = 1500) -> str:
        """The last bytes written, for a failure's message."""
        return repr(bytes(self.output[-size:]))

    def state(self) -> str:
        """The process's state letter: R, S, T (stopped), Z."""
        with open(f"/proc/{self.pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]

    def wait_until_stopped(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.state() != "T":
            if time.monotonic() > deadline:
                pytest.fail(f"never stopped; the output ended:\n{self.tail()}")
            time.sleep(0.05)

    def wait(self, timeout: float = 10.0) -> int:
        """The exit status, once the program has ended within `timeout`."""
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running after {timeout} s; the output ended:\n{self.tail()}")

    def hang_up(self) -> None:
        """Close the terminal's other end, as sshd does when the link drops."""
        self.stop_reading()
        os.close(self.controller)
        self.controller = -1

    def stop_reading(self) -> None:
        """Read no more output, as a link that went silent: the program's writes pile up, then block."""
        self._stop.set()
        self._reader.join()

    def resize(self, size: tuple[int, int]) -> None:
        """Give the terminal a new size (columns, rows); the kernel sends the program SIGWINCH."""
        fcntl.ioctl(self.terminal, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))

    def modes_restored(self) -> bool:
        """Whether the terminal is back as the program found it (echo, lines, signals)."""
        return termios.tcgetattr(self.terminal) == self.cooked

    def screen_restored(self) -> bool:
        """Whether the program's last words to the terminal left the alternate screen and showed the cursor."""
        last = self.output.rfind
        return last(b"\x1b[?1049h") < last(b"\x1b[?1049l") and last(b"\x1b[?25l") < last(b"\x1b[?25h")

    def text_after_the_screen(self) -> list[str]:
        """The lines written after the full screen closed, escape sequences left out."""
        tail = bytes(self.output[self.output.rfind(b"\x1b[?1049l"):]).decode("utf-8", "replace")
        tail = tail.replace("\x1b[?1049l", "")
        lines = [line for line in tail.replace("\r", "").split("\n")]
        return [line for line in (_without_escapes(line) for line in lines) if line.strip()]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._stop.set()
        self._reader.join()
        for descriptor in (self.controller, self.terminal):
            if descriptor >= 0:
                os.close(descriptor)


def _without_escapes(line: str) -> str:
    import re

    return re.sub(r"\x1b(\[[0-9;?<>=$]*[A-Za-z~]|\][^\x07\x1b]*(\x07|\x1b\\)|[=>()][0-9A-Za-z]?)", "", line)
