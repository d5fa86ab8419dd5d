"""The lesson's words, true of the numbers on screen.

A lesson's text states no figure of its own: it names them as {placeholders} (`{r}`,
`{best_alpha}`, `{predicts}`), filled in here from the problem on screen, so after an edit,
a new alpha or the other rule the words change with the numbers. What a run does (where
it lands, settles, bounces, where rounding decided a move) is said only once the student
has seen it happen, from the run's own landmarks; before the first step the text says
what to watch for, not what will be seen.

`PLACEHOLDERS` lists what a teacher's lesson file may use.
"""

from __future__ import annotations

import functools
import math
import re

import numpy as np
from collections.abc import Mapping
from types import MappingProxyType

from ...core import analysis
from ...core.analysis import Regime
from ...core.courses import course_names, course_problem
from ...core.history import History
from ...core.journal import Words
from ...core.lessons import Lesson
from ...core.numbers import SHOWN_DIGITS, readable
from ...core.predict import ERROR, RIGHT_WITHIN, before_and_after, within_change
from ...core.problem import GRADIENT_DESCENT, HOT_COLD, MEASURE, InvalidProblem, Problem
from ...core.questions import RIGHT, SKIPPED, Answer, Question, QuestionText
from ...core.refusals import Refusal
from ...core.rules import GradientStep, HotColdStep, OutputsStep, as_arrays, output_record, predict_rows, squared_error, total
from ...core.session import Session
from .catalogue import SENTENCE_KEYS, SENTENCES
from .language import LANGUAGES
from .figures import (EXACT_DIGITS, carried, goals_text, named_list, no_signal_suffix, not_falsely_whole, number, over_squares, parenthesised,
                      r_formula, r_from_scale, r_value, row_r_formulas, scale_formula, squares, weight_name, weights_text, listed)
from .say import explain, field_names, say
from .worked import error_worked

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.lru_cache(maxsize=16)
def facts(problem: Problem, language: str) -> Mapping[str, str]:
    """Every figure a lesson's text may name, for `problem` at its start, as text: the same
    on every step of a run, so kept (read-only) rather than built again for each drawing."""
    times = say(language, "sign.times")
    weights, inputs = as_arrays(problem.weights), as_arrays(problem.inputs)
    prediction = float(predict_rows(weights.reshape(problem.shape), inputs)[0])  # the first output's
    goal = problem.goals[0]
    miss = prediction - goal
    hair = analysis.rounding_misses(problem)
    error = float(squared_error(prediction, goal))
    r = r_value(problem)
    scale = problem.alpha * analysis.sum_of_squares(problem)
    best, edge = analysis.best_alpha(problem), analysis.largest_stable_alpha(problem)
    bottom = goal / problem.inputs[0] if problem.size == 1 and problem.inputs[0] else None
    terms = " + ".join(f"{number(x)}{times}{number(w)}" for x, w in zip(problem.inputs, problem.weights))
    known = {
        "weight": ", ".join(readable(w) for w in problem.weights),
        "input": ", ".join(readable(x) for x in problem.inputs),
        "goal": readable(goal),
        "alpha": readable(problem.alpha),
        "step": readable(problem.step_amount),
        "count": str(problem.size),
        "rule": say(language, problem.method),
        "prediction": readable(prediction),
        "predicts": f"{terms} = {readable(prediction)}",
        "miss": readable(miss),
        "misses": f"{readable(prediction)} - {number(goal)} = {readable(miss)}{dust(miss, hair[0], language)}",
        "error": readable(error),
        "squares_miss": f"{number(miss)}^2 = {readable(error)}",
        "squares": squares(problem, language),
        "sum_of_squares": carried(analysis.sum_of_squares(problem)),
        "scale": readable(scale),
        "r": carried(r),
        "r_formula": r_formula(problem, language),
        "scale_formula": scale_formula(problem, language),
        "r_from_scale": r_from_scale(problem, language),
        "r_squared": not_falsely_whole(r * r),
        "r_says": r_says(problem, language),
        "downhill": downhill(problem, language),
        "blows_up": blows_up(problem, language),
        "try_alphas": try_alphas(problem, language),
        "frozen_curve": frozen_curve(problem, language),
        "frozen_watch": frozen_watch(problem, language),
        "moves_most": moves_most(problem, language),
        "r_at_alpha_1": readable(1.0 - analysis.sum_of_squares(problem)),
        "best_alpha": "?" if best is None else readable(best),
        "edge": "?" if edge is None else readable(edge),
        "best_formula": "?" if best is None else over_squares(1, problem, language),
        "edge_formula": "?" if edge is None else over_squares(2, problem, language),
        "bottom": "?" if bottom is None else readable(bottom),
        "curve": f"({number(problem.inputs[0])}{times}w - {number(goal)})^2" if problem.size == 1 else "?",
    }
    distance = abs(problem.weights[0] - bottom) if bottom is not None else None
    known["distance"] = "?" if distance is None else readable(distance)
    known["distance_steps"] = "?" if distance is None else _count_of_steps(problem)
    known["distance_in_steps"] = "?" if distance is None else steps_of(known["distance_steps"], problem, language)
    known["start_to_goal"] = "?" if distance is None else start_to_goal(problem, known, language)
    known["watch_landing"] = watch_landing(problem, language)
    known["outputs"] = str(problem.outputs)
    if problem.outputs > 1:
        known |= _outputs_facts(problem, language)
    return MappingProxyType(known)


