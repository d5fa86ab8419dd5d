"""Lesson 2's task acknowledges a start already on the goal.

With the goal set to the start's prediction, the log said the start was exactly 0 steps of
0.1 away, yet the lesson still asked to "watch whether a fixed step lands on the goal
weight": its task sentence now says that it starts on goal, in the headline's words.
"""

import pytest

from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.tui.words.prose import notice
from gradstep.tui.words.say import say

LANGUAGES = ["en", "zh"]


def _notice(language: str, **changes) -> str:
    lesson = find_lesson("hot-cold")
    return notice(lesson, History.start(lesson.problem.replace(**changes)), language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("changes", [dict(goal=0.5), dict(goal=0.5, step_amount=0.3), dict(weights=(0.9,), inputs=(0.65,), goal=0.585)])
def test_a_start_on_the_goal_is_said_in_the_task(changes, language):
    said = _notice(language, **changes)
    assert say(language, "watch_landing") not in said
    assert say(language, "watch_landing.on_goal", starts=say(language, "on_goal.start")) in said
    assert say(language, "on_goal.start") in said


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("changes", [dict(), dict(goal=0.4), dict(step_amount=0.2)])
def test_a_start_off_the_goal_keeps_the_task(changes, language):
    said = _notice(language, **changes)
    assert said.endswith(say(language, "watch_landing"))
