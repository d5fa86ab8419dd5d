"""What two newcomers (English and Chinese, 80x24, the README only) stopped on, each put
right and read back from the screen as they saw it, in both languages."""

import pytest

from gradstep.tui.app.widgets.lesson import paragraphs

from ..helpers import SIZE, app_for, press_at_once, screen_text, settle


def squeezed(app) -> str:
    """The screen with every space and line break taken out: a sentence reads the same
    wherever the panel wrapped it."""
    return "".join(screen_text(app).split())


@pytest.mark.slow  # the worked step's figures are a unit test (test_next_article); words on screen are everyday: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_frozen_weights_weight_delta_is_0_on_the_worked_steps_first_page(language):
    app = app_for("freeze-weight", language=language)  # weight 1 frozen; delta x input would be -1.19
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert {"en": "[0-0.091-0.168]", "zh": "[0,-0.091,-0.168]"}[language] in squeezed(app)  # a list as the panels write it
        assert "-1.19" not in squeezed(app)


@pytest.mark.slow  # the words of a start on the goal are unit tests (test_prose); words on screen are everyday: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_start_on_the_goal_is_said_to_be_there_not_to_diverge_or_land(language):
    """Lesson 3 with input -2: 0.5 x -2 is the goal -1, error 0 every row. The panel said
    "r < -1: diverges, growing", the text "the error grows 9-fold a step and explodes" and
    the story "Landed at iteration 0". r still says what a miss would do; none grows from 0."""
    app = app_for("gradient-descent", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#inputs").value = "-2"
        await pilot.press("enter", "space", "space")
        assert list(app.state.session.history.errors) == [0.0, 0.0]
        on_goal = {"en": ("startsongoal:rx0=0", "Thestartisonthegoal:"),
                   "zh": ("起点就在目标上：r×0=0", "起点就在目标上：从第0次迭代起")}[language]
        assert all(words in squeezed(app) for words in on_goal)
        assert not any(words in squeezed(app) for words in ("diverges,growing", "Landedat", "发散，来回", "落在目标上"))


@pytest.mark.slow  # beside the everyday words on screen (test_words_on_screen): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_8_never_says_the_learners_reach_the_goal_of_a_run_that_diverges(language):
    """Lesson 8 with weights 2 and 3 frozen: r = 1 - 0.3 x 72.25 = -20.675, yet the text said
    "the weights that learn carry the prediction to the goal" beside "explodes"."""
    app = app_for("freeze-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#frozen").value = "2,3"
        await pilot.press("enter")
        assert app.state.session.problem.frozen == (1, 2)
        words = "".join(" ".join(text for text, _ in paragraphs(app.state)).split())
        assert "r=1-0.3" in words and "72.25=-20.675" in words
        assert {"en": "carrythepredictiontothegoal", "zh": "把预测带到目标"}[language] not in words
        assert {"en": "explodes", "zh": "发散"}[language] in words


@pytest.mark.slow  # beside the everyday editor (test_app's edit, test_outside_text's markup): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_editor_blames_the_field_the_student_changed_and_keeps_the_others(language):
    """Lesson 9 with only the goal changed to 0.1,1: "weights: 3 weights do not fill 2 rows"
    blamed the weights and moved the cursor there, so the student typed over them."""
    from textual.widgets import Input

    from gradstep.tui.app.screens.editor import EditorScreen

    app = app_for("several-outputs", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        goal = app.screen.query_one("#goal", Input)
        app.screen.set_focus(goal)
        goal.value = "0.1,1"
        await pilot.press("enter")
        assert isinstance(app.screen, EditorScreen) and app.focused is goal and goal.has_class("-invalid")
        assert not app.screen.query_one("#weights", Input).has_class("-invalid")
        refusal = " ".join(str(line) for line in app.screen.query_one("#refusal").lines(72))
        said = {"en": ("goals: 3 weights do not fill 2 rows", "(weights unchanged)"),  # the field as the form labels it
                "zh": ("目标：", "（权重未改动）")}[language]
        assert refusal.startswith(said[0]) and said[1] in refusal


@pytest.mark.slow  # beside the everyday words on screen (test_words_on_screen): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_measuring_lessons_editor_and_question_speak_of_measuring(language):
    """Lesson 1 only measures: its question's header said "iteration 1" where the screen
    counts measurements, and the editor offered alpha and a step that do nothing there."""
    app = app_for("measure-error", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter", "space")  # the question at 0 skipped; one measurement
        await pilot.pause()
        counted = {"en": "measured once", "zh": "已测量 1 次"}[language]
        assert counted in screen_text(app) and {"en": "iteration 1", "zh": "迭代 1"}[language] not in screen_text(app)
        await pilot.press("s", "enter", "e")
        await pilot.pause()
        unused = {"en": "With the rule measure only, these do nothing here: alpha, step, frozen.",
                  "zh": "规则为只测量时，学习率 α、步长、冻结在这里不起作用。"}[language]
        hint = "".join("".join(str(line) for line in app.screen.query_one(".hint").lines(72)).split())
        assert unused.replace(" ", "") in hint


@pytest.mark.slow  # beside the everyday undo (test_app's step back and reset): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_b_that_undoes_a_change_says_so(language):
    """b at iteration 0 undid the alpha change silently: the student saw the run jump back
    and did not know why."""
    from gradstep.tui.words.say import say

    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "plus")  # a new alpha: a new run from 0
        assert app.state.session.history.iteration == 0
        await pilot.press("b")
        assert app.state.session.history.iteration == 2 and app.state.session.problem.alpha == 0.1
        assert app.state.notice == say(language, "undone", steps=2)
        await pilot.press("b")  # an ordinary step back says nothing new
        assert app.state.session.history.iteration == 1 and app.state.notice != say(language, "undone", steps=2)


@pytest.mark.slow  # beside the everyday words on screen (test_words_on_screen): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_every_digit_says_that_the_log_shows_only_the_columns_that_fit(language):
    """f dropped lesson 9's e1-e3 columns and the worked step without a word; each column is
    now as wide as its figures, so more fit, and the title says where the rest are."""
    from gradstep.tui.words.say import say

    app = app_for("several-outputs", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "f")
        await pilot.pause()
        assert say(language, "log.exact") in screen_text(app)
        assert "w1,1" in screen_text(app) and "0.8423795095543973" in screen_text(app)


@pytest.mark.slow  # beside the everyday words that fit (test_words_on_screen): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_help_texts_keep_clear_of_the_scrollbar(language):
    """"平方 ▂▂": the scrollbar's thumb stood against the help's text and read as part of it."""
    from gradstep.tui.app.screens.help import HelpScreen
    from gradstep.tui.app.widgets.wrapped import Wrapped

    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one("#help")
        assert scroll.scrollbars_enabled[0]  # the help is longer than the screen: a scrollbar stands beside it
        edge = scroll.scrollable_content_region.right
        assert all(text.content_region.right <= edge - 2 for text in scroll.query(Wrapped))


@pytest.mark.slow  # beside the everyday lesson list and editor (test_app): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_lesson_opened_again_lets_e_open_the_editor(language):
    """Lesson 2 opened again from the list asked its two questions again, and the student's
    e (to edit) landed in the answer box, where e is part of a number such as 1e-3."""
    from gradstep.tui.app.screens.ask import QuestionScreen
    from gradstep.tui.app.screens.editor import EditorScreen

    app = app_for("hot-cold", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter", "s", "enter", "space", "l", "2")
        await pilot.pause()
        assert app.state.session.lesson.name == "hot-cold" and app.state.session.history.iteration == 0
        assert not isinstance(app.screen, QuestionScreen)
        await pilot.press("e")
        assert isinstance(app.screen, EditorScreen)


@pytest.mark.slow  # beside the everyday editor (test_app's edit, test_outside_text's markup): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_frozen_field_reads_full_width_digits_and_commas(language):
    """A Chinese input method typed "１，３" into the frozen field: refused as "not a weight
    number", while the weights and goal fields read full-width digits."""
    app = app_for("freeze-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#frozen").value = "１，３"
        await pilot.press("enter")
        assert app.state.session.problem.frozen == (0, 2)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name, fields", [("several-outputs", {"goal": {"en": "0.1 1 0.1", "zh": "0.1,1,0.1"},
                                                             "weights": {"en": "0.3 0.2 0.9", "zh": "0.3,0.2,0.9"}}),
                                          ("divergence", {"goal": "-10", "inputs": "10", "alpha": "1"})])
