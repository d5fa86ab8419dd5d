"""Keys read together act as the same keys typed one at a time, on every screen.

Over SSH several keys often arrive in one read, and the App has them all queued before it
handles the first. Each case here is a burst that lost keys: Backspace overtaken by the
key behind it, keys that reached a screen before it was ready, or one that was closing.
"""

import pytest
from gradstep.core.questions import RIGHT
from gradstep.tui.app.screens.ask import QuestionScreen
from gradstep.tui.app.screens.editor import EditorScreen
from textual.widgets import Input

from ..helpers import SIZE, app_for, press_at_once, screen_text, settle


def weights_field(app) -> str:
    return app.screen.query_one("#weights", Input).value


@pytest.mark.slow  # beside the everyday keys read together (a question's here, the driver's in test_frames): in CI
async def test_backspace_and_the_key_after_it_read_together_in_the_editor():
    """Backspace, "4" stayed "3": Input types a character itself, but its Backspace binding
    ran only once the key had come back up to the App, after the "4"."""
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "3")  # the field's text is selected when the form opens: "3" replaces it
        await press_at_once(pilot, "backspace", "4")
        await settle(pilot)
        assert weights_field(app) == "4"
        await press_at_once(pilot, "8", "backspace", "9")
        await settle(pilot)
        assert weights_field(app) == "49"


@pytest.mark.slow  # beside the everyday keys read together (the editor's, a question's): in CI
async def test_enter_that_closes_the_editor_and_a_step_read_together():
    """The space went to the editor's field while the form was still closing."""
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await press_at_once(pilot, "enter", "space")
        await settle(pilot)
        assert not isinstance(app.screen, EditorScreen)
        assert app.state.session.history.iteration == 1


@pytest.mark.slow  # a second test of keys read together, beside the everyday test_frames: in CI
async def test_an_answer_typed_as_its_question_opens():
    """The step opens the question; the answer read with it reached the screen before its
    answer box was there, and Enter then found the box empty."""
    app = app_for("error-curve", questions=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter", "space")  # the question before the lesson skipped; iteration 1
        await press_at_once(pilot, "space", *"0.5625", "enter")  # the question of iteration 2, answered
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and "Right." in " ".join(_screen_words(app))
        await press_at_once(pilot, "enter", "space")  # closed, and the lesson steps on
        await settle(pilot)
        assert [answer.result for answer in app.state.session.answers][-1] == RIGHT
        assert app.state.session.history.iteration == 3


@pytest.mark.slow  # beside the everyday keys read together (an answer typed as its question opens): in CI
@pytest.mark.parametrize("at_once", [True, False])
async def test_a_space_behind_the_step_that_opened_a_question_is_not_typed_in_its_box(at_once):
    """Lesson 4: the second space of a burst went into the answer box, the placeholder
    went, and the answer read " ０.７５". A student who holds space to step means steps,
    not a space before a number: a space where the box has nothing before the cursor is
    not typed (nor a Chinese input method's full-width one); the answer after it is."""
    app = app_for("error-curve", questions=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter", "space")  # the question before the lesson skipped; iteration 1
        if at_once:
            await press_at_once(pilot, "space", "space", "　")  # the step that asks, two more spaces
        else:
            await pilot.press("space", "space", "　")
        await settle(pilot)
        box = app.screen.query_one("#answer", Input)
        assert isinstance(app.screen, QuestionScreen) and box.value == ""
        assert box.placeholder in screen_text(app)
        await press_at_once(pilot, *"0.5625", "space", "enter")  # a space after the number is the student's
        await settle(pilot)
        assert "Right." in " ".join(_screen_words(app))


@pytest.mark.slow  # beside the everyday keys read together (the editor's, a question's): in CI
async def test_an_answer_typed_with_the_key_that_chose_its_lesson():
    """Choosing hot-cold asks its first question at once, from the list's callback: the
    answer read with the choice went to the lesson before the question was open."""
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await press_at_once(pilot, "2", "3", "enter", "enter")  # answered, and closed: the next question opens
        await settle(pilot)
        assert app.state.session.lesson.name == "hot-cold" and isinstance(app.screen, QuestionScreen)
        assert [(answer.result, answer.given) for answer in app.state.session.answers] == [(RIGHT, 3)]


def _screen_words(app) -> list[str]:
    from ..helpers import screen_text

    return screen_text(app).split()



@pytest.mark.parametrize("at_once", [True, pytest.param(False, marks=pytest.mark.slow)])  # the second: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_spaces_behind_the_step_that_opened_a_question_are_counted_aloud_not_lost(language, at_once):
    """Lesson 4 over a slow link: five spaces read together ran two steps, the question opened
    with an empty box, and the spaces behind it vanished without a word. The question stops
    the run (as it stops play): the spaces do not step, and the box says so, counting them,
    read together or one at a time alike; the answer typed after them is taken."""
    from gradstep.tui.words.say import say

    app = app_for("error-curve", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter", "space")  # the question before the lesson skipped; iteration 1
        spaces = ["space"] * 5  # the first steps and asks the question of iteration 2
        await (press_at_once(pilot, *spaces) if at_once else pilot.press(*spaces))
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.state.session.history.iteration == 2
        assert app.screen.query_one("#answer", Input).value == ""
        said = say(language, "question.space", count=4)
        assert "".join(said.split()) in "".join(screen_text(app).replace("│", "").split())
        await press_at_once(pilot, *"0.5625", "enter", "enter")
        await settle(pilot)
        assert [answer.result for answer in app.state.session.answers][-1] == RIGHT
        assert app.state.session.history.iteration == 2 and not isinstance(app.screen, QuestionScreen)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("at_once", [False, True])
async def test_keys_typed_after_a_refusal_go_on_from_what_shows_in_the_refused_field(language, at_once):
    """Lesson 9: the refusal moved focus to the inputs field with its text all selected, so
    the Backspace typed ahead of it blanked the field unseen. The field keeps what was typed,
    in view with the cursor after it, and each key goes on from there."""
    app = app_for("several-outputs", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        inputs, goal = app.screen.query_one("#inputs", Input), app.screen.query_one("#goal", Input)
        inputs.value, goal_shown = "0.6a", goal.value
        app.screen.set_focus(goal)  # Enter pressed in another field than the refused one
        keys = ("enter", "backspace", "5")
        if at_once:
            await press_at_once(pilot, *keys)
        else:
            await pilot.press(*keys)
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and app.focused is inputs
        assert inputs.value == "0.65" and goal.value == goal_shown  # nothing changed unseen
        assert app.screen.region.contains_region(inputs.region) and inputs.cursor_position == len("0.65")