def facts_now(history: History, language: str) -> Mapping[str, str]:
    """The figures as they stand at the run's iteration now: a question asked at iteration 2
    speaks of the weight, miss and error on screen then, not of those the run started from."""
    weights = tuple(float(w) for w in history.weights)
    problem = history.problem
    if weights != problem.weights:
        try:
            problem = problem.replace(weights=weights)
        except InvalidProblem:  # weights past what a start may be (a run near its divergence)
            return MappingProxyType({**facts(problem, language), **dict.fromkeys(_BY_WEIGHT, "?")})
    return facts(problem, language)


def lesson_names(lesson: Lesson, language: str) -> tuple[str, str]:
    """(name, title) as a screen shows the lesson: ("hot-cold", "Hot and cold") in English,
    whose name is also what the command line takes; in another language its own title
    alone, ("冷热法", ""), the English name being for the command line. A lesson with no
    title in that language keeps its name beside the title it has."""
    own = lesson.texts.get(language)
    if not LANGUAGES[language].code_names and own is not None and own.title:
        return own.title, ""
    return lesson.name, lesson.text(language).title


def lesson_heading(lesson: Lesson, language: str) -> str:
    """The lesson in one line: "hot-cold: Hot and cold", or "冷热法"."""
    name, title = lesson_names(lesson, language)
    return f"{name}: {title}" if title else name


def heading_now(session: Session, language: str, named: bool = True) -> str:
    """The lesson, and the rule in use where m (or an edit) switched from the lesson's own:
    after m the title read "梯度下降" above "参数：冷热法", the lesson's name and a rule's
    being one word. Not `named`, the lesson goes by its title alone, without the name the
    command line knows it by (where the line has no room for both)."""
    name, title = lesson_names(session.lesson, language)
    heading = lesson_heading(session.lesson, language) if named else title or name
    method = session.problem.method
    if method == session.lesson.problem.method:
        return heading
    return say(language, "heading.other_rule", lesson=heading, rule=say(language, method))


def lesson_summary(lesson: Lesson, language: str) -> str:
    """The lesson's one line for the lists, its figures those it starts from."""
    return fill(lesson.text(language).summary, facts(lesson.problem, language))


def _count_of_steps(problem: Problem) -> str:
    """The distance to the goal weight in steps: a whole number where it is one in the
    figures the student typed (0.5 - 0.4 is one step of 0.1, though floats make it
    0.9999999999999998), else to as many digits as keep it from reading whole."""
    whole = analysis.hot_cold_whole_steps(problem)
    return str(whole) if whole is not None else not_falsely_whole(_steps_from_start(problem))


def start_to_goal(problem: Problem, known: Mapping[str, str], language: str) -> str:
    """How far the goal weight is from the start, as a sentence. Where the start is the goal,
    "the goal weight 0.5 is 0 away: 0 steps of 0.2" said nothing: it says so instead, and
    what hot and cold does there (it moves a whole step every time, unless up and down tie
    exactly, so it steps off the goal and comes back). A start a rounding hair off the goal
    (0.1 x 3 is 0.30000000000000004) is there too, and says so: "is 1.3878e-17 away: 0 steps"
    named a distance no panel shows."""
    key = "start_to_goal"
    miss = problem.weights[0] * problem.inputs[0] - problem.goals[0]
    hair = analysis.rounding_misses(problem)[0]
    if (miss == 0 or hair) and problem.method == HOT_COLD:
        key += ".stays" if analysis.regime(problem) is Regime.LANDED else ".leaves"
    return say(language, key, **known, hair=dust(miss, hair, language))


def watch_landing(problem: Problem, language: str) -> str:
    """Hot and cold's task: watch whether a fixed step lands on the goal weight. Where the
    start already is on the goal (or a rounding hair off it), it says so first, in the
    words every lesson's headline uses ("starts on goal"), and asks whether it stays:
    "watch whether a fixed step lands on the goal" stood under a log whose start was
    exactly 0 steps away."""
    miss = problem.weights[0] * problem.inputs[0] - problem.goals[0]
    on_goal = miss == 0 or analysis.rounding_misses(problem)[0]
    if not on_goal:
        return say(language, "watch_landing")
    return say(language, "watch_landing.on_goal", starts=say(language, "on_goal.start"))


def steps_of(count: str, problem: Problem, language: str) -> str:
    """ "1 step of 0.1", "15 steps of 0.1", "0.5 steps of 0.1": `count` steps of step_amount."""
    key = "count.step_of" if count == "1" else "count.steps_of"
    return say(language, key, steps=count, step=readable(problem.step_amount))


def _outputs_facts(problem: Problem, language: str) -> dict[str, str]:
    """The figures that differ by output, a line an output ("1: ..."), with several."""
    times = say(language, "sign.times")
    rows = as_arrays(problem.weights).reshape(problem.shape)  # shape (m, n)
    predictions = predict_rows(rows, as_arrays(problem.inputs))  # shape (m,)
    misses = predictions - as_arrays(problem.goals)
    errors = np.array([miss ** 2 for miss in misses])  # as rules.outputs_step squares them

    end = say(language, "sep.rows").rstrip()

    def each(parts) -> str:
        """A line an output, named before it as a textbook names it ("output 1: ...;", "输出
        1：…；"): a bare "1:" read as a list's number, and three sums side by side never run
        together; the line never breaks between the name and its formula."""
        lines = [say(language, "figures.output", output=output, part=part) for output, part in enumerate(parts, start=1)]
        return "".join(f"\n{line}{end if output < len(lines) else ''}" for output, line in enumerate(lines, start=1))

    terms = [" + ".join(f"{number(x)}{times}{number(w)}" for x, w in zip(problem.inputs, row)) for row in rows]
    return {
        "goal": ", ".join(readable(g) for g in problem.goals),
        "prediction": ", ".join(readable(p) for p in predictions),
        "predicts": each(f"{t} = {readable(p)}" for t, p in zip(terms, predictions)),
        "miss": ", ".join(readable(d) for d in misses),
        "misses": each(f"{readable(p)} - {number(g)} = {readable(d)}{dust(d, off, language)}"
                       for p, g, d, off in zip(predictions, problem.goals, misses, analysis.rounding_misses(problem))),
        "error": readable(total(errors)),
        "squares_miss": each(f"{number(d)}^2 = {readable(e)}" for d, e in zip(misses, errors)),
    }


