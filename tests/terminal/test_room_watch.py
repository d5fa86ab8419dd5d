"""The installed `gradstep class DIR --watch` in a real terminal: the stylesheet is in the
package, the rows follow the folder, keys sort, and q or Ctrl-C ends it."""

import subprocess
import time

from ..helpers import progress_file
from .tmux import GRADSTEP


def test_the_watch_follows_the_folder_in_ascii_and_quits(terminal, tmp_path):
    progress_file(tmp_path, "ana", now=time.time(), iteration=41)
    term = terminal([GRADSTEP, "class", str(tmp_path), "--watch"], env={"LANG": "C", "TERM": "xterm"})
    screen = term.wait_for("1 in the room")
    assert " 41 " in screen and {char for char in screen if ord(char) > 126} == set()
    assert "-questions---" in screen  # the questions' rule in ASCII
    progress_file(tmp_path, "ana", now=time.time(), iteration=42)
    term.wait_for(" 42 ", timeout=3)  # a step reaches the screen within a look or two
    term.press("f")
    term.wait_for("sorted by flags")
    term.press("q")
    assert term.wait_for_exit() == 0


def test_ctrl_c_ends_the_watch(terminal, tmp_path):
    term = terminal([GRADSTEP, "class", str(tmp_path), "--watch"])
    term.wait_for("no session has written its progress here yet")
    term.press("C-c")
    assert term.wait_for_exit() == 0


def test_watch_without_a_terminal_prints_the_table_once(tmp_path):
    progress_file(tmp_path, "ana", now=time.time(), iteration=41)
    done = subprocess.run([GRADSTEP, "class", str(tmp_path), "--watch"], capture_output=True, text=True, timeout=30,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].split()[:3] == ["student", "lesson", "iter"]
