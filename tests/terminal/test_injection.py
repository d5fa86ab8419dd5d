"""No escape sequence from a lesson file or a save reaches the terminal, through any front end.

A hostile lesson carries, in every text field, sequences that retitle the terminal, clear
it, leave the alternate screen, write to the clipboard, hide the cursor, colour it and
reverse it (a name holding one is refused, and quoted escaped). The raw bytes of each front end are scanned: the app (on a pty of
its own, so nothing is interpreted before the scan), line mode, `gradstep run` in every
format, `gradstep lessons`, the error lines, and a resumed save.
"""

import json
import os
import re
import subprocess

import pytest

from .tmux import GRADSTEP

HOSTILE = r"""
weights = 0.5
inputs = 2.0
goal = 0.8
tutorial_steps = 3
[en]
title = "T\u001b]0;pwned-title\u0007"
summary = "S\u001b]52;c;cHduZWQ=\u0007 \u202e"
teaches = "A\u001b[2JB \u009b2J C\u001b[?1049lD"
notice = "N\u0007\u001b[?25l\u001b[31mred"
"""
# What must never be written: Textual writes escape sequences of its own, but none of these.
NEVER = [b"\x1b]0;pwned", b"\x1b]52;", b"A\x1b[2JB", b"\xc2\x9b", b"C\x1b[?1049lD", b"N\x07", b"\x1b[?25l\x1b[31mred",
         b"\xe2\x80\xae", b"pwned-title\x07", b"pwned-name\x07"]
# In plain output, nothing of the kind at all: control characters but the newline, DEL, C1, bidi.
CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE)
    return path


def environment(tmp_path) -> dict[str, str]:
    return {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8", "TERM": "dumb"}


def run(tmp_path, *argv: str, keys: str = "") -> bytes:
    """Everything `gradstep argv` writes, stdout and stderr together."""
    done = subprocess.run([GRADSTEP, *argv], input=keys.encode(), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, env=environment(tmp_path), timeout=60)
    return done.stdout


def assert_plain(output: bytes) -> None:
    found = CONTROL.search(output)
    around = output[max(0, found.start() - 60):found.end() + 20] if found else b""
    assert found is None, f"{found.group()!r} at {found.start()}: {around!r}"
    for sequence in NEVER:
        assert sequence not in output


def test_line_mode_shows_the_lesson_escaped(tmp_path, hostile):
    output = run(tmp_path, "--line", "--lesson-file", str(hostile), keys="\n\n\nq\n")
    assert_plain(output)
    assert b"hostile: T\\x1b]0;pwned-title\\x07" in output  # shown, made visible


@pytest.mark.parametrize("format", ["text", "csv", "jsonl"])
def test_gradstep_run_writes_nothing_raw(tmp_path, hostile, format):
    assert_plain(run(tmp_path, "run", "--lesson-file", str(hostile), "--format", format))


def test_gradstep_lessons_writes_nothing_raw(tmp_path):
    for language in ("en", "zh"):
        assert_plain(run(tmp_path, "lessons", "--lang", language))


ERRORS = {
    "a name": 'name = "evil\\u001b]0;pwned-name\\u0007"\nweights = 1\ninputs = 1\ngoal = 0\n',
    "a key": 'weights = 1\ninputs = 1\ngoal = 0\n"k\\u001b]0;pwned-key\\u0007" = 1\n',
    "a value": 'weights = 1\ninputs = 1\ngoal = "\\u001b]0;pwned-value\\u0007"\n',
    "a rule": 'weights = 1\ninputs = 1\ngoal = 0\nmethod = "\\u001b[2J"\n',
    "a table": 'weights = 1\ninputs = 1\ngoal = 0\n[en]\ntitle = 1\n"\\u001b[2J" = 2\n',
}


@pytest.mark.parametrize("content", ERRORS.values(), ids=ERRORS.keys())
def test_an_error_line_quotes_outside_text_escaped(tmp_path, content):
    path = tmp_path / "lesson.toml"
    path.write_text(content)
    for command in (["run"], ["--line"]):
        output = run(tmp_path, *command, "--lesson-file", str(path))
        assert_plain(output)
        assert output.count(b"\n") == 1 and b"\\x1b" in output


def test_names_given_on_the_command_line_are_quoted_escaped(tmp_path):
    strange = tmp_path / "les\x1b]0;pwned\x07son.toml"
    strange.write_text("weights = 1\ninputs = 1\n")  # no goal: an error naming the file
    for argv in (["run", "--lesson-file", str(strange)], ["run", "--lesson", "x\x1b[2Jy"],
                 ["--session", "a\x1b]0;pwned\x07"], ["run", "--weight", "1\x1b[2J", "--input", "1", "--goal", "0"],
                 ["run", "--lesson", "alpha", "--method", "\x1b]0;pwned\x07"]):
        output = run(tmp_path, *argv)
        assert_plain(output)
        assert output.count(b"\n") == 1, output


def hostile_save(tmp_path, hostile) -> None:
    """A save of the hostile lesson, written by gradstep and then edited by hand."""
    run(tmp_path, "--line", "--lesson-file", str(hostile), keys="q\n")  # at iteration 0, as a fresh start
    path = tmp_path / "state" / "gradstep" / "session.json"
    data = json.loads(path.read_text())
    data["lesson"]["en"]["title"] = "T\x1b]0;pwned-title\x07"  # raw, as gradstep never writes it
    path.write_text(json.dumps(data))


def test_a_resumed_save_shows_nothing_raw(tmp_path, hostile):
    hostile_save(tmp_path, hostile)
    output = run(tmp_path, "--line", "--resume", keys="0\nq\n")  # 0: back to the lesson's words
    assert_plain(output)
    assert b"T\\x1b]0;pwned-title\\x07" in output


@pytest.mark.parametrize("resume", [False, True], ids=["lesson file", "resumed save"])
def test_the_app_writes_none_of_it(pseudo_terminal, tmp_path, hostile, resume):
    if resume:
        hostile_save(tmp_path, hostile)
    argv = [GRADSTEP, "--resume"] if resume else [GRADSTEP, "--lesson-file", str(hostile)]
    term = pseudo_terminal(argv, {"XDG_STATE_HOME": str(tmp_path / "state"), "HOME": str(tmp_path)},
                           size=(120, 60))  # room for every lesson's summary in the list
    term.wait_for("T\\x1b]0;pwned-title\\x07")  # the status line: shown, made visible
    for key, shown in ((b"l", b""), (b"w", b"S\\x1b]52;c;cHduZWQ=\\x07"), (b"l", b""), (b"?", b"C\\x1b[?1049lD"),
                       (b"?", b""), (b" ", b""), (b" ", b"")):  # the list (its 11th lesson on w's page) and the help
                                                                # show it escaped; two steps
        mark = len(term.output)
        term.type(key)
        term.settle(after=mark)
        assert shown in term.output[mark:]
    term.type(b"q")
    assert term.wait() == 0
    saved = json.loads((tmp_path / "state" / "gradstep" / "session.json").read_text())
    assert saved["iteration"] == 2  # every key was taken
    for sequence in NEVER:
        assert sequence not in term.output, sequence
