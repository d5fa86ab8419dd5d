"""`gradstep check`: every mistake in several files at once, a line each, and warnings."""

from gradstep.core.lessons import COURSE_FOLDER

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
        f"{broken}: not valid TOML",
    ]
    for line, start in zip(lines, expected):
        assert line.startswith(start), (line, start)
    assert not any(str(sound) in line for line in lines[:-1])
    assert lines[-1] == "3 files checked: 9 errors, 0 warnings"


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
    assert lines[-1] == "1 files checked: 0 errors, 6 warnings"


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
    assert any(line.startswith(f"{folder}: warning: the app's lesson list opens lessons 1 to 9") and
               "10-lesson, 11-lesson, 12-twin" in line for line in lines)


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
