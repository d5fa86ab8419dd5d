"""The app driven the way a student drives it: keys in, assertions on the session."""

import csv
import re

import pytest
from gradstep.core.history import History
from gradstep.core.courses import course, find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.screens.editor import EditorScreen
from gradstep.tui.app.screens.help import HelpScreen
from gradstep.tui.app.screens.lessons import LessonsScreen
from gradstep.tui.app.widgets.key_bar import KeyBar
from gradstep.tui.app.widgets.notice import MOST_ROWS, notice_rows
from gradstep.tui.app.widgets.status import taken
from gradstep.tui.words.prose import lesson_heading
from gradstep.tui.words.say import say

from ..helpers import SIZE, app_for, press_at_once, same_state, screen_text, settle


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_space_and_n_each_take_one_step():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "space")
        history = app.state.session.history
        assert history.iteration == 3
        assert history.errors.tolist() == [0.03999999999999998, 0.0144, 0.005183999999999993]


async def test_step_back_and_reset_leave_the_exact_earlier_state():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *["space"] * 5)
        five = app.state.session.history
        await press_at_once(pilot, "space", "space", "b", "b")
        assert same_state(app.state.session.history, five)
        await pilot.press("0")
        assert app.state.session.history.iteration == 0
        await pilot.press("b")  # at iteration 0, back undoes the reset
        assert same_state(app.state.session.history, five)
        await press_at_once(pilot, *["b"] * 5)
        assert same_state(app.state.session.history, History.start(find_lesson("alpha").problem))
        start = app.state.session
        assert app.check_action("back", ()) is None  # nothing earlier: the key is dimmed
        await pilot.press("b")  # and pressed anyway, it says why and changes nothing
        assert app.state.session is start and app.state.notice.startswith("Nothing to go back to")


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_play_steps_by_itself_until_paused():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("]", "]", "]", "]")  # fastest: 15 steps a second
        assert app.state.speed == 15.0
        await pilot.press("p")
        assert app.state.playing
        await pilot.pause(0.5)
        await pilot.press("p")
        assert not app.state.playing
        stopped_at = app.state.session.history.iteration
        assert stopped_at >= 1
        await pilot.pause(0.3)
        assert app.state.session.history.iteration == stopped_at
        await pilot.press("[")
        assert app.state.speed == 8.0


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_play_stops_by_itself_at_divergence():
    app = app_for("divergence")
    async with app.run_test(size=SIZE) as pilot:
        app.state = app.state.replace(session=Session(app.state.session.lesson, app.state.session.history.jump(24)))
        await pilot.press("]", "]", "]", "]", "p")
        await pilot.pause(0.6)
        assert not app.state.playing and app.state.session.history.divergence is not None


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_alpha_keys_walk_the_ladder_and_back_undoes():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "plus")
        assert app.state.session.problem.alpha == 0.2 and app.state.session.history.iteration == 0
        await pilot.press("minus", "minus")
        assert app.state.session.problem.alpha == 0.05
        await pilot.press("b", "b")  # each change undone in turn
        assert app.state.session.problem.alpha == 0.2
        await pilot.press("b")
        assert app.state.session.problem.alpha == 0.1 and app.state.session.history.iteration == 2


@pytest.mark.slow  # beside the everyday set: in CI
async def test_hot_cold_keys_change_the_step_amount():
    app = app_for("hot-cold")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        assert app.state.session.problem.step_amount == 0.2


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_m_switches_the_rule_from_the_same_start():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "m")
        problem = app.state.session.problem
        assert problem.method == "hot-cold" and problem.weights == (0.5,)
        await pilot.press("m")
        assert app.state.session.problem.method == "gd"


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_m_refuses_hot_cold_for_several_weights():
    app = app_for("multi-weight")
    async with app.run_test(size=SIZE) as pilot:
        before = app.state.session
        await pilot.press("m")
        assert app.state.session is before and "hot and cold is for 1 weight, not 3" in app.state.notice


async def test_edit_applies_a_valid_problem():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "e")
        assert isinstance(app.screen, EditorScreen)
        labels = [str(label.render()) for label in app.screen.query("#fields Label")]
        assert labels[:3] == ["weight", "input", "goal"], labels  # one of each, as the panel names them
        app.screen.query_one("#alpha").value = "1"
        await pilot.press("enter")
        assert not isinstance(app.screen, EditorScreen)
        assert app.state.session.problem.alpha == 1.0 and app.state.session.history.iteration == 0


