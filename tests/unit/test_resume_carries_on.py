"""A resumed session carries on where it handed in, and with its course: the walk found
`gradstep --resume` (no --hand-in, no GRADSTEP_HAND_IN) handing nothing in and saying
nothing, while the room showed the student as ended. Nothing a student does may be lost
on its way to the teacher."""

import csv
import io
import json

import pytest
from gradstep.tui.files.owner import login_name

from ..helpers import gradstep
from .test_teacher_lessons import course_folder

KEYS = "s\ns\n\nq\n"  # hot-cold's questions skipped, one step


@pytest.fixture
def student(tmp_path, monkeypatch):
    """A student's own state folder, and no hand-in folder in the environment."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("GRADSTEP_HAND_IN", raising=False)
    folder = tmp_path / "hand-in"
    folder.mkdir()
    return folder


def run(monkeypatch, *flags: str, keys: str = KEYS):
    monkeypatch.setattr("sys.stdin", io.StringIO(keys))
    return gradstep("--line", "--session", "s1", *flags)


def hand_ins(folder) -> dict:
    """Each hand-in's run id, and the run its rows say it resumed."""
    found = {}
    for path in folder.glob("*.csv"):
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        found[rows[0]["session"]] = rows[0]["resumed"]
    return found


def test_a_resume_without_hand_in_hands_in_where_the_session_did(student, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # named relative: the resume starts from elsewhere
    assert run(monkeypatch, "--lesson", "hot-cold", "--hand-in", "hand-in", "--lang", "en").status == 0
    (first, _), = hand_ins(student).items()
    monkeypatch.chdir(tmp_path / "state")
    result = run(monkeypatch, "--resume", "--lang", "en")
    assert result.status == 0, result.err
    runs = hand_ins(student)
    (second,) = set(runs) - {first}
    assert runs[second] == first  # the resumed run handed in, naming the run it carried on
    assert f"handed in as {login_name()}-s1-hot-cold-{second}.csv in {student}" in result.out
    progress = json.loads((student / f"{login_name()}-s1-{second}.progress.json").read_text(encoding="utf-8"))
    assert progress["ended"] and progress["iteration"] == 2  # the room followed the resumed run too


def test_a_resume_that_names_a_folder_hands_in_there(student, monkeypatch, tmp_path):
    assert run(monkeypatch, "--lesson", "hot-cold", "--hand-in", str(student)).status == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert run(monkeypatch, "--resume", "--hand-in", str(elsewhere)).status == 0
    assert len(hand_ins(student)) == 1 and len(hand_ins(elsewhere)) == 1


@pytest.mark.parametrize("language, said", [
    ("en", "gradstep: This session handed in to {folder}, which cannot be used now (no folder there): nothing will be "
           "handed in. gradstep --resume --hand-in DIR hands it in."),
    ("zh", "gradstep：这个会话原来交作业到 {folder}，现在用不了（那里没有这个文件夹）：不会交作业。"
           "gradstep --resume --hand-in 目录 可以交。"),
])
def test_a_resume_whose_hand_in_folder_is_gone_says_so_in_one_line(student, monkeypatch, language, said):
    assert run(monkeypatch, "--lesson", "hot-cold", "--hand-in", str(student)).status == 0
    student.rename(student.with_name("moved"))
    result = run(monkeypatch, "--resume", "--lang", language)
    assert result.status == 0 and "Traceback" not in result.err
    assert [line for line in result.err.splitlines() if str(student) in line] == \
           [said.format(folder=student)]
    student.with_name("moved").rename(student)  # back: the next resume hands in there again
    assert run(monkeypatch, "--resume").status == 0 and len(hand_ins(student)) == 2


def test_a_resume_keeps_the_teachers_course(student, monkeypatch, tmp_path):
    course = course_folder(tmp_path)
    assert run(monkeypatch, "--course", str(course), "--lang", "en", keys="q\n").status == 0
    listed = run(monkeypatch, "--resume", keys="l\nq\n").out
    assert "second" in listed and "third" in listed and "hot-cold" not in listed


@pytest.mark.parametrize("value", [5, "relative/folder", "/with\0nul"])
def test_a_save_whose_folder_setting_is_not_one_gradstep_writes_is_refused(value):
    from gradstep.core.saving import CorruptSave
    from gradstep.tui.app.state import checked_view

    assert checked_view({"hand_in": "/srv/class", "course": "/srv/course"}) == {"hand_in": "/srv/class",
                                                                                 "course": "/srv/course"}
    for key in ("hand_in", "course"):
        with pytest.raises(CorruptSave):
            checked_view({key: value})


@pytest.mark.parametrize("language, said", [
    ("en", "This session followed the course in {folder}, which is no folder now: the built-in lessons are listed. "
           "gradstep --resume --course DIR lists the teacher's."),
    ("zh", "这个会话原来学的是 {folder} 里的课程，现在那里不是文件夹：列出的是内置课程。"
           "gradstep --resume --course 目录 可以列出老师的课程。"),
])
def test_a_resume_whose_course_is_gone_says_so_and_lists_the_built_in_lessons(student, monkeypatch, tmp_path,
                                                                               language, said):
    course = course_folder(tmp_path)
    assert run(monkeypatch, "--course", str(course), keys="q\n").status == 0
    course.rename(tmp_path / "moved")
    result = run(monkeypatch, "--resume", "--lang", language, keys="l\nq\n")
    assert result.status == 0 and said.format(folder=course) in result.err
    assert "\n10  " in result.out and "Traceback" not in result.err  # the built-in ten, and the lesson resumed
