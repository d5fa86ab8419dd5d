"""Asking the student: a guess before a step (predict mode) and the lesson's own questions.

Both sit at the bottom of the screen, over the key bar, so the numbers the student reasons
from stay in view. Every key is printable or Enter: a number is typed and Enter given; a
direction or a choice is one key; Enter alone steps without a guess, b leaves a guess
without a step, s skips a question, q saves and quits. Escape also leaves, but it is slow
over SSH, so nothing depends on it and the hints name it second.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input

from ....core.numbers import FULL_WIDTH, WRITTEN_AS, InvalidNumber, parse_number
from ....core.predict import DIRECTION, DIRECTIONS, ERROR
from ....core.questions import Answer, Attempt, Question, QuestionText
from ....core.record import Record
from ....core.refusals import Refusal
from ...words.prose import fill, verdict
from ...words.say import alone, explain, say
from ..widgets.wrapped import Wrapped

# What a number box takes: what a number is written with (core.numbers: ASCII or a Chinese
# input method's full-width digits, point, signs and e), and spaces, but never a space before
# the number. A space typed into the empty box is a step key pressed once more, read with
# the step that opened the question (space is how a student steps): typed, it hid the
# placeholder and led the answer (" ０.７５"). A letter is refused as it is typed, said beside
# the box: p, pressed to pause a run the question had already stopped, sat in the box as
# the answer "p".
WRITTEN = re.escape(WRITTEN_AS + "".join(map(chr, FULL_WIDTH)))  # the reader's own full-width forms
NUMBER_TEXT = rf"(?!\s)[{WRITTEN} ]*"


class NumberInput(Input):
    """An input that takes what a number is written with, and says at once of any other key
    that it is not part of a number (the reader every number goes through, core.numbers,
    still judges the whole at Enter: "1.2.3" is typed, then refused). The screen's own keys
    (s to skip) are left to it: a key the focused box consumes never reaches a binding, a
    priority one included."""

    @dataclass
    class Refused(Message):
        """A key the box would not take: the screen says why, beside the box."""

        text: str

    def __init__(self, screens_keys: str = "", **options) -> None:
        super().__init__(**options)
        self.screens_keys = screens_keys
        self._typing = ""  # the text being put in, for restricted() to name
        # A key refused inside a number ("0x10" read as one burst with its Enter) leaves the
        # rest joined ("010"): the next Enter shows what the box holds instead of answering.
        self.refused_inside: str | None = None

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character.isprintable() and character not in self.screens_keys

    def replace(self, text: str, start: int, end: int) -> None:
        """Every change goes through here, a key typed over a selection too (Input types it
        with replace, not insert_text_at_cursor): a step key pressed over a wrong try, kept
        selected, was refused under the name of the 5 typed before it, "'5' is not part of
        a number" beside the "-0.5" it showed."""
        self._typing = text
        super().replace(text, start, end)

    def restricted(self) -> None:
        """A space before the number is left out (NUMBER_TEXT): a step pressed once more is
        no mistake, and the screen says what space does here. Anything else is said, not
        rung: a bell alone does not say which key it refused, nor that the box only takes a
        number."""
        if self._typing.strip() and self.value.strip():
            self.refused_inside = self._typing
        self.post_message(self.Refused(self._typing))

    def joined(self, language: str) -> str | None:
        """Once, after a key was refused inside the number: what to say instead of taking
        the box's text (None: take it)."""
        refused, self.refused_inside = self.refused_inside, None
        return None if refused is None else say(language, "ask.refused_inside", text=refused, value=self.value)


def number_input(language: str, screens_keys: str = "") -> Input:
    answer = NumberInput(screens_keys, restrict=NUMBER_TEXT, placeholder=say(language, "ask.placeholder"), id="answer")
    answer.cursor_blink = False  # a blinking cursor is a redraw twice a second over SSH
    return answer


@dataclass(repr=False, frozen=True)
class Guessed(Record):
    """What the guess screen returns: the guess (None: step without one)."""

    value: float | str | None


