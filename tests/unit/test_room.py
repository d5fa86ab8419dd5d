"""The room at a glance: flags, sort orders, the roster and the figures of each question."""

from gradstep.core.progress import AnswerSeen, parse_time, progress_record, read_progress, write_progress
from gradstep.core.room import (
    ACCOUNT,
    DIVERGED,
    FLAGGED,
    IDLE,
    IDLE_TIME,
    LESSON,
    STUCK,
    Seen,
    flags,
    lesson_order,
    missing,
    question_figures,
    rows,
)

NOW = 1_800_000_000.0


def seen(account: str, idle: float = 0.0, **fields) -> Seen:
    """A student's progress as the folder gives it back: written, then read."""
    record = dict(account=account, session="", lesson="alpha", lessons_opened=["alpha"], iteration=3, error=0.25,
                  predictions_right=0, predictions=0, questions_right=0, questions_asked=0, answers=[],
                  last_key=NOW - idle, diverged=False, ended=False, updated=NOW) | fields
    progress = read_progress(write_progress(progress_record(**record)))
    return Seen(account, progress, parse_time(progress.last_key).timestamp())


def answer(answer: str, right: bool, first: bool, lesson: str = "alpha", question: int = 1) -> AnswerSeen:
    return AnswerSeen(lesson, question, "Which alpha lands in one step?", answer, right, first)


def test_two_wrong_answers_to_one_question_of_the_lesson_open_now_is_stuck():
    twice = [answer("0.5", False, True), answer("0.3", False, False)]
    assert flags(seen("ana", answers=twice), NOW) == (STUCK,)
    once_each = [answer("0.5", False, True), answer("2", False, True, question=2)]
    assert flags(seen("bo", answers=once_each), NOW) == ()
    right_second = [answer("0.5", False, True), answer("0.25", True, False)]
    assert flags(seen("cy", answers=right_second), NOW) == ()


def test_a_question_of_a_lesson_left_behind_no_longer_holds_a_student_up():
    twice = [answer("0.5", False, True, lesson="alpha"), answer("0.3", False, False, lesson="alpha")]
    assert flags(seen("ana", lesson="multi-weight", answers=twice), NOW) == ()


def test_a_diverged_run_is_flagged():
    assert flags(seen("ana", diverged=True, error=None), NOW) == (DIVERGED,)


def test_idle_past_the_limit_and_only_in_a_session_not_ended():
    assert flags(seen("ana", idle=121), NOW) == (IDLE,)
    assert flags(seen("ana", idle=119), NOW) == ()
    assert flags(seen("ana", idle=121), NOW, idle_limit=300) == ()
    assert flags(seen("ana", idle=3600, ended=True), NOW) == ()


def test_flags_come_most_urgent_first():
    twice = [answer("0.5", False, True), answer("0.3", False, False)]
    assert flags(seen("ana", idle=500, diverged=True, answers=twice), NOW) == (STUCK, DIVERGED, IDLE)


def test_a_clock_ahead_of_the_teachers_is_never_negative_idle():
    (row,) = rows([seen("ana", idle=-30)], NOW)
    assert row.idle == 0


def test_rows_by_account():
    class_ = [seen("cy"), seen("ana", session="b"), seen("bo")]
    assert [(row.seen.account, row.seen.progress.session) for row in rows(class_, NOW, ACCOUNT)] == [
        ("ana", "b"), ("bo", ""), ("cy", "")]


def test_rows_by_idle_the_longest_first():
    class_ = [seen("ana", idle=5), seen("bo", idle=500), seen("cy", idle=50)]
    assert [row.seen.account for row in rows(class_, NOW, IDLE_TIME)] == ["bo", "cy", "ana"]


def test_rows_by_flags_the_most_urgent_first_then_by_account():
    twice = [answer("0.5", False, True), answer("0.3", False, False)]
    class_ = [seen("ana"), seen("bo", idle=500), seen("cy", diverged=True), seen("dan", answers=twice),
              seen("eve", diverged=True, idle=500)]
    assert [row.seen.account for row in rows(class_, NOW, FLAGGED)] == ["dan", "eve", "cy", "bo", "ana"]


def test_lessons_in_course_order_as_the_class_opened_them_and_rows_furthest_behind_first():
    class_ = [seen("ana", lesson="alpha", lessons_opened=["measure-error", "hot-cold", "alpha"]),
              seen("bo", lesson="measure-error", lessons_opened=["measure-error"]),
              seen("cy", lesson="hot-cold", iteration=9, lessons_opened=["measure-error", "hot-cold"]),
              seen("al", lesson="hot-cold", iteration=12, lessons_opened=["measure-error", "hot-cold"])]
    assert lesson_order(class_) == ["measure-error", "hot-cold", "alpha"]
    assert [row.seen.account for row in rows(class_, NOW, LESSON)] == ["bo", "cy", "al", "ana"]


def test_the_roster_names_who_has_not_started_in_its_own_order_once():
    assert missing(["zed", "ana", "bo", "zed"], [seen("ana"), seen("cy")]) == ["zed", "bo"]


