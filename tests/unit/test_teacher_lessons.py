"""A teacher's lessons: the rules a file sets (locked, hide, predict), plain names, and a
course folder of their own, on the command line and in line mode."""

import dataclasses
import io

import pytest
from gradstep.core.courses import load_course
from gradstep.core.lesson_files import load_lesson_file
from gradstep.core.lessons import LessonError
from gradstep.core.refusals import Refusal
from gradstep.core.saving import load, save
from gradstep.core.session import Session
from gradstep.tui.plain.lines import run_lines
from gradstep.tui.words.say import explain

from ..helpers import gradstep

LESSON = """
name = "{name}"
weights = 0.5
inputs = 2.0
goal = 0.8
alpha = 0.1
{extra}
[en]
title = "Lesson {name}"
summary = "About {name}."
[zh]
title = "第 {name} 课"
summary = "关于 {name}。"
"""


def lesson_file(folder, file_name: str, name: str, extra: str = ""):
    path = folder / file_name
    path.write_text(LESSON.format(name=name, extra=extra), encoding="utf-8")
    return path


def test_a_file_sets_what_is_locked_hidden_and_whether_to_predict(tmp_path):
    path = lesson_file(tmp_path, "a.toml", "rules", 'locked = ["edit", "rate", "edit"]\nhide = ["forecast"]\n'
                                                   "predict = true")
    lesson = load_lesson_file(path)
    assert (lesson.locked, lesson.hidden, lesson.predict) == (("edit", "rate"), ("forecast",), True)
    plain = load_lesson_file(lesson_file(tmp_path, "b.toml", "plain"))
    assert (plain.locked, plain.hidden, plain.predict) == ((), (), False)


def test_the_rules_survive_a_save_and_resume(tmp_path):
    lesson = load_lesson_file(lesson_file(tmp_path, "a.toml", "rules", 'locked = ["rule"]\nhide = ["analysis"]\n'
                                                                       "predict = true"))
    save(Session.begin(lesson).step(), tmp_path / "session.json")
    resumed = load(tmp_path / "session.json")[0].lesson
    assert (resumed.locked, resumed.hidden, resumed.predict) == (("rule",), ("analysis",), True)


@pytest.mark.parametrize(("extra", "fault"), [
    ('locked = ["edti"]', "locked: 'edti' is not one of edit, rule, rate, lessons, predict (did you mean 'edit'?)"),
    ('locked = "edit"', "locked: expected a list of words from edit, rule, rate, lessons, predict, got text 'edit'"),
    ('hide = ["r"]', "hide: 'r' is not one of analysis, forecast, worked-step"),
    ("predict = 1", "predict: expected true or false, got a number 1"),
])
def test_bad_rules_are_refused_naming_the_field(tmp_path, extra, fault):
    with pytest.raises(LessonError) as caught:
        load_lesson_file(lesson_file(tmp_path, "a.toml", "x", extra))
    assert fault in explain("en", caught.value)
    assert "\n" not in explain("zh", caught.value)


@pytest.mark.parametrize("name", ["x/../../escaped", "../up", ".hidden", "a b", "x" * 41, "tab\there"])
def test_a_lesson_name_must_be_plain(tmp_path, name):
    path = tmp_path / "a.toml"
    path.write_text(f'name = {name!r}\nweights = 1\ninputs = 1\ngoal = 0\n'.replace("'", '"'))
    result = gradstep("run", "--lesson-file", str(path))
    assert result.status == 2 and "a lesson's name is 1 to 40 letters, digits, - or _" in result.err


def test_a_file_name_that_is_no_plain_name_needs_a_name_field(tmp_path):
    path = tmp_path / "my lesson.toml"
    path.write_text("weights = 1\ninputs = 1\ngoal = 0\n")
    with pytest.raises(LessonError) as caught:
        load_lesson_file(path)
    assert caught.value.field == "name" and caught.value.key == "lesson.bad_name"


