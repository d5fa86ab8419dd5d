"""A session across lessons: what it keeps when the student goes from one to another."""

from gradstep.core.courses import find_lesson
from gradstep.core.session import Session


def test_a_lesson_opened_again_does_not_ask_what_was_answered_in_it():
    """Lesson 2 opened again from the list asked its questions a second time, and the 'e'
    the student typed to edit landed in the answer box."""
    from gradstep.core.questions import Attempt

    hot_cold = find_lesson("hot-cold")
    session = Session.begin(hot_cold)
    for index in (0, 1):
        session = session.answered(Attempt(hot_cold.questions[index], index).skip())
    assert session.pending_question() is None
    again = session.with_lesson(find_lesson("alpha")).with_lesson(hot_cold)
    assert again.history.iteration == 0 and again.pending_question() is None
    assert Session.begin(find_lesson("alpha")).with_lesson(hot_cold).pending_question() == 0  # never answered: asked
