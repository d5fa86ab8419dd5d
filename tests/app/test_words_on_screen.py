"""Every sentence on screen is true of the numbers on screen, readable at 80x24, in both
languages: the words follow an edit, a new alpha and the other rule; nothing is cut; keys
look like what they do; play stops when nothing more can happen."""

import dataclasses
import re

import pytest
from gradstep.core import analysis
from gradstep.core.courses import course
from gradstep.core.session import Session
from gradstep.tui.app.screens.editor import EditorScreen
from gradstep.tui.app.widgets.lesson import LessonPanel, cut, paragraphs
from gradstep.tui.app.widgets.panel import lines_of
from gradstep.tui.words.figures import carried, r_value
from gradstep.tui.words.prose import commentary
from gradstep.tui.words.readout import r_verdict, readout_lines
from gradstep.tui.words.say import say
from gradstep.tui.words.wrap import width

from ..helpers import SIZE, app_for, press_at_once, resize, screen_text, settle

LESSONS = [lesson.name for lesson in course()]


def panel_words(app) -> str:
    """What the lesson panel says now, every page of it, as one line."""
    return " ".join(text for text, _ in paragraphs(app.state))


async def edit(pilot, **fields: str) -> None:
    await pilot.press("e")
    for field, value in fields.items():
        pilot.app.screen.query_one(f"#{field}").value = value
    await pilot.press("enter")


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_an_edit_changes_the_words_with_the_numbers():
    app = app_for("measure-error")
    async with app.run_test(size=SIZE) as pilot:
        await edit(pilot, weights="0.5")
        assert "1 x 0.5 = 0.5" in panel_words(app) and "1.5^2 = 2.25" in panel_words(app)
        assert "0.01" not in panel_words(app)
        assert "1.5^2 = 2.25" in screen_text(app) and "error      2.25" in screen_text(app)


@pytest.mark.parametrize(("name", "keys", "present", "absent"), [
    ("error-curve", ["minus"], "r = 1 - 0.5 x 0.5^2 = 0.875", "0.75"),
    ("alpha", ["plus", "plus"], "r = 1 - 0.25 x 2^2 = 0", "0.0144"),
    ("multi-weight", ["plus", "plus"], "r = 1 - 0.02 x 74.1125 = -0.48225", "0.258875"),
    ("divergence", ["minus"] * 7, "r = 1 - 0.01 x 10^2 = 0", "-99"),
    ("divergence", ["minus"] * 7, "it no longer blows up", "Press - to lower alpha"),
    ("divergence", ["minus"] * 7 + ["space"], "0.01 x 150", "Press - to lower alpha"),
    ("gradient-descent", ["m"], "three predictions a step", "r = "),
])
@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
async def test_a_new_alpha_or_rule_changes_the_words_with_it(name, keys, present, absent):
    app = app_for(name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        shown = panel_words(app) + " " + " ".join(readout_lines(app.state.session.history, "en"))
        assert present in shown and absent not in shown
        assert present in screen_text(app)


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_hot_and_cold_after_plus_says_where_it_really_bounces():
    app = app_for("hot-cold")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", *["space"] * 10)
        assert app.state.session.problem.step_amount == 0.2
        assert "Since iteration 7 it bounces between -0.9 and -1.1" in panel_words(app)
        assert "-1.0" not in panel_words(app)


@pytest.mark.slow  # every lesson
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", LESSONS)
async def test_every_word_can_be_read_at_80x24(name, language):
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        for steps in (0, 3):
            await pilot.press(*["space"] * steps)
            await pilot.pause()
            panel = app.query_one(LessonPanel)
            wrapped_styled, book = cut(paragraphs(app.state), *panel.size, language)
            wrapped = [lines for lines, _ in wrapped_styled]
            assert panel.page_count(app.state) == len(book)
            for page in range(len(book)):
                screen = screen_text(app)
                lines = [line for index, start, stop in book[page] for line in wrapped[index][start:stop]]
                assert all(line.strip() in screen for line in lines if line.strip()), page
                if len(book) > 1:
                    assert f"{page + 1}/{len(book)}）" in screen or f"{page + 1}/{len(book)})" in screen  # more follows
                await pilot.press("w")
            for line in readout_lines(app.state.session.history, language):
                assert width(line) <= app.query_one("#parameters").size.width  # the readout is never wrapped away


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_plus_and_minus_stop_at_the_alphas_where_something_changes():
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for _ in range(5):
            await pilot.press("plus")
            seen.append(app.state.session.problem.alpha)
        assert seen == [0.2, 0.25, 0.375, 0.5, 1.0]
        assert app.state.session.history.iteration == 0
        await pilot.press("b", "b", "b", "space")  # back to 0.25: the first step lands
        assert app.state.session.problem.alpha == 0.25 and app.state.session.history.error == 0
    app = app_for("hot-cold")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "plus")
        assert app.state.session.problem.step_amount == 0.5  # 1.5 away: three steps land on the goal
        await pilot.press("space", "space", "space")
        assert app.state.session.history.error == 0


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_a_large_start_is_not_divergence_and_an_overflowing_start_is_refused():
    app = app_for("gradient-descent")
    async with app.run_test(size=SIZE) as pilot:
        await edit(pilot, weights="1e60")
        await pilot.press("space", "space", "space")
        history = app.state.session.history
        assert history.divergence is None and history.iteration == 3 and history.error == 0
        before = app.state.session
        await edit(pilot, weights="1e200")
        assert isinstance(app.screen, EditorScreen) and app.state.session is before
        assert "the error at the start is already too large" in screen_text(app)


