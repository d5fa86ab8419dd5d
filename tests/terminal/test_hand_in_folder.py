"""The hand-in folder docs/teaching.md recommends, made as it makes it and used by real accounts.

Root passes every permission check, so the students here are unprivileged accounts of their
own (made once, kept for later runs), and the folder belongs to a teacher account and the
class's group: exactly the classroom's `install -d -o teacher -g class -m 3730`.
"""

import grp
import os
import pwd
import re
import shutil
import site
import subprocess
import sys
import tempfile

import pytest

from gradstep.tui.command.runners import command_as_typed

from .tmux import GRADSTEP

CLASS = "files-class"
TEACHER, STUDENT, OUTSIDER = "files-teacher", "files-student", "files-outsider"  # the outsider is not in the class
KEYS = "s\ns\n\n\nq\n"  # hot-cold in line mode: its two questions skipped, two steps, quit


def _account(name: str, *groups: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--no-create-home", "--no-user-group", "--shell", "/usr/sbin/nologin", name],
                       check=True)
    for group in groups:
        subprocess.run(["usermod", "--append", "--groups", group, name], check=True)


@pytest.fixture(scope="module")
def classroom():
    """A place every account can reach, with the teacher's and the class's accounts."""
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("only root can make the class's accounts (CI runs as root)")
    try:
        grp.getgrnam(CLASS)
    except KeyError:
        subprocess.run(["groupadd", CLASS], check=True)
    _account(TEACHER, CLASS)
    _account(STUDENT, CLASS)
    _account(OUTSIDER)
    place = tempfile.mkdtemp(prefix="files-classroom-")
    os.chmod(place, 0o755)
    yield place
    shutil.rmtree(place)


@pytest.fixture(scope="module")
def command(classroom) -> list[str]:
    """The installed console script, run by an interpreter the class's accounts may run: this
    one, or, where it lives in a home only root may enter (a developer's pyenv), the
    system's Python of the same version, seeing the same installed packages."""
    if subprocess.run(["runuser", "-u", STUDENT, "--", sys.executable, "-c", ""], capture_output=True).returncode == 0:
        return [sys.executable, GRADSTEP]
    system = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/bin:/usr/local/bin")
    if system is None:
        pytest.skip(f"{sys.executable} is out of other accounts' reach and no system Python {sys.version[:4]} is")
    interpreter = os.path.join(classroom, "python")
    subprocess.run([system, "-m", "venv", "--without-pip", interpreter], check=True)
    python = os.path.join(interpreter, "bin", "python")
    packages = subprocess.run([python, "-c", "import site; print(site.getsitepackages()[0])"],
                              capture_output=True, text=True, check=True).stdout.strip()
    with open(os.path.join(packages, "gradstep-under-test.pth"), "w") as link:
        link.write(f"import site; site.addsitedir({site.getsitepackages()[0]!r})\n")
    return [python, GRADSTEP]


def folder(place: str, name: str, mode: str) -> str:
    """`install -d -o teacher -g class -m MODE`, as docs/teaching.md says."""
    path = os.path.join(place, name)
    subprocess.run(["install", "-d", "-o", TEACHER, "-g", CLASS, "-m", mode, path], check=True)
    return path


def as_user(command: list[str], place: str, user: str, *argv: str, keys: str = "") -> subprocess.CompletedProcess:
    """The installed gradstep run by `user`, with a state folder of the user's own."""
    state = os.path.join(place, f"state-{user}")
    if not os.path.isdir(state):
        os.mkdir(state, 0o700)
        shutil.chown(state, user)
    environment = [f"XDG_STATE_HOME={state}", f"HOME={state}", "LANG=C.UTF-8", f"PATH={os.environ['PATH']}"]
    return subprocess.run(["runuser", "-u", user, "--", "env", "-i", *environment, *command, *argv],
                          input=keys, capture_output=True, text=True, timeout=60)


