"""The question's answer box as a newcomer meets it: Enter with nothing typed, and a wrong
try, which stays in view (selected, so the next try types over it) rather than vanishing."""

from contextlib import asynccontextmanager

import pytest
from textual.widgets import Input

from gradstep.core.saving import load
from gradstep.tui.app.screens.ask import QuestionScreen
from gradstep.tui.words.say import say

from ..helpers import SIZE, app_for, press_at_once, screen_text, settle

STOPPED = {"en": "The question stopped play", "zh": "提问时自动播放已停下"}
NOT_PART = {"en": "is not part of a number", "zh": "不是数字的一部分"}
SAID = {"en": ("Nothing is typed yet", "What you type replaces your answer"),
        "zh": ("还没有输入答案", "直接输入就会替换原来的答案")}


@pytest.mark.slow  # beside the everyday question test (test_predict): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_an_empty_answer_says_what_is_empty_and_a_wrong_try_stays_to_be_typed_over(language):
    app = app_for("hot-cold", questions=True, language=language)
    empty, again = SAID[language]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("enter")
        assert empty in screen_text(app) and "is empty" not in screen_text(app)
        assert app.screen.answer is None  # not a try: two are still to come
        await press_at_once(pilot, "4", "enter")  # wrong: the answer is 3
        box = app.screen.query_one("#answer", Input)
        assert box.value == "4" and box.selected_text == "4"  # still there to see
        assert again.replace(" ", "") in "".join(screen_text(app).split())  # wrapped anywhere
        await press_at_once(pilot, "3", "enter")
        assert box.value == "3" and app.screen.answer is not None and app.screen.answer.tries == 2


