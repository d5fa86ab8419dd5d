"""The teacher's record as real accounts use it: a student rewrites or deletes their own
hand-in (which the folder cannot stop), and the teacher's next look shows it.

The walk that found it: as ben, `sed -i 's/,wrong,/,right,/g'` on his own hand-in and `rm` on
another both worked, and `gradstep class` then showed 2/2 and no trace of the deleted lesson.
"""

import os
import subprocess

from .test_hand_in_folder import KEYS, STUDENT, TEACHER, as_user, folder, handed_in_as
from .test_hand_in_folder import classroom, command  # noqa: F401  (fixtures)


def as_student(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", STUDENT, "--", *argv], capture_output=True, text=True)


def hand_in(command, classroom, hand_ins) -> str:
    result = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--lang", "en",
                     "--hand-in", hand_ins, keys=KEYS)  # both questions skipped
    assert result.returncode == 0, result.stderr
    return os.path.join(hand_ins, handed_in_as(result.stdout, hand_ins))


def test_a_hand_in_the_student_rewrote_or_deleted_after_the_teacher_looked_is_flagged(classroom, command):
    hand_ins = folder(classroom, "record-walk", "3730")
    rewritten, deleted = hand_in(command, classroom, hand_ins), hand_in(command, classroom, hand_ins)
    first = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert first.returncode == 0 and "CHANGED" not in first.stdout and "GONE" not in first.stdout, first.stdout
    assert as_student("sed", "-i", "s/,skipped,/,right,/g", rewritten).returncode == 0  # the folder cannot stop it
    assert as_student("rm", deleted).returncode == 0
    again = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert again.returncode == 0, again.stderr
    row = next(line.split() for line in again.stdout.splitlines() if line.startswith(STUDENT))
    assert row[-2:] == ["CHANGED", "GONE"]
    said = again.stdout.splitlines()
    assert any(os.path.basename(rewritten) in line and "changed after it was handed in" in line for line in said)
    assert any(os.path.basename(deleted) in line and "gone after it was handed in" in line for line in said)
    merged = as_user(command, classroom, TEACHER, "class", hand_ins, "--csv").stdout
    assert ",right," not in merged and merged.count(",skipped,") == 4  # both hand-ins, as first seen
    record = os.path.join(classroom, f"state-{TEACHER}", "gradstep", "desk")
    assert as_student("ls", record).returncode != 0  # the record is out of the student's reach
    assert as_student("sh", "-c", f"echo forged > {record}/x").returncode != 0


def test_a_hand_in_rewritten_before_the_teachers_first_look_disagrees_with_the_progress_seen(classroom, command):
    """Rewritten before the teacher ever looked: the copy was made too late, but the run's
    progress file, which says 0 right of 2, pins what was answered."""
    hand_ins = folder(classroom, "record-late", "3730")
    rewritten = hand_in(command, classroom, hand_ins)
    assert as_student("sed", "-i", "s/,skipped,/,right,/g", rewritten).returncode == 0
    os.utime(rewritten, (0, 0))  # long since, as at the end of the class: whole
    looked = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert any(os.path.basename(rewritten) in line and "not those its progress file showed" in line
               for line in looked.stdout.splitlines()), looked.stdout
