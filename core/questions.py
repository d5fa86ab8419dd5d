"""A lesson's own questions: asked when the run reaches an iteration, answered by a number
(within a tolerance) or by one of a few choices, tried at most twice.

A teacher writes them in the lesson file ([[questions]] tables); a right answer is told
so with the explanation, a wrong one may be tried again, and after a second wrong one the
answer and the explanation are shown. An answer belongs to the step that reached its
iteration, so stepping back over that step forgets it and the question is asked again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .numbers import readable
from .record import Record
from .refusals import Refusal

TRIES = 2  # wrong answers before the answer is shown
RIGHT, WRONG, SKIPPED = "right", "wrong", "skipped"


@dataclass(repr=False, frozen=True)
class QuestionText(Record):
    """A question's words in one language; `choices` names the choices in it (else as given)."""

    ask: str = ""
    explain: str = ""
    choices: tuple[str, ...] = ()


@dataclass(repr=False, frozen=True)
class Question(Record):
    """Asked when the run reaches iteration `at`; the answer is a number or one of `choices`."""

    at: int
    answer: float | str
    tolerance: float = 0.0  # for a number: how far from `answer` is still right
    choices: tuple[str, ...] = ()  # for a choice: the ones offered, `answer` among them
    texts: dict[str, QuestionText] = field(default_factory=dict, compare=False)

    def text(self, language: str) -> QuestionText:
        """The question in `language`, field by field falling back to English."""
        own, english = self.texts.get(language, QuestionText()), self.texts.get("en", QuestionText())
        return QuestionText(own.ask or english.ask, own.explain or english.explain,
                            own.choices or english.choices or self.choices)

    def accepts(self, given: float | str) -> bool:
        """Whether `given` is the answer: the choice itself, or a number within the tolerance
        (or the same as printed, to SHOWN_DIGITS significant digits)."""
        if self.choices:
            return isinstance(given, str) and given.strip().casefold() == str(self.answer).casefold()
        if isinstance(given, str) or isinstance(self.answer, str):  # a number for a choice's answer
            return False
        return abs(given - self.answer) <= self.tolerance or readable(given) == readable(self.answer)


@dataclass(repr=False, frozen=True)
class Answer(Record):
    """How question `index` of the lesson was answered, at iteration `at`."""

    index: int
    at: int
    given: float | str | None  # the last answer given; None when skipped
    result: str  # RIGHT, WRONG (after TRIES wrong answers) or SKIPPED
    tries: int  # answers given (0 when skipped at once)
    earlier: tuple[float | str, ...] = field(default=(), compare=False)  # the wrong answers before, first first

    @property
    def attempt(self) -> int:
        """Which of the student's acts on the question this is (the hand-in's `attempt`)."""
        return attempt_number(self.result, self.tries)


def attempt_number(result: str, tries: int) -> int:
    """A try is its own number; a skip comes after the tries: a skip after one wrong try is
    attempt 2, not 1 like the try before it (a skip at once, attempt 1)."""
    return tries + 1 if result == SKIPPED else tries


@dataclass(repr=False, frozen=True)
class Attempt(Record):
    """A question being answered: each answer either settles it or leaves a try for later.
    Both front ends (the app, line mode) follow it, so the rules are the same in each."""

    question: Question
    index: int
    tries: int = 0
    wrong: tuple[float | str, ...] = ()  # the wrong answers so far, kept for the teacher's log

    def answer(self, given: float | str) -> "Attempt | Answer":
        """The settled Answer (right, or wrong after TRIES answers), or the attempt with a try used.

        A wrong answer given again (Enter again on the unchanged box after "Not quite") is
        refused: it is the same try, not a second one, and taking it showed the answer,
        flagged the student stuck and counted that wrong answer twice."""
        if given in self.wrong:
            raise Refusal("question.same")
        tries = self.tries + 1
        if self.question.accepts(given):
            return Answer(self.index, self.question.at, given, RIGHT, tries, self.wrong)
        if tries >= TRIES:
            return Answer(self.index, self.question.at, given, WRONG, tries, self.wrong)
        return Attempt(self.question, self.index, tries, self.wrong + (given,))

    def last_try(self) -> Answer:
        """The wrong try this attempt was left with, as an Answer of its own: what the
        teacher's log notes as the try is judged, before the question is settled."""
        return Answer(self.index, self.question.at, self.wrong[-1], WRONG, self.tries, self.wrong[:-1])

    def skip(self) -> Answer:
        return Answer(self.index, self.question.at, None, SKIPPED, self.tries, self.wrong)
