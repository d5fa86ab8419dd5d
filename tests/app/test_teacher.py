"""A teacher's lesson in the app: locked keys dimmed and saying why, hidden readouts, the
teacher's course in the lesson list, and exports naming whose session they are."""

import csv
from dataclasses import replace

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.lessons import HIDEABLE
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.screens.lessons import LessonsScreen
from gradstep.tui.files.hand_in import HandIn
from gradstep.tui.files.owner import Owner

from ..helpers import SIZE, screen_text


def unasked(name: str):
    """Course lesson `name` without its questions, so keys reach the lesson."""
    return replace(find_lesson(name), questions=())

LOCKS = {"edit": ("e", "Your teacher has locked editing the numbers in this lesson."),
         "rule": ("m", "Your teacher has locked switching the rule in this lesson."),
         "rate": ("plus", "Your teacher has locked changing alpha (and the step) in this lesson."),
         "lessons": ("l", "Your teacher has locked the lesson list: this lesson stays.")}


def teachers(name: str = "alpha", language: str = "en", **rules) -> GradstepApp:
    """The course lesson `name` as a teacher's file with `rules`, and words of its own (the
    course's name r in their notice, which a teacher hiding r would not)."""
    lesson = replace(find_lesson(name), name="mine", source="mine.toml", texts={}, **{"questions": (), **rules})
    return GradstepApp(Session.begin(lesson), language=language)


@pytest.mark.parametrize("action", LOCKS)  # the first lock everyday, the others in CI (tests/app/conftest.py)
async def test_a_locked_key_is_dimmed_and_says_the_teacher_locked_it(action):
    key, words = LOCKS[action]
    app = teachers(locked=(action,))
    async with app.run_test(size=SIZE) as pilot:
        assert app.check_action(action, (1,) if action == "rate" else ()) is None  # dimmed
        start = app.state.session
        await pilot.press(key)
        assert app.state.session is start and app.screen is app.screen_stack[0]
        assert app.state.notice == words
        assert words in screen_text(app)
        await pilot.press("space")  # the rest still works
        assert app.state.session.history.iteration == 1


@pytest.mark.slow  # beside the everyday set: in CI
async def test_unlocked_keys_work_as_ever_and_chinese_says_it_in_chinese():
    app = teachers(locked=("edit",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        assert app.state.session.problem.alpha == 0.2
        await pilot.press("g", "e")
        assert app.state.notice == "老师设定本课不能编辑数字。"


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_hidden_readouts_are_not_on_screen():
    shown, hidden = teachers(), teachers(hidden=("analysis", "forecast", "worked-step"))
    texts = []
    for app in (shown, hidden):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "space")
            texts.append(screen_text(app))
    for words in ("r = 1 - 0.1 x 2^2 = 0.6", "converges, same side", "best alpha", "weight = 0.46 - 0.1 x"):
        assert words in texts[0] and words not in texts[1], words
    assert "x 0.36." in texts[1] and "0.0144" in texts[1]  # the log and what happened stay
    assert "r = " not in texts[1]


@pytest.mark.slow  # beside the everyday set: in CI
async def test_the_predict_flag_is_on_the_lesson_for_predict_mode():
    app = teachers(predict=True, locked=("predict",))
    async with app.run_test(size=SIZE):
        assert app.state.session.lesson.predict is True
        assert app.why_not("predict", ()) == "Your teacher has locked predict mode in this lesson."


@pytest.mark.slow  # beside the everyday set: in CI
async def test_the_lesson_list_is_the_teachers_course_then_the_files():
    course = tuple(replace(unasked(name), name=f"t-{name}", source=f"{name}.toml") for name in ("alpha", "hot-cold"))
    extra = replace(unasked("divergence"), name="extra", source="extra.toml")
    app = GradstepApp(Session.begin(course[0]), course_lessons=course, extra_lessons=(extra,))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LessonsScreen)
        assert [lesson.name for lesson in app.screen.lessons] == ["t-alpha", "t-hot-cold", "extra"]
        await pilot.press("2")
        assert app.state.session.lesson.name == "t-hot-cold"


