"""A student's place in the course: a lesson, the run so far, and a way back.

Every action returns a new Session and leaves the old one intact, so undo is free:
stepping back walks the history, and at iteration 0 it restores the session as it was
before the last change of parameters (a new alpha, the other rule, an edit, another
lesson, a reset). That chain is kept per change, not per step, so it stays short.

The student's guesses (predict mode) and answers (the lesson's questions) are part of
it: each belongs to a step, so stepping back over the step forgets it. Answers and the
tally of guesses carry over to a new run of the same lesson; another lesson starts afresh.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from . import analysis
from .history import History
from .lessons import Lesson
from .limits import LARGEST_RATE, MAX_ITERATIONS, SMALLEST_RATE
from .predict import Guess, judge
from .problem import GRADIENT_DESCENT, HOT_COLD, MEASURE, Problem
from .questions import RIGHT, Answer, Question
from .record import Record
from .refusals import Refusal

LADDER = (1.0, 2.0, 5.0)  # alpha and step_amount move through ..., 0.1, 0.2, 0.5, 1, 2, 5, ...


@dataclass(repr=False, frozen=True, eq=False)  # eq=False: Textual compares old and new with !=
class Session(Record):
    """The lesson, the run of its current problem, and the session before the last change."""

    lesson: Lesson
    history: History
    before: "Session | None" = None
    guesses: tuple[Guess, ...] = ()  # this run's guesses, one per step guessed at
    answers: tuple[Answer, ...] = ()  # the lesson's questions answered so far
    earlier: tuple[int, int] = (0, 0)  # guesses right and scored in this lesson's earlier runs

    @classmethod
    def begin(cls, lesson: Lesson, before: "Session | None" = None) -> "Session":
        """The lesson at iteration 0 with its own parameters."""
        return cls(lesson, History.start(lesson.problem), before)

    @property
    def problem(self) -> Problem:
        return self.history.problem

    @property
    def can_step_back(self) -> bool:
        return self.history.can_step_back or self.before is not None

    @property
    def tally(self) -> tuple[int, int]:
        """Guesses right, and guesses scored (skips are not), in this lesson so far."""
        scored = [guess.right for guess in self.guesses if guess.right is not None]
        return self.earlier[0] + sum(scored), self.earlier[1] + len(scored)

    def step(self) -> "Session":
        """One iteration forward; raises Diverged once the run has diverged, and a Refusal
        once it holds the most iterations a run keeps."""
        return replace(self, history=self._next())

    def guessed_step(self, guess: float | str | None) -> "Session":
        """One iteration forward, judging the student's guess at it (None: skipped)."""
        history = self._next()
        judged = judge(self.problem, history.record(self.history.iteration), guess)
        return replace(self, history=history, guesses=self.guesses + (judged,))

    def _next(self) -> History:
        if self.history.iteration >= MAX_ITERATIONS:
            raise Refusal("run.longest", limit=MAX_ITERATIONS)
        return self.history.step()

    def pending_question(self) -> int | None:
        """The lesson's question to ask now (its index), if the run has reached its iteration
        and it is not answered yet. A question is about the lesson's own numbers, so none is
        asked while the problem has been changed."""
        return next((index for index, question in self._unasked() if question.at == self.history.iteration), None)

    def questions_to_come(self) -> tuple[Question, ...]:
        """The lesson's questions still to be asked of this run: not answered or skipped yet,
        at this iteration or later. What the panel says must not give their answers away."""
        return tuple(question for _, question in self._unasked() if question.at >= self.history.iteration)

    def _unasked(self) -> list[tuple[int, Question]]:
        """The lesson's questions not answered or skipped, with their places; none while the
        problem has been changed (they are about the lesson's own numbers)."""
        if self.problem != self.lesson.problem:
            return []
        answered = {answer.index for answer in self.answers}
        return [(index, question) for index, question in enumerate(self.lesson.questions) if index not in answered]

    @property
    def question_tally(self) -> tuple[int, int]:
        """Questions answered right, and questions answered or skipped."""
        return sum(answer.result == RIGHT for answer in self.answers), len(self.answers)

    def answered(self, answer: Answer) -> "Session":
        """This session with `answer` given to one of the lesson's questions."""
        return replace(self, answers=self.answers + (answer,))

    def step_back(self) -> "Session":
        """One iteration back, forgetting the guess and the answers that step brought; at
        iteration 0, the session before the last change (refused, as the lesson list is,
        where that leaves a lesson whose teacher locked the list)."""
        self.check_step_back()
        if self.history.can_step_back:
            history = self.history.step_back()
            return replace(self, history=history,
                           guesses=tuple(guess for guess in self.guesses if guess.iteration < history.iteration),
                           answers=tuple(answer for answer in self.answers if answer.at <= history.iteration))
        if self.before is None:
            raise IndexError("nothing to go back to")
        return self.before

    def check_step_back(self) -> None:
        """Refuse a step back out of this lesson into another where the lesson locks `lessons`:
        b at iteration 0 would otherwise be a way round the teacher's lock."""
        if not self.history.can_step_back and self.before is not None and self.before.lesson != self.lesson:
            self.lesson.check_unlocked("lessons")

    def reset(self) -> "Session":
        """This run's start: iteration 0 with the numbers as they are now, the student's edit,
        alpha and rule kept (undone by a step back). It went to the lesson's own numbers, so
        an edited lesson lost its edit to 0 and came back only with b; the lesson's own
        numbers are the lesson list's (l) to give."""
        return self._new_run(self.history.reset())  # the same run: keep its stored steps

    def with_problem(self, problem: Problem) -> "Session":
        """A new run of `problem` from iteration 0, keeping this session to come back to."""
        return self._new_run(History.start(problem))

    def with_frozen_toggled(self, index: int) -> "Session":
        """A new run with weight `index` (0-based, row by row) frozen, or learning again if it
        was frozen (frozen_toggled says when it is refused)."""
        return self.with_problem(self.frozen_toggled(index))

    def frozen_toggled(self, index: int) -> Problem:
        """The problem with weight `index` frozen, or learning again; a Refusal where freezing
        means nothing: a rule with no weight_delta, a single weight (nothing would learn), a
        weight that is not there, or an edit locked."""
        self.lesson.check_unlocked("edit")  # freezing changes the problem, as an edit does
        problem = self.problem
        if problem.method != GRADIENT_DESCENT:
            raise Refusal("freeze.gd_only")
        if problem.size == 1:
            raise Refusal("freeze.one_weight")
        count = problem.outputs * problem.size
        if not 0 <= index < count:
            raise Refusal("problem.frozen_beyond", position=index + 1, size=count)
        return problem.replace(frozen=tuple(sorted(set(problem.frozen) ^ {index})))

    def _new_run(self, history: History) -> "Session":
        """A new run of this lesson: answers and the tally carry over, guesses start afresh."""
        return Session(self.lesson, history, before=self, answers=self.answers, earlier=self.tally)

    def with_lesson(self, lesson: Lesson) -> "Session":
        """`lesson` from its start. One opened again keeps the answers given in it earlier
        in this session, as a reset does: its questions are not asked twice (a key meant for
        the lesson, e to edit, landed in a question's box)."""
        session: Session | None = self
        while session is not None and session.lesson != lesson:
            session = session.before
        answers = () if session is None else session.answers
        return replace(Session.begin(lesson, before=self), answers=answers)

    def with_rate(self, direction: int) -> "Session":
        """A new run with alpha (or hot and cold's step) one rung up (+1) or down (-1)."""
        return self.with_problem(self.rated(direction))

    def rated(self, direction: int) -> Problem:
        """The problem with alpha (or hot and cold's step) one rung up (+1) or down (-1) the
        ladder: the 1-2-5 rungs and the problem's own telling values (`telling_rates`, unless the
        lesson hides the analysis); a Refusal at the end of the ladder, or where nothing moves."""
        if self.problem.method == MEASURE:
            raise Refusal("rate.measure_only")
        field = "step_amount" if self.problem.method == HOT_COLD else "alpha"
        # The telling rates are the analysis: where a lesson hides it, + stopping at 1/input^2
        # would name the alpha that lands in one step, the very thing left to find.
        marks = () if "analysis" in self.lesson.hidden else telling_rates(self.problem)
        rate = next_rung(getattr(self.problem, field), direction, marks)
        if rate == getattr(self.problem, field):
            raise Refusal("rate.largest" if direction > 0 else "rate.smallest", quantity=field, value=rate)
        return self.problem.replace(**{field: rate})

    def with_other_rule(self) -> "Session":
        """The same start under the other rule (other_rule says when it is refused)."""
        return self.with_problem(self.other_rule())

    def other_rule(self) -> Problem:
        """The problem under the other rule (measuring turns into gradient descent);
        InvalidProblem if the problem cannot take it."""
        method = HOT_COLD if self.problem.method == GRADIENT_DESCENT else GRADIENT_DESCENT
        return self.problem.replace(method=method)


