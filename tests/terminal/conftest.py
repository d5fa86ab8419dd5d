"""The real-terminal tier's fixtures: tmux windows, bare pseudo-terminals and a private SSH server."""

import pytest

from .pseudo_terminal import PseudoTerminal
from .sshd import ssh_server  # noqa: F401  (a fixture, defined beside the server it starts)
from .tmux import Terminal


def _closed_after(kind):
    """A function that opens a `kind` (its arguments are kind's), and, once the test ends,
    every one it opened closed."""
    opened = []

    def open_one(*args, **kwargs):
        opened.append(kind(*args, **kwargs))
        return opened[-1]

    yield open_one
    for one in opened:
        one.close()


@pytest.fixture
def terminal():
    """tmux windows opened by a test, all closed when it ends."""
    yield from _closed_after(Terminal)


@pytest.fixture
def pseudo_terminal():
    """Programs on pseudo-terminals of their own (raw bytes, real hang-ups), all ended after the test."""
    yield from _closed_after(PseudoTerminal)
