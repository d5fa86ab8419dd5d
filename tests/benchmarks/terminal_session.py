"""An app running in a real pseudo-terminal, with every byte it writes timed."""

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

QUIET = 0.25  # seconds without output that mean the screen has settled


class PtySession:
    """`argv` started on a pty of `size`, its output read and timed."""

    def __init__(self, argv: list[str], env: dict[str, str], size=(80, 24)) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal, then become the app
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
            os.execvpe(argv[0], argv, env)
        self.total = 0

    def read_until_quiet(self, quiet: float = QUIET, timeout: float = 30.0,
                         first: float = 10.0) -> tuple[bytes, float]:
        """Everything written until `quiet` seconds pass without output, and when the last byte came.

        The quiet period starts with the first byte, which may take up to `first` seconds.
        """
        chunks, last = [], time.perf_counter()
        deadline = last + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet if chunks else first)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            last = time.perf_counter()
        data = b"".join(chunks)
        self.total += len(data)
        return data, last

    def send(self, data: bytes) -> float:
        sent = time.perf_counter()
        os.write(self.fd, data)
        return sent

    def status(self, field: str) -> int:
        """A figure from /proc/PID/status, in kB (VmHWM: peak resident memory)."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise KeyError(field)

    def cpu_seconds(self) -> float:
        """User and system CPU time the app has used so far, from /proc/PID/stat."""
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        try:
            os.write(self.fd, b"q")
            deadline = time.perf_counter() + 5
            while time.perf_counter() < deadline:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
                self.read_until_quiet(0.05, 0.2)
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(self.fd)


class TopRow:
    """The screen's top row (gradstep's status line: "N steps taken"), as a terminal draws it
    from the bytes written. gradstep sends only the cells that change, so after a step the
    bytes hold the new digits and not the words beside them; a reader that searched the
    bytes for "12 steps taken" missed every step. This follows the moves (to a place, or
    along the row) and the text of row 1 only: cheap enough for thirty students at once.
    """

    ESCAPE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[^\[]")
    TOKENS = re.compile(rb"\x1b\[(\d*)(?:;(\d*))?([HC])|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[^\[]|\r|\n|[^\x1b\r\n]+")

    def __init__(self, width: int = 80) -> None:
        self.cells = [" "] * width
        self.row, self.column = 0, 0  # the cursor, 0-based; row 0 is the one kept
        self.pending = b""  # bytes from the last escape on: it may continue in the next read

    def feed(self, data: bytes) -> str:
        """Read `data`; the row as it now stands."""
        data = self.pending + data
        cut = data.rfind(b"\x1b")
        if cut >= 0 and not self.ESCAPE.match(data, cut):  # an escape the next read completes
            data, self.pending = data[:cut], data[cut:]
        else:
            self.pending = b""
        for match in self.TOKENS.finditer(data):
            first, second, final = match.groups()
            token = match.group(0)
            if final == b"H":
                self.row, self.column = int(first or 1) - 1, int(second or 1) - 1
            elif final == b"C":
                self.column += int(first or 1)
            elif token == b"\r":
                self.column = 0
            elif token == b"\n":
                self.row += 1
            elif token[:1] != b"\x1b":
                text = token.decode("utf-8", "replace")
                if self.row == 0:
                    end = min(self.column + len(text), len(self.cells))
                    self.cells[self.column:end] = text[:end - self.column]
                self.column += len(text)
        return "".join(self.cells)
