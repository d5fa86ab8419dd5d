"""Hostile lesson files: one line, fast, never a traceback or a hang.

Each case runs the command in this process, timed: a lesson file is refused with one line
and exit status 2.
"""

import io
import os
import signal
import time

import pytest
from gradstep.core.limits import LESSON_FILE_BYTES

from ..helpers import gradstep

FAST = 1.0  # seconds: the bound for any hostile input

GOOD = "weights = 0.5\ninputs = 2.0\ngoal = 0.8\n"


def deep(opening: str, closing: str, depth: int = 5000, inner: str = "1") -> str:
    return opening * depth + inner + closing * depth


LESSONS = {
    "5,000-digit integer": f"weights = {'9' * 5000}\ninputs = 1\ngoal = 0\n",
    "4,000-digit integer": f"weights = {'9' * 4000}\ninputs = 1\ngoal = 0\n",
    "5,000-deep arrays": f"weights = {deep('[', ']')}\ninputs = 1\ngoal = 0\n",
    "5,000-deep inline tables": f"{GOOD}x = {deep('{a = ', '}')}\n",
    "5,000-deep dotted key": f"{GOOD}{'a.' * 5000}b = 1\n",
    "10 MB of text": "# " + "x" * (10 * 2**20) + "\n",
    "just over the size limit": GOOD + "#" * LESSON_FILE_BYTES,
    "not UTF-8": b"weights = \xff\n",
    "an escape sequence as a key": GOOD + '"\\u001b]0;pwned\\u0007" = 1\n',
}
DEVICES = {"/dev/zero": "/dev/zero", "/dev/null": "/dev/null", "/dev/urandom": "/dev/urandom"}


def one_line_and_refused(result, started: float) -> None:
    elapsed = time.perf_counter() - started
    assert result.status == 2, result.err
    assert result.out == "" and len(result.err.splitlines()) == 1 and "Traceback" not in result.err
    assert not any(char < " " for char in result.err.rstrip("\n"))  # no control character reaches the terminal
    assert elapsed < FAST, f"{elapsed:.2f} s"


@pytest.fixture
def line_mode(monkeypatch):
    """gradstep in this process in line mode, typing q; signal handlers put back after."""
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    handlers = {number: signal.getsignal(number) for number in (signal.SIGHUP, signal.SIGTERM)}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)


@pytest.fixture
def lesson_path(tmp_path, request):
    """The hostile lesson file of the case, by name."""
    content = LESSONS[request.param]
    path = tmp_path / "lesson.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize("lesson_path", LESSONS, indirect=True)
@pytest.mark.parametrize("command", [["run"], ["--line"]], ids=["run", "line mode"])
def test_a_hostile_lesson_file_is_one_line_and_exit_2_within_a_second(lesson_path, command, line_mode):
    started = time.perf_counter()
    one_line_and_refused(gradstep(*command, "--lesson-file", str(lesson_path)), started)


@pytest.mark.parametrize("path", DEVICES.values(), ids=DEVICES.keys())
def test_a_device_is_not_read(path, line_mode):
    started = time.perf_counter()
    result = gradstep("--line", "--lesson-file", path)
    one_line_and_refused(result, started)
    assert "is not a regular file" in result.err


def test_a_fifo_is_not_opened_for_reading(tmp_path, line_mode):
    fifo = tmp_path / "lesson.toml"
    os.mkfifo(fifo)  # with no writer: reading it would wait for ever
    started = time.perf_counter()
    one_line_and_refused(gradstep("run", "--lesson-file", str(fifo)), started)
