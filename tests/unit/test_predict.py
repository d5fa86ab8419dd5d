"""Predict, then reveal; the lesson's questions: judged alike in every front end, kept with
the step they belong to, saved and brought back."""

import dataclasses
import io
import json
import math

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.lesson_files import load_lesson_file
from gradstep.core.lessons import LessonError
from gradstep.core.predict import judge, what_to_predict
from gradstep.core.problem import Problem
from gradstep.core.refusals import Refusal
from gradstep.core.questions import RIGHT, SKIPPED, WRONG, Answer, Attempt, Question, QuestionText
from gradstep.core.saving import CorruptSave, session_data, session_from_data
from gradstep.core.session import Session
from gradstep.tui.plain.lines import run_lines
from gradstep.tui.words.say import explain


def first_step(name: str):
    return Session.begin(find_lesson(name)).step().history.record(0)


@pytest.mark.parametrize(("name", "guess", "kind", "right"), [
    ("alpha", 0.46, "weight", True),            # the new weight, exactly
    ("alpha", 0.4604, "weight", True),          # within 1% of the change (0.5 -> 0.46)
    ("alpha", 0.4605, "weight", False),         # just outside it
    ("alpha", 0.460000004, "weight", True),     # the same as printed
    ("multi-weight", 0.963757, "prediction", True),  # several weights: the new prediction
    ("multi-weight", 0.86, "prediction", False),
    ("hot-cold", "down", "direction", True),
    ("hot-cold", "up", "direction", False),
    ("measure-error", 0.01, "error", True),
    ("measure-error", 0.1, "error", False),
])
def test_a_guess_is_right_within_one_percent_of_the_true_change(name, guess, kind, right):
    problem = find_lesson(name).problem
    judged = judge(problem, first_step(name), guess)
    assert (judged.kind, judged.right) == (kind, right)


def test_the_tally_counts_scored_guesses_and_survives_a_new_run_but_not_a_step_back():
    session = Session.begin(find_lesson("alpha")).guessed_step(0.46).guessed_step(None).guessed_step(0.9)
    assert session.tally == (1, 2) and [guess.right for guess in session.guesses] == [True, None, False]
    back = session.step_back()
    assert back.tally == (1, 1) and len(back.guesses) == 2  # the third step's guess went with it
    assert back.with_rate(1).tally == (1, 1) and back.with_rate(1).guesses == ()
    assert back.with_lesson(find_lesson("hot-cold")).tally == (0, 0)


def test_an_attempt_allows_two_tries_then_gives_the_answer():
    question = find_lesson("alpha").questions[0]
    first = Attempt(question, 0).answer(0.3)
    assert isinstance(first, Attempt) and first.tries == 1
    assert first.answer(0.2) == Answer(0, 0, 0.2, WRONG, 2)
    assert first.answer(0.2504) == Answer(0, 0, 0.2504, RIGHT, 2)  # within the tolerance
    assert Attempt(question, 0).skip() == Answer(0, 0, None, SKIPPED, 0)


def test_the_same_wrong_answer_again_is_refused_not_taken_as_a_second_try():
    """Enter again on the unchanged answer after "Not quite" gave a second wrong try (a STUCK
    flag, and that wrong answer counted twice): it is the same try, refused, the attempt as it was."""
    question = find_lesson("alpha").questions[0]
    first = Attempt(question, 0).answer(0.3)
    with pytest.raises(Refusal) as refused:
        first.answer(0.30)  # typed differently, the same number
    assert refused.value.key == "question.same"
    assert first.tries == 1 and first.answer(0.2504).result == RIGHT


def test_line_mode_says_the_same_answer_again_is_not_a_new_try():
    out = io.StringIO()
    session = run_lines(Session.begin(find_lesson("alpha")), "en", io.StringIO("0.3\n0.3\n0.25\ns\nq\n"), out)
    assert "You gave that answer already" in out.getvalue()
    assert session.answers[0].result == RIGHT and session.answers[0].tries == 2


