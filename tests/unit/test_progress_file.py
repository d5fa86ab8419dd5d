"""The progress file in a folder the class shares, and the pending hand-in a kill leaves.

These run as whoever runs the tests; tests/terminal/test_progress_accounts.py repeats what
depends on permissions as separate unprivileged accounts."""

import csv
import io
import json
import os
import stat

import pytest
from gradstep.core.progress import read_progress
from gradstep.tui.files.hand_in import HandIn, complete_pending
from gradstep.tui.files.owner import Owner, login_name
from gradstep.tui.files.pending import Pending
from gradstep.tui.files.places import pending_path
from gradstep.tui.files.progress import NotOurs, replace_progress

from ..helpers import gradstep
from .test_hand_in import alpha_steps, journal_of
from .test_progress import record


def test_the_progress_file_is_replaced_whole_with_the_groups_read(tmp_path):
    old = os.umask(0o077)
    try:
        path = replace_progress(tmp_path, "ana-s1", record(iteration=1))
        first = os.stat(path)
        replace_progress(tmp_path, "ana-s1", record(iteration=2))
    finally:
        os.umask(old)
    assert path == tmp_path / "ana-s1.progress.json"
    assert read_progress(path.read_text()).iteration == 2
    assert os.stat(path).st_ino != first.st_ino  # a new file took the name: a reader never sees half of one
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["ana-s1.progress.json"]  # no temporary file left


@pytest.mark.parametrize("planted", ["ana-s1.progress.json", "ana-s1.progress.tmp"])
def test_a_planted_symlink_is_neither_followed_nor_replaced(tmp_path, planted):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / planted).symlink_to(victim)
    with pytest.raises(NotOurs):
        replace_progress(tmp_path, "ana-s1", record())
    assert victim.read_text() == "precious" and (tmp_path / planted).is_symlink()


def test_a_temporary_file_left_by_a_killed_session_of_ones_own_is_taken_over(tmp_path):
    (tmp_path / "ana-s1.progress.tmp").write_text('{"half": ')
    replace_progress(tmp_path, "ana-s1", record())
    assert sorted(os.listdir(tmp_path)) == ["ana-s1.progress.json"]


def test_a_progress_file_that_cannot_be_kept_does_not_stop_the_hand_in(tmp_path):
    (tmp_path / "bo-feed.progress.json").symlink_to(tmp_path / "elsewhere")
    handing_in = HandIn(tmp_path, Owner("bo", id="feed"))
    sessions = alpha_steps(2)
    handing_in.keep(journal_of(*sessions), sessions[-1], 0.0)
    handing_in.finish(journal_of(*sessions), sessions[-1], 0.0)
    assert handing_in.paths == [tmp_path / "bo-alpha-feed.csv"] and "not this account's" in handing_in.progress_error
    assert not (tmp_path / "elsewhere").exists()


def test_a_killed_session_is_handed_in_by_the_next_start(tmp_path):
    folder, state = tmp_path / "class", tmp_path / "state"
    folder.mkdir()
    state.mkdir()
    pending = pending_path(state / "session-k.json")
    handing_in = HandIn(folder, Owner("cy", "k", "feed"), pending)
    sessions = alpha_steps(3)
    journal = journal_of(*sessions[:2])
    handing_in.keep(journal, sessions[1], 0.0)
    journal.see(sessions[3], 2.0)
    handing_in.keep(journal, sessions[3], 0.0)  # appended, not written again
    with pending.open("a") as out:
        out.write('{"kind": "step", "lesson": "al')  # the write a kill cut short
    assert pending.name == "session-k.hand-in.jsonl" and not read_progress(
        (folder / "cy-k-feed.progress.json").read_text()).ended
    # killed here: no finish
    folder_made, paths = complete_pending(pending)
    assert folder_made == folder and paths == [folder / "cy-k-alpha-feed.csv"]  # the killed run's own id
    rows = list(csv.DictReader(paths[0].open(encoding="utf-8")))
    assert [(row["user"], row["session"], row["session_name"], row["kind"], row["iteration"]) for row in rows] == \
           [("cy", "feed", "k", "step", str(k)) for k in range(3)]
    assert not pending.exists()
    assert read_progress((folder / "cy-k-feed.progress.json").read_text()).ended  # the desk sees it ended
    assert complete_pending(pending) is None  # nothing left: nothing done twice


