"""The room at a glance: a row per student, who is stuck, and how each question went.

A teacher with thirty students cannot watch thirty screens. What they need is where each
student is (lesson, iteration, error), whether they are getting the predictions and the
lesson's questions right, and above all who needs them now: a student who got the same
question wrong twice, whose run blew up, or who has not pressed a key for a while. And
for the class as a whole, per question, how many got it right at the first try and the
wrong answer most of them gave, which says what the class misunderstands.

Everything here is a pure function of the progress records and the time now, so the
screen, the one-shot table and the tests all compute it the same way. Flags and sort
orders are names; the words for them are the front end's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from .progress import AnswerSeen, Progress, parse_time
from .record import Record

IDLE_LIMIT = 120.0  # seconds without a key before a student still in a session is flagged idle
STUCK, DIVERGED, IDLE = "stuck", "diverged", "idle"  # the flags, most urgent first
CHANGED, GONE = "changed", "gone"  # then the teacher's record's: a file not as it was handed in
FLAGS = (STUCK, DIVERGED, IDLE, CHANGED, GONE)
ACCOUNT, LESSON, IDLE_TIME, FLAGGED = "account", "lesson", "idle", "flags"
SORTS = (ACCOUNT, LESSON, IDLE_TIME, FLAGGED)  # the orders a teacher can ask for
WRONG_TWICE = 2  # wrong answers to one question that make a student stuck: the app then shows the answer


@dataclass(repr=False, frozen=True)
class Seen(Record):
    """A student's progress record as last read, with the account that owns its file (the
    student: the name written inside is theirs to forge, the file's owner is not)."""

    account: str
    progress: Progress  # the session's progress file, as read
    last_key: float  # seconds since the epoch of the student's last key


@dataclass(repr=False, frozen=True)
class Row(Record):
    """One line of the table: the student, how long since their last key, their flags."""

    seen: Seen
    idle: float  # seconds, never negative (a lab machine's clock may run ahead of the teacher's)
    flags: tuple[str, ...]  # from FLAGS, in that order
    predictions: tuple[int, int] = (0, 0)  # right, of scored: every run of the student's, summed
    questions: tuple[int, int] = (0, 0)  # right at the first try ever, of asked: across every run (first_tries)


@dataclass(repr=False, frozen=True)
class QuestionFigures(Record):
    """How the class did on one question of one lesson."""

    lesson: str
    question: int  # its number in the lesson, from 1
    text: str  # the question as the students were asked it
    first_tries: int  # students who have answered it at least once
    first_right: int  # of them, those right at the first try
    wrong_answer: str | None  # the wrong answer given by most students (None: no wrong answer)
    wrong_students: int  # how many students gave it

    @property
    def first_share(self) -> float | None:
        """The share right at the first try, 0 to 1; None before anyone answered."""
        return self.first_right / self.first_tries if self.first_tries else None


def student(seen: Seen) -> tuple[str, str]:
    """Whose run it is: the account that owns its file, then the login written inside (the
    student's to forge, so only their own runs split: a file claiming a classmate is apart
    from the student's own work). Not the --session name: a student picks it, and a new one
    made a new row whose right answers counted as first tries (a first try is the account's)."""
    return seen.account, seen.progress.account


def latest(seen: Iterable[Seen]) -> list[Seen]:
    """A student's latest run: every run of gradstep keeps a progress file of its own (its
    name holds the run's random id), and a student who started three times, under any
    session names, is one row, where they are now; the latest is the one updated last."""
    runs: dict[tuple[str, str], Seen] = {}
    for one in seen:
        key = student(one)
        if key not in runs or _updated(one) > _updated(runs[key]):
            runs[key] = one
    return list(runs.values())