def test_a_question_right_at_the_first_try_and_the_wrong_answer_most_students_gave():
    class_ = [seen("ana", answers=[answer("0.25", True, True)]),
              seen("bo", answers=[answer("0.5", False, True), answer("0.5", False, False)]),
              seen("cy", answers=[answer("0.5", False, True), answer("0.25", True, False)]),
              seen("dan", answers=[answer("1", False, True), answer("0.3", False, False)]),
              seen("eve")]
    (figures,) = question_figures(class_)
    assert (figures.lesson, figures.question) == ("alpha", 1)
    assert (figures.first_right, figures.first_tries, figures.first_share) == (1, 4, 0.25)
    assert (figures.wrong_answer, figures.wrong_students) == ("0.5", 2)  # bo twice counts once


def test_questions_in_course_order_and_a_tie_goes_to_the_answer_first_met():
    class_ = [seen("ana", lessons_opened=["hot-cold", "alpha"], answers=[
        answer("1", False, True, lesson="alpha"), answer("up", True, True, lesson="hot-cold")]),
        seen("bo", lessons_opened=["hot-cold"], lesson="hot-cold", answers=[answer("2", False, True)])]
    figures = question_figures(class_)
    assert [(one.lesson, one.question) for one in figures] == [("hot-cold", 1), ("alpha", 1)]
    assert figures[1].wrong_answer == "1" and figures[1].wrong_students == 1
    assert figures[0].wrong_answer is None and figures[0].first_share == 1.0


def test_no_answers_no_questions():
    assert question_figures([seen("ana"), seen("bo")]) == []


def test_a_questions_words_are_those_most_students_were_asked():
    forged = AnswerSeen("alpha", 1, "Everyone may go home now", "0.5", False, True)
    class_ = [seen("aaa", answers=[forged]), *(seen(name, answers=[answer("0.25", True, True)]) for name in "bcd")]
    (figures,) = question_figures(class_)
    assert figures.text == "Which alpha lands in one step?"


def test_right_at_last_is_no_longer_stuck_and_skips_are_no_wrong_answers():
    twice_then_right = [answer("0.5", False, True), answer("0.3", False, False), answer("0.25", True, False)]
    assert flags(seen("ana", answers=twice_then_right), NOW) == ()
    skips = [answer("", False, True), answer("", False, False)]
    assert flags(seen("bo", answers=skips), NOW) == ()
    (figures,) = question_figures([seen("bo", answers=skips), seen("cy", answers=[answer("1", False, True)])])
    assert (figures.first_right, figures.first_tries) == (0, 2)  # a skip at the first try is not right
    assert (figures.wrong_answer, figures.wrong_students) == ("1", 1)  # and is not a wrong answer


def test_a_students_runs_are_one_row_the_latest_whatever_their_session_names():
    """Each run of gradstep keeps a progress file of its own (a random id in its name): a
    student who started three times, under any --session name, is one row, where they are now."""
    from gradstep.core.room import latest

    def run(account, session, minutes, iteration):
        return seen(account, session=session, iteration=iteration, updated=NOW + 60 * minutes)

    runs = [run("ana", "", 1, 5), run("ana", "", 3, 1), run("ana", "", 2, 9), run("ana", "k", 1, 7),
            run("bo", "", 1, 2)]
    assert sorted((one.account, one.progress.session, one.progress.iteration) for one in latest(runs)) == \
           [("ana", "", 1), ("bo", "", 2)]


def asked_at(answer_seen: AnswerSeen, at: int) -> AnswerSeen:
    from dataclasses import replace

    return replace(answer_seen, at=at)


def test_stuck_means_stuck_now_not_once():
    """The walk: ben's STUCK stayed after he answered the next question right and took three
    steps, and after he quit ("ended STUCK"). Each way of moving on clears it."""
    twice = [asked_at(answer("0.5", False, True), 3), asked_at(answer("0.3", False, False), 3)]
    assert flags(seen("ben", iteration=3, answers=twice), NOW) == (STUCK,)
    next_right = twice + [asked_at(answer("up", True, True, question=2), 3)]
    assert flags(seen("ben", iteration=3, answers=next_right), NOW) == ()
    next_skipped = twice + [asked_at(answer("", False, True, question=2), 3)]
    assert flags(seen("ben", iteration=3, answers=next_skipped), NOW) == ()
    assert flags(seen("ben", iteration=6, answers=twice), NOW) == ()  # stepped on
    assert flags(seen("ben", iteration=3, answers=twice, ended=True), NOW) == ()
    # a wrong answer to another question after the two does not make the first one "now"
    other_wrong = twice + [asked_at(answer("7", False, True, question=2), 3)]
    assert flags(seen("ben", iteration=3, answers=other_wrong), NOW) == ()


def test_answers_keep_where_and_when_they_were_given_and_an_older_file_still_reads():
    given = AnswerSeen("alpha", 1, "Which alpha?", "0.5", False, True, 3, "2027-01-15T08:00:00.250Z")
    progress = seen("ana", answers=[given]).progress
    assert progress.answers == (given,)
    older = seen("ana", answers=[answer("0.5", False, True)]).progress
    assert older.answers[0].at is None and older.answers[0].time is None


