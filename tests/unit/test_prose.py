"""The lesson's words are true of the problem on screen: figures are filled in from it,
and what a run does is said only once it has happened."""

import pytest
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES, course, find_lesson
from gradstep.core.numbers import readable
from gradstep.tui.words.prose import PLACEHOLDER, PLACEHOLDERS, commentary, facts, fill, opening, r_says
from gradstep.tui.words.worked import worked_step

LESSONS = [lesson.name for lesson in course()]


def words_for(name: str, language: str = "en", **changes) -> str:
    lesson = find_lesson(name)
    problem = lesson.problem.replace(**changes) if changes else lesson.problem
    return " ".join(opening(lesson, History.start(problem), language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", LESSONS)
def test_every_placeholder_of_the_course_is_filled(name, language):
    assert "{" not in words_for(name, language)
    lesson = find_lesson(name)
    used = PLACEHOLDER.findall(lesson.texts[language].teaches + lesson.texts[language].notice)
    known = facts(lesson.problem, language)
    assert [name for name in used if known[name] == "?"] == []  # "?": a figure this problem lacks


@pytest.mark.parametrize("name", LESSONS)
def test_the_opening_does_not_tell_the_errors_still_to_come(name):
    problem = find_lesson(name).problem
    later = {readable(error) for error in History.start(problem).jump(5).errors[1:]}
    said = set(words_for(name).replace(",", " ").replace(":", " ").split())
    assert not later & said - {"0"}  # "0" is the goal of every miss; a figure still to come is not


@pytest.mark.parametrize(("name", "changes", "present", "absent"), [
    ("measure-error", {"weights": (0.5,)}, ["1 x 0.5 = 0.5", "1.5^2 = 2.25"], ["0.01"]),
    ("gradient-descent", {"alpha": 0.5}, ["1 - 0.5 x 1^2 = 0.5", "0 < r < 1"], ["r = 0:"]),
    ("error-curve", {"alpha": 0.5}, ["r = 1 - 0.5 x 0.5^2 = 0.875"], ["0.75"]),
    ("divergence", {"alpha": 0.01}, ["1 - 1 = 0 times", "r = 0: the first step lands"], ["-99", "9801"]),
    ("alpha", {"alpha": 0.25}, ["r = 1 - 0.25 x 2^2 = 0", "lands exactly"], ["0.6", "0.36"]),
    ("alpha", {"inputs": (4.0,)}, ["1/4^2 = 0.0625", "2/4^2 = 0.125", "r = 1 - 0.1 x 4^2 = -0.6"], ["0.25"]),
    ("multi-weight", {"alpha": 0.02}, ["1 - 0.02 x 74.1125 = -0.48225", "zig-zagging"], ["0.258875"]),
    ("hot-cold", {"step_amount": 0.2}, ["1.5 away: 7.5 steps of 0.2"], ["15 steps"]),
])
def test_figures_follow_the_problem_on_screen(name, changes, present, absent):
    text = words_for(name, **changes)
    for words in present:
        assert words in text
    for words in absent:
        assert words not in text


def test_chinese_figures_use_the_times_sign():
    assert "r = 1 - 0.1 × 2^2 = 0.6" in words_for("alpha", "zh")
    assert facts(find_lesson("alpha").problem, "zh")["r_formula"] == "1 - 0.1 × 2^2 = 0.6"


def test_a_teachers_unknown_braces_stay_as_written():
    assert fill("{r} and {nope} and {", {"r": "0.6"}) == "0.6 and {nope} and {"
    assert {"r", "r_formula", "best_alpha", "edge", "predicts", "bottom"} <= set(PLACEHOLDERS)


@pytest.mark.parametrize(("alpha", "words"), [(0.1, "0 < r < 1"), (0.25, "r = 0"), (0.375, "-1 < r < 0"),
                                              (0.5, "r = -1"), (1.0, "|r| > 1")])
def test_r_says_what_this_r_does(alpha, words):
    assert r_says(find_lesson("alpha").problem.replace(alpha=alpha), "en").startswith(words)


def story(name: str, steps: int, **changes) -> str:
    problem = find_lesson(name).problem.replace(**changes)
    return " ".join(commentary(History.start(problem).jump(steps), "en"))


def test_hot_and_cold_says_where_rounding_decided_only_once_it_did():
    assert story("hot-cold", 15) == ""
    told = story("hot-cold", 17)
    assert "At iteration 15 it stood on the goal -1 (error 1.2e-32" in told and "rounding made down win" in told
    assert "Since iteration 15 it bounces between -1 and -1.1" in told


def test_hot_and_cold_with_a_step_that_cannot_land_says_where_it_bounces():
    told = story("hot-cold", 12, step_amount=0.2)
    assert "Since iteration 7 it bounces between -0.9 and -1.1" in told and "rounding" not in told


def test_gradient_descent_says_where_it_landed_or_stopped_moving():
    assert story("gradient-descent", 1) == "" and "Landed at iteration 1" in story("gradient-descent", 2)
    assert "Since iteration 123 the weight no longer changes" in story("error-curve", 124)
    assert "4.93e-32" in story("error-curve", 124) and story("error-curve", 123).startswith("Last step")
    assert "x 0.36, which is r^2 = 0.6^2" in story("alpha", 3)


def test_the_worked_step_shows_the_logs_digits_and_says_where_rounding_decided():
    history = History.start(find_lesson("hot-cold").problem).jump(16)
    lines = worked_step(history, "en")
    assert not any("0000000" in line or "9999999" in line for line in lines)
    assert "(the prediction is not quite -1: float rounding leaves an error of 1.2e-32" in " ".join(lines)
    assert "(up and down differ only by float rounding, 4.3e-17: down won)" in " ".join(lines)
    assert not any("rounding" in line for line in worked_step(history.step(), "en"))