def dust(miss: float, by_rounding: bool, language: str) -> str:
    """After a miss that is float rounding alone (0.585 - 0.585 = 1.1102e-16, before any
    step): that it is 0 but for rounding, and why, where the figure stands; else nothing."""
    return say(language, "figures.dust", value=readable(miss)) if by_rounding else ""  # its own space, if any


def fill(text: str, known: Mapping[str, str]) -> str:
    """`text` with each {placeholder} it names replaced; anything else in braces stays as written."""
    return PLACEHOLDER.sub(lambda found: known.get(found[1], found[0]), text)


def r_says(problem: Problem, language: str) -> str:
    """What r means for this run, in a sentence (gradient descent only)."""
    return _by_regime("r_says", problem, language)


def downhill(problem: Problem, language: str) -> str:
    """What a step does on the error curve with this r: downhill, past the bottom but lower,
    to the same height, or higher (gradient descent only)."""
    return _by_regime("downhill", problem, language)


def _by_regime(sentences: str, problem: Problem, language: str) -> str:
    """The catalogue's sentence `sentences`.REGIME for this run's regime, with r filled in."""
    if problem.method != GRADIENT_DESCENT:
        return ""
    r = r_value(problem)
    regime = analysis.gradient_regime(problem)
    on_goal = regime is not Regime.NO_SIGNAL and analysis.starts_on_goal(problem)
    if on_goal and sentences == "r_says":  # what r would do to a miss (none here: not "this is divergence")
        sentences = "r_would"
    key = _no_signal_key(f"{sentences}.{regime.value}", problem)
    said = say(language, key, r=carried(r), r_squared=not_falsely_whole(r * r))
    if on_goal:  # what r would do, and why it does not
        said = say(language, "on_goal.said", said=said)
    elif sentences == "r_says" and regime is not Regime.NO_SIGNAL and any(analysis.rounding_misses(problem)):
        # A start that shows as on the goal, yet r x a hair is not 0: r's story is the hair's.
        misses = predict_rows(as_arrays(problem.weights).reshape(problem.shape), as_arrays(problem.inputs)) \
            - as_arrays(problem.goals)
        output, hair = next((k, miss) for k, (miss, off) in enumerate(zip(misses, analysis.rounding_misses(problem)))
                            if off)
        said = _hair_said(said, problem, float(hair), output, language)
    return said


def _hair_said(said: str, problem: Problem, hair: float, output: int, language: str) -> str:
    """`said` (r's sentence), then that output `output`'s miss is a rounding hair, `hair`,
    and what r does to it: named by its output where there are several, since "the miss
    here" beside lesson 10's three misses read as every output's. Where r shrinks a miss,
    a hair is below what it can shrink: rounding keeps it or clears it, step by step
    (lesson 8 on its goal kept 1.2e-32 a step, "x 1"); where |r| >= 1, r multiplies it like
    any miss."""
    shrinks = analysis.gradient_regime(problem) in (Regime.SMOOTH, Regime.ONE_STEP, Regime.OVERSHOOTING)
    key = "on_goal.hair.rounding" if shrinks else "on_goal.hair"
    key += ".output" if problem.outputs > 1 else ""
    return say(language, key, said=said, miss=readable(hair), output=output + 1)


def r_says_at(history: History, output: int, language: str) -> str:
    """r's sentence under the worked step of output `output` (from 0), true of that step:
    the lesson's {r_says} is said of the start, and its "the miss here is only a rounding
    hair (1.1102e-16)" stood under lesson 10's output 2 worked at -1.0798e+06, a dozen
    diverging steps on. A hair is named only where this step's miss is one, of the output
    worked; an output that starts exactly on its goal stays there (its miss 0, r x 0 = 0),
    which the run's "the error explodes" beside its error of 0 did not say."""
    problem = history.problem
    if problem.method != GRADIENT_DESCENT or history.iteration == 0:
        return r_says(problem, language)
    output = min(output, problem.outputs - 1)
    step = history.record(history.iteration - 1)
    own = output_record(step, output) if isinstance(step, OutputsStep) else step
    assert isinstance(own, GradientStep), "a gradient descent run records GradientSteps"
    regime = analysis.gradient_regime(problem)
    if regime is Regime.NO_SIGNAL or (problem.outputs == 1 and analysis.starts_on_goal(problem)):
        return r_says(problem, language)
    r = r_value(problem)
    if own.delta == 0 and analysis.starts_on_goal(problem.output_problem(output)):
        said = say(language, _no_signal_key(f"r_would.{regime.value}", problem), r=carried(r),
                   r_squared=not_falsely_whole(r * r))
        return say(language, "on_goal.said.output", said=said, output=output + 1)
    said = say(language, _no_signal_key(f"r_says.{regime.value}", problem), r=carried(r),
               r_squared=not_falsely_whole(r * r))
    rows = as_arrays(problem.inputs)
    if analysis.rounding_hair(float(own.delta), problem.goals[output], own.weights, rows):
        return _hair_said(said, problem, float(own.delta), output, language)
    return said


