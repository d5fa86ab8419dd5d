"""The installed command started without its standard input or output (`<&-`, `>&-`), or
with an output that takes nothing (/dev/full): one line on stderr and a failing status,
never a traceback, and never a help that silently went nowhere."""

import os
import subprocess

import pytest

from .tmux import GRADSTEP


def started(*argv: str, redirect: str, state) -> subprocess.CompletedProcess:
    """`gradstep ARGV` started by a shell with `redirect` applied (`<&-` closes its input)."""
    return subprocess.run(["sh", "-c", f'exec "$@" {redirect}', "sh", GRADSTEP, *argv], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "XDG_STATE_HOME": str(state)})


CASES = {
    "app, input closed": (["--line", "--lesson", "alpha"], "<&-",
                          "gradstep: standard input is closed: gradstep reads the student's keys from it"),
    "app, output closed": (["--line", "--lesson", "alpha"], ">&-",
                           "gradstep: the output could not be written (standard output is closed)"),
    "run, output closed": (["run", "--lesson", "alpha"], ">&-",
                           "gradstep: the output could not be written (standard output is closed)"),
    "help, output closed": (["--help"], ">&-", "gradstep: the output could not be written (standard output is closed)"),
    "help, a full disk": (["--help"], ">/dev/full", "gradstep: the output could not be written (No space left on device)"),
    "run's help, a full disk": (["run", "--help"], ">/dev/full",
                                "gradstep: the output could not be written (No space left on device)"),
}


@pytest.mark.parametrize(("argv", "redirect", "line"), CASES.values(), ids=CASES.keys())
def test_a_missing_stream_is_one_line_and_a_failing_status(tmp_path, argv, redirect, line):
    done = started(*argv, redirect=redirect, state=tmp_path)
    assert done.returncode == 1
    assert done.stderr == line + "\n"
    assert not (tmp_path / "gradstep" / "session.lock").exists()  # refused before a session began


def test_an_app_whose_error_stream_is_closed_runs_as_plain_lines(pseudo_terminal, tmp_path):
    """Textual draws on stderr: under `2>&-` the app drew nothing and waited, unseen."""
    term = pseudo_terminal(["sh", "-c", 'exec "$@" 2>&-', "sh", GRADSTEP, "--lesson", "alpha"],
                           {"XDG_STATE_HOME": str(tmp_path)})
    term.wait_for("Which alpha makes this land in one step?")
    term.wait_for("? ")
    term.type(b"q\n")
    assert term.wait() == 0
    assert (tmp_path / "gradstep" / "session.json").exists()


def test_an_app_whose_input_is_a_file_ends_as_at_the_end_of_input(pseudo_terminal, tmp_path):
    """`--full-screen </dev/null` in a terminal: no selector watches a file or /dev/null,
    and registering one raised a traceback that exited with status 0. Input that cannot
    be waited on has ended: saved, and gone, as after a hang-up."""
    term = pseudo_terminal(["sh", "-c", 'exec "$@" </dev/null', "sh", GRADSTEP, "--full-screen",
                            "--weight", ".5", "--input", "2", "--goal", ".8"], {"XDG_STATE_HOME": str(tmp_path)})
    term.wait(timeout=10)
    assert b"Traceback" not in term.output and b"Error" not in term.output, term.tail()
    assert (tmp_path / "gradstep" / "session.json").exists()
