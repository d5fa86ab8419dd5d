"""The app in a pseudo-language (tests/pseudo.py: every sentence accented, 40% longer and
between « and »), screen by screen at 80x24: an ASCII word on screen is a string that
never went through the catalogue; a « without its » (nor a "…" saying so) is text a
layout cut because it grew; a panel drawing more rows than it has loses the last ones.

It also proves that a third language needs no code: the pseudo-language is one record
and one set of sentences, registered for the test, and g reaches it."""

import dataclasses
import re

import pytest
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.keys import described
from gradstep.tui.app.widgets.lesson import LessonPanel
from gradstep.tui.words.catalogue import SENTENCES
from gradstep.tui.words.language import ENGLISH

from .. import pseudo
from ..helpers import SIZE, screen_text, settle

# Shown as they are in every language: the course's symbols for the miss and the step, and
# each language's own name on the key that switches to it (g English).
SYMBOLS = {"delta", "weight_delta", "w_delta", ENGLISH.name}


@pytest.fixture(autouse=True)
def pseudo_language(monkeypatch):
    pseudo.register(monkeypatch)


@pytest.fixture(scope="module")
def lessons():
    return pseudo.lessons()


def app_in_pseudo(lessons, name: str, questions: bool = False) -> GradstepApp:
    lesson = next(lesson for lesson in lessons if lesson.name == name)
    lesson = lesson if questions else dataclasses.replace(lesson, questions=())
    return GradstepApp(Session.begin(lesson), language=pseudo.CODE, course_lessons=lessons)


def problems(app: GradstepApp, scrolls: bool = False) -> tuple[set[str], int, list[str]]:
    """(hard-coded words, sentences cut, panels overflowing) on the screen on top; in a
    screen that `scrolls`, its bottom edge cuts a sentence by design."""
    text = pseudo.top_screen_text(app, screen_text)
    # A code name cut to its column's width ("weight_…") is that name, and says it is cut.
    text = re.sub(r"\b(\w{3,})…", lambda cut: " " if any(name.startswith(cut[1]) for name in SYMBOLS) else cut[0],
                  text)
    return pseudo.hard_coded(text, SYMBOLS), 0 if scrolls else pseudo.cut(text) - _going_on(app), pseudo.overflowing(app)


def _going_on(app: GradstepApp) -> int:
    """The sentences the lesson panel carries on to its next page: it fills a page to the
    "more" line at its foot, which says the words go on, so its last sentence may be cut
    there (and the sentences around it, where one holds another)."""
    if app.screen.is_modal:
        return 0
    panel = app.query_one(LessonPanel)
    text = "\n".join(line[panel.region.x:panel.region.right]
                     for line in screen_text(app).splitlines()[panel.region.y:panel.region.bottom])
    if pseudo.pseudo(SENTENCES["en"]["more"]).split("{page}")[0] not in text.replace("\n", " "):
        return 0
    return pseudo.cut(text)


FINE = (set(), 0, [])


LESSONS = ["measure-error", "hot-cold", "gradient-descent", "error-curve", "divergence", "alpha",
           "multi-weight", "freeze-weight", "several-outputs", "weight-matrix"]
# The layouts that cannot take 40% more at 80x24, each named with why (the report says so too).
# The parameters panel is 10 rows by 38 columns there; at +40% its names take half of that,
# so several weights (or outputs) wrap to two rows each and push r and its verdict out.
# (Lessons 7 and 8 fit since r's formula gives way before its verdict where rows run short,
# and lesson 8's weights keep to one row with fewer digits; lesson 9's weights share a row.)
TOO_SMALL = dict.fromkeys(["weight-matrix"],
                          "the parameters panel at 80x24 cannot hold several weights' rows, r and its verdict at +40%")


@pytest.mark.parametrize("name", [pytest.param(name, marks=[pytest.mark.xfail(strict=True, reason=TOO_SMALL[name])]
                                               if name in TOO_SMALL else [pytest.mark.slow] * (name != "alpha"))
                                  for name in LESSONS])
async def test_every_lesson_after_a_few_steps(lessons, name):
    app = app_in_pseudo(lessons, name)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):
            await pilot.press("space")
            await settle(pilot)
            assert problems(app) == FINE


SCREENS = {  # what a student opens, from the gradient-descent lesson after two steps
    "help": ["question_mark"],
    "help, scrolled to its end": ["question_mark", *["space"] * 8],
    "lessons": ["l"],
    "editor": ["e"],
    "predict mode asks": ["t", "space"],
    "predict mode answered": ["t", "space", "1", "enter"],
    "every digit": ["f"],
    "error per iteration": ["v"],
    "a refused edit": ["e", "ctrl+a", "x", "enter"],
}


