"""The save folder is the student's own, one gradstep has a session open at a time, a fresh
start keeps the last session a key away, a save that cannot be written is one line, and
no file is written outside its folder.

Line mode, in this process: the app's ways of saving are in tests/app and tests/terminal.
"""

import errno
import io
import json
import os
import pwd
import signal

import pytest
from gradstep.core.session import Session
from gradstep.core.journal import Journal
from gradstep.tui.files.exports import export_log
from gradstep.tui.files.owner import Owner
from gradstep.tui.files.private import SessionLock

from ..helpers import gradstep

NOBODY = 65534


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The state folder gradstep will use (not made yet), its parent set as XDG_STATE_HOME."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "gradstep"


@pytest.fixture
def typed(monkeypatch):
    """Type `keys` into line mode, in this process; signal handlers are put back after."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGHUP, signal.SIGTERM)}

    def run(*argv: str, keys: str = "q\n"):
        monkeypatch.setattr("sys.stdin", io.StringIO(keys))
        return gradstep("--line", *argv)

    yield run
    for number, handler in handlers.items():
        signal.signal(number, handler)


def nobody() -> int:
    if os.getuid() != 0:
        pytest.skip("only root can give a folder to someone else (CI runs as root)")
    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        return NOBODY


def said(result) -> list[str]:
    return result.err.splitlines()


def test_a_folder_of_someone_else_is_not_used_and_the_app_runs_without_saving(folder, typed):
    folder.mkdir(parents=True, mode=0o700)
    planted = json.dumps({"format": 2})
    (folder / "session.json").write_text(planted)
    os.chown(folder, nobody(), -1)
    result = typed("--resume", keys="s\n\nq\n")  # the lesson's first question skipped, one step
    first, last = said(result)
    assert first == f"gradstep: Not saving this session: the save folder belongs to nobody, not to you ({folder})."
    assert last.startswith("gradstep: the session could not be saved: ") and result.status == 1
    assert "measure-error" in result.out and "(iteration" not in result.out  # the course, stepped once
    assert (folder / "session.json").read_text() == planted and sorted(os.listdir(folder)) == ["session.json"]


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_folder_others_can_write_is_not_used(folder, typed, mode):
    folder.mkdir(parents=True)
    os.chmod(folder, mode)
    result = typed("--lesson", "alpha")
    assert said(result)[0] == (f"gradstep: Not saving this session: other users can change the save folder "
                               f"(mode {mode:o}): chmod go-w {folder}.")
    assert result.status == 1 and os.listdir(folder) == []


def test_a_save_planted_by_someone_else_is_neither_read_nor_replaced(folder, typed):
    folder.mkdir(parents=True, mode=0o700)
    save = folder / "session.json"
    typed("--lesson", "alpha", keys="s\ns\n\n\nq\n")  # a save of the student's own, two steps of alpha
    os.chown(save, nobody(), -1)
    before = save.read_bytes()
    result = typed("--resume")
    assert said(result)[0] == f"gradstep: Not saving this session: the save belongs to nobody, not to you ({save})."
    assert "measure-error: " in result.out and "alpha: " not in result.out  # the course, not the planted alpha
    assert save.read_bytes() == before and result.status == 1


def test_the_folder_is_made_private_whatever_the_umask(folder, typed):
    before = os.umask(0)
    try:
        assert typed("--lesson", "alpha").status == 0
    finally:
        os.umask(before)
    assert oct(os.stat(folder).st_mode & 0o777) == "0o700"
    assert {oct(os.stat(path).st_mode & 0o777) for path in folder.iterdir()} == {"0o600"}


def test_a_second_copy_of_a_session_is_refused_in_one_line(folder, typed):
    folder.mkdir(parents=True, mode=0o700)
    with SessionLock(folder / "session.json"):
        result = typed("--lesson", "alpha")
        assert (result.status, result.out) == (1, "")
        assert said(result) == [f"gradstep: this session is open in another gradstep (process {os.getpid()}): "
                                "quit that one first, or give this one a --session NAME of its own"]
        assert typed("--session", "ana").status == 0  # another session is free
    assert typed("--lesson", "alpha").status == 0  # and this one, once the first has ended


def test_a_fresh_start_keeps_the_last_session_a_key_away(folder, typed):
    typed("--lesson", "alpha", keys="s\ns\n\n\nq\n")
    result = typed("--lesson", "hot-cold", keys="s\ns\nb\nq\n")  # its questions skipped, then back
    assert said(result) == ["gradstep: Your last session (alpha, iteration 2) is kept: press b to go back to it."]
    back = result.out.split("(iteration 2)", 1)[1]
    assert "#1->#2: prediction = 2 x 0.46 = 0.92" in back  # b brought back alpha where it was
    assert sorted(os.listdir(folder)) == ["session.json", "session.lock", "session.previous.json"]
    again = typed("--lesson", "alpha")
    assert said(again) == ["gradstep: Your last session (alpha, iteration 2) is kept: press b to go back to it."]
    untouched = typed("--lesson", "alpha")  # the last session was this very start: nothing to keep
    assert said(untouched) == ["gradstep: Your last session (alpha, iteration 2) is kept: press b to go back to it."]


def test_a_fresh_start_names_the_kept_lesson_in_the_language_on_screen(folder, typed):
    """"上次的进度（several-outputs，第 5 次迭代）已保留": the English name inside a Chinese
    sentence. Chinese names the lesson by its Chinese title, as the lesson list does."""
    typed("--lang", "zh", "--lesson", "alpha", keys="s\ns\n\n\nq\n")
    result = typed("--lang", "zh", "--lesson", "hot-cold")
    assert said(result) == ["gradstep：上次的进度（用学习率 α 控制步长，第 2 次迭代）已保留：按 b 可以回到那里。"]


def test_a_fresh_start_in_a_locked_lesson_does_not_offer_b(folder, typed, tmp_path):
    """b cannot leave a lesson that locks the list: the first line does not say it can."""
    typed("--lesson", "alpha", keys="s\ns\n\n\nq\n")
    locked = tmp_path / "kept.toml"
    locked.write_text('weights = 0.5\ninputs = 2.0\ngoal = 0.8\nlocked = ["lessons"]\n')
    result = typed("--lesson-file", str(locked), keys="b\nq\n")
    assert said(result) == ["gradstep: Your last session (alpha, iteration 2) is kept until your next fresh start; "
                            "your teacher keeps you in this lesson, so b does not go back to it."]
    assert "Your teacher has locked the lesson list: this lesson stays." in result.out


FAILURES = {
    "read-only disk": ("replace", errno.EROFS),
    "full disk": ("fsync", errno.ENOSPC),
}


@pytest.mark.parametrize(("call", "number"), FAILURES.values(), ids=FAILURES.keys())
def test_a_save_that_cannot_be_written_is_one_line_and_the_old_save_stays(folder, typed, monkeypatch, call, number):
    typed("--lesson", "alpha", keys="s\ns\n\n\nq\n")
    old = (folder / "session.json").read_bytes()

    def fails(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(f"gradstep.core.saving.os.{call}", fails)
    result = typed("--resume", keys="\nq\n")
    assert said(result) == [f"gradstep: the session could not be saved: {folder / 'session.json'}: "
                            f"{os.strerror(number)}"]
    assert result.status == 1 and (folder / "session.json").read_bytes() == old
    assert sorted(os.listdir(folder)) == ["session.json", "session.lock"]  # no temporary file left


def test_a_state_path_that_is_a_file_is_one_line_at_start_and_end(folder, typed):
    folder.parent.mkdir()
    folder.write_text("not a folder")
    result = typed("--lesson", "alpha")
    assert said(result) == [f"gradstep: Not saving this session: the save folder is not a folder ({folder}).",
                            f"gradstep: the session could not be saved: the save folder is not a folder ({folder})"]
    assert result.status == 1


def test_a_save_that_cannot_be_set_aside_is_left_as_it_is_and_not_saved_over(folder, typed, monkeypatch):
    folder.mkdir(parents=True, mode=0o700)
    (folder / "session.json").write_text("{not json")

    def fails(path):
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))

    monkeypatch.setattr("gradstep.tui.command.starting.set_aside", fails)
    result = typed("--resume")
    assert said(result)[0] == ("gradstep: Not saving this session: the unreadable save could not be set aside "
                               "(Device or resource busy).")
    assert result.status == 1 and (folder / "session.json").read_text() == "{not json"


@pytest.mark.parametrize("name", ["../../etc/x", "a/b", "..", "evil\\x1b]0;t", "a" * 100])
def test_a_log_exported_under_any_session_name_stays_in_its_folder(tmp_path, name):
    path, _ = export_log(Journal(lambda session, index: None), tmp_path, Owner("ana", name))
    assert path.parent == tmp_path and path.name.startswith("gradstep-") and len(path.name) < 80


def test_a_fresh_start_that_cannot_save_loses_nothing(folder, typed, monkeypatch):
    """A fresh start moves the save aside at once and saves its own at the end: on a full
    disk that end failed, --resume then found nothing, and the next start lost the work."""
    typed("--lesson", "alpha", keys="s\ns\n\n\nq\n")  # alpha, two steps: the work to keep

    def on_a_full_disk(*argv: str):
        def full(*args):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        with monkeypatch.context() as disk:
            disk.setattr("gradstep.core.saving.os.fsync", full)
            failed = typed(*argv, keys="s\n\nq\n")
        assert failed.status == 1 and said(failed)[-1].endswith("No space left on device")

    on_a_full_disk("--lesson", "hot-cold")
    assert sorted(os.listdir(folder)) == ["session.lock", "session.previous.json"]
    resumed = typed("--resume", keys="q\n")
    assert said(resumed) == [] and "#1->#2: prediction = 2 x 0.46 = 0.92" in resumed.out
    on_a_full_disk("--lesson", "hot-cold")
    kept = ["gradstep: Your last session (alpha, iteration 2) is kept: press b to go back to it."]
    assert said(typed("--lesson", "hot-cold")) == kept  # the next start keeps it, where it was
    assert said(typed("--lesson", "hot-cold")) == kept  # and the one after, through the save before it


def test_a_resumed_session_that_crashes_line_mode_is_set_aside_not_crashed_on_again(folder, typed, monkeypatch):
    """A crash in line mode was a traceback, and its save, written on the way out, crashed
    every --resume after it."""
    typed("--lesson", "alpha", keys="s\ns\n\n\nq\n")

    def a_bug(*args, **kwargs):
        raise RuntimeError("a bug in line mode")

    with monkeypatch.context() as broken:
        broken.setattr("gradstep.tui.plain.lines.run_lines", a_bug)
        crashed = typed("--resume")
    assert crashed.status == 1 and len(said(crashed)) == 2
    report = said(crashed)[0].removeprefix("gradstep: something went wrong; the details are in ")
    assert "RuntimeError: a bug in line mode" in open(report).read()
    assert said(crashed)[1].startswith("gradstep: the resumed session crashed: its save is kept as session.json.corrupt-")
    again = typed("--resume")
    assert said(again) == ["gradstep: No saved session: starting the course."] and again.status == 0
