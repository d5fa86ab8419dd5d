"""Predict mode (t) and the lesson's questions in the app, the way a student meets them."""

import re

import pytest
from gradstep.core.questions import RIGHT, SKIPPED, WRONG
from gradstep.tui.app.screens.ask import GuessScreen, QuestionScreen
from gradstep.tui.app.widgets.key_bar import KeyBar
from gradstep.tui.app.widgets.lesson import paragraphs
from gradstep.tui.words.say import say

from ..helpers import SIZE, app_for, press_at_once, screen_text, settle


def panel(app) -> str:
    return " ".join(text for text, _ in paragraphs(app.state))


async def a_right_guess(pilot) -> None:
    """Predict mode on, a step asked for, and its weight guessed right."""
    app = pilot.app
    await pilot.press("t")
    assert app.state.predicting and "Predict mode" in app.state.notice
    await pilot.press("space")
    assert isinstance(app.screen, GuessScreen) and app.state.session.history.iteration == 0
    assert "What will the weight be after this step? It is 0.5 now." in screen_text(app)
    await press_at_once(pilot, *"0.46", "enter")  # typed fast, or over a slow link
    assert app.state.session.history.iteration == 1
    assert panel(app).startswith("You guessed 0.46; it is 0.46: right.")
    assert "right 1/1" in screen_text(app)


async def test_a_guess_is_asked_before_the_step_and_shown_beside_the_truth():
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await a_right_guess(pilot)


@pytest.mark.slow  # a second test of predict mode, beside the everyday test_a_guess_is_asked_before_the_step_and_shown_beside_the_truth: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_guesses_score_shows_only_in_predict_mode(language):
    """"right 1/1" stayed in the header after t turned predict mode off, and after m and an
    edit: a score of guesses while none is asked. It shows while predict mode is on, and
    again (the lesson's tally) when it is turned back on."""
    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space")
        await press_at_once(pilot, *"0.46", "enter")
        await settle(pilot)
        score = say(language, "predict.tally", right=1, total=1)
        assert app.state.session.tally == (1, 1) and score in screen_text(app)
        for keys in (["t"], ["m"], ["e", "enter"]):
            await press_at_once(pilot, *keys)
            await settle(pilot)
            assert not app.state.predicting and score not in screen_text(app).splitlines()[0], keys
        await pilot.press("m", "t")
        await settle(pilot)
        assert score in screen_text(app).splitlines()[0]


@pytest.mark.slow  # beside the everyday right guess: eight keys more, in CI
async def test_a_wrong_guess_no_guess_escape_and_b_after_a_right_one():
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await a_right_guess(pilot)
        await pilot.press("space")
        await press_at_once(pilot, *"0.5", "enter")
        assert "You guessed 0.5; it is 0.436. This step moved it by -0.024, down" in panel(app)
        await pilot.press("space", "enter")  # Enter alone: a step without a guess
        assert panel(app).startswith("No guess this step; it is 0.4216.") and app.state.session.tally == (1, 2)
        await pilot.press("space", "escape")  # Escape: back, no step
        assert app.state.session.history.iteration == 3 and not isinstance(app.screen, GuessScreen)
        await pilot.press("b")  # the step and its guess go together
        assert len(app.state.session.guesses) == 2 and app.state.session.tally == (1, 2)
        await pilot.press("t", "space")
        assert app.state.session.history.iteration == 3 and not isinstance(app.screen, GuessScreen)


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_each_rule_asks_for_what_it_changes():
    app = app_for("hot-cold")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space")
        assert "up, down, or leave it where it is (0.5)" in screen_text(app)
        await pilot.press("minus")  # a key each: + up, - down, = stays
        assert panel(app).startswith("You guessed down; hot and cold chose down: right.")
    for lesson, asked, typed in (("multi-weight", "What will the prediction be after this step? It is 0.86 now.",
                                  "0.963757"),
                                 ("measure-error", "What error will this prediction have?", "0.01")):
        app = app_for(lesson)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("t", "space")
            assert asked in screen_text(app)
            await pilot.press(*typed, "enter")
            assert app.state.session.guesses[-1].right


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_play_is_off_in_predict_mode_and_says_why():
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "t")
        assert not app.state.playing and app.check_action("play", ()) is None
        await pilot.press("p")
        assert not app.state.playing and "Play is off in predict mode" in app.state.notice


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_a_bad_guess_is_refused_in_place():
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space", *"1e400", "enter")
        assert isinstance(app.screen, GuessScreen) and app.state.session.history.iteration == 0
        assert "too large for a float" in screen_text(app)