def test_questions_are_asked_at_their_iteration_once_and_again_after_a_step_back():
    session = Session.begin(find_lesson("error-curve"))
    assert session.pending_question() == 0
    session = session.answered(Answer(0, 0, 1.6, RIGHT, 1))
    assert session.pending_question() is None
    session = session.step().step()
    assert session.pending_question() == 1
    session = session.answered(Answer(1, 2, None, SKIPPED, 0))
    assert session.pending_question() is None and session.question_tally == (1, 2)
    back = session.step_back()
    assert back.question_tally == (1, 1) and back.step().pending_question() == 1
    assert session.with_rate(1).pending_question() is None  # not the lesson's own numbers


def test_guesses_and_answers_are_saved_and_checked_when_brought_back():
    session = Session.begin(find_lesson("alpha")).answered(Answer(0, 0, 0.25, RIGHT, 1))
    session = session.guessed_step(0.46).guessed_step(None).with_rate(1).guessed_step(0.4)
    data = json.loads(json.dumps(session_data(session)))
    back, _ = session_from_data(data)
    assert back.guesses == session.guesses and back.answers == session.answers and back.tally == session.tally
    assert back.before.guesses == session.before.guesses
    data["guesses"][0]["right"] = True  # a wrong guess claimed right
    with pytest.raises(CorruptSave) as refused:
        session_from_data(data)
    assert refused.value.key == "save.bad_guess"


QUESTIONS = """
weights = 0.5
inputs = 2.0
goal = 0.8
alpha = 0.1
{extra}
[[questions]]
at = 0
{question}
[questions.en]
ask = "Which?"
"""


@pytest.mark.parametrize(("question", "extra", "fault"), [
    ("answer = 1", "", None),
    ("", "", "questions[1].answer: missing"),
    ("at = -1\nanswer = 1", "", None),
    ('answer = "up"\nchoices = ["up"]', "", "questions[1].choices: a choice question needs at least 2 choices, got 1"),
    ('answer = "left"\nchoices = ["up", "down"]', "", "questions[1].answer: 'left' is not one of the choices"),
    ("answer = 1\ntolerance = -1", "", "questions[1].tolerance: must be 0 or more"),
    ("answer = 1\nwhen = 3", "", "questions[1].when: unknown field"),
    ("answer = true", "", "questions[1].answer: expected a number, got true/false"),
    # A NaN tolerance counted every answer right, and any of these made every save fail
    # ("Out of range float values are not JSON compliant"); a 400-digit answer crashed on answering.
    ("answer = 1\ntolerance = nan", "", "questions[1].tolerance: must be a finite number (got undefined)"),
    ("answer = 1\ntolerance = inf", "", "questions[1].tolerance: must be a finite number (got overflow)"),
    ("answer = nan", "", "questions[1].answer: must be a finite number (got undefined)"),
    ("answer = -inf", "", "questions[1].answer: must be a finite number (got -overflow)"),
    (f"answer = 1{'0' * 399}", "", "questions[1].answer: must be a finite number (got ~1e399)"),
], ids=["good", "no answer", "at negative", "one choice", "not a choice", "negative tolerance", "unknown", "bool",
        "nan tolerance", "inf tolerance", "nan answer", "inf answer", "huge answer"])
def test_bad_question_tables_get_one_line_naming_the_field(tmp_path, question, extra, fault):
    text = QUESTIONS.format(question=question, extra=extra)
    if "at = -1" in question:
        text, fault = text.replace("at = 0\nat = -1", "at = -1"), "questions[1].at: expected a whole number of at least 0"
    path = tmp_path / "mine.toml"
    path.write_text(text)
    if fault is None:
        assert load_lesson_file(path).questions[0].answer == 1
        return
    with pytest.raises(LessonError) as refused:
        load_lesson_file(path)
    assert fault in explain("en", refused.value)


