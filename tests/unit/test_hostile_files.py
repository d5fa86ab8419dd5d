"""Hostile lesson files and saves: one line, fast, never a traceback or a hang.

Each case runs the command in this process, timed: a lesson file is refused with one line
and exit status 2, a save is set aside (kept for a teacher) with one line and the course
starts instead, and the next --resume is clean.
"""

import copy
import io
import json
import os
import signal
import time

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.limits import LESSON_FILE_BYTES, MAX_ITERATIONS, MAX_WEIGHTS
from gradstep.core.saving import session_data
from gradstep.core.session import Session

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
    "30,000-deep key in an inline table": f"{GOOD}b = {{ {'k.' * 30000}k = 1 }}\n",
    "5,000-deep quoted key": GOOD + '"a".' * 5000 + "b = 1\n",
    "10 MB of text": "# " + "x" * (10 * 2**20) + "\n",
    "just over the size limit": GOOD + "#" * LESSON_FILE_BYTES,
    "not UTF-8": b"weights = \xff\n",
    "more weights than the limit": (f"weights = {[0.1] * (MAX_WEIGHTS + 1)}\ninputs = {[1.0] * (MAX_WEIGHTS + 1)}\n"
                                    "goal = 1\n"),
    "a tutorial longer than a run": f"{GOOD}tutorial_steps = {MAX_ITERATIONS + 1}\n",
    "a tutorial of 10^4000 steps": f"{GOOD}tutorial_steps = 1{'0' * 4000}\n",
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
def lesson_path(tmp_path, request):
    """The hostile lesson file of the case, by name."""
    content = LESSONS[request.param]
    path = tmp_path / "lesson.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize("lesson_path", LESSONS, indirect=True)
@pytest.mark.parametrize("command", [["run"], pytest.param(["--line"], marks=pytest.mark.slow)],  # one reader, two doors:
                         ids=["run", "line mode"])                                          # the second in CI
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


# -- saves --------------------------------------------------------------------------------

def alpha_save() -> dict:
    """What gradstep writes for three steps of alpha, as JSON data to spoil."""
    session = Session.begin(find_lesson("alpha")).step().step().step()
    return json.loads(json.dumps(session_data(session, {"language": "en", "view": "weight", "selected": 0,
                                                         "exact": False})))


def spoiled(change) -> str:
    data = copy.deepcopy(alpha_save())
    change(data)
    return json.dumps(data)


def setter(*path, value):
    def change(data):
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return change


SAVES = {
    "not JSON": '{"format": 2, "lesson": ',
    "5,000-digit integer": '{"format": 2, "iteration": ' + "9" * 5000 + "}",
    "5,000-deep nesting": deep("[", "]"),
    "5,000-deep objects": deep('{"a": ', "}"),
    "10 MB": '{"x": "' + "a" * (10 * 2**20) + '"}',
    "not a table": "[1, 2, 3]",
    "title = 5": spoiled(setter("lesson", "en", "title", value=5)),
    "tutorial_steps = 'abc'": spoiled(setter("lesson", "tutorial_steps", value="abc")),
    "language = 'xx'": spoiled(setter("view", "language", value="xx")),
    "view = 'pie'": spoiled(setter("view", "view", value="pie")),
    "selected = '1'": spoiled(setter("view", "selected", value="1")),
    "exact = 1": spoiled(setter("view", "exact", value=1)),
    "view = 5": spoiled(setter("view", value=5)),
    "iteration = 10^9": spoiled(setter("iteration", value=10**9)),
    "iteration = -1": spoiled(setter("iteration", value=-1)),
    "iteration = true": spoiled(setter("iteration", value=True)),
    "iteration = 1.5": spoiled(setter("iteration", value=1.5)),
    "iteration past a divergence": spoiled(lambda data: data.update(
        problem={**data["problem"], "alpha": 1.0}, iteration=1000)),
    "before = 'abc'": spoiled(setter("before", value="abc")),
    "before of 1,000 entries": spoiled(lambda data: data.update(before=[{
        "lesson": data["lesson"], "problem": data["problem"], "iteration": 1}] * 1000)),
    "an undo chain past the limit": spoiled(lambda data: data.update(before=[{
        "lesson": data["lesson"], "problem": data["problem"], "iteration": MAX_ITERATIONS}])),
    "an unknown problem field": spoiled(setter("problem", "speed", value=2)),
    "weights as text": spoiled(setter("problem", "weights", value=["0.5"])),
    "a NaN weight": spoiled(setter("problem", "weights", value=[float("nan")])),
    "too many weights": spoiled(lambda data: data["problem"].update(weights=[0.1] * 100_000,
                                                                    inputs=[1.0] * 100_000)),
    "method = 'xx'": spoiled(setter("problem", "method", value="xx")),
    "source = 5": spoiled(setter("lesson", "source", value=5)),
    "lesson a list": spoiled(setter("lesson", value=[1])),
    "format = 99": spoiled(setter("format", value=99)),
    "format = true": spoiled(setter("format", value=True)),
}


@pytest.fixture
def line_mode(monkeypatch):
    """gradstep in this process in line mode, typing q; signal handlers put back after."""
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    handlers = {number: signal.getsignal(number) for number in (signal.SIGHUP, signal.SIGTERM)}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)


@pytest.fixture
def state(tmp_path, monkeypatch):
    """A private state folder of the test's own, and the save's path in it."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "state" / "gradstep"
    folder.mkdir(parents=True, mode=0o700)
    return folder / "session.json"


@pytest.mark.parametrize("content", SAVES.values(), ids=SAVES.keys())
def test_a_hostile_save_is_set_aside_in_one_line_within_a_second(state, content, line_mode):
    state.write_text(content)
    started = time.perf_counter()
    result = gradstep("--resume")
    elapsed = time.perf_counter() - started
    assert result.status == 0 and "Traceback" not in result.err
    assert len(result.err.splitlines()) == 1 and "The saved session was unreadable; kept as" in result.err
    assert elapsed < FAST, f"{elapsed:.2f} s"
    kept = [path for path in state.parent.iterdir() if path.name.startswith("session.json.corrupt-")]
    assert len(kept) == 1 and kept[0].read_text() == content  # kept as it was, for a teacher
    again = gradstep("--resume")  # the course was saved instead: never a crash on every resume
    assert again.status == 0 and again.err == ""


SPECIAL_SAVES = {
    "a FIFO": lambda path: os.mkfifo(path),
    "a link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
    "a folder": lambda path: path.mkdir(),
}


@pytest.mark.parametrize("make", SPECIAL_SAVES.values(), ids=SPECIAL_SAVES.keys())
def test_a_save_that_is_not_a_file_is_set_aside(state, make, line_mode):
    make(state)
    started = time.perf_counter()
    result = gradstep("--resume")
    assert time.perf_counter() - started < FAST
    assert result.status == 0 and len(result.err.splitlines()) == 1 and "kept as session.json.corrupt-" in result.err