@asynccontextmanager
async def hot_colds_question(language: str):
    """Hot and cold's first question open, with every try it reports kept in a list."""
    tried: list = []
    app = app_for("hot-cold", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.on_try = tried.append
        yield app, pilot, screen, tried


SAME = {"en": "You gave that answer already", "zh": "这个答案你已经答过了"}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("together", [False, True])
async def test_enter_again_on_the_same_wrong_answer_is_not_a_second_try(language, together):
    """After "Not quite", Enter on the unchanged answer was taken as the second wrong try: the
    answer shown, a STUCK flag on the teacher's screen, that wrong answer counted twice."""
    async with hot_colds_question(language) as (app, pilot, screen, tried):
        keys = ("4", "enter", "enter")  # wrong, then the same again
        await (press_at_once(pilot, *keys) if together else pilot.press(*keys))
        await pilot.pause()
        assert screen.answer is None and screen.attempt.tries == 1 and len(tried) == 1
        assert SAME[language].replace(" ", "") in "".join(screen_text(app).split())
        await press_at_once(pilot, "3", "enter")  # another answer is a try
        assert screen.answer is not None and screen.answer.tries == 2 and len(tried) == 2


@pytest.mark.slow  # beside the everyday question (enter again) and saving (test_outside_text's ctrl+c): in CI
@pytest.mark.parametrize("together", [False, True])
async def test_q_on_a_settled_question_saves_with_its_answer_and_quits(tmp_path, together):
    """A teacher's walk: q did nothing on "Press Enter to go on", where every other screen
    quits with it."""
    save_path = tmp_path / "session.json"
    app = app_for("hot-cold", questions=True, language="en", save_path=save_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        keys = ("3", "enter", "q")  # right: the settled question's q quits
        await (press_at_once(pilot, *keys) if together else pilot.press(*keys))
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
    [answer] = load(save_path)[0].answers
    assert answer.given == 3.0 and answer.result == "right"


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("together", [False, True])
async def test_q_on_an_open_question_saves_and_quits_and_the_question_waits_for_the_resume(tmp_path, language,
                                                                                         together):
    """A Chinese newcomer pressed q on the first question, as the README says q quits, and
    was told "q" is no part of a number. q is never part of a number: it saves and quits,
    a number half typed with it or not, and the question is asked again at the resume."""
    save_path = tmp_path / "session.json"
    app = app_for("hot-cold", questions=True, language=language, save_path=save_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        hint = {"en": "q saves and quits", "zh": "按 q 保存并退出"}[language]
        assert hint.replace(" ", "") in "".join(screen_text(app).split())  # the question says how
        keys = ("1", "q")
        await (press_at_once(pilot, *keys) if together else pilot.press(*keys))
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
    saved, _ = load(save_path)
    assert saved.answers == () and saved.pending_question() is not None  # asked again at the resume


@pytest.mark.slow  # a second test of play meeting a question, beside the everyday ones of play (test_app) and questions (enter again): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("together", [False, True])
async def test_a_question_opened_by_play_takes_no_letter_and_says_play_stopped(language, together):
    """Lesson 4: a question opened while the run was playing, and the p pressed to pause it
    landed in the answer box as the answer "p". The box takes only what a number is written
    with; p is told the question already stopped play, another letter that it is no number."""
    app = app_for("error-curve", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # the one at iteration 0
        await pilot.press("s", "enter")
        await pilot.press("]", "]", "]", "p")  # play at 15 steps a second, until the question at iteration 2 stops it
        await pilot.wait_for_animation()
        for _ in range(100):
            if isinstance(app.screen, QuestionScreen) and app.screen.question.at == 2:
                break
            await pilot.pause(0.05)
        await settle(pilot)  # the screen composed, its box in place
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and not app.state.playing
        box = screen.query_one("#answer", Input)
        await (press_at_once(pilot, "p", "p") if together else pilot.press("p", "p"))
        assert box.value == ""
        assert STOPPED[language].replace(" ", "") in "".join(screen_text(app).split())
        await (press_at_once(pilot, "0", "x") if together else pilot.press("0", "x"))
        assert box.value == "0"
        assert NOT_PART[language].replace(" ", "") in "".join(screen_text(app).split())
        await (press_at_once(pilot, ".", "５") if together else pilot.press(".", "５"))
        assert box.value == "0.５"  # a Chinese input method's digit is a digit
        await pilot.press("enter")  # the x was refused inside the number: this Enter shows what is left
        assert screen.answer is None and screen.attempt.tries == 0  # nothing was taken as a try
        assert "0.５" in screen_text(app) and isinstance(app.screen, QuestionScreen)
        await pilot.press("enter")  # seen: now it is the answer
        assert screen.attempt.tries == 1 or screen.answer is not None


AGAIN = {"en": "Not quite: try once more", "zh": "不太对：再试一次"}


@pytest.mark.slow  # a second test of a question's box, beside the everyday one (enter again is not a second try): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("together", [False, True])
async def test_a_key_refused_over_a_wrong_try_names_that_key_and_costs_no_try(language, together):
    """A walker typed -0.5 (wrong), then a step key over the selected try: the box said
    "'5' is not part of a number" of the "-0.5" it showed, and "Not quite" was gone, so the
    counted try looked refused. A key that replaces the selection went past the box's note of
    what was typed, and the refusal named the 5 typed before it. Here the key refused is the
    one named, a space (a step pressed once more) is not typed and says it did not step, the try's standing
    stays in view, and no refusal, at a key or at Enter, is a try."""
    async with hot_colds_question(language) as (app, pilot, screen, tried):
        press = (lambda *keys: press_at_once(pilot, *keys)) if together else pilot.press
        await press(*"-0.5", "enter")  # wrong: the answer is 3
        await pilot.pause()
        assert screen.attempt.tries == 1 and len(tried) == 1
        await press("space")  # a step pressed once more, over the selected try
        await pilot.pause()
        words = "".join(screen_text(app).split())
        assert NOT_PART[language].replace(" ", "") not in words and AGAIN[language].replace(" ", "") in words
        await press("n")  # a lesson key, over the selected try
        await pilot.pause()
        words = "".join(screen_text(app).split())
        refusal = {key: "".join(say(language, "ask.not_in_a_number", text=key).split()) for key in "n5"}
        assert refusal["n"] in words and refusal["5"] not in words  # the key refused, not the 5 typed before it
        assert AGAIN[language].replace(" ", "") in words  # the try still stands as tried
        await press("enter", "enter")  # what the box holds, -0.5 again: said, not a try
        await press("backspace", *"1.2.3", "enter")  # no number: said, not a try
        await pilot.pause()
        assert screen.answer is None and screen.attempt.tries == 1 and len(tried) == 1
        await press("backspace", "backspace", "backspace", "backspace", "backspace", "3", "enter")
        await pilot.pause()
        assert screen.answer is not None and screen.answer.tries == 2 and len(tried) == 2
