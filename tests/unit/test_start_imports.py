"""What a plain lesson session holds: each student's process on a shared classroom machine
costs memory for every module it imported, so what a plain session does not need at its
start (a hand-in, an export, the other language, the line mode, hashing) is imported when
it is first used. The classroom benchmark (tests/benchmarks/classroom.py) measures the sum;
this test keeps the modules it depends on from coming back one import at a time."""

import ast
import subprocess
import sys

import pytest
from gradstep.core import courses
from gradstep.core.history import History
from gradstep.core.lesson_files import load_lesson_file
from gradstep.tui.command.flags import clashes
from gradstep.tui.words.prose import tutorial_end

from .test_teacher_lessons import lesson_file

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
print(repr((sorted(sys.modules), sorted(SENTENCES), len(SENTENCES["en"]._said))))
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
    "gradstep.core.formats": "the files' writers and the text table; the app's log takes a row's values from row_values",
    "gradstep.core.progress": "the progress file a hand-in writes for the teacher's desk",
    "shlex": "it quotes the path in the resume line, said as the session ends",
}


@pytest.mark.slow  # a fresh interpreter, beside the everyday one that does (test_import_hygiene): in CI
def test_a_plain_session_imports_only_what_it_uses():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    modules, languages, said = ast.literal_eval(done.stdout.splitlines()[-1])
    assert sorted(set(NOT_AT_START) & set(modules)) == []
    assert languages == ["en"]  # Chinese is read when g switches to it (or --lang zh asks for it)
    assert said < 100  # of some 660 sentences: each parsed when first said, not the whole file held


def test_a_lesson_file_or_a_tutorial_s_end_reads_no_course_lesson(tmp_path):
    """A start with --lesson-file asks whether its name clashes with a built-in lesson's,
    and a course lesson's tutorial end asks whether it is the last one: both need the
    names only, and the course parsed would be held by every student's process."""
    courses._course_file.cache_clear()
    courses.course.cache_clear()
    mine, clash = (load_lesson_file(lesson_file(tmp_path, f"{name}.toml", name)) for name in ("mine", "alpha"))
    assert [error.values["name"] for error in clashes((mine, clash))] == ["alpha"]
    alpha = courses.find_lesson("alpha")
    history = History.start(alpha.problem).jump(alpha.tutorial_steps)
    assert tutorial_end(alpha, history, "en")  # the tutorial's run ends here
    assert courses._course_file.cache_info().currsize == 1  # alpha's own file, no other


# Textual imported as the command imports it, then whatever was frozen with it that no one holds.
FROZEN = """
import gc
from gradstep.tui.command.launch import launch
from gradstep.tui.command.runners import frozen_app_class

frozen_app_class()
gc.unfreeze()
gc.set_debug(gc.DEBUG_SAVEALL)
gc.collect()
print(len(gc.garbage))
"""


@pytest.mark.slow  # a fresh interpreter, as above
def test_what_the_app_s_import_freezes_is_not_garbage():
    """Frozen objects are never collected: garbage frozen with Textual's import would be held
    by every student's process for the whole session (asyncio's import left 90 objects)."""
    done = subprocess.run([sys.executable, "-c", FROZEN], capture_output=True, text=True, check=True)
    assert int(done.stdout.splitlines()[-1]) < 20