@pytest.mark.parametrize(("name", "start", "stops_at", "says"), [
    ("error-curve", 120, 124, "since iteration 123 the weight no longer changes"),
    ("gradient-descent", 0, 2, "the error has been 0 since iteration 1"),
    ("divergence", 24, 27, "the run has diverged"),
])
@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_play_stops_by_itself_when_nothing_more_can_happen(name, start, stops_at, says):
    app = app_for(name)
    async with app.run_test(size=SIZE) as pilot:
        session = app.state.session
        app.state = app.state.replace(session=Session(session.lesson, session.history.jump(start)))
        await pilot.press("]", "]", "]", "]", "p")
        await pilot.pause(1.0)
        assert not app.state.playing and app.state.session.history.iteration == stops_at
        assert says in app.state.notice
        assert app.check_action("play", ()) is None  # and the key is dimmed


@pytest.mark.parametrize(("name", "keys", "action", "says"), [
    ("measure-error", [], "rate", "this lesson only measures"),
    ("multi-weight", [], "rule", "hot and cold is for 1 weight, not 3: use gradient descent"),  # m takes no code: none named
    ("divergence", ["space"] * 27, "step", "The run has diverged"),
    ("divergence", ["space"] * 27, "play", "Play stopped: the run has diverged"),
    ("alpha", [], "back", "Nothing to go back to"),
])
@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_a_key_that_would_only_refuse_is_dimmed_and_says_why(name, keys, action, says):
    app = app_for(name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        parameters = (1,) if action == "rate" else ()
        assert app.check_action(action, parameters) is None
        before = app.state.session
        key = {"rate": "plus", "rule": "m", "step": "space", "play": "p", "back": "b"}[action]
        await pilot.press(key)
        assert app.state.session is before and says in app.state.notice
        assert app.state.notice in screen_text(app)  # whole, not cut at 80 columns


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_the_editor_closes_on_enter_when_nothing_changed_and_says_so():
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "e")
        await pilot.pause()
        assert "with nothing changed, Enter closes the form" in " ".join(re.sub("[│╭╮╰╯]", " ", screen_text(app)).split())
        before = app.state.session
        await pilot.press("enter")
        assert not isinstance(app.screen, EditorScreen) and app.state.session is before


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_the_lesson_list_says_how_to_close_it():
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        inside = " ".join(re.findall(r"│ (.*?) *│", screen_text(app)))  # the list's lines, as one text
        assert "l, q or Esc goes back" in inside


# -- Chinese: every screen, no English words of the interface --------------------------

ALLOWED = {  # names that stay as the code and the course spell them
    "alpha", "delta", "weight_delta", "gradstep", "gd", "hot", "cold", "measure", "error", "curve", "gradient",
    "descent", "divergence", "multi", "weight", "English", "Shift", "Tab", "Enter", "Esc", "log10", "CSV", "TOML",
    "UTF", "resume", "lesson", "file", "session", "zh", "en", "abc",  # abc: what the student typed
    "freeze", "several", "outputs", "matrix",  # the names of lessons 8 to 10
}


def english_words(text: str) -> set[str]:
    """The words of English on screen, less the allowed names, the chart's marks (o) and the
    ends of the key bar a dialog leaves showing (a prefix of an allowed word, like "sp")."""
    words = set(re.findall(r"[A-Za-z_]{2,}[0-9]*", text))
    return {word for word in words if word not in ALLOWED and not re.fullmatch(r"o+", word)
            and not any(allowed.startswith(word) for allowed in ALLOWED)}


async def chinese_screens(name: str) -> list[str]:
    """The screens a Chinese student meets in lesson `name`: opening, each page after a few
    steps, the help and its pages, the lesson list, the editor refusing input, refusals."""
    app = app_for(name, language="zh")
    screens = []
    async with app.run_test(size=SIZE) as pilot:
        screens.append(screen_text(app))
        for _ in range(3):
            await pilot.press("space")
            for _ in range(app.query_one(LessonPanel).page_count(app.state)):
                await pilot.press("w")
                screens.append(screen_text(app))
        await pilot.press("question_mark")
        for _ in range(6):
            screens.append(screen_text(app))
            await pilot.press("space")
        await pilot.press("question_mark", "l")
        screens.append(screen_text(app))
        await pilot.press("l")
        await edit(pilot, goal="abc")
        screens.append(screen_text(app))
        app.screen.query_one("#method").value = "牛顿法"
        await pilot.press("enter")
        screens.append(screen_text(app))
        await pilot.press("escape", "b", "b", "b", "b", "b")
        screens.append(screen_text(app))
        for key in ("plus", "m", "p"):
            await pilot.press(key)
            screens.append(screen_text(app))
        await resize(pilot, 60, 20)
        screens.append(screen_text(app))
    return screens