def course_folder(tmp_path):
    folder = tmp_path / "course"
    folder.mkdir()
    lesson_file(folder, "02-second.toml", "second")
    lesson_file(folder, "01-first.toml", "first")
    lesson_file(folder, "10-third.toml", "third", "alpha = 0.05".replace("alpha", "step_amount"))
    (folder / "notes.txt").write_text("not a lesson")
    return folder


def test_a_course_folder_is_its_lessons_in_file_name_order(tmp_path):
    folder = course_folder(tmp_path)
    assert [lesson.name for lesson in load_course(folder)] == ["first", "second", "third"]
    lines = gradstep("lessons", "--course", str(folder)).out.splitlines()
    assert [line.split()[:2] for line in lines] == [["1", "first"], ["2", "second"], ["3", "third"]]
    assert "About second." in lines[1]


@pytest.mark.parametrize("missing, language", [("zh", "en"), ("zh", "zh"), ("en", "en"), ("en", "zh")])
def test_a_course_lesson_in_one_language_only_is_listed_with_what_it_lacks(tmp_path, missing, language):
    folder = tmp_path / "course"
    folder.mkdir()
    text = LESSON.format(name="half", extra="")
    english, chinese = text.index("[en]"), text.index("[zh]")
    text = text[:chinese] if missing == "zh" else text[:english] + text[chinese:]
    (folder / "a.toml").write_text(text, encoding="utf-8")
    result = gradstep("lessons", "--course", str(folder), "--lang", language)
    assert result.status == 0 and result.err == ""
    lacks = {("zh", "en"): "no Chinese text", ("zh", "zh"): "缺中文译文",
             ("en", "en"): "no English text", ("en", "zh"): "缺英文译文"}[missing, language]
    assert result.out.split()[:2] == ["1", "half"] and lacks in result.out


def test_lesson_name_chooses_from_the_course(tmp_path):
    folder = course_folder(tmp_path)
    result = gradstep("run", "--course", str(folder), "--lesson", "second", "--steps", "1", "--format", "csv")
    assert result.status == 0 and ",second,gd," in result.out
    missing = gradstep("run", "--course", str(folder), "--lesson", "alpha")
    assert missing.status == 2 and "unknown lesson 'alpha'" in missing.err and "first, second, third" in missing.err


@pytest.mark.parametrize("setup", ["missing", "empty", "same names"])
def test_a_course_that_cannot_be_used_is_one_line_and_exit_two(tmp_path, setup):
    folder = tmp_path / "course"
    if setup != "missing":
        folder.mkdir()
    if setup == "same names":
        lesson_file(folder, "1.toml", "twice")
        lesson_file(folder, "2.toml", "twice")
    result = gradstep("lessons", "--course", str(folder))
    assert result.status == 2 and len(result.err.splitlines()) == 1
    assert {"missing": "no such folder", "empty": "holds no lesson files",
            "same names": "gives the same name 'twice'"}[setup] in result.err


def test_lesson_file_may_be_given_more_than_once_and_a_clash_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr("sys.stdin", io.StringIO("l\nq\n"))
    first = lesson_file(tmp_path, "a.toml", "mine")
    clash = lesson_file(tmp_path, "b.toml", "alpha")
    result = gradstep("--line", "--lesson-file", str(first), "--lesson-file", str(clash), "--lang", "en")
    assert result.status == 0 and "mine: Lesson mine" in result.out
    assert "11  mine: Lesson mine\n12  alpha: Lesson alpha" in result.out  # after the built-in course
    assert f"{clash}: name: 'alpha' is also the name of a built-in lesson" in result.err


def run_line_mode(lesson, keys: str, lessons=None) -> str:
    out = io.StringIO()
    run_lines(Session.begin(lesson), "en", io.StringIO(keys), out, lessons=lessons)
    return out.getvalue()


