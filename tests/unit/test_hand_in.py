"""Handing in to a folder every student can write, and `gradstep class` reading it."""

import csv
import grp
import io
import os
import stat

import pytest
from gradstep.core.journal import Journal, Words
from gradstep.core.courses import find_lesson
from gradstep.core.questions import RIGHT, SKIPPED, WRONG, Answer
from gradstep.core.schema import COLUMNS, entry_rows
from gradstep.core.session import Session
from gradstep.core.progress import progress_record, write_progress
from gradstep.tui.files.progress_folder import account
from gradstep.tui.files.hand_in import HandIn, hand_in
from gradstep.tui.files.owner import Owner, login_name

from ..helpers import gradstep, named_by_file


def words(session: Session, index: int) -> Words:
    text = session.lesson.questions[index].text("en")
    return Words(text.ask, text.choices)


def journal_of(*sessions: Session) -> Journal:
    """The journal of a session that went through `sessions`, a second apart."""
    journal = Journal(words)
    for second, session in enumerate(sessions):
        journal.see(session, 1796612645.0 + second)
    return journal


def unmarked(lines: list[str]) -> list[str]:
    """The table's lines without the marks under a row: here every file claims an account
    (ana, bo) other than the one running the tests, which owns it."""
    return [line for line in lines if not line.startswith("  ^ ")]


@pytest.fixture
def named_students(monkeypatch):
    """Each hand-in the work of the account its name begins with (`ana-alpha-....csv`: ana's),
    as though ana owned it: a test cannot give files away, and a file whose rows claim
    another account than its owner counts for nobody."""
    monkeypatch.setattr("gradstep.tui.files.hand_ins.student_of", lambda status, name: name.partition("-")[0])
    monkeypatch.setattr("gradstep.tui.files.progress_folder.owner_account", named_by_file)  # and its runs' progress


def alpha_steps(steps: int, name: str = "alpha") -> list[Session]:
    sessions = [Session.begin(find_lesson(name))]
    for _ in range(steps):
        if sessions[-1].history.can_step:  # a run that diverges stops there
            sessions.append(sessions[-1].step())
    return sessions


def handed(steps: int, owner: Owner, folder, name: str = "alpha"):
    """Hand in `steps` steps of lesson `name` (no answers) and return the file."""
    journal = journal_of(*alpha_steps(steps, name))
    return hand_in(entry_rows(journal.entries, owner.user, owner.id, owner.session), name, folder, owner)


@pytest.fixture
def folder(tmp_path):
    """A hand-in folder as docs/teaching.md makes it: group-owned, setgid and sticky (mode 3770)."""
    path = tmp_path / "hand-in"
    path.mkdir()
    groups = [group.gr_gid for group in grp.getgrall() if group.gr_gid != os.getgid()]
    if groups and os.geteuid() == 0:
        os.chown(path, -1, groups[0])  # the class's group, not the student's own
    os.chmod(path, 0o3770)
    return path


def test_a_hand_in_is_the_log_named_for_user_session_lesson_and_the_runs_id(folder):
    owner = Owner("ana", "bench-2")
    path = handed(3, owner, folder)
    assert path == folder / f"ana-bench-2-alpha-{owner.id}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [(row["user"], row["session"], row["session_name"], row["lesson"], row["iteration"]) for row in rows] == \
           [("ana", owner.id, "bench-2", "alpha", str(k)) for k in range(3)]
    status = os.stat(path)
    assert stat.S_IMODE(status.st_mode) == 0o640
    assert status.st_gid == os.stat(folder).st_gid  # setgid: the folder's group reads it


def test_the_mode_is_0640_whatever_the_umask(folder):
    old = os.umask(0o077)
    try:
        path = handed(1, Owner("ana", id="feed"), folder)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640 and path.name == "ana-alpha-feed.csv"


def test_a_taken_name_gets_a_number_and_nothing_is_overwritten(folder):
    first = handed(1, Owner("ana", id="feed"), folder)
    before = first.read_bytes()
    second = handed(2, Owner("ana", id="feed"), folder)
    third = handed(3, Owner("ana", id="feed"), folder)
    assert (second.name, third.name) == ("ana-alpha-feed-2.csv", "ana-alpha-feed-3.csv")
    assert first.read_bytes() == before