class GuessScreen(ModalScreen[Guessed | None]):
    """What will this step produce? A number, or for hot and cold a direction key."""

    BINDINGS = [
        # b goes back as Escape does: a lone Escape is slow and ambiguous over SSH, and the
        # hint named it as the only way back. b is never part of a number.
        Binding("b", "dismiss(None)", show=False, priority=True),  # before the box, which stops every printable key
        Binding("escape", "dismiss(None)", show=False),
        *[Binding(key, f"direction({move})", show=False) for key, move in (("plus", 1), ("minus", -1),
                                                                            ("equals_sign", 0))],
        Binding("enter", "guess", show=False, priority=True),  # before the box's own: see QuestionScreen
    ]

    def __init__(self, kind: str, question: str, language: str) -> None:
        super().__init__()
        self.kind, self.question, self.language = kind, question, language
        self.refused: str | None = None  # the text the refusal on screen is about

    def compose(self) -> ComposeResult:
        # Where the error is asked the lesson only measures: Enter alone measures, as space does there.
        keys = {DIRECTION: "predict.keys.direction", ERROR: "predict.keys.error"}.get(self.kind, "predict.keys.number")
        with Vertical(id="ask"):
            yield Wrapped([("", self.question, "bold")])
            if self.kind != DIRECTION:
                yield number_input(self.language, screens_keys="b")  # b goes back: never part of a number
            yield Wrapped([], id="refusal")
            yield Wrapped([("", say(self.language, keys), "italic")], classes="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The direction keys only where a direction is asked (elsewhere + and - are typed)."""
        return self.kind == DIRECTION if action == "direction" else True

    def action_direction(self, move: int) -> None:
        self.dismiss(Guessed(DIRECTIONS[move]))

    @on(Input.Changed, "#answer")
    def typing_began(self, changed: Input.Changed) -> None:
        """A refusal speaks of the try it refused: once the box says something else, it is
        stale. The box as it is now, not as the message had it: keys typed fast with Enter
        post their changes after Enter's refusal, about the very text it refused."""
        if not changed.value and isinstance(changed.input, NumberInput):
            changed.input.refused_inside = None  # emptied: nothing left to be joined
        if changed.input.value != self.refused:
            self.query_one("#refusal", Wrapped).update([("", "", "")])  # blank, not gone: see QuestionScreen

    @on(NumberInput.Refused)
    def refused_key(self, refused: NumberInput.Refused) -> None:
        if not refused.text.strip():  # a space before the guess: Enter alone is how to step without one
            return
        self.refused = self.query_one("#answer", Input).value
        self.query_one("#refusal", Wrapped).update([("", say(self.language, "ask.not_in_a_number", text=refused.text),
                                                     "bold")])

    def action_guess(self) -> None:
        """Enter: the number typed is the guess; Enter alone steps without one."""
        typed = self.query_one("#answer", Input).value if self.query("#answer") else ""
        if not typed.strip():
            self.dismiss(Guessed(None))
            return
        joined = self.query_one("#answer", NumberInput).joined(self.language)
        if joined is not None:
            self.refused = typed
            self.query_one("#refusal", Wrapped).update([("", joined, "bold")])
            return
        try:
            self.dismiss(Guessed(parse_number(typed)))
        except InvalidNumber as refusal:
            self.refused = typed
            self.query_one("#refusal", Wrapped).update([("", alone(self.language, explain(self.language, refusal)), "bold")])


class QuestionScreen(ModalScreen[Answer]):
    """One of the lesson's questions: two tries, then the answer; s skips. It covers the whole
    screen, since the panels may already say the answer (the best alpha, r): ask before telling."""

    BINDINGS = [
        Binding("s", "skip", show=False, priority=True),  # s is never part of a number
        *[Binding(str(n), f"choose({n - 1})", show=False) for n in range(1, 10)],
        # Enter is the screen's, taken before the answer box's own, which would only post a
        # message: handled after the keys read with Enter, the next of which may be the lesson's.
        Binding("enter", "done", show=False, priority=True),
        # q saves and quits, as everywhere else: never part of a number, so the answer box
        # passes it on. An open question stays unanswered, to be asked at the resume.
        Binding("q", "quit", show=False, priority=True),  # before the box, which stops every printable key
        # Space steps the lesson. Pressed at a choice (or a number box: NumberInput.restricted),
        # it is said, counted, that it did not step: five spaces read together over a slow link
        # ran two steps, opened a question and three vanished without a word. The same as typed
        # one at a time (the question stops the run, as it stops play): none is held for later.
        Binding("space", "space", show=False),
    ]

    def __init__(self, question: Question, index: int, language: str, known: Mapping[str, str],
                 stands: tuple[list[str], str],
                 on_try: Callable[[Answer], None] = lambda judged: None,
                 on_quit: Callable[[Answer | None], None] = lambda settled: None, revealed: str = "",
                 stopped_play: bool = False) -> None:
        super().__init__()
        self.stopped_play = stopped_play  # the question paused a run playing: p may come for that
        self.question, self.language = question, language
        # The guess at the step that brought the question (prose.reveal), said first: the
        # question covers the lesson panel, where the reveal was, at the same step.
        self.revealed = revealed
        self.on_try = on_try  # each try as it is judged, for the teacher's log (not only once the box closes)
        self.on_quit = on_quit  # q: the app keeps a settled answer, then saves and quits
        self.attempt = Attempt(question, index)
        self.stands = stands  # the numbers the question is about (the panels, which might tell, are covered):
        # prose.stands_entries
        words = question.text(language)
        self.words = QuestionText(fill(words.ask, known), fill(words.explain, known), words.choices)  # figures in
        self.answer: Answer | None = None  # set once it is settled: Enter then closes
        self.said_of: str | None = None  # what the box held when the words under it were said
        self.tried = ("", "")  # the last wrong try as typed, and what was said of it
        self.spaces = 0  # step keys pressed at the question, none of which stepped: said, counted

    def compose(self) -> ComposeResult:
        text = self.words
        choices = [(f"{n}", choice, "") for n, choice in enumerate(text.choices, start=1)]
        keys = "question.keys.choices" if self.question.choices else "question.keys.number"
        with Vertical(id="question"):
            if self.revealed:
                yield Wrapped([("", self.revealed, "bold")], classes="revealed")
            yield Wrapped([], entries=self.stands)  # broken between two figures, never inside one
            if self.question.at == 0:  # asked before the lesson's words: a guess, not a test
                yield Wrapped([("", say(self.language, "question.before"), "italic")])
            yield Wrapped([(say(self.language, "question.title"), text.ask, "bold")], classes="section")
            if choices:
                yield Wrapped(choices)
            else:
                yield number_input(self.language, screens_keys="sq")  # s skips, q quits: never part of a number
            yield Wrapped([], id="refusal")
            yield Wrapped([("", say(self.language, keys), "italic")], classes="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "space":
            return self.answer is None
        if action == "choose":
            choice = parameters[0]  # choose(N) in the bindings: always an int
            return self.answer is None and isinstance(choice, int) and choice < len(self.question.choices)
        if action == "skip":
            return self.answer is None
        return True

    @on(Input.Changed, "#answer")
    def typing_began(self, changed: Input.Changed) -> None:
        """"Not quite: try once more." speaks of the last try: once the box says something
        else it is stale (as GuessScreen's refusal; a verdict stays: the box is closed then)."""
        if not changed.value and isinstance(changed.input, NumberInput):
            changed.input.refused_inside = None  # emptied: nothing left to be joined
        if self.answer is None and changed.input.value != self.said_of:
            self.say([""])  # a blank line, not none: a box whose line went to no height missed the next words

    @on(NumberInput.Refused)
    def refused_key(self, refused: NumberInput.Refused) -> None:
        """A key the box will not take, said beside it. The play key, pressed to pause a run
        this question stopped, is told that the question did so."""
        if not refused.text.strip():
            return self.action_space()
        key = "question.stopped_play" if self.stopped_play and refused.text == "p" else "ask.not_in_a_number"
        self.say([*self.standing(), say(self.language, key, text=refused.text)])

    def standing(self) -> list[str]:
        """A wrong try still in the box keeps its "Not quite" above what a key is told: without
        it, a refusal beside the try read as the try refused, when it had been counted."""
        tried, verdict_said = self.tried
        box = self.query("#answer")
        return [verdict_said] if verdict_said and box and tried == self.query_one("#answer", Input).value else []

    def action_space(self) -> None:
        self.spaces += 1
        self.say([*self.standing(), say(self.language, "question.space", count=self.spaces)])

    def action_choose(self, index: int) -> None:
        self.try_answer(self.question.choices[index])

    def action_skip(self) -> None:
        skipped = self.attempt.skip()
        self.on_try(skipped)
        self.settle(skipped)

    def action_done(self) -> None:
        """Enter: the number typed is the answer; once the question is settled, Enter closes it."""
        if self.answer is not None:
            self.dismiss(self.answer)
        elif self.query("#answer"):
            typed = self.query_one("#answer", Input).value
            if not typed.strip():  # the refusal's "is empty" needs a field to name: say it whole
                self.say([say(self.language, "question.empty")])
                return
            joined = self.query_one("#answer", NumberInput).joined(self.language)
            if joined is not None:
                return self.say([joined])
            try:
                self.try_answer(parse_number(typed))
            except InvalidNumber as refusal:
                self.say([alone(self.language, explain(self.language, refusal))])

    def action_quit(self) -> None:
        """q: the session saved and ended, with the answer once it is settled (as Enter would
        keep it); a question still open is asked again at the resume. A newcomer on the first
        question pressed q, as the README says, and was told q is no part of a number."""
        self.on_quit(self.answer)

    def try_answer(self, given: float | str) -> None:
        try:
            outcome = self.attempt.answer(given)
        except Refusal as same:  # the wrong answer given again: not a try
            if self.query("#answer"):
                self.query_one("#answer", Input).select_all()
            return self.say([alone(self.language, explain(self.language, same))])
        self.on_try(outcome if isinstance(outcome, Answer) else outcome.last_try())
        if isinstance(outcome, Answer):
            return self.settle(outcome)
        self.attempt = outcome
        if self.query("#answer"):  # the wrong try stays in view, selected: the next key types over it
            self.query_one("#answer", Input).select_all()
            self.tried = (self.query_one("#answer", Input).value, say(self.language, "question.again.typed"))
            return self.say([self.tried[1]])
        self.say([say(self.language, "question.again")])

    def settle(self, answer: Answer) -> None:
        """The question is answered (or skipped): say so, with the explanation, until Enter."""
        self.answer = answer
        explanation = self.words.explain
        self.say([verdict(answer, self.question, self.words, self.language), *([explanation] if explanation else [])])
        self.query_one(".hint", Wrapped).update([("", say(self.language, "question.continue"), "italic")])
        if self.query("#answer"):
            self.query_one("#answer", Input).disabled = True
        self.set_focus(None)  # now, not later as focus() would: the next key may be Enter

    def say(self, lines: list[str]) -> None:
        """`lines` under the box, about what it holds now."""
        self.said_of = self.query_one("#answer", Input).value if self.query("#answer") else None
        self.query_one("#refusal", Wrapped).update([("", line, "bold") for line in lines])
