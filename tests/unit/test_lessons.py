"""The course as data, and a teacher's own lesson files."""

import pytest
from gradstep.core.courses import course, course_names
from gradstep.core.lesson_files import load_lesson_file
from gradstep.core.lessons import LANGUAGES, LessonError
from gradstep.tui.words.say import explain

from ..helpers import gradstep

NAMES = ["measure-error", "hot-cold", "gradient-descent", "error-curve", "divergence", "alpha", "multi-weight",
         "freeze-weight", "several-outputs", "weight-matrix"]


def test_the_course_has_the_ten_lessons_in_order():
    assert [lesson.name for lesson in course()] == NAMES


def test_the_course_names_read_from_its_file_names_are_its_lessons_names():
    """course_names() answers from the file names alone, so each file is named after its lesson."""
    assert list(course_names()) == [lesson.name for lesson in course()] == NAMES


@pytest.mark.parametrize("lesson", course(), ids=lambda lesson: lesson.name)
def test_every_lesson_speaks_both_languages(lesson):
    for language in LANGUAGES:
        text = lesson.texts[language]
        assert text.title and text.summary and text.teaches and text.notice
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in lesson.texts["en"].teaches)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lesson.texts["zh"].teaches)


GOOD = """
name = "mine"
weights = 0.5
inputs = 2.0
goal = 0.8
alpha = 0.05
tutorial_steps = 3
[en]
title = "My lesson"
"""


def write(tmp_path, text: str):
    path = tmp_path / "lesson.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_teachers_file_loads_and_runs(tmp_path):
    path = write(tmp_path, GOOD)
    lesson = load_lesson_file(path)
    assert (lesson.name, lesson.problem.alpha, lesson.tutorial_steps) == ("mine", 0.05, 3)
    assert lesson.text("zh").title == "My lesson"  # falls back to English
    result = gradstep("run", "--lesson-file", str(path), "--format", "jsonl")
    assert len(result.out.splitlines()) == 3


def test_a_file_without_a_name_takes_its_file_name(tmp_path):
    path = write(tmp_path, "weights = 1\ninputs = 1\ngoal = 0\n")
    assert load_lesson_file(path).name == "lesson"


FAULTS = {
    "missing goal": (GOOD.replace("goal = 0.8\n", ""), "goal: missing"),
    "text for a number": (GOOD.replace("goal = 0.8", 'goal = "0.8"'), "goal: expected a number, got text '0.8'"),
    "lengths differ": (GOOD.replace("weights = 0.5", "weights = [0.5, 0.1]"), "each weight needs exactly one input"),
    "alpha zero": (GOOD.replace("alpha = 0.05", "alpha = 0"), "alpha: must be greater than 0"),
    "alpha negative": (GOOD.replace("alpha = 0.05", "alpha = -1.0"), "alpha: must be greater than 0"),
    "step amount zero": (GOOD.replace("alpha = 0.05", 'method = "hot-cold"\nstep_amount = 0.0'),
                         "step_amount: must be greater than 0"),
    "not finite": (GOOD.replace("goal = 0.8", "goal = inf"), "goal: must be a finite number"),
    "nan": (GOOD.replace("alpha = 0.05", "alpha = nan"), "alpha: must be a finite number"),
    "unknown field": (GOOD.replace("alpha =", "alhpa ="), "alhpa: unknown field (did you mean 'alpha'?)"),
    "bad toml": (GOOD.replace("goal = 0.8", "goal = "), "not valid TOML"),
    "bad steps": (GOOD.replace("tutorial_steps = 3", "tutorial_steps = 0"), "tutorial_steps: expected a whole number"),
    "empty list": (GOOD.replace("weights = 0.5", "weights = []"), "weights: the list is empty"),
    "boolean": (GOOD.replace("goal = 0.8", "goal = true"), "goal: expected a number, got true/false"),
    "text table wrong": (GOOD.replace('title = "My lesson"', 'title = 3'), "en.title: expected some text"),
}


@pytest.mark.parametrize(("text", "fault"), FAULTS.values(), ids=FAULTS.keys())
def test_a_faulty_file_is_refused_naming_file_field_and_fault(tmp_path, text, fault):
    path = write(tmp_path, text)
    with pytest.raises(LessonError) as caught:
        load_lesson_file(path)
    message = explain("en", caught.value)
    assert message.startswith(f"{path}: ") and fault in message and "\n" not in message
    chinese = explain("zh", caught.value)
    assert chinese.startswith(f"{path}：") and "\n" not in chinese
    result = gradstep("run", "--lesson-file", str(path))
    assert result.status == 2 and result.out == "" and fault in result.err


@pytest.mark.parametrize(("content", "fault"), [(b"\xff\xfe", "not a text file"), (None, "is a folder")])
def test_unreadable_files_are_refused(tmp_path, content, fault):
    path = tmp_path / "lesson.toml"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(LessonError) as caught:
        load_lesson_file(path)
    assert fault in explain("en", caught.value)


@pytest.mark.slow  # a fresh interpreter, beside the everyday one that does (test_import_hygiene): in CI
def test_what_a_lesson_is_is_apart_from_reading_files_and_listing_the_course():
    """core/lessons.py is the model; lesson_files.py reads and checks, courses.py lists: a
    save or a screen that needs only a Lesson loads neither TOML nor the course."""
    import subprocess
    import sys

    script = ("import sys, gradstep.core.lessons; print(sorted(m for m in ('tomllib', 'gradstep.core.lesson_files',"
              " 'gradstep.core.courses') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("lesson", [lesson for lesson in course() if lesson.name in ("divergence", "alpha")],
                         ids=lambda lesson: lesson.name)
def test_an_edge_question_asks_for_the_edge_not_any_alpha_past_it(lesson):
    """'Below which alpha would this run converge?' is true of 0.01 as of 0.02, yet only 0.02
    was right: a student who answered 0.01 was told 'Not quite'. The question names the one
    value it wants, the limit, in both languages."""
    edge = lesson.questions[-1]  # the last question of each asks for the edge
    english, chinese = edge.texts["en"].ask, edge.texts["zh"].ask
    assert not english.startswith(("Below which", "Above which"))
    assert "limit" in english and ("largest" in english or "smallest" in english)
    assert "界限" in chinese and ("最大" in chinese or "最小" in chinese)


def test_a_question_that_names_a_weight_wij_says_what_it_is_before_its_choices():
    """Lesson 9's first question, asked before the lesson's words, offered "w1,1 / w2,1 /
    w3,1": the notation was explained only after it, in the text the question stood over."""
    import re

    for lesson in course():
        for question in lesson.questions:
            for language in LANGUAGES:
                words = question.text(language)
                if any(re.search(r"\bw\d,\d", choice) for choice in words.choices):
                    assert "wi,j" in words.ask, (lesson.name, language, words.ask)