def test_line_mode_refuses_what_is_locked(tmp_path):
    lesson = load_lesson_file(lesson_file(tmp_path, "a.toml", "locked", 'locked = ["rate", "rule", "lessons"]'))
    shown = run_line_mode(lesson, "+\nm\nl\nl 2\n\nq\n")
    assert shown.count("Your teacher has locked changing alpha (and the step) in this lesson.") == 1
    assert "Your teacher has locked switching the rule in this lesson." in shown
    assert shown.count("Your teacher has locked the lesson list: this lesson stays.") == 2
    assert "#0->#1: prediction = 2 x 0.5 = 1" in shown  # stepping still works


def test_line_mode_hides_what_the_teacher_hides(tmp_path):
    open_lesson = load_lesson_file(lesson_file(tmp_path, "a.toml", "open"))
    hidden = load_lesson_file(lesson_file(tmp_path, "b.toml", "hidden",
                                          'hide = ["analysis", "forecast", "worked-step"]'))
    shown, kept = run_line_mode(open_lesson, "\n\nq\n"), run_line_mode(hidden, "\n\nq\n")
    for text in ("r = 1 - 0.1 x 2^2 = 0.6", "best alpha", "more steps to error", "weight = 0.5 - 0.1 x 0.4"):
        assert text in shown and text not in kept
    assert "x 0.36, which is r^2" in shown and "x 0.36." in kept and "r^2" not in kept


def test_line_mode_lists_the_teachers_course(tmp_path):
    lessons = load_course(course_folder(tmp_path))
    shown = run_line_mode(lessons[0], "l\nl 3\nq\n", lessons)
    assert "1  first: Lesson first\n2  second: Lesson second\n3  third: Lesson third" in shown
    assert shown.split("(iteration 0)")[1].lstrip().startswith("third: Lesson third")


def test_check_unlocked_refuses_only_what_is_locked(tmp_path):
    lesson = load_lesson_file(lesson_file(tmp_path, "a.toml", "x", 'locked = ["edit"]'))
    lesson.check_unlocked("rule")
    with pytest.raises(Refusal) as caught:
        lesson.check_unlocked("edit")
    assert explain("zh", caught.value) == "老师设定本课不能编辑数字。"


def test_b_at_iteration_0_does_not_leave_a_lesson_that_locks_the_list(tmp_path):
    """b over a change of lesson would be a way round the lock: refused, as l is."""
    free = load_lesson_file(lesson_file(tmp_path, "a.toml", "free"))
    kept = load_lesson_file(lesson_file(tmp_path, "b.toml", "kept", 'locked = ["lessons"]'))
    session = Session.begin(free).with_lesson(kept)
    with pytest.raises(Refusal) as caught:
        session.step_back()
    assert explain("en", caught.value) == "Your teacher has locked the lesson list: this lesson stays."
    assert session.step().step_back().history.iteration == 0  # stepping back within the lesson still works
    assert session.with_rate(1).step_back().lesson is kept  # and so does undoing a change in it
    assert Session.begin(kept).with_lesson(free).step_back().lesson is kept  # the free lesson may go back


def test_predict_mode_set_by_a_lesson_stays_with_that_lesson(tmp_path):
    plain = load_lesson_file(lesson_file(tmp_path, "a.toml", "plain"))
    asks = load_lesson_file(lesson_file(tmp_path, "b.toml", "asks", "predict = true"))
    never = load_lesson_file(lesson_file(tmp_path, "c.toml", "never", 'locked = ["predict"]'))
    assert asks.predicting_from(plain, False) is True
    assert plain.predicting_from(asks, True) is False  # the mode was the lesson's, not the student's
    assert plain.predicting_from(plain, True) is True  # the student's own choice carries over
    assert never.predicting_from(plain, True) is False  # locked off in the next lesson


