"""The lesson panel's page count, the key bar's w and what w does agree, whatever the notice.

A notice takes its rows from the lower panels (app.tcss), the lesson panel among them, so
a new notice can change how many pages the lesson's words take. w, the key that reads on,
must not be the one to change it: a walker's lesson text fitted its rows exactly; w, refused,
put "The lesson panel has no more to read." on the notice line, which took a row, and the
words no longer fitted: "-- w: more (1/2) --" stood over the sentence that said there was
no more, with no w on the key bar; w again turned the page, cleared the notice, and the
words fitted once more: it seemed only to clear the notice.
"""

import dataclasses
import re

import pytest
from gradstep.core.courses import course, find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.widgets.lesson import LessonPanel
from gradstep.tui.words.say import say

from ..helpers import SIZE, press_at_once, screen_text, settle
from .test_app import key_bar_text


def _panel_text(app: GradstepApp) -> str:
    region = app.query_one(LessonPanel).region
    return "\n".join(line[region.x:region.right] for line in screen_text(app).splitlines()[region.y:region.bottom])


def agreement(app: GradstepApp) -> tuple[bool, bool, bool, bool]:
    """Whether more follows, by the panel's "more" line, the key bar's w, the App's check of
    w, and the panel's page count: four answers that must be one."""
    language = app.state.language
    shown = re.search(r"\d+/\d+ ?[)）]", _panel_text(app)) is not None
    offered = f"w {say(language, 'key.page')}" in key_bar_text(app) or f"w {say(language, 'key.page_first')}" in key_bar_text(app)
    live = app.check_action("page", ()) is True
    return shown, offered, live, app.query_one(LessonPanel).page_count(app.state) > 1


def _on_its_goal(name: str, language: str) -> GradstepApp:
    lesson = dataclasses.replace(find_lesson(name), questions=())
    problem = lesson.problem
    start = dataclasses.replace(problem, goal=float(sum(w * x for w, x in zip(problem.weights, problem.inputs))))
    return GradstepApp(Session.begin(dataclasses.replace(lesson, problem=start)), language=language)


async def test_w_where_the_words_fill_the_panel_leaves_one_page():
    """Lesson 3 with the goal at the start: its words take the panel's ten rows exactly."""
    app = _on_its_goal("gradient-descent", "en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert agreement(app) == (False, False, False, False)
        for _ in range(2):
            await press_at_once(pilot, "w")
            await settle(pilot)
            assert agreement(app) == (False, False, False, False), _panel_text(app)


NOTICES = ("", "A short notice.", " ".join(["A notice of two rows."] * 4), " ".join(["A notice of its most rows."] * 8))


@pytest.mark.slow  # every lesson, both languages, two sizes, four notices: in CI
@pytest.mark.parametrize("size", [SIZE, (100, 30)])
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", [lesson.name for lesson in course()])
async def test_the_pages_the_key_bar_and_w_agree_before_and_after_steps_and_w(name, language, size):
    app = GradstepApp(Session.begin(dataclasses.replace(find_lesson(name), questions=())), language=language)
    async with app.run_test(size=size) as pilot:
        for steps in (0, 30):  # the opening over the whole row; the worked step (lesson 5: its banner) beside the log
            await press_at_once(pilot, *["space"] * steps)
            for notice in NOTICES:
                app.state = app.state.replace(notice=notice)
                await settle(pilot)
                for _ in range(2):  # on, and on again (or back to the first page)
                    seen = agreement(app)
                    assert len(set(seen)) == 1, (steps, notice, seen, _panel_text(app))
                    await press_at_once(pilot, "w")
                    await settle(pilot)
                    assert app.state.notice == notice  # reading on keeps the notice, and its rows
