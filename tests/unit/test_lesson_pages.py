"""How the lesson panel cuts its words into pages: full pages, blank rows only at the very end."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.state import AppState
from gradstep.tui.app.widgets.lesson import pages, paragraphs
from gradstep.tui.words.wrap import wrap


@given(st.lists(st.integers(0, 30), max_size=12), st.integers(2, 30))
def test_every_page_but_the_last_is_full_and_every_line_is_on_one_in_order(lengths, rows):
    book = pages(lengths, rows)
    shown = [(index, line) for page in book for index, start, stop in page for line in range(start, stop)]
    assert shown == [(index, line) for index, length in enumerate(lengths) for line in range(length)]
    if len(book) > 1:  # the last row of each page says more follows
        assert all(sum(stop - start for _, start, stop in page) == rows - 1 for page in book[:-1])
        assert 0 < sum(stop - start for _, start, stop in book[-1]) <= rows - 1


@pytest.mark.parametrize("language", ["en", "zh"])
def test_lesson_3_on_its_goal_under_a_notice_reads_on_to_the_foot_of_its_first_page(language):
    """Lesson 3 with the goal at the start, a notice's row taken (nine rows, 78 columns at
    80x24): page 1 was five lines, four blank rows and "more (1/2)", as if the text had ended."""
    lesson = find_lesson("gradient-descent")
    lesson = dataclasses.replace(lesson, problem=dataclasses.replace(lesson.problem, goal=0.5))
    state = AppState(Session.begin(lesson), language=language)
    lengths = [len(wrap(text, 78)) for text, _ in paragraphs(state)]
    book = pages(lengths, 9)
    assert len(book) == 2
    assert sum(stop - start for _, start, stop in book[0]) == 8