def test_line_mode_asks_questions_and_takes_guesses():
    out = io.StringIO()
    keys = "0.3\n0.25\ns\n\nt\n\n0.436\nq\n"  # wrong, right; skip; a step; predict mode; a step, guessed
    session = run_lines(Session.begin(find_lesson("alpha")), "en", io.StringIO(keys), out)
    text = out.getvalue()
    assert text.index("Which alpha makes this land in one step?") < text.index("alpha, the learning rate")
    assert "Not quite: try once more." in text and "Right." in text and "Skipped." in text
    assert "You guessed 0.436; it is 0.436: right." in text and "right 1/1" in text
    assert [answer.result for answer in session.answers] == [RIGHT, SKIPPED] and session.tally == (1, 1)


@pytest.mark.parametrize(("name", "guess", "says"), [
    ("hot-cold", "up", {"en": "You guessed up; hot and cold chose down: a different direction.",
                        "zh": "你猜往上，冷热法选的却是往下：方向不对。"}),
    ("hot-cold", "down", {"en": "You guessed down; hot and cold chose down: right.",
                          "zh": "你猜往下，冷热法选的也是往下：答对了。"}),
    ("hot-cold", None, {"en": "No guess this step; hot and cold chose down.", "zh": "这一步没有猜；冷热法选的是往下。"}),
    ("measure-error", 1.0, {"en": "a guess is right within 1% of the error (0.0001); yours is 0.99 off. "
                                  "The error is the miss squared: error = (-0.9 - (-1))^2 = 0.01.",
                            "zh": "猜测与实际误差相差不超过误差的 1%（0.0001）就算对，你差了 0.99。"
                                  "误差是预测与目标之差的平方：误差 = (-0.9 - (-1))^2 = 0.01。"}),
    ("alpha", 0.5, {"en": "This step moved it by -0.04, down; a guess is right within 1% of that (0.0004); yours is 0.04 off.",
                    "zh": "这一步让它变了 -0.04（往下）；猜测与实际相差不超过这个变化的 1%（0.0004）就算对，你差了 0.04。"}),
])
def test_a_reveal_speaks_of_1_percent_for_numbers_only(name, guess, says):
    # A wrong direction was told it was "not within 1% of the change": the 1% is for numbers.
    from gradstep.tui.words.prose import reveal

    lesson = dataclasses.replace(find_lesson(name), questions=())
    session = Session.begin(lesson).guessed_step(guess)
    for language, words in says.items():
        assert reveal(session, language).endswith(words)
        assert (("1%" in reveal(session, language))
                == (what_to_predict(lesson.problem) != "direction" and guess is not None))


@pytest.mark.parametrize("planted", ["\x1b[2Jzz", "UP ", 1.5, True, float("nan"), 10**400])
def test_a_saved_guess_or_answer_holds_only_what_a_student_can_give(planted):
    """A wrong guess may be anything it is not, so a planted string passed the re-judging,
    then crashed the reveal on every resume and went raw into the exports."""
    session = Session.begin(find_lesson("hot-cold")).guessed_step("up")
    data = json.loads(json.dumps(session_data(session)))
    data["guesses"][0].update(value=planted, right=False)
    with pytest.raises(CorruptSave) as refused:
        session_from_data(data)
    assert refused.value.key == "save.bad_guess"
    session = Session.begin(find_lesson("alpha")).answered(Answer(0, 0, 0.3, WRONG, 1))
    data = json.loads(json.dumps(session_data(session)))
    data["answers"][0]["given"] = planted if not isinstance(planted, float) else "\x07"
    with pytest.raises(CorruptSave) as refused:
        session_from_data(data)
    assert refused.value.key == "save.bad_answer"


def test_a_question_speaks_of_the_figures_at_its_iteration(tmp_path):
    """Asked at iteration 2, "the weight" is the weight on screen then, not the start's."""
    path = tmp_path / "mine.toml"
    path.write_text(QUESTIONS.format(question="answer = 1", extra="").replace("at = 0", "at = 2").replace(
        'ask = "Which?"', 'ask = "The weight is {weight}, the miss {miss}, the error {error}."\n'
                          'explain = "{misses}; {squares_miss}."'))
    out = io.StringIO()
    run_lines(Session.begin(load_lesson_file(path)), "en", io.StringIO("\n\n1\nq\n"), out)
    text = out.getvalue()
    assert "weight 0.436" in text  # where it stands, beside the question
    assert "The weight is 0.436, the miss 0.072, the error 0.005184." in text
    assert "0.872 - 0.8 = 0.072; 0.072^2 = 0.005184." in text


