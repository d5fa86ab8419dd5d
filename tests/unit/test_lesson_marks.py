"""The lesson list's marks: * the lesson being studied, > the one Enter opens, each one
thing wherever the list is opened. On the last lesson ">" marked the current lesson and
"*" vanished ("This is the last lesson (>)"), where on every other > was the next one."""

import pytest
from gradstep.core.courses import course
from gradstep.tui.app.screens.lessons import LessonsScreen
from gradstep.tui.words.say import say


def marks(current: int, language: str) -> dict[str, int]:
    """Each mark on the list opened from lesson `current` (0-based): the row it stands on."""
    lessons = course()
    rows = LessonsScreen(lessons, lessons[current], language).rows(summaries=False)
    return {row[0][0]: place for place, row in enumerate(rows) if row[0][0] != " "}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("current", range(len(course())))
def test_star_marks_the_current_lesson_and_gt_only_the_next(current, language):
    expected = {"*": current} | ({">": current + 1} if current + 1 < len(course()) else {})
    assert marks(current, language) == expected


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_last_lessons_hint_names_the_mark_it_has(language):
    """The hint on the last lesson calls it by * (its mark) and says in words what Enter does."""
    hint = say(language, "lessons.hint_last", hint="")
    assert "*" in hint and ">" not in hint
    assert {"en": "Enter goes back", "zh": "按回车返回"}[language] in hint
