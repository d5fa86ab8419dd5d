"""The journal keeps what happened, where the session keeps only where the student is."""

from gradstep.core.journal import ANSWER, GUESS, STEP, Journal, Words
from gradstep.core.courses import find_lesson
from gradstep.core.questions import RIGHT, SKIPPED, WRONG, Answer
from gradstep.core.session import Session


def seen(*sessions: Session) -> Journal:
    journal = Journal(lambda session, index: Words(f"question {index + 1}"))
    for second, session in enumerate(sessions):
        journal.see(session, float(second))
    return journal


def kinds(journal: Journal) -> list[tuple[str, int]]:
    return [(entry.kind, entry.step.iteration if entry.kind == STEP else
             entry.guess.iteration if entry.kind == GUESS else entry.answer.index) for entry in journal.entries]


def test_steps_taken_back_and_taken_again_are_both_kept_with_their_guesses():
    start = Session.begin(find_lesson("alpha"))
    one = start.guessed_step(0.46)
    journal = seen(start, one, one.step_back(), one.step_back().guessed_step(0.1))
    assert kinds(journal) == [(GUESS, 0), (STEP, 0), (GUESS, 0), (STEP, 0)]
    assert journal.predictions == (1, 2)  # the forgotten guess still counts: it was made
    assert [entry.time for entry in journal.entries] == [1.0, 1.0, 3.0, 3.0]


def test_a_jump_of_many_steps_notes_each_where_it_begins_to_diverge_and_where_it_blows_up():
    start = Session.begin(find_lesson("divergence"))
    far = start
    while far.history.can_step:
        far = far.step()
    journal = seen(start, far)
    steps = [entry for entry in journal.entries if entry.kind == STEP]
    assert [entry.step.iteration for entry in steps] == list(range(far.history.iteration))
    assert steps[-1].note.startswith("diverged at iteration") and steps[1].note.startswith("diverging at iteration 1")
    assert not any(entry.note for entry in steps[:1] + steps[2:-1])


def test_going_back_to_another_lesson_notes_nothing_again():
    start = Session.begin(find_lesson("alpha"))
    answered = start.answered(Answer(0, 0, 0.25, RIGHT, 1))
    other = answered.with_lesson(find_lesson("hot-cold"))
    journal = seen(start, answered, other, other.step_back())
    assert kinds(journal) == [(ANSWER, 0)] and journal.lessons_opened == ["alpha", "hot-cold"]


def test_a_question_asked_again_keeps_every_answer_and_counts_the_first_try():
    start = Session.begin(find_lesson("error-curve")).step().step()
    wrong = start.answered(Answer(1, 2, 0.5, WRONG, 2, (0.25,)))
    again = wrong.step_back().step().answered(Answer(1, 2, 0.5625, RIGHT, 1))
    journal = seen(start, wrong, wrong.step_back(), wrong.step_back().step(), again)
    answers = [(entry.answer.given, entry.answer.result, entry.first) for entry in journal.entries
               if entry.kind == ANSWER]
    assert answers == [(0.25, WRONG, True), (0.5, WRONG, False), (0.5625, RIGHT, False)]
    assert journal.questions == (0, 1)


def test_a_resumed_session_goes_on_and_a_fresh_start_asks_afresh():
    saved = Session.begin(find_lesson("alpha")).answered(Answer(0, 0, 0.25, RIGHT, 1))
    resumed = seen(saved, saved.answered(Answer(1, 0, None, SKIPPED, 0)))
    assert [(entry.answer.index, entry.first) for entry in resumed.entries] == [(1, True)]  # 0 was handed in before
    assert resumed.questions == (0, 1)
    fresh = Session.begin(find_lesson("alpha"), before=saved)
    journal = seen(fresh, fresh.answered(Answer(0, 0, 0.3, WRONG, 2)))
    assert [(entry.answer.index, entry.first) for entry in journal.entries] == [(0, True)]
    assert journal.questions == (0, 1)


