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

GRADSTEP = str(Path(sys.executable).with_name("gradstep"))  # the console script pip installed


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
        self.config = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
        self.config.write("set -g remain-on-exit on\nset -g status off\n")
        self.config.close()
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", **(env or {})}
        settings = [f"{name}={value}" for name, value in environment.items()]
        # env -i: the command sees only what the test gives it, like a fresh login.
        shell_command = " ".join(
            ["env", "-i", f"PATH={os.environ['PATH']}", f"HOME={os.environ.get('HOME', '/tmp')}",
             *settings, *map(_quote, command)])
        self.run("new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), "-s", "main",
                 *(["-c", cwd] if cwd else []), shell_command)

    def run(self, *args: str) -> str:
        command = [self.tmux, "-L", self.socket, "-f", self.config.name, *args]
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

    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "main", "#{pane_pid}").strip())

    def close(self) -> None:
        self.run("kill-server")
        os.unlink(self.config.name)


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


@pytest.fixture
def terminal():
    """Terminals opened by a test, all closed when it ends."""
    opened: list[Terminal] = []

    def open_terminal(*args, **kwargs) -> Terminal:
        opened.append(Terminal(*args, **kwargs))
        return opened[-1]

    yield open_terminal
    for term in opened:
        term.close()
