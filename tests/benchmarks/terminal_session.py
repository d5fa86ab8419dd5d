"""An app running in a real pseudo-terminal, with every byte it writes timed."""

import fcntl
import os
import pty
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
