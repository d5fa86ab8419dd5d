"""`gradstep class DIR` over sessions still running: the room's table printed once."""

import os
import time

import pytest
from gradstep.core.progress import AnswerSeen
from gradstep.tui.files.progress_folder import account

from ..helpers import gradstep, progress_file


@pytest.fixture
def room(tmp_path, monkeypatch):
    """A folder of progress files, all the teacher's own (a test cannot give files away)."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield tmp_path
    monkeypatch.undo()
    time.tzset()


def lines_of(out: str) -> list[list[str]]:
    return [line.split() for line in out.splitlines()]


def test_a_line_a_session_with_the_time_of_its_last_key_and_its_flags(room):
    now = time.time()
    wrong = [AnswerSeen("alpha", 1, "Which alpha?", answer, False, first) for answer, first in (("2", True),
                                                                                              ("3", False))]
    progress_file(room, "ana", now=now, idle=0, iteration=7, error=0.125, predictions_right=2, predictions=3)
    progress_file(room, "bo", now=now, idle=600, diverged=True, error=None, questions_asked=1, answers=wrong)
    result = gradstep("class", str(room))
    taken = time.time() - now  # a loaded machine may take a second or two to get here
    assert result.status == 0, result.err
    heading, ana, bo, blank, question_heading, question = result.out.splitlines()
    assert heading.split() == ["student", "lesson", "iter", "error", "pred", "ques", "idle", "last", "key", "flags"]
    assert ana.split()[2:6] == ["7", "0.125", "2/3", "-"]
    assert ana.split()[7] == time.strftime("%H:%M:%S", time.gmtime(now))
    assert bo.split()[3] == "overflowed" and bo.split()[5] == "0/1"  # past the floats: no figure
    idle = {f"10:{seconds:02d}" for seconds in range(int(taken) + 1)}  # 600 s idle, and the seconds since
    assert bo.split()[6] in idle and bo.split()[8:] == ["STUCK", "DIV", "IDLE"]
    assert question.split()[:6] == ["alpha", "1", "0%", "0/1", "2", "(1)"]


def test_a_run_that_diverges_shows_its_error_and_is_flagged_div(room):
    """At iteration 2 of lesson divergence the error is 33.7: a figure, shown as one (the word
    "diverged" in its place read as an overflow); that the run diverges is the flags' DIV."""
    progress_file(room, "cy", iteration=2, error=33.7, diverged=True, lesson="divergence")
    for language, flag in (("en", "DIV"), ("zh", "发散")):
        result = gradstep("class", str(room), "--lang", language)
        assert result.status == 0, result.err
        cy = result.out.splitlines()[1].split()
        assert cy[1:4] == ["divergence", "2", "33.7"] and cy[-1] == flag  # cy[0]: the owner, the teacher


def test_the_watch_takes_the_apps_theme_and_refuses_an_unknown_one_in_a_line(room, monkeypatch):
    """`gradstep class DIR --watch --theme NAME`, for a projector: the same themes as the app."""
    from gradstep.tui.command import classroom, room as room_command

    shown = []
    monkeypatch.setattr(classroom, "dumb_terminal", lambda: False)
    monkeypatch.setattr(room_command, "watch", lambda *args: shown.append(args) or 0)
    assert classroom.main([str(room), "--watch", "--theme", "textual-light"]) == 0
    assert shown[0][-1] == "textual-light"
    assert classroom.main([str(room), "--watch", "--theme", "light"]) == 0  # as the docs write it
    assert shown[1][-1] == "textual-light"
    result = gradstep("class", str(room), "--watch", "--theme", "textual-lite")
    assert result.status == 2 and len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert "textual-light" in result.err  # the close match offered


def test_the_roster_names_who_has_not_started(room, tmp_path_factory):
    progress_file(room, "ana")  # the teacher's own file: the student is the teacher's account
    roster = tmp_path_factory.mktemp("lists") / "class.txt"
    roster.write_text(f"# class 1\n{account(os.getuid())}\n\nzed\n  bo  \n")
    result = gradstep("class", str(room), "--roster", str(roster))
    assert result.out.splitlines()[-1] == "not started (2): zed, bo"
    assert gradstep("class", str(room), "--roster", str(roster), "--lang", "zh").out.splitlines()[-1] == \
        "还没开始（2 人）：zed、bo"


def test_a_roster_that_cannot_be_read_is_one_line_and_exit_two(room):
    result = gradstep("class", str(room), "--roster", str(room / "missing.txt"))
    assert result.status == 2 and len(result.err.strip().splitlines()) == 1
    assert "cannot read the roster" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("minutes", ["0", "-1", "nan", "soon"])
def test_idle_takes_minutes_above_zero(room, minutes):
    result = gradstep("class", str(room), "--idle", minutes)
    assert result.status == 2 and "--idle takes a number of minutes" in result.err


def test_idle_in_minutes_sets_when_a_student_is_flagged(room):
    progress_file(room, "ana", now=time.time(), idle=200)
    assert gradstep("class", str(room)).out.splitlines()[1].split()[-1] == "IDLE"
    assert gradstep("class", str(room), "--idle", "5").out.splitlines()[1].split()[-1] != "IDLE"


def test_a_hostile_session_name_is_shown_as_text(room):
    progress_file(room, "ana", session="\x1b]0;pwned\x07", lesson="\x1b[2J")
    out = gradstep("class", str(room)).out
    assert "\x1b" not in out and "\\x1b" in out


