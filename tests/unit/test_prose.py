"""The lesson's words are true of the problem on screen: figures are filled in from it,
and what a run does is said only once it has happened."""

import dataclasses
import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from gradstep.core import analysis
from gradstep.core.analysis import Regime
from gradstep.core.history import History
from gradstep.core.courses import course, find_lesson
from gradstep.core.lesson_files import load_lesson_file
from gradstep.core.lessons import LANGUAGES
from gradstep.core.numbers import readable
from gradstep.core.problem import GRADIENT_DESCENT, Problem
from gradstep.core.session import Session
from gradstep.tui.words.prose import (
    PLACEHOLDER,
    PLACEHOLDERS,
    blows_up,
    commentary,
    facts,
    fill,
    frozen_curve,
    notice,
    opening,
    r_says,
    start_to_goal,
    try_alphas,
    tutorial_end,
)
from gradstep.tui.words.catalogue import SENTENCE_KEYS, SENTENCES
from gradstep.tui.words.figures import carried, r_value
from gradstep.tui.words.readout import on_goal_label, readout_lines
from gradstep.tui.words.say import say
from gradstep.tui.words.wrap import width, wrap
from gradstep.tui.words.worked import worked_step

from ..strategies import examples, problems

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TEACHING = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")

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
    assert "At iteration 15 it should have landed on the goal weight -1: the start is exactly 15 steps of 0.1" in told
    assert ("came to -0.9999999999999999, a hair (1.1102e-16) off -1, and that hair decided: down's error came out"
            " 4.3368e-17 less than up's") in told
    assert "Since iteration 15 it bounces between -1 and -1.1" in told and "not a whole number" not in told


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("changes", [{}, {"goal": 0.5, "step_amount": 0.2}])
def test_the_rounding_sentence_names_what_each_of_its_figures_measures(changes, language):
    """Lesson 2's bounce said "a hair off -1, and down won by that hair (4.3e-17)": the hair
    off -1 is 1.1e-16, so what 4.3e-17 measured could not be told. The weight's hair off the
    goal weight and the gap between up's and down's errors are each named beside their figure;
    from the goal itself, where the weight is on it, the gap alone."""
    history = History.start(find_lesson("hot-cold").problem.replace(**changes)).jump(17)
    step = history.record(history.landmarks.rounding_at)
    gap = readable(abs(step.up_error - step.down_error))
    hair = readable(abs(float(step.weights[0]) - -1.0))
    told = " ".join(commentary(history, language))
    said = {("en", False): f"a hair ({hair}) off -1, and that hair decided: down's error came out {gap} less than up's",
            ("zh", False): f"和 -1 差了一丝（{hair}）；就是这一丝，让向下的误差比向上的小了 {gap}，向下胜出",
            ("en", True): f"up's error came out a hair ({gap}) less than down's, and the weight left the goal",
            ("zh", True): f"向上的误差比向下的小了一丝（{gap}），权重又离开了目标"}[language, bool(changes)]
    assert said in told, told
    assert hair != gap or changes


def test_hot_and_cold_with_a_step_that_cannot_land_says_where_it_bounces():
    told = story("hot-cold", 12, step_amount=0.2)
    assert "Since iteration 7 it bounces between -0.9 and -1.1" in told and "rounding" not in told
    assert "the goal weight -1 is 7.5 steps of 0.2 from the start, not a whole number" in told