@pytest.mark.parametrize(("field", "typed", "reason"), [
    ("alpha", "abc", "alpha: 'abc' is not a number"),
    ("goal", "nan", "goal: 'nan' is not a number (nan)"),
    ("weights", "1e400", "weight: '1e400' is too large for a float"),  # the field as the form labels it: one weight
    ("inputs", "", "input: is empty: type a number such as 0.5"),
    ("alpha", "0", "alpha: must be greater than 0 (got 0)"),
    ("inputs", "1,2", "input: each weight needs exactly one input (weights: 1, inputs: 2)"),
    ("method", "[/bold]", "rule: '[/bold]' is not a rule"),  # markup typed in is text, not a crash
])
@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_edit_refuses_bad_input_inline_and_changes_nothing(field, typed, reason):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        before = app.state.session
        await pilot.press("e")
        app.screen.query_one(f"#{field}").value = typed
        await pilot.press("enter")
        assert isinstance(app.screen, EditorScreen)  # still open, typing kept
        assert app.screen.query_one(f"#{field}").has_class("-invalid")
        assert reason in " ".join(str(line) for line in app.screen.query_one("#refusal").lines(72))
        assert app.state.session is before
        await pilot.press("escape")
        assert app.state.session is before


@pytest.mark.slow  # beside the everyday set: in CI
async def test_l_picks_a_lesson_by_number():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LessonsScreen)
        await pilot.press("5")
        assert app.state.session.lesson.name == "divergence"
        await pilot.pause()
        await pilot.press("s", "enter")  # its question at iteration 0, skipped
        await pilot.press("b")  # the lesson before comes back
        assert app.state.session.lesson.name == "alpha"


@pytest.mark.slow  # beside the everyday set: in CI
async def test_v_toggles_the_chart_and_number_keys_choose_the_weight():
    app = app_for("multi-weight")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert app.state.view == "iteration"
        await pilot.press("v", "3")
        assert app.state.view == "weight" and app.state.selected == 2
        await pilot.press("9")  # no ninth weight: the key does nothing
        assert app.state.selected == 2


@pytest.mark.slow  # beside the everyday lesson list (l then enter): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_lesson_opened_with_l_starts_on_its_own_chart(language):
    """v's error-vs-iteration chart came along into the next lesson, where at iteration 0
    it is one point and the lesson's words speak of the curve: a lesson opens on error vs weight."""
    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "space", "v")
        assert app.state.view == "iteration"
        await press_at_once(pilot, "l", "7")
        await settle(pilot)
        assert app.state.session.lesson.name == "multi-weight"
        assert app.state.view == "weight"
        title = app.query_one("#chart").border_title
        assert title.startswith(say(language, "chart.numbered_weight", number=1)), title  # lesson 7 follows w1


@pytest.mark.slow  # beside the everyday set: in CI
async def test_f_shows_exact_values():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space", "f")
        assert app.state.exact
        log = app.query_one("#log")
        assert "0.005183999999999993" in "".join(s.text for s in log.render_line(3))


@pytest.mark.slow  # beside the everyday set: in CI
async def test_x_exports_the_log_with_exact_numbers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "x")
        [path] = tmp_path.glob("gradstep-log-*.csv")
        assert str(path.name) in app.state.notice
        await pilot.pause()
        screen = screen_text(app)
        # The file's name is on screen, however long the folder; the title stays.
        assert f"{path.name} in" in screen and "alpha: Alpha tames the step" in screen
        rows = list(csv.DictReader(path.open()))
        assert [float(row["error"]) for row in rows] == app.state.session.history.errors.tolist()


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_a_panel_shown_again_shows_the_present(tmp_path, monkeypatch):
    """Panels skip drawing while hidden (display: none); coming back, they must not show the past."""
    monkeypatch.chdir(tmp_path)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "space")  # the key bar gave way to a notice while back became live
        await pilot.pause()
        assert key_bar_text(app).startswith("space step b back")
        assert not dimmed(app, "back")
        first = set(tmp_path.glob("*.csv"))
        await pilot.press("x")  # the notice line comes back with a new notice
        await pilot.pause()
        [second] = set(tmp_path.glob("*.csv")) - first
        assert second.name in screen_text(app)
        await pilot.press("f", "space", "space", "f")  # the worked step was hidden for two steps
        await pilot.pause()
        assert "error = (0.872 - 0.8)^2 = 0.005184" in screen_text(app)