@pytest.mark.slow
@pytest.mark.parametrize("keys", SCREENS.values(), ids=SCREENS.keys())
async def test_every_screen(lessons, keys):
    app = app_in_pseudo(lessons, "gradient-descent")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space")
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        assert problems(app, scrolls="question_mark" in keys) == FINE, keys


@pytest.mark.slow  # beside the everyday third language (g, below): in CI
async def test_a_question_and_a_wrong_answer(lessons):
    app = app_in_pseudo(lessons, "alpha", questions=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert problems(app) == FINE
        await pilot.press("0", ".", "3", "enter")
        await settle(pilot)
        assert problems(app) == FINE


@pytest.mark.slow
async def test_a_run_that_diverges(lessons):
    app = app_in_pseudo(lessons, "divergence")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(12):
            await pilot.press("space")
        await settle(pilot)
        assert app.state.session.history.iteration == 12
        assert problems(app) == FINE


@pytest.mark.slow  # a second test of a third language, beside the everyday test_the_pseudo_language_keeps_every_value_to_fill: in CI
async def test_g_goes_to_the_third_language_and_back(lessons):
    """The third language is one record and one file of sentences: g reaches it and the
    key names it in its own words."""
    lesson = next(lesson for lesson in lessons if lesson.name == "gradient-descent")
    app = GradstepApp(Session.begin(dataclasses.replace(lesson, questions=())), language="en", course_lessons=lessons)
    async with app.run_test(size=SIZE) as pilot:
        said = []
        for _ in range(3):
            said.append((app.state.language, described(app.state.language, "key.language", app.ascii_only)))
            await pilot.press("g")
            await settle(pilot)
        assert said == [("en", "中文"), ("zh", pseudo.RECORD.name), (pseudo.CODE, "English")]
        assert app.state.language == "en"

def test_the_pseudo_language_keeps_every_value_to_fill():
    english = pseudo.SENTENCES["en"]
    made = pseudo.sentences()
    assert made.keys() == english.keys()
    shown = pseudo.shown  # a count's noun as a sentence writes it, once
    assert all(len(shown(made[key])) >= 1.4 * len(shown(english[key])) for key in english if key not in pseudo.KEPT)
    assert pseudo.pseudo("{size:number|numbers}") == "«{size:ñúḿƀéŕ|ñúḿƀéŕš} ĺóŕéḿ»"
    assert pseudo.pseudo("b steps back to {iteration!r}[[ ({why})]].") == \
        "«b šťéƥš ƀáçķ ťó {iteration!r}[[ ({why})]]. ĺóŕéḿ íƥšúḿ đóĺóŕ»"


@pytest.mark.slow
async def test_the_class_room(tmp_path, monkeypatch):
    """The teacher's room: its own screen, the students' names and lessons shown as they are."""
    from gradstep.tui.app.room import RoomApp
    from gradstep.tui.files.progress_folder import ProgressFolder

    from ..helpers import named_by_file, progress_file
    from .test_room import NOW, WRONG_TWICE

    monkeypatch.setenv("TZ", "UTC")
    progress_file(tmp_path, "ana", now=NOW, idle=5, iteration=12, error=0.0012, lessons_opened=["hot-cold"])
    progress_file(tmp_path, "bo", now=NOW, idle=40, iteration=4, questions_asked=1, answers=WRONG_TWICE,
                  lessons_opened=["alpha"])
    progress_file(tmp_path, "cy", now=NOW, idle=20, iteration=9, error=None, diverged=True, lesson="divergence")
    app = RoomApp(ProgressFolder(tmp_path, owner=named_by_file), roster=["ana", "bo", "cy", "dan"],
                  language=pseudo.CODE, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await app.look_again()
        await settle(pilot)
        text = screen_text(app)
        # The students' names, their lessons' names and the question they saw are outside
        # text (their progress files), shown as they are; the question, the table's last
        # column, cut with "…" where the row ends.
        asked = WRONG_TWICE[0].text
        assert any(asked[:length] + "…" in text or asked in text for length in range(8, len(asked))), text
        text = "\n".join(line.partition(asked[:8])[0] for line in text.splitlines())
        names = {"ana", "bo", "cy", "dan", "alpha", "divergence"}
        assert (pseudo.hard_coded(text, SYMBOLS | names), pseudo.cut(text)) == (set(), 0), text