def _no_signal_key(family: str, problem: Problem) -> str:
    """`family`'s sentence for this problem's reason it cannot learn (no_signal_suffix); one
    input shared by several weights, a weight an output (lesson 9 with input 0), has its own
    where the words count the weights: "the prediction is 0 whatever the weight" beside three."""
    key = family + no_signal_suffix(problem)
    return key + "_input" if key.endswith(".one") and problem.size > 1 and key + "_input" in SENTENCE_KEYS else key


def frozen_curve(problem: Problem, language: str) -> str:
    """What a frozen weight's error curve does while the others learn: it sinks to the bottom
    only if they carry the prediction to the goal; it stays put if none can move (or the run
    starts on the goal), swings at r = -1, and climbs if they blow up."""
    if problem.method != GRADIENT_DESCENT:
        return ""
    regime = analysis.gradient_regime(problem)
    if regime is Regime.NO_SIGNAL or analysis.starts_on_goal(problem):
        return say(language, "frozen_curve.still")
    if any(analysis.rounding_misses(problem)) and regime is not Regime.DIVERGING:
        # A start on the goal but for a hair: the curve is at the bottom already and no
        # step lifts it ("sinks to the bottom" told of a fall that never comes).
        return say(language, "frozen_curve.bottom")
    key = {Regime.DIVERGING: "frozen_curve.climbs", Regime.BOUNCING: "frozen_curve.swings"}.get(regime, "frozen_curve.sinks")
    return say(language, key)


def frozen_watch(problem: Problem, language: str) -> str:
    """Which frozen weight to watch on the chart, the key that shows it, and what its curve
    does: lesson 8's "Watch weight 1 on the chart" stood beside a chart a number key had
    turned to w2, and stayed when z had frozen another weight or none."""
    if problem.method != GRADIENT_DESCENT:
        return ""
    if not problem.frozen:
        return say(language, "frozen_watch.none")
    index = min(problem.frozen)
    return say(language, "frozen_watch" if problem.outputs == 1 else "frozen_watch.rows",
               weight=weight_name(problem, index), number=index + 1, curve=frozen_curve(problem, language))


def moves_most(problem: Problem, language: str) -> str:
    """Which weight the first step moves the most: the one whose input is largest in size
    (each weight_delta is the shared delta x its own input), among the weights that learn;
    none when those inputs are all 0 or the start is on the goal."""
    if problem.method != GRADIENT_DESCENT:
        return ""
    n = len(problem.inputs)
    sizes = [abs(x) if problem.learns(j) else 0.0 for j, x in enumerate(problem.inputs)]
    largest = max(sizes)
    if largest == 0:
        return say(language, "moves_most.none_learn" if problem.frozen
                   else "moves_most.none.one" if len(problem.inputs) == 1 else "moves_most.none")
    if analysis.starts_on_goal(problem):
        return say(language, "moves_most.on_goal")
    most = [j for j in range(n) if sizes[j] == largest]
    if len(most) > 1:
        return say(language, "moves_most.tie", weights=", ".join(str(j + 1) for j in most), size=readable(largest))
    return say(language, "moves_most.one", input=readable(problem.inputs[most[0]]))


def blows_up(problem: Problem, language: str) -> str:
    """Whether the run blows up at this alpha: if so, what to try; if not, that it no longer
    does, and why (gradient descent only)."""
    if problem.method != GRADIENT_DESCENT:
        return ""
    regime = analysis.gradient_regime(problem)
    key = {Regime.DIVERGING: "blows_up.yes", Regime.BOUNCING: "blows_up.bouncing",
           Regime.NO_SIGNAL: "blows_up.no_signal" + no_signal_suffix(problem)}.get(regime, "blows_up.no")
    if regime is not Regime.NO_SIGNAL and analysis.starts_on_goal(problem):
        key = "blows_up.on_goal"
    return say(language, key, alpha=readable(problem.alpha), r=carried(abs(r_value(problem))))


def try_alphas(problem: Problem, language: str) -> str:
    """The invitation to compare alphas, where alpha decides something: with the input 0 (or
    every weight frozen) r is 1 whatever alpha is, and "try a few alphas" sent a student
    after differences that cannot show; it says so, and what would bring them back. A start
    exactly on the goal is the same: the miss is 0 and r x 0 is 0 at every alpha."""
    if analysis.gradient_regime(problem) is not Regime.NO_SIGNAL and analysis.starts_on_goal(problem):
        return say(language, "try_alphas.on_goal")
    return say(language, "try_alphas" + (".no_signal" + no_signal_suffix(problem)
                                         if analysis.gradient_regime(problem) is Regime.NO_SIGNAL else ""))


def opening(lesson: Lesson, history: History, language: str) -> list[str]:
    """Before the first step: the idea, what to watch for, and how to begin. Under the other
    rule (m) the lesson's words are about a rule no longer on screen, so the rule on screen
    is described instead."""
    text, known = lesson.text(language), facts(history.problem, language)
    if _refrozen(lesson, history):
        parts = [_frozen_now(history.problem, language)]
    elif history.problem.method != lesson.problem.method:
        key = f"switched.{history.problem.method}"
        parts = [_unknown(SENTENCES[language][key], history.problem, language) or say(language, key, **known)]
    else:
        parts = [_filled(part, history.problem, language) for part in (text.teaches, text.notice) if part]
    first = "first_step.measure" if history.problem.method == MEASURE else "first_step"  # space only measures
    return [*parts, say(language, first)]


