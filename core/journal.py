"""What a session did, in the order it happened: every step, guess and answer, in every lesson.

A Session is where the student is now: stepping back forgets the steps, guesses and
answers it passes, and another lesson starts afresh. A teacher's hand-in needs the
opposite, what happened, so the journal is kept beside the sessions rather than in them:
each new session a front end makes is shown to `Journal.see`, which notes what it adds
to the one before (steps taken, a guess, an answer) with the time it happened. A
question asked again after a step back is answered again; its first try is the one the
tally counts (`first`), and every later try, wrong or right, is kept too. A question's
tries are shown to `Journal.tried` as each is judged, before the question is settled, so
each has its own time and the teacher's desk sees two wrong answers while the student
still reads the second verdict.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from . import analysis
from .analysis import Regime
from .history import History, Trajectory
from .numbers import as_typed
from .predict import Guess
from .problem import Problem
from .questions import RIGHT, WRONG, Answer, Question
from .record import Record
from .row_values import divergence_note, diverging_note
from .rules import Step
from .session import Session

if TYPE_CHECKING:  # the progress file's code is imported when a hand-in writes one (Journal.progress)
    from .progress import AnswerSeen

STEP, GUESS, ANSWER = "step", "guess", "answer"


@dataclass(repr=False, frozen=True)
class Words(Record):
    """A question as it was put to the student: its words and its choices' words, figures filled in."""

    ask: str
    choices: tuple[str, ...] = ()


@dataclass(repr=False, frozen=True, eq=False, slots=True)  # slots: a long session notes some 100,000 of them
class Entry(Record):
    """One thing the session did, at `time` (seconds since the epoch), in `lesson` on `problem`."""

    kind: str  # STEP, GUESS or ANSWER
    time: float
    lesson: str
    problem: Problem
    run: Trajectory | None = None  # STEP: the run it is a step of (its record is rebuilt from it, exactly)
    iteration: int = 0  # STEP: which
    note: str = ""  # STEP: where the run began to diverge (r < -1), and where it blew up (its last step)
    guess: Guess | None = None  # GUESS
    answer: Answer | None = None  # ANSWER: one try (a wrong try before the last is an Answer of its own)
    question: Question | None = None  # ANSWER: the lesson's question answered
    words: Words | None = None  # ANSWER: the question as asked
    first: bool = False  # ANSWER: the first try at this question in this session (what the tally counts)

    @property
    def step(self) -> Step:
        """STEP: its record, rebuilt when a row is written rather than kept (24 bytes a step, not 500)."""
        assert self.run is not None, "only a STEP entry has a record, and every STEP holds its run"
        return self.run.record(self.iteration)

    @property
    def chosen(self) -> str | None:
        """ANSWER: the words of the choice answered, as it was offered (None: not a choice)."""
        given = self.answer.given if self.answer is not None else None
        if not isinstance(given, str) or self.question is None or self.words is None:
            return None
        position = self.question.choices.index(given) if given in self.question.choices else -1
        return self.words.choices[position] if 0 <= position < len(self.words.choices) else given


# The front end's words for a question, figures filled in: (session, question index) -> Words.
QuestionWords = Callable[[Session, int], Words]


