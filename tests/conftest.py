"""Shared test helpers: the reference figures and a way to run the command in-process."""

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from gradstep.tui.__main__ import main

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
