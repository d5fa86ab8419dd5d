"""Every way out of the app saves, and gives the terminal back as it found it; Ctrl-Z and
SIGSTOP come back; a save or a crash report that cannot be written is one line."""

import os
import signal
import sys
import tempfile
import time

import pytest
from gradstep.core.saving import load
from gradstep.tui.command.runners import command_as_typed

from .test_ending import CRASHING_APP
from .tmux import GRADSTEP

FAST = 2.5  # seconds from a signal to the end: less than the app's 3 s grace (SIGNAL_GRACE), so the exit was clean


@pytest.fixture
def state(tmp_path) -> dict[str, str]:
    return {"XDG_STATE_HOME": str(tmp_path / "state"), "HOME": str(tmp_path)}


def saved_iteration(state: dict[str, str]) -> int:
    return load(os.path.join(state["XDG_STATE_HOME"], "gradstep", "session.json"))[0].history.iteration


def two_steps(term) -> None:
    """Wait for the alpha lesson, skip its two questions and take two steps. (A frame holds
    only the cells that change, so a step is waited for by its frame, not by its words.)"""
    term.wait_for("Which alpha makes this land in one step?")
    for keys in (b"s", b"\r", b"s", b"\r", b" ", b" "):
        term.press(keys)


@pytest.mark.parametrize(("way_out", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 0)],
                         ids=["SIGINT", "SIGTERM"])
def test_a_signal_saves_and_gives_the_terminal_back(pseudo_terminal, state, way_out, status):
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(term)
    sent = time.monotonic()
    term.process.send_signal(way_out)
    assert term.wait() == status and time.monotonic() - sent < FAST
    assert term.modes_restored() and term.screen_restored()
    assert saved_iteration(state) == 2
    resume = f"{command_as_typed(GRADSTEP)} --resume"  # the command as typed, where the name alone would not find it
    assert term.text_after_the_screen() == [f"gradstep: your session is saved; {resume} continues it."]


def test_a_hang_up_saves_and_ends(pseudo_terminal, state):
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(term)
    term.hang_up()
    assert term.wait() == 0
    assert saved_iteration(state) == 2


@pytest.mark.parametrize(("keys", "status"), [(b"q", 0), (b"\x03", 130)], ids=["q", "Ctrl-C"])
def test_a_key_that_ends_saves(pseudo_terminal, state, keys, status):
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(term)
    term.type(keys)
    assert term.wait() == status and term.modes_restored() and term.screen_restored()
    assert saved_iteration(state) == 2


def test_ctrl_z_suspends_and_coming_back_redraws(pseudo_terminal, state):
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(term)
    mark = len(term.output)
    term.type(b"\x1a")  # Ctrl-Z: a key, since the terminal is raw
    term.wait_until_stopped()
    term.wait_for("\x1b[?1049l", after=mark)  # written before the stop, maybe read after it
    assert term.modes_restored() and term.screen_restored()  # the shell gets its terminal back
    away = len(term.output)
    term.process.send_signal(signal.SIGCONT)  # what fg does
    term.wait_for("alpha: Alpha tames the step", after=away)  # the whole screen again, not just what changes
    term.wait_for("2 steps taken", after=away)
    term.press(b" ")
    term.type(b"q")
    assert term.wait() == 0 and term.modes_restored() and term.screen_restored()
    assert saved_iteration(state) == 3


def test_quitting_after_sigstop_and_sigcont_does_not_hang(pseudo_terminal, state):
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(term)
    term.process.send_signal(signal.SIGSTOP)
    term.wait_until_stopped()
    away = len(term.output)
    term.process.send_signal(signal.SIGCONT)
    term.wait_for("alpha: Alpha tames the step", after=away)  # redrawn: the screen may have been cleared meanwhile
    term.press(b" ")
    term.type(b"q")
    assert term.wait() == 0 and term.modes_restored() and term.screen_restored()
    assert saved_iteration(state) == 3


def full_disk(*argv: str) -> list[str]:
    """`argv` unable to write a byte to any file (ulimit -f 0: writes fail with EFBIG)."""
    return ["sh", "-c", 'ulimit -f 0 && exec "$@"', "sh", *argv]


def test_a_save_on_a_full_disk_is_one_line_and_the_old_save_stays(pseudo_terminal, state):
    first = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(first)
    first.type(b"q")
    assert first.wait() == 0
    path = os.path.join(state["XDG_STATE_HOME"], "gradstep", "session.json")
    old = open(path, "rb").read()
    term = pseudo_terminal(full_disk(GRADSTEP, "--resume"), state)
    term.wait_for("2 steps taken")
    term.press(b" ")
    term.type(b"q")
    assert term.wait() == 1 and term.modes_restored() and term.screen_restored()
    assert term.text_after_the_screen() == [f"gradstep: the session could not be saved: {path}: File too large"]
    assert open(path, "rb").read() == old