def key_bar_text(app: GradstepApp) -> str:
    return screen_text(app).splitlines()[-1]


def key_bar_segments(app: GradstepApp) -> list:
    """The key bar's line as it is painted: its segments, each with its style."""
    return list(app.query_one("#keys").render_line(0))


def dimmed(app: GradstepApp, word: str) -> bool:
    """Whether `word`'s entry is drawn as the key bar draws a key that would do nothing now."""
    from gradstep.tui.app.widgets.key_bar import KeyBar

    muted = app.query_one(KeyBar).get_component_rich_style("key-bar--dimmed")
    styles = [segment.style for segment in key_bar_segments(app) if word in segment.text]
    assert styles, f"{word!r} is not on the key bar"
    return all(style.color == muted.color and bool(style.dim) == bool(muted.dim) for style in styles)


@pytest.mark.slow  # beside the everyday set: in CI
async def test_g_switches_language_and_the_key_bar_follows():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert app.state.language == "zh"
        assert key_bar_text(app).startswith("空格 单步 g English")  # the first screen offers the way back
        await pilot.press("g")
        await pilot.pause()
        assert app.state.language == "en"
        assert key_bar_text(app).startswith("space step g 中文")


@pytest.mark.parametrize(("width", "first_keys", "last_key"), [
    (80, "space step g 中文 p play 0 reset", "m rule"),  # b, which would do nothing yet, gives its room to g
    (100, "space step b back g 中文 p play 0 reset", "e edit")])
@pytest.mark.slow  # beside the everyday set: in CI
async def test_the_key_bar_shows_what_fits_most_useful_first(width, first_keys, last_key):
    app = app_for()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        keys = key_bar_text(app).rstrip()
        assert keys.startswith(first_keys + " +- alpha")  # g on the first screen, then p to watch the run
        assert keys.endswith(last_key)


@pytest.mark.parametrize("options", [{}, {"low_bandwidth": True}], ids=["rgb", "ansi"])
async def test_the_key_bar_dims_a_key_that_would_do_nothing(options):
    app = app_for(**options)
    async with app.run_test(size=(100, 24)) as pilot:  # at 80 the first screen's g takes a dimmed key's room
        await pilot.pause()
        assert dimmed(app, "back") and not dimmed(app, "step")  # nothing to go back to yet
        back = next(segment.style for segment in key_bar_segments(app) if "back" in segment.text)
        assert back.dim if options else back.color.triplet is not None  # dim only where no muted colour is
        await pilot.press("space")
        await pilot.pause()
        assert not dimmed(app, "back")


@pytest.mark.slow  # beside the everyday set: in CI
async def test_the_key_bar_takes_a_new_themes_colours_at_once():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = key_bar_segments(app)[0].style
        app.theme = "textual-light"
        await pilot.pause()
        after = key_bar_segments(app)[0].style
        assert after.bgcolor != before.bgcolor


@pytest.mark.slow  # beside the everyday set: in CI
async def test_a_click_on_a_key_presses_it():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plain = key_bar_text(app)
        await pilot.click("#keys", offset=(plain.index("step"), 0))  # on what it does
        await pilot.click("#keys", offset=(plain.index("step"), 0))
        assert app.state.session.history.iteration == 2
        plain = key_bar_text(app)  # b is offered once it would do something
        await pilot.click("#keys", offset=(plain.index("b back"), 0))  # on the key
        assert app.state.session.history.iteration == 1


@pytest.mark.slow  # beside the everyday set: in CI
async def test_help_opens_and_closes():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.query_one("#help")
        await pilot.press("space")  # at 80x24 it is longer than the screen: printable keys scroll
        assert help_text.scroll_y > 0
        await pilot.press("b")
        assert help_text.scroll_y == 0 and isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.slow  # beside the everyday set: in CI
async def test_q_quits_with_status_zero():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.slow  # many steps or waits: in CI, not the everyday loop
async def test_stepping_is_dimmed_after_divergence_and_refused():
    app = app_for("divergence")
    async with app.run_test(size=SIZE) as pilot:
        app.state = app.state.replace(session=Session(app.state.session.lesson, app.state.session.history.jump(24)))
        await pilot.press(*["space"] * 10)  # two steps to the divergence, then refused
        history = app.state.session.history
        assert history.divergence is not None and history.iteration == 27
        assert app.check_action("step", ()) is None
        assert app.query_one("#explain").has_class("-diverged")
        assert app.is_running
        await pilot.press("minus")  # the key that helps is live
        assert app.state.session.problem.alpha == 0.5