@pytest.mark.slow  # every lesson
@pytest.mark.parametrize("name", ["measure-error", "hot-cold", "divergence", "multi-weight"])
async def test_every_screen_in_chinese_has_no_english_words(name):
    for screen in await chinese_screens(name):
        assert english_words(screen) == set(), screen


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_the_divergence_banner_is_chinese():
    app = app_for("divergence", language="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["space"] * 27)
        screen = screen_text(app)
        assert "第 26 次迭代时发散了" in screen and english_words(screen) == set()



@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
@pytest.mark.parametrize(("language", "space", "step"), [("zh", "空格", "单步"), ("en", "space", "step")])
async def test_the_space_key_is_named_in_the_readers_words_on_the_key_bar_and_in_the_help(language, space, step):
    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        assert screen_text(app).splitlines()[-1].startswith(f"{space} {step} ")
        await pilot.press("question_mark")
        pages = []
        for _ in range(8):  # every page of the help (space scrolls it)
            pages.append(screen_text(app))
            await pilot.press("space")
        assert any(re.search(f"│ {space}  ", page) for page in pages)  # the help's row for the key
        assert language == "en" or "space" not in "".join(pages)


@pytest.mark.parametrize(("language", "title", "explained"), [("zh", "误差随权重 w1 变化", "图的标题把权重 1 写作 w1"),
                                                              ("en", "Error vs weight w1", "its title writes weight 1 as w1")])
@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
async def test_the_charts_w1_is_explained_on_the_lessons_first_screen(language, title, explained):
    app = app_for("multi-weight", language=language)
    async with app.run_test(size=SIZE):
        screen = screen_text(app)
        lesson_text = "".join(line.strip() for line in screen.split("─课程─" if language == "zh" else "─Lesson─")[1]
                              .splitlines())
        assert title in screen and explained.replace(" ", "") in lesson_text.replace(" ", "")


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
@pytest.mark.parametrize("key", ["plus", "m"])
async def test_a_change_that_starts_a_new_run_says_the_last_one_is_a_key_away(key):
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space", key)
        assert app.state.session.history.iteration == 0
        assert "A new run from iteration 0: b goes back to the last one, at iteration 3." in screen_text(app)
        await pilot.press("b")
        assert app.state.session.history.iteration == 3


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_every_digit_at_the_start_keeps_the_lessons_words():
    """f at iteration 0 hid the words (the log takes their place with every digit) and the
    log too (it has no rows yet): half the screen went blank."""
    app = app_for("measure-error")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert "A neuron predicts" in screen_text(app)  # the first page (f's notice takes a row of the words)


def significant_digits(figure: str) -> int:
    mantissa = figure.lstrip("-").partition("e")[0].replace(".", "").lstrip("0")
    return len(mantissa.rstrip("0")) if "." not in figure.partition("e")[0] else len(mantissa)


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
@pytest.mark.parametrize("name, steps", [(name, 3) for name in LESSONS] + [("alpha", 20), ("divergence", 20)])
async def test_no_figure_shows_more_digits_than_the_log(name, steps):
    """Every panel shows SHOWN_DIGITS significant digits, as the log does: a beginner saw
    "14700" in the log beside "14700.5" in the worked step (both now write 14700.5). The exception is a figure a
    formula goes on from, written exactly so the next step checks by hand (74.1125, r)."""
    app = app_for(name)
    problem = app.state.session.problem
    carried_on = {carried(analysis.sum_of_squares(problem)), carried(r_value(problem))}
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(steps):
            await pilot.press("space")
        await pilot.pause()
        figures = [figure for figure in re.findall(r"-?\d+\.\d+(?:e[+-]\d+)?", screen_text(app))
                   if figure not in carried_on]
        # Past 10000 a figure that 7 digits write exactly is written so, on every panel alike
        # (14700.5 in the log and the worked step: "10 x 14700 = 147005" read as false).
        longer = [figure for figure in figures if significant_digits(figure) > 5
                  and not (1e4 <= abs(float(figure)) < 1e6 and significant_digits(figure) <= 7)]
        assert figures and not longer, figures
        if steps > 3:  # far enough along that the exact figures are long: f shows them
            await pilot.press("f")
            await pilot.pause()
            assert max(map(significant_digits, re.findall(r"-?\d+\.\d+(?:e[+-]\d+)?", screen_text(app)))) > 5


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", LESSONS)
async def test_every_panels_lines_fit_it_after_any_rule_or_rate(name, language):
    """A line wider than its panel wraps, and the panel's last line falls off the screen:
    hot and cold's "gradient descent: 1 x 1 = 1 predictions" lost its unit, and the
    Chinese log's "delta（差值）" heading pushed a row above the table."""
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        for keys in ([], ["space"], ["plus", "space"], ["minus", "minus", "space"], ["m", "space"]):
            await press_at_once(pilot, *keys)
            for panel in (panel for panel in app.panels if panel.size.area):  # not the hidden ones
                lines = lines_of(panel.draw(app.state))
                while lines and not lines[-1].plain:  # plotext ends its picture with a newline
                    lines.pop()
                assert lines is not None and len(lines) <= panel.size.height, type(panel).__name__
                assert all(line.cell_len <= panel.size.width for line in lines), [line.plain for line in lines]


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
@pytest.mark.parametrize(("presses", "says"), [(1, "alpha      0.013493 (the best alpha)"),
                                                (4, "alpha      0.026986 (the edge)")])
async def test_alpha_at_the_best_or_the_edge_says_so(presses, says):
    """Both newcomer walks read "alpha 0.013493" above "best alpha 0.0135" as two numbers."""
    app = app_for("multi-weight")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["plus"] * presses)
        assert says in screen_text(app)


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_logs_headings_are_the_text_tables_in_either_view(language):
    """The Chinese log headed hot and cold's columns "up" and "down" (line mode: 向上误差),
    and f turned "delta" into "delta（差值）"."""
    from gradstep.tui.words.say import headings

    app = app_for("hot-cold", language=language)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.press("space")
        shown = [line for line in screen_text(app).splitlines() if " #" in line][0]
        assert all(headings(language).get(name, name) in shown for name in ("weight", "up_error", "down_error"))
        await pilot.press("f")
        assert [line for line in screen_text(app).splitlines() if " #" in line][0].split()[:4] == shown.split()[:4]


