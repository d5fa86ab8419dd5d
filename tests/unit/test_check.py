"""`gradstep check`: every mistake in several files at once, a line each, and warnings."""

import pytest
from gradstep.core.courses import COURSE_FOLDER

from ..helpers import gradstep

SOUND = """
name = "sound"
weights = 0.5
inputs = 2.0
goal = 0.8
alpha = 0.1
[en]
title = "Sound"
teaches = "With alpha {alpha}, r = {r}."
[zh]
title = "没问题"
teaches = "alpha 为 {alpha} 时，r = {r}。"
"""

FAULTY = """
name = "x/../../escaped"
weights = [0.5, "a"]
inputs = 2.0
goal = inf
alpha = 0
locked = ["edti"]
predict = "yes"
colour = "red"
[en]
title = 3
"""

WARNED = """
name = "alpha"
method = "gd"
weights = 0.5
inputs = 2.0
goal = 0.8
step_amount = 0.2
[en]
title = "Warned"
summary = "One line."
notice = "Watch {rr} and {best_alpah}."
[zh]
title = "警告"
"""


def write(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_fault_of_every_file_is_a_line_naming_file_and_field(tmp_path):
    faulty = write(tmp_path, "faulty.toml", FAULTY)
    broken = write(tmp_path, "broken.toml", "goal = ")
    sound = write(tmp_path, "sound.toml", SOUND)
    result = gradstep("check", str(faulty), str(broken), str(sound), "--lang", "en")
    assert result.status == 2 and result.err == ""
    lines = result.out.splitlines()
    expected = [
        f"{faulty}: colour: unknown field",
        f"{faulty}: name: a lesson's name is 1 to 40 letters, digits, - or _",
        f"{faulty}: weights: value 2: expected a number, got text 'a'",
        f"{faulty}: goal: must be a finite number (got overflow)",
        f"{faulty}: alpha: must be greater than 0 (got 0)",
        f"{faulty}: locked: 'edti' is not one of edit, rule, rate, lessons, predict (did you mean 'edit'?)",
        f"{faulty}: predict: expected true or false, got text 'yes'",
        f"{faulty}: en.title: expected some text, got a number 3",
        f"{broken}: not valid TOML: the file ends where more was expected (a string or bracket left open, "
        "a value missing), at line 1: 'goal ='",
    ]
    for line, start in zip(lines, expected):
        assert line.startswith(start), (line, start)
    assert not any(str(sound) in line for line in lines[:-1])
    assert lines[-2] == f"{faulty}: zh: warning: no [zh] table: students reading Chinese get the English words"
    assert lines[-1] == "3 files checked: 9 errors, 1 warning"  # a faulty file's warnings come too


def test_warnings_do_not_fail_the_check(tmp_path):
    warned = write(tmp_path, "warned.toml", WARNED)
    result = gradstep("check", str(warned))
    assert result.status == 0
    lines = result.out.splitlines()
    assert lines[:-1] == [
        f"{warned}: step_amount: warning: gradient descent does not use it: it does nothing in this lesson",
        f"{warned}: zh.summary: warning: missing: students reading Chinese get this field in English",
        f"{warned}: zh.notice: warning: missing: students reading Chinese get this field in English",
        f"{warned}: en.notice: warning: {{rr}} is not a figure gradstep fills in (did you mean {{r}}?): it would "
        "show as written",
        f"{warned}: en.notice: warning: {{best_alpah}} is not a figure gradstep fills in (did you mean "
        "{best_alpha}?): it would show as written",
        f"{warned}: name: warning: 'alpha' is also the name of a built-in lesson: a student who leaves out "
        "--course or --lesson-file gets that one",
    ]
    assert lines[-1] == "1 file checked: 0 errors, 6 warnings"


def test_a_missing_chinese_table_is_a_warning(tmp_path):
    path = write(tmp_path, "english.toml", SOUND.split("[zh]")[0])
    result = gradstep("check", str(path), "--lang", "zh")
    assert result.status == 0
    assert result.out.splitlines()[0] == f"{path}：zh：警告：没有 [zh] 表：读中文的学生会看到英文"


def test_a_folder_is_checked_as_a_course(tmp_path):
    folder = tmp_path / "course"
    folder.mkdir()
    for number in range(1, 12):
        write(folder, f"{number:02}-lesson.toml", SOUND.replace('"sound"', f'"lesson{number}"'))
    write(folder, "12-twin.toml", SOUND.replace('"sound"', '"lesson3"'))
    empty = tmp_path / "empty"
    empty.mkdir()
    result = gradstep("check", str(folder), str(empty))
    assert result.status == 2
    lines = result.out.splitlines()
    assert f"{empty}: holds no lesson files (*.toml)" in lines
    assert f"{folder / '12-twin.toml'}: name: {folder / '03-lesson.toml'} gives the same name 'lesson3': " \
           "--lesson lesson3 could not tell them apart" in lines
    assert any(line.startswith(f"{folder}: warning: the app's lesson list opens lessons 1 to 10") and
               "11-lesson, 12-twin" in line and "10-lesson" not in line for line in lines)


def test_the_built_in_course_checks_clean_but_for_its_own_names():
    result = gradstep("check", str(COURSE_FOLDER))
    assert result.status == 0
    assert all("is also the name of a built-in lesson" in line for line in result.out.splitlines()[:-1])


def test_check_needs_a_path():
    result = gradstep("check")
    assert result.status == 2 and result.err.startswith("gradstep check: ")


def test_a_question_that_could_not_be_saved_fails_the_check(tmp_path):
    """A NaN or infinite tolerance or answer passed the check, then made every save fail."""
    text = SOUND + '[[questions]]\nat = 1\nanswer = 0.5\ntolerance = nan\n[questions.en]\nask = "Which?"\n'
    result = gradstep("check", str(write(tmp_path, "nan.toml", text)))
    assert result.status == 2
    assert "questions[1].tolerance: must be a finite number (got undefined)" in result.out


MANY = """
weights = 0.5
inputs = 2.0
goal = 0.8
locked = ["edit", "edti", "rule", "edit", "lesons"]
hide = ["forecast"]
[en]
title = "Many"
summary = "From {alpha to {alpha}."
notice = "Here r = {r}; {r_says}"
[zh]
title = "许多"
summary = "从 {alpha} 开始。"
notice = "r = {r}。"

[[questions]]
at = 0
answer = "up"
choices = ["up"]

[[questions]]
at = 1
answer = 0.4
[questions.en]
explain = "Because."

[[questions]]
at = 2
answer = "up"
choices = ["up", "down"]
tolerance = 0.1
[questions.en]
ask = "Which way from {wieght}?"
[questions.zh]
ask = "从 {weight} 往哪边？"
explain = "因为。"

[[questions]]
at = 3
answer = 0.1
[questions.en]
ask = "And {r}?"
explain = "It is {r}."
"""


def test_every_mistake_of_a_file_in_one_run(tmp_path):
    """A file's faults in every question, each bad word of a list, and its warnings beside
    its faults: one run, not one round per mistake."""
    path = write(tmp_path, "many.toml", MANY)
    result = gradstep("check", str(path))
    assert result.status == 2
    lines = [line.removeprefix(f"{path}: ") for line in result.out.splitlines()]
    assert lines == [
        "locked: 'edti' is not one of edit, rule, rate, lessons, predict (did you mean 'edit'?)",
        "locked: 'lesons' is not one of edit, rule, rate, lessons, predict (did you mean 'lessons'?)",
        "questions[1].choices: a choice question needs at least 2 choices, got 1",
        "questions[1].en: a question needs its words: ask = \"...\" in [questions.en] or [questions.zh]",
        "questions[2].en: a question needs its words: ask = \"...\" in [questions.en] or [questions.zh]",
        "locked: warning: 'edit' is given 2 times: once is enough",
        "questions[1].en.explain: warning: missing: nothing says why the answer is what it is",
        "questions[1].zh: warning: no [questions.zh] table: students reading Chinese get the question in English",
        "questions[2].zh: warning: no [questions.zh] table: students reading Chinese get the question in English",
        "questions[3].tolerance: warning: a choice is right or wrong: tolerance does nothing here",
        "questions[3].en.explain: warning: missing: students reading English get nothing here",
        "questions[4].zh: warning: no [questions.zh] table: students reading Chinese get the question in English",
        "en.summary: warning: a { or } without its other half, near 'From {alpha to {al': the braces and what is in "
        "them show as written",
        "en.notice: warning: {r} tells what hide = [\"forecast\"] keeps from the student",
        "en.notice: warning: {r_says} tells what hide = [\"forecast\"] keeps from the student",
        "zh.notice: warning: {r} tells what hide = [\"forecast\"] keeps from the student",
        "questions[3].en.ask: warning: {wieght} is not a figure gradstep fills in (did you mean {weight}?): it "
        "would show as written",
        "questions[4].en.ask: warning: {r} tells what hide = [\"forecast\"] keeps from the student",
        "1 file checked: 5 errors, 13 warnings",
    ]


def test_the_warnings_say_it_in_chinese_too(tmp_path):
    path = write(tmp_path, "many.toml", MANY)
    lines = gradstep("check", str(path), "--lang", "zh").out.splitlines()
    assert f"{path}：questions[1].choices：选择题至少要有 2 个选项，这里只有 1 个" in lines
    assert f"{path}：questions[3].tolerance：警告：选择题只有对错之分：tolerance 在这里不起作用" in lines
    assert f'{path}：en.notice：警告：{{r}} 会说出 hide = ["forecast"] 想对学生隐藏的内容' in lines


def test_a_brace_without_its_other_half_is_found_wherever_it_is():
    from gradstep.tui.command.check import unmatched_brace

    assert [unmatched_brace(text) for text in ("{a}", "a {b", "a} {b}", "{a {b}}", "{{a}}", "plain", "{a}}")] == \
        [None, 2, 1, 0, 0, None, 3]


def test_a_field_of_the_wrong_kind_does_not_hide_the_shapes_of_the_others(tmp_path):
    """A teacher's `alpha = "0.1"` hid that two weights had three inputs until it was fixed."""
    lesson = tmp_path / "bad.toml"
    lesson.write_text('name = "bad"\nweights = [0.1, 0.2]\ninputs = [1.0, 2.0, 3.0]\ngoal = 1.0\nalpha = "0.1"\n'
                      '[en]\ntitle = "t"\n[zh]\ntitle = "t"\n', encoding="utf-8")
    result = gradstep("check", str(lesson))
    assert result.status == 2
    assert "alpha: expected a number" in result.out + result.err
    assert "inputs: each weight needs exactly one input (weights: 2, inputs: 3)" in result.out + result.err


def test_a_lesson_that_locks_lessons_is_warned_of_in_both_languages(tmp_path):
    """A lesson locking `lessons` keeps the student in it: in a course, they never reach the next."""
    path = write(tmp_path, "kept.toml", SOUND.replace('alpha = 0.1\n', 'alpha = 0.1\nlocked = ["rate", "lessons"]\n'))
    result = gradstep("check", str(tmp_path), "--lang", "en")
    assert result.status == 0  # a warning, not an error
    assert (f"{path}: locked: warning: \"lessons\" is locked: the student cannot leave this lesson for another "
            "(l, and b at its start, are refused), so a course stops here") in result.out.splitlines()
    assert "0 errors, 1 warning" in result.out
    chinese = gradstep("check", str(path), "--lang", "zh").out
    assert f'{path}：locked：警告：锁定了 "lessons"：学生无法离开这一课去别的课' in chinese
    unlocked = write(tmp_path, "kept.toml", SOUND.replace('alpha = 0.1\n', 'alpha = 0.1\nlocked = ["rate"]\n'))
    assert "0 warnings" in gradstep("check", str(unlocked)).out


def test_an_explanation_may_name_what_the_lesson_hides_it_comes_after_the_answer(tmp_path):
    """A teacher's walk: {best_formula} in the explain of a lesson that hides the analysis was
    warned of, though the student reads it only once they have answered."""
    path = write(tmp_path, "tame.toml", """
name = "tame"
weights = [0.5]
inputs = [3]
goal = 0.8
alpha = 0.01
hide = ["analysis"]
[en]
title = "Tame it"
[zh]
title = "驯服"
[[questions]]
at = 0
answer = 0.1111
tolerance = 0.001
[questions.en]
ask = "Which alpha lands in one step? Not {best_alpha}."
explain = "r = 1 - alpha x {input}^2 is 0 at alpha = {best_formula}."
[questions.zh]
ask = "alpha 取多少时一步就能到位？"
explain = "alpha = {best_formula} 时 r 为 0。"
""")
    result = gradstep("check", str(path))
    assert result.status == 0
    assert [line.removeprefix(f"{path}: ") for line in result.out.splitlines()] == [
        "questions[1].en.ask: warning: {best_alpha} tells what hide = [\"analysis\"] keeps from the student",
        "1 file checked: 0 errors, 1 warning"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_toml_mistake_is_told_at_its_line_and_column_with_the_lines_text(tmp_path, language):
    """A teacher's typo read only "not valid TOML", and "at end of document" mistakes not even
    a line: the file had to be bisected by hand. tomllib's line and column, the line itself."""
    typo = write(tmp_path, "typo.toml", SOUND.replace("alpha = 0.1", "alpha = = 0.1"))
    number = SOUND.splitlines().index("alpha = 0.1") + 1
    result = gradstep("check", str(typo), "--lang", language)
    assert result.status == 2
    told = {"en": f"{typo}: not valid TOML at line {number}, column 9: 'alpha = = 0.1'",
            "zh": f"{typo}：不是有效的 TOML：第 {number} 行第 9 列：“alpha = = 0.1”"}[language]
    assert result.out.splitlines()[0] == told
    left_open = write(tmp_path, "open.toml", "goal = 0.8\nweights = [0.5,\n\n")  # tomllib: "at end of document"
    result = gradstep("check", str(left_open), "--lang", language)
    told = {"en": "at line 2: 'weights = [0.5,'", "zh": "在第 2 行：“weights = [0.5,”"}[language]
    assert result.status == 2 and result.out.splitlines()[0].endswith(told)


def test_a_toml_mistake_after_a_line_separator_quotes_the_line_tomllib_counts():
    """U+2028 inside a string is no line end to tomllib; splitlines took it for one and quoted
    the line before the mistake."""
    from gradstep.core.lesson_files import lesson_from_text
    from gradstep.core.lessons import LessonError

    text = 'name = "a\u2028b"\nb = 1\nc = = 2\n'
    with pytest.raises(LessonError) as caught:
        lesson_from_text(text, "x.toml", source="file")
    assert "c = = 2" in str(caught.value.values)


def test_a_reason_for_a_lock_the_lesson_does_not_have_is_warned_of(tmp_path):
    """why_rate in a lesson that does not lock rate is never said: the teacher hears so."""
    reasons = SOUND.replace('teaches = "With', 'why_rate = "Alpha stays {alpha}."\nteaches = "With').replace(
        'teaches = "alpha', 'why_rate = "α 不变。"\nteaches = "alpha')
    path = write(tmp_path, "why.toml", reasons)
    result = gradstep("check", str(path), "--lang", "en")
    assert result.status == 0  # a warning, not an error
    assert (f"{path}: en.why_rate: warning: says why 'rate' is locked, but the lesson does not lock it "
            "(locked = [...]): no student will see it") in result.out.splitlines()
    assert "0 errors, 2 warnings" in result.out  # the English reason and the Chinese
    locked = write(tmp_path, "why.toml", reasons.replace('alpha = 0.1\n', 'alpha = 0.1\nlocked = ["rate"]\n'))
    assert "0 warnings" in gradstep("check", str(locked)).out