class Journal:
    """Every entry of one session (append-only), the lessons it opened, and its tallies."""

    def __init__(self, words: QuestionWords) -> None:
        self.words = words
        self.entries: list[Entry] = []
        self.lessons_opened: list[str] = []
        self.predictions = (0, 0)  # guesses right, and guesses scored (a skip is not)
        self.questions = (0, 0)  # first tries right, and questions tried (or skipped)
        self._last: Session | None = None
        self._answers: dict[int, Answer] = {}  # every answer seen, by identity (kept alive so ids stay unique)
        self._asked: set[tuple[str, int]] = set()  # (lesson, question) answered at least once
        self._runs: dict[int, Trajectory] = {}  # every run seen, by identity (kept alive so ids stay unique)
        self._tries: list[Entry] = []  # the ANSWER entries, which the progress file lists
        self._live: dict[tuple[str, int], int] = {}  # (lesson, question): tries noted by `tried`, not yet settled
        # Every session seen (weakly: a long session makes some 100,000): an undo (b at iteration 0)
        # gives back the very session before a change, whose steps and guesses were noted once.
        self._sessions: weakref.WeakSet[Session] = weakref.WeakSet()

    def see(self, session: Session, now: float) -> None:
        """Note what `session` adds to the last one seen: the steps taken to reach it, the
        guess made at the first of them, and any answer it holds that was never seen."""
        old, self._last = self._last, session
        if session is old or session in self._sessions:
            return  # nothing happened: a reset undone is not its steps taken again (a reset keeps the run)
        self._sessions.add(session)
        if old is None:  # where the session starts (a resumed save): what it holds was handed in before
            self._known(session)
        lesson = session.lesson.name
        if lesson not in self.lessons_opened:
            self.lessons_opened.append(lesson)
        run = session.history.trajectory
        if old is not None and run is old.history.trajectory:
            self._stepped(old.history.length, old.guesses, session, now)
        elif id(run) not in self._runs and old is not None:  # a new run, stepped as soon as made
            self._stepped(0, (), session, now)
        self._runs[id(run)] = run
        for answer in session.answers:
            if id(answer) not in self._answers:
                self._answers[id(answer)] = answer
                self._answered(session, answer, now)

    def _stepped(self, start: int, guesses: tuple[Guess, ...], new: Session, now: float) -> None:
        """Note the steps from `start` to where `new` stands, and the guesses made at them
        (`guesses`: those the run held at `start`)."""
        end = new.history.length
        if end <= start:
            return
        kept = len(guesses) if new.guesses[:len(guesses)] == guesses else 0
        made = {guess.iteration: guess for guess in new.guesses[kept:] if guess.iteration >= start}
        lesson, problem, run = new.lesson.name, new.problem, new.history.trajectory
        growing = first_growing(new.history) if analysis.regime(problem) is Regime.DIVERGING else None
        for iteration in range(start, end):
            if (guess := made.get(iteration)) is not None:
                self.entries.append(Entry(GUESS, now, lesson, problem, guess=guess))
                if guess.right is not None:
                    right, scored = self.predictions
                    self.predictions = (right + guess.right, scored + 1)
            diverged = new.history.divergence if iteration == end - 1 else None
            note = divergence_note(diverged) if diverged is not None else ""
            if not note and iteration == growing:
                note = diverging_note(iteration)
            self.entries.append(Entry(STEP, now, lesson, problem, run=run, iteration=iteration, note=note))

    def _known(self, start: Session) -> None:
        """Where the session starts (a resumed save, or a fresh start with the last session a
        key away): every answer it and the sessions before it hold, and every run, as seen;
        the questions its own run answered, as asked (a resumed session goes on)."""
        for answer in start.answers:
            self._asked.add((start.lesson.name, answer.index))
        session: Session | None = start
        while session is not None:
            self._sessions.add(session)
            self._runs[id(session.history.trajectory)] = session.history.trajectory
            for answer in session.answers:
                self._answers[id(answer)] = answer
            session = session.before

    def tried(self, session: Session, answer: Answer, now: float) -> None:
        """Note one try at a question of `session` as it is judged, at `now`: a wrong try
        before the last (an Answer of its own, its earlier wrong tries in `earlier`), or the
        try that settles it. The settled answer, once the session holds it, is not noted again."""
        key = (session.lesson.name, answer.index)
        noted = self._live.get(key, 0) if answer.earlier else 0  # a first try begins a new attempt
        self._note(session, Answer(answer.index, answer.at, answer.given, answer.result, answer.tries), now)
        self._live[key] = noted + 1

    def _answered(self, session: Session, answer: Answer, now: float) -> None:
        """Note each try of `answer` not yet noted by `tried`: the wrong ones before the last,
        then the last (or the skip)."""
        tries = [Answer(answer.index, answer.at, given, WRONG, number)
                 for number, given in enumerate(answer.earlier, start=1)]
        noted = self._live.pop((session.lesson.name, answer.index), 0)
        for each in (*tries, answer)[noted:]:
            self._note(session, each, now)

    def _note(self, session: Session, each: Answer, now: float) -> None:
        key = (session.lesson.name, each.index)
        first = key not in self._asked
        self._asked.add(key)
        if first:
            right, asked = self.questions
            self.questions = (right + (each.result == RIGHT), asked + 1)
        self.entries.append(Entry(ANSWER, now, session.lesson.name, session.problem, answer=each,
                                  question=session.lesson.questions[each.index],
                                  words=self.words(session, each.index), first=first))
        self._tries.append(self.entries[-1])

    def progress(self, session: Session, account: str, name: str, last_key: float, now: float,
                 ended: bool) -> dict[str, Any]:
        """The progress file's record of this journal, with `session` where the student is now.

        Only a hand-in writes one, so core.progress is imported here: held from the start,
        it is some 50 KB in every student's process for nothing."""
        from .progress import progress_record

        self.see(session, now)
        history = session.history
        return progress_record(
            account=account, session=name, lesson=session.lesson.name, lessons_opened=self.lessons_opened,
            iteration=history.iteration, error=float(history.error),
            predictions_right=self.predictions[0], predictions=self.predictions[1],
            questions_right=self.questions[0], questions_asked=self.questions[1],
            answers=[_seen(entry) for entry in self._tries],
            last_key=last_key, diverged=diverging(history), ended=ended, updated=now)


def first_growing(history: History) -> int | None:
    """The first iteration whose error is above the run's start (None: none yet), which
    on a run whose rule diverges (r < -1) is where the teacher's desk first flags it."""
    errors = history.errors
    above = np.flatnonzero(errors[1:] > errors[0])  # shape (k,)
    return int(above[0]) + 1 if above.size else None


def diverging(history: History) -> bool:
    """Whether the teacher should see this run as diverged: it overflowed, or it is visibly
    on its way (r < -1, and the error already above where it started), so that the room's
    DIV flag comes while the student is looking at an error of 4e17, not at 1e100."""
    if history.divergence is not None:
        return True
    return (analysis.regime(history.problem) is Regime.DIVERGING and history.iteration >= 1
            and float(history.error) > float(history.errors[0]))


def _seen(entry: Entry) -> "AnswerSeen":
    """An answer as the desk lists it: what was answered in words (a choice's own words)."""
    from .progress import AnswerSeen, iso_utc

    answer, words = entry.answer, entry.words
    assert answer is not None and words is not None, "only ANSWER entries are listed, and they hold both"
    given = answer.given
    text = (entry.chosen or given) if isinstance(given, str) else "" if given is None else as_typed(given)
    return AnswerSeen(entry.lesson, answer.index + 1, words.ask, text, answer.result == RIGHT, entry.first,
                      answer.at, iso_utc(entry.time, milliseconds=True))