def timed(answer_seen: AnswerSeen, minute: float) -> AnswerSeen:
    from dataclasses import replace

    return replace(answer_seen, time=f"2027-01-15T08:{int(minute):02d}:{round(minute % 1 * 60):02d}.000Z")


def test_a_restart_does_not_turn_wrong_first_tries_into_right_ones():
    """The walk: ben answered wrong twice, restarted without --resume, answered right at once:
    his row showed 2/2 and the class 100% for every question."""
    first_run = [timed(answer("0.5", False, True), 1), timed(answer("0.3", False, False), 2),
                 timed(answer("up", False, True, question=2), 3)]
    again = [timed(answer("0.25", True, True), 10), timed(answer("down", True, True, question=2), 11)]
    runs = [seen("ben", answers=first_run, questions_asked=2, updated=NOW - 600),
            seen("ben", answers=again, questions_right=2, questions_asked=2)]
    now_run = runs[1]
    (row,) = rows([now_run], NOW, runs=runs)
    assert row.questions == (0, 2)
    figures = question_figures(runs)
    assert [(one.question, one.first_right, one.first_tries) for one in figures] == [(1, 0, 1), (2, 0, 1)]
    assert (figures[0].wrong_answer, figures[0].wrong_students) == ("0.5", 1)  # ben counts once per answer
    assert (figures[1].wrong_answer, figures[1].wrong_students) == ("up", 1)


def test_a_skipped_re_ask_in_a_later_session_replaces_no_answer_and_every_session_counts():
    """The walk: ana (4/4) resumed, reopened lesson 1, skipped its questions again: her row
    became 0/2 and lessons 2 and 3's questions left the class summary."""
    first = [timed(answer("1", True, True, lesson=lesson, question=number), minute)
             for minute, (lesson, number) in enumerate([("one", 1), ("one", 2), ("two", 1), ("two", 2)])]
    resumed = [timed(answer("", False, True, lesson="one", question=number), 20 + number) for number in (1, 2)]
    runs = [seen("ana", lesson="two", lessons_opened=["one", "two"], answers=first, predictions_right=3,
                 predictions=4, questions_right=4, questions_asked=4, updated=NOW - 900),
            seen("ana", lesson="one", lessons_opened=["three", "one"], answers=resumed, predictions_right=1,
                 predictions=1, questions_asked=2)]
    (row,) = rows(latest_of(runs), NOW, runs=runs)
    assert row.questions == (4, 4) and row.predictions == (4, 5)
    figures = question_figures(runs)
    assert [(one.lesson, one.question, one.first_right, one.first_tries) for one in figures] == [
        ("one", 1, 1, 1), ("one", 2, 1, 1), ("two", 1, 1, 1), ("two", 2, 1, 1)]


def test_an_older_file_without_times_counts_its_runs_in_the_order_they_were_written():
    runs = [seen("cy", answers=[answer("2", False, True)], updated=NOW - 60),
            seen("cy", answers=[answer("0.25", True, True)], updated=NOW)]
    assert question_figures(runs)[0].first_right == 0
    assert question_figures(list(reversed(runs)))[0].first_right == 0


def test_a_first_try_is_the_accounts_whatever_the_session_name():
    """The walk: bo answered wrong, started again with `--session rep` and answered right:
    a new row, and the class figures said 75% right at the first try. A session name is the
    student's to pick; the account, which owns the file, is the student."""
    runs = [seen("ana", answers=[timed(answer("0.25", True, True), 1)]),
            seen("bo", answers=[timed(answer("9", False, True), 2)], updated=NOW - 60),
            seen("bo", session="rep", answers=[timed(answer("0.25", True, True), 3)])]
    (figures,) = question_figures(runs)
    assert (figures.first_right, figures.first_tries) == (1, 2)
    assert [(row.seen.account, row.seen.progress.session, row.questions)
            for row in rows(latest_of(runs), NOW, runs=runs)] == [("ana", "", (1, 1)), ("bo", "rep", (0, 1))]


def latest_of(runs):
    from gradstep.core.room import latest

    return latest(runs)


def test_a_run_that_diverged_and_ended_is_said_but_not_flagged():
    """`ended DIV` counted among the flagged and sorted above a CHANGED hand-in: a run that
    diverged and ended needs no teacher now. Its row still says it diverged, in each language."""
    from gradstep.core.room import CHANGED
    from gradstep.tui.words.room import student_cells

    ended = seen("ana", diverged=True, ended=True)
    assert flags(ended, NOW) == ()
    assert flags(seen("bo", diverged=True), NOW) == (DIVERGED,)  # still running: a call
    table = rows([ended, seen("cy")], NOW, sort=FLAGGED, evidence={"cy": (CHANGED,)})
    assert [row.seen.account for row in table] == ["cy", "ana"] and not table[1].flags
    for language, said in (("en", "(div)"), ("zh", "(发散)")):
        assert student_cells(table[1], language, ("flags",)) == [said]