def test_line_mode_takes_each_lessons_own_rules(tmp_path):
    lessons = (load_lesson_file(lesson_file(tmp_path, "a.toml", "plain")),
               load_lesson_file(lesson_file(tmp_path, "b.toml", "asks", "predict = true")),
               load_lesson_file(lesson_file(tmp_path, "c.toml", "kept", 'locked = ["lessons"]')))
    shown = run_line_mode(lessons[0], "l 3\nb\nq\n", lessons)
    assert "Your teacher has locked the lesson list: this lesson stays." in shown
    shown = run_line_mode(lessons[1], "l 1\n\nq\n", lessons)
    assert "What will the weight be" not in shown.split("plain: Lesson plain")[-1]  # predict mode stayed behind
    assert "#0->#1: prediction = 2 x 0.5 = 1" in shown


def test_a_summary_names_the_figures_of_the_lessons_start(tmp_path):
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "a.toml").write_text(LESSON.format(name="first", extra="").replace(
        'summary = "About first."', 'summary = "Alpha {alpha}, best {best_alpha}; {alpha"'))
    result = gradstep("lessons", "--course", str(folder))
    assert "Alpha 0.1, best 0.25; {alpha" in result.out and "{alpha}" not in result.out


def test_flags_that_change_a_lessons_numbers_leave_its_questions_out(tmp_path, monkeypatch):
    """--lesson alpha --input 3: the question's answer (alpha 0.25 lands in one step) holds
    for input 2 only, so it is not asked; the lesson's own numbers keep their questions."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    other = gradstep("--line", "--lesson", "alpha", "--input", "3").out
    assert "Which alpha makes this land in one step?" not in other and "input 3" in other
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    own = gradstep("--line", "--lesson", "alpha", "--alpha", "0.1").out  # the lesson's own alpha
    assert "Which alpha makes this land in one step?" in own


def test_a_lock_says_the_lessons_reason_for_it_in_the_app_and_line_mode(tmp_path):
    """"The course has locked switching the rule in this lesson" told a student in lesson 2
    nothing of why. A lesson's reason for a lock (`why_rate`, `why_rule`, ...), in each language,
    is said after that lock's refusal, its figures filled in; another lock's refusal and a
    refusal of another kind are said as before."""
    from gradstep.core.controller import moves
    from gradstep.core.courses import find_lesson
    from gradstep.tui.words.prose import refused

    path = tmp_path / "why.toml"
    path.write_text('name = "why"\nweights = 0.5\ninputs = 2.0\ngoal = 0.8\nlocked = ["rate"]\n'
                    '[en]\ntitle = "Why"\nwhy_rate = "Alpha stays {alpha} so that all of you compare one run."\n'
                    '[zh]\ntitle = "为什么"\nwhy_rate = "学习率 α 固定为 {alpha}，大家比较同一次运行。"\n', encoding="utf-8")
    lesson = load_lesson_file(path)
    session = Session.begin(lesson)
    rate = moves(session)["rate(1)"].refusal
    assert refused(rate, lesson, session.problem, "en") == (
        "Your teacher has locked changing alpha (and the step) in this lesson. Alpha stays 1 so that all of you compare one run.")
    assert refused(rate, lesson, session.problem, "zh") == "老师设定本课不能调整学习率 α（和步长）。学习率 α 固定为 1，大家比较同一次运行。"
    assert "Alpha stays 1 so that all of you compare one run." in " ".join(run_line_mode(lesson, "+\nq\n").split())
    both = dataclasses.replace(lesson, locked=("rate", "lessons"))
    listed = moves(Session.begin(both))["lessons"].refusal
    assert refused(listed, both, session.problem, "en") == explain("en", listed)  # its reason is alpha's, not the list's
    assert refused(Refusal("cannot_step"), lesson, session.problem, "en") == explain("en", Refusal("cannot_step"))
    for name in ("measure-error", "hot-cold"):  # the course's own locks say why too
        course_lesson = find_lesson(name)
        course_session = Session.begin(course_lesson)
        rule = moves(course_session)["rule"].refusal
        for language in ("en", "zh"):
            why = course_lesson.text(language).why_rule
            assert why and refused(rule, course_lesson, course_session.problem, language).endswith(why)
