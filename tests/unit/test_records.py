"""The teacher's record of a hand-in folder: a file changed or gone after it was handed in shows."""

import os
import stat

import pytest
from gradstep.core.progress import AnswerSeen
from gradstep.core.room import CHANGED, GONE
from gradstep.tui.files.progress_folder import ProgressFolder
from gradstep.tui.files.records import Records, record_place

from ..helpers import progress_file

RUN = "0123456789abcdef"
HEADER = "user,session,time,kind,question,answer_result,first\n"


def hand_in(folder, name: str, *results: str, run: str = RUN):
    rows = "".join(f"ben,{run},2027-01-15T08:00:0{n}.000Z,answer,{n + 1},{result},1\n"
                   for n, result in enumerate(results))
    path = folder / name
    path.write_text(HEADER + rows)
    os.utime(path, (0, 0))  # long since written: whole
    return path


@pytest.fixture
def place(tmp_path):
    folder, state = tmp_path / "hand-in", tmp_path / "state"
    folder.mkdir()
    return folder, state


def look(folder, state, now=None):
    progress = ProgressFolder(folder)
    progress.look()
    return Records(folder, state).look(progress.named_runs(), now)


def test_a_hand_in_rewritten_or_deleted_after_a_look_is_flagged_and_its_copy_kept(place):
    folder, state = place
    wrong = hand_in(folder, f"ben-first-step-{RUN}.csv", "wrong", "wrong")
    other = hand_in(folder, f"ben-blow-up-{RUN}.csv")
    assert look(folder, state).findings == []
    wrong.write_text(wrong.read_text().replace(",wrong,", ",right,"))  # sed -i, as the walk did
    other.unlink()
    evidence = look(folder, state)
    me = next(iter(evidence.flags()))
    assert evidence.flags() == {me: (CHANGED, GONE)}
    changed, gone = evidence.of(wrong.name), evidence.of(other.name)
    assert (changed.reason, gone.reason) == ("changed", "gone")
    assert ",wrong," in changed.kept.read_text() and gone.kept.read_text() == HEADER
    assert stat.S_IMODE(os.stat(record_place(folder, state)).st_mode) == 0o700


def test_a_hand_in_whose_counts_disagree_with_the_progress_seen_live_is_flagged(place):
    """Rewritten before the teacher's record first saw it: its progress file, watched while
    the run went on, said 0 right of 2."""
    folder, state = place
    progress_file(folder, f"ben-{RUN}", questions_right=0, questions_asked=2)
    assert look(folder, state).findings == []  # the watcher sees the run going on
    progress_file(folder, f"ben-{RUN}", questions_right=0, questions_asked=2, ended=True)
    hand_in(folder, f"ben-first-step-{RUN}.csv", "right", "right")
    (finding,) = look(folder, state).findings
    assert (finding.name, finding.what, finding.reason) == (f"ben-first-step-{RUN}.csv", CHANGED, "disagrees")


def test_progress_counts_that_go_back_or_change_after_the_end_are_flagged_and_honest_ones_are_not(place):
    folder, state = place
    name = f"ben-{RUN}"
    for right, asked in ((0, 1), (0, 2), (1, 3)):  # an honest run: more asked, one more right
        progress_file(folder, name, questions_right=right, questions_asked=asked)
        assert look(folder, state).findings == []
    progress_file(folder, name, questions_right=3, questions_asked=3)  # two wrong answers made right
    (finding,) = look(folder, state).findings
    assert finding.reason == "went_up"  # raised: no count went back
    assert finding.values == {"right": 3, "asked": 3, "was_right": 1, "was_asked": 3}
    progress_file(folder, name, questions_right=1, questions_asked=3, ended=True)
    assert look(folder, state).findings == []
    (folder / f"{name}.progress.json").unlink()
    (finding,) = look(folder, state).findings
    assert (finding.what, finding.reason) == (GONE, "gone")