def tutorial_end(lesson: Lesson, history: History, language: str) -> str:
    """Once the run has reached the lesson's tutorial steps, on the lesson's own problem:
    that the tutorial's run ends here, or ended some steps back, and what the keys do now
    (empty before then, in an open lesson, or on another problem)."""
    steps = lesson.tutorial_steps
    if steps is None or history.iteration < steps or lesson.problem != history.problem:
        return ""
    counted = "count.measurement" if history.problem.method == MEASURE else "count.step"
    then = say(language, counted if steps == 1 else counted + "s", steps=steps)
    now = say(language, counted if history.iteration == 1 else counted + "s", steps=history.iteration)
    last = lesson.source == "course" and lesson.name == course_names()[-1]  # no next lesson to point to
    on = say(language, "lesson_on.last" if last else "lesson_on.measure" if history.problem.method == MEASURE
             else "lesson_on")
    key = "lesson_done" if history.iteration == steps else "lesson_past"
    key += ".measure" if history.problem.method == MEASURE else ""  # measurements are made, not walked
    return say(language, key, then=then, now=now, on=on)


def notice(lesson: Lesson, history: History, language: str, output: int | None = None) -> str:
    """What to watch for, shown under each worked step (nothing under the other rule): with
    `output`, the worked step's (from 0), r's sentence is that step's output's (r_says_at)."""
    if history.problem.method != lesson.problem.method or _refrozen(lesson, history):
        return ""
    text = lesson.text(language).notice
    if output is None or history.iteration == 0 or _unknown(text, history.problem, language):
        return _filled(text, history.problem, language)
    return fill(text, {**facts(history.problem, language), "r_says": r_says_at(history, output, language)})


def _refrozen(lesson: Lesson, history: History) -> bool:
    """Whether other weights are frozen than the lesson's words were written for (z, the
    editor, or --frozen at the start): its words about which weight is frozen no longer
    hold. A course lesson's words are its own problem's, though the flags changed the one
    it started on: `--lesson freeze-weight --frozen 2` read "Weight 1 is frozen" beside w2*."""
    own = course_problem(lesson.name) if lesson.source == "course" else None
    frozen = (lesson.problem if own is None else own).frozen
    return history.problem.frozen != frozen and history.problem.method == lesson.problem.method


def _frozen_now(problem: Problem, language: str) -> str:
    """What the weights frozen now do, in place of a lesson's words about others."""
    known = facts(problem, language)
    if not problem.frozen:
        return say(language, "switched.unfrozen", r_formula=known["r_formula"], r_says=known["r_says"])
    names = say(language, "sep.list").join(weight_name(problem, index) for index in problem.frozen)
    key = "switched.frozen_all" if analysis.no_signal_why(problem) == "frozen" else "switched.frozen"
    rows = row_r_formulas(problem, language)
    if rows is not None and key == "switched.frozen":  # r of row 1 alone was read as every row's
        return say(language, "switched.frozen.rows", frozen=names, rows=rows, outputs=problem.outputs)
    # r's 1.8625 is not the 74.1125 the lesson said: where it comes from, beside it; and which
    # weight's input it leaves out, said plainly ("(w1, w2's input is left out)" read as w2's alone)
    n = len(problem.inputs)
    frozen = [index for index in problem.frozen if index < n] or list(problem.frozen)  # row 1's, whose r is shown
    if key == "switched.frozen" and len(frozen) > 1:
        key = "switched.frozen.several"
    return say(language, key, frozen=names, r_formula=known["r_formula"], r_says=known["r_says"],
               total=carried(analysis.sum_of_squares(problem)), squares=squares(problem, language),
               named=named_list([weight_name(problem, index) for index in frozen], language),
               inputs=named_list([readable(problem.inputs[index % n]) for index in frozen], language))


def refused(refusal: Refusal, lesson: Lesson | None, problem: Problem, language: str) -> str:
    """A refusal in the student's words, its field named as the panels name it; after a
    lock's, the lesson's reason for that lock (its `why_rule`, say): "The course has locked
    switching the rule in this lesson" told a student in lesson 2 nothing of why."""
    words = explain(language, refusal, names=field_names(language, problem), codes=False)  # m and e take rules by name
    lock = refusal.key.removeprefix("locked.") if refusal.key.startswith("locked.") else None
    why = getattr(lesson.text(language), f"why_{lock}", "") if lesson is not None and lock else ""
    return say(language, "locked.because", refused=words, why=_filled(why, problem, language)) if why else words


def _filled(text: str, problem: Problem, language: str) -> str:
    """`text` with the problem's figures in, or why they are not there (_unknown)."""
    return _unknown(text, problem, language) or fill(text, facts(problem, language))


def _unknown(text: str, problem: Problem, language: str) -> str:
    """Where `text` names a figure that does not exist with every input 0 (the goal weight,
    the best alpha), a sentence saying why, instead of a row of "?"; else empty."""
    known = facts(problem, language)
    missing = [name for name in PLACEHOLDER.findall(text) if known.get(name) == "?"]
    if analysis.sum_of_squares(problem) == 0 and missing:  # named, so the student knows what is gone
        names = list(dict.fromkeys(say(language, key) for name in missing
                                   for key in UNDEFINED.get(name, ("figure.other",))))
        listed = say(language, "sep.list").join(names[:-1])
        return say(language, _no_signal_key("figures.no_signal", problem) if len(problem.inputs) == 1 else "figures.no_signal",
                   names=listed + say(language, "sep.last") + names[-1] if listed else names[0])
    return ""


