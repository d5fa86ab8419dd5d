"""Handing in to a folder every student can write, and `gradstep class` reading it."""

import csv
import grp
import io
import os
import stat

import pytest
from gradstep.core.lessons import find_lesson
from gradstep.core.questions import RIGHT, WRONG, Answer
from gradstep.core.session import Session
from gradstep.tui.files.hand_in import HandIn, hand_in
from gradstep.tui.files.owner import Owner, login_name

from ..helpers import gradstep


def alpha_steps(steps: int, name: str = "alpha") -> Session:
    session = Session.begin(find_lesson(name))
    for _ in range(steps):
        session = session.step()
    return session


@pytest.fixture
def folder(tmp_path):
    """A hand-in folder as README makes it: group-owned, setgid and sticky (mode 3770)."""
    path = tmp_path / "hand-in"
    path.mkdir()
    groups = [group.gr_gid for group in grp.getgrall() if group.gr_gid != os.getgid()]
    if groups and os.geteuid() == 0:
        os.chown(path, -1, groups[0])  # the class's group, not the student's own
    os.chmod(path, 0o3770)
    return path


def test_a_hand_in_is_the_log_named_for_user_session_and_lesson(folder):
    path = hand_in(alpha_steps(3), folder, Owner("ana", "bench-2"))
    assert path == folder / "ana-bench-2-alpha.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [(row["user"], row["session"], row["lesson"], row["iteration"]) for row in rows] == \
           [("ana", "bench-2", "alpha", str(k)) for k in range(3)]
    status = os.stat(path)
    assert stat.S_IMODE(status.st_mode) == 0o640
    assert status.st_gid == os.stat(folder).st_gid  # setgid: the folder's group reads it


def test_the_mode_is_0640_whatever_the_umask(folder):
    old = os.umask(0o077)
    try:
        path = hand_in(alpha_steps(1), folder, Owner("ana"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640 and path.name == "ana-alpha.csv"


def test_a_taken_name_gets_a_number_and_nothing_is_overwritten(folder):
    first = hand_in(alpha_steps(1), folder, Owner("ana"))
    before = first.read_bytes()
    second = hand_in(alpha_steps(2), folder, Owner("ana"))
    third = hand_in(alpha_steps(3), folder, Owner("ana"))
    assert (second.name, third.name) == ("ana-alpha-2.csv", "ana-alpha-3.csv")
    assert first.read_bytes() == before


@pytest.mark.parametrize("target", ["a classmate's file", "a file of the student's own", "nowhere"])
def test_a_planted_symlink_is_never_followed(folder, tmp_path, target):
    victim = tmp_path / "victim.txt"
    if target != "nowhere":
        victim.write_text("precious")
    (folder / "ana-alpha.csv").symlink_to(victim)
    path = hand_in(alpha_steps(2), folder, Owner("ana"))
    assert path.name == "ana-alpha-2.csv" and not path.is_symlink()
    if target != "nowhere":
        assert victim.read_text() == "precious"
    else:
        assert not victim.exists()


def test_hand_in_once_and_not_when_nothing_was_done(folder):
    handing_in = HandIn(folder, Owner("bo"))
    handing_in(alpha_steps(0))
    handing_in(alpha_steps(2))  # the end came once already: nothing more
    assert handing_in.path is None and list(folder.iterdir()) == []
    later = HandIn(folder, Owner("bo"))
    later(alpha_steps(2))
    assert later.path == folder / "bo-alpha.csv"


def test_a_folder_that_cannot_take_it_is_reported_not_raised(tmp_path):
    handing_in = HandIn(tmp_path / "gone", Owner("bo"))
    handing_in(alpha_steps(1))
    assert handing_in.path is None and "gone" in handing_in.error


def test_hand_in_on_quit_in_line_mode(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("GRADSTEP_HAND_IN", str(folder))
    monkeypatch.setattr("sys.stdin", io.StringIO("s\ns\n\n\nq\n"))  # the lesson's two questions skipped
    result = gradstep("--line", "--lesson", "hot-cold", "--session", "s1", "--lang", "en")
    name = f"{login_name()}-s1-hot-cold.csv"
    assert result.status == 0 and (folder / name).exists()
    assert f"gradstep: handed in as {name} in {folder}" in result.out


def test_a_hand_in_folder_that_is_no_folder_is_refused_at_the_start(tmp_path):
    result = gradstep("--hand-in", str(tmp_path / "nowhere"), "--lesson", "alpha")
    assert result.status == 2 and "is not a folder: the teacher makes it first" in result.err


def test_class_lists_each_hand_in(folder):
    hand_in(alpha_steps(3), folder, Owner("ana", "s1"))
    hand_in(alpha_steps(2, "hot-cold"), folder, Owner("bo"))
    diverged = Session.begin(find_lesson("divergence"))
    while diverged.history.can_step:
        diverged = diverged.step()
    hand_in(diverged, folder, Owner("cy"))
    (folder / "notes.csv").write_text("a,b\n1,2\n")
    (folder / "readme.txt").write_text("ignored: not a .csv")
    (folder / "link.csv").symlink_to(folder / "ana-s1-alpha.csv")
    result = gradstep("class", str(folder), "--lang", "en")
    assert result.status == 0
    lines = result.out.splitlines()
    me = login_name()  # the student is the file's owner, whatever the file says
    assert lines[0].split() == ["student", "session", "lesson", "steps", "final", "error", "predictions", "questions"]
    assert lines[1].split() == [me, "s1", "alpha", "3", "0.0018662", "-", "-"]
    assert lines[2].split() == [me, "-", "hot-cold", "2", "1.69", "-", "-"]
    assert lines[3].split() == [me, "-", "divergence", "27", "diverged", "-", "-"]
    assert "link.csv: not a regular file: passed over" in result.out
    assert "notes.csv: not a gradstep hand-in (columns)" in result.out
    assert "readme" not in result.out


def test_class_shows_a_students_words_safely(folder):
    path = hand_in(alpha_steps(1), folder, Owner("ana", "s"))
    text = path.read_text().replace(",alpha,", ',"\x1b[31mred\nalpha",')
    path.write_text(text)
    result = gradstep("class", str(folder))
    assert "\x1b" not in result.out and "\\x1b[31mred\\nalpha" in result.out


def test_class_counts_the_guesses_and_the_questions_handed_in(folder):
    session = Session.begin(find_lesson("alpha")).answered(Answer(0, 0, 0.25, RIGHT, 1))
    session = session.answered(Answer(1, 0, 0.4, WRONG, 2)).guessed_step(0.46).guessed_step(0.4).guessed_step(None)
    path = hand_in(session, folder, Owner("ana"))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [row["guess_result"] for row in rows if not row["question"]] == ["right", "wrong", "skipped"]
    assert [(row["question"], row["answer_result"], row["tries"]) for row in rows if row["question"]] == \
           [("1", "right", "1"), ("2", "wrong", "2")]
    assert gradstep("class", str(folder)).out.splitlines()[1].split()[-2:] == ["1/2", "1/2"]  # guesses, questions


def test_class_on_a_missing_folder_is_one_line_and_exit_two(tmp_path):
    result = gradstep("class", str(tmp_path / "none"))
    assert result.status == 2 and len(result.err.splitlines()) == 1