@pytest.mark.parametrize("right, asked, ended, reason", [
    (0, 3, False, "went_back"),  # a right answer lost
    (1, 2, False, "went_back"),  # a question unasked
    (2, 3, False, "went_up"),  # a wrong answer made right
    (1, 3, True, None),  # ended as it went: follows
])
def test_which_way_counts_that_do_not_follow_went(place, right, asked, ended, reason):
    folder, state = place
    progress_file(folder, f"ben-{RUN}", questions_right=1, questions_asked=3)
    assert look(folder, state).findings == []
    progress_file(folder, f"ben-{RUN}", questions_right=right, questions_asked=asked, ended=ended)
    assert [finding.reason for finding in look(folder, state).findings] == ([reason] if reason else [])


def test_counts_after_the_end_say_whether_they_rose_fell_or_the_run_reopened(place):
    folder, state = place
    progress_file(folder, f"ben-{RUN}", questions_right=1, questions_asked=3, ended=True)
    assert look(folder, state).findings == []
    for right, asked, ended, reason in ((3, 3, True, "went_up"), (1, 4, True, "went_up"), (0, 3, True, "went_back"),
                                        (1, 3, False, "reopened")):
        progress_file(folder, f"ben-{RUN}", questions_right=right, questions_asked=asked, ended=ended)
        assert [finding.reason for finding in look(folder, state).findings] == [reason]


def test_class_says_a_student_raised_their_own_counts_not_that_they_went_back(tmp_path, monkeypatch):
    """The walk: a student edited his progress file from 1 right of 3 to 3 of 3. The line
    said "its counts went back"; it says they rose, with the figures, in both languages."""
    from ..helpers import gradstep

    folder = tmp_path / "hand-in"
    folder.mkdir()
    progress_file(folder, f"ben-{RUN}", questions_right=1, questions_asked=3)
    assert gradstep("class", str(folder)).status == 0
    progress_file(folder, f"ben-{RUN}", questions_right=3, questions_asked=3)
    english = gradstep("class", str(folder), "--lang", "en").out
    assert "went back" not in english
    assert ("its question counts rose as no session counts them (a wrong answer made right, or after its end): "
            "3 right of 3 asked now, 1 of 3 seen before") in english
    chinese = gradstep("class", str(folder), "--lang", "zh").out
    assert "倒退" not in chinese and "增加" in chinese and "3 题、共问 3 题，之前看到的是 1 / 3" in chinese


def test_a_hand_in_still_being_written_is_not_recorded_yet(place):
    folder, state = place
    path = hand_in(folder, f"ben-first-step-{RUN}.csv", "wrong")
    os.utime(path)  # just now: its run may still be writing it
    assert look(folder, state).findings == []
    path.write_text(HEADER)
    assert look(folder, state).findings == []  # never seen whole, so no evidence either way


def test_a_record_students_could_reach_is_not_kept(place):
    from gradstep.tui.files.private import Unusable

    folder, state = place
    state.mkdir(mode=0o777)
    os.chmod(state, 0o777)
    with pytest.raises(Unusable):
        Records(folder, state)


def test_class_flags_the_student_names_the_file_and_csv_gives_the_copy_kept(tmp_path):
    """The walk, in-process: `gradstep class` looked, then ben rewrote one hand-in and
    deleted another; the next `gradstep class` flags him, says which files, and --csv
    gives them as they were handed in, with a `record` column saying why."""
    import csv
    import io

    from gradstep.core.journal import Journal
    from gradstep.core.courses import find_lesson
    from gradstep.core.questions import WRONG, Answer
    from gradstep.core.session import Session
    from gradstep.tui.files.hand_in import HandIn
    from gradstep.tui.files.owner import Owner

    from ..helpers import gradstep
    from .test_hand_in import words

    folder = tmp_path / "hand-in"
    folder.mkdir()
    start = Session.begin(find_lesson("alpha"))
    journal = Journal(words)
    for second, session in enumerate([start, start.answered(Answer(0, 0, 0.3, WRONG, 2, (0.1,)))]):
        journal.see(session, 1796612645.0 + second)
    handing_in = HandIn(folder, Owner("ben"))
    handing_in.finish(journal, session, 0.0)
    (wrong,) = handing_in.paths
    other = folder / f"ben-notes-{handing_in.owner.id}.csv"
    other.write_text(wrong.read_text().splitlines()[0] + "\n")  # a lesson opened, nothing done
    os.utime(other, (0, 0))
    first = gradstep("class", str(folder))
    assert first.status == 0 and "CHANGED" not in first.out and "after it was handed in" not in first.out
    wrong.write_text(wrong.read_text().replace(",wrong,", ",right,"))
    other.unlink()
    result = gradstep("class", str(folder))
    room = result.out.splitlines()[1].split()
    assert room[-2:] == ["CHANGED", "GONE"]
    assert f"{wrong.name}: changed after it was handed in\n  as first seen: " in result.out
    assert f"{other.name}: gone after it was handed in\n  as first seen: " in result.out
    lines = result.out.splitlines()  # marked under its own line, as the table marks the rest
    (at,) = [number for number, line in enumerate(lines) if handing_in.owner.id[:6] in line.split()]
    assert lines[at + 1].startswith("  ^ ") and lines[at + 1].endswith("CHANGED: not as it was handed in (below)")
    as_csv = gradstep("class", str(folder), "--csv")
    merged = list(csv.DictReader(io.StringIO(as_csv.out)))
    assert {(row["file"], row["record"]) for row in merged} == {(wrong.name, "changed")}  # the gone one: a header
    assert f"{other.name}: gone after it was handed in" in as_csv.err
    assert {row["answer_result"] for row in merged if row["kind"] == "answer"} == {"wrong"}  # as handed in
    chinese = gradstep("class", str(folder), "--lang", "zh").out
    assert "改过 删了" in chinese and "交上来以后被改过" in chinese
    assert any(line.startswith("  ^ ") and line.endswith("改过：与交上来时不一样（见下文）") for line in chinese.splitlines())


