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


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["measure-error", "gradient-descent", "error-curve", "alpha", "multi-weight",
                                  "freeze-weight", "several-outputs", "weight-matrix"])
def test_a_page_never_holds_only_the_last_words_of_a_sentence_begun_just_above(name, language):
    """Lesson 7 in predict mode (a notice's row taken: nine rows) ended page 1 "Keys 1 to 3
    choose the weight", and page 2 began "the chart follows; its title calls weight 1 w1.":
    the sentence's end alone on the next page. A sentence (a worked equation is one) that a
    page's end would cut within its first lines, or before its last line, goes whole to the
    next page, where it fits one."""
    from gradstep.tui.app.widgets.lesson import MOVED_AT_MOST, SENTENCE_END, cut

    sessions = [Session.begin(find_lesson(name))]
    for _ in range(3):
        sessions.append(sessions[-1].step())
    for steps in (0, 1, 3):
        state = AppState(sessions[steps], language=language)
        for width, rows in ((78, 9), (78, 10), (38, 9), (38, 10)):
            wrapped, book = cut(paragraphs(state), width, rows, language)
            for page, following in zip(book, book[1:]):
                index, start, stop = page[-1]
                lines = wrapped[index][0]
                if following[0][0] != index or stop == len(lines) or SENTENCE_END.search(lines[stop - 1] + " x"):
                    continue  # the page ends with its paragraph, or a sentence
                ended = [row for row in range(len(lines)) if SENTENCE_END.search(lines[row])]
                began = max([row for row in ended if row < stop], default=-1)  # the row the cut sentence began on
                finished = min([row for row in ended if row >= stop], default=len(lines) - 1)
                if finished - began + 1 > rows - 1:
                    continue  # longer than a page: cut it must be
                assert stop - began > MOVED_AT_MOST and finished > stop, (name, steps, width, rows, lines[began:finished + 1])




@pytest.mark.parametrize(("language", "on"), [("en", "press l, then Enter,"), ("zh", "按 l 再按回车")])
def test_lesson_1_asks_for_a_measurement_first_and_names_the_next_lesson_after_it(language, on):
    """Lesson 1's first page said "press l, then Enter, for the next one" and its second
    "Press space to measure", and the readout "Next lesson" beside "measured 0 times" and
    figures no measurement had given yet. Before the first measurement the lesson asks for
    it and the readout says the figures are what it gives; the way on comes after it."""
    from gradstep.tui.words.readout import readout_lines
    from gradstep.tui.words.say import say

    session = Session.begin(dataclasses.replace(find_lesson("measure-error"), questions=()))
    start = AppState(session, language=language)
    words = " ".join(text for text, _ in paragraphs(start))
    assert on not in words and say(language, "first_step.measure") in words
    readout = readout_lines(session.history, language)
    assert say(language, "measure.gives") in readout and say(language, "next_lesson") not in readout
    measured = dataclasses.replace(session, history=session.history.jump(1))
    words = " ".join(text for text, _ in paragraphs(AppState(measured, language=language)))
    assert on in words and say(language, "first_step.measure") not in words
    assert say(language, "next_lesson") in readout_lines(measured.history, language)