@pytest.mark.slow  # a second test of the editor, beside the everyday test_app::test_edit_applies_a_valid_problem: in CI
async def test_the_editor_writes_numbers_as_the_student_types_them(name, fields, language):
    """The editor showed "1.0", "-10.0" and "0.1,1.0,0.1" where the panels show 1 and -10:
    its fields are filled in as a student would type them, a list as the panels write it
    (a Chinese walk met "0.1,0.2" in the editor beside "0.1，0.2" and "0.1 0.2"), and an
    untouched form changes nothing."""
    from textual.widgets import Input

    from gradstep.tui.app.screens.editor import EditorScreen

    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        before = app.state.session.problem
        await pilot.press("e")
        assert isinstance(app.screen, EditorScreen)
        for field, typed in fields.items():
            assert app.screen.query_one(f"#{field}", Input).value == (typed[language] if isinstance(typed, dict) else typed)
        await pilot.press("enter")
        assert not isinstance(app.screen, EditorScreen) and app.state.session.problem == before


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("at_once", [False, True])
async def test_a_step_that_does_nothing_under_gradient_descent_does_not_block_a_change(language, at_once):
    """Lesson 6: the hint said the step does nothing under gradient descent, yet a step of -1
    was refused and the new alpha with it. The change applies; the step keeps its 0.1, as the
    hint says; alpha, which the rule uses, is still refused when it cannot be used."""
    from gradstep.tui.app.screens.editor import EditorScreen
    from gradstep.tui.words.say import say

    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        hint = "".join("".join(str(line) for line in app.screen.query_one(".hint").lines(72)).split())
        assert "".join(say(language, "edit_unused.kept", fields=say(language, "step_amount")).split()) in hint
        keys = ("tab", "tab", "tab", "tab", "0", ".", "2", "tab", "-", "1", "enter")  # alpha 0.2, step -1
        if at_once:
            await press_at_once(pilot, *keys)
        else:
            await pilot.press(*keys)
        await settle(pilot)
        assert not isinstance(app.screen, EditorScreen)
        assert (app.state.session.problem.alpha, app.state.session.problem.step_amount) == (0.2, 0.1)
        await pilot.press("e", "tab", "tab", "tab", "tab", "-", "1", "enter")
        assert isinstance(app.screen, EditorScreen) and app.state.session.problem.alpha == 0.2


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("at_once", [False, True])
async def test_input_0_in_hot_and_cold_is_said_plainly_not_as_a_part_of_the_lesson_never_shown(language, at_once):
    """Lesson 2 with input 0: "this part of the lesson is about the bottom of the error curve...
    with input 0 none of this exists" spoke of text the student was never shown. The sentence
    says what input 0 does, then which figures there are not."""
    app = app_for("hot-cold", language=language)
    async with app.run_test(size=SIZE) as pilot:
        keys = ("e", "tab", "0", "enter")  # the inputs field, selected by Tab, becomes 0
        if at_once:
            await press_at_once(pilot, *keys)
        else:
            await pilot.press(*keys)
        await settle(pilot)
        assert app.state.session.problem.inputs == (0.0,)
        plain = {"en": "Withinput0thepredictionis0whatevertheweight,sotheerroristhesameforeveryweight",
                 "zh": "输入为0时，不管权重是多少，预测都是0，误差也都一样"}[language]
        assert plain in squeezed(app)
        assert not any(words in squeezed(app) for words in ("partofthelesson", "这部分课文"))