# What the figures a lesson names are called where they do not exist (every input 0).
UNDEFINED = {"bottom": ("figure.bottom",), "best_alpha": ("figure.best_alpha",), "best_formula": ("figure.best_alpha",),
             "edge": ("figure.edge",), "edge_formula": ("figure.edge",), "distance": ("figure.distance",),
             "distance_steps": ("figure.distance",), "distance_in_steps": ("figure.distance",),
             "start_to_goal": ("figure.bottom", "figure.distance")}


def commentary(history: History, language: str, hidden: tuple[str, ...] = (), output: int = 0,
               to_come: tuple[Question, ...] = ()) -> list[str]:
    """What the run has done so far, once the student has seen it: where it landed,
    stopped moving or began to bounce, and where rounding decided it (without r, when the
    lesson hides the forecast). With several outputs, a step's error is told of output
    `output`, the one the chart and the worked step follow."""
    if history.iteration == 0 or history.problem.method == MEASURE:
        return []
    if history.problem.method == HOT_COLD:
        return _hot_cold_story(history, language)
    return _gradient_story(history, language, hidden, output, to_come)


def _gradient_story(history: History, language: str, hidden: tuple[str, ...] = (), output: int = 0,
                    to_come: tuple[Question, ...] = ()) -> list[str]:
    seen, problem = history.landmarks, history.problem
    if seen.still_from is not None:
        still_from, error, whose = _still_of(history, seen.still_from, output, language)
        if error == 0:  # from the start, it did not land: it was there
            return [say(language, "story.on_goal" if still_from == 0 else "story.landed", iteration=still_from,
                        whose=whose)]
        if analysis.gradient_regime(problem) is Regime.NO_SIGNAL:  # not rounding: weight_delta is exactly 0
            key = _no_signal_key("story.no_signal", problem)
            return [say(language, key, iteration=still_from, error=readable(error), whose=whose)]
        return [say(language, "story.still", iteration=still_from, weight=readable(history.weights[0])
                    if problem.size == 1 else "", error=readable(error), whose=whose)]
    if seen.bounce_from is not None:  # told in predictions, the column every log shows
        first, predictions = seen.bounce_from, history.predictions
        key = "story.bouncing" if first <= 1 else "story.bouncing_settled"
        a, b = (", ".join(readable(p) for p in np.ravel(predictions[k])) for k in (first, first + 1))
        return [say(language, key, iteration=first, a=a, b=b)]
    if history.iteration >= 1:  # the step the worked step shows: from its error to the error now
        before, now = float(history.errors[-1]), float(history.error)
        whose, r_name = say(language, "whose.error"), "r"
        if problem.outputs > 1:  # the sum's ratio is no one r's square where the rows learn at different rates
            output = min(output, problem.outputs - 1)
            step = history.record(history.iteration - 1)
            assert isinstance(step, OutputsStep), "several outputs step together"
            before, now = float(step.errors[output]), float(history.output_errors[output])
            whose = say(language, "whose.output_error", output=output + 1)
            if row_r_formulas(problem, language) is not None:
                r_name = f"r{output + 1}"  # as the panel names this output's r
            problem = problem.output_problem(output)
        if before > 0 and now == 0:  # "x 0" says nothing a beginner can use: it landed
            return [say(language, "story.to_zero", before=readable(before), whose=whose)]
        if before > 0 and math.isfinite(now):
            ratio = now / before
            r = r_value(problem)
            if now == before and r * r < 1:  # "x 1; r^2 = 0.1947": the hair stayed, as rounding kept it
                return [say(language, "story.rounding_kept", whose=whose, now=readable(now), r_name=r_name,
                            r_squared=not_falsely_whole(r * r))]
            if any(question.accepts(ratio) or question.accepts(r * r) for question in to_come):
                return []  # lesson 4 asks this factor at iteration 2: "x 0.5625" gave it away at 1
            key = "story.ratio" if math.isclose(ratio, r * r, rel_tol=1e-6) else "story.ratio_rounded"
            # The factor is written as r^2 is, here and in every panel's "grows 20600.5-fold":
            # at four digits it read "x 2.06e+04" in one sentence and "20600.5-fold" in the next.
            ratio_text, r_squared = not_falsely_whole(ratio), not_falsely_whole(r * r)
            agree = _digits_agreeing(ratio, r * r)
            # Equal as shown: never "unequal" (r^2 past the floats shows as overflow, never equal).
            if key == "story.ratio_rounded" and math.isfinite(r * r) and float(ratio_text) == float(r_squared):
                key = "story.ratio_near"
                ratio_text, r_squared = readable(ratio, agree + 1), readable(r * r, agree + 1)
            if key == "story.ratio":
                key, ratio_text = _ratio_as_r_squared(ratio, r)
            if "forecast" in hidden:
                key = "story.ratio_alone"
            return [say(language, key, before=readable(before), now=readable(now), ratio=ratio_text, digits=agree,
                        r=carried(r), r_term=parenthesised(carried(r)), r_squared=r_squared,  # (-0.5)^2, not -0.5^2
                        whose=whose, r_name=r_name)]
    return []


def _still_of(history: History, still_from: int, output: int, language: str) -> tuple[int, float, str]:
    """Since when the run stands still, its error then, and whose error that is. With several
    outputs, output `output`'s own (the one the worked step's heading names): under "output 2
    of 3" the sum's hair, output 3's 1.2326e-32, was told as "the error rests at", though
    output 2 stood on its goal; its row may also have stopped before the others did."""
    if history.problem.outputs == 1:
        return still_from, float(history.errors[still_from]), say(language, "whose.error")
    output = min(output, history.problem.outputs - 1)
    step = history.record(still_from)
    assert isinstance(step, OutputsStep), "several outputs step together"
    n = len(history.problem.inputs)
    row = history.weight_trail[:still_from + 1, output * n:(output + 1) * n]  # shape (still_from + 1, n)
    moves = np.flatnonzero(np.any(row[1:] != row[:-1], axis=1))  # the steps that moved this row
    own = int(moves[-1]) + 1 if moves.size else 0
    return own, float(step.errors[output]), say(language, "whose.output_error", output=output + 1)