@pytest.mark.slow  # beside the everyday words on screen: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_number_reads_the_same_on_every_panel(language):
    """The newcomers read 0.64 as 6.4000e-01 in a log column with one speck of dust, and
    "alpha 0.013493" above "best alpha 0.0135"."""
    app = app_for("multi-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space")
        log = [line[:40] for line in screen_text(app).split("\n")[13:18]]
        assert "0.0196" in log[1] and "8.8027e-05" in log[3], log  # each cell its own notation
        assert "e-0" not in log[1] and "e-0" not in log[2]


@pytest.mark.slow  # beside the everyday words on screen: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_best_alpha_reads_as_alpha_does(language):
    """Both newcomer walks read "alpha 0.013493" above "best alpha 0.0135" as two numbers."""
    app = app_for("multi-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")  # alpha to the best alpha
        best = {"en": "best alpha 0.013493;", "zh": "最佳学习率 0.013493；"}[language]
        assert re.search(r"(alpha|学习率 α) +0\.013493", screen_text(app))
        assert best in screen_text(app) and "0.0135" not in screen_text(app).replace("0.013493", "")


@pytest.mark.parametrize(("language", "taken", "heading"), [("en", "3 steps taken", "#2->#3: prediction"),
                                                            ("zh", "已走 3 步", "#2→#3：预测")])
@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
async def test_the_steps_taken_the_last_log_row_and_the_worked_step_agree(language, taken, heading):
    """"3 steps taken" stood beside a worked step headed #2 and a log ending at row 2."""
    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space")
        lines = screen_text(app).split("\n")
        assert taken in lines[0] and heading in lines[13]
        log = [line.split()[0] for line in lines[14:22] if line.strip() and line.split()[0].isdigit()]
        assert log == ["0", "1", "2", "3"]  # iteration 3 is where the run is: its row is the last
        assert "0.4216" in lines[17] and "0.0018662" in lines[17]  # its weight and error, as the panel shows


@pytest.mark.parametrize(("language", "measured", "heading", "key"),
                         [("en", "measured 3 times", "#3: prediction", "space measure"),
                          ("zh", "已测量 3 次", "#3：预测", "空格 测量")])