def first_tries(runs: Iterable[Seen]) -> dict[tuple[str, str], dict[tuple[str, int], AnswerSeen]]:
    """Each student's first try ever at each question (lesson, number), across all their
    runs and session names.

    A run's own `first` says first in that run, and a student who restarts without
    --resume is asked afresh: counting it would let a restart turn two wrong answers into
    a first try right, and a skipped re-ask undo an answer given in an earlier run. So the
    earliest try by its time decides, whatever run it is in; a skip at the first try is
    asked and not right. A file of an older gradstep, whose answers have no time, has its
    answers placed at its run's last update, in their order."""
    tries: dict[tuple[str, str], list[tuple[tuple[datetime, datetime, int], AnswerSeen]]] = {}
    for run in runs:
        updated = _updated(run)[0]
        for place, answer in enumerate(run.progress.answers):
            when = parse_time(answer.time) or updated
            tries.setdefault(student(run), []).append(((when, updated, place), answer))
    firsts: dict[tuple[str, str], dict[tuple[str, int], AnswerSeen]] = {}
    for key, answers in tries.items():
        mine = firsts.setdefault(key, {})
        for _, answer in sorted(answers, key=lambda pair: pair[0]):
            mine.setdefault((answer.lesson, answer.question), answer)
    return firsts


def _updated(seen: Seen) -> tuple[datetime, float]:
    """When a run's file was last written, then its last key (ties: the later run)."""
    return parse_time(seen.progress.updated) or datetime.min.replace(tzinfo=timezone.utc), seen.last_key


def flags(seen: Seen, now: float, idle_limit: float = IDLE_LIMIT) -> tuple[str, ...]:
    """Why the teacher should look at this student now, most urgent first.

    Stuck: stuck now, on a question (stuck_on). Diverged: their run blows up, in a session
    not yet ended (a student there may need a hint now; in an ended one the divergence is
    what happened, said beside the flags, not a reason to go to them: `ended DIV` counted
    among the flagged and sorted above a CHANGED hand-in). Idle: no key for longer than
    `idle_limit` seconds in a session not yet ended.
    """
    progress = seen.progress
    found = [STUCK] if stuck_on(progress) else []
    if progress.diverged and not progress.ended:
        found.append(DIVERGED)
    if not progress.ended and idle_time(seen, now) > idle_limit:
        found.append(IDLE)
    return tuple(found)


def stuck_on(progress: Progress) -> list[int]:
    """The question `progress` is stuck on now: [its number], or [].

    Stuck means stuck now, not once: the student's last answer was a wrong one, to a
    question of the lesson open now that they have got wrong twice, and since then they
    have neither answered another question (nor skipped), stepped on from the iteration it
    was asked at, nor ended the session. A file of an older gradstep, whose answers do not
    say where they were asked, is judged on the rest."""
    if progress.ended or not progress.answers:
        return []
    last = progress.answers[-1]
    if last.lesson != progress.lesson or last.right or skipped(last):
        return []
    if last.at is not None and last.at != progress.iteration:  # stepped on (or back) since
        return []
    wrong = sum(1 for answer in progress.answers
                if (answer.lesson, answer.question) == (last.lesson, last.question) and not answer.right
                and not skipped(answer))
    return [last.question] if wrong >= WRONG_TWICE else []


def skipped(answer: AnswerSeen) -> bool:
    """A try that gave no answer (s): neither right nor a wrong answer to count."""
    return not answer.right and answer.answer == ""


def idle_time(seen: Seen, now: float) -> float:
    """Seconds since the student's last key, at least 0."""
    return max(0.0, now - seen.last_key)