def _ratio_as_r_squared(ratio: float, r: float) -> tuple[str, str]:
    """The sentence and the factor for a step whose error ratio is r^2 but for rounding:
    the factor to as many digits as r^2 takes to write exactly, so "x 156.25, exactly
    (-12.5)^2" checks by hand (at four digits it read 156.2, which (-12.5)^2 is not); where
    r or r^2 needs more digits than a figure a formula goes on from (EXACT_DIGITS), the
    factor is written as every panel writes r^2 (not_falsely_whole) and is "about" r^2."""
    r_shown, r_squared = carried(r), r * r
    if math.isclose(float(r_shown), r, rel_tol=1e-12):
        for digits in range(SHOWN_DIGITS, EXACT_DIGITS + 1):
            exact_text = readable(r_squared, digits)
            if "e" not in exact_text and math.isclose(float(exact_text), r_squared, rel_tol=1e-12):
                if readable(ratio, digits) == exact_text:
                    return "story.ratio", exact_text
                break
    return "story.ratio_about", not_falsely_whole(ratio)


def _digits_agreeing(a: float, b: float) -> int:
    """How many significant digits `a` and `b` share: 0.5625018 and 0.5625 share 5 (their
    relative difference is 3e-6), though rounded to 3 they read 0.563 and 0.562."""
    if a == b:
        return 17
    if not (math.isfinite(a) and math.isfinite(b)):  # r^2 past the floats (an input of 1e154): none
        return 0
    return max(0, min(17, math.floor(-math.log10(abs(a - b) / max(abs(a), abs(b))))))


def _hot_cold_story(history: History, language: str) -> list[str]:
    """Where hot and cold landed or why it could not: every step moves exactly step_amount,
    so it can land only when the goal is a whole number of steps from the start; and even
    then float rounding may leave it a hair off, or make the probes differ on the goal
    itself (w + step and w - step are not quite as far from it), so that it does not stay."""
    seen, problem = history.landmarks, history.problem
    trail = history.weight_trail[:, 0]
    goal_weight = problem.goals[0] / problem.inputs[0] if problem.inputs[0] else None
    bottom = "?" if goal_weight is None else readable(goal_weight)
    whole = analysis.hot_cold_whole_steps(problem)
    paper = {"goal": bottom, "step": readable(problem.step_amount)}
    if whole is not None:
        paper["steps_of"] = steps_of(str(whole), problem, language)
    if seen.still_from is not None and analysis.hot_cold_arrival(problem).regime is Regime.LANDED:
        key = "story.hot_cold_landed" if whole is None else "story.hot_cold_landed_whole"
        return [say(language, key, iteration=seen.still_from, **paper)]
    lines = []
    if seen.rounding_at is not None and whole is not None:
        step = history.record(seen.rounding_at)
        assert isinstance(step, HotColdStep), "this story is hot and cold's"
        winner, loser = (say(language, side) for side in (("down", "up") if step.move < 0 else ("up", "down")))
        key = "story.rounding_on_goal" if step.error == 0 else "story.rounding"
        # Two hairs, each named beside its figure: the weight's off the goal weight, and the
        # gap it made between the two probes' errors (lesson 2: 1.1e-16 and 4.3e-17).
        hair = readable(abs(float(step.weights[0]) - goal_weight)) if goal_weight is not None else "?"
        lines.append(say(language, key, iteration=seen.rounding_at, weight=repr(float(step.weights[0])),
                         winner=winner, loser=loser, hair=hair,
                         gap=readable(abs(step.up_error - step.down_error)), **paper))
    if seen.bounce_from is not None:
        pair = history.errors[seen.bounce_from:seen.bounce_from + 2]
        key = "story.hot_cold_bouncing"
        if whole is not None:
            key = "story.hot_cold_bouncing_through" if 0 in pair else "story.hot_cold_bouncing_off"
        pair_weights = trail[seen.bounce_from:seen.bounce_from + 2]
        near = pair_weights[np.argmin(np.abs(pair_weights - goal_weight))] if goal_weight is not None else np.nan
        lines.append(say(language, key, iteration=seen.bounce_from, a=readable(pair_weights[0]),
                         b=readable(pair_weights[1]), goal=bottom, step=readable(problem.step_amount),
                         steps=not_falsely_whole(_steps_from_start(problem)),
                         near=readable(near)))  # the one that reads as the goal weight: a hair off it
    return lines


def _steps_from_start(problem: Problem) -> float:
    """The distance from the start to the goal weight, in steps of step_amount."""
    return abs(problem.weights[0] - problem.goals[0] / problem.inputs[0]) / problem.step_amount


# The figures that follow the weights, unknown ("?") where the weights cannot be a start.
_BY_WEIGHT = ("weight", "prediction", "predicts", "miss", "misses", "error", "squares_miss", "distance",
              "distance_steps", "distance_in_steps", "start_to_goal", "watch_landing")