@pytest.mark.slow  # beside the everyday steps-taken test, the same heading and count: in CI
async def test_the_measuring_lesson_counts_measurements_not_steps(language, measured, heading, key):
    """Lesson 1 said "1 step taken" and showed iteration numbers where it only measured."""
    app = app_for("measure-error", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space")
        screen = screen_text(app)
        lines = screen.split("\n")
        assert measured in lines[0] and heading in lines[13] and key in lines[-1]
        assert [line.split()[0] for line in lines[14:17]] == ["1", "2", "3"]
        assert "step" not in lines[0] and "步" not in lines[0]


@pytest.mark.slow  # beside the everyday panels that fit (every panel's lines fit it): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_logs_last_column_keeps_apart_from_the_worked_step(language):
    """At iteration 1000 the log's numbers filled its 40 cells: "1.93e-34 #999->#1000" read
    the worked step as one more column of the log."""
    from gradstep.tui.app.app import GradstepApp
    from gradstep.tui.app.widgets.log import IterationLog
    from rich.cells import cell_len

    session = Session.begin(course()[9])
    session = dataclasses.replace(session, history=session.history.jump(1000))
    app = GradstepApp(dataclasses.replace(session, lesson=dataclasses.replace(session.lesson, questions=())),
                      language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        log = app.query_one(IterationLog)
        edge = log.region.right  # the first cell right of the log
        rows = screen_text(app).splitlines()[log.region.y + 2:log.region.bottom]  # below the headings
        # A cell a character: a Chinese character takes two (the word under the rows on its dust).
        rows = ["".join(char + " " * (cell_len(char) - 1) for char in row) for row in rows]
        assert len(rows) > 5 and all(row[edge - 1] == " " for row in rows), rows  # with the worked step's margin: two


@pytest.mark.slow  # beside the everyday words on screen: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_matrix_names_its_frozen_weights_and_each_rows_r_as_the_text_does(language):
    """Lesson 10 with w1,1 frozen: the panel said "frozen w1" and "r1 = ..." while the text said
    "w1,1" and one r, row 1's, as if every row's; and a diverged run's rows wrapped."""
    from gradstep.tui.app.widgets.parameters import ParametersPanel

    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z", "1")
        assert app.state.session.problem.frozen == (0,)
        screen = screen_text(app)
        mark = {"en": " ", "zh": ","}[language]  # a list as every panel writes it
        row_1 = say(language, "weight.frozen", value="0.1") + f"{mark}0.1{mark}-0.3"
        assert re.search(re.escape(say(language, "weights_row", row=1)) + " +" + re.escape(row_1), screen) and "w1,1" in screen and "w1 " not in screen  # marked on its own number
        words = " ".join(panel_words(app).split())
        assert all(f"r{row} = 1 - 0.01" in words for row in (1, 2, 3)), words
        await press_at_once(pilot, *["plus"] * 8, *["space"] * 40)  # alpha past the edge: it diverges
        assert app.state.session.history.divergence is not None
        panel = app.query_one(ParametersPanel)
        lines = [line.plain for line in lines_of(panel.draw(app.state))]
        assert all(not line.startswith(" ") for line in lines[:9]), lines  # no row goes on under itself


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize(("language", "title"), [("en", "Error 1 vs w1,1"), ("zh", "误差 1 随 w1,1 变化")])
async def test_the_matrix_chart_says_vs_and_the_lesson_says_what_wij_is(language, title):
    """"误差 1-权重 w1,1" read as a subtraction, and wi,j was explained nowhere."""
    app = app_for("several-outputs", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert title in screen_text(app) and "1-" not in screen_text(app).split("\n")[1]
        assert ("wi,j" in panel_words(app) or language == "zh") and "w2,1" in panel_words(app)


@pytest.mark.slow  # beside the everyday words on screen (a new alpha or rule changes the words): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
async def test_each_outputs_formula_is_a_line_with_its_number(name, language):
    """"... with its own row of weights: 1:" ended a line, its formula on the next; and the
    Chinese text parted the outputs with ASCII "; " and ": "."""
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lesson = screen_text(app).split("─课程─" if language == "zh" else "─Lesson─")[1].splitlines()
        assert sum(bool(re.match(r" (output [123]: |输出 [123]：)\S", line)) for line in lesson) >= 3, lesson
        assert not any(re.search(r"\b\d[:：]$", line.rstrip()) for line in lesson), lesson
        assert language == "en" or not re.search(r"\d; \d: ", " ".join(lesson))


@pytest.mark.parametrize("name", LESSONS)
def test_a_chinese_logs_headings_are_chinese_but_the_weights_chart_names(name):
    """"e1 e2 e3" over the outputs' errors read as English in a Chinese log: every heading
    is the reader's word, but for a weight's column, named as the chart names it (w2,1)."""
    from gradstep.tui.app.widgets.log import OUTPUTS_WIDTH, heading, log_columns

    problem = next(lesson for lesson in course() if lesson.name == name).problem
    shown = [heading(column, OUTPUTS_WIDTH, "zh", problem).strip() for column in log_columns(problem, 10_000, OUTPUTS_WIDTH)]
    english = [text for text in shown if re.search("[a-z]", text) and not re.fullmatch(r"wd?\d+(,\d+)?", text)]
    assert not english, shown
    if problem.outputs > 1:
        assert {"误差 1", "预测 2", "差值 3"} <= set(shown)
        assert {"error 1", "p2", "d3"} <= {heading(c, OUTPUTS_WIDTH, "en", problem).strip()
                                     for c in log_columns(problem, 10_000, OUTPUTS_WIDTH)}


@pytest.mark.slow  # beside the everyday rounding words (rounding dust is explained): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "steps"), [("divergence", 8), ("alpha", 22)])
async def test_the_rounding_note_is_on_the_page_of_the_line_it_explains(name, steps, language):
    """Lesson 5's step #2->#3 showed (1.47e+05 - (-10))^2 = 2.1613e+10 on page 1, which gives
    2.1612e+10 by hand, and said why only on page 3; then the note stood under the prediction's
    plain "=", two pages before the first ~=. At every step whose figures do not add up as
    shown, the page that shows the first line marked ~= says what it means, or (a hair's miss)
    that rounding is why."""
    from gradstep.tui.words.worked import says_every_digit, worked_step
    from rich.cells import cell_len

    note = re.sub(r"\s", "", say(language, "worked.shown_digits"))
    hairs = [re.sub(r"\s", "", say(language, key, goal="0.8", error="", miss="").partition(":")[0].partition("：")[0])
             for key in ("worked.rounding", "worked.not_yet")]
    about = say(language, "sign.about").strip()
    app = app_for(name, language=language)
    seen = 0
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(steps):
            await pilot.press("space")
            await pilot.pause()
            history = app.state.session.history
            if history.divergence is not None or not says_every_digit(history):
                continue
            marked = re.sub(r"\s", "", next(line for line in worked_step(history, language)
                                             if about in line and line[:1] not in "(（"))
            for _ in range(app.query_one("LessonPanel").page_count(app.state)):
                rows = ["".join(char + " " * (cell_len(char) - 1) for char in row)  # the log's 权重 is 4 cells
                        for row in screen_text(app).splitlines()[13:23]]
                worked = re.sub(r"\s", "", "".join(row[41:] for row in rows))
                if marked in worked:
                    break
                await pilot.press("w")
            # what ~= means, or the hair's miss that makes the error read ~= (a note each names f)
            assert marked in worked and (note in worked or any(hair in worked for hair in hairs)), \
                (history.iteration, worked)
            seen += 1
    assert seen  # the lesson has such a step


@pytest.mark.slow  # beside the everyday rounding words (rounding dust is explained): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_each_output_a_hair_from_its_goal_says_so_on_the_first_page(language):
    """Lesson 10 after 15 steps showed "error = (0.1 - 0.1)^2 = 7.6304e-18" with only "the
    last digit may not add up" beside it on the page: the whole result is off, since the
    prediction is a hair from its goal, and that was said on page 2. Each output's first
    page now says it under the error line."""
    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *["space"] * 15)
        for key, goal in (("1", "0.1"), ("2", "1"), ("3", "0.1")):
            await press_at_once(pilot, key)
            shown = screen_text(app)
            said = {"en": "(the prediction is not yet exactly", "zh": f"（预测还没有正好等于 {goal}"}[language]
            assert said in shown and f"({goal} - {goal})^2{say(language, 'sign.about')}" in shown  # 0 by hand


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("steps", [5, 6])
async def test_rounding_dust_is_explained_on_the_page_that_shows_it(language, steps):
    """Lesson 2 after 5 steps showed "0.1 - 0.1 = 2.7756e-17 -> error 1" in the worked step
    and 2.7756e-17 in the log, while "2.8e-17 is 0 but for float rounding" stood on page 2
    behind w; now it stands under the first line that shows the figure, on the first page,
    at the step that makes it and the one that starts from it."""
    app = app_for("hot-cold", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *["space"] * steps)
        shown = screen_text(app)
        said = {"en": "2.7756e-17 is 0 but for float rounding", "zh": "2.7756e-17 其实就是 0"}[language]
        worked = "".join(line[41:] for line in shown.splitlines())  # the worked step's half, its lines wrapped
        assert "2.7756e-17" in shown and re.sub(r"\s", "", said) in re.sub(r"\s", "", worked)


@pytest.mark.slow  # beside the everyday words on screen (a new alpha or rule changes the words): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_r_with_a_frozen_weight_says_where_its_sum_comes_from(language):
    """Lesson 7 with weight 1 frozen in the editor read "r = 1 - 0.01 x 1.8625 = 0.981375"
    right after the lesson's 74.1125, with no word on where 1.8625 comes from: the squares
    of the learning weights' inputs, 0.65^2 + 1.2^2, without the frozen w1's 8.5^2."""
    app = app_for("multi-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await edit(pilot, frozen="1")
        words = panel_words(app)
        assert "r = 1 - 0.01 x 1.8625 = 0.981375".replace(" x ", {"en": " x ", "zh": " × "}[language]) in words
        assert "1.8625 = 0.65^2 + 1.2^2" in words
        assert {"en": "w1 is frozen, so its input, 8.5, does not count in r", "zh": "w1 被冻结了，它的输入 8.5 不计入 r"}[language] in words


@pytest.mark.slow  # beside the everyday words on screen; the lessons' words are unit tests (test_prose): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_best_alpha_and_the_edge_show_from_the_lesson_that_teaches_them(language):
    """"best alpha 1; edge 2" showed in lessons 2 to 5 (in lesson 2 after m, before gradient
    descent was taught) while lesson 6 is the one that says what they are."""
    edge = {"en": "; edge ", "zh": "；稳定边界 "}[language]
    for name, keys, shown in (("hot-cold", ["m"], False), ("divergence", [], False), ("alpha", [], True)):
        app = app_for(name, language=language)
        async with app.run_test(size=SIZE) as pilot:
            await press_at_once(pilot, *keys)
            assert (edge in screen_text(app)) is shown, name


@pytest.mark.slow  # beside the everyday editor refusal (test_outside_text's markup): in CI
@pytest.mark.parametrize("language", ["zh", "en"])
async def test_an_editors_refusal_in_chinese_ends_with_its_full_stop(language):
    """"或用逗号隔开的几个数（如 0.1,0.2）": a refusal is worded to follow "gradstep: " or
    another sentence; shown alone in the editor, it ends as a sentence does, in both languages."""
    from gradstep.tui.app.screens.editor import EditorScreen

    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("backspace", "enter")  # the weight's text selected, deleted: an empty field
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        shown = "".join(line.strip(" │") for line in screen_text(app).replace(" ", "").splitlines())  # the box's rows, joined
        empty = "".join(say(language, "numbers.empty").split())
        assert empty in shown
        after = shown[shown.index(empty) + len(empty):]
        assert after.startswith({"zh": "。", "en": "."}[language])


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
async def test_a_frozen_weight_leaves_the_readouts_verdict_on_screen(name, language):
    """Lessons 9 and 10 with a weight frozen: the table grew a row and the panel kept only
    "r1 = 1 - 0.1 × (-30)^2 = -89", with no word that it diverges. Where one row is left,
    it is the verdict's (which names r's sign); the formula gives way first."""
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z")
        await settle(pilot)
        history = app.state.session.history
        assert history.problem.frozen
        verdict = readout_lines(history, language, app.state.session.lesson.hidden, app.state.output)[1]
        assert verdict in screen_text(app) or r_verdict(history, language, app.state.output) in screen_text(app)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("name, keys, r", [("several-outputs", ("z", "2"), "r2 = 0.95775"),
                                           ("weight-matrix", ("z",), "r1 = 0.981375")])
@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
async def test_a_frozen_weights_verdict_comes_with_r_s_figure(name, keys, r, language):
    """Lessons 9 and 10 with a weight frozen kept r's verdict and dropped r's figure: the
    English panel read only "0 < r < 1: converges, same side", r's value nowhere on it."""
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *keys)
        await settle(pilot)
        panel = [line[:40] for line in screen_text(app).splitlines()[2:12]]
        verdict = say(language, "verdict.smooth")
        name, value = r.split(" = ")
        compact = any(r in line and verdict in line for line in panel)
        formula = any(line.startswith(f"{name} = ") and line.rstrip().endswith(f" = {value}") for line in panel)
        assert compact or (formula and any(verdict in line for line in panel)), panel


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_hot_and_cold_says_nothing_of_what_lesson_3_teaches(language):
    """Lesson 2's panel compared hot and cold with "gradient descent: 1 step x 1 = 1", and
    m switched to gradient descent with its r and best alpha: all three are lesson 3's and
    6's ideas. Before lesson 3 neither shows, and m is refused as the course's lock."""
    app = app_for("hot-cold", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "space", "m")
        await settle(pilot)
        notice_rows = app.query_one("#notice").size.height
        shown = "\n".join(screen_text(app).splitlines()[:-1 - notice_rows])  # the panels: the notice names lesson 3's
        assert app.state.session.problem.method == "hot-cold"
        assert app.state.notice.startswith(say(language, "locked.rule", by="locked_by.course"))
        assert say(language, "gd") not in shown and not re.search(r"\br = ", shown)
        assert say(language, "cost", made=3, per=3) in shown  # hot and cold's own cost stays


@pytest.mark.slow  # beside the everyday lesson 2 (above): in CI
async def test_after_lesson_3_hot_and_cold_is_compared_with_gradient_descent():
    """From lesson 3 on, m's hot and cold still shows what the goal costs gradient descent."""
    app = app_for("gradient-descent")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "m")
        await settle(pilot)
        assert app.state.session.problem.method == "hot-cold"
        assert "gradient descent: " in screen_text(app)


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_hot_and_colds_worked_step_keeps_each_probe_with_its_label(language):
    """At the step that passes 2.7756e-17, English lesson 2 showed "down:" alone on a line
    and its formula on the next."""
    app = app_for("hot-cold", language=language)
    async with app.run_test(size=SIZE) as pilot:
        for steps in (5, 1):
            await press_at_once(pilot, *["space"] * steps)
            await settle(pilot)
            labels = [say(language, key, weight="", step="", probe="", error="").split()[0]
                      for key in ("probe_up", "probe_down")]
            rows = [row[40:].strip(" │") for row in screen_text(app).splitlines()]
            assert not any(row in labels for row in rows), rows


@pytest.mark.slow  # a second test of the editor, beside the everyday test_app::test_edit_applies_a_valid_problem: in CI
async def test_the_chinese_editor_says_which_separators_to_type_and_takes_them():
    """The editor told Chinese students "行与行之间用 ; 隔开" while their input method types
    ；and ，(which the editor reads too): it names both, and both work."""
    app = app_for("weight-matrix", language="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await settle(pilot)
        shown = "".join(screen_text(app).replace("│", "").split())
        assert ";或；都行" in shown and ",或，都行" in shown  # one wording, the panels' own list mark first
        app.screen.query_one("#weights").value = "0.2，0.1，-0.3；0.1，0.2，0；0，1.3，0.1"
        await pilot.press("enter")
        await settle(pilot)
        assert app.state.session.problem.weights[:3] == (0.2, 0.1, -0.3)


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_matrix_of_weights_is_written_as_the_worked_step_writes_it(language):
    """Lesson 10's panel read 0.06132 where the worked step read 0.061325: the same weight,
    at four digits beside five, looked like two numbers."""
    from gradstep.tui.words.figures import listed

    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "space")
        await settle(pilot)
        weights = app.state.session.history.weights.reshape(3, 3)
        screen = screen_text(app)
        for row in weights:
            assert listed(row, language) in screen, screen  # as the worked step writes each figure


@pytest.mark.slow  # a second test of locks in the editor, beside the everyday test_teacher::test_a_locked_key_is_dimmed_and_says_the_teacher_locked_it: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_editor_keeps_the_lessons_lock_on_the_rule(language):
    """Lesson 2 locks m (gradient descent, r and alpha come in lesson 3), yet typing gd into
    the editor's rule field switched to it all the same: the field is refused as m is."""
    app = app_for("hot-cold", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#method").value = "gd"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and app.state.session.problem.method == "hot-cold"
        said = "".join(say(language, "locked.rule", by="locked_by.course").split())
        assert said.rstrip(".。") in "".join(screen_text(app).replace("│", "").split())


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
async def test_hot_and_colds_moves_are_in_the_readers_words_in_the_log():
    """With f (every digit) in Chinese the log's move column (下一步) read "down" and "up" in
    English: the moves are the text table's words, padded by cells (a Chinese character
    takes two), so the column stays in line."""
    from gradstep.tui.app.widgets.log import IterationLog
    from rich.cells import cell_len

    app = app_for("hot-cold", language="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "space", "space", "space")
        await pilot.pause()
        log = "\n".join(line.plain for line in app.query_one(IterationLog).draw(app.state).renderables)
        assert say("zh", "column.next_move") in log and ("往下" in log or "往上" in log), log
        assert not re.search(r"\b(down|up|none)\b", log), log
        assert len({cell_len(line) for line in log.splitlines()[1:]}) == 1, log


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
async def test_chinese_lock_sentences_read_plainly():
    """"课程在这一课锁定了切换规则。" read stilted: the course's own lock says plainly what this
    lesson cannot do ("本课不能切换规则。"), and a teacher's says whose rule it is; every
    sentence of the family reads so."""
    from gradstep.core.lessons import LOCKABLE

    app = app_for("hot-cold", language="zh")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "m")
        await settle(pilot)
        assert app.state.notice == "本课不能切换规则。这一课学冷热法；梯度下降和它的 r、学习率 α 在第 3 课学。"  # and why
    for action in LOCKABLE:
        said = say("zh", f"locked.{action}", by="locked_by.course")
        assert said.startswith("本课不能") and "锁定" not in said, said
        assert say("zh", f"locked.{action}", by="locked_by.teacher") == "老师设定" + said


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_1_and_its_panel_give_the_same_keys_for_the_next_lesson(language):
    """Lesson 1's text said "press l for the next one" while the panel said "l, then Enter":
    l opens the list and Enter opens the next lesson, and both say so, once the lesson's
    measurement is made."""
    keys = {"en": "press l, then Enter,", "zh": "按 l 再按回车"}[language]
    app = app_for("measure-error", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        assert keys in panel_words(app) and say(language, "next_lesson") in screen_text(app)
        await pilot.press("l", "enter")
        await settle(pilot)
        assert app.state.session.lesson.name == "hot-cold"


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_4_does_not_give_away_its_factor_before_asking_it(language):
    """Lesson 4 said "x 0.5625, which is r^2 = 0.75^2" at iteration 1, before its question at
    iteration 2 asks by what factor each error shrinks. The sentence waits for the answer."""
    app = app_for("error-curve", questions=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        question = app.state.session.lesson.questions[1]
        assert question.answer == 0.5625 and question.at == 2
        from gradstep.core.questions import RIGHT, Answer
        session = app.state.session
        first = Answer(index=0, at=0, given=1.6, result=RIGHT, tries=1)  # the bottom, asked at 0
        app.state = app.state.replace(session=dataclasses.replace(session, history=session.history.jump(1),
                                                                  answers=(first,)))
        await settle(pilot)
        assert app.state.session.history.iteration == 1
        assert "0.5625" not in panel_words(app) and "0.562" not in screen_text(app)
        told = dataclasses.replace(app.state.session, history=app.state.session.history.jump(3))
        assert "0.5625" in " ".join(commentary(told.history, language, (), 0, told.questions_to_come()))


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", [lesson.name for lesson in course() if lesson.problem.method == "gd"])
async def test_every_gradient_lesson_shows_its_steps_to_go_at_80x24(name, language):
    """Lesson 8 lacked "6 more steps to error < 0.000001", shown in every other lesson: its
    frozen-weights row pushed the line off the parameters panel. The frozen mark sits beside
    the frozen weight's number (on the goal's row, "goal 1 (w1 frozen)" read as "the goal is
    frozen"), and each lesson's panel ends with its steps to go. Lessons 9 and 10 lacked it
    too: lesson 9's weights now share a row, and lesson 10's r formula gives way to it."""
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        history, lesson = app.state.session.history, app.state.session.lesson
        if "analysis" in lesson.hidden or "forecast" in lesson.hidden:
            return
        last = readout_lines(history, language, lesson.hidden)[-1]
        panel = "".join(line[:40] for line in screen_text(app).splitlines()[2:12])
        assert re.sub(r"\s", "", last) in re.sub(r"\s", "", panel), (last, panel)
        if lesson.problem.frozen:  # the mark beside the frozen weight's own number, not the goal's
            from rich.cells import set_cell_size  # the panel's 40 cells: a Chinese character takes two

            halves = [set_cell_size(line, 40) for line in screen_text(app).splitlines()[2:12]]
            rows = {half.split()[0]: half for half in halves if half.strip()}
            assert say(language, "weight.frozen", value="0.1") in rows[say(language, "weights")]
            assert rows[say(language, "goal")].split() == [say(language, "goal"), "1"]


@pytest.mark.slow  # a second test of frozen weights, beside the everyday test_next_article::test_z_freezes_the_followed_weight_and_unfreezes_it: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_two_frozen_weights_keep_the_weights_row_whole_and_its_digits(language):
    """Lesson 8 with w1 and w2 frozen wrapped the weights row, "0.1 (frozen) 0.2" then
    "(frozen) -0.1" under it, the mark read as the next weight's, and cut the row to 3
    digits (-0.021) while the log and worked step showed 5 (-0.020973). Each frozen number
    carries a one-cell mark, said once in the panel's title; the row keeps its line and its
    digits, and the steps to go still show."""
    from rich.cells import set_cell_size  # the panel's 40 cells: a Chinese character takes two

    from gradstep.tui.app.widgets.parameters import ParametersPanel

    app = app_for("freeze-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await edit(pilot, frozen="1 2")
        await press_at_once(pilot, "space", "space")
        await settle(pilot)
        history = app.state.session.history
        assert history.problem.frozen == (0, 1)
        panel = [set_cell_size(line, 40).rstrip() for line in screen_text(app).splitlines()[2:12]]
        rows = {line.split()[0]: line for line in panel if line.strip()}
        mark = {"en": " ", "zh": ","}[language]  # a list as every panel writes it
        frozen = [say(language, "weight.frozen", value=value) for value in ("0.1", "0.2")]
        assert rows[say(language, "weights")].split(maxsplit=1)[1] == mark.join([*frozen, "-0.020973"]), panel
        assert not any(line.startswith(" ") for line in panel), panel  # no row goes on under itself
        title = str(app.query_one(ParametersPanel).border_title)
        assert say(language, "parameters.noted", title=say(language, "gd"), note=say(language, "parameters.frozen_said")) in title, title
        last = readout_lines(history, language, app.state.session.lesson.hidden)[-1]
        assert re.sub(r"\s", "", last) in re.sub(r"\s", "", "".join(panel)), (last, panel)


@pytest.mark.slow  # a second test of the words on screen, beside the everyday test_every_panels_lines_fit_it_after_any_rule_or_rate: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_after_m_gradient_descents_count_is_the_one_its_own_panel_gave(language):
    """Lesson 3 at alpha 0.5: the panel said "11 more steps to error < 0.000001"; after m, hot
    and cold's panel said "gradient descent: 5 more steps", counted to hot and cold's own
    nearness. Both count gradient descent's steps to error < 0.000001 now."""
    app = app_for("gradient-descent", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("minus")
        await settle(pilot)
        assert app.state.session.problem.alpha == 0.5
        own = say(language, "steps_to_go", steps=11, tolerance="0.000001", error=say(language, "to_go.error"))
        assert own in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert app.state.session.problem.method == "hot-cold"
        line = say(language, "gd_to_goal", steps=say(language, "count.steps", steps=11), per=1, cost=11)
        assert line in screen_text(app), screen_text(app)
