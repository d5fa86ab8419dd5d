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


def test_a_planted_copy_and_a_made_up_run_raise_no_ones_score(classroom, command):
    """The teacher's walk with real accounts: the classmate, wrong at both of hot-cold's
    questions, planted a copy of his hand-in made right and backdated, claiming the student
    (his line went from 0/2 to 2/2, flagged only CLAIMS), and another under his own name with
    a run id no progress file showed (no flag at all). Neither adds to anyone's score: both
    are shown in brackets, marked, and his own line stays 0/2."""
    from .test_hand_in_folder import CLASS, _account

    _account(CLASSMATE, CLASS)
    hand_ins = folder(classroom, "forged-right", "3730")
    assert as_user(command, classroom, STUDENT, "--line", "--lesson", "hot-cold", "--lang", "en",
                   "--hand-in", hand_ins, keys=KEYS).returncode == 0
    wrong = "1\n2\n1\n2\n\n\nq\n"  # both questions wrong twice, two steps
    his = as_user(command, classroom, CLASSMATE, "--line", "--lesson", "hot-cold", "--lang", "en",
                  "--hand-in", hand_ins, keys=wrong)
    assert his.returncode == 0, his.stderr
    own = f"{hand_ins}/{handed_in_as(his.stdout, hand_ins)}"
    right = r"s/,wrong,/,right,/g; s/,2[0-9][0-9][0-9]-\([0-9][0-9]-[0-9][0-9]T\)/,2020-\1/g"  # and long before
    as_classmate("sh", "-c", f'sed "{right}; s/^{CLASSMATE},/{STUDENT},/" "{own}" > '
                             f'"{hand_ins}/{STUDENT}-hot-cold-1111222233334444.csv"')
    as_classmate("sh", "-c", f'sed "{right}" "{own}" > "{hand_ins}/{CLASSMATE}-hot-cold-aaaabbbbccccdddd.csv"')
    desk = as_user(command, classroom, TEACHER, "class", hand_ins, "--lang", "en")
    assert desk.returncode == 0, desk.stderr
    lines = desk.stdout.split("\n\n")[-1].splitlines()
    genuine = next(line.split() for line in lines if line.split()[:1] == [CLASSMATE]
                   and line.split()[2] == own[-20:-14])
    planted = next(index for index, line in enumerate(lines) if "111122" in line)
    made_up = next(index for index, line in enumerate(lines) if "aaaabb" in line)
    assert genuine[-1] == "0/2" and lines[planted].split()[-1] == lines[made_up].split()[-1] == "(2/2)"
    assert lines[planted + 1].strip() == f"^ CLAIMS {STUDENT}, UNSEEN" and lines[made_up + 1].strip() == "^ UNSEEN"
    assert any(line.startswith("(1/2): not counted") for line in lines)
