"""A hand-in no classmate can read even knowing its name: the folder's default ACL, as
docs/teaching.md sets it up for graded use, tried by real unprivileged accounts.

A 3730 folder and a random id in every name keep a classmate from finding a hand-in; but
a name can be learnt (read off a classmate's screen at "handed in as ..."), and a hand-in
is 0640 in the class's group. With `setfacl -d -m g::-,m::r,u:TEACHER:r DIR` every new file
gives the group nothing and the teacher a read: gradstep's own chmod to 0640 sets the
ACL's mask, not the group's entry. `gradstep class DIR` says in one line when a folder
is not set up so.
"""

import os
import shutil
import subprocess
import tempfile

import pytest

from .test_hand_in_folder import KEYS, _account, as_user, handed_in_as
from .test_hand_in_folder import command  # noqa: F401  (fixture)
from .tmux import require

CLASS = "desk2-class"
TEACHER, STUDENT, CLASSMATE = "desk2-teacher", "desk2-a", "desk2-b"
SETUP = "g::-,m::r,u:{teacher}:r"  # docs/teaching.md's default ACL


@pytest.fixture(scope="module")
def classroom():
    """A place every account can reach, on a filesystem that keeps ACLs, and the accounts."""
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("only root can make the class's accounts (CI runs as root)")
    setfacl = require("setfacl")
    place = tempfile.mkdtemp(prefix="desk2-acl-")
    os.chmod(place, 0o755)
    if subprocess.run([setfacl, "-m", "u:nobody:r", place], capture_output=True).returncode != 0:
        shutil.rmtree(place)
        pytest.skip(f"the filesystem of {place} keeps no ACLs (mount it with acl, or run on ext4/xfs/tmpfs)")
    subprocess.run([setfacl, "-b", place], check=True)
    if subprocess.run(["getent", "group", CLASS], capture_output=True).returncode != 0:
        subprocess.run(["groupadd", CLASS], check=True)
    for account in (TEACHER, STUDENT, CLASSMATE):
        _account(account, CLASS)
    yield place
    shutil.rmtree(place)


def made(place: str, name: str, mode: str, acl: bool) -> str:
    """The folder as docs/teaching.md makes it; with `acl`, the teacher then gives it the default ACL."""
    path = os.path.join(place, name)
    subprocess.run(["install", "-d", "-o", TEACHER, "-g", CLASS, "-m", mode, path], check=True)
    if acl:  # run by the teacher, who owns the folder: no root needed
        subprocess.run(["runuser", "-u", TEACHER, "--", "setfacl", "-d", "-m", SETUP.format(teacher=TEACHER), path],
                       check=True)
    return path


def read_as(user: str, path: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", user, "--", "cat", path], capture_output=True, text=True)


def handed_in(command: list[str], place: str, hand_ins: str, runs: int = 1) -> tuple[str, str]:
    """A student's hand-in of hot-cold, the `runs`th: its path, and its progress file's (found as root)."""
    result = as_user(command, place, STUDENT, "--line", "--lesson", "hot-cold", "--lang", "en", "--hand-in", hand_ins,
                     keys=KEYS)
    assert result.returncode == 0, result.stderr
    name = handed_in_as(result.stdout, hand_ins)
    progress = [entry for entry in os.listdir(hand_ins) if entry.endswith(".progress.json")]
    assert len(progress) == runs
    return os.path.join(hand_ins, name), os.path.join(hand_ins, progress[0])


def test_with_the_folders_acl_a_classmate_knowing_the_name_reads_nothing_and_the_teacher_all(classroom, command):
    hand_ins = made(classroom, "graded", "3730", acl=True)
    hand_in, progress = handed_in(command, classroom, hand_ins)
    for path in (hand_in, progress):  # the names as a classmate read them off the student's screen
        denied = read_as(CLASSMATE, path)
        assert denied.returncode != 0 and "Permission denied" in denied.stderr
        assert read_as(TEACHER, path).returncode == 0
    assert oct(os.stat(hand_in).st_mode & 0o777) == "0o640"  # gradstep's chmod: the ACL's mask, not the group
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert desk.returncode == 0 and desk.stderr == ""  # set up right: not a word about the folder
    table = desk.stdout.split("\n\n")[-1].splitlines()  # after the room the progress files show
    assert [line.split()[0] for line in table if "hot-cold" in line] == [STUDENT]  # the teacher read it


def test_without_it_a_classmate_knowing_the_name_reads_it_and_the_teacher_is_told_how_to_stop_that(classroom,
                                                                                                      command):
    hand_ins = made(classroom, "no-acl", "3730", acl=False)
    hand_in, _ = handed_in(command, classroom, hand_ins)
    assert read_as(CLASSMATE, hand_in).returncode == 0  # the name alone keeps nothing
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert desk.returncode == 0 and desk.stderr.splitlines() == [
        f"{hand_ins}: a classmate who learns a hand-in's name can read it: for graded use, "
        f"setfacl -d -m g::-,m::r,u:{TEACHER}:r {hand_ins} (docs/teaching.md)"]
    subprocess.run(["runuser", "-u", TEACHER, "--", "setfacl", "-d", "-m", SETUP.format(teacher=TEACHER), hand_ins],
                   check=True)  # as the line says
    later = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert later.stderr.splitlines() == [  # the hand-in and the progress file made before the ACL
        f"{hand_ins}: 2 hand-in and progress files here can be read by the class (made before the folder's ACL): "
        f"sudo setfacl -m g::-,m::r,u:{TEACHER}:r {hand_ins}/*"]
    subprocess.run(["sh", "-c", f"setfacl -m g::-,m::r,u:{TEACHER}:r {hand_ins}/*"], check=True)  # as root: sudo
    assert read_as(CLASSMATE, hand_in).returncode != 0 and read_as(TEACHER, hand_in).returncode == 0
    mended = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert mended.stderr == "" and f"{STUDENT} " in mended.stdout.split("\n\n")[-1]
    newer, _ = handed_in(command, classroom, hand_ins, runs=2)  # made after the ACL: the class reads nothing
    assert read_as(CLASSMATE, newer).returncode != 0 and read_as(TEACHER, newer).returncode == 0


def test_a_folder_the_class_may_list_is_said_in_one_line(classroom, command):
    hand_ins = made(classroom, "listable", "3770", acl=True)
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert desk.stderr.splitlines() == [f"{hand_ins}: the class may list this folder (mode 3770), so anyone in it can "
                                        "find every hand-in: for graded use, chmod 3730 it (docs/teaching.md)"]


def test_an_acl_that_leaves_the_teacher_out_is_said_too(classroom, command):
    hand_ins = made(classroom, "teacher-out", "3730", acl=False)
    subprocess.run(["runuser", "-u", TEACHER, "--", "setfacl", "-d", "-m", "g::-,m::r", hand_ins], check=True)
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert desk.stderr.splitlines() == [f"{hand_ins}: its ACL lets you read no new hand-in: "
                                        f"setfacl -d -m m::r,u:{TEACHER}:r {hand_ins}"]