def handed_in_as(output: str, hand_ins: str) -> str:
    """The file a run says it handed in (one lesson's), from its last words."""
    said = output.rpartition("gradstep: handed in as ")[2]
    return said.partition(f" in {hand_ins}")[0] if said != output else ""


def test_a_student_hands_in_to_a_folder_the_class_may_write_but_not_list(classroom, command):
    hand_ins = folder(classroom, "class1", "3730")
    listing = subprocess.run(["runuser", "-u", STUDENT, "--", "ls", hand_ins], capture_output=True, text=True)
    assert listing.returncode != 0 and "Permission denied" in listing.stderr  # the folder is as docs/teaching.md means it
    result = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--session", "s1", "--lang", "en",
                     "--hand-in", hand_ins, keys=KEYS)
    assert result.returncode == 0, result.stderr
    name = handed_in_as(result.stdout, hand_ins)
    assert name.startswith(f"{STUDENT}-s1-hot-cold-") and len(name) == len(f"{STUDENT}-s1-hot-cold-.csv") + 16
    again = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--session", "s1", "--lang", "en",
                    "--hand-in", hand_ins, keys=KEYS)  # another run: another id, another name
    assert again.returncode == 0 and handed_in_as(again.stdout, hand_ins) not in (name, "")
    status = os.stat(os.path.join(hand_ins, name))
    assert (pwd.getpwuid(status.st_uid).pw_name, grp.getgrgid(status.st_gid).gr_name) == (STUDENT, CLASS)
    collected = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert collected.returncode == 0, collected.stderr
    table = collected.stdout.split("\n\n")[-1]  # after the room the progress files show
    rows = [line.split() for line in table.splitlines()[1:]]
    assert [row[:2] + row[4:6] for row in rows] == [[STUDENT, "s1", "hot-cold", "2"]] * 2 and len(rows[0]) == 9
    assert {row[3] for row in rows} == {name[-len(".csv") - 16:][:6], handed_in_as(again.stdout, hand_ins)[-20:][:6]}


@pytest.mark.parametrize("who, mode", [(OUTSIDER, "3730"), (STUDENT, "2750")],
                         ids=["not in the class", "a folder the class may not write"])
def test_a_hand_in_that_fails_says_so_in_one_line_and_exits_non_zero(classroom, command, who, mode):
    hand_ins = folder(classroom, f"refusing-{mode}", mode)
    result = as_user(command, classroom, who, "--line", "--lesson", "hot-cold", "--lang", "en", "--hand-in", hand_ins,
                     keys=KEYS)
    assert result.returncode == 1
    assert result.stderr == f"gradstep: could not hand in: {hand_ins}: Permission denied\n"
    # the work itself is kept
    resume = f"{command_as_typed(GRADSTEP)} --resume"  # the command as typed, where the name alone would not find it
    assert result.stdout.endswith(f"gradstep: your session is saved; {resume} continues it.\n")


def test_the_full_screen_app_hands_in_to_the_class_folder_and_says_a_failure(classroom, command, pseudo_terminal):
    hand_ins = folder(classroom, "class2", "3730")
    for who, status in ((STUDENT, 0), (OUTSIDER, 1)):
        state = os.path.join(classroom, f"app-state-{who}")  # a first run: nothing to go back to
        os.mkdir(state, 0o700)
        shutil.chown(state, who)
        term = pseudo_terminal(["runuser", "-u", who, "--", *command, "--lesson", "alpha", "--lang", "en",
                                "--hand-in", hand_ins], {"XDG_STATE_HOME": state, "HOME": state})
        term.wait_for("Which alpha makes this land in one step?")
        for keys in (b"s", b"\r", b"s", b"\r", b" "):  # both questions skipped, then a step
            term.press(keys)
        term.type(b"q")
        assert term.wait() == status
        said = bytes(term.output).decode(errors="replace")
        if status == 0:
            assert re.search(f"handed in as {STUDENT}-alpha-[0-9a-f]{{16}}[.]csv in {hand_ins}", said)
        else:
            assert f"gradstep: could not hand in: {hand_ins}: Permission denied" in said
