"""A resumed session hands in where it did, as an unprivileged student of the class: the
walk's `gradstep --resume`, with neither --hand-in nor GRADSTEP_HAND_IN, handed nothing in
and said nothing. The save the full-screen app writes keeps the folder; the resume finds
it; a folder the student can no longer write in is said at the start, in one line."""

import csv
import os
import shutil
import subprocess

from .test_hand_in_folder import STUDENT, TEACHER, as_user, folder, handed_in_as
from .test_hand_in_folder import classroom, command  # noqa: F401  (fixtures)


def test_the_app_saves_where_it_hands_in_and_a_resume_without_the_flag_hands_in_there(classroom, command,
                                                                                        pseudo_terminal):
    hand_ins = folder(classroom, "resumed-class", "3730")
    state = os.path.join(classroom, f"state-{STUDENT}")  # as_user's, for the resume below
    if not os.path.isdir(state):
        os.mkdir(state, 0o700)
        shutil.chown(state, STUDENT)
    term = pseudo_terminal(["runuser", "-u", STUDENT, "--", *command, "--lesson", "alpha", "--session", "r",
                            "--lang", "en", "--hand-in", hand_ins], {"XDG_STATE_HOME": state, "HOME": state})
    term.wait_for("Which alpha makes this land in one step?")
    for keys in (b"s", b"\r", b"s", b"\r", b" "):  # both questions skipped, then a step
        term.press(keys)
    term.type(b"q")
    assert term.wait() == 0
    first = handed_in_as(bytes(term.output).decode(errors="replace"), hand_ins)
    assert first, bytes(term.output)
    again = as_user(command, classroom, STUDENT, "--line", "--resume", "--session", "r", "--lang", "en",
                    keys="s\ns\n\n\nq\n")
    assert again.returncode == 0, again.stderr
    second = handed_in_as(again.stdout, hand_ins)
    assert second and second != first, again.stdout + again.stderr
    with open(os.path.join(hand_ins, first), encoding="utf-8") as text:
        run = next(csv.DictReader(text))["session"]
    with open(os.path.join(hand_ins, second), encoding="utf-8") as text:
        assert {row["resumed"] for row in csv.DictReader(text)} == {run}
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert desk.returncode == 0 and second.removesuffix(".csv").rsplit("-", 1)[1][:6] in desk.stdout


def test_a_resume_whose_folder_the_student_can_no_longer_write_says_so_at_the_start(classroom, command):
    hand_ins = folder(classroom, "resumed-closed", "3730")
    first = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--session", "c", "--lang", "en",
                    "--hand-in", hand_ins, keys="s\ns\n\n\nq\n")
    assert handed_in_as(first.stdout, hand_ins), first.stderr
    subprocess.run(["chmod", "2750", hand_ins], check=True)  # the class may no longer write in it
    again = as_user(command, classroom, STUDENT, "--line", "--resume", "--session", "c", "--lang", "en",
                    keys="\nq\n")
    said = [line for line in again.stderr.splitlines() if hand_ins in line]
    assert said == [f"gradstep: This session handed in to {hand_ins}, which cannot be used now (you cannot write "
                    "in it): nothing will be handed in. gradstep --resume --hand-in DIR hands it in."], again.stderr
    assert "Traceback" not in again.stderr