def test_a_hot_and_cold_question_at_iteration_4_speaks_of_iteration_4():
    lesson = find_lesson("hot-cold")  # from 0.5 down 0.1 a step towards -1
    question = Question(4, 1.0, texts={"en": QuestionText(ask="The miss is {miss}; the error {error}.")})
    session = Session.begin(dataclasses.replace(lesson, questions=(question,)))
    out = io.StringIO()
    run_lines(session, "en", io.StringIO("\n" * 4 + "s\nq\n"), out)
    assert "weight 0.1, input 1, goal -1" in out.getvalue()
    assert "The miss is 1.1; the error 1.21." in out.getvalue()  # not the start's 1.5 and 2.25


def test_a_superscript_digit_for_a_choice_or_a_lesson_is_one_line_not_a_traceback():
    """"²".isdigit() is true and int("²") fails: a choice's or a lesson's number is read as
    decimal digits, and any other (such as ³, ² or ½) is asked for again."""
    choice = Question(0, "yes", choices=("yes", "no"), texts={"en": QuestionText(ask="Well?")})
    lesson = dataclasses.replace(find_lesson("alpha"), questions=(choice,))
    out = io.StringIO()
    session = run_lines(Session.begin(lesson), "en", io.StringIO("²\n1\nl\n²\nl ³\nq\n"), out)
    text = out.getvalue()
    assert text.count("Press the number of your answer") == 2 and "Right." in text  # asked again after ²
    assert "'²'? The commands:" in text and "'³' is not a lesson's number: give l and 1 to 10" in text
    assert session.lesson.name == "alpha"


def test_a_full_width_digit_is_a_number_as_typed_on_a_chinese_keyboard():
    out = io.StringIO()
    session = run_lines(Session.begin(find_lesson("alpha")), "en", io.StringIO("s\ns\nl\n３\nq\n"), out)
    assert session.lesson.name == "gradient-descent"


def test_a_guess_at_a_step_that_overflows_is_wrong_and_saved():
    """The truth of such a guess is infinite, which JSON cannot hold: every save failed; and
    any finite guess was within 1% of a change that is infinite too, so it counted right."""
    problem = Problem((1e130, 1.5), (4e16, -7e118), 0.0)  # the first step's prediction overflows
    session = Session.begin(find_lesson("alpha")).with_problem(problem).guessed_step(1.0)
    assert session.guesses[0].truth == -math.inf and session.guesses[0].right is False
    back, _ = session_from_data(json.loads(json.dumps(session_data(session), allow_nan=False)))
    assert back.guesses == session.guesses


@pytest.mark.parametrize(("typed", "value"), [("０.７７５", 0.775), ("０．５", 0.5), ("－１", -1.0), ("１ｅ－３", 0.001),
                                              ("＋２", 2.0), (" 4 ", 4.0)])
def test_a_full_width_number_reads_as_its_digits(typed, value):
    # A Chinese input method types ０-９, ． and －: float() took the digits but not ． or －.
    from gradstep.core.numbers import parse_number

    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["0x10", "1_000", "٣", "3²", "①", "1,5", "0b1"])
def test_only_decimal_digits_are_a_number(typed):
    # float() reads "1_000" as 1000 and Arabic-Indic "٣" as 3: nothing a student meant as that number.
    from gradstep.core.numbers import InvalidNumber, parse_number

    with pytest.raises(InvalidNumber) as refused:
        parse_number(typed)
    assert refused.value.key == "number.not_a_number"


