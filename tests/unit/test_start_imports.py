"""What a plain lesson session holds: each student's process on a shared classroom machine
costs memory for every module it imported, so what a plain session does not need at its
start (a hand-in, an export, the other language, the line mode, hashing) is imported when
it is first used. The classroom benchmark (tests/benchmarks/classroom.py) measures the sum;
this test keeps the modules it depends on from coming back one import at a time."""

import ast
import subprocess
import sys

import pytest

# The command's own start, then the app as the command runs it: a lesson, a key, its frame.
SCRIPT = """
import asyncio, sys
from gradstep.tui.command.launch import launch
from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.words.catalogue import SENTENCES

async def session():
    app = GradstepApp(Session.begin(find_lesson("alpha")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.pause()

asyncio.run(session())
print(repr((sorted(sys.modules), sorted(SENTENCES))))
"""

# Each with the reason it is not needed until later.
NOT_AT_START = {
    "hashlib": "the run's id comes from os.urandom; digests are for the teacher's commands",
    "secrets": "the same",
    "gradstep.tui.files.hand_in": "only --hand-in, or a hand-in a killed run left, needs it (launch.py)",
    "gradstep.tui.files.pending": "the same",
    "gradstep.core.schema": "the hand-in's columns",
    "gradstep.core.earlier_schema": "a hand-in left by an earlier version",
    "csv": "an export or a hand-in writes CSV; the app's log only lays out rows",
    "gradstep.core.replay": "only a save read back (--resume, or a fresh start over a save) replays its run",
    "numpy.typing": "the array types are spelled with NumPy's own classes (core/arrays.py)",
}


@pytest.mark.slow  # a fresh interpreter, beside the everyday one that does (test_import_hygiene): in CI
def test_a_plain_session_imports_only_what_it_uses():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    modules, languages = ast.literal_eval(done.stdout.splitlines()[-1])
    assert sorted(set(NOT_AT_START) & set(modules)) == []
    assert languages == ["en"]  # Chinese is read when g switches to it (or --lang zh asks for it)