@pytest.mark.slow  # beside the everyday export (test_export_place): in CI
@pytest.mark.parametrize("language", ["zh", "en"])
async def test_an_exported_files_name_is_whole_and_a_long_folder_shortened_visibly(tmp_path, monkeypatch, language):
    # A folder longer than the notice's rows hold: its front gives way, never the name's ".csv".
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 9)
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    app = app_for("multi-weight")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*(["g"] if language == "zh" else []), "x")
        await pilot.pause()
        [path] = deep.glob("*.csv")
        notice = "".join(app.state.notice.split())
        assert path.name in notice and "…" in notice and "folder-name" in notice.split("…")[1]
        assert len(notice_rows(app.state.notice, SIZE[0])) <= MOST_ROWS and not notice.endswith("…")
        folder = notice.split("…")[1]
        assert folder.startswith("/")  # cut where a name begins


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_a_notice_too_long_for_its_rows_ends_in_an_ellipsis():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        app.state = app.state.replace(notice="很长的通知" * 40)  # 400 cells: past three rows of 80
        await pilot.pause()
        assert screen_text(app).splitlines()[-2].rstrip().endswith("…")  # the last row above the key bar


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_next_lesson_is_l_then_enter_as_the_lesson_says(language):
    """"Press l for the next lesson" opened the list, where the next lesson was a number to
    find; Enter now opens it, and the measuring lesson, which says so, cannot switch rule."""
    app = app_for("measure-error", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # the measurement the lesson asks for first
        await settle(pilot)
        assert say(language, "next_lesson") in screen_text(app)
        await pilot.press("m")
        assert app.state.session.problem.method == "measure"
        assert app.state.notice.startswith(say(language, "locked.rule", by="locked_by.course"))  # and why
        await pilot.press("l")
        hint = say(language, "lessons.hint_next", name=find_lesson("hot-cold").text(language).title, hint="")
        assert hint.strip() in " ".join(screen_text(app).split())
        await pilot.press("enter")
        assert app.state.session.lesson.name == "hot-cold" and not isinstance(app.screen, LessonsScreen)


@pytest.mark.slow  # beside the everyday key-bar test (dims): in CI
@pytest.mark.parametrize(("language", "more", "edit"), [("en", "w more", "e edit"), ("zh", "w 翻页", "e 编辑")])
async def test_the_key_bar_offers_what_this_screen_needs(language, more, edit):
    """At 80 columns e, v and w never showed: a student found them only through ? or the README."""
    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space")  # the worked step goes on over a page
        assert re.search(r"\b1/[2-9]\b", screen_text(app)) and more in key_bar_text(app)  # page 1 of several
        await pilot.press(*["space"] * 7)
        assert {"en": "v view", "zh": "v 换图"}[language] in key_bar_text(app)  # the log has scrolled past the start
    app = app_for("measure-error", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert edit in key_bar_text(app)  # only new numbers change anything here


@pytest.mark.slow  # beside the everyday key-bar test (dims): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_key_bar_keeps_l_where_the_screens_needs_crowd_it(language):
    """Lesson 8 at 80 columns offered f, z and w, and the way on, l, fell off the end."""
    app = app_for("freeze-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "space", "2", "space")
        await settle(pilot)
        keys = key_bar_text(app)
        assert all(f"{key} {say(language, 'key.' + action)}" in keys
                   for key, action in (("z", "freeze"), ("w", "page"), ("l", "lessons"))), keys
        assert keys.rstrip().endswith(f"q {say(language, 'key.quit')}")


@pytest.mark.slow  # beside the everyday Chinese on screen (test_words_on_screen's w1 in zh): in CI
async def test_chinese_screens_name_lessons_in_chinese():
    """The status line and the list said "hot-cold: 冷热法"; the English name is for the command line."""
    app = app_for("hot-cold", language="zh")
    async with app.run_test(size=SIZE) as pilot:
        assert "冷热法" in screen_text(app) and "hot-cold" not in screen_text(app)
        await pilot.press("l")
        listed = screen_text(app)
        assert all(lesson.text("zh").title in listed for lesson in course()[:7])
        assert not any(lesson.name in listed for lesson in course() if "-" in lesson.name)


def _at(name: str, iteration: int, language: str) -> GradstepApp:
    """The app in lesson `name` (no questions) at `iteration`, or where its run stops."""
    import dataclasses

    session = Session.begin(dataclasses.replace(find_lesson(name), questions=()))
    return GradstepApp(dataclasses.replace(session, history=session.history.jump(iteration)), language=language)


@pytest.mark.slow  # beside the everyday key-bar test (dims), four apps: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_key_bar_offers_g_f_x_and_z_where_they_are_needed(language):
    """f, x and g were found only under ?: the other language is offered on the first
    screen, in its own name; every digit where the worked step says rounding decides;
    the export (and an edit) once the run has ended; z in the lesson that freezes, named by
    what it would do to the weight the chart follows (it offered "z freeze" beside w1, frozen)."""
    def offered(app, action: str) -> bool:
        key = {"exact": "f", "export": "x", "freeze": "z", "unfreeze": "z", "edit": "e"}[action]
        return f"{key} {say(language, 'key.' + action)}" in key_bar_text(app)

    other = {"en": "g 中文", "zh": "g English"}[language]
    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the bar catches up after the first paint
        assert other in key_bar_text(app) and not offered(app, "exact") and not offered(app, "export")
        await pilot.press("space")
        assert other not in key_bar_text(app)
    async with _at("multi-weight", 10, language).run_test(size=SIZE) as pilot:  # figures that add up only to more digits
        await settle(pilot)  # the bar catches up after the first paint
        assert offered(pilot.app, "exact") and offered(pilot.app, "export")  # at its goal by then
    async with _at("divergence", 1000, language).run_test(size=SIZE) as pilot:  # stopped where it diverged
        await settle(pilot)  # the bar catches up after the first paint
        assert offered(pilot.app, "edit") and offered(pilot.app, "export")
    async with _at("freeze-weight", 0, language).run_test(size=SIZE) as pilot:  # the chart on w1, frozen
        await settle(pilot)  # the bar catches up after the first paint
        assert offered(pilot.app, "unfreeze") and not offered(pilot.app, "freeze")
        await pilot.press("2")  # w2 learns: z would freeze it
        await settle(pilot)
        assert offered(pilot.app, "freeze") and not offered(pilot.app, "unfreeze")


@pytest.mark.slow  # beside the everyday test of needed() over every lesson's screens: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_key_bar_offers_e_where_the_run_diverges_or_lands_on_its_goal(language):
    """Lesson 5's parameters said "gradient descent; run diverges" and lesson 3's run had
    landed on its goal, and the bar at 80 columns, already full, read "space step b back w
    more 0 reset +- alpha p play t guess l lessons ? help q quit": no e, where the README
    says the bar offers an edit."""
    edit = f"e {say(language, 'key.edit')}"
    async with _at("divergence", 0, language).run_test(size=SIZE) as pilot:
        await settle(pilot)  # the bar catches up after the first paint
        assert say(language, "run.diverges") in screen_text(pilot.app) and edit in key_bar_text(pilot.app)
    async with _at("gradient-descent", 1, language).run_test(size=SIZE) as pilot:  # r = 0: landed
        await settle(pilot)
        on_goal = say(language, "exactly_zero", error=say(language, "to_go.error"))
        assert on_goal in screen_text(pilot.app) and edit in key_bar_text(pilot.app)


@pytest.mark.slow  # a second test of notices, beside the everyday kept session's notice: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_restart_after_a_kill_says_both_notices_whole_at_80_columns(language):
    """A teacher's walk: "...press b to go back to it. t..." and the hand-in made now was
    cut away; only at 200 columns did "handed in now as ..." show."""
    notice = " ".join((say(language, "command.kept_previous", lesson="wt-first-step", iteration=1),
                       say(language, "hand_in.completed", names="wt-chen-wt-first-step-c03e15ae6d009739.csv",
                           folder="/srv/hand-in/class1")))
    app = app_for(notice=notice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert len(lines) == SIZE[1]
        rows = [line.strip() for line in lines[-4:-1]]  # above the key bar
        assert "".join(rows).replace(" ", "") == notice.replace(" ", "")  # every word, none cut
        assert "…" not in "".join(rows) and all(rows)
        await pilot.press("space")  # the next key: the notice goes, the panels take its rows again
        await pilot.pause()
        assert notice[:20] not in screen_text(app)


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_kept_sessions_notice_at_the_start_leaves_the_key_bar_in_view(language):
    """The notice of a kept session took the key bar's row until the next key: a newcomer,
    whose first look is there for what to press, found no keys. It stands above them."""
    notice = say(language, "command.kept_previous", lesson="alpha", iteration=3)
    app = app_for("hot-cold", notice=notice, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the bar catches up after the first paint
        lines = screen_text(app).splitlines()
        assert len(lines) == SIZE[1] and lines[-2].strip() == notice
        assert lines[-1].rstrip() == app.query_one(KeyBar).draw(app.state).plain
        assert say(language, "key.step") in lines[-1] and say(language, "key.quit") in lines[-1]


@pytest.mark.slow  # beside the everyday lesson list (l then enter): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("at_once", [False, True])
async def test_the_last_lesson_says_the_course_is_complete_and_enter_closes_the_list(language, at_once):
    """Lesson 10 said "press l, then Enter, for the next lesson" with no lesson 11; Enter in
    the list did nothing and left it open, and the next key (5) opened lesson 5 by accident."""
    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        from gradstep.tui.app.widgets.lesson import paragraphs

        text = " ".join(words for words, _ in paragraphs(app.state))  # the panel's pages, all of them
        assert say(language, "lesson_on.last") in text
        assert say(language, "lesson_on") not in text
        if at_once:
            await press_at_once(pilot, "l", "enter", "5")
            await settle(pilot)
        else:
            await pilot.press("l")
            hint = say(language, "lessons.hint_last", hint="").strip()
            assert "".join(hint.split()) in "".join(screen_text(app).split())
            await pilot.press("enter", "5")
        assert not isinstance(app.screen, LessonsScreen)
        assert app.state.session.lesson.name == "weight-matrix"


@pytest.mark.slow  # beside the everyday key-bar test (dims): in CI
@pytest.mark.parametrize("at_once", [True, False])
async def test_the_key_bar_follows_a_lesson_chosen_from_the_list(at_once):
    """l then 6 from lesson 10 at step 12 (and again l, 7): at step 0 the bar still offered
    "f 精确 v 换图 w 翻页", as lesson 10 had: its catch-up, asked for after the next paint,
    went with the list (and the question) that closed before that paint, and it waited for
    it ever after. The bar painted is the bar drawn from the state the student is in."""
    from gradstep.tui.app.widgets.key_bar import KeyBar

    app = _at("weight-matrix", 12, "zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for number in ("6", "7"):
            if at_once:
                await press_at_once(pilot, "l", number)
            else:
                await pilot.press("l", number)
            await settle(pilot)
            while app.screen is not app.screen_stack[0]:  # the lesson's questions, skipped
                await pilot.press("s", "enter")
                await settle(pilot)
            assert app.state.session.history.iteration == 0
            assert key_bar_text(app).rstrip() == app.query_one(KeyBar).draw(app.state).plain
            assert "f 精确" not in key_bar_text(app) and "v 换图" not in key_bar_text(app)


@pytest.mark.slow  # beside the everyday key-bar test (dims): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_key_bar_offers_x_once_the_run_reaches_its_goal(language):
    """x (keep the log as CSV) never showed in the key bar at 80 columns: a run that
    converges can still step, so it never 'ended'. Once the error is below the readout's
    tolerance (steps to go: 0) the log is worth keeping, and the bar offers x."""
    export = f"x {say(language, 'key.export')}"
    async with _at("gradient-descent", 0, language).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert export not in key_bar_text(pilot.app)
    async with _at("error-curve", 40, language).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert export in key_bar_text(pilot.app)


@pytest.mark.slow  # a second test of the editor and reset, beside the everyday test_edit_applies_a_valid_problem: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_reset_keeps_an_edit(language):
    """0 after an edit went to the lesson's own numbers while the student expected the start
    of the lesson as they had edited it; the help now says 0 keeps the numbers as they are."""
    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#weights").value = "0.3"
        await pilot.press("enter")
        await press_at_once(pilot, "space", "space", "0")
        await settle(pilot)
        assert app.state.session.history.iteration == 0 and app.state.session.problem.weights == (0.3,)
        assert "0.3" in screen_text(app).splitlines()[2]  # the weight row shows the edit


async def test_the_lesson_s_rows_sit_on_the_screen_with_no_container_around_them():
    """A container around the rows is one more layer of lines under the panels, each cut at
    the columns' edge and kept by Textual: some 300 KB in every student's process (app.tcss)."""
    app = app_for()
    async with app.run_test(size=SIZE):
        assert [child.id for child in app.screen.children] == ["status", "upper", "lower", "notice", "keys",
                                                              "too-small"]


@pytest.mark.parametrize("size", [(60, 24), (80, 18)])
async def test_below_80x24_only_the_message_shows_even_over_a_notice(size):
    """Each row hides itself below 80x24 (no container hides them all), the notice too."""
    app = app_for(notice="a notice from the start")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = [child.id for child in app.screen.children if child.display]
        assert shown == ["too-small"] and "80x24" in screen_text(app)
        assert "a notice from the start" not in screen_text(app)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix", "divergence", "freeze-weight", "alpha"])
async def test_while_playing_the_key_bar_offers_p_to_pause(name, language):
    """The header said "playing 2/s" while the bar at 80 columns showed no p: a student
    watching the run found no way to stop it. While playing, p (pause) is among the first keys."""
    from gradstep.tui.app.widgets.key_bar import KeyBar

    app = app_for(name, language=language)
    pause = {"en": "p pause", "zh": "p 暂停"}[language]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "w", "p")
        await settle(pilot)
        assert app.state.playing
        bar = app.query_one(KeyBar).draw(app.state).plain
        assert pause in bar[:40], bar
        await pilot.press("p")


@pytest.mark.slow  # a second test of the key bar, beside the everyday test_the_key_bar_dims_a_key_that_would_do_nothing: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_on_the_lessons_last_page_the_key_bar_says_w_goes_back_to_the_first(language):
    """On page 2/2 the bar said "w more" beside the panel's "w: back to the first page"."""
    app = app_for("weight-matrix", language=language)
    more, first = {"en": ("w more", "w first page"), "zh": ("w 翻页", "w 第一页")}[language]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pages = app.query_one("#explain").page_count(app.state)
        assert pages >= 2 and more in key_bar_text(app) and first not in key_bar_text(app)
        await pilot.press(*["w"] * (pages - 1))
        await settle(pilot)
        assert app.state.page == pages - 1 and first in key_bar_text(app), key_bar_text(app)
        await pilot.press("w")
        await settle(pilot)
        assert app.state.page == 0 and more in key_bar_text(app)


@pytest.mark.slow  # a second test of the lesson list, beside the everyday test_the_next_lesson_is_l_then_enter_as_the_lesson_says: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", ["measure-error", "alpha", "weight-matrix"])
async def test_the_row_the_list_marks_is_the_lesson_enter_opens(language, lesson):
    """A Chinese walker saw ">1" beside lesson 1 and pressed Enter to open it: lesson 2
    opened. > marked the lesson being studied; Enter opens the next. Now > is Enter's row
    and * the one being studied, on every list: the last lesson has no next, so no >, and
    Enter goes back to it (test_lesson_marks has every lesson's marks)."""
    app = app_for(lesson, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LessonsScreen)
        # the mark, and the lesson's number (10, its key 0 beside it)
        marked = {mark: int(number) for mark, number in re.findall(r"│ ([*>]) ?(\d+) ", screen_text(app))}
        studied = [index for index, each in enumerate(course(), start=1) if each.name == lesson][0]
        assert marked["*"] == studied
        await pilot.press("enter")
        await settle(pilot)
        opened = [index for index, each in enumerate(course(), start=1) if each.name == app.state.session.lesson.name]
        assert opened == [marked.get(">", studied)] and not isinstance(app.screen, LessonsScreen)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", [lesson.name for lesson in course()])
async def test_the_title_says_the_rule_in_use_once_m_has_switched_from_the_lessons_own(name, language):
    """After m, lesson 3's title still read "梯度下降" above "参数：冷热法": the lesson's
    name and the rule's are one word. The title now says the rule apart from the lesson
    wherever m switched it, in every lesson that lets m, and still fits beside the steps."""
    lesson = find_lesson(name)
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "m", "space")  # predict mode's tally too, for the longest title
        await settle(pilot)
        while app.screen is not app.screen_stack[0]:  # the guess: stepped without one
            await pilot.press("enter")
            await settle(pilot)
        title = screen_text(app).splitlines()[0]
        own, now = lesson.problem.method, app.state.session.problem.method
        assert (say(language, now) in title.replace(lesson_heading(lesson, language), "")) == (own != now), title
        assert title.rstrip().endswith(taken(1, now, language)), title  # not cut off
        if own != now:
            await pilot.press("m")
            assert screen_text(app).splitlines()[0].split("  ")[0].strip() == lesson_heading(lesson, language)


@pytest.mark.slow  # a second test of undo, beside the everyday test_step_back_and_reset_leave_the_exact_earlier_state: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_0_says_b_brings_the_steps_back_and_b_says_it_did(language):
    """0 then b went forward to iteration 12 with no word why: both newcomers read it as b
    misbehaving. 0 now says b brings the steps back, and b counts the steps it brought."""
    from gradstep.tui.words.say import say

    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *["space"] * 12, "0")
        assert app.state.session.history.iteration == 0
        assert app.state.notice == say(language, "reset.done", steps=12)
        assert {"en": "b brings the 12 steps back", "zh": "按 b 可以把刚才的 12 步找回来"}[language] in app.state.notice
        await pilot.press("b")
        assert app.state.session.history.iteration == 12
        assert app.state.notice == say(language, "undone.reset", steps=12)
        assert {"en": "The 12 steps are back", "zh": "刚才的 12 步回来了"}[language] in app.state.notice
        await pilot.press("0", "b", "b")  # an ordinary step back after it says nothing of a reset
        assert app.state.session.history.iteration == 11 and app.state.notice == ""
        await pilot.press("0", "0")  # 0 at iteration 0 has no steps to bring back
        assert app.state.notice == ""


@pytest.mark.slow  # a second test of a notice's rows, beside the everyday kept session's notice: in CI
async def test_a_notice_takes_its_rows_from_the_lower_panels_not_the_parameters():
    """In lessons 6 and 7 a notice hid the parameters' "best alpha 0.25; edge 0.5" line: the
    notice's rows came from both rows of panels, and the parameters panel, lesson 10's ten
    lines at 80x24, lost its last. The lower panels, whose words page (w), give them up."""
    app = app_for("weight-matrix")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "s", "enter", "space")  # the question skipped, a step: every row of the panel
        await settle(pilot)
        before = [line[:40] for line in screen_text(app).splitlines()[1:13]]
        app.state = app.state.replace(notice=" ".join(["A notice of its most rows."] * 8))
        await settle(pilot)
        after = [line[:40] for line in screen_text(app).splitlines()[1:13]]
        assert app.query_one("#notice").size.height == MOST_ROWS
        assert after == before


async def test_a_students_run_collects_what_starting_left_once_its_first_screen_is_up(monkeypatch):
    """app.py's collect_the_start: a student's run (real) frees the start's garbage after the
    first paint; a test's does not pay for a pass over the test process."""
    import gc

    from gradstep.tui.app.app import GradstepApp

    collected = []
    monkeypatch.setattr(GradstepApp, "take_over_signals", lambda self: None)  # not in a test's process
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(args) or 0)
    app = app_for("alpha")
    assert not app.real  # a test's App, as every other test runs it: never collected
    app.real = True
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(collected) == 1


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", ["hot-cold", "gradient-descent"])
@pytest.mark.parametrize("at_once", [False, True])
async def test_play_stays_on_the_key_bar_on_the_lessons_last_page(language, lesson, at_once):
    """Lessons 2 and 3 after a step: on the lesson text's last page w's "back to the first
    page" is longer than its "more", and the bar dropped "p play" for it."""
    app = app_for(lesson, language=language)
    play = {"en": "p play", "zh": "p 播放"}[language]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # the step that gives the text its second page
        if at_once:
            await press_at_once(pilot, "w", "w", "w")  # on, back to the first, on to the last
        else:
            await pilot.press("w")
        await settle(pilot)
        assert app.state.page + 1 == app.query_one("#explain").page_count(app.state)  # the last page
        assert play in key_bar_text(app) and {"en": "w first page", "zh": "w 第一页"}[language] in key_bar_text(app)
        assert play in screen_text(app).splitlines()[-1]


@pytest.mark.slow  # beside the everyday editor test (test_edit_applies_a_valid_problem): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_editors_hint_names_shift_tab_and_it_goes_back_a_field(language):
    """A student who tabbed once too far put 0.01 into the step, not alpha: the hint named
    only Tab. It names Shift-Tab too, which goes back a field."""
    from gradstep.tui.words.say import say

    app = app_for("alpha", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await settle(pilot)
        assert "Shift-Tab" in say(language, "edit_help") and "Shift-Tab" in "".join(screen_text(app).split())
        await pilot.press("tab", "tab", "shift+tab")
        await settle(pilot)
        assert app.screen.focused.id == "inputs"
