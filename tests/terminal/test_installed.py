"""The installed command outside the app: it runs, fails cleanly, and lets a reader stop early."""

import json
import os
import subprocess

from .tmux import GRADSTEP


def test_the_installed_command_runs_and_fails_cleanly():
    done = subprocess.run([GRADSTEP, "run", "--lesson", "alpha", "--steps", "2", "--format", "jsonl"],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[1])["error"] == 0.0144
    bad = subprocess.run([GRADSTEP, "run", "--lesson", "alpha", "--alpha", "nan"], capture_output=True, text=True)
    assert (bad.returncode, bad.stdout, len(bad.stderr.splitlines())) == (2, "", 1)


def test_a_reader_that_stops_early_is_not_an_error():
    pipeline = f"{GRADSTEP} run --lesson alpha --steps 100000 | head -n 1"
    done = subprocess.run(["sh", "-c", pipeline], capture_output=True, text=True, env={**os.environ})
    assert done.stdout.split() == ["iteration", "weight", "prediction", "error", "delta", "weight_delta"]
    assert "Traceback" not in done.stderr and "Error" not in done.stderr



def test_a_full_disk_under_the_output_is_one_line():
    for argv in (["run", "--lesson", "alpha", "--steps", "1000"], ["run", "--lesson", "alpha", "--format", "csv"],
                 ["lessons"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([GRADSTEP, *argv], stdout=full, stderr=subprocess.PIPE, text=True)
        assert (done.returncode, done.stderr) == (1, "gradstep: the output could not be written "
                                                     "(No space left on device)\n"), argv


def test_the_app_runs_as_started_and_a_lab_may_leave_out_docstrings(pseudo_terminal, tmp_path):
    """No restart: the process keeps the environment it was given. A lab that sets
    PYTHONOPTIMIZE=2 itself (docs/classroom.md, Memory: 3 MB a process) gets a working app all the same."""
    for asked in ({}, {"PYTHONOPTIMIZE": "2"}):
        state = {"XDG_STATE_HOME": str(tmp_path / str(len(asked))), **asked}
        app = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
        app.wait_for("Which alpha makes this land in one step?")  # the app, drawing
        with open(f"/proc/{app.pid}/environ", "rb") as environ, open(f"/proc/{app.pid}/comm") as name:
            optimize = [entry for entry in environ.read().split(b"\0") if entry.startswith(b"PYTHONOPTIMIZE=")]
            assert (optimize, name.read()) == ([f"PYTHONOPTIMIZE={asked['PYTHONOPTIMIZE']}".encode()] if asked else [],
                                               "gradstep\n")
