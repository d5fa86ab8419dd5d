"""A real terminal for end-to-end tests: tmux running the installed `gradstep` command.

Each Terminal gets its own tmux server (a private socket), so tests never touch a
developer's sessions. In CI (GRADSTEP_REQUIRE_TERMINAL_TESTS=1) a missing tmux fails
the test instead of skipping it.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from ..helpers import taken

GRADSTEP = str(Path(sys.executable).with_name("gradstep"))  # the console script pip installed


def three_alpha_steps(term: "Terminal") -> list[str]:
    """Wait for the alpha lesson, press space three times, and read the errors it logged."""
    term.wait_for("alpha: Alpha tames the step")
    for steps in (1, 2, 3):
        term.press("Space")
        screen = term.wait_for(taken(steps))
    rows = [line.split() for line in screen.splitlines()]
    return [row[3] for row in rows if len(row) > 3 and row[0] in ("0", "1", "2") and _numbers(row[1:4])]


def _numbers(cells: list[str]) -> bool:
    """Whether every cell reads as a number: a log row, not a line of the lesson's words."""
    try:
        [float(cell) for cell in cells]
    except ValueError:
        return False
    return True


def require(tool: str) -> str:
    """The path of `tool`, or a skip (a failure in CI) naming what to install."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (.ci/run installs it)"
        if os.environ.get("GRADSTEP_REQUIRE_TERMINAL_TESTS"):
            pytest.fail(message)
        pytest.skip(message)
    return path


class Terminal:
    """A tmux window of a given size running one command."""

    def __init__(self, command: list[str], size=(80, 24), env: dict[str, str] | None = None,
                 cwd: str | None = None) -> None:
        self.tmux = require("tmux")
        self.socket = f"gradstep-test-{uuid.uuid4().hex[:8]}"
        # Our own config: none of the developer's, and a finished command leaves its pane
        # behind ("Pane is dead") so a test can see that it ended.
        self.folder = Path(tempfile.mkdtemp(prefix="gradstep-terminal-"))
        self.config = self.folder / "tmux.conf"
        self.config.write_text("set -g remain-on-exit on\nset -g status off\n")
        self.status_file = self.folder / "status"
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", **(env or {})}
        settings = [f"{name}={value}" for name, value in environment.items()]
        # env -i: the command sees only what the test gives it, like a fresh login. The shell
        # around it writes its exit status to a file: tmux 3.3 is slow to notice a pane died.
        run_command = " ".join(["env", "-i", f"PATH={os.environ['PATH']}", f"HOME={self.folder}",
                                *settings, *map(_quote, command)])
        shell_command = f"sh -c {_quote(f'{run_command}; echo $? > {self.status_file}')}"
        self.run("new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), "-s", "main",
                 *(["-c", cwd] if cwd else []), shell_command)

    def run(self, *args: str) -> str:
        command = [self.tmux, "-L", self.socket, "-f", str(self.config), *args]
        done = subprocess.run(command, capture_output=True, text=True)
        return done.stdout

    def screen(self) -> str:
        """The visible screen as text, one line a row."""
        return self.run("capture-pane", "-p", "-t", "main")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "main", key)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """The screen once it shows `text`; fails with the last screen if it never does."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)

    def wait_for_exit(self, timeout: float = 20.0) -> int:
        """The command's exit status, once it has ended."""
        deadline = time.monotonic() + timeout
        while not self.status_file.exists() or not self.status_file.read_text().strip():
            if time.monotonic() > deadline:
                pytest.fail(f"the command did not end; the screen was:\n{self.screen()}")
            time.sleep(0.1)
        return int(self.status_file.read_text())

    def pid(self) -> int:
        """The command's process (a child of the shell that records its status)."""
        shell = self.run("display-message", "-p", "-t", "main", "#{pane_pid}").strip()
        deadline = time.monotonic() + 10
        while not (children := subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()):
            if time.monotonic() > deadline:
                pytest.fail("the command never started")
            time.sleep(0.05)
        return int(children[0])

    def close(self) -> None:
        self.run("kill-server")
        shutil.rmtree(self.folder, ignore_errors=True)


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"
