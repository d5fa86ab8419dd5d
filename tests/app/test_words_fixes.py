"""What two newcomer walkers (English and Chinese, 80x24) found on main: each put right at its
cause and read back from the screen."""

import pytest

from gradstep.tui.app.widgets.lesson import LessonPanel

from ..helpers import SIZE, app_for, screen_text
from .test_app import key_bar_text


@pytest.mark.slow  # a second test of the key bar, beside the everyday test_app::test_the_key_bar_dims_a_key_that_would_do_nothing: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", ["measure-error", "error-curve", "alpha"])
async def test_after_an_edit_the_key_bar_offers_w_only_where_the_panel_has_more(lesson, language):
    """Lessons 1, 4 and 6, a step, then e, a new weight and Enter: the run starts again and
    the lesson panel, the whole row wide once more, fits its words on fewer pages; the bar,
    drawn before that resize, offered "w more" though the panel had one page, and w said
    there was no more."""
    app = app_for(lesson, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "e")
        weights = app.screen.query_one("#weights")
        weights.value = "0.3" if weights.value != "0.3" else "0.4"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        pages = app.query_one(LessonPanel).page_count(app.state)
        offered = {"en": "w more", "zh": "w 翻页"}[language] in key_bar_text(app)
        assert offered == (pages > 1), (pages, key_bar_text(app))


@pytest.mark.slow  # a second test of play meeting a question, beside the everyday ones of play (test_app) and questions (test_answer_box): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("skip", [False, True])
async def test_play_stopped_by_a_question_goes_on_once_it_is_answered(language, skip):
    """Lesson 4, p: play stopped for the question at iteration 2 and, answered or skipped,
    stayed stopped; a teacher who paused to ask goes on. The notice says so, and stays while
    play goes on at its fastest: the next step used to wipe it before it could be read."""
    from gradstep.tui.app.screens.ask import QuestionScreen

    app = app_for("error-curve", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")  # the question at iteration 0
        await pilot.press("]", "]", "]", "p")  # play at 15 steps a second: the question in a tick
        for _ in range(100):
            if isinstance(app.screen, QuestionScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, QuestionScreen) and not app.state.playing
        iteration = app.state.session.history.iteration
        if skip:
            await pilot.press("s")
        for _ in range(10):  # the answer, r^2 = 0.75^2, then Enter goes on
            if not isinstance(app.screen, QuestionScreen):
                break
            box = app.screen.query("#answer")
            await pilot.press(*(list("0.5625") if box and not box.first().value else []), "enter")
        assert not isinstance(app.screen, QuestionScreen), screen_text(app)
        assert app.state.playing
        assert {"en": "Play goes on", "zh": "接着播放"}[language] in app.state.notice
        for _ in range(100):
            if app.state.session.history.iteration > iteration:
                break
            await pilot.pause(0.05)
        assert app.state.session.history.iteration > iteration


@pytest.mark.slow  # a second test of x, beside the everyday test_export_place: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_x_names_the_file_for_every_lesson_and_shows_its_name_and_folder_whole(tmp_path, monkeypatch, language):
    """Lesson 10, x: the notice showed "迭代记录已存到 …/walk4-zh" (the folder cut from the
    front, to fit one row) and the file was named after lesson 10 though it holds every
    lesson. The name now says what it holds, and name and folder are whole, wrapped."""
    folder = tmp_path.joinpath("students", "class-3b", "walk4-" + language)
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "x")
        await pilot.pause()
        [path] = folder.glob("*.csv")
        assert path.name.startswith("gradstep-log-") and "weight-matrix" not in path.name
        squeezed = "".join(screen_text(app).split())
        assert path.name in squeezed and str(folder) in squeezed


@pytest.mark.slow  # a second test of the lesson list, beside the everyday test_app::test_the_next_lesson_is_l_then_enter_as_the_lesson_says: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_list_numbers_the_tenth_lesson_10_and_names_its_key(language):
    """The list numbered the tenth lesson "0", its key, where the README and every title
    call it lesson 10. It is 10 now, the key 0 beside it, and the hint says what that is."""
    from gradstep.tui.app.screens.lessons import LessonsScreen

    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        name = {"en": "weight-matrix", "zh": "多个输入，多个输出"}[language]
        assert f" 10 [0] {name}" in text and f" 0 {name}" not in text
        assert {"en": "thekeyinbrackets", "zh": "方括号里的键"}[language] in "".join(text.split())
        await pilot.press("0")
        await pilot.pause()
        assert not isinstance(app.screen, LessonsScreen) and app.state.session.lesson.name == "weight-matrix"


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_number_keys_do_with_several_outputs_what_the_readme_and_help_say(language):
    """The README said 1-9 choose "the weight the chart follows"; in lessons 9 and 10 a number
    key chooses an output (the chart then read "Error 2 vs w2,1"), and a student with the
    README alone could never chart w1,2. Both now say what the keys do there, and the app
    does it: 2 charts error 2 vs w2,1, 2 again w2,2."""
    import re
    from pathlib import Path

    from gradstep.tui.words.say import say

    from ..helpers import settle

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| 1-9 |"))
    said = {"en": r"2 charts error 2 vs (w2,1), 2 again (w2,2)", "zh": r"按 2 画误差 2 随 (w2,1) 变化，再按 2 换成 (w2,2)"}
    assert re.search(said["en"], row), row
    assert re.search(said[language], say(language, "help.weights"))
    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = []
        for key in ("2", "2"):
            await pilot.press(key)
            await settle(pilot)
            titles.append(str(app.query_one("#chart").border_title))
    for title, (row_, column) in zip(titles, ((2, 1), (2, 2))):
        assert title.startswith(say(language, "chart.output_weight", output=2, row=row_, column=column)), title
