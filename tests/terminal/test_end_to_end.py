"""The installed `gradstep` command in a real terminal: the test that catches a broken
entry point, a stylesheet missing from the package, or a locale problem."""

import os
import pty
import signal
import subprocess
import time

from ..app.test_output import screen
from .tmux import GRADSTEP, taken, three_alpha_steps


def test_three_steps_of_alpha_read_off_the_screen(terminal, tmp_path):
    term = terminal([GRADSTEP, "--lesson", "alpha"], cwd=str(tmp_path))
    assert three_alpha_steps(term) == ["0.04", "0.0144", "0.005184"]
    term.press("q")
    assert term.wait_for_exit() == 0


def test_lang_c_on_a_16_colour_xterm_is_pure_ascii_and_shows_the_chart(terminal, tmp_path):
    term = terminal([GRADSTEP, "--lesson", "error-curve"], env={"LANG": "C", "TERM": "xterm"}, cwd=str(tmp_path))
    term.past_questions("Walking down the error curve")
    term.press("Space")
    screen = term.wait_for(taken(1))
    assert {char for char in screen if ord(char) > 126} == set()
    assert "+---" in screen and "@" in screen and "Error vs weight" in screen  # the chart, framed in ASCII
    colours = term.run("capture-pane", "-p", "-e", "-t", "main")
    assert "38;5;" not in colours and "38;2;" not in colours  # 16 colours only, as TERM=xterm says
    assert "\x1b[" in colours  # but colours nonetheless


def test_term_dumb_gets_plain_lines_with_the_lessons_numbers(tmp_path):
    environment = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "TERM": "dumb", "LANG": "C.UTF-8"}
    controller, terminal_end = pty.openpty()  # a real terminal, that says it is dumb
    process = subprocess.Popen([GRADSTEP, "--lesson", "alpha"], stdin=terminal_end, stdout=terminal_end,
                               stderr=terminal_end, env=environment, close_fds=True)
    os.close(terminal_end)
    os.write(controller, b"s\ns\n\n\n\nq\n")  # the lesson's two questions skipped, then three steps
    output = b""
    while chunk := _read(controller):
        output += chunk
    process.wait(timeout=20)
    assert b"\x1b" not in output
    text = output.decode()
    for error in ("0.04", "0.0144", "0.005184"):
        assert f" {error} " in text
    assert "r = 1 - 0.1 x 2^2 = 0.6" in text and "weight = 0.5 - 0.1 x 0.4 = 0.46" in text


def _read(descriptor: int) -> bytes:
    try:
        return os.read(descriptor, 4096)
    except OSError:  # EIO: the other end closed
        return b""


def test_a_hang_up_mid_lesson_then_resume_gives_back_the_same_place(terminal, tmp_path):
    state = {"XDG_STATE_HOME": str(tmp_path / "state")}
    first = terminal([GRADSTEP, "--lesson", "alpha"], env=state)
    first.past_questions("alpha: Alpha tames the step")
    for iteration in (1, 2, 3, 4):
        first.press("Space")
        first.wait_for(taken(iteration))
    os.kill(first.pid(), signal.SIGHUP)
    assert first.wait_for_exit() == 0
    again = terminal([GRADSTEP, "--resume"], env=state)
    screen = again.wait_for(taken(4))
    assert "weight     0.41296" in screen and "alpha: Alpha tames the step" in screen
    again.press("q")
    assert again.wait_for_exit() == 0


def test_a_resized_window_shows_what_a_window_started_at_that_size_shows(terminal, tmp_path):
    """The driver leaves out what the terminal already shows (tui/app/output.py); a resize
    makes it forget that, and Textual paints every cell again: stepped, grown and shrunk,
    the window shows in every cell what one started at its size shows, each character in
    its attributes and each blank in its background (read by tests/app's small terminal;
    -N keeps a row's trailing blanks, which tmux otherwise drops when their attributes
    match, a blank's colour of text included, which no one sees)."""
    stepped = terminal([GRADSTEP, "--lesson", "alpha"], cwd=str(tmp_path))
    three_alpha_steps(stepped)
    for size, steps in (((100, 30), 4), ((80, 24), 5)):
        stepped.run("resize-window", "-t", "main", "-x", str(size[0]), "-y", str(size[1]))
        stepped.press("Space")
        stepped.wait_for(taken(steps))
    fresh = terminal([GRADSTEP, "--lesson", "alpha"], cwd=str(tmp_path))
    three_alpha_steps(fresh)
    fresh.press("Space", "Space")
    fresh.wait_for(taken(5))
    for _ in range(50):  # a frame may still be on its way
        if picture(stepped) == picture(fresh):
            break
        time.sleep(0.1)
    assert picture(stepped) == picture(fresh)


def picture(term) -> dict:
    """Every cell of the window as it looks."""
    rows = term.run("capture-pane", "-p", "-e", "-N", "-t", "main").split("\n")
    return screen("".join(f"\x1b[{y + 1};1H{row}" for y, row in enumerate(rows)))[0]  # attributes run on


def test_ctrl_l_draws_again_what_something_else_wrote_over(terminal, tmp_path):
    """The driver sends only the cells it believes changed, so a line another program wrote
    on the terminal (a `wall` message) stayed where the app's cells did not change; Ctrl-L
    draws every cell again, as in any terminal program."""
    term = terminal([GRADSTEP, "--lesson", "alpha"], cwd=str(tmp_path))
    three_alpha_steps(term)
    before = picture(term)
    tty = term.run("display-message", "-p", "-t", "main", "#{pane_tty}").strip()
    with open(tty, "w") as written_over:
        written_over.write("\x1b[5;3HBroadcast message from root: the lab closes at six")
    term.wait_for("Broadcast message")
    term.press("Space", "b")  # a step and back: the same picture, so no cell is sent again
    term.wait_for(taken(3))
    time.sleep(0.5)
    assert "Broadcast message" in term.screen()
    term.press("C-l")
    for _ in range(50):
        if picture(term) == before:
            break
        time.sleep(0.1)
    assert picture(term) == before
