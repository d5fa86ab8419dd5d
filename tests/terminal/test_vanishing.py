"""A terminal that goes away ends gradstep, SIGHUP or not: saved, handed in, gone within
2 seconds, and never spinning meanwhile.

Under `su -c` (or setsid, or a wrapper that keeps SIGHUP to itself) a closed window sends
no signal: gradstep once stayed on the dead terminal at most of a core, holding the
session's lock, nothing saved or handed in. Each way a terminal can vanish is tried here:
its other end closed with SIGHUP blocked, or while it is not gradstep's controlling
terminal; tmux killing the session of a command started with setsid; the input at its end.
"""

import os
import signal
import subprocess
import time

import pytest
from gradstep.core.saving import load

from .tmux import GRADSTEP

WITHIN = 2.0  # seconds from the terminal's end to gradstep's
CPU_MOST = WITHIN / 2  # CPU seconds, at most, from the terminal's end to gradstep's: no spinning on the way


def cpu_seconds(pid: int) -> float | None:
    """The CPU time `pid` has used, or None once it has ended (gone, or a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    if fields[0] == "Z":
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def watch_the_end(pid: int, vanish) -> None:
    """Make the terminal vanish (`vanish()`), then check that `pid` ends within WITHIN seconds
    and uses little CPU meanwhile."""
    before = cpu_seconds(pid)
    since = time.monotonic()
    vanish()
    used = 0.0
    while (now := cpu_seconds(pid)) is not None:
        used = now - before
        waited = time.monotonic() - since
        assert waited < WITHIN, f"still running {waited:.1f} s after its terminal went, using {used:.2f} s of CPU"
        time.sleep(0.02)
    assert used <= CPU_MOST, f"{used:.2f} s of CPU in {time.monotonic() - since:.2f} s"


def saved_and_handed_in(state, hand_in) -> tuple[int, int]:
    """The saved session's iteration, and how many logs of the lesson were handed in."""
    saved = load(state / "gradstep" / "session.json")[0].history.iteration
    return saved, len(list(hand_in.glob("*-alpha-*.csv")))


@pytest.fixture
def places(tmp_path):
    hand_in = tmp_path / "hand-in"
    hand_in.mkdir()
    return tmp_path / "state", hand_in


@pytest.mark.parametrize("hang_up", ["blocked", "unsignalled"])
@pytest.mark.parametrize("screen", ["full screen", "line mode"])
def test_a_closed_terminal_ends_gradstep_without_a_sighup(pseudo_terminal, places, hang_up, screen):
    state, hand_in = places
    line_mode = ["--line"] if screen == "line mode" else []
    term = pseudo_terminal([GRADSTEP, *line_mode, "--lesson", "alpha", "--hand-in", str(hand_in)],
                           {"XDG_STATE_HOME": str(state), "HOME": str(state)}, hang_up=hang_up)
    if line_mode:
        term.wait_for("? ")
        term.type(b"s\ns\n\n\n")  # the lesson's two questions skipped, two steps
        term.wait_for("\n> ", after=term.wait_for("#1->#2: prediction"))
    else:
        term.wait_for("Which alpha makes this land in one step?")
        for keys in (b"s", b"\r", b"s", b"\r", b" ", b" "):
            term.press(keys)
    watch_the_end(term.pid, term.hang_up)
    assert term.wait() == 0
    assert saved_and_handed_in(state, hand_in) == (2, 1)


def test_tmux_killing_a_session_started_with_setsid_ends_gradstep(terminal, places):
    state, hand_in = places
    term = terminal(["setsid", GRADSTEP, "--lesson", "alpha", "--hand-in", str(hand_in)],
                    env={"XDG_STATE_HOME": str(state)})
    term.past_questions("alpha: Alpha tames the step")
    term.press("Space")
    term.wait_for("1 step taken")
    watch_the_end(term.pid(), lambda: term.run("kill-session", "-t", "main"))
    assert saved_and_handed_in(state, hand_in) == (1, 1)


def test_a_hang_up_on_a_link_that_went_silent_ends_within_the_time_too(pseudo_terminal, places):
    """sshd's SIGHUP after the link stalled: every write to the terminal blocks, so the clean
    way out cannot finish; the session is saved at once and the process still goes in time."""
    state, hand_in = places
    term = pseudo_terminal([GRADSTEP, "--lesson", "alpha", "--hand-in", str(hand_in)],
                           {"XDG_STATE_HOME": str(state), "HOME": str(state)})
    term.wait_for("Which alpha makes this land in one step?")
    for keys in (b"s", b"\r", b"s", b"\r", b" "):
        term.press(keys)
    term.stop_reading()
    for turn in range(60):  # whole screens, each a few KB, until the terminal takes no more
        term.resize((80 + turn % 2, 24))
        time.sleep(0.05)
    watch_the_end(term.pid, lambda: term.process.send_signal(signal.SIGHUP))
    assert saved_and_handed_in(state, hand_in) == (1, 1)


def test_the_teachers_desk_ends_when_its_terminal_goes(pseudo_terminal, tmp_path):
    """gradstep class --watch has nothing to save, but it read on at a fifth of a core."""
    term = pseudo_terminal([GRADSTEP, "class", str(tmp_path), "--watch"], {"HOME": str(tmp_path)},
                           hang_up="unsignalled")
    term.wait_for("questions")  # the desk is drawn
    watch_the_end(term.pid, term.hang_up)
    assert term.wait() == 0


def test_full_screen_on_input_that_has_ended_saves_and_ends(tmp_path):
    """--full-screen with its input at its end from the start (< /dev/null): Textual's driver
    read nothing ten thousand times a second; the end of input is a hang-up."""
    controller, terminal = os.openpty()
    process = subprocess.Popen([GRADSTEP, "--full-screen", "--lesson", "alpha"], stdin=subprocess.DEVNULL,
                               stdout=terminal, stderr=terminal, start_new_session=True,
                               env={"PATH": os.environ["PATH"], "TERM": "xterm-256color", "LANG": "C.UTF-8",
                                    "XDG_STATE_HOME": str(tmp_path)})
    try:
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
        os.close(terminal)
    assert load(tmp_path / "gradstep" / "session.json")[0].lesson.name == "alpha"
