"""gradstep over a real SSH link, as a teacher's classroom runs it.

The test that catches what only SSH shows: a remote pty the app must draw through, and a
link that drops mid-lesson (Wi-Fi gone, laptop shut), after which no gradstep may be left
running on the server.
"""

import os
import signal
import time
from pathlib import Path

from gradstep.core.history import History
from gradstep.core.courses import find_lesson
from gradstep.core.saving import load

from .tmux import GRADSTEP, three_alpha_steps


def processes_with(setting: str) -> dict[int, str]:
    """Every process whose environment holds `setting` (NAME=value), with its state letter.

    The remote app is found by its environment, not its name: the test gives it a
    XDG_STATE_HOME that no other process on the machine can have.
    """
    found = {}
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and setting.encode() in (proc / "environ").read_bytes().split(b"\0"):
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
                state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
                found[int(proc.name)] = f"{command} (state {state})"
        except OSError:  # it ended while we looked
            continue
    return found


def wait_until_gone(setting: str, timeout: float = 10.0) -> dict[int, str]:
    """The processes still holding `setting` after `timeout`; empty once they all end."""
    deadline = time.monotonic() + timeout
    while (left := processes_with(setting)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_a_dropped_link_leaves_no_gradstep_behind(ssh_server, terminal, tmp_path):
    state_home = f"XDG_STATE_HOME={tmp_path / 'state'}"
    remote = ["env", state_home, f"HOME={tmp_path}", "TERM=xterm-256color", "LANG=C.UTF-8",
              GRADSTEP, "--lesson", "alpha"]
    term = terminal(ssh_server.command(*remote), size=(80, 24))
    assert three_alpha_steps(term) == ["0.04", "0.0144", "0.005184"]
    assert processes_with(state_home), "the remote gradstep cannot be found, so its end cannot be seen"

    os.kill(term.pid(), signal.SIGKILL)  # the ssh client vanishes without a goodbye
    left = wait_until_gone(state_home)
    assert not left, f"still running on the server after the link dropped: {left}"
    saved, _ = load(tmp_path / "state" / "gradstep" / "session.json")  # the hang-up saved the lesson
    expected = History.start(find_lesson("alpha").problem).jump(3)
    assert saved.lesson.name == "alpha" and saved.history.iteration == 3
    assert saved.history.weight_trail.tobytes() == expected.weight_trail.tobytes()