@pytest.mark.slow  # beside the everyday set: in CI
async def test_x_exports_rows_naming_the_session(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = GradstepApp(Session.begin(unasked("alpha")), owner=Owner("ana", "bench-3", "feed"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "x")
    [path] = tmp_path.glob("*.csv")
    assert path.name.startswith("gradstep-log-bench-3-")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [(row["user"], row["session"], row["session_name"], row["kind"], row["lesson"], row["alpha"])
            for row in rows] == [("ana", "feed", "bench-3", "step", "alpha", "0.1")] * 2


async def test_quitting_hands_in(tmp_path):
    app = GradstepApp(Session.begin(unasked("alpha")), hand_in=HandIn(tmp_path, Owner("ana", id="feed")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "q")
    assert app.hand_in.paths == [tmp_path / "ana-alpha-feed.csv"]
    assert len(list(csv.DictReader(app.hand_in.paths[0].open(encoding="utf-8")))) == 1


def test_an_end_the_app_did_not_see_hands_in_even_without_saving(tmp_path, monkeypatch):
    """With nowhere to save, the app's reason for not saving stood in for 'it has ended',
    so an end it never saw (a closed browser tab: run() simply returns) handed nothing in."""
    from ..helpers import gradstep

    state_is_a_file = tmp_path / "state"
    state_is_a_file.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(state_is_a_file))
    def steps_then_vanishes(self, **options):  # a step is taken, then the terminal is gone
        self.state = self.state.replace(session=self.state.session.step())

    monkeypatch.setattr(GradstepApp, "run", steps_then_vanishes)
    folder = tmp_path / "hand-in"
    folder.mkdir()
    gradstep("--full-screen", "--hand-in", str(folder), "--lesson", "alpha")
    assert len(list(folder.glob("*.csv"))) == 1


@pytest.mark.slow  # the rules across changes of lesson, eleven keys; a lock itself is everyday: in CI
async def test_each_lesson_keeps_its_own_rules():
    """b at iteration 0 does not leave a lesson that locks the list; a lesson's predict mode
    stays with it, whether the next lesson comes by the list or by b."""
    free = replace(unasked("alpha"), name="free", source="free.toml")
    kept = replace(unasked("hot-cold"), name="kept", source="kept.toml", locked=("lessons",))
    asks = replace(unasked("gradient-descent"), name="asks", source="asks.toml", predict=True)
    app = GradstepApp(Session.begin(free), course_lessons=(free, kept, asks))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "3")
        assert app.state.session.lesson is asks and app.state.predicting
        await pilot.press("l", "1")
        assert app.state.session.lesson is free and not app.state.predicting
        await pilot.press("b")  # back to the lesson that asks: its predict mode with it
        assert app.state.session.lesson is asks and app.state.predicting
        await pilot.press("b")
        assert app.state.session.lesson is free and not app.state.predicting
        await pilot.press("l", "2")
        assert app.check_action("back", ()) is None  # dimmed
        await pilot.press("b")
        assert app.state.session.lesson is kept
        assert app.state.notice == "Your teacher has locked the lesson list: this lesson stays."
        await pilot.press("space", "b")  # a step back within the lesson is no change of lesson
        assert app.state.session.history.iteration == 0 and app.state.session.lesson is kept


@pytest.mark.slow  # the summary's figures are a unit test (test_teacher_lessons); the list is everyday in test_app: in CI
async def test_the_lesson_list_fills_a_summarys_figures():
    words = {"en": replace(unasked("alpha").texts["en"], summary="Start at alpha {alpha}.")}
    lesson = replace(unasked("alpha"), name="mine", source="mine.toml", texts=words)
    app = GradstepApp(Session.begin(lesson), course_lessons=(lesson,))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert "Start at alpha 0.1." in screen_text(app) and "{alpha}" not in screen_text(app)


# What the help would answer of each hideable readout, in each language: were these on the
# help screen, `?` would answer "converge or diverge?" (r) or "which alpha lands in one
# step?" (the analysis) that the lesson leaves to the student.
TELLS = {("forecast", "en"): ("|r| > 1", "1 - alpha x input^2", "r, the factor"),
         ("forecast", "zh"): ("|r| > 1", "1 - α × 输入^2", "还有 r"),
         ("analysis", "en"): ("1/input^2", "2/input^2", "stopping also at the best alpha"),
         ("analysis", "zh"): ("1/输入^2", "2/输入^2", "途中也停在最佳学习率"),
         ("worked-step", "en"): ("delta x input, worked out after delta", "the last step's arithmetic with its numbers"),
         ("worked-step", "zh"): ("差值 × 输入（", "代入了实际数值")}


async def help_words(app: GradstepApp) -> str:
    """Every entry of the help screen, scrolled out of sight or not."""
    from gradstep.tui.app.widgets.wrapped import Wrapped
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        return "\n".join(f"{label} {text}" for box in app.screen.query(Wrapped) for label, text, _ in box.rows)


@pytest.mark.slow  # beside the everyday lock (a locked key is dimmed): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("part", HIDEABLE)
async def test_the_help_does_not_explain_what_the_lesson_hides(part, language):
    """A lesson hiding the forecast still read '|r| > 1 diverges' under ?, and one hiding the
    analysis 'best alpha 1/input^2'. Each hideable readout: its words are in the help of a
    lesson that shows it, and not in one that hides it, nor in line mode's commands."""
    from gradstep.tui.words.say import say
    tells = TELLS[part, language]  # a new hideable name needs its words here
    shown, hidden = await help_words(teachers(language=language)), await help_words(teachers(language=language,
                                                                                             hidden=(part,)))
    for words in tells:
        assert words in shown and words not in hidden, words
    assert say(language, "help.hidden") in hidden or part == "forecast"  # said so, not silently gone
    assert not any(words in say(language, "lines.help", rate="alpha") for words in tells)


def test_plus_does_not_stop_at_the_best_alpha_a_lesson_hides():
    """+ stopped at 1/input^2 (0.25 in lesson 'alpha'): pressed until an odd alpha showed, it
    named the alpha that lands in one step, though the lesson hid the analysis."""
    lesson = unasked("alpha")
    rates = []
    for hidden in ((), ("analysis",)):
        session = Session.begin(replace(lesson, hidden=hidden))
        seen = []
        for _ in range(4):
            session = session.with_problem(session.rated(+1))
            seen.append(session.problem.alpha)
        rates.append(seen)
    assert 0.25 in rates[0] and rates[1] == [0.2, 0.5, 1.0, 2.0]


@pytest.mark.slow  # beside the everyday lock (a locked key is dimmed): in CI
@pytest.mark.parametrize("at_once", [False, True])
@pytest.mark.parametrize("opened", ["at the start", "from the list"])
async def test_a_locked_lessons_key_bar_is_right_from_its_first_screen(opened, at_once):
    """Just after opening a lesson that locks the rate with predict mode on, the bar showed
    '+- alpha' and 'p play' bright like live keys (the docs say locked keys are dimmed),
    until a few keys later. Opened by --lesson and from the list, keys one at a time and
    together: at once the painted bar is the one drawn from the state, neither key live."""
    from gradstep.tui.app.widgets.key_bar import KeyBar

    from ..helpers import press_at_once, settle
    from .test_app import dimmed, key_bar_text

    locked = replace(unasked("alpha"), name="locked", source="locked.toml", locked=("rate",), predict=True)
    if opened == "at the start":
        app = GradstepApp(Session.begin(locked))
    else:
        app = GradstepApp(Session.begin(unasked("hot-cold")), course_lessons=(unasked("hot-cold"), locked))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if opened == "from the list":
            if at_once:
                await press_at_once(pilot, "l", "2")
            else:
                await pilot.press("l", "2")
            await settle(pilot)
            assert app.state.session.lesson.name == "locked"
        bar = key_bar_text(app)
        assert bar.rstrip() == app.query_one(KeyBar).draw(app.state).plain
        for action, parameters, words in (("rate", (1,), "alpha"), ("rate", (-1,), "alpha"), ("play", (), "play")):
            assert app.check_action(action, parameters) is not True, action  # refused in this lesson
            assert words not in bar or dimmed(app, words), (words, bar)