def test_a_half_written_progress_file_is_named_and_the_rest_shown(room):
    progress_file(room, "ana")
    (room / "bo.progress.json").write_text('{"format": "gradstep-')
    result = gradstep("class", str(room))
    assert result.status == 0
    assert result.out.splitlines()[-1] == "bo.progress.json: not a progress record (or caught half-written)"


def test_a_folder_of_hand_ins_only_prints_as_before(room):
    (room / "ana-alpha.csv").write_text("user,session,lesson,iteration,error,goal\n")
    out = gradstep("class", str(room)).out
    assert out.splitlines()[0].split()[:3] == ["student", "started", "run"] and "iter" not in out


def test_at_80_columns_the_words_give_way_and_every_figure_and_flag_stays_whole():
    from gradstep.tui.words.room import STUDENT_WIDEST, fitted, student_columns

    columns = student_columns(with_time=True, sessions=True)
    heading = ["student", "session", "lesson", "iter", "error", "pred", "ques", "idle", "last key", "flags"]
    row = ["a-very-long-account", "bench-12-long", "gradient-descent", "100000", "1.2345e+06", "12/15", "10/12",
           "125:00", "12:34:56", "STUCK DIV IDLE"]
    heading_line, line = fitted([heading, row], STUDENT_WIDEST, columns, 80, "...")
    assert len(line) <= 80
    for figure in row[3:]:
        assert f" {figure}" in line
    assert line.startswith("a-ve... be... gr... ")  # session and lesson first, to five cells
    assert fitted([heading, row], STUDENT_WIDEST, columns, None, "...")[1].split() == row[:-1] + row[-1].split()


def test_a_forged_figure_is_cut_and_every_other_row_keeps_its_flags(room):
    now = time.time()
    progress_file(room, "ana", now=now, iteration=10**300, predictions=10**40, predictions_right=10**40)
    progress_file(room, "bo", now=now, idle=600)
    lines = gradstep("class", str(room)).out.splitlines()  # into a pipe: the words are never cut, figures are
    assert all(len(line) <= 80 for line in lines[:3])
    assert lines[1].split()[2] in ("100000…", "1000...") and lines[2].split()[-1] == "IDLE"


def test_a_students_row_adds_up_every_run_and_the_first_try_ever_decides(room):
    """A restart (a run of its own, a progress file of its own) answered right at once after
    two wrong answers in the run before: the row and the class figures say 0/1, not 1/1."""
    now = time.time()
    wrong = [AnswerSeen("alpha", 1, "Which alpha?", answer, False, first, 3, stamp)
             for answer, first, stamp in (("2", True, "2027-01-15T08:00:01.000Z"), ("3", False, "2027-01-15T08:00:02.000Z"))]
    right = [AnswerSeen("alpha", 1, "Which alpha?", "0.25", True, True, 3, "2027-01-15T08:05:00.000Z")]
    progress_file(room, "ben-1", now=now - 300, questions_asked=1, answers=wrong, predictions_right=1, predictions=2,
                  ended=True)
    progress_file(room, "ben-2", now=now, questions_right=1, questions_asked=1, answers=right, predictions_right=1,
                  predictions=1)
    result = gradstep("class", str(room))
    assert result.status == 0, result.err
    heading, ben, blank, question_heading, question = result.out.splitlines()
    assert ben.split()[4:6] == ["2/3", "0/1"]
    assert question.split()[:6] == ["alpha", "1", "0%", "0/1", "2", "(1)"]


def test_a_run_deleted_after_its_end_is_still_scored_as_it_ended(room):
    """ben deleted the progress file of the run where he answered wrong: the room still
    scores it (0/1, 0%, the wrong answer listed) and flags him GONE."""
    now = time.time()
    first, restart = "0123456789abcdef", "fedcba9876543210"
    wrong = [AnswerSeen("alpha", 1, "Which alpha?", "2", False, True, 3, "2027-01-15T08:00:01.000Z")]
    right = [AnswerSeen("alpha", 1, "Which alpha?", "0.25", True, True, 3, "2027-01-15T08:05:00.000Z")]
    progress_file(room, f"ben-{first}", now=now - 300, questions_asked=1, answers=wrong, ended=True)
    progress_file(room, f"ben-{restart}", now=now, questions_right=1, questions_asked=1, answers=right)
    before = gradstep("class", str(room))
    assert before.status == 0, before.err
    (room / f"ben-{first}.progress.json").unlink()
    after = gradstep("class", str(room))
    heading, ben, blank, question_heading, question = after.out.splitlines()[:5]
    assert ben.split()[5] == "0/1" and ben.split()[-1] == "GONE"
    assert question.split()[:6] == ["alpha", "1", "0%", "0/1", "2", "(1)"]


def test_a_lesson_whose_name_ends_in_digits_is_the_lesson_its_file_names():
    """ana-part-2.csv, an earlier gradstep's hand-in (no run id) of a teacher's lesson part-2,
    was told to name another lesson: its -2 was taken for a copy's number."""
    from gradstep.tui.command.classroom import names_lesson

    assert names_lesson("ana-part-2.csv", "part-2")
    assert names_lesson("ana-part-2-0123456789abcdef.csv", "part-2")
    assert names_lesson("ana-alpha-0123456789abcdef-2.csv", "alpha")  # a copy's -2
    assert not names_lesson("ana-t-blowup-0123456789abcdef.csv", "t-start")
