"""How gradstep ends: a saved session that is private, a corrupt one set aside, a crash
that is one line and a file, never a wall of text."""

import os
import subprocess
import sys

from gradstep.core.saving import load

from .tmux import GRADSTEP

CRASHING_APP = """
import sys
from gradstep.tui.app.widgets.parameters import ParametersPanel
from gradstep.tui.command.launch import launch

def broken(self, state):  # a bug, as far as the student can tell
    if state.session.history.iteration == 2:
        raise RuntimeError("a bug in the parameters panel")
    return ""

ParametersPanel.draw = broken
sys.exit(launch(["--lesson", "alpha"]))
"""


def test_a_corrupt_save_is_reported_set_aside_and_not_fatal(terminal, tmp_path):
    folder = tmp_path / "state" / "gradstep"
    folder.mkdir(parents=True)
    (folder / "session.json").write_text('{"format": 1, "lesson": ')
    term = terminal([sys.executable, "-m", "gradstep.tui", "--resume"],
                    env={"XDG_STATE_HOME": str(tmp_path / "state")})
    term.past_questions("measure-error: Measure the error")  # the course starts instead
    screen = term.wait_for("session.json.corrupt-")  # the notice wraps to the rows it needs: the name shows
    notice = " ".join(line.strip() for line in screen.splitlines()[-4:-1])  # the three rows above the key bar
    assert "The saved session was unreadable; kept as session.json.corrupt-" in notice, screen
    term.press("q")
    assert term.wait_for_exit() == 0
    kept = [p.name for p in folder.iterdir() if p.name.startswith("session.json.corrupt-")]
    assert len(kept) == 1
    assert load(folder / "session.json")[0].lesson.name == "measure-error"  # quitting saved afresh


def test_a_crash_restores_the_terminal_and_prints_one_line_naming_the_report(terminal, tmp_path):
    term = terminal([sys.executable, "-c", CRASHING_APP], env={"XDG_STATE_HOME": str(tmp_path / "state")})
    term.past_questions("alpha: Alpha tames the step")
    term.press("Space", "Space")
    assert term.wait_for_exit() == 1
    joined = term.run("capture-pane", "-p", "-J", "-S", "-", "-t", "main")  # rejoin wrapped lines, with history
    lines = [line for line in joined.splitlines() if line.strip() and not line.startswith("Pane is dead")]
    assert len(lines) == 1 and lines[0].startswith("gradstep: something went wrong; the details are in ")
    report = lines[0].rsplit(" ", 1)[1]
    assert "RuntimeError: a bug in the parameters panel" in open(report).read()
    assert load(tmp_path / "state" / "gradstep" / "session.json")[0].history.iteration == 2  # work kept


def test_students_sharing_a_login_keep_their_own_sessions(tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}

    def line_mode(*argv: str, keys: str) -> subprocess.CompletedProcess:
        return subprocess.run([GRADSTEP, "--line", *argv], input=keys, capture_output=True, text=True,
                              env=env, timeout=60)

    line_mode("--session", "ana", "--lesson", "alpha", keys="s\ns\n\n\nq\n")  # two questions skipped, two steps
    line_mode("--session", "李明", "--lesson", "hot-cold", keys="s\ns\n\nq\n")  # one step
    folder = tmp_path / "gradstep"
    assert sorted(path.name for path in folder.glob("*.json")) == ["session-ana.json", "session-李明.json"]
    ana, li = load(folder / "session-ana.json")[0], load(folder / "session-李明.json")[0]
    assert (ana.lesson.name, ana.history.iteration, li.lesson.name, li.history.iteration) == ("alpha", 2, "hot-cold", 1)
    resumed = line_mode("--resume", "--session", "ana", keys="q\n")
    assert resumed.returncode == 0 and "#1->#2: prediction = 2 x 0.46 = 0.92" in resumed.stdout


def test_resuming_a_session_name_with_no_save_says_so(tmp_path):
    done = subprocess.run([GRADSTEP, "--line", "--resume", "--session", "bob"], input="s\ns\nq\n", capture_output=True,
                          text=True, env={**os.environ, "XDG_STATE_HOME": str(tmp_path)}, timeout=60)
    assert done.returncode == 0
    assert done.stderr == "gradstep: No saved session named bob: starting the course.\n"
