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


def test_reset_goes_back_to_the_start_of_the_run_as_the_student_changed_it():
    """0 on an edited lesson went back to the lesson's own numbers, and only b brought the
    edit back. The help says 0 goes back to iteration 0 with the numbers as they are now:
    the edit, a new alpha and the rule stay; b still undoes it."""
    lesson = find_lesson("alpha")
    edited = Session.begin(lesson).with_problem(lesson.problem.replace(weights=(0.3,))).with_rate(1).step().step()
    reset = edited.reset()
    assert reset.history.iteration == 0 and reset.problem == edited.problem != lesson.problem
    assert reset.problem.weights == (0.3,) and reset.history.weights.tolist() == [0.3]
    back = reset.step_back()
    assert back.history.iteration == 2 and back.problem == edited.problem