def rows(seen: Iterable[Seen], now: float, sort: str = ACCOUNT, idle_limit: float = IDLE_LIMIT,
         runs: Iterable[Seen] | None = None, evidence: Mapping[str, tuple[str, ...]] | None = None) -> list[Row]:
    """The table's rows in the order `sort` asks for; within it, by account then session.

    `seen` is each student's latest run (where they are now: lesson, error, flags); `runs`
    every run read (None: `seen`), which the predictions and questions add up: a student's
    row is all their sessions, not the last one. `evidence`: each account's CHANGED and GONE
    flags, from the teacher's record of the folder (tui/files/records.py).
    lesson: the students furthest behind first (an earlier lesson, see lesson_order, then
    fewer iterations into it); idle: the longest idle
    first; flags: the flagged first, the most urgent flag leading.
    """
    seen = list(seen)
    runs = seen if runs is None else list(runs)
    predictions: dict[tuple[str, str], tuple[int, int]] = {}
    for run in runs:
        right, scored = predictions.get(student(run), (0, 0))
        predictions[student(run)] = (right + run.progress.predictions_right, scored + run.progress.predictions)
    firsts = first_tries(runs)
    table = []
    for one in seen:
        mine = firsts.get(student(one), {})
        questions = (sum(answer.right for answer in mine.values()), len(mine))
        found = flags(one, now, idle_limit) + tuple((evidence or {}).get(one.account, ()))
        table.append(Row(one, idle_time(one, now), found,
                         predictions.get(student(one), (0, 0)), questions))
    table.sort(key=lambda row: (row.seen.account, row.seen.progress.session))
    if sort == LESSON:
        rank = {lesson: place for place, lesson in enumerate(lesson_order(seen))}
        table.sort(key=lambda row: (rank[row.seen.progress.lesson], row.seen.progress.iteration))
    elif sort == IDLE_TIME:
        table.sort(key=lambda row: -row.idle)
    elif sort == FLAGGED:
        table.sort(key=lambda row: tuple(flag not in row.flags for flag in FLAGS))
    return table


def lesson_order(seen: Iterable[Seen]) -> list[str]:
    """The lessons in the order of the course, as the class shows it: an early lesson has
    been opened by more students than a later one (the folder does not say which course
    they follow). Ties are taken alphabetically."""
    opened: Counter[str] = Counter()
    for one in seen:
        opened.update(set(one.progress.lessons_opened) | {one.progress.lesson})
    return sorted(opened, key=lambda lesson: (-opened[lesson], lesson))


def missing(roster: Iterable[str], seen: Iterable[Seen]) -> list[str]:
    """The roster's accounts with no progress in the folder, in the roster's order."""
    started = {one.account for one in seen}
    return [account for account in dict.fromkeys(roster) if account not in started]


def question_figures(seen: Iterable[Seen]) -> list[QuestionFigures]:
    """Per question asked in the class, in course order: right at the first try ever (every
    run of every student: first_tries), and the wrong answer most students gave (a student
    counts once per answer, however often and in however many runs they gave it; ties go to
    the answer first met). A question's words are those most students were first asked:
    one student's file, forged, cannot reword it for the class."""
    seen = list(seen)
    tries: Counter[tuple[str, int]] = Counter()
    right: Counter[tuple[str, int]] = Counter()
    texts: dict[tuple[str, int], Counter[str]] = {}
    wrong: dict[tuple[str, int], Counter[str]] = {}
    for mine in first_tries(seen).values():
        for question, answer in mine.items():
            tries[question] += 1
            right[question] += answer.right
            texts.setdefault(question, Counter())[answer.text] += 1
    given: set[tuple[tuple[str, str], tuple[str, int], str]] = set()
    for one in seen:
        for answer in one.progress.answers:
            question = (answer.lesson, answer.question)
            if not answer.right and not skipped(answer) and (student(one), question, answer.answer) not in given:
                given.add((student(one), question, answer.answer))
                wrong.setdefault(question, Counter())[answer.answer] += 1
    rank = {lesson: place for place, lesson in enumerate(lesson_order(seen))}
    figures: list[QuestionFigures] = []
    for question in sorted(texts, key=lambda question: (rank.get(question[0], len(rank)), question)):
        common = wrong[question].most_common(1) if question in wrong else []
        most_wrong, students = common[0] if common else (None, 0)
        text = texts[question].most_common(1)[0][0]
        figures.append(QuestionFigures(*question, text, tries[question], right[question], most_wrong, students))
    return figures
