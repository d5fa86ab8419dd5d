"""A classmate against a student's hand-in, as separate unprivileged accounts of one class.

For graded use the folder is 3730 (the class enters and writes it, never lists it) and
every name gradstep gives a file there ends with the run's random id. So a classmate can
neither find a student's hand-in or progress file to read it, nor block it by planting
every name it could take; what they plant is counted as theirs, whatever it claims, and
a huge plant costs the teacher only that classmate's lines.
"""

import csv
import os
import pwd
import re
import subprocess

from .test_hand_in_folder import KEYS, STUDENT, TEACHER, as_user, folder, handed_in_as
from .test_hand_in_folder import classroom, command  # noqa: F401  (fixtures)
from .test_progress_accounts import CLASSMATE, as_classmate


def classmate_tries(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", CLASSMATE, "--", *argv], capture_output=True, text=True)


def test_a_classmate_can_neither_find_nor_block_a_hand_in(classroom, command):
    hand_ins = folder(classroom, "graded", "3730")
    # Before the run's id, a hand-in's names could be foretold: the classmate takes all of them.
    squat = (f'for n in "" $(seq -s " " -f "-%g" 2 1000); do echo mine > "{hand_ins}/{STUDENT}-s1-hot-cold$n.csv"; done;'
             f' echo mine > "{hand_ins}/{STUDENT}-s1.progress.json"')
    as_classmate("sh", "-c", squat)
    result = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--session", "s1", "--lang", "en",
                     "--hand-in", hand_ins, keys=KEYS)
    assert result.returncode == 0, result.stderr
    name = handed_in_as(result.stdout, hand_ins)
    assert re.fullmatch(f"{STUDENT}-s1-hot-cold-[0-9a-f]{{16}}[.]csv", name)  # handed in all the same
    ours = {entry for entry in os.listdir(hand_ins) if pwd.getpwuid(os.lstat(os.path.join(hand_ins, entry)).st_uid)
            .pw_name == STUDENT}
    assert name in ours and any(entry.endswith(".progress.json") for entry in ours)
    # Finding it: the folder cannot be listed, not by ls, not by a shell's pattern, not by Python.
    assert classmate_tries("ls", hand_ins).returncode != 0
    pattern = classmate_tries("sh", "-c", f'cat "{hand_ins}"/{STUDENT}-s1-hot-cold-*.csv')
    assert pattern.returncode != 0 and "No such file" in pattern.stderr
    listing = classmate_tries("python3", "-c", f"import os; os.listdir({hand_ins!r})")
    assert listing.returncode != 0 and "PermissionError" in listing.stderr
    # Reading it by a name it would have had: only the classmate's own plant is there.
    assert classmate_tries("cat", f"{hand_ins}/{STUDENT}-s1-hot-cold.csv").stdout == "mine\n"
    # The next run of the same session: another id, another name.
    again = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--session", "s1", "--lang", "en",
                    "--hand-in", hand_ins, keys=KEYS)
    assert handed_in_as(again.stdout, hand_ins) not in ("", name)


def test_a_plant_is_the_classmates_own_and_a_huge_one_costs_only_their_lines(classroom, command):
    from gradstep.core.schema import COLUMNS

    hand_ins = folder(classroom, "planted", "3730")
    result = as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--lang", "en",
                     "--hand-in", hand_ins, keys=KEYS)
    assert result.returncode == 0, result.stderr
    # A well-formed hand-in claiming to be the student's, in its rows and in its name.
    header = ",".join(COLUMNS)
    row = ",".join({"user": STUDENT, "kind": "step", "lesson": "forged", "iteration": "0"}.get(column, "")
                   for column in COLUMNS)
    as_classmate("sh", "-c", f'printf "%s\\n%s\\n" "{header}" "{row}" > "{hand_ins}/{STUDENT}-forged-0.csv"')
    # And one of more than an account's budget (--budget 1: 1 MB), well formed too.
    rows = (2**20 // len(row)) + 10
    as_classmate("sh", "-c", f'{{ echo "{header}"; yes "{row}" | head -n {rows}; }} > "{hand_ins}/{STUDENT}-forged-1.csv"')
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en", "--budget", "1")
    assert desk.returncode == 0, desk.stderr
    table = [line.split() for line in desk.stdout.split("\n\n")[-1].splitlines()]
    assert [line[0] for line in table if "forged" in line] == [CLASSMATE]  # the owner, not the claim
    assert [line[0] for line in table if "hot-cold" in line] == [STUDENT]
    assert f"{CLASSMATE}: files not read: 1 (" in desk.stdout and "--budget 2 reads them" in desk.stdout
    merged = as_user(command, classroom, TEACHER, "class", hand_ins, "--csv", "--budget", "1")
    students = {(row["student"], row["lesson"]) for row in csv.DictReader(merged.stdout.splitlines())}
    assert students == {(STUDENT, "hot-cold"), (CLASSMATE, "forged")}