OTHER = "fedcba9876543210"


def test_disagrees_compares_a_run_with_its_own_progress_only(place):
    """A forged hand-in of run RUN whose rows were copied from run OTHER (their run id is the
    student's to write): RUN's file disagrees with RUN's progress; OTHER's untouched hand-in
    agrees with OTHER's and is not flagged."""
    folder, state = place
    progress_file(folder, f"ben-{RUN}", questions_right=0, questions_asked=1)
    progress_file(folder, f"ben-{OTHER}", questions_right=0, questions_asked=1)
    assert look(folder, state).findings == []
    progress_file(folder, f"ben-{RUN}", questions_right=0, questions_asked=1, ended=True)
    progress_file(folder, f"ben-{OTHER}", questions_right=0, questions_asked=1, ended=True)
    hand_in(folder, f"ben-first-step-{OTHER}.csv", "wrong", run=OTHER)
    hand_in(folder, f"ben-first-step-{RUN}.csv", "right", run=OTHER)
    (finding,) = look(folder, state).findings
    assert (finding.name, finding.reason, finding.counts) == (f"ben-first-step-{RUN}.csv", "disagrees", (0, 1))


def test_a_run_whose_progress_went_back_or_is_gone_is_scored_as_recorded(place):
    """The runs to score are the record's: one rewritten after its end, read as it ended;
    one deleted after its end, still there as it ended."""
    folder, state = place
    wrong = [AnswerSeen("alpha", 1, "Which alpha?", "2", False, True, 3, "2027-01-15T08:00:01.000Z")]
    right = [AnswerSeen("alpha", 1, "Which alpha?", "0.25", True, True, 3, "2027-01-15T08:00:01.000Z")]
    for run in (RUN, OTHER):
        progress_file(folder, f"ben-{run}", questions_asked=1, answers=wrong, ended=True)
    assert look(folder, state).findings == []
    progress_file(folder, f"ben-{RUN}", questions_right=1, questions_asked=1, answers=right, ended=True)
    (folder / f"ben-{OTHER}.progress.json").unlink()
    evidence = look(folder, state)
    assert sorted(finding.reason for finding in evidence.findings) == ["gone", "went_up"]
    assert len(evidence.runs) == 2
    assert [run.progress.answers for run in evidence.runs] == [tuple(wrong), tuple(wrong)]
    progress = ProgressFolder(folder)
    scored = evidence.scored(progress.look())
    assert [run.progress.questions_right for run in scored.runs] == [0, 0] and len(scored.seen) == 1