@pytest.mark.parametrize("target", ["a classmate's file", "a file of the student's own", "nowhere"])
def test_a_planted_symlink_is_never_followed(folder, tmp_path, target):
    victim = tmp_path / "victim.txt"
    if target != "nowhere":
        victim.write_text("precious")
    (folder / "ana-alpha-feed.csv").symlink_to(victim)
    path = handed(2, Owner("ana", id="feed"), folder)
    assert path.name == "ana-alpha-feed-2.csv" and not path.is_symlink()
    if target != "nowhere":
        assert victim.read_text() == "precious"
    else:
        assert not victim.exists()


def test_hand_in_once_and_only_the_lessons_with_something_done(folder):
    handing_in = HandIn(folder, Owner("bo", id="feed"))
    opened = Session.begin(find_lesson("alpha"))
    stepped = opened.with_lesson(find_lesson("hot-cold")).step()
    handing_in.finish(journal_of(opened, stepped), stepped, 0.0)
    handing_in.finish(journal_of(*alpha_steps(2)), stepped, 0.0)  # the end came once already: nothing more
    assert handing_in.paths == [folder / "bo-hot-cold-feed.csv"]  # alpha, opened and left: no file of a header alone
    assert sorted(path.name for path in folder.glob("*.csv")) == ["bo-hot-cold-feed.csv"]


def test_a_session_with_nothing_done_hands_in_nothing(folder):
    handing_in = HandIn(folder, Owner("bo", id="feed"))
    sessions = alpha_steps(0)
    handing_in.finish(journal_of(*sessions), sessions[-1], 0.0)
    assert handing_in.paths == [] and not handing_in.error and list(folder.glob("*.csv")) == []


def test_a_folder_that_cannot_take_it_is_reported_not_raised(tmp_path):
    handing_in = HandIn(tmp_path / "gone", Owner("bo"))
    sessions = alpha_steps(1)
    handing_in.finish(journal_of(*sessions), sessions[-1], 0.0)
    assert handing_in.paths == [] and "gone" in handing_in.error


