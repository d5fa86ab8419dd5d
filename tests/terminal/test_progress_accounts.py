"""The progress file and the pending hand-in, as separate unprivileged accounts of one class.

A classmate may plant a link or a file under the names another student's files would have
had before they carried the run's random id, in the folder they share (docs/teaching.md's
3730: the class writes and enters it, never lists it); the session neither follows nor
replaces them, and hands in under names no classmate could foretell. Killed outright (kill -9),
a session's progress is at most a second behind, and its next start completes its hand-in.
"""

import csv
import grp
import json
import os
import pwd
import signal
import subprocess
import time

from .test_hand_in_folder import CLASS, KEYS, STUDENT, TEACHER, _account, as_user, folder, handed_in_as
from .test_hand_in_folder import classroom, command  # noqa: F401  (fixtures)

CLASSMATE = "handin-classmate"  # a second student of the class, who plants things


def as_classmate(*argv: str) -> None:
    _account(CLASSMATE, CLASS)
    subprocess.run(["runuser", "-u", CLASSMATE, "--", *argv], check=True, capture_output=True)


def progress(path: str) -> dict:
    with open(path, encoding="utf-8") as text:
        return json.load(text)


def own_progress(hand_ins: str, stem: str) -> str:
    """The progress file of the run `stem-<id>` (found as root, who may list the folder)."""
    [name] = [name for name in os.listdir(hand_ins)
              if name.startswith(f"{stem}-") and name.endswith(".progress.json")
              and len(name) == len(f"{stem}-.progress.json") + 16]
    return os.path.join(hand_ins, name)


def test_a_classmates_link_or_file_is_never_followed_nor_replaced(classroom, command):
    hand_ins = folder(classroom, "progress-rules", "3730")
    bait = os.path.join(hand_ins, "classmate-notes.txt")
    as_classmate("sh", "-c", f"echo precious > {bait}")
    as_classmate("ln", "-s", bait, os.path.join(hand_ins, f"{STUDENT}-linked.progress.json"))
    as_classmate("sh", "-c", f"echo mine > {hand_ins}/{STUDENT}-taken.progress.json")
    for session in ("linked", "taken", "own"):
        result = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--session", session,
                         "--lang", "en", "--hand-in", hand_ins, keys=KEYS)
        assert result.returncode == 0, result.stderr
        assert handed_in_as(result.stdout, hand_ins).startswith(f"{STUDENT}-{session}-hot-cold-")  # the hand-in goes on
    with open(bait) as text:
        assert text.read() == "precious\n"
    assert os.path.islink(os.path.join(hand_ins, f"{STUDENT}-linked.progress.json"))
    taken = os.path.join(hand_ins, f"{STUDENT}-taken.progress.json")
    assert pwd.getpwuid(os.stat(taken).st_uid).pw_name == CLASSMATE and open(taken).read() == "mine\n"
    for session in ("linked", "taken"):  # a run's own files, beside what was planted
        assert progress(own_progress(hand_ins, f"{STUDENT}-{session}"))["ended"]
    own = own_progress(hand_ins, f"{STUDENT}-own")
    status = os.stat(own)
    assert (pwd.getpwuid(status.st_uid).pw_name, grp.getgrgid(status.st_gid).gr_name) == (STUDENT, CLASS)
    assert oct(status.st_mode & 0o777) == oct(0o640)
    record = progress(own)
    assert record["ended"] and record["lesson"] == "hot-cold" and record["questions_asked"] == 2
    leftovers = [name for name in os.listdir(hand_ins) if name.endswith(".tmp")]
    assert leftovers == []
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert desk.returncode == 0 and "own" in desk.stdout


def test_killed_outright_the_progress_is_a_second_behind_and_the_next_start_hands_in(classroom, command,
                                                                                      pseudo_terminal):
    hand_ins = folder(classroom, "progress-kill", "3730")
    state = os.path.join(classroom, f"state-{STUDENT}")  # as_user's, for the next start below
    if not os.path.isdir(state):
        os.mkdir(state, 0o700)
        os.chown(state, pwd.getpwnam(STUDENT).pw_uid, -1)
    environment = {"XDG_STATE_HOME": state, "HOME": state}
    term = pseudo_terminal(["runuser", "-u", STUDENT, "--", *command, "--lesson", "alpha", "--session", "k",
                            "--lang", "en", "--hand-in", hand_ins], environment)
    term.wait_for("Which alpha makes this land in one step?")
    for keys in (b"s", b"\r", b"s", b"\r"):  # both questions skipped
        term.press(keys)
    term.type(b"   ")  # three steps in one read, as over SSH
    deadline = time.monotonic() + 10
    while not any(name.endswith(".progress.json") for name in os.listdir(hand_ins)):
        assert time.monotonic() < deadline, "no progress file"
        time.sleep(0.1)
    own = own_progress(hand_ins, f"{STUDENT}-k")
    while not (os.path.exists(own) and progress(own)["iteration"] == 3):
        assert time.monotonic() < deadline, "the progress file never showed the third step"
        time.sleep(0.1)
    kept = time.monotonic()
    record = progress(own)
    assert not record["ended"] and record["questions_asked"] == 2 and record["lessons_opened"] == ["alpha"]
    os.killpg(term.pid, signal.SIGKILL)  # kill -9: no way out runs
    term.process.wait(5)
    assert time.monotonic() - kept < 5
    assert not any(name.endswith(".csv") for name in os.listdir(hand_ins))  # nothing was handed in
    pending = os.path.join(state, "gradstep", "session-k.hand-in.jsonl")
    assert os.path.exists(pending)
    again = as_user(command, classroom, STUDENT, "--line", "--resume", "--session", "k", "--lang", "en",
                    "--hand-in", hand_ins, keys="q\n")
    assert again.returncode == 0, again.stderr
    assert "#2->#3: prediction = 2 x 0.436" in again.stdout  # the save was kept up too: resumed after 3 steps
    name = f"{STUDENT}-k-alpha-{own.rsplit('-', 1)[1].removesuffix('.progress.json')}.csv"  # the killed run's id
    assert f"the last session ended before its hand-in: handed in now as {name} in {hand_ins}" in again.stderr
    with open(os.path.join(hand_ins, name), encoding="utf-8") as text:
        rows = list(csv.DictReader(text))
    assert [(row["kind"], row["iteration"]) for row in rows] == [("answer", "0"), ("answer", "0"),
                                                                ("step", "0"), ("step", "1"), ("step", "2")]
    assert not os.path.exists(pending) and progress(own)["ended"]