def test_the_room_sees_a_run_as_diverged_while_it_diverges_not_only_once_it_overflowed():
    """The teacher's DIV came at iteration 52, error 1e100; the student had been looking at
    r = -10.25 and errors in the 1e17s for a long while."""
    from gradstep.core.courses import find_lesson
    from gradstep.core.history import History
    from gradstep.core.journal import diverging

    history = History.start(find_lesson("divergence").problem)
    assert [diverging(history.jump(k)) for k in (0, 1, 3)] == [False, True, True]
    assert history.jump(3).divergence is None  # long before it overflows
    assert not any(diverging(History.start(find_lesson(name).problem).jump(5)) for name in ("alpha", "hot-cold"))


def test_each_try_is_noted_as_it_is_judged_with_its_own_time_and_once():
    """Before, a question's tries were noted only once the answer box closed, all at that time."""
    from gradstep.core.questions import Attempt

    start = Session.begin(find_lesson("error-curve")).step().step()
    question = start.lesson.questions[1]
    journal = seen(start)
    attempt = Attempt(question, 1).answer(0.25)  # wrong: a try left
    journal.tried(start, attempt.last_try(), 10.0)
    settled = attempt.answer(0.5625)
    journal.tried(start, settled, 20.0)
    assert [(entry.time, entry.answer.given, entry.answer.tries, entry.first) for entry in journal.entries] == \
           [(10.0, 0.25, 1, True), (20.0, 0.5625, 2, False)]
    journal.see(start.answered(settled), 30.0)  # the box closes: nothing noted twice
    assert [entry.time for entry in journal.entries] == [10.0, 20.0] and journal.questions == (0, 1)


def test_a_question_asked_again_after_tries_noted_live_is_noted_again():
    from gradstep.core.questions import Attempt

    start = Session.begin(find_lesson("error-curve")).step().step()
    question = start.lesson.questions[1]
    journal = seen(start)
    first = Attempt(question, 1).answer(0.5625)
    journal.tried(start, first, 5.0)
    answered = start.answered(first)
    journal.see(answered, 6.0)
    again = answered.step_back().step()
    journal.see(answered.step_back(), 7.0)
    journal.see(again, 8.0)
    skipped = Attempt(question, 1).skip()
    journal.tried(again, skipped, 9.0)
    journal.see(again.answered(skipped), 10.0)
    assert [(entry.time, entry.answer.result) for entry in journal.entries if entry.kind == ANSWER] == \
           [(5.0, RIGHT), (9.0, SKIPPED)]


def test_a_diverging_run_is_noted_where_its_error_first_passes_its_start():
    start = Session.begin(find_lesson("divergence"))
    far = start.step().step().step()
    journal = seen(start, far)
    notes = [entry.note for entry in journal.entries if entry.kind == STEP]
    assert far.history.errors[1] > far.history.errors[0] >= 0  # the room flags DIV from iteration 1
    assert notes == ["", "diverging at iteration 1: error above its start (r < -1)", ""]


def test_a_run_that_converges_notes_nothing():
    start = Session.begin(find_lesson("alpha"))
    journal = seen(start, start.step().step().step())
    assert [entry.note for entry in journal.entries if entry.kind == STEP] == ["", "", ""]


def test_undoing_a_reset_notes_nothing_again_the_steps_and_guesses_happened_once():
    """0 then b: the reset keeps the run's stored steps (the same trajectory), and b gives
    back the very session before it. Noting its steps again counted one wrong guess as two
    (the room's 0/2) and a two-step run as four steps."""
    start = Session.begin(find_lesson("alpha"))
    one = start.guessed_step(123.0)  # wrong
    two = one.step()
    reset = two.reset()
    journal = seen(start, one, two, reset, reset.step_back())
    assert kinds(journal) == [(GUESS, 0), (STEP, 0), (STEP, 1)]
    assert journal.predictions == (0, 1)
    stepped_on = reset.step_back().step()  # and a step after the undo is a new one, noted
    journal.see(stepped_on, 9.0)
    assert kinds(journal)[-1] == (STEP, 2) and len(journal.entries) == 4
