"""Shared test helpers: the reference figures and a way to run the command in-process."""

import importlib
import io
import json
import os
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from gradstep.tui.__main__ import main


def _scrub_environment() -> None:
    """Forget the runner's colour and Textual settings, so screens do not depend on who tests.

    pytest-textual-snapshot imports Textual before this file, and Textual reads TEXTUAL_*
    when it is imported: after scrubbing, its constants are read again.
    """
    for name in list(os.environ):
        if name.startswith("TEXTUAL_") or name in ("NO_COLOR", "FORCE_COLOR", "COLORTERM"):
            del os.environ[name]
    import textual.constants

    importlib.reload(textual.constants)


_scrub_environment()

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def reference() -> dict:
    """seed-reference.json, copied from the course spec: the tutorial's own figures."""
    return json.loads((DATA / "seed-reference.json").read_text())


@dataclass
class Result:
    status: int
    out: str
    err: str


def gradstep(*argv: str) -> Result:
    """Run the `gradstep` command in this process and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exit:  # argparse exits on a bad flag
            status = exit.code
    return Result(status, out.getvalue(), err.getvalue())