def test_class_scores_a_disagreeing_hand_in_by_the_counts_seen_live(tmp_path, monkeypatch):
    """ben's run RUN was seen live at 0 right of 1; its hand-in, forged before the record
    first saw it, says right (and backdated). The table scores it 0/1, and his other run's
    first try ever is not taken over by the forged one."""
    from ..helpers import gradstep

    monkeypatch.setenv("TZ", "UTC")
    folder = tmp_path / "hand-in"
    folder.mkdir()
    progress_file(folder, f"ben-{RUN}", questions_right=0, questions_asked=1)
    assert gradstep("class", str(folder)).status == 0  # the watcher sees the run going on
    progress_file(folder, f"ben-{RUN}", questions_right=0, questions_asked=1, ended=True)
    progress_file(folder, f"ben-{OTHER}", questions_right=0, questions_asked=1, ended=True)  # seen live too
    forged = full_hand_in(folder / f"ben-first-step-{RUN}.csv", RUN, "2027-01-15T07:00:00.000Z", "right")
    honest = full_hand_in(folder / f"ben-first-step-{OTHER}.csv", OTHER, "2027-01-15T08:00:00.000Z", "wrong")
    for path in (forged, honest):
        os.utime(path, (0, 0))
    result = gradstep("class", str(folder))
    lines = {line.split()[2]: line.split() for line in result.out.splitlines()
             if len(line.split()) > 2 and line.split()[2] in (RUN[:6], OTHER[:6])}
    assert lines[RUN[:6]][-1] == "0/1" and lines[OTHER[:6]][-1] == "0/1", result.out
    assert f"{forged.name}: " in result.out and f"{honest.name}: " not in result.out


def full_hand_in(path, run: str, when: str, result: str):
    """A hand-in in today's columns: one answer to alpha's first question."""
    import csv

    from gradstep.core.schema import COLUMNS
    from gradstep.tui.files.progress_folder import account

    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="")
        writer.writeheader()
        writer.writerow({"user": account(os.getuid()), "session": run, "time": when,  # the owner's own: no CLAIMS
                         "kind": "answer", "lesson": "alpha", "question": "1", "answer_result": result, "first": "1"})
    return path


def test_the_watch_screen_scores_a_gone_run_as_it_ended(place):
    """--watch's look: an ended run's progress file deleted still counts, as it ended."""
    from gradstep.tui.app.room import RoomApp

    folder, state = place
    wrong = [AnswerSeen("alpha", 1, "Which alpha?", "2", False, True, 3, "2027-01-15T08:00:01.000Z")]
    progress_file(folder, f"ben-{RUN}", questions_asked=1, answers=wrong, ended=True)
    app = RoomApp(ProgressFolder(folder), records=Records(folder, state))
    app._look()
    (folder / f"ben-{RUN}.progress.json").unlink()
    look, flags = app._look()
    assert [run.progress.answers for run in look.runs] == [tuple(wrong)] and list(flags.values()) == [(GONE,)]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_file_named_for_one_lesson_with_anothers_rows_says_which_is_which(tmp_path, language):
    """A made-up file named for lesson t-blowup was listed as lesson t-start, taken from its
    rows, and nothing said the two disagree. Its line still shows the rows' lesson; a mark
    under it names the file and the lesson its rows give."""
    from gradstep.core.courses import find_lesson
    from gradstep.core.journal import Journal
    from gradstep.core.session import Session
    from gradstep.tui.files.hand_in import HandIn
    from gradstep.tui.files.owner import Owner

    from ..helpers import gradstep
    from .test_hand_in import words

    folder = tmp_path / "hand-in"
    folder.mkdir()
    start = Session.begin(find_lesson("alpha"))
    journal = Journal(words)
    journal.see(start, 1796612645.0)
    journal.see(start.step(), 1796612646.0)
    handing_in = HandIn(folder, Owner("ben"))
    handing_in.finish(journal, start.step(), 0.0)
    (true,) = handing_in.paths
    made_up = folder / true.name.replace("-alpha-", "-divergence-")
    made_up.write_text(true.read_text())
    os.utime(made_up, (0, 0))
    lines = gradstep("class", str(folder), "--lang", language).out.splitlines()
    said = {"en": f"its name {made_up.name} is not of lesson alpha, which its rows name and the table shows",
            "zh": f"文件名 {made_up.name} 不是课程 alpha 的"}[language]
    assert sum(said in line for line in lines if line.startswith("  ^ ")) == 1  # the made-up file's alone
