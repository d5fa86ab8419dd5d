"""Outside text in the app is shown as text: never parsed as markup, never a control character;
and the app's own ways out save (q, Ctrl-C) or say why they could not."""

import errno
import json
import os

import pytest
from gradstep.core.lesson_files import load_lesson_file
from gradstep.core.saving import load, save
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.ending import INTERRUPTED
from gradstep.tui.app.screens.editor import FIELDS, EditorScreen
from gradstep.tui.app.screens.help import HelpScreen
from gradstep.tui.app.screens.lessons import LessonsScreen
from textual import events

from ..helpers import SIZE, app_for, screen_text

MARKUP = ["[/]", "[/bold]", "[b]x[/b]", "[red]x", "[@click=app.quit]q[/]"]


@pytest.mark.slow  # a second test of outside text, beside the everyday lesson file and save tests in this file: in CI
@pytest.mark.parametrize("typed", MARKUP)
async def test_markup_typed_into_the_editor_is_refused_as_text(typed):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        for field in FIELDS:
            editor = app.screen
            editor.query_one(f"#{field}").value = typed
            await pilot.press("enter")
            assert isinstance(app.screen, EditorScreen) and app.is_running
            [(_, refusal, _)] = editor.query_one("#refusal").rows
            assert typed in refusal and typed in screen_text(app)  # shown as typed: not parsed
        await pilot.press("escape")
        assert app.state.session.history.iteration == 0


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_a_paste_with_an_escape_sequence_is_not_taken():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        field = app.screen.query_one("#alpha")
        field.value = ""
        field.post_message(events.Paste("0.5\x1b]0;pwned\x07"))
        await pilot.pause()
        assert "\x1b" not in field.value


HOSTILE_LESSON = """
name = "mine"  # a name is plain (letters, digits, - and _): markup in it is refused
weights = 0.5
inputs = 2.0
goal = 0.8
[en]
title = "[b]bold[/b] [/] \\u001b]0;pwned\\u0007"
summary = "[red]red[/red] \\u202e"
teaches = "[/bold] \\u001b[2J teaches"
notice = "[@click=app.quit]quit[/] \\u001b[?1049l notice"
"""


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(HOSTILE_LESSON)
    return load_lesson_file(path)


def test_a_lesson_file_enters_cleaned(hostile):
    text = hostile.text("en")
    for words in (hostile.name, text.title, text.summary, text.teaches, text.notice):
        assert not any(ord(char) < 32 or 0x7f <= ord(char) <= 0x9f or 0x202a <= ord(char) <= 0x202e for char in words)
    assert text.title == "[b]bold[/b] [/] \\x1b]0;pwned\\x07"


def test_a_save_enters_cleaned(hostile, tmp_path):
    path = tmp_path / "session.json"
    save(Session.begin(hostile), path)
    data = json.loads(path.read_text())
    data["lesson"]["en"]["title"] = "\x1b]0;pwned\x07"  # written by hand, not by gradstep
    path.write_text(json.dumps(data))
    assert load(path)[0].lesson.text("en").title == "\\x1b]0;pwned\\x07"


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_a_lesson_with_markup_shows_it_as_text_everywhere(hostile):
    app = GradstepApp(Session.begin(hostile), extra_lessons=(hostile,))
    async with app.run_test(size=(120, 40)) as pilot:
        assert "[b]bold[/b] [/]" in screen_text(app)  # the status line
        await pilot.press("l", "w")  # the lesson files follow the course's ten lessons
        assert isinstance(app.screen, LessonsScreen)
        listed = screen_text(app)
        assert "mine" in listed and "[b]bold[/b] [/]" in listed and "[red]red[/red]" in listed
        await pilot.press("l", "question_mark")
        assert isinstance(app.screen, HelpScreen) and "[b]bold[/b] [/]" in screen_text(app)
        await pilot.press("question_mark", "space")
        assert "[@click=app.quit]quit[/]" in screen_text(app) and app.is_running


def saving_app(tmp_path, steps: int = 0) -> GradstepApp:
    """The alpha lesson, saving to a file of the test's own."""
    path = tmp_path / "session.json"
    save(Session.begin(app_for().state.session.lesson), path)
    return GradstepApp(load(path)[0], save_path=path)


async def test_ctrl_c_saves_and_ends_as_an_interrupted_program(tmp_path):
    app = saving_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "ctrl+c")
    assert app.return_code == INTERRUPTED and app.saved
    assert load(tmp_path / "session.json")[0].history.iteration == 2


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EROFS])
async def test_a_save_that_fails_is_said_and_the_old_save_stays(tmp_path, monkeypatch, number):
    app = saving_app(tmp_path)
    old = (tmp_path / "session.json").read_bytes()

    def fails(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr("gradstep.core.saving.os.fsync", fails)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "q")
    assert not app.saved and app.save_error == f"{tmp_path / 'session.json'}: {os.strerror(number)}"
    assert (tmp_path / "session.json").read_bytes() == old and os.listdir(tmp_path) == ["session.json"]