def test_hand_in_on_quit_in_line_mode(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("GRADSTEP_HAND_IN", str(folder))
    monkeypatch.setattr("sys.stdin", io.StringIO("s\ns\n\n\nq\n"))  # the lesson's two questions skipped
    result = gradstep("--line", "--lesson", "hot-cold", "--session", "s1", "--lang", "en")
    [path] = folder.glob(f"{login_name()}-s1-hot-cold-*.csv")
    name = path.name
    assert result.status == 0 and len(name.removesuffix(".csv").rsplit("-", 1)[1]) == 16  # the run's id
    assert f"gradstep: handed in as {name} in {folder}" in result.out
    rows = list(csv.DictReader((folder / name).open(encoding="utf-8")))
    assert [(row["kind"], row["question"], row["answer_result"]) for row in rows] == \
           [("answer", "1", "skipped"), ("answer", "2", "skipped"), ("step", "", ""), ("step", "", "")]


def test_a_hand_in_folder_that_is_no_folder_is_refused_at_the_start(tmp_path):
    result = gradstep("--hand-in", str(tmp_path / "nowhere"), "--lesson", "alpha")
    assert result.status == 2 and "is not a folder: the teacher makes it first" in result.err


def test_class_lists_each_hand_in(folder):
    handed(3, Owner("ana", "s1"), folder)
    handed(2, Owner("bo"), folder, "hot-cold")
    handed(30, Owner("cy"), folder, "divergence")
    (folder / "notes.csv").write_text("a,b\n1,2\n")
    (folder / "readme.txt").write_text("ignored: not a .csv")
    (folder / "link.csv").symlink_to(next(folder.glob("ana-s1-alpha-*.csv")))
    result = gradstep("class", str(folder), "--lang", "en")
    assert result.status == 0
    lines = unmarked(result.out.splitlines())
    me = login_name()  # the student is the file's owner, whatever the file says
    assert lines[0].split() == ["student", "session", "started", "run", "lesson", "steps", "final", "error",
                                "predictions", "questions"]
    cells = [[line.split()[:2], line.split()[4:]] for line in lines[1:4]]
    assert cells == [[[me, "s1"], ["alpha", "3", "0.0018662", "-", "-"]],
                     [[me, "-"], ["hot-cold", "2", "1.69", "-", "-"]],
                     [[me, "-"], ["divergence", "27", "diverged", "-", "-"]]]
    runs = [line.split()[3] for line in lines[1:4]]
    assert all(len(run) == 6 and next(folder.glob(f"*-{run}*.csv")) for run in runs)  # the file's id begins so
    assert "link.csv: not a regular file: passed over" in result.out
    assert "notes.csv: not a gradstep hand-in (columns)" in result.out
    assert "readme" not in result.out


def test_class_shows_a_students_words_safely(folder):
    path = handed(1, Owner("ana", "s"), folder)
    text = path.read_text().replace(",step,alpha,", ',step,"\x1b[31mred\nalpha",')
    path.write_text(text)
    result = gradstep("class", str(folder))
    assert "\x1b" not in result.out and "\\x1b[31mred\\nalpha" in result.out


@pytest.mark.usefixtures("named_students")
def test_class_counts_the_guesses_and_the_first_answers_handed_in(folder):
    start = Session.begin(find_lesson("alpha"))
    sessions = [start, start.answered(Answer(0, 0, 0.25, RIGHT, 2, (0.1,)))]  # right at the second try
    sessions.append(sessions[-1].answered(Answer(1, 0, 0.5, RIGHT, 1)))
    for guess in (0.46, 0.4, None):
        sessions.append(sessions[-1].guessed_step(guess))
    journal = journal_of(*sessions)
    handing_in = HandIn(folder, Owner("ana"))
    handing_in.finish(journal, sessions[-1], 0.0)
    [path] = handing_in.paths
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [row["kind"] for row in rows] == ["answer"] * 3 + ["guess", "step"] * 3
    assert [row["guess_result"] for row in rows if row["kind"] == "guess"] == ["right", "wrong", "skipped"]
    assert [(row["question"], row["answer"], row["answer_result"], row["attempt"], row["first"])
            for row in rows if row["kind"] == "answer"] == [("1", "0.1", "wrong", "1", "1"),
                                                          ("1", "0.25", "right", "2", "0"),
                                                          ("2", "0.5", "right", "1", "1")]
    assert (folder / f"ana-{handing_in.owner.id}.progress.json").exists()  # the room, ended, comes first
    table = gradstep("class", str(folder)).out.split("\n\n")[-1].splitlines()
    assert table[1].split()[-2:] == ["1/2", "1/2"]  # guesses, questions


def test_class_on_a_missing_folder_is_one_line_and_exit_two(tmp_path):
    result = gradstep("class", str(tmp_path / "none"))
    assert result.status == 2 and len(result.err.splitlines()) == 1


def a_big_hand_in(path, megabytes: float) -> None:
    """A well-formed hand-in of some `megabytes`, as a classmate could write by hand."""
    row = {column: "" for column in COLUMNS} | {"user": "ana", "kind": "step", "lesson": "alpha", "iteration": "0",
                                                "input_1": "2.0", "goal": "0.8", "weight_after_1": "0.1",
                                                "question_text": "x" * 900}
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        line = io.StringIO()
        csv.DictWriter(line, fieldnames=COLUMNS).writerow(row)
        out.write(line.getvalue() * int(megabytes * 2**20 / len(line.getvalue())))


def test_class_reads_an_accounts_hand_ins_only_up_to_its_budget_and_says_so(folder):
    """Before, one planted CSV of 250 MB, well formed, took a minute and 4.9 GB to read; and
    the line said neither how many bytes were passed over nor how to read them."""
    own = handed(2, Owner("ana", id="0000"), folder)  # first by name: read
    a_big_hand_in(folder / "ana-zzzz.csv", 1.5)  # past what is left of 1 MB: not read at all
    size = (folder / "ana-zzzz.csv").stat().st_size
    result = gradstep("class", str(folder), "--lang", "en", "--budget", "1")
    table = unmarked(result.out.split("\n\n")[-1].splitlines())
    assert [line.split()[3:5] for line in table[1:-1]] == [["alpha", "2"]]
    assert table[-1] == (f"{login_name()}: files not read: 1 ({size:,} bytes), past the 1 MB read for one "
                         f"account; --budget 2 reads them")  # 200 KB for the small one, 1.5 MB: 2 MB
    lines = unmarked(gradstep("class", str(folder), "--budget", "2").out.splitlines())[1:]
    big = str(len((folder / "ana-zzzz.csv").read_bytes().splitlines()) - 1)
    assert sorted(line.split()[3:5] for line in lines) == sorted([["alpha", "2"], ["alpha", big]])
    merged = gradstep("class", str(folder), "--csv", "--budget", "1")
    assert {row["file"] for row in csv.DictReader(io.StringIO(merged.out))} == {own.name}
    assert merged.err.count("not read") == 1


@pytest.mark.parametrize("given", ["0", "-1", "1.5", "1e3", "x", "", "10000001", "nan"])
def test_a_budget_that_is_not_a_whole_number_of_megabytes_is_one_line_and_exit_two(folder, given):
    result = gradstep("class", str(folder), "--budget", given, "--lang", "en")
    assert result.status == 2 and result.out == "" and len(result.err.splitlines()) == 1
    assert "--budget takes a whole number of megabytes from 1 to 10,000,000" in result.err
    assert "Traceback" not in result.err


def test_the_default_budget_reads_the_largest_hand_in_of_a_3_hour_lab_with_margin():
    """The widest lesson (9 x 9) at play's fastest speed for 3 hours; tests/benchmarks/largest_hand_in.py."""
    from gradstep.core.limits import HAND_IN_BYTES
    from gradstep.tui.app.state import SPEEDS

    assert max(SPEEDS) == 15.0  # what the figure in core/limits.py is worked out from
    largest = 15 * 3 * 3600 * 8271  # steps, and bytes a step of a 9 x 9 lesson at most, the longest names
    assert HAND_IN_BYTES > 1.5 * largest


def test_a_flood_of_small_files_runs_out_of_budget_too():
    from gradstep.core.limits import HAND_IN_BYTES, HAND_IN_FILE_BYTES
    from gradstep.tui.files.hand_ins import Budget

    budget = Budget()
    taken = sum(budget.take("bo", 0) for _ in range(HAND_IN_BYTES // HAND_IN_FILE_BYTES + 10))
    assert taken == HAND_IN_BYTES // HAND_IN_FILE_BYTES < 11_000 and budget.skipped == {"bo": (10, 0)}
    assert budget.take("cy", 100)  # another account's budget is its own


def test_class_reads_a_hand_in_a_row_at_a_time(folder):
    """Memory does not grow with the file: 6 MB read for a table line costs well under 1 MB."""
    import tracemalloc

    a_big_hand_in(folder / "ana-big.csv", 6)
    tracemalloc.start()
    try:
        result = gradstep("class", str(folder), "--lang", "en")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.out.splitlines()[1].split()[3] == "alpha" and peak < 2**20


def test_the_merged_csv_notes_where_a_run_began_to_diverge_and_the_table_shows_its_error(folder):
    handed(2, Owner("cy"), folder, "divergence")  # stopped at iteration 2: diverging, not blown up
    result = gradstep("class", str(folder), "--csv")
    notes = [(row["iteration"], row["note"]) for row in csv.DictReader(io.StringIO(result.out))]
    assert notes == [("0", ""), ("1", "diverging at iteration 1: error above its start (r < -1)")]
    table = gradstep("class", str(folder), "--lang", "en").out.splitlines()
    assert table[1].split()[-3] != "diverged"  # the error it stopped at, a number the student saw


@pytest.mark.usefixtures("named_students")
def test_class_counts_a_students_first_try_ever_across_their_hand_ins(folder):
    """The walk: ben answered wrong twice, quit, started afresh (a new run, new hand-ins) and
    answered right at once; ana's resumed run skipped lesson questions she had answered
    right. Each hand-in line counts its questions as the student's first try ever."""
    start = Session.begin(find_lesson("alpha"))
    wrong = [start, start.answered(Answer(0, 0, 0.3, WRONG, 2, (0.1,)))]
    right = [start, start.answered(Answer(0, 0, 0.25, RIGHT, 1))]
    skipped = [start, start.answered(Answer(0, 0, None, SKIPPED, 0))]
    for minute, sessions in ((0, wrong), (10, right), (20, skipped)):
        journal = Journal(words)
        for second, session in enumerate(sessions):
            journal.see(session, 1796612645.0 + 60 * minute + second)
        handing_in = HandIn(folder, Owner("ben"))
        handing_in.finish(journal, sessions[-1], 0.0)
    table = unmarked(gradstep("class", str(folder)).out.split("\n\n")[-1].splitlines())
    assert [line.split()[-1] for line in table[1:]] == ["0/1"] * 3


@pytest.mark.usefixtures("named_students")
def test_a_new_session_name_is_no_new_first_try(folder):
    """The walk: bo answered wrong, started again with `--session rep` and answered right; the
    rep line said 1/1. A first try is the account's, whatever the session is named."""
    start = Session.begin(find_lesson("alpha"))
    wrong = [start, start.answered(Answer(0, 0, 0.3, WRONG, 2, (0.1,)))]
    right = [start, start.answered(Answer(0, 0, 0.25, RIGHT, 1))]
    for minute, sessions, name in ((0, wrong, ""), (10, right, "rep")):
        journal = Journal(words)
        for second, session in enumerate(sessions):
            journal.see(session, 1796612645.0 + 60 * minute + second)
        HandIn(folder, Owner("bo", name)).finish(journal, sessions[-1], 0.0)
    table = unmarked(gradstep("class", str(folder)).out.split("\n\n")[-1].splitlines())
    assert [line.split()[1] for line in table[1:]] == ["-", "rep"]
    assert [line.split()[-1] for line in table[1:]] == ["0/1", "0/1"]


@pytest.mark.usefixtures("named_students")
def test_class_tells_runs_apart_sorts_a_students_runs_by_time_and_leaves_out_files_with_no_rows(folder):
    """A teacher's walk: two runs of one lesson showed the same `-` in the session column, and
    a file of a header alone was listed with its file's name as the lesson."""
    later = Owner("ana", id="bbbb000000000000")
    earlier = Owner("ana", id="ffff000000000000")  # its file sorts last by name; its run began first
    for owner, start in ((later, 1796612700.0), (earlier, 1796612600.0)):
        sessions = alpha_steps(1)
        journal = Journal(words)
        for second, session in enumerate(sessions):
            journal.see(session, start + second)
        hand_in(entry_rows(journal.entries, owner.user, owner.id, owner.session), "alpha", folder, owner)
    (folder / "ana-alpha-cccc000000000000.csv").write_text(",".join(COLUMNS) + "\n")  # opened, nothing done
    for language, empty in (("en", "hand-ins with no rows, not listed: 1"), ("zh", "没有任何行的提交，未列出：1 个")):
        lines = unmarked(gradstep("class", str(folder), "--lang", language).out.splitlines())
        assert [line.split()[2] for line in lines[1:3]] == ["ffff00", "bbbb00"]  # run ids, the earlier first
        assert len(lines) == 4 and lines[3].startswith(empty) and "cccc" not in "".join(lines)
        assert "session" not in lines[0] and "会话" not in lines[0]  # nobody used --session
        assert all(len(line) <= 80 for line in lines)


def test_a_resumed_run_names_the_run_it_resumed_and_a_fresh_start_none(folder, tmp_path, monkeypatch):
    """A teacher's walk: the merged CSV could not say which session carried on which."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("GRADSTEP_HAND_IN", str(folder))
    runs = []
    for flags in (["--lesson", "hot-cold"], ["--resume"], ["--lesson", "hot-cold"]):
        before = set(folder.glob("*.csv"))
        monkeypatch.setattr("sys.stdin", io.StringIO("s\ns\n\nq\n"))  # the questions skipped, a step
        assert gradstep("--line", "--session", "s1", "--lang", "en", *flags).status == 0
        [path] = set(folder.glob("*.csv")) - before
        runs.append({(row["session"], row["resumed"]) for row in csv.DictReader(path.open(encoding="utf-8"))})
    (first, none), = runs[0]
    (second, resumed), = runs[1]
    (third, fresh), = runs[2]
    assert none == "" and resumed == first != second and fresh == ""
    merged = list(csv.DictReader(io.StringIO(gradstep("class", str(folder), "--csv").out)))
    assert {(row["session"], row["resumed"]) for row in merged} == {(first, ""), (second, first), (third, "")}


def test_a_hand_in_written_before_resumed_reads_with_it_blank(folder):
    from gradstep.core.schema import BEFORE_RESUMED, RESUMED

    path = handed(2, Owner("ana", id="0123456789abcdef"), folder)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    with path.open("w", encoding="utf-8", newline="") as out:  # as the version before wrote it
        csv.writer(out, lineterminator="\n").writerows([row[:RESUMED] + row[RESUMED + 1:] for row in rows])
    assert tuple(rows[0][:RESUMED] + rows[0][RESUMED + 1:]) == BEFORE_RESUMED
    merged = list(csv.DictReader(io.StringIO(gradstep("class", str(folder), "--csv").out)))
    assert [(row["session"], row["resumed"], row["iteration"]) for row in merged] == \
           [("0123456789abcdef", "", "0"), ("0123456789abcdef", "", "1")]


@pytest.mark.parametrize("language, claims, resumed, diverged", [
    ("en", "CLAIMS wt3-ana", "resumed run 000000", "DIV"), ("zh", "冒名 wt3-ana", "接着运行 000000", "发散")])
def test_the_table_marks_a_planted_file_a_resumed_run_and_a_divergence(folder, monkeypatch, language, claims,
                                                                       resumed, diverged):
    """A teacher's walk: ben's own file with his name swapped for ana's showed as a second
    identical row (only --csv said whom it claimed), and the table said neither which run
    resumed which nor that a run began to diverge. A marked row has a line of its marks under
    it, and every line fits 80 columns."""
    monkeypatch.setattr("gradstep.tui.files.hand_ins.account", lambda uid: "wt3-ben")
    path = handed(3, Owner("wt3-ben", id="00000000deadbeef"), folder)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    for row in rows[1:]:
        row[COLUMNS.index("user")] = "wt3-ana"
    with (folder / "wt3-ana-alpha-00000000deadbeef.csv").open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    owner = Owner("wt3-ben", id="8b85cf0000000000", resumed="00000000deadbeef")
    journal = journal_of(*alpha_steps(2, "divergence"))
    hand_in(entry_rows(journal.entries, owner.user, owner.id, owner.session, owner.resumed), "divergence", folder,
            owner)
    lines = gradstep("class", str(folder), "--lang", language).out.splitlines()
    marks = [line.strip() for line in lines[1:] if not line.startswith("wt3-ben")]
    assert sorted(marks) == sorted([f"^ {claims}", f"^ {resumed}{'、' if language == 'zh' else ', '}{diverged}"])
    assert [line.split()[2] for line in lines[1:] if line.startswith("wt3-ben")] == ["000000", "000000", "8b85cf"]
    assert lines[lines.index(next(line for line in lines if claims in line)) - 1].split()[2] == "000000"
    assert all(len(line) <= 80 for line in lines)


def answered_alpha(owner: Owner, folder, given: float, result: str, when: float, claims: str = ""):
    """A hand-in of lesson alpha's first question answered once at `when`; its rows claim
    the account `claims` (a planted file) where given."""
    start = Session.begin(find_lesson("alpha"))
    journal = Journal(words)
    for second, session in enumerate((start, start.answered(Answer(0, 0, given, result, 1)))):
        journal.see(session, when + second)
    rows = list(entry_rows(journal.entries, claims or owner.user, owner.id, owner.session))
    return hand_in(rows, "alpha", folder, owner)


def test_a_planted_file_claiming_a_classmate_counts_for_nobody(folder):
    """The walk: bo's own line went from 0/2 to 2/2 once he planted a copy of ana's hand-in
    (earlier, and right): its tries counted as his first ever. A file's answers never add
    to another file's score, and one claiming a classmate counts for nobody."""
    me = account(os.getuid())  # the owner of every file here, as the student
    answered_alpha(Owner(me, id="b0b0000000000001"), folder, 0.3, WRONG, 1796612645.0)
    answered_alpha(Owner(me, id="a0a0000000000001"), folder, 0.25, RIGHT, 1796612000.0, claims="wt-ana")
    lines = gradstep("class", str(folder), "--lang", "en").out.splitlines()
    own = next(line for line in lines if "b0b000" in line)
    planted = next(line for line in lines if "a0a000" in line)
    assert own.split()[-1] == "0/1" and planted.split()[-1] == "(1/1)"
    assert lines[lines.index(planted) + 1].strip() == "^ CLAIMS wt-ana"
    assert any(line.startswith("(1/2): not counted") for line in lines)


def test_a_run_never_seen_live_is_unseen_and_adds_to_no_score(folder):
    """The walk: a hand-in under bo's own name with a run id no progress file ever showed
    turned his real line from - to 1/1, with no flag. Where the folder keeps progress files,
    a hand-in of a run none of them showed is UNSEEN: its figures shown, counted for nobody."""
    me = account(os.getuid())
    real = Owner(me, id="b0b0000000000001")
    (folder / f"{me}-{real.id}.progress.json").write_text(write_progress(progress_record(
        account=me, session="", lesson="alpha", lessons_opened=["alpha"], iteration=0, error=0.25,
        predictions_right=0, predictions=0, questions_right=0, questions_asked=1, answers=[], last_key=1796612646.0,
        diverged=False, ended=True, updated=1796612646.0)), encoding="utf-8")
    answered_alpha(real, folder, 0.3, WRONG, 1796612645.0)
    answered_alpha(Owner(me, id="aaaabbbbccccdddd"), folder, 0.25, RIGHT, 1796612000.0)
    for language, word in (("en", "UNSEEN"), ("zh", "未见")):
        lines = gradstep("class", str(folder), "--lang", language).out.splitlines()
        own = next(line for line in lines if "b0b000" in line)
        fake = next(line for line in lines if "aaaabb" in line)
        assert own.split()[-1] == "0/1" and fake.split()[-1] == "(1/1)"
        assert lines[lines.index(fake) + 1].strip() == f"^ {word}"
        assert all(len(line) <= 80 for line in lines)
    merged = list(csv.DictReader(io.StringIO(gradstep("class", str(folder), "--csv").out)))
    assert {(row["session"][:6], row["record"]) for row in merged} == {("b0b000", ""), ("aaaabb", "unseen")}


def test_a_skip_after_a_wrong_try_is_the_second_attempt():
    """A skip after a wrong try was recorded as attempt 1, the number of the try before it,
    so a teacher counting acts per question saw one where the student made two."""
    from gradstep.core.questions import Attempt

    lesson = find_lesson("alpha")
    start = Session.begin(lesson)
    tried = Attempt(lesson.questions[0], 0).answer(0.1)  # wrong, a try left
    journal = Journal(words)
    journal.see(start, 1796612645.0)
    journal.tried(start, tried.last_try(), 1796612646.0)
    journal.see(start.answered(tried.skip()), 1796612647.0)
    skipped_at_once = start.answered(Attempt(lesson.questions[0], 0).skip())
    answers = [row for row in entry_rows(journal.entries, "ana", "0" * 16) if row["kind"] == "answer"]
    assert [(row["answer_result"], row["attempt"]) for row in answers] == [(WRONG, 1), (SKIPPED, 2)]
    assert skipped_at_once.answers[0].attempt == 1  # a skip at once is the first act, not the 0th