PLACEHOLDERS = tuple(facts(Problem(weights=(0.5,), inputs=(2.0,), goal=0.8), "en"))  # what a lesson may name
# What each readout a teacher may hide (HIDEABLE) tells, so words naming it would tell it anyway.
TELLS = {"forecast": ("r", "r_formula", "r_from_scale", "r_squared", "r_says", "r_at_alpha_1", "downhill", "blows_up", "try_alphas", "frozen_curve",
                      "frozen_watch"),
         "analysis": ("best_alpha", "edge", "best_formula", "edge_formula", "distance_steps", "start_to_goal")}


def reveal(session: Session, language: str) -> str:
    """The student's guess at the last step beside what it produced (empty: no guess there)."""
    guesses = session.guesses
    if not guesses or guesses[-1].iteration != session.history.iteration - 1:
        return ""
    guess = guesses[-1]

    def shown(value: float | str) -> str:
        return say(language, f"direction.{value}") if isinstance(value, str) else readable(value)

    outcome = {None: "skipped", True: "right", False: "wrong"}[guess.right]
    figures = {}
    if guess.right is not None and isinstance(guess.value, float) and isinstance(guess.truth, float):
        # The rule the verdict came from, in the step's own figures: how far the step moved
        # it, what 1% of that is, how far off the guess is; a right guess as well, so "right"
        # beside a guess 11% off says why (the step moved it far). Right only as printed:
        # the second way is the one to name.
        before, after = before_and_after(session.problem, session.history.record(guess.iteration))
        change = float(after) - float(before)
        moved = abs(change)
        figures = dict(moved=_signed_change(change, language), within=readable(RIGHT_WITHIN * moved),
                       off=readable(abs(guess.value - guess.truth)), percent=readable(100 * RIGHT_WITHIN),
                       digits=SHOWN_DIGITS)
        if guess.right and not within_change(guess.value, float(before), float(after)):
            outcome = "right.as_printed"
        if guess.kind == ERROR and session.problem.outputs == 1:  # how the error is worked out: "(-0.9 - (-1))^2"
            figures["worked"] = error_worked(session.problem, session.history.record(guess.iteration), language)
    key = f"predict.{outcome}.{guess.kind}"  # the 1% rule is for numbers; a direction is the one taken or not
    key = key if key in SENTENCE_KEYS else f"predict.{outcome}"
    guessed = None if guess.value is None else shown(guess.value)
    return say(language, key, guess=guessed, truth=shown(guess.truth), **figures)


def _signed_change(change: float, language: str) -> str:
    """A step's change as the log writes a weight_delta, signed, and the way it went: lesson
    3's reveal said "moved it by 1.5" of a weight that went down from 0.5 to -1."""
    if change == 0 or change != change:  # no way to name: it stayed (or is not a number)
        return readable(change)
    return say(language, "predict.moved", change=readable(change),
               way=say(language, "direction.up" if change > 0 else "direction.down"))


def where_it_stands(history: History, language: str) -> str:
    """The numbers a question is about, on one line: the parameters and where the run is."""
    return LANGUAGES[language].stands.join(_standing(history, language))


def stands_entries(history: History, language: str) -> tuple[list[str], str]:
    """where_it_stands as entries for `wrap_entries`, and the gap between two on a line: each
    entry keeps its separator (", " is "," then the gap " "), so that a line breaks only
    between two of them, never inside "goal 0.1 1 0.1"."""
    separator = LANGUAGES[language].stands
    mark, gap = separator.rstrip(), separator[len(separator.rstrip()):]
    parts = _standing(history, language)
    return [part + mark for part in parts[:-1]] + parts[-1:], gap


def _standing(history: History, language: str) -> list[str]:
    problem = history.problem
    several = problem.size > 1
    matrix = problem.outputs > 1 and len(problem.inputs) > 1
    label = "weights_rows" if matrix else "weights" if several else "weight"  # a matrix says what ; is
    weights = weights_text(history.weights, problem, language)  # "0.1,1,0.1" in Chinese
    if problem.frozen:  # the panel that says what "*" means is covered by the box
        weights = say(language, "stands.frozen", weights=weights, note=say(language, "parameters.frozen_said"))
    parts = [(say(language, label), weights),
             (say(language, "inputs" if len(problem.inputs) > 1 else "input"), listed(problem.inputs, language)),
             (say(language, "goals" if problem.outputs > 1 else "goal"), goals_text(problem, language))]
    if problem.method == GRADIENT_DESCENT:
        parts.append((say(language, "alpha"), readable(problem.alpha)))
    elif problem.method == HOT_COLD:
        parts.append((say(language, "step_amount"), readable(problem.step_amount)))
    named = LANGUAGES[language].named
    done = [f"{name}{named}{value}" for name, value in parts]
    if problem.method == MEASURE:  # nothing steps: counted as the status line counts it, not as iterations
        count = history.iteration
        return done + [say(language, "measured_once" if count == 1 else "measured_times", count=count)]
    return done + [f"{say(language, 'iteration')}{named}{history.iteration}"]


def verdict(answer: Answer, question: Question, words: QuestionText, language: str) -> str:
    """How a settled question went: right, skipped, or the answer after the last wrong try."""
    if answer.result == RIGHT:
        return say(language, "question.right")
    if answer.result == SKIPPED:
        return say(language, "question.skipped")
    shown = question.answer
    if question.choices:  # the choice as this language names it
        shown = words.choices[question.choices.index(shown)]
    return say(language, "question.answer", answer=shown)


def question_words(session: Session, index: int, language: str) -> Words:
    """Question `index` of the session's lesson as it is put to the student: its words, with
    the figures as they stand where it is asked filled in (as both front ends ask it), and
    its choices' words (what a hand-in keeps)."""
    words = session.lesson.questions[index].text(language)
    return Words(fill(words.ask, facts_now(session.history, language)), words.choices)