@pytest.mark.slow  # beside the everyday question (test_answer_box's enter again): in CI
async def test_a_question_comes_first_and_covers_the_panels_that_would_tell():
    app = app_for("alpha", questions=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        screen = screen_text(app)
        assert "Which alpha makes this land in one step?" in screen
        assert "weight 0.5, input 2, goal 0.8, alpha 0.1, iteration 0" in screen
        assert "best alpha" not in screen and "0.25" not in screen  # the readout would tell
        await pilot.press("space", "m")  # keys of the lesson do nothing under a question: m refused, said
        assert app.state.session.history.iteration == 0 and app.state.session.problem.method == "gd"
        assert app.screen.query_one("#answer").value == ""  # the space before it is not typed (ask.NUMBER_TEXT)
        assert "'m' is not part of a number" in screen_text(app)
        await press_at_once(pilot, *"0.3", "enter")
        assert "Not quite: try once more." in screen_text(app)
        await press_at_once(pilot, *"0.25", "enter")
        assert "Right." in screen_text(app) and "1/2^2 = 0.25" in screen_text(app)
        await pilot.press("enter")  # the next question of iteration 0
        assert "With r = 1 - alpha x input^2, the run diverges once" in screen_text(app)
        await press_at_once(pilot, "1", "enter")  # wrong: the question stays for a second try
        await press_at_once(pilot, "2", "enter")
        await settle(pilot)  # the burst's box changes, then the screen's redraw, before the screen is read
        assert "The answer is 0.5." in screen_text(app)
        await pilot.press("enter")
        assert not isinstance(app.screen, QuestionScreen)
        results = [(answer.result, answer.tries) for answer in app.state.session.answers]
        assert results == [(RIGHT, 2), (WRONG, 2)]


@pytest.mark.slow  # beside the everyday prediction (a guess is asked before the step): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_guess_is_revealed_on_the_question_its_step_brings(language):
    """In predict mode, lesson 3's question at iteration 1 covered the lesson panel at the
    step the guess was revealed in: the student never read how the guess did."""
    import re

    from gradstep.tui.words.prose import reveal

    app = app_for("gradient-descent", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "s", "enter", "t", "space")  # iteration 0's question skipped
        await settle(pilot)
        assert isinstance(app.screen, GuessScreen)
        await press_at_once(pilot, *"0.3", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.state.session.history.iteration == 1
        revealed = reveal(app.state.session, language)
        assert revealed and re.sub(r"\s", "", revealed) in re.sub(r"[\s│]", "", screen_text(app))


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_a_notice_at_the_start_is_read_before_the_question_which_the_step_key_asks():
    app = app_for("alpha", questions=True, notice="Your last session (hot-cold, iteration 4) is kept.")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, QuestionScreen) and "is kept" in screen_text(app)
        assert "Before the lesson" not in screen_text(app)
        await pilot.press("space")
        assert isinstance(app.screen, QuestionScreen) and app.state.session.history.iteration == 0
        assert "Before the lesson: think it through" in " ".join(screen_text(app).split())


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_a_question_later_in_the_run_a_skip_and_a_step_back():
    app = app_for("error-curve", questions=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")  # skipped: the explanation still shows
        assert app.state.session.answers[0].result == SKIPPED
        await pilot.press("space", "space")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and "Whatnumberiseacherrormultipliedby" in re.sub(r"[│|\s]", "", screen_text(app))
        await pilot.press(*"0.5625", "enter", "enter")
        assert app.state.session.question_tally == (1, 2)
        await pilot.press("b", "space")  # the answer went back with its step: asked again
        assert isinstance(app.screen, QuestionScreen)


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_choice_question_in_either_language(language):
    app = app_for("multi-weight", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        label = "weight 1 (input 8.5)" if language == "en" else "权重 1（输入 8.5）"
        assert label in screen_text(app)
        await pilot.press("2")
        assert ("Not quite" if language == "en" else "不太对") in screen_text(app)
        await pilot.press("1")
        assert ("Right." if language == "en" else "答对了。") in screen_text(app)
        await pilot.press("enter")
        assert app.state.session.answers[0].result == RIGHT


@pytest.mark.slow  # beside the everyday question test; the figures at its iteration are a unit test (test_predict): in CI
async def test_a_question_names_the_figures_on_screen_when_it_is_asked():
    from dataclasses import replace

    from gradstep.core.courses import find_lesson
    from gradstep.core.questions import Question, QuestionText
    from gradstep.core.session import Session
    from gradstep.tui.app.app import GradstepApp

    words = QuestionText(ask="The weight is {weight} and the miss {miss}.", explain="So the error is {error}.")
    lesson = replace(find_lesson("alpha"), questions=(Question(2, 1.0, texts={"en": words}),))
    app = GradstepApp(Session.begin(lesson))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "The weight is 0.436 and the miss 0.072." in screen_text(app)  # beside "weight 0.436" above it
        await pilot.press("1", "enter")  # right: the explanation follows
        assert "So the error is 0.005184." in screen_text(app)


@pytest.mark.slow  # full-width digits are unit tests (test_predict); beside the everyday guess and question: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_full_width_digits_reach_the_guess_and_the_answer_and_0x10_is_refused(language):
    """The boxes took only ASCII number keys: a Chinese input method's ４ left the box empty,
    ０.７７５ showed " .", and 0x10 lost its x and was scored as 10. The x is refused as it is
    typed, and the Enter read with it does not take the "010" left: it says what was left out."""
    from gradstep.tui.words.say import say

    app = app_for("alpha", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await press_at_once(pilot, *"０.２５", "enter")
        assert app.screen.answer.result == RIGHT  # 1/2^2 = 0.25, at the first try
        await pilot.press("enter", "s", "enter")  # on, and the next question skipped
        assert app.state.session.question_tally == (1, 2)  # one right of two asked
        await pilot.press("t", "space")
        assert isinstance(app.screen, GuessScreen)
        await press_at_once(pilot, *"0x10", "enter")
        await settle(pilot)
        assert isinstance(app.screen, GuessScreen) and app.state.session.history.iteration == 0
        assert say(language, "ask.refused_inside", text="x", value="010")[:14] in screen_text(app)
        app.screen.query_one("#answer").clear()
        await press_at_once(pilot, *"０．４６", "enter")
        assert app.state.session.history.iteration == 1 and app.state.session.guesses[0].value == 0.46


@pytest.mark.slow  # beside the everyday question test, which reads "Not quite" and a second try: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_not_quite_goes_once_the_next_try_is_typed(language):
    """"Not quite: try once more." stayed on the box while the student typed the next try."""
    from gradstep.tui.words.say import say

    app = app_for("alpha", questions=True, language=language)
    again = say(language, "question.again.typed")[:8]
    refused = say(language, "ask.refused_inside", text="x", value="01")[:12]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_once(pilot, *"0.3", "enter")
        assert again in screen_text(app)
        await press_at_once(pilot, "0")
        assert again not in screen_text(app) and app.screen.query_one("#answer").value == "0"
        await press_at_once(pilot, "s", "enter", "s", "enter", "t", "space", *"0x1", "enter")
        await settle(pilot)  # the burst opened and closed screens
        assert isinstance(app.screen, GuessScreen) and refused in screen_text(app)
        await press_at_once(pilot, "backspace")  # the guess's refusal goes the same way
        assert refused not in screen_text(app)


@pytest.mark.slow  # beside the everyday question test: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
async def test_a_questions_figures_break_between_two_and_say_what_a_row_is(name, language):
    """Lesson 10's question box broke "goal 0.1 1" / "0.1", and "weights 0.3; 0.2; 0.9" never
    said that ";" parts the rows, one per output."""
    from gradstep.core.courses import find_lesson
    from gradstep.tui.words.figures import goals_text
    from gradstep.tui.words.say import say

    app = app_for(name, questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from gradstep.tui.words.language import LANGUAGES

        from gradstep.tui.words.figures import listed

        named = LANGUAGES[language].named
        goals = say(language, "goals") + named + goals_text(find_lesson(name).problem, language)
        assert any(goals in line for line in screen_text(app).splitlines())  # whole on one line
        if name == "weight-matrix":  # rows of a matrix; lesson 9's one input makes its weights one row
            assert say(language, "weights_rows") + named + "0." in screen_text(app)
            assert say(language, "sep.rows").strip() in screen_text(app)
        else:
            assert say(language, "weights") + named + listed((0.3, 0.2, 0.9), language) in screen_text(app)


def test_entries_wrap_between_two_never_inside_one():
    from gradstep.tui.app.widgets.wrapped import Wrapped

    lines = [line.plain for line in Wrapped([], entries=(["inputs 8.5 0.65 1.2,", "goals 0.1 1 0.1,", "alpha 0.01"],
                                                         " ")).lines(30)]
    assert lines == ["inputs 8.5 0.65 1.2,", "goals 0.1 1 0.1, alpha 0.01"]


@pytest.mark.slow  # a second test of predict mode and the key bar, beside the everyday test_a_guess_is_asked_before_the_step_and_shown_beside_the_truth: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_key_bar_says_what_t_does_now_in_predict_mode(language):
    """Lesson 4 after a reveal: the bar read "t 先猜" as if predict mode had ended, though
    space still asked for a guess. While it is on, t's label says t turns it off (at 80 columns)."""
    app = app_for("error-curve", language=language)
    on, off = {"en": ("t guess off", "t guess"), "zh": ("t 不猜", "t 先猜")}[language]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "space")
        assert isinstance(app.screen, GuessScreen)
        await pilot.press("enter")  # no guess: the step is revealed
        await settle(pilot)
        assert app.state.predicting and app.state.session.history.iteration == 1
        bar = app.query_one(KeyBar).draw(app.state).plain
        assert on in bar and off not in bar.replace(on, ""), bar
        await pilot.press("t", "space")  # predict mode off, and a step with nothing asked
        await settle(pilot)
        assert not app.state.predicting and app.state.session.history.iteration == 2
        bar = app.query_one(KeyBar).draw(app.state).plain
        assert off in bar and on not in bar, bar


@pytest.mark.slow  # a second test of predict mode, beside the everyday test_a_guess_is_asked_before_the_step_and_shown_beside_the_truth: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("lesson", "typed"), [("alpha", "0.4"), ("hot-cold", "")])
async def test_b_leaves_a_guess_without_a_step_and_the_hint_names_it_before_esc(language, lesson, typed):
    """The guess's hint named Esc as its only way back: over SSH a lone Esc waits to see
    whether a sequence follows, and is lost in some terminals. b goes back, as the lesson's
    b does, even with a number half typed; read with the keys after it, they are the
    lesson's."""
    app = app_for(lesson, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_once(pilot, "t", "space", *typed)
        await settle(pilot)
        assert isinstance(app.screen, GuessScreen)
        hint = "".join(screen_text(app).split())
        assert hint.index("b", hint.index("Enter")) < hint.index("Esc")
        await press_at_once(pilot, "b", "space")  # back, then the lesson's step: a guess asked again
        await settle(pilot)
        assert isinstance(app.screen, GuessScreen) and app.state.session.history.iteration == 0
        assert app.screen.query("#answer").first().value == "" if typed else True
        await pilot.press("b")
        assert not isinstance(app.screen, GuessScreen) and app.state.session.history.iteration == 0
        assert app.state.predicting  # only the guess left, not predict mode (t does that)