@pytest.mark.parametrize(("problem", "guess", "says"), [
    # 2 -> 0.1 (a step of 1.9): 0.111 is 11% off the new weight yet within 1% of the change,
    # and "right" stood alone beside it: the reveal says what counts as close.
    (Problem((2.0,), (1.0,), 0.1), 0.111,
     {"en": "You guessed 0.111; it is 0.1: right. This step moved it by -1.9, down; a guess is right within 1% of that (0.019); yours is 0.011 off.",
      "zh": "你猜的是 0.111，实际是 0.1：答对了。这一步让它变了 -1.9（往下）；猜测与实际相差不超过这个变化的 1%（0.019）就算对，你差了 0.011。"}),
    # a step of 5e-10 whose 1% no typed guess meets: right only as printed, and said so
    (Problem((1.6,), (0.5,), 0.8 + 1e-9), 1.6,
     {"en": "or when it reads the same to 5 significant digits, as yours does (5e-10 off).",
      "zh": "或者两者保留 5 位有效数字后相同，都算对；你属于后一种（差了 5e-10）。"}),
])
def test_a_right_guess_says_how_close_counts_as_right(problem, guess, says):
    from gradstep.tui.words.prose import reveal

    session = Session.begin(dataclasses.replace(find_lesson("alpha"), questions=())).with_problem(problem).guessed_step(guess)
    assert session.guesses[0].right is True
    for language, words in says.items():
        assert reveal(session, language).endswith(words), reveal(session, language)


@pytest.mark.parametrize(("problem", "says"), [
    # Lesson 3: the weight went down from 0.5 to -1, and the reveal said "moved it by 1.5".
    (find_lesson("gradient-descent").problem, {"en": "This step moved it by -1.5, down;", "zh": "这一步让它变了 -1.5（往下）；"}),
    (Problem((0.5,), (1.0,), 2.0), {"en": "This step moved it by 1.5, up;", "zh": "这一步让它变了 1.5（往上）；"}),
])
def test_a_reveal_gives_the_steps_change_its_sign_and_way(problem, says):
    """The change is written signed, as the log writes weight_delta, with the way it went."""
    from gradstep.tui.words.prose import reveal

    lesson = dataclasses.replace(find_lesson("gradient-descent"), questions=())
    session = Session.begin(lesson).with_problem(problem).guessed_step(0.0)
    for language, words in says.items():
        assert words in reveal(session, language), reveal(session, language)


@pytest.mark.parametrize("within", [0.01, 0.2])
def test_the_tolerance_a_reveal_states_is_the_one_the_judge_uses(monkeypatch, within):
    """The percent in the words comes from the rule that judged the guess, not from a
    sentence that could drift from it: 0.3 is 20% of the step 0.5 -> 0.46 off, right at 20%."""
    from gradstep.core import predict as judging
    from gradstep.tui.words import prose

    monkeypatch.setattr(judging, "RIGHT_WITHIN", within)
    monkeypatch.setattr(prose, "RIGHT_WITHIN", within)
    session = Session.begin(dataclasses.replace(find_lesson("alpha"), questions=())).guessed_step(0.467)
    assert session.guesses[0].right is (within == 0.2)
    percent = f"{within * 100:g}%"
    for language in ("en", "zh"):
        assert percent in reveal_of(session, language) and (": right." in reveal_of(session, "en")) is (within == 0.2)


def reveal_of(session, language):
    from gradstep.tui.words.prose import reveal

    return reveal(session, language)


@pytest.mark.parametrize(("language", "measures", "worked"), [
    ("en", "Type a number; an empty line measures without a guess.", "The error is the miss squared: error = (-0.9 - (-1))^2 = 0.01."),
    ("zh", "输入一个数；直接回车则不猜、直接测量。", "误差是预测与目标之差的平方：误差 = (-0.9 - (-1))^2 = 0.01。")])
def test_line_mode_in_a_lesson_that_only_measures_says_enter_measures_and_works_the_error_out(language, measures, worked):
    """Lesson 1 in predict mode: the guess's hint said an empty line "steps", where nothing
    steps; a guess of 0.1 (the miss, not squared) was told only how far off it was."""
    out = io.StringIO()
    run_lines(Session.begin(find_lesson("measure-error")), language, io.StringIO("s\nt\n\n0.1\ns\nq\n"), out)
    text = " ".join(out.getvalue().split())
    assert measures in text and worked.replace(" ", "") in text.replace(" ", ""), text