def telling_rates(problem: Problem) -> tuple[float, ...]:
    """The rates where something changes, so + and - stop at them: for gradient descent the
    alpha that lands in one step (r = 0), one that overshoots but shrinks (r = -0.5) and the
    edge of stability (r = -1); for hot and cold the step that lands on the goal at once."""
    if problem.method == HOT_COLD:
        distance = abs(problem.weights[0] - problem.goals[0] / problem.inputs[0]) if problem.inputs[0] else 0.0
        return (distance,) if math.isfinite(distance) and distance > 0 else ()
    best = analysis.best_alpha(problem)
    if best is None:
        return ()
    edge = analysis.largest_stable_alpha(problem)
    return (best, 1.5 * best) if edge is None else (best, 1.5 * best, edge)


def next_rung(rate: float, direction: int, marks: tuple[float, ...] = ()) -> float:
    """The next value above (direction +1) or below (-1) `rate` on the 1-2-5 ladder, with
    `marks` (the problem's telling rates) as rungs too.

    A rate between rungs (say 0.3) goes to the neighbouring rung (0.5 up, 0.2 down); the
    ladder stops at SMALLEST_RATE and LARGEST_RATE.
    """
    decade = math.floor(math.log10(rate))
    # Each rung read from its decimal, so 2e-1 is 0.2 (0.1 * 2 is 0.20000000000000001); past the
    # largest float a rung reads as infinity (10.0**309 raises), and is left out.
    rungs = [float(f"{step:g}e{exponent}") for exponent in (decade - 1, decade, decade + 1) for step in LADDER]
    rungs = [rung for rung in rungs if math.isfinite(rung)]
    rungs += [mark for mark in marks if SMALLEST_RATE < mark < LARGEST_RATE]
    if direction > 0:
        candidates = [r for r in rungs if r > rate * (1 + 1e-9)]
        return min(min(candidates), LARGEST_RATE) if rate < LARGEST_RATE else rate
    candidates = [r for r in rungs if r < rate * (1 - 1e-9)]
    return max(max(candidates), SMALLEST_RATE) if rate > SMALLEST_RATE else rate
