"""Nothing lost silently on a shared machine: one gradstep a session, a fresh start keeps the
last session a key away, and a save folder that is not the student's own is not used."""

import os
import signal
import subprocess

import pytest
from gradstep.core.saving import load

from .tmux import GRADSTEP


@pytest.fixture
def state(tmp_path) -> dict[str, str]:
    return {"XDG_STATE_HOME": str(tmp_path / "state"), "HOME": str(tmp_path)}


def line_mode(state: dict[str, str], *argv: str, keys: str = "q\n") -> subprocess.CompletedProcess:
    return subprocess.run([GRADSTEP, "--line", *argv], input=keys, capture_output=True, text=True,
                          env={**os.environ, **state}, timeout=60)


def test_a_second_copy_is_refused_until_the_first_ends_however_it_ends(pseudo_terminal, state):
    first = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    first.wait_for("Which alpha makes this land in one step?")  # the lesson's first question: it is open
    second = line_mode(state, "--lesson", "alpha")
    assert second.returncode == 1 and second.stdout == ""
    assert second.stderr == (f"gradstep: this session is open in another gradstep (process {first.pid}): "
                             "quit that one first, or give this one a --session NAME of its own\n")
    assert line_mode(state, "--session", "ana").returncode == 0  # a session of one's own is free
    first.process.send_signal(signal.SIGKILL)  # the worst end: no handler runs, the kernel drops the lock
    first.wait()
    assert line_mode(state, "--lesson", "alpha").returncode == 0


def test_a_fresh_start_says_on_its_first_screen_that_the_last_session_is_a_key_away(pseudo_terminal, state):
    assert line_mode(state, "--lesson", "alpha", keys="s\ns\n\n\n\nq\n").returncode == 0  # three steps of alpha
    term = pseudo_terminal([GRADSTEP], state)
    term.wait_for("Your last session (alpha, iteration 3) is kept: press b to go back to it.")
    term.wait_for("measure-error: Measure the error")
    mark = len(term.output)
    term.type(b"b")
    term.wait_for("alpha: Alpha tames the step", after=mark)
    term.wait_for("3 steps taken", after=mark)
    term.type(b"q")
    assert term.wait() == 0
    saved = load(os.path.join(state["XDG_STATE_HOME"], "gradstep", "session.json"))[0]
    assert (saved.lesson.name, saved.history.iteration) == ("alpha", 3)


def test_a_folder_of_someone_else_is_said_on_the_first_screen_and_at_the_end(pseudo_terminal, state):
    if os.getuid() != 0:
        pytest.skip("only root can give a folder to someone else (CI runs as root)")
    folder = os.path.join(state["XDG_STATE_HOME"], "gradstep")
    os.makedirs(folder, mode=0o700)
    os.chown(folder, 65534, -1)
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state, size=(200, 24))
    term.wait_for("Not saving this session: the save folder belongs to ")
    for keys in (b" ", b"s", b"\r", b"s", b"\r", b" "):  # the notice read, space asks the questions; a step
        term.press(keys)
    term.type(b"q")
    assert term.wait() == 1 and term.modes_restored()
    [line] = term.text_after_the_screen()
    assert line.startswith("gradstep: the session could not be saved: the save folder belongs to ")
    assert os.listdir(folder) == []
