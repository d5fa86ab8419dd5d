"""The real-terminal tier's fixtures: tmux windows and a private SSH server."""

import pytest

from .sshd import ssh_server  # noqa: F401  (a fixture, defined beside the server it starts)
from .tmux import Terminal


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