def hot_cold_story(steps: int, language: str, **changes) -> tuple[History, str]:
    problem = find_lesson("hot-cold").problem.replace(**changes)
    history = History.start(problem).jump(steps)
    return history, " ".join(commentary(history, language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step_amount", [0.1, 0.2, 0.3, 0.25, 0.5, 0.75, 1.5, 0.4, 0.6])
def test_hot_and_cold_lands_only_a_whole_number_of_steps_away_and_says_why(step_amount, language):
    history, told = hot_cold_story(40, language, step_amount=step_amount)
    whole = analysis.hot_cold_whole_steps(history.problem)
    landed = analysis.hot_cold_arrival(history.problem).regime is Regime.LANDED
    steps = readable(1.5 / step_amount, 4)
    whole_en = f"{steps} {'step' if steps == '1' else 'steps'} of {readable(step_amount)}"  # 1.5 is one step of 1.5
    words = {"en": {"landed": "Landed on the goal weight -1", "whole": whole_en,
                    "not_whole": "not a whole number", "paper": "should have landed"},
             "zh": {"landed": "次迭代落在目标权重 -1 上", "whole": f"{steps} 个 {readable(step_amount)}",
                    "not_whole": "不是整数", "paper": "本该正好落在"}}[language]
    assert (words["landed"] in told) == landed  # it says it landed exactly when it did
    if whole is None:
        assert not landed and words["not_whole"] in told and words["paper"] not in told
        assert f"{steps} " in told  # the count of steps that is not whole, in figures
    else:
        assert words["not_whole"] not in told and words["whole"] in told
        assert landed or words["paper"] in told  # a whole count either lands or says rounding pushed it off
    assert "float" not in told and "浮点" not in told  # rounding in plain words, not in jargon


def test_whole_numbers_of_steps_are_counted_on_paper():
    problem = find_lesson("hot-cold").problem
    assert analysis.hot_cold_whole_steps(problem) == 15  # 1.5 / 0.1, though 0.1 has no exact binary form
    assert analysis.hot_cold_whole_steps(problem.replace(step_amount=0.5)) == 3
    assert analysis.hot_cold_whole_steps(problem.replace(step_amount=0.2)) is None  # 7.5
    assert analysis.hot_cold_whole_steps(problem.replace(inputs=(0.0,))) is None


def test_the_teachers_guide_names_every_placeholder_a_lesson_may_use():
    named = set(re.findall(r"`\{(\w+)\}`", TEACHING))
    assert set(PLACEHOLDERS) <= named


def test_the_teachers_guides_question_loads_as_a_lesson_and_fills_its_figures(tmp_path):
    block = TEACHING.split("    [[questions]]", 1)[1].split("\n\n", 1)[0]
    table = "\n".join(line.removeprefix("    ") for line in ("    [[questions]]" + block).splitlines())
    path = tmp_path / "q.toml"
    path.write_text("weights = 0.5\ninputs = 2.0\ngoal = 0.8\nalpha = 0.1\n" + table + "\n", encoding="utf-8")
    [question] = load_lesson_file(path).questions
    assert question.accepts(0.2501) and not question.accepts(0.26)
    explained = fill(question.text("zh").explain, facts(Problem((0.5,), (2.0,), 0.8, alpha=0.1), "zh"))
    assert "{" not in explained and "0.25" in explained


def test_the_readme_does_not_say_hot_and_cold_never_lands():
    row = next(line for line in README.splitlines() if "`hot-cold`" in line and line.startswith("| 2"))
    assert "never" not in row and "whole number of steps" in row


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hot_cold_distance_names_the_weight_it_is_from(language):
    lesson = find_lesson("hot-cold")
    for problem in (lesson.problem, lesson.problem.replace(weights=(0.3,))):
        start = problem.weights[0]
        history = History.start(problem).jump(2)
        assert float(history.weights[0]) != start  # the weight on screen is not the start weight
        said = notice(lesson, history, language)
        distance = readable(abs(start - (-1.0)))
        named = {"en": f"From the start weight {readable(start)} the goal weight -1 is {distance} away",
                 "zh": f"离起始权重 {readable(start)} 有 {distance}"}[language]
        assert named in said
    gradient = find_lesson("gradient-descent")  # m: hot and cold from its start 0.5; the help shows this any time
    switched = Session.begin(gradient).with_other_rule().step().step()
    assert readable(switched.history.weights[0]) == "0.3"
    assert {"en": "From the start weight 0.5 the goal weight -1 is 1.5 away", "zh": "离起始权重 0.5 有 1.5"}[
        language] in " ".join(opening(gradient, switched.history, language))


def test_gradient_descent_says_where_it_landed_or_stopped_moving():
    assert "2.25 -> 0: it landed on the goal." in story("gradient-descent", 1) and "Landed at iteration 1" in story("gradient-descent", 2)
    assert "Since iteration 123 the weight no longer changes" in story("error-curve", 124)
    assert "4.9304e-32" in story("error-curve", 124) and story("error-curve", 123).startswith("This step")
    assert "x 0.36, which is r^2 = 0.6^2, as r = 0.6." in story("alpha", 3)


STEPPING = [name for name in LESSONS if find_lesson(name).problem.method == GRADIENT_DESCENT]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", STEPPING)
def test_the_error_story_is_of_the_step_worked_out_beside_it(name, language):
    history = History.start(find_lesson(name).problem)
    for steps in range(1, 8):
        history = history.step()
        told = " ".join(commentary(history, language))
        shown = history.record(history.iteration - 1)  # the step the worked-step panel shows
        before, now = readable(shown.error), readable(history.error)
        several = history.problem.outputs > 1  # then the story is of output 1, the one followed
        if several:
            before, now = readable(float(shown.errors[0])), readable(float(history.output_errors[0]))
        if history.landmarks.still_from is not None or history.landmarks.bounce_from is not None:
            continue  # said as a landmark, not as this step's ratio
        arrow = {"en": f"{before} -> {now}", "zh": f"从 {before} 变成 {now}"}[language]
        assert arrow in told, (steps, told)
        assert f"#{shown.iteration}" in worked_step(history, language)[0]
        # the worked step's error is the story's start: its error line (after the output's heading)
        error_line = 2 if several else 1
        note = say(language, "worked.shown_digits")  # under the first line that does not add up
        e_note = re.compile(r"[(（]\S+ (means|即) ")  # what e-notation means, under the first figure in it
        said = [line for line in worked_step(history, language) if line != note and not e_note.match(line)][error_line]
        assert said.endswith((f" = {before}", f"{say(language, 'sign.about')}{before}")), said


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tutorial_end_follows_the_steps_taken(language):
    lesson = find_lesson("measure-error")  # tutorial_steps = 1
    history = History.start(lesson.problem)
    assert tutorial_end(lesson, history, language) == ""
    done = tutorial_end(lesson, history.step(), language)
    past = tutorial_end(lesson, history.step().step(), language)
    # a measuring lesson counts measurements, not steps (a newcomer read "1 step taken" where nothing stepped)
    # a lesson, not a tutorial; and the Chinese as a textbook says it ("做完 1 次测量，到这里就结束了" read stiffly)
    assert {"en": "This lesson ends here, after 1 measurement;", "zh": "本课的演示到此结束，共做了 1 次测量。"}[language] in done
    assert {"en": "This lesson ended after 1 measurement (2 measurements now)",
            "zh": "本课的演示做 1 次测量就结束了，你已经做了 2 次测量。"}[language] in past
    assert {"en": "ends here", "zh": "到此"}[language] not in past
    assert not any(word in done + past for word in ("tutorial", "到这里就结束"))
    assert {"en": "space measures again", "zh": "按空格会再测量一次"}[language] in past  # what space does here
    edited = History.start(lesson.problem.replace(weights=(0.5,))).jump(3)
    assert tutorial_end(lesson, edited, language) == ""  # another problem: not the tutorial's run
    gradient = find_lesson("gradient-descent")  # tutorial_steps = 5
    six = tutorial_end(gradient, History.start(gradient.problem).jump(6), language)
    assert {"en": "after 5 steps (6 steps taken now); step on", "zh": "走 5 步就结束了，你已经走了 6 步。可以按空格继续走"}[
        language] in six


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_the_measuring_lesson_space_is_said_to_measure(language):
    lesson = find_lesson("measure-error")
    history = History.start(lesson.problem)
    said = opening(lesson, history, language)[-1]
    assert said == {"en": "Press space to measure: one prediction and its error; nothing learns, so the weight stays.",
                    "zh": "按空格键测量一次：预测一次，算出误差；这一课不学习，所以权重不会变。"}[language]
    assert history.step().weights.tolist() == history.weights.tolist()  # as said: the weight stays
    other = find_lesson("gradient-descent")
    assert opening(other, History.start(other.problem), language)[-1] == say(language, "first_step")


ERROR_CURVE_INPUTS = [(0.5, "0 < r"), (2.0, "r < -1"), (1.2, "-1 < r < 0"), (1.0, "r = 0"), (2.0 ** 0.5, "r = -1"),
                      (0.0, "inputs 0")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("x", "case"), ERROR_CURVE_INPUTS)
def test_going_downhill_is_said_only_when_r_makes_it_so(x, case, language):
    lesson = find_lesson("error-curve")
    problem = lesson.problem.replace(inputs=(x,))
    history = History.start(problem)
    said = " ".join(opening(lesson, history, language))
    r = analysis.r_factor(problem)
    regime = analysis.gradient_regime(problem)
    downhill = {"en": "goes downhill", "zh": "往下坡走"}[language]
    lower = {"en": "lands lower", "zh": "落点比原来低"}[language]
    uphill = {"en": "uphill", "zh": "上山"}[language]
    assert (downhill in said) == (regime is Regime.SMOOTH)
    assert (lower in said) == (regime is Regime.OVERSHOOTING)
    assert (uphill in said) == (regime is Regime.DIVERGING)
    if regime not in (Regime.NO_SIGNAL, Regime.BOUNCING):  # the run does what the words say: the error falls or grows
        after = History.start(problem).jump(2)
        falls = after.errors[1] < after.errors[0]
        assert falls == (abs(r) < 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_blowing_up_is_said_only_while_it_does(language):
    lesson = find_lesson("divergence")
    session = Session.begin(lesson)
    press = {"en": "Press - to lower alpha", "zh": "按 - 调小学习率 α"}[language]
    seen = set()
    while True:
        problem = session.problem
        said = notice(lesson, session.history, language)
        regime = analysis.gradient_regime(problem)
        seen.add(regime)
        assert (press in said) == (regime is Regime.DIVERGING), (problem.alpha, said)
        if regime is not Regime.DIVERGING:
            alpha = readable(problem.alpha)
            assert {"en": f"At alpha {alpha} it no longer blows up", "zh": f"学习率 α 为 {alpha} 时不再失控"}[language] in said
        if regime in (Regime.SMOOTH, Regime.ONE_STEP):
            break
        session = session.with_rate(-1)
    assert {Regime.DIVERGING, Regime.BOUNCING, Regime.OVERSHOOTING} <= seen


def test_the_worked_step_shows_the_logs_digits_and_says_where_rounding_decided():
    history = History.start(find_lesson("hot-cold").problem).jump(16)
    lines = worked_step(history, "en")
    assert not any("0000000" in line or "9999999" in line for line in lines)
    assert "(the prediction is not quite -1: float rounding leaves an error of 1.2326e-32" in " ".join(lines)
    assert "down wins by float rounding alone (4.3368e-17): weight = -1 - 0.1 = -1.1" in lines  # where it is read
    assert not any("rounding" in line for line in worked_step(history.step(), "en"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_worked_step_says_so_where_its_rounded_figures_do_not_add_up(language):
    """Alpha's step #19: 0.400006 - 0.1 x 2.43744e-05 = 0.400004 reads as
    0.40001 - 0.1 x 2.4374e-05 = 0.4 at the log's digits; its first step adds up as shown."""
    note = say(language, "worked.shown_digits")
    late = worked_step(History.start(find_lesson("alpha").problem).jump(20), language)
    assert say(language, "worked.weight", weight="0.40001", alpha="0.1", weight_delta="2.4374e-05", value="0.4",
               equals=say(language, "sign.about")) in late
    assert note in late
    assert note not in worked_step(History.start(find_lesson("alpha").problem).jump(1), language)


def test_float_dust_is_explained_at_the_step_that_makes_it_and_the_one_that_starts_from_it():
    """Hot and cold's 0.5 - 5 x 0.1 is 2.8e-17: a beginner met it at the next step,
    "prediction = 1 x 2.7756e-17", with no word on it."""
    history = History.start(find_lesson("hot-cold").problem)
    said = [any("is 0 but for float rounding" in line for line in worked_step(history.jump(k), "en")) for k in (4, 5, 6, 7, 8)]
    assert said == [False, True, True, True, False]  # at 7 the probe up, -0.1 + 0.1, makes it again


@pytest.mark.parametrize(("name", "alpha", "says"), [
    ("alpha", 0.5, "The prediction flips between 1 and 0.6, at the same error each time."),
    ("multi-weight", 2 / 74.1125, "The prediction flips between 1.14 and 0.86, at the same error each time: exactly "
                                  "so since iteration 7, before which float rounding still moved it a little."),
])
def test_a_bounce_is_told_in_the_predictions_the_log_shows(name, alpha, says):
    """At the edge of stability a beginner saw the log flip 1.14 / 0.86 from its first row
    while the text said "since iteration 7 it flips between 0.13211 and 0.1" (w1's values)."""
    problem = dataclasses.replace(find_lesson(name).problem, alpha=alpha)
    assert says in commentary(History.start(problem).jump(12), "en")


def test_hot_cold_says_why_a_step_costs_three_predictions_on_its_first_steps():
    """A beginner saw "3 a step" and only two probes (up, down) in the worked step."""
    history = History.start(find_lesson("hot-cold").problem)
    told = [any(line.startswith("That was prediction 1 of 3") for line in worked_step(history.jump(k), "en"))
            for k in (1, 3, 4, 16)]
    assert told == [True, True, False, False]


def test_hot_cold_on_the_goal_is_not_called_near_it():
    """A run that landed exactly read "near the goal: within half a step" beside error 0."""
    landed = dataclasses.replace(find_lesson("hot-cold").problem, weights=(0.5,), goal=0.0, step_amount=0.25)
    assert "on the goal: the error is 0" in readout_lines(History.start(landed).jump(2), "en")
    assert "near the goal: it bounces from here" in readout_lines(History.start(find_lesson("hot-cold").problem).jump(15), "en")


@examples(0.6)
@given(problems(), st.integers(0, 40), st.sampled_from(LANGUAGES))
def test_the_words_beside_any_run_are_sentences_never_a_crash(problem, steps, language):
    """Every panel's words for any problem a student could type, at any step: huge,
    tiny, diverging or landed (the worked step reads its own figures back, which must
    survive "overflow")."""
    view = History.start(problem).jump(steps)
    words = worked_step(view, language) + commentary(view, language) + readout_lines(view, language)
    assert all(isinstance(line, str) and line for line in words)


def test_a_distance_that_is_not_whole_never_reads_whole():
    """Goal -1.0001 is 15.001 steps of 0.1 away: at 4 digits the text said "15 steps ...
    not a whole number"."""
    problem = dataclasses.replace(find_lesson("hot-cold").problem, goal=-1.0001)
    said = " ".join(commentary(History.start(problem).jump(40), "en"))
    assert "is 15.001 steps of 0.1 from the start, not a whole number" in said
    assert facts(problem, "en")["distance_steps"] == "15.001"
    assert facts(find_lesson("hot-cold").problem, "en")["distance_steps"] == "15"


@pytest.mark.parametrize("alpha", [1e-8, 0.0199999999])
def test_an_r_just_inside_1_never_reads_as_1(alpha):
    """Edited alphas a hair inside the edge read "|r| = 1 < 1" at 5 digits."""
    problem = dataclasses.replace(find_lesson("divergence").problem, alpha=alpha)
    said = blows_up(problem, "en")
    assert "|r| = 1 <" not in said and "|r| = 0.99999" in said


def test_facts_now_follow_the_weights_and_say_unknown_past_what_a_start_may_be():
    from gradstep.tui.words.prose import facts_now

    history = History.start(Problem(weights=(1e153,), inputs=(1.0,), goal=0.0, alpha=3.0))  # r = -2
    assert facts_now(history.step(), "en")["weight"] == "-2e+153"
    while history.can_step:
        history = history.step()
    known = facts_now(history, "en")  # the error squared overflows: no start has such weights
    assert known["weight"] == known["miss"] == known["error"] == "?" and known["r"] == "-2"


def hot_cold_at(weight: float, goal: float, input_: float = 1.0, step: float = 0.1) -> Problem:
    return Problem(weights=(weight,), inputs=(input_,), goal=goal, method="hot-cold", step_amount=step)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_cold_says_landed_only_once_it_has_and_foretells_nothing(language):
    """"landed: up and down tie" stood at iteration 0, before any step; then "lands: the goal
    is whole steps away", which gave the lesson's ending away. Until it gets there the
    headline says the rule: every step moves a whole step."""
    problem = hot_cold_at(0.5, 0.8, input_=2.0)  # the goal weight 0.4 is one step of 0.1 away
    before, after = (readout_lines(History.start(problem).jump(k), language)[0] for k in (0, 1))
    assert (before, after) == (say(language, "regime.hot-cold.moving", step="0.1"), say(language, "regime.landed"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_cold_headline_tells_the_rule_until_the_run_gets_there_then_what_decides(language):
    """The lesson's headline read "bounces at the goal: float rounding" at iteration 0: the
    ending given away, and the reason misstated (hot and cold moves a whole step every time;
    rounding only picks the side at the goal). With step 0.2 the goal, 7.5 steps away, was
    "goal in 7 steps x 3 = 21 predictions", which it never reaches."""
    history = History.start(find_lesson("hot-cold").problem)
    heads = [readout_lines(history.jump(k), language)[0] for k in range(18)]
    assert heads[:15] == [say(language, "regime.hot-cold.moving", step="0.1")] * 15
    assert heads[15:] == [say(language, "regime.stuck-bouncing.rounding")] * 3  # 15: a hair off -1, rounding decides
    assert not any(word in " ".join(heads) for word in ("float", "浮点"))
    between = History.start(hot_cold_at(0.5, -1.0, step=0.2))
    lines = readout_lines(between, language)
    assert lines[0] == say(language, "regime.hot-cold.moving", step="0.2")
    assert say(language, "hot_cold_to_goal.between", steps=say(language, "count.more_steps", steps=7), per=3,
               cost=21) in lines
    assert ("goal in" not in lines[2]) and lines[2].startswith(("7 more steps x 3 predictions", "还要 7 步，每步 3 次预测"))
    assert readout_lines(between.jump(7), language)[0] == say(language, "regime.stuck-bouncing")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_step_onto_the_goal_weight_says_why_its_error_is_not_0(language):
    """Row 15 of the log reads "-1  -1  1.2326e-32", weight on the goal yet error not 0; the
    why was on page 2 of the next step. The worked step that makes the row says it."""
    lines = worked_step(History.start(find_lesson("hot-cold").problem).jump(15), language)
    assert say(language, "worked.hair", goal="-1", step="0.1", error="1.2326e-32") in lines
    moved = say(language, "moved_down", weight="-0.9", step="0.1", after="-1")
    assert say(language, "worked.hair_mark", line=moved) in lines  # marked where it is said, on the first page
    assert not any("hair" in line or "一丝" in line for line in worked_step(
        History.start(find_lesson("hot-cold").problem).jump(14), language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_whole_count_of_steps_reads_whole_and_in_the_right_number(language):
    """0.5 - 0.4 is 0.09999999999999998 in floats: the text said "0.9999999999999998 steps of
    0.1", then "1 steps", and called the goal weight 0.4 "the goal" beside a goal of 0.8."""
    problem = hot_cold_at(0.5, 0.8, input_=2.0)
    lesson = find_lesson("hot-cold")
    said = fill(lesson.text(language).notice, facts(problem, language)) + " ".join(
        commentary(History.start(problem).jump(3), language))
    assert "0.9999" not in said and "1 steps" not in said
    one_step = {"en": "1 step of 0.1", "zh": "1 个 0.1 的步长"}[language]
    landed = {"en": "Landed on the goal weight 0.4 at iteration 1", "zh": "第 1 次迭代落在目标权重 0.4 上"}[language]
    assert said.count(one_step) == 2 and landed in said


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_cold_that_reaches_the_goal_every_other_step_never_says_it_never_lands(language):
    """Lesson 1 after m, m: hot and cold from -0.9 to -1 is on the goal (error 0) every other
    step, as f shows, since -1 + 0.1 and -1 - 0.1 are not equally far in floats; the text
    said it "never lands" and that the weight was "a hair off" the goal."""
    session = Session.begin(find_lesson("measure-error")).with_other_rule().with_other_rule()
    history = session.history.jump(4)
    assert list(history.errors[:4]) == [history.errors[0], 0.0, history.errors[0], 0.0]
    told = " ".join(commentary(history, language))
    never = {"en": "never lands", "zh": "再也落不到"}[language]
    every_other = {"en": "every other step it is on the goal, error 0", "zh": "每隔一步就正好在目标上"}[language]
    exactly = {"en": "the weight is exactly the goal weight -1, error 0", "zh": "权重正好是目标权重 -1"}[language]
    assert never not in told and every_other in told and exactly in told
    assert readout_lines(history, language)[0] == say(language, "regime.stuck-bouncing.rounding")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_cold_names_rounding_where_the_probes_read_the_same(language):
    """Step #15 of the lesson: up and down both read 0.01, so "down is hotter (less error)"
    could not be checked against them; the outcome line itself says what decided."""
    lines = worked_step(History.start(find_lesson("hot-cold").problem).jump(16), language)
    outcome = say(language, "moved_down.rounding", gap="4.3368e-17", weight="-1", step="0.1", after="-1.1")
    assert outcome in lines and say(language, "moved_down", weight="-1", step="0.1", after="-1.1") not in lines
    near = History.start(hot_cold_at(1e-7, 0.0)).jump(1)  # a real gap, 4e-08, that 5 digits hide: not rounding
    by = say(language, "moved_down.by", gap="4e-08", weight="1e-07", step="0.1", after="-0.1")
    assert by in worked_step(near, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_cold_does_not_call_a_side_hotter_beside_an_error_now_that_reads_the_same(language):
    """Step 0.2 bounces between -0.9 and -1.1 round the goal -1: "up is hotter (less error)"
    stood beside the error now, 0.01, and up's error, 0.01, a difference no digit on screen
    shows. The outcome says up beats down but not now as shown, and the note says by how
    much they differ beyond the digits shown, and that f shows every digit."""
    lines = worked_step(History.start(find_lesson("hot-cold").problem.replace(step_amount=0.2)).jump(9), language)
    assert "error = (-1.1 - (-1))^2 = 0.01" in lines[0:2] or "误差 = (-1.1 - (-1))^2 = 0.01" in lines[0:2]
    values = {"weight": "-1.1", "step": "0.2", "after": "-0.9"}
    assert say(language, "moved_up.as_now", **values) in lines and say(language, "moved_up", **values) not in lines
    note = say(language, "worked.same_as_now.as_now", side=say(language, "side_name.up"), after="0.01", now="0.01",
               gap="4.3368e-17")
    assert note in lines and re.search(r"(?<![a-z])f(?![a-z])", note)
    by = say(language, "moved_down.by", gap="4e-08", weight="1e-07", step="0.1", after="-0.1")
    assert {"en": "only beyond the digits shown", "zh": "只小在显示的位数之后"}[language] in by and re.search(r"(?<![a-z])f(?![a-z])", by)


@pytest.mark.parametrize("language", LANGUAGES)
def test_exactly_half_a_step_from_the_goal_is_not_called_less(language):
    history = History.start(hot_cold_at(0.5, 0.45))  # the goal weight is exactly half a step away
    near = readout_lines(history, language)[-1]
    assert near == say(language, "at_goal_region") and "不到半步" not in near and "within half" not in near


@pytest.mark.parametrize("language", LANGUAGES)
def test_input_0_is_taught_as_no_signal_not_blamed_on_rounding(language):
    """With input 0 the story said "float rounding rather than a miss": weight_delta is
    exactly delta x 0 = 0, and the words say that an input of 0 carries no signal."""
    history = History.start(find_lesson("gradient-descent").problem.replace(inputs=(0.0,))).jump(3)
    told = " ".join(commentary(history, language) + worked_step(history, language) + readout_lines(history, language))
    assert say(language, "story.no_signal.one", iteration=0, error="1", whose=say(language, "whose.error")) in told  # (0 - (-1))^2
    assert say(language, "worked.no_signal") in told and say(language, "regime.no-signal.one") in told
    assert {"en": "rounding", "zh": "舍入"}[language] not in told and "全为" not in told
    several = History.start(find_lesson("multi-weight").problem.replace(inputs=(8.5, 0.0, 1.2))).jump(1)
    assert say(language, "worked.no_signal.some", names="w2") in worked_step(several, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("goal", "way", "side"), [(0.8, "way.down", "side.low"), (-3.0, "way.up", "side.high")])
def test_a_negative_input_says_which_way_the_weight_moves_and_why(language, goal, way, side):
    problem = find_lesson("gradient-descent").problem.replace(inputs=(-2.0,), alpha=0.1, goal=goal)
    step = History.start(problem).jump(1)
    moved = step.weights[0] - problem.weights[0]
    assert (moved < 0) == (way == "way.down")  # the sentence's way is the way the weight went
    said = say(language, "worked.negative_input", input="-2", way=say(language, way), side=say(language, side))
    assert said in worked_step(step, language)
    positive = History.start(problem.replace(inputs=(2.0,))).jump(1)
    assert not any("-2" in line and "negative" in line for line in worked_step(positive, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_that_do_not_exist_are_said_so_not_shown_as_question_marks(language):
    """Hot and cold with input 0: "the goal weight ? is ? away: ?."; then "the figures this
    text speaks of do not exist": which figures? They are named."""
    lesson = find_lesson("hot-cold")
    said = opening(lesson, History.start(lesson.problem.replace(inputs=(0.0,))), language)
    names = {"en": "the bottom of the error curve (the goal weight) and the distance to the goal weight",
             "zh": "误差曲线的谷底（目标权重）和到目标权重的距离"}[language]
    assert "?" not in " ".join(said).replace("？", "") and say(language, "figures.no_signal.one", names=names) in said
    lesson = find_lesson("alpha")
    said = opening(lesson, History.start(lesson.problem.replace(inputs=(0.0,))), language)
    names = {"en": "the best alpha and the edge of stability", "zh": "最佳学习率和稳定边界"}[language]
    assert say(language, "figures.no_signal.one", names=names) in said


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cost_in_steps_names_its_unit(language):
    """"gradient descent: 1 x 1 = 1": which 1 is steps? Now "1 step x 1 = 1"."""
    lines = readout_lines(History.start(find_lesson("hot-cold").problem), language)
    assert lines[-1] == say(language, "gd_to_goal", steps=say(language, "count.step"), per=1, cost=1)
    assert say(language, "count.more_steps", steps=15) in lines[-2]


@pytest.mark.parametrize(("language", "more"), [("en", "{} more steps x 3 predictions = {}"), ("zh", "还要 {} 步，每步 3 次预测，共 {} 次")])
def test_hot_and_colds_cost_to_the_goal_counts_the_steps_still_to_go(language, more):
    """A Chinese walk read "到离目标最近：15 步 × 3 次" at the start and "10 步 × 3 次" five
    steps later with nothing saying these are the steps still to go; later "x 3" said
    nothing of what it multiplies (three predictions a step: here, up and down), and
    "离目标最近还要 15 步 × 3 = 45 次预测" read stiffly. The line fits the panel."""
    start = History.start(find_lesson("hot-cold").problem)
    for history, steps in ((start, 15), (start.jump(5), 10)):
        assert more.format(steps, 3 * steps) in readout_lines(history, language)[-2]
    assert width(more.format(100, 300)) < 40  # the parameters panel's width at 80x24


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_weight_frozen_is_not_called_inputs_of_0(language):
    lesson = find_lesson("freeze-weight")
    history = History.start(lesson.problem.replace(frozen=(0, 1, 2))).jump(2)
    said = " ".join(readout_lines(history, language) + commentary(history, language) + opening(lesson, history, language))
    assert say(language, "regime.no-signal.frozen") in said and "0" not in say(language, "regime.no-signal.frozen")
    assert {"en": "input", "zh": "输入"}[language] not in " ".join(readout_lines(history, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_lessons_words_about_its_frozen_weight_give_way_when_the_student_freezes_another(language):
    """After z the lesson still said "Weight 1 is frozen ... watch weight 1"."""
    lesson = find_lesson("freeze-weight")
    history = History.start(lesson.problem.replace(frozen=(2,)))
    said = " ".join(opening(lesson, history, language))
    assert said.startswith(say(language, "switched.frozen", frozen="w3", r_formula="", r_says="", total="", squares="",
                               named="", inputs="").split("w3")[0])
    assert fill(lesson.text(language).teaches, facts(history.problem, language)) not in said


R_FORMULA = re.compile(r"r\d? = 1 - (\S+) (?:x|×) (\S+) = (\S+)")


def _squares_shown(text: str) -> float:
    """A sum of squares as the formula writes it: "74.1125", or "2^2" for one input."""
    return float(text[:-2]) ** 2 if text.endswith("^2") else float(text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("problem", [*(lesson.problem for lesson in course()),
                                     find_lesson("weight-matrix").problem.replace(frozen=(0, 4, 8))])
def test_r_formula_checks_by_hand_from_the_figures_it_shows(problem, language):
    """'1 - 0.01 x 74.112 = 0.25887' does not check by hand (74.1125 and 0.258875 do): the
    sum of squares and r a formula goes on from are written exactly where a few digits do it."""
    shown = readout_lines(History.start(problem), language) + [f"r = {facts(problem, language)['r_formula']}"]
    formulas = [R_FORMULA.search(line) for line in shown]
    for found in filter(None, formulas):
        alpha, squares, r = float(found[1]), _squares_shown(found[2]), float(found[3])
        assert 1 - alpha * squares == pytest.approx(r, rel=1e-9, abs=1e-12), found[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_r_on_a_start_already_on_the_goal_says_what_a_miss_would_do_and_that_there_is_none(language):
    """Input -2 in lesson 3 (r = -3) starts on the goal: "the error grows 9-fold a step and
    explodes" and "Press - to lower alpha" stood beside an error of 0 on every row."""
    problem = find_lesson("gradient-descent").problem.replace(inputs=(-2.0,))
    assert analysis.starts_on_goal(problem) and not analysis.starts_on_goal(find_lesson("gradient-descent").problem)
    said = r_says(problem, language)
    assert said == say(language, "on_goal.said", said=said.partition({"en": " But", "zh": "不过"}[language])[0])
    assert blows_up(problem, language) == say(language, "blows_up.on_goal")
    assert readout_lines(History.start(problem), language)[1] == on_goal_label(problem, language)
    assert commentary(History.start(problem).jump(1), language) == [say(language, "story.on_goal", iteration=0, whose=say(language, "whose.error"))]
    landed = History.start(find_lesson("gradient-descent").problem).jump(2)  # r = 0: lands at iteration 1
    assert commentary(landed, language) == [say(language, "story.landed", iteration=1, whose=say(language, "whose.error"))]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("alpha", [0.001, 0.01, 0.015, 0.02, 1.0])  # smooth, one step, overshooting, bouncing, diverging
def test_r_on_a_start_on_the_goal_never_says_first_that_the_run_diverges(language, alpha):
    """Lesson 5 with goal 5 (its start, 0.5 x 10, on the goal): "the error grows 9801-fold
    a step: this is divergence. But this start is already on the goal... nothing diverges
    here". On the goal r says what it would do to a miss, never what the run does."""
    problem = find_lesson("divergence").problem.replace(goal=5.0, alpha=alpha)
    assert analysis.starts_on_goal(problem)
    regime = analysis.gradient_regime(problem).value
    said = r_says(problem, language)
    claim = re.split(r"[:：]", SENTENCES[language][f"r_says.{regime}"], maxsplit=1)[1].split("{")[0].strip()
    assert claim not in said  # "each step overshoots by more than the miss", said of a run with none
    assert said.startswith(SENTENCES[language][f"r_would.{regime}"].split("{")[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_8_at_an_alpha_that_diverges_does_not_promise_the_goal(language):
    """Lesson 8's own words said the learning weights "carry the prediction to the goal" at any
    alpha; at alpha 1.5 (r = 1 - 1.5 x 1.8625 = -1.79375) its run diverges."""
    lesson = find_lesson("freeze-weight")
    said = " ".join(opening(lesson, History.start(lesson.problem.replace(alpha=1.5)), language))
    assert {"en": "learn from it and carry", "zh": "其余权重根据它学习，把预测带到目标上"}[language] not in said
    assert say(language, "r_says.diverging", r_squared="3.2175") in said


def _edited_error_curve(weight: float, goal: float) -> Problem:
    return find_lesson("error-curve").problem.replace(weights=(weight,), goal=goal)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_prediction_still_closing_in_is_not_called_rounding(language):
    """Lesson 4 edited to weight 3, goal -0.8, step #89: the prediction is -0.7999999999767,
    2.3 x 0.75^88 from the goal, the rule's own slow approach; float rounding did not leave it."""
    history = History.start(_edited_error_curve(3.0, -0.8)).jump(89)
    lines = worked_step(history, language)
    rounding = say(language, "worked.rounding", goal="-0.8", error="5.423e-22", miss="2.3287e-11")
    assert rounding not in lines
    assert say(language, "worked.not_yet", goal="-0.8", error="5.423e-22", miss="2.3287e-11") in lines
    story = " ".join(commentary(history, language))
    assert "0.5625" in story and "0.562502" in story  # the two figures differ where the words say they do
    assert say(language, "story.ratio_near", before="5.423e-22", now="3.0504e-22", ratio="0.562502",
               r_squared="0.5625", digits=5, whose=say(language, "whose.error"), r_name="r") == story


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_miss_that_r_0_leaves_is_rounding_not_a_gap_r_shrinks(language):
    """Lesson 6 edited to input 100 and alpha 0.0001: the panel says "r = 0: lands in one
    step", as 1 - 0.0001 x 100^2 is 0 by hand; the prediction after that step misses 0.8 by
    -4.9e-15, which the worked step called "a gap each step shrinks by r, not float rounding".
    By hand it landed: the miss is rounding's (the floats of 0.0001 and 0.492 are not exact)."""
    history = History.start(find_lesson("alpha").problem.replace(inputs=(100.0,), alpha=0.0001)).jump(2)
    lines = worked_step(history, language)
    assert say(language, "worked.rounding", goal="0.8", error="2.3863e-29", miss="-4.885e-15") in lines
    assert say(language, "worked.not_yet", goal="0.8", error="2.3863e-29", miss="-4.885e-15") not in lines


def _miss_by_hand(problem: Problem, steps: int) -> Fraction:
    """The miss after `steps` steps of gradient descent worked step by step in exact
    fractions from the figures as typed (their shortest decimals), as a hand would."""
    x, goal, alpha = (Fraction(repr(float(v))) for v in (problem.inputs[0], problem.goal, problem.alpha))
    weight = Fraction(repr(float(problem.weights[0])))
    for _ in range(steps):
        weight -= alpha * (x * weight - goal) * x
    return x * weight - goal


@given(weight=st.floats(-10, 10), goal=st.floats(-5, 5), steps=st.integers(1, 200),
       language=st.sampled_from(LANGUAGES))
@example(weight=0.0, goal=1.0, steps=112, language="en")  # 46 float spacings off, still closing in
@example(weight=0.0, goal=1.0, steps=119, language="en")  # 8 spacings off, one step from 4.5
def test_the_rounding_sentence_appears_only_within_a_few_spacings_of_the_goal(weight, goal, steps, language):
    """'Float rounding leaves an error' is said only where the prediction is a few float
    spacings from the goal or where by hand it misses by another amount, with 'this step
    keeps it' where the next prediction is the same; 'still closing in' only where the next
    step does bring it closer, and by hand the miss is the one named.
    A prediction shown as the goal but not equal to it gets exactly one of the two."""
    history = History.start(_edited_error_curve(weight, goal)).jump(steps)
    prediction = float(history.record(history.iteration - 1).prediction)
    following = float(history.jump(history.iteration + 1).record(history.iteration).prediction)
    said = worked_step(history, language)
    step = history.record(history.iteration - 1)
    figures = dict(goal=readable(goal), error=readable(step.error), miss=readable(prediction - goal))
    rounding, kept, not_yet = (say(language, key, **figures)
                               for key in ("worked.rounding", "worked.rounding_kept", "worked.not_yet"))
    shown_equal = prediction != goal and readable(prediction) == readable(goal)
    near = abs(prediction - goal) <= 8 * np.spacing(max(abs(goal), abs(prediction)))
    closing_in = abs(following - goal) < abs(prediction - goal)
    assert (rounding in said) + (kept in said) + (not_yet in said) == shown_equal, (prediction, goal)
    as_by_hand = readable(float(_miss_by_hand(history.problem, steps - 1)), 2) == readable(prediction - goal, 2)
    assert (rounding not in said and kept not in said) or near or not as_by_hand, (prediction, goal)
    assert kept not in said or following == prediction, (prediction, following, goal)
    assert rounding not in said or following != prediction, (prediction, following, goal)
    assert not_yet not in said or (closing_in and as_by_hand), (prediction, following, goal)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_frozen_weight_in_a_matrix_has_one_name_in_the_worked_step(language):
    """Lesson 10 with 4 typed in the frozen field: the panel said "frozen w2,1", the worked
    step "frozen weight 1" (its place in row 2). One name, as the chart and the log give it."""
    problem = find_lesson("weight-matrix").problem.replace(frozen=(3,))
    history = History.start(problem).step()
    said = "\n".join(worked_step(history, language, output=1))
    assert say(language, "worked.frozen", weights="w2,1") in said
    assert {"en": "0 for frozen w2,1", "zh": "冻结的 w2,1 那一项改为 0"}[language] in said
    assert not re.search(r"(weight|权重) 1\b", said)
    assert "w2,1" not in "\n".join(worked_step(history, language, output=0))  # row 1 freezes nothing


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", LESSONS)
def test_the_editors_hint_says_only_what_applies_to_the_lesson_open(name, language):
    """Lesson 1 (one weight, measuring) and lesson 6 were told about rows of goals split by
    ";" and that "4 is w2,1": rows where there are several goals, freezing where the rule
    can freeze one of several weights, and which weight number w2,1 is, in the lesson's own
    numbers ("Weight numbers such as 1 or 1,3" alone left a student to guess which weight 4 is).
    With one input, no rows: a weight a goal, listed as the goals are."""
    from gradstep.tui.app.screens.editor import editor_hint

    problem = find_lesson(name).problem
    hint = editor_hint(problem, language)
    matrix = problem.outputs > 1 and len(problem.inputs) > 1
    assert any(mark in hint for mark in (" ;", "（;")) == matrix == (say(language, "edit_help.rows") in hint), hint
    # one input (lesson 9): "rows split by ;" stood beside "0.3 0.2 0.9", one row or three?
    assert (say(language, "edit_help.goals") in hint) == (problem.outputs > 1 and not matrix), hint
    assert (say(language, "edit_help.frozen.rows", next=len(problem.inputs) + 1) in hint) == (matrix and problem.method == GRADIENT_DESCENT), hint
    assert ("w2,1" in hint) == (problem.outputs > 1), hint
    if problem.outputs > 1:
        assert re.search(rf"\b{len(problem.inputs) + 1} (is|就是) w2,1", hint), hint
    can_freeze = problem.method == GRADIENT_DESCENT and problem.size > 1
    assert (say(language, "edit_help.frozen")[:-1] in hint) == can_freeze, hint
    assert "。 " not in hint  # no space between two Chinese sentences


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["multi-weight", "freeze-weight", "several-outputs", "weight-matrix"])
def test_every_worked_weight_delta_of_a_frozen_weight_says_it_is_0_for_being_frozen(name, language):
    """Lesson 9 with w2,1 frozen and input -2 showed `weight_delta = (-1.4) x (-2) = 0` (by
    hand 2.8): one output's only weight, frozen, was worked as if it learned."""
    template = say(language, "worked.weight_delta.frozen", delta="<D>", input="<I>", weights="<W>", value="<V>", about="")
    but_frozen = template.partition("<I>")[2].partition("<W>")[0]  # ", set to 0 for frozen "
    base = find_lesson(name).problem
    for inputs in (base.inputs, tuple(-2.0 for _ in base.inputs)):
        for index in range(len(base.weights)):
            problem = base.replace(inputs=inputs, frozen=(index,))
            history = History.start(problem).jump(1)
            for output in range(problem.outputs):
                lines = worked_step(history, language, output)
                assert any(but_frozen in line for line in lines) == bool(problem.output_problem(output).frozen), (
                    index, output, lines)


ASCII_BESIDE_CHINESE = re.compile(r"[\u4e00-\u9fff] ?[,:;](?! )|(?<! )[,:;] ?[\u4e00-\u9fff]")  # " ; ": a key named


@pytest.mark.parametrize("name", LESSONS)
def test_chinese_lessons_as_filled_in_name_each_output_in_chinese_punctuation(name):
    """Lessons 9 and 10 listed the outputs "1: 0.65 × 0.3 = 0.195; 2: ...": a bare number and
    ASCII marks inside Chinese text. Each output is named (输出 1：…；输出 2：…), and no ASCII
    , : or ; touches a Chinese word in any lesson's words as the student reads them, figures in."""
    lesson = find_lesson(name)
    history = History.start(lesson.problem)
    said = opening(lesson, history, "zh") + worked_step(history.step(), "zh") + [notice(lesson, history.step(), "zh")]
    assert not [text for text in said if ASCII_BESIDE_CHINESE.search(text)]
    lines = [line for text in said for line in text.splitlines()]
    assert not [line for line in lines if re.match(r"\d+ ?[:：]", line)], "a bare number names an output"
    if lesson.problem.outputs > 1:
        assert {f"输出 {k}：" for k in range(1, 4)} <= {line[:5] for line in lines}
        assert [line[-1] for line in lines if line.startswith("输出 1：")] == ["；", "；"]
    english = " ".join(opening(lesson, history, "en"))
    assert lesson.problem.outputs == 1 or "\noutput 2: " in english


@pytest.mark.parametrize(("inputs", "frozen"), [((0.0, 0.0, 1.2), ()), ((8.5, 0.65, 1.2), (0, 1))])
def test_a_chinese_worked_step_lists_weights_with_the_chinese_list_mark(inputs, frozen):
    """"w1, w2, w3 的权重改变量 … 这个权重": names listed with an ASCII comma inside Chinese, and
    several weights called "this weight"."""
    problem = find_lesson("multi-weight").problem.replace(inputs=inputs, frozen=frozen)
    said = " ".join(worked_step(History.start(problem).step(), "zh"))
    assert "w1、w2" in said and "w1, w2" not in said and "这个权重" not in said, said
    assert "w1, w2" in " ".join(worked_step(History.start(problem).step(), "en"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_5_says_plainly_what_a_step_would_change_to_land(language):
    """"100 times the miss, where exactly once would land" was unparsable to a beginner: it
    says that landing takes a change of the miss itself, true at any alpha (not "not 100")."""
    plain = {"en": "one step would have to change the prediction by the miss itself, no more and no less.",
             "zh": "一步里预测的改变量应该恰好等于差值本身，不多也不少。"}[language]
    for alpha in (1.0, 0.01):
        said = words_for("divergence", language, alpha=alpha)
        assert plain in said and "exactly once" not in said and "1 倍）" not in said


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_colds_first_prediction_is_said_plainly_as_the_weight_where_it_is_now(language):
    """"predicts three times, as it is, one step up and one step down" and "1 of 3
    predictions": students could not tell what "as it is" predicted. Every text of the lesson
    calls it the weight where it is now (当前权重), and the worked step names its figure."""
    lesson = find_lesson("hot-cold")
    plain = {"en": "the weight where it is now", "zh": "当前权重"}[language]
    texts = [lesson.text(language).teaches] + [text for question in lesson.questions
                                               for text in (question.text(language).ask, question.text(language).explain)]
    history = History.start(lesson.problem).jump(2)  # weight 0.4 before this step
    worked = worked_step(history, language)
    texts_with_it = [text for text in texts + worked if plain in text]
    assert len(texts_with_it) == 4, texts  # the teaching, the first question and its answer, the worked step
    assert not [text for text in texts + worked if re.search(r"as it is|原来的权重|原样", text)]
    assert any(plain in line and "0.4" in line for line in worked), worked


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["several-outputs", "weight-matrix"])
def test_with_several_outputs_the_error_story_is_the_followed_outputs(name, language):
    """With w2,1 frozen, lesson 9 said "This step took the error 0.98095 -> 0.96241: x 0.9811;
    r^2 = 0.91729, so float rounding shows": the sum of outputs that learn at different rates
    set against row 1's r, and blamed on rounding. The story is of the output the chart and
    the worked step follow, named, with that output's own r, at any frozen weight and output."""
    lesson = find_lesson(name)
    for frozen in [(), *[(index,) for index in range(lesson.problem.size)]]:
        problem = lesson.problem.replace(frozen=frozen)
        history = History.start(problem).jump(3)
        step = history.record(2)
        for output in range(problem.outputs):
            told = " ".join(commentary(history, language, output=output))
            own = problem.output_problem(output)
            before, now = readable(float(step.errors[output])), readable(float(history.output_errors[output]))
            whose = say(language, "whose.output_error", output=output + 1)
            arrow = {"en": f"{whose} {before} -> {now}", "zh": f"{whose}从 {before} 变成 {now}"}[language]
            assert arrow in told, (frozen, output, told)
            assert "rounding" not in told and "舍入" not in told, (frozen, output, told)
            assert f"= {carried(r_value(own))}" in told, (frozen, output, told)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_verdict_beside_an_output_on_its_goal_is_that_outputs(language):
    """Output 2 starting on its goal was told "converges" like the others: the readout speaks
    of the output followed and names it, where its verdict is not every output's (its r is
    every output's r: one input, one alpha)."""
    problem = find_lesson("several-outputs").problem.replace(weights=(0.3, 1 / 0.65, 0.9))
    lines = readout_lines(History.start(problem), language, output=1)
    assert lines[0].startswith("r = ") and lines[1] == on_goal_label(problem, language, output=1)
    assert readout_lines(History.start(problem), language, output=0)[0].startswith("r = ")


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("output", [0, 2, None])
def test_an_outputs_worked_step_names_its_iteration_once(language, output):
    """Lesson 9 read "#0->#1 output 1 of 3 (keys 1-3):" and then "#0->#1: prediction = ...":
    the step said twice reads as two steps. The heading says it; the line under it does not."""
    history = History.start(find_lesson("several-outputs").problem).jump(1)
    lines = worked_step(history, language, output)
    arrow = {"en": "#0->#1", "zh": "#0→#1"}[language]
    headings = [line for line in lines if line.startswith(arrow)]
    assert len(headings) == (3 if output is None else 1)
    assert sum(arrow in line for line in lines) == len(headings)



@pytest.mark.parametrize("language", ["en", "zh"])
def test_hot_and_cold_from_the_goal_says_rounding_moved_it(language):
    """Lesson 2 edited to start on its goal (0.5, step 0.2) left error 0 for 0.04 with only
    "up wins by float rounding alone", and nothing said why a tie did not keep it there;
    then it said "at the goal it must step off and back", which the same lesson belies
    where up and down tie exactly (it stays). Exactly on the goal they would tie: here
    float rounding moved it, and the worked step and the panel say so."""
    problem = dataclasses.replace(find_lesson("hot-cold").problem).replace(goal=0.5, step_amount=0.2)
    history = History.start(problem).step()
    assert history.weights[0] != 0.5  # it did leave the goal weight (input 1: goal 0.5 is weight 0.5)
    worked = " ".join(worked_step(history, language))
    assert {"en": "exactly on the goal they would tie", "zh": "正好在目标上时两边误差本应相同"}[language] in worked
    assert {"en": "float rounding made one side a hair better", "zh": "浮点舍入让一边略小"}[language] in worked
    assert "must step" not in worked and "必须走开" not in worked
    lesson_2 = History.start(find_lesson("hot-cold").problem).jump(17)  # bounces: rounding pushes it off goal
    assert {"en": "rounding pushes it off goal", "zh": "被舍入推开"}[language] in readout_lines(lesson_2, language)[0]
    assert not any(say(language, "worked.leaves_goal") in line  # a step that did not start on the goal
                   for line in worked_step(History.start(find_lesson("hot-cold").problem).step(), language))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_hot_and_cold_leaving_the_goal_counts_its_three_predictions(language):
    """Hot and cold predicts three times a step, once where the weight is, but the note on
    leaving the goal said it "compares only a step up and a step down, never the weight
    where it is". It measures where it is, then up and down, and moves to the better of
    those two."""
    problem = find_lesson("hot-cold").problem.replace(goal=0.5, step_amount=0.2)
    worked = " ".join(worked_step(History.start(problem).step(), language))
    assert {"en": "measures the weight where it is, then a step up and a step down",
            "zh": "先测当前权重的误差，再测向上一步和向下一步"}[language] in worked
    assert {"en": "compares only", "zh": "只比较"}[language] not in worked


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("step", "says"), [(0.2, "start_to_goal.leaves"), (0.1, "start_to_goal.stays")])
def test_hot_and_cold_starting_on_its_goal_says_so(language, step, says):
    """Lesson 2 with the goal edited onto the start weight read "the goal weight 0.5 is 0
    away: 0 steps of 0.2" (离起始权重 0.5 有 0，相当于 0 个 0.2 的步长): the start is the goal,
    and hot and cold still moves a whole step (unless up and down tie exactly)."""
    lesson = find_lesson("hot-cold")
    problem = lesson.problem.replace(goal=0.5, step_amount=step)
    notice = fill(lesson.text(language).notice, facts(problem, language))
    assert notice.startswith(say(language, says, weight="0.5", step=readable(step), hair=""))
    assert {"en": "0 steps", "zh": "0 个"}[language] not in notice
    assert {"en": "is 0 away", "zh": "有 0，"}[language] not in notice


ON_GOAL_BUT_A_HAIR = {  # starts that show as on the goal at every digit, and miss it by float rounding
    "several-outputs": {"weights": (0.3, 0.2, 0.9), "goal": (0.195, 0.13, 0.585)},  # 0.65 x 0.9 - 0.585 = 1.1e-16
    "freeze-weight": {"weights": (0.1, 0.2, 0.0166666666666667), "alpha": 2.0},  # the sum is 1 + 2.2e-16; r < -1
}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", list(ON_GOAL_BUT_A_HAIR))
def test_a_miss_that_is_rounding_dust_says_so_beside_it(name, language):
    """Lesson 9 started on its goals showed "0.585 - 0.585 = 1.1102e-16" before any step,
    with nothing saying what the figure is."""
    problem = find_lesson(name).problem.replace(**ON_GOAL_BUT_A_HAIR[name])
    misses = facts(problem, language)["misses"]
    note = say(language, "figures.dust", value="2.2204e-16" if name == "freeze-weight" else "1.1102e-16")
    figure = "2.2204e-16" if name == "freeze-weight" else "0.585 - 0.585 = 1.1102e-16"
    assert f"{figure}{note}" in misses, misses
    assert misses.count(say(language, "term.rounding")) == 1  # beside the one hair, not the exact zeros
    exact = find_lesson(name).problem
    assert say(language, "term.rounding") not in facts(exact, language)["misses"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_start_a_rounding_hair_off_the_goal_with_r_below_minus_1_says_r_grows_the_hair(language):
    """Lesson 8 started "on the goal" (every digit shown says so) grew to 382 with nothing
    saying why: the miss is a rounding hair, and r < -1 multiplies it each step."""
    problem = find_lesson("freeze-weight").problem.replace(**ON_GOAL_BUT_A_HAIR["freeze-weight"])
    assert analysis.rounding_misses(problem) == (True,)
    said = r_says(problem, language)
    assert said.endswith(say(language, "on_goal.hair", said="", miss="2.2204e-16").strip()), said
    exact = find_lesson("freeze-weight").problem.replace(weights=(0.1, 0.0, 0.125), alpha=2.0)  # exactly 1
    assert analysis.rounding_misses(exact) == (False,) and "2.2204e-16" not in r_says(exact, language)
    history = History.start(problem).jump(30)
    assert history.error > 100 * history.errors[0]  # it does grow


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("output", [0, 1])
def test_an_input_of_0_in_a_matrix_names_its_weight_as_the_chart_does(language, output):
    """Lesson 10 with input 2 edited to 0 said "weight_delta is exactly 0 for w2": in a
    matrix, w2 reads as row 2. The weight is named as the panel and the chart name it:
    w1,2 in output 1's row, w2,2 in output 2's."""
    problem = find_lesson("weight-matrix").problem.replace(inputs=(8.5, 0.0, 1.2))
    worked = " ".join(worked_step(History.start(problem).jump(1), language, output))
    names = say(language, "sep.list").join([f"w{output + 1},2"])
    assert say(language, "worked.no_signal.some", names=names) in worked
    assert not re.search(r"\bw2\b(?!,)", worked)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_switching_to_gradient_descent_names_alpha_and_the_input_in_r(language):
    """Hot and cold switched to gradient descent (m, where a lesson allows it) read
    "r = 1 - 1 x 1^2": which 1 is alpha, which the input? The symbols come first."""
    lesson = find_lesson("hot-cold")
    said = " ".join(opening(lesson, History.start(lesson.problem.replace(method=GRADIENT_DESCENT)), language))
    assert {"en": "r = 1 - alpha x input^2 = 1 - 1 x 1^2 = 0",
            "zh": "r = 1 - α × 输入^2 = 1 - 1 × 1^2 = 0"}[language] in said


def test_chinese_worked_steps_say_chayi_and_quanzhong_gaibianliang_not_the_code_names():
    """"差值 delta = 1 - 0.8", "权重改变量 weight_delta = 0.2 × 2": a Chinese textbook works
    the formula in its own words; the code names are said once, where lesson 3 brings them in."""
    for name in ("alpha", "multi-weight", "freeze-weight", "weight-matrix"):
        worked = " ".join(worked_step(History.start(find_lesson(name).problem).jump(1), "zh"))
        assert "差值 = " in worked and "权重改变量 = " in worked
        assert not re.search(r"delta", worked), (name, worked)
    teaches = find_lesson("gradient-descent").text("zh").teaches
    assert "（代码里写作 delta）" in teaches and "（代码里写作 weight_delta）" in teaches


def test_where_a_chinese_question_stands_uses_one_mark_a_role():
    """Lesson 9's question header read "权重（每个输出一行） 0.3；0.2；0.9、输入 0.65、目标 0.1 1
    0.1、学习率 α 0.1、迭代 0": 、 ； and spaces between numbers alike. Now a name and its
    value are apart by ：, the numbers of a list by a comma (as on every panel and in the
    editor), the rows of a matrix by a half-width ; (a full-width ； beside half-width commas
    read as two styles mixed), the entries by spaces."""
    from gradstep.tui.words.prose import where_it_stands

    history = History.start(find_lesson("several-outputs").problem)
    # With one input each row is one weight: one list, as lesson 9's panel writes them.
    assert where_it_stands(history, "zh") == "权重：0.3,0.2,0.9  输入：0.65  目标：0.1,1,0.1  学习率 α：0.1  迭代：0"
    assert where_it_stands(history, "en") == "weights 0.3 0.2 0.9, input 0.65, goals 0.1 1 0.1, alpha 0.1, iteration 0"
    matrix = History.start(find_lesson("weight-matrix").problem)
    assert where_it_stands(matrix, "zh").startswith("权重（每个输出一行）：0.1,0.1,-0.3;0.1,0.2,0;0,1.3,0.1  输入：")


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "index"), [("divergence", 1), ("alpha", 0), ("alpha", 1)])
def test_a_question_for_an_alpha_shows_the_formula_it_needs(name, index, language):
    """Lessons 5 and 6 asked for the one-step alpha and the edge ("也就是 α 小于它就收敛的最大
    那个值？") before their text gave 1/input^2 and 2/input^2: the question now states r's
    formula and what r must be, so the answer can be worked out from what is on screen."""
    ask = find_lesson(name).questions[index].texts[language].ask
    assert {"en": "r = 1 - alpha x input^2", "zh": "r = 1 - α × 输入^2"}[language] in ask
    assert "也就是" not in ask and "那个值" not in ask


@pytest.mark.parametrize("language", ["en", "zh"])
def test_one_outputs_frozen_row_is_not_every_weight_frozen(language):
    """Lesson 9 with w1,1 frozen: the panel said "every weight frozen: nothing learns" while
    outputs 2 and 3 learned."""
    problem = find_lesson("several-outputs").problem
    one = History.start(problem.replace(frozen=(0,)))
    said = " ".join(readout_lines(one, language, output=0))
    assert say(language, "regime.no-signal.frozen_output", output=1) in said
    assert say(language, "regime.no-signal.frozen") not in said
    every = History.start(problem.replace(frozen=(0, 1, 2)))
    assert say(language, "regime.no-signal.frozen") in " ".join(readout_lines(every, language, output=0))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_hot_and_cold_starting_a_rounding_hair_off_its_goal_says_it_is_there_but_for_rounding(language):
    """0.1 x 3 is 0.30000000000000004: lesson 2 edited to weight 0.1, input 3, goal 0.3 read
    "the goal weight 0.1 is 1.3878e-17 away: 0 steps of 0.2", the sentence the start on the
    goal no longer says, with a distance the panels show nowhere. The start is the goal but
    for float rounding, and hot and cold steps off it all the same."""
    lesson = find_lesson("hot-cold")
    problem = lesson.problem.replace(weights=(0.1,), inputs=(3.0,), goal=0.3, step_amount=0.2)
    assert analysis.rounding_misses(problem) == (True,)
    notice = fill(lesson.text(language).notice, facts(problem, language))
    hair = say(language, "figures.dust", value=readable(0.1 * 3 - 0.3))
    assert History.start(problem).jump(3).weights.tolist() == [0.1]  # up and down tie: it stays
    assert notice.startswith(say(language, "start_to_goal.stays", weight="0.1", step="0.2", hair=hair)), notice
    assert {"en": "0 steps", "zh": "0 个"}[language] not in notice
    assert "1.3878e-17" not in notice  # the distance in weight, shown nowhere else


@pytest.mark.parametrize("name", ["alpha", "divergence"])
@pytest.mark.parametrize("language, at_edge, above", [
    ("en", r"2/input\^2 = (?:\S+ = )?([\d.]+)[:,] (?:there )?r = -1", "diverges"),
    ("zh", r"2/输入\^2 = (?:\S+ = )?([\d.]+)(?: 时|：α 等于它时) r = -1", "发散"),
])
def test_the_edge_question_says_r_is_minus_one_at_the_edge_and_diverges_above_it(name, language, at_edge, above):
    """A Chinese walk read "大于 2/输入^2 = 0.5，那时 r = -1" as "above 0.5, r = -1": r is -1
    exactly at the edge, and only above it does |r| pass 1."""
    lesson = find_lesson(name)
    edge = 2 / lesson.problem.inputs[0] ** 2
    [question] = [q for q in lesson.questions if abs(q.answer - edge) < 1e-9]
    explained = fill(question.text(language).explain, facts(lesson.problem, language))
    found = re.search(at_edge, explained)
    assert found and float(found.group(1)) == pytest.approx(edge), explained
    assert above in explained.split("r = -1", 1)[1], explained


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_output_on_its_goal_is_named_and_shares_the_others_r(language):
    """Lesson 9 with goal 1 set to prediction 1: the panel said "起点就在目标上" though
    outputs 2 and 3 were not, and called output 1's factor r1 where the others' was r, though
    one input and one alpha give every output the same r."""
    problem = find_lesson("several-outputs").problem
    problem = problem.replace(goal=(0.3 * 0.65, 1.0, 0.1))
    history = History.start(problem)
    for output in range(3):
        lines = readout_lines(history, language, output=output)
        assert lines[0].startswith("r = ") and not re.search(r"\br\d", " ".join(lines)), lines
    on_goal = readout_lines(history, language, output=0)
    assert on_goal_label(problem, language, output=0) in on_goal
    assert on_goal_label(problem.output_problem(0), language) not in on_goal


@pytest.mark.parametrize(("language", "invite", "whatever"), [("en", "Press + and -", "r = 1 whatever alpha is"),
                                                              ("zh", "按 + 和 -", "不管 α 取多少，r 都是 1")])
def test_lesson_6_with_input_0_does_not_invite_alphas_that_cannot_differ(language, invite, whatever):
    """Lesson 6 with input 0 still said "按 + 和 - 换几个学习率 α，把各种情形都走一遍": every
    alpha gives r = 1 there, nothing to try. It says so, and how to bring alpha back."""
    lesson = find_lesson("alpha")
    assert invite in notice(lesson, History.start(lesson.problem), language)
    said = notice(lesson, History.start(lesson.problem.replace(inputs=(0.0,))), language)
    assert invite not in said and whatever in said, said


@pytest.mark.parametrize("language", LANGUAGES)
def test_frozen_weight_beside_learners_on_input_0_is_not_called_every_input_0(language):
    """Lesson 8 with inputs 8.5, 0, 0 and w1 frozen said "inputs all 0: nothing to learn" and
    "Every input is 0: the error does not depend on the weights", yet input 1 is 8.5, and
    "its error curve sinks to the bottom" of a curve that never changes."""
    lesson = find_lesson("freeze-weight")
    problem = lesson.problem.replace(inputs=(8.5, 0.0, 0.0))
    assert problem.frozen == (0,)
    history = History.start(problem)
    assert say(language, "regime.no-signal.learners") in readout_lines(history, language)
    words = " ".join(opening(lesson, history, language))
    assert say(language, "r_says.no-signal.learners") in words
    assert say(language, "r_says.no-signal") not in words
    assert say(language, "frozen_curve.still") in words and say(language, "frozen_curve.sinks") not in words
    assert say(language, "frozen_curve.sinks") in " ".join(opening(lesson, History.start(lesson.problem), language))
    assert History.start(problem).jump(3).error == history.error  # nothing learns, truly


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("inputs", "key", "said"),
    [
        ((8.5, 0.65, 1.2), "moves_most.one", {"input": "8.5"}),
        ((1.0, -8.5, 1.2), "moves_most.one", {"input": "-8.5"}),
        ((0.0, 0.0, 0.0), "moves_most.none", {}),
        ((2.0, -2.0, 1.0), "moves_most.tie", {"size": "2", "weights": "1, 2"}),
    ],
)
def test_lesson_7_names_the_input_largest_in_size_or_says_nothing_moves(language, inputs, key, said):
    """Lesson 7 said "the largest input moves its weight the most" with every input 0 (nothing
    moves) and with input -8.5 (largest in size, not in value)."""
    lesson = find_lesson("multi-weight")
    problem = lesson.problem.replace(inputs=inputs)
    words = " ".join(opening(lesson, History.start(problem), language))
    assert say(language, key, **said) in words
    deltas = np.abs(History.start(problem).step().weights - np.array(problem.weights))
    if key == "moves_most.none":
        assert not deltas.any()
    elif key == "moves_most.tie":
        assert set(np.flatnonzero(deltas == deltas.max()) + 1) == {int(w) for w in said["weights"].split(", ")}
    else:  # the input named is the one whose weight moves the most
        assert problem.inputs[int(np.argmax(deltas))] == float(said["input"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_no_signal_family_has_the_learners_sentence(language):
    """A frozen weight on input 8.5 beside learners on input 0 is a no-signal case of its own:
    every sentence chosen by no_signal_suffix exists for it (none falls back to "every input 0")."""
    problem = find_lesson("freeze-weight").problem.replace(inputs=(8.5, 0.0, 0.0), alpha=0.3)
    for text in (r_says(problem, language), blows_up(problem, language), try_alphas(problem, language)):
        assert text and "8.5" not in text
    assert say(language, "try_alphas.no_signal.learners") == try_alphas(problem, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_6_on_the_goal_does_not_invite_alphas_that_change_nothing(language):
    """Lesson 6 with the start edited onto the goal (0.4 x 2 = 0.8) said "the error stays 0"
    and then "try alphas that converge, zig-zag, bounce and blow up": with a miss of 0 no
    alpha changes anything, and the invitation says so instead."""
    problem = find_lesson("alpha").problem.replace(weights=(0.4,), inputs=(2.0,), goal=0.8)
    assert analysis.starts_on_goal(problem)
    words = " ".join(opening(find_lesson("alpha"), History.start(problem), language))
    assert say(language, "try_alphas.on_goal") in words
    assert say(language, "try_alphas") not in words
    for alpha in (0.1, 0.25, 0.5, 1.0):  # true: no alpha moves it
        assert History.start(problem.replace(alpha=alpha)).jump(5).error == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_8_goal_at_the_starts_prediction_keeps_the_curve_at_the_bottom(language):
    """Lesson 8 with the goal at the start's prediction (0.86, a hair from 0.8600000000000001)
    said the frozen weight's curve "sinks to the bottom" though it is at the bottom already."""
    lesson = find_lesson("freeze-weight")
    problem = lesson.problem.replace(goal=0.86)
    assert any(analysis.rounding_misses(problem))
    words = " ".join(opening(lesson, History.start(problem), language))
    assert say(language, "frozen_curve.bottom") in words
    assert say(language, "frozen_curve.sinks") not in words
    assert History.start(problem).jump(10).error < 1e-20  # it stays there


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("inputs, squared", [((0.65,), "0.65^2"), ((-2.0,), "(-2)^2")])
def test_r_formula_of_one_input_squares_the_input_for_every_output_alike(language, inputs, squared):
    """Lesson 9 wrote r three ways: "0.65^2" for output 1, "0.4225" for outputs 2 and 3, and
    "4" after input -2: one input is squared where it is shown, whichever output speaks."""
    problem = find_lesson("several-outputs").problem.replace(inputs=inputs)
    written = {facts(problem, language)["r_formula"],
               *(facts(problem.output_problem(row), language)["r_formula"] for row in range(problem.outputs))}
    assert len(written) == 1 and f" {squared} = " in written.pop()
    started = History.start(problem)
    for output in range(problem.outputs):
        r_lines = [line for line in readout_lines(started, language, output=output) if R_FORMULA.search(line)]
        assert all(f" {squared} = " in line for line in r_lines), r_lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_r_formula_writes_a_sum_of_squares_exactly_where_r_goes_on_from_it(language):
    """Lesson 10 edited to input 85 and alpha 0.0002: "1 - 0.0002 x 7225.4 = -0.4450845"
    showed r to more digits than 7225.4 allows; the sum is written 7225.4225."""
    problem = find_lesson("weight-matrix").problem.replace(inputs=(85.0, 0.65, 0.0), alpha=0.0002)
    formula = facts(problem, language)["r_formula"]
    alpha, squares, r = R_FORMULA.search(f"r = {formula}").groups()
    assert squares == "7225.4225"
    assert 1 - float(alpha) * float(squares) == pytest.approx(float(r), rel=1e-12), formula


EXACTLY = {"en": "which is r^2", "zh": "正好是 r^2"}
ABOUT = {"en": "about r^2", "zh": "约等于 r^2"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("inputs", "alpha", "factor"), [((3.0,), 1.5, "156.25"), ((1.0,), 0.125, "0.765625"),
                                                         ((1.0,), 0.25, "0.5625")])
def test_the_error_factor_is_written_as_exactly_r_squared_as_it_is_called(language, inputs, alpha, factor):
    """Lesson 4 with input 3, alpha 1.5 said "x 156.2, exactly r^2 = (-12.5)^2": (-12.5)^2 is
    156.25. The factor is written to the digits r^2 takes, so "exactly" checks by hand."""
    problem = find_lesson("error-curve").problem.replace(inputs=inputs, alpha=alpha)
    said = commentary(History.start(problem).jump(1), language)[0]
    r = carried(r_value(problem))
    assert float(r) ** 2 == pytest.approx(float(factor), rel=1e-12)
    assert re.search(rf"(?<![\d.]){re.escape(factor)}(?![\d])", said), said
    assert EXACTLY[language] in said and ABOUT[language] not in said


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_factor_rounded_from_r_squared_is_about_it_not_exactly(language):
    """Where r itself is rounded on screen (1 - 0.3 x 1.1111^2 needs more digits than r shows),
    or r^2 takes more digits than a figure is carried to (0.14040009), the factor is
    "about" r^2, not "exactly"."""
    problem = find_lesson("error-curve").problem.replace(inputs=(1.1111,), alpha=0.3)
    r = r_value(problem)
    assert float(carried(r)) != r  # r shown is rounded
    long = find_lesson("error-curve").problem.replace(inputs=(1.3,), alpha=0.37)  # r^2 = 0.3747^2 = 0.14040009
    assert ABOUT[language] in commentary(History.start(long).jump(1), language)[0]
    said = commentary(History.start(problem).jump(1), language)[0]
    assert ABOUT[language] in said and EXACTLY[language] not in said


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_5_marks_the_line_that_does_not_add_up_as_shown(language):
    """Lesson 5's step 2 read "weight = -149.5 - 1 x (-14850) = 14700" (by hand 14700.5):
    now written 14700.5, its lines all add up and no note is needed; step 3's last line,
    14700.5 - 1 x 1.4702e+06, gives -1455499.5 by hand where it shows -1.4554e+06: that line,
    and only that one, says ~=, and the note under it says what ~= means, not five digits
    (147005 beside it has six)."""
    problem = find_lesson("divergence").problem
    note = say(language, "worked.shown_digits")
    about = say(language, "sign.about")
    second, third = (worked_step(History.start(problem).jump(steps), language) for steps in (2, 3))
    assert note not in second and not any(about in line for line in second)
    assert "147005" in " ".join(third)
    assert [line for line in third if about in line and line != note] == [
        say(language, "worked.weight", weight="14700.5", alpha="1", weight_delta="1.4702e+06", value="-1.4554e+06",
            equals=about)]
    assert third.index(note) == len(third) - 1  # directly under the line marked, the step's last
    assert "5" not in note


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_and_cold_from_the_goal_is_told_to_bounce_on_not_to_come_back_once(language):
    """Lesson 2 with the goal at the start and a step of 0.2 leaves the goal by rounding and
    bounces 0.5 <-> 0.7 for ever: the opening said only "steps off, then comes back", and the
    Chinese regime line said rounding moves it off "again" (又) though it had never left."""
    problem = find_lesson("hot-cold").problem.replace(goal=0.5, step_amount=0.2)
    history = History.start(problem).jump(40)
    assert set(np.round(history.weight_trail[:, 0], 12)) == {0.5, 0.7}  # true: it bounces on
    said = start_to_goal(problem, facts(problem, language), language)
    assert said == say(language, "start_to_goal.leaves", **facts(problem, language), hair="")
    assert {"en": "goes on bouncing", "zh": "一直这样来回跳"}[language] in said
    assert "又" not in say(language, "regime.stuck-bouncing.rounding")


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_2_says_what_the_goal_weight_is_where_it_asks_about_it(language):
    """Lesson 2's question said "The goal weight is -1" before "goal weight" was explained
    (and the goal is -1 too): it says plainly that it is the weight whose prediction equals
    the goal, with the sum that finds it."""
    from gradstep.tui.words.prose import question_words

    session = Session.begin(find_lesson("hot-cold"))
    ask = question_words(session, 1, language).ask
    assert {"en": "the weight whose prediction equals the goal", "zh": "让预测等于目标的权重"}[language] in ask
    assert {"en": "1 x w = -1", "zh": "1 × w = -1"}[language] in ask


R_WRITTEN = {"en": "r = 1 - alpha x input^2", "zh": "r = 1 - α × 输入^2"}
R_SUMMED = {"en": "r = 1 - alpha x (sum of input^2)", "zh": "r = 1 - α × 输入平方和"}  # several inputs: a sum, said so


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", LESSONS)
def test_r_is_written_one_way_in_every_lesson(name, language):
    """Lesson 7 wrote r = 1 - alpha x |inputs|^2 (lesson 10 the same, Chinese 1 - α × 平方和)
    where every other lesson writes input^2: one formula, whose input^2 is the sum of the
    inputs' squares where there are several, is written the one way everywhere: with several
    inputs as the sum it is ("sum of input^2", 输入平方和), never input^2 standing for it."""
    lesson = find_lesson(name)
    text = lesson.texts[language]
    words = " ".join([text.teaches, text.notice, *(question.texts[language].ask for question in lesson.questions)])
    written = re.findall(r"r = 1 - (?:alpha|α) (?:x|×) (?:\([^)]*\)|[^=,.;，。；（(]+)", words)
    one_way = (R_SUMMED if len(lesson.problem.inputs) > 1 else R_WRITTEN)[language]
    assert all(formula.strip() == one_way for formula in written), written
    assert "|inputs|" not in words and "× 平方和" not in words


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_diverging_alpha_beside_a_start_on_the_goal_says_it_is_on_the_goal_and_grows_the_hair(language):
    """Lesson 8 with the goal edited to the start's own prediction, 0.86, and alpha 1.5: the
    panel said "r < -1: diverges" beside an error of 1.2e-32, and steps later the error was
    in the hundreds. At that step the verdict says it is on the goal and that r < -1 grows
    any hair; once the hair has grown past the tolerance, it diverges as before."""
    problem = find_lesson("freeze-weight").problem.replace(goal=(0.86,), alpha=1.5)
    start = History.start(problem)
    assert 0 < start.error < 1e-30
    lines = readout_lines(start, language)
    assert lines[1] == say(language, "regime.diverging.near") and say(language, "regime.diverging") not in lines
    grown = start.jump(60)
    assert grown.error > 1e-6 and readout_lines(grown, language)[1] == say(language, "regime.diverging")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_heading_says_the_rule_apart_from_the_lesson_once_it_is_not_the_lessons_own(language):
    """Line mode and the app's title read the same heading: after m, lesson 3's read
    梯度下降 alone, the lesson's name, above hot and cold's numbers."""
    from gradstep.core.session import Session
    from gradstep.tui.words.prose import heading_now, lesson_heading

    lesson = find_lesson("gradient-descent")
    session = Session.begin(lesson)
    assert heading_now(session, language) == lesson_heading(lesson, language)
    switched = session.with_other_rule()
    heading = heading_now(switched, language)
    assert heading.startswith(lesson_heading(lesson, language)) and heading.endswith(
        say(language, "hot-cold") + ("）" if language == "zh" else ""))
    assert heading_now(switched.with_other_rule(), language) == lesson_heading(lesson, language)
    assert not heading_now(switched, language, named=False).startswith("gradient-descent")


@pytest.mark.parametrize("language", LANGUAGES)
def test_lessons_9_and_10_name_a_weight_one_way_on_every_panel(language):
    """Lesson 9 named one weight three ways: "weight 1" in the question, "row 1 of w" on the
    panel, "w1,1" on the chart, and the worked step said "weight = ...". A weight is wi,j
    everywhere (lesson 9's panel lists them on one weights row); lesson 10's row of three
    is the panel's "row i of w" in the question and the worked step too."""
    from gradstep.tui.words.help import help_says

    for name, worked_name, choice in (("several-outputs", "w2,1", "w1,1"),
                                      ("weight-matrix", say(language, "weights_row", row=2), say(language, "weights_row", row=1))):
        lesson = find_lesson(name)
        worked = worked_step(History.start(lesson.problem).jump(1), language, 1)
        assert any(line.startswith(worked_name + " = ") for line in worked), worked
        assert not any(line.startswith(("weight = ", "weights = ", "权重 = ")) for line in worked)
        choices = lesson.questions[0].text(language).choices
        assert choices[0].startswith(choice) and not any(re.match(r"(weight|权重) \d", each) for each in choices)
        said = lesson.text(language).teaches + lesson.questions[0].text(language).explain
        assert "wi,j" in said or "w2,1" in said
        assert not re.search(r"(?<![a-z])weight \d|权重 \d|row 2 of the weights|权重的第 2 行", said)
    helped = help_says(language, "help.weights.outputs", ())
    assert "wi,j" in helped and not re.search(r"weight 1|权重 1", helped)


@pytest.mark.parametrize(("language", "says", "never"), [
    ("en", "w1, w2, w3 are frozen: their weight_delta is set to 0", "is frozen: its"),
    ("zh", "w1、w2、w3 被冻结：它们的权重改变量都改为 0", "它的权重改变量")])
def test_several_frozen_weights_are_spoken_of_as_several(language, says, never):
    """Lesson 8 with three weights frozen read "w1, w2, w3 is frozen: its weight_delta is set
    to 0", as if they were one weight; one frozen weight keeps "is" and "its"."""
    problem = find_lesson("freeze-weight").problem.replace(frozen=(0, 1, 2))
    said = "\n".join(worked_step(History.start(problem).step(), language))
    assert says in said and never not in said, said
    one = "\n".join(worked_step(History.start(problem.replace(frozen=(1,))).step(), language))
    assert say(language, "worked.frozen", weights="w2") in one


def test_the_editors_separator_hints_are_worded_one_way_as_the_panels_write_lists():
    """The editor's hints said "（, 或 ， 都行）" in one place, "（，或 , 都行）" in another and
    "（如 0.1，0.2；，或 , 都行）" in a third, while the panels write a list "8.5,0.65,1.2".
    One wording now, the panels' mark first, and the example list written as they write it."""
    import re

    zh = SENTENCES["zh"]
    hints = [(key, text) for key, text in zh.items() if "都行" in text]
    assert len(hints) >= 4
    for key, text in hints:
        for said in re.findall(r"（[^（）]*都行）", text):
            assert said in ("（, 或 ， 都行）", "（; 或 ； 都行）"), (key, said)
    assert "0.1,0.2" in zh["numbers.empty"] and "0.1，0.2" not in zh["numbers.empty"]
    assert "1,3" in say("en", "edit_help.frozen")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_help_promises_only_the_weights_the_chart_keeps(language):
    """The help promised "the weights visited (o)"; the chart keeps the last TRAIL of them."""
    from gradstep.core.curve import TRAIL

    said = say(language, "help.panel.chart.text")
    assert {"en": f"the last {TRAIL} weights visited (o)", "zh": f"最近走过的 {TRAIL} 个权重（o）"}[language] in said


ON_GOAL_STARTS = [  # a start on the goal in lessons 3, 5, 9 and 10; in 10 with a weight frozen too
    ("gradient-descent", {"weights": (-1.0,)}),
    ("divergence", {"weights": (-1.0,)}),
    ("several-outputs", {"weights": (0.0,) * 3, "goal": (0.0,) * 3}),
    ("several-outputs", {"weights": (0.0,) * 3, "goal": (0.0,) * 3, "frozen": (1,)}),
    ("weight-matrix", {"weights": (0.0,) * 9, "goal": (0.0,) * 3}),
    ("weight-matrix", {"weights": (0.0,) * 9, "goal": (0.0,) * 3, "frozen": (0,)}),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_start_on_the_goal_is_said_one_way_in_every_lesson_and_of_every_output(language):
    """Lessons 3 and 5 said "on the goal: r x 0 is still 0", lessons 9 and 10 "output 2
    starts on goal" when all three outputs did: one sentence, of the whole run where every
    output starts on its goal, whichever output the chart follows."""
    said = set()
    for name, changes in ON_GOAL_STARTS:
        problem = find_lesson(name).problem.replace(**changes)
        assert analysis.starts_on_goal(problem)
        for output in range(problem.outputs):
            lines = readout_lines(History.start(problem), language, output=output)
            shown = [line for line in lines if re.search(r"[xX×] 0 = 0", line)]
            if name == "several-outputs" and "frozen" in changes and output == 1:
                continue  # output 2's one weight frozen: "output 2 frozen: it learns nothing" is its verdict
            assert len(shown) == 1, (name, changes, output, lines)
            said.add(re.sub(r"\br\d?\b", "r", shown[0]))
    one, every = say(language, "on_goal.start"), say(language, "on_goal.every")
    assert said == {say(language, "regime.on_goal", who=one, name="r"),
                    say(language, "regime.on_goal", who=every, name="r")}, said


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_rounding_hair_that_a_step_keeps_is_said_to_be_kept_at_that_step(language):
    """Lesson 8 with its goal set to its start's prediction (0.86) kept error 1.2326e-32 and
    delta 1.1102e-16 for a step ("x 1") while its words said r multiplies even that hair
    each step: the worked step's first lines, the step's story and r's sentence say
    rounding keeps it (r^2 = 0.1947 cannot shrink a hair), and it clears to 0 a step later."""
    problem = find_lesson("freeze-weight").problem.replace(goal=0.86)
    kept = History.start(problem).step()
    assert kept.error == kept.errors[0] > 0  # x 1, not x r^2: rounding kept it
    first = worked_step(kept, language)[:4]
    assert say(language, "worked.rounding_kept", goal="0.86", error="1.2326e-32") in first, first
    assert commentary(kept, language) == [say(language, "story.rounding_kept", whose=say(language, "whose.error"),
                                              now="1.2326e-32", r_name="r", r_squared="0.1947")]
    assert r_says(problem, language).endswith(say(language, "on_goal.hair.rounding", said="", miss="1.1102e-16").strip())
    cleared = kept.step()
    assert cleared.error == 0 and say(language, "worked.rounding", goal="0.86", error="1.2326e-32") in worked_step(cleared, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_and_colds_words_from_its_goal_on_agree_with_the_figures_beside_them(language):
    """Lesson 2 from step 15 on: the panel's headline said "at the goal, rounding moves it
    off" beside weight -1.1; the worked step called error 1.2e-32 "not 0" beside the log's
    "1.2326e-32: float rounding dust, read 0"; the story said only exactly on the goal
    weight -1 would it stay, beside a weight shown as -1. Each is now true at the digits
    shown: it bounces, on the goal and a step off; the error is dust, read 0; the -1 it
    reaches is a hair off the goal weight -1."""
    start = History.start(find_lesson("hot-cold").problem)
    headlines = {readout_lines(start.jump(k), language)[0] for k in range(15, 21)}
    assert headlines == {say(language, "regime.stuck-bouncing.rounding")}
    assert {"en": "bounces", "zh": "来回跳"}[language] in headlines.pop()  # as the story says it
    dust = {"en": "dust", "zh": "零头"}[language]
    assert dust in say(language, "log.dust", value="1.2326e-32")
    hair = [line for line in worked_step(start.jump(15), language) if "1.2326e-32" in line and line[:1] in "(（"]
    assert hair and dust in hair[0] and {"en": "not 0", "zh": "不是 0"}[language] not in hair[0], hair
    story = say(language, "story.hot_cold_bouncing_off", iteration=15, a="-1", b="-1.1", near="-1", goal="-1",
                step="0.1")
    assert story in commentary(start.jump(17), language)
    assert {"en": "the -1 it reaches is a hair off the goal weight -1", "zh": "它到达的 -1 与目标权重 -1 还差一丝"}[language] in story


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("goal", "now", "after", "other"), [(5.0, "25", "225", "625"), (7.0, "9", "289", "529")])
def test_hot_cold_says_where_the_side_it_moves_to_is_worse_than_now(language, goal, now, after, other):
    """Input 100, step 0.2: at step #2->#3 the error went from 25 (or 9) to 225 (or 289)
    while the worked step said "down is hotter (less error)": less only than up's. Where the
    side it moves to has more error than now, the outcome says so, and a note says hot and
    cold moves to the better of up and down even when staying would be better."""
    problem = hot_cold_at(0.5, goal, input_=100.0, step=0.2)
    lines = worked_step(History.start(problem).jump(3), language)
    values = {"weight": "0.1", "step": "0.2", "after": "-0.1"}
    assert say(language, "moved_down.worse_now", **values) in lines
    assert say(language, "moved_down", **values) not in lines
    assert say(language, "worked.worse_now", side=say(language, "side_name.down"), after=after, now=now) in lines
    said = " ".join(lines)
    assert all(figure in said for figure in (now, after, other))
    assert {"en": "staying would be better", "zh": "不动会更好"}[language] in said
    better = worked_step(History.start(problem).jump(2), language)  # 625 -> 25: hotter than now too
    assert say(language, "moved_down", weight="0.3", step="0.2", after="0.1") in better
    assert not any("worse" in line or "更好" in line for line in better)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_cold_says_a_move_off_the_goal_made_the_error_worse(language):
    """Lesson 2 at step #15->#16: from error 1.2326e-32, a hair off the goal, it moves down
    to error 0.01, rounding deciding between the two sides: the error rose, and the note
    says so beside the one that says rounding decided."""
    lines = worked_step(History.start(find_lesson("hot-cold").problem).jump(16), language)
    assert say(language, "worked.worse_now", side=say(language, "side_name.down"), after="0.01",
               now="1.2326e-32") in lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_hot_colds_countdown_to_a_goal_between_steps_says_it_never_lands(language):
    """Lesson 2 with step 0.2: the panel said "7 more steps x 3 predictions = 21" beside a
    goal the lesson's text puts 7.5 steps away, which the weight never reaches: students read
    it as a promise that it arrives. Where the goal is not a whole number of steps away the
    count says it bounces from there, never landing; it is one less each step down to the
    weight nearest the goal, 7 of the text's 7.5 steps, where the panel says it bounces from
    here. A goal a whole number of steps away keeps its count as it was."""
    lesson = find_lesson("hot-cold")
    problem = lesson.problem.replace(step_amount=0.2)
    said = fill(lesson.text(language).notice, facts(problem, language))
    assert say(language, "count.steps_of", steps="7.5", step="0.2") in said
    start = History.start(problem)
    counts = [readout_lines(start.jump(k), language, taught=frozenset())[2] for k in range(10)]
    more = [say(language, "count.more_step" if left == 1 else "count.more_steps", steps=left) for left in range(7, 0, -1)]
    assert counts == [say(language, "hot_cold_to_goal.between", steps=steps, per=3, cost=3 * left)
                      for steps, left in zip(more, range(7, 0, -1))] + [say(language, "at_goal_region")] * 3
    assert {"en": "never on it", "zh": "落不到目标上"}[language] in counts[0]
    assert all(len(wrap(count, 38)) <= 2 for count in counts)  # the parameters panel's rows at 80x24
    far = say(language, "hot_cold_to_goal.between", steps=say(language, "count.more_steps", steps=1500), per=3,
              cost=4500)
    assert len(wrap(far, 38)) <= 2
    whole = readout_lines(History.start(lesson.problem), language, taught=frozenset())[2]
    assert whole == say(language, "hot_cold_to_goal", steps=say(language, "count.more_steps", steps=15), per=3,
                        cost=45)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("frozen", "said"), [
    ((0, 1), {"en": "w1 and w2 are frozen, so their inputs, 8.5 and 0.65, do not count in r.",
              "zh": "w1、w2 被冻结了，它们的输入 8.5、0.65 都不计入 r。"}),
    ((1,), {"en": "w2 is frozen, so its input, 0.65, does not count in r.", "zh": "w2 被冻结了，它的输入 0.65 不计入 r。"}),
])
def test_the_words_after_z_say_which_weights_are_frozen_and_that_their_inputs_leave_r(frozen, said, language):
    """Lesson 8 with w1 and w2 frozen said "(w1, w2's input is left out)", read as w2's input
    alone: each frozen weight is named, with its input, and what leaving it out means for r."""
    lesson = find_lesson("freeze-weight")
    words = " ".join(opening(lesson, History.start(lesson.problem.replace(frozen=frozen)), language))
    assert said[language] in words, words
    assert "'s input is left out" not in words


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_8_names_the_frozen_weight_it_says_to_watch(language):
    """Lesson 8 said "Watch weight 1 on the chart: its error curve sinks to the bottom though
    it never moves" whatever was frozen: with w2 frozen (z) weight 1 learns, with none frozen
    none "never moves", and beside a chart a number key had turned to w2 the reader looked
    for weight 1's curve there. It names the frozen weight, as the chart's title does, and the
    key that shows it; with none frozen, it says so."""
    lesson = find_lesson("freeze-weight")
    shown = {"en": "Watch frozen {weight} (key {number}): ", "zh": "留意图上被冻结的 {weight}（按 {number} 显示）："}[language]
    for frozen, inputs in [((0,), (0.0, -2.0, 0.0)), ((1,), lesson.problem.inputs), ((2, 1), lesson.problem.inputs)]:
        problem = lesson.problem.replace(frozen=frozen, inputs=inputs)
        history = History.start(problem)
        # A teacher's lesson written for these numbers: a course lesson's words are its own
        # problem's, and other freezing is told in other words (test_opening_frozen.py).
        words = " ".join(opening(dataclasses.replace(lesson, problem=problem, source="teacher.toml"), history, language))
        first = min(frozen)
        assert shown.format(weight=f"w{first + 1}", number=first + 1) + frozen_curve(problem, language) in words
        assert {"en": "weight 1 on the chart", "zh": "图上的权重 1"}[language] not in words
    problem = lesson.problem.replace(frozen=())
    words = " ".join(opening(dataclasses.replace(lesson, problem=problem, source="teacher.toml"), History.start(problem),
                             language))
    assert say(language, "frozen_watch.none") in words
    assert not any(say(language, key) in words for key in SENTENCE_KEYS if key.startswith("frozen_curve."))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("changes", [{"frozen": (1,)}, {"inputs": (8.5, 0.0, 1.2)}])
def test_lesson_7s_eight_digit_factor_is_r_squared_carried_exactly(language, changes):
    """Lesson 7 with w2 frozen (or its input 0) says "x 0.06922161, which is r^2 = 0.2631^2",
    where every other figure shows five digits: the one figure carried on exactly, the story's
    error factor, so that "which is 0.2631^2" checks by hand (0.2631^2 = 0.06922161; at five
    digits, 0.069222, it would not). The worked step, r's formula and the readout keep five."""
    problem = find_lesson("multi-weight").problem.replace(**changes)
    history = History.start(problem).jump(2)
    said = commentary(history, language)[0]
    assert "0.06922161" in said and EXACTLY[language] in said and "0.2631^2" in said
    assert Fraction("0.2631") ** 2 == Fraction("0.06922161") and readable(0.06922161) == "0.069222"
    elsewhere = " ".join(worked_step(history, language) + readout_lines(history, language))
    figures = re.findall(r"(?<![\w.])\d+(?:\.\d+)?", re.sub(r"e[+-]\d+", "", elsewhere))
    assert max(len(figure.replace(".", "").lstrip("0")) for figure in figures) == 5, elsewhere
