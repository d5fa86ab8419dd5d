"""What a lesson is: a starting problem, the words around it, and the teacher's rules for it.

A lesson is a starting problem (weights, inputs, goal, rule and its step size), how many
iterations the tutorial shows, and short texts in English and Simplified Chinese: what
the lesson teaches and what to notice. Lessons are data: `lesson_files` reads and checks
them from TOML, `courses` lists the course's and a teacher's folder of them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .problem import GRADIENT_DESCENT, HOT_COLD, MEASURE, Problem
from .questions import Question
from .record import Record
from .refusals import Refusal

LANGUAGES = ("en", "zh")  # English first: it is what every other language falls back to
# What a teacher may lock (the actions, named as the app's actions are) and hide (readouts).
# A new lock is its action's name here and its "locked.NAME" sentence in each language:
# the app, its key bar and line mode refuse it through core/controller.py.
LOCKABLE = ("edit", "rule", "rate", "lessons", "predict")
HIDEABLE = ("analysis", "forecast", "worked-step")  # best alpha and steps to go; r; the arithmetic
QUESTION_WORDS = ("ask", "explain")  # a question's words in each language, besides names for its choices
# The fields each rule reads; another rule's field in a file does nothing (a warning).
RATE_FIELDS = {GRADIENT_DESCENT: "alpha", HOT_COLD: "step_amount", MEASURE: None}


class LessonError(Refusal):
    """A lesson that cannot be loaded: where (the file), the field, and what is wrong."""


@dataclass(repr=False, frozen=True)
class LessonText(Record):
    """A lesson's words in one language. A figure in them is a {placeholder}, filled in from
    the numbers on screen (gradstep.tui.words.prose), so the words stay true after an edit."""

    title: str = ""
    summary: str = ""  # one line, for `gradstep lessons`
    teaches: str = ""  # the idea, shown before the first step
    notice: str = ""  # what to watch for or try, shown before and while stepping
    # Why the lesson locks a key, said after that key's refusal: one field a lock of LOCKABLE.
    why_edit: str = ""
    why_rule: str = ""
    why_rate: str = ""
    why_lessons: str = ""
    why_predict: str = ""


TEXT_FIELDS = tuple(field.name for field in dataclasses.fields(LessonText))


@dataclass(repr=False, frozen=True)
class Lesson(Record):
    """A named starting point of the course, or of a teacher's own file."""

    name: str
    problem: Problem
    tutorial_steps: int | None  # iterations the tutorial shows; None: open-ended
    texts: dict[str, LessonText] = field(default_factory=dict, compare=False)
    source: str = "course"  # "course", or the path of a teacher's file
    locked: tuple[str, ...] = ()  # actions of LOCKABLE the teacher has locked in this lesson
    hidden: tuple[str, ...] = ()  # readouts of HIDEABLE kept from the student, to find themselves
    predict: bool = False  # start in predict mode (ask before each step)
    questions: tuple[Question, ...] = field(default=(), compare=False)  # asked as the run reaches them

    def text(self, language: str) -> LessonText:
        """The lesson's words in `language`, field by field: what a translation lacks comes
        from English, and a lesson with no title at all is called by its name."""
        own, english = self.texts.get(language, LessonText()), self.texts.get("en", LessonText())
        words = {field: getattr(own, field) or getattr(english, field) for field in TEXT_FIELDS}
        return LessonText(**{**words, "title": words["title"] or self.name})

    def check_unlocked(self, action: str) -> None:
        """Refuse `action` (one of LOCKABLE) if the teacher (or the course) has locked it in this lesson."""
        if action in self.locked:
            raise Refusal(f"locked.{action}", by="locked_by.course" if self.source == "course" else "locked_by.teacher")

    def predicting_from(self, left: "Lesson", predicting: bool) -> bool:
        """Predict mode on entering this lesson from `left`, where it was `predicting`.

        A lesson's rules are its own: its `predict = true` (or a lock) holds here and not in
        the next lesson. What the student turned on themselves carries over; a mode that only
        `left` set does not."""
        if self.predict or "predict" in self.locked:
            return self.predict
        return predicting and not left.predict
