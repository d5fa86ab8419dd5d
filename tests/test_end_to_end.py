"""The installed `gradstep` command in a real terminal: the test that catches a broken
entry point, a stylesheet missing from the package, or a locale problem."""

from .terminal import GRADSTEP, terminal  # noqa: F401  (terminal is a fixture)


def test_three_steps_of_alpha_read_off_the_screen(terminal, tmp_path):
    term = terminal([GRADSTEP, "--lesson", "alpha"], cwd=str(tmp_path))
    term.wait_for("alpha: Alpha tames the step")
    for iteration in (1, 2, 3):
        term.press("Space")
        screen = term.wait_for(f"Parameters: iteration {iteration}")
    log = [line.split() for line in screen.splitlines()]
    errors = [row[3] for row in log if len(row) > 3 and row[0] in ("0", "1", "2")]
    assert errors[:3] == ["0.04", "0.0144", "0.005184"]
    term.press("q")
    assert term.wait_for_exit() == 0