def test_a_pending_hand_in_that_is_not_ones_own_format_is_left_alone(tmp_path):
    pending = tmp_path / "session.hand-in.jsonl"
    pending.write_text(json.dumps({"format": "other"}) + "\n")
    assert Pending.read(pending) is None and complete_pending(pending) is None and pending.exists()


def test_an_end_that_hands_in_removes_the_pending_hand_in(tmp_path):
    pending = tmp_path / "session.hand-in.jsonl"
    handing_in = HandIn(tmp_path, Owner("dee", id="feed"), pending)
    sessions = alpha_steps(1)
    handing_in.keep(journal_of(*sessions), sessions[-1], 0.0)
    assert pending.exists()
    handing_in.finish(journal_of(*sessions), sessions[-1], 0.0)
    assert not pending.exists() and read_progress((tmp_path / "dee-feed.progress.json").read_text()).ended


def test_an_end_that_cannot_hand_in_keeps_the_pending_hand_in_for_next_time(tmp_path):
    pending = tmp_path / "session.hand-in.jsonl"
    handing_in = HandIn(tmp_path / "gone", Owner("dee"), pending)
    sessions = alpha_steps(1)
    handing_in.keep(journal_of(*sessions), sessions[-1], 0.0)
    handing_in.finish(journal_of(*sessions), sessions[-1], 0.0)
    assert handing_in.error and pending.exists()


def test_a_killed_sessions_rows_that_cannot_be_handed_in_yet_are_never_written_over(tmp_path, monkeypatch):
    """Its folder gone, the next start says so and keeps them; that run hands in its own."""
    state, gone, now = tmp_path / "state", tmp_path / "gone", tmp_path / "class"
    now.mkdir()
    (state / "gradstep").mkdir(parents=True, mode=0o700)
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    pending = state / "gradstep" / "session-k.hand-in.jsonl"
    sessions = alpha_steps(2)
    HandIn(gone, Owner("ana", "k"), pending).keep(journal_of(*sessions), sessions[-1], 0.0)
    before = pending.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("s\ns\n\nq\n"))
    result = gradstep("--line", "--lesson", "alpha", "--session", "k", "--lang", "en", "--hand-in", str(now))
    assert f"could not hand in: {gone}: No such file or directory" in result.err
    assert pending.read_bytes() == before  # the killed run's rows, as they were
    [path] = now.glob("*.csv")
    assert path.name.startswith(f"{login_name()}-k-alpha-")


def test_line_mode_keeps_each_try_before_the_question_is_settled(tmp_path):
    """Before, line mode noted a question's tries only once it was settled, all at that
    time: a wrong try followed by the end of input (or a long think) was on no desk."""
    from gradstep.core.courses import find_lesson
    from gradstep.core.journal import Journal, Words
    from gradstep.core.session import Session
    from gradstep.tui.plain.keeping import LineKeeping
    from gradstep.tui.plain.lines import run_lines

    handing_in = HandIn(tmp_path, Owner("eve"))
    start = Session.begin(find_lesson("measure-error"))
    keeping = LineKeeping(Journal(lambda session, index: Words("?")), start, handing_in, lambda session: None,
                          every=0.0)
    run_lines(start, "en", io.StringIO("3\n"), io.StringIO(), on_change=keeping.changed, on_try=keeping.tried)
    [path] = tmp_path.glob("*.progress.json")
    progress = read_progress(path.read_text())  # the input ended inside the question: never settled
    assert [(seen.answer, seen.right, seen.first) for seen in progress.answers] == [("3", False, True)]