def test_a_crash_on_a_full_disk_is_still_one_line(pseudo_terminal, state):
    os.makedirs(os.path.join(state["XDG_STATE_HOME"], "gradstep"), mode=0o700)  # where the report would go
    term = pseudo_terminal(full_disk(sys.executable, "-c", CRASHING_APP), state)
    term.wait_for("Which alpha makes this land in one step?")
    for keys in (b"s", b"\r", b"s", b"\r", b" "):
        term.press(keys)
    term.type(b" ")  # the second step: the panel's bug
    assert term.wait() == 1 and term.modes_restored() and term.screen_restored()
    assert term.text_after_the_screen() == [
        "gradstep: something went wrong (RuntimeError: a bug in the parameters panel); "
        "the details could not be written (File too large)"]
    name = f"-{term.pid}.txt"  # a crash report is named after the process
    for folder in (os.path.join(state["XDG_STATE_HOME"], "gradstep"), tempfile.gettempdir()):
        assert not [entry for entry in os.listdir(folder) if entry.startswith("crash-") and entry.endswith(name)]


def test_a_save_that_cannot_be_renamed_into_place_is_one_line(pseudo_terminal, state):
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(term)
    path = os.path.join(state["XDG_STATE_HOME"], "gradstep", "session.json")
    deadline = time.monotonic() + 10
    while not os.path.exists(path) and time.monotonic() < deadline:  # the two steps kept, a second behind
        time.sleep(0.1)
    os.remove(path)  # nothing changes now until q, so nothing is kept again before it
    os.makedirs(os.path.join(path, "in the way"))  # a folder where the save should go
    term.type(b"q")
    assert term.wait() == 1 and term.modes_restored() and term.screen_restored()
    assert term.text_after_the_screen() == [f"gradstep: the session could not be saved: {path}: Is a directory"]
    assert sorted(os.listdir(os.path.dirname(path))) == ["session.json", "session.lock"]  # no temporary file left


def ignoring(way_out: signal.Signals, *argv: str) -> list[str]:
    """`argv` started with `way_out` ignored, as a script's background job (or a service, or
    a test runner started so) starts its commands; Python then installs no Ctrl-C handler."""
    return ["sh", "-c", f'trap "" {way_out.name.removeprefix("SIG")} && exec "$@"', "sh", *argv]


@pytest.mark.parametrize("inherited", ["default", "ignored"])
@pytest.mark.parametrize(("way_out", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 0), (signal.SIGHUP, 0)],
                         ids=["SIGINT", "SIGTERM", "SIGHUP"])
def test_line_mode_saves_on_every_signal(pseudo_terminal, state, way_out, status, inherited):
    command = [GRADSTEP, "--line", "--lesson", "alpha"]
    term = pseudo_terminal(ignoring(way_out, *command) if inherited == "ignored" else command, state)
    term.wait_for("? ")
    term.type(b"s\ns\n\n\n")  # the lesson's two questions skipped, two steps
    term.wait_for("\n> ", after=term.wait_for("#1->#2: prediction"))  # the prompt, not the "->" of the step's words
    term.process.send_signal(way_out)
    assert term.wait() == status
    assert saved_iteration(state) == 2


PROBLEM = ["--weight", "0.5", "--input", "2", "--goal", "0.8"]  # a fresh start with no question to answer first


@pytest.mark.parametrize("ending", ["full disk", "kill -9"])
def test_a_fresh_start_that_never_saves_loses_nothing(pseudo_terminal, state, ending):
    """The fresh start moved the save aside, then failed to save its own: --resume found nothing."""
    first = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(first)
    first.type(b"q")
    assert first.wait() == 0
    if ending == "full disk":
        fresh = pseudo_terminal(full_disk(GRADSTEP, *PROBLEM), state)
    else:
        fresh = pseudo_terminal([GRADSTEP, *PROBLEM], state)
    fresh.wait_for("press b to go back to it")
    if ending == "full disk":
        fresh.type(b"q")
        assert fresh.wait() == 1 and fresh.text_after_the_screen()[0].endswith("File too large")
    else:
        fresh.process.kill()
        fresh.wait()
    resumed = pseudo_terminal([GRADSTEP, "--resume"], state)
    resumed.wait_for("2 steps taken")
    resumed.type(b"q")
    assert resumed.wait() == 0 and saved_iteration(state) == 2


def test_a_resumed_session_that_crashes_is_set_aside_not_crashed_on_again(pseudo_terminal, state):
    """The save a crash wrote (--alpha 1e308 did it) crashed every --resume after it."""
    first = pseudo_terminal([GRADSTEP, "--lesson", "alpha"], state)
    two_steps(first)
    first.type(b"q")
    assert first.wait() == 0
    crashing = pseudo_terminal([sys.executable, "-c", CRASHING_APP.replace('"--lesson", "alpha"', '"--resume"')],
                               state)  # its panel crashes at iteration 2: at once
    assert crashing.wait() == 1 and crashing.modes_restored()
    said = crashing.text_after_the_screen()
    folder = os.path.join(state["XDG_STATE_HOME"], "gradstep")
    assert said[0].startswith("gradstep: something went wrong; the details are in ")
    assert said[1].startswith("gradstep: the resumed session crashed: its save is kept as session.json.corrupt-")
    assert said[1].endswith(f" in {folder}, and --resume will not open it again") and len(said) == 2
    kept = [name for name in os.listdir(folder) if name.startswith("session.json.corrupt-")]
    assert len(kept) == 1 and load(os.path.join(folder, kept[0]))[0].history.iteration == 2  # the work is kept
    again = pseudo_terminal([GRADSTEP, "--resume"], state)
    again.wait_for("No saved session")
    again.process.send_signal(signal.SIGTERM)
    assert again.wait() == 0
