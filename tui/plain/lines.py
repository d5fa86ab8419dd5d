"""The lesson as plain lines, for terminals that cannot be drawn on.

TERM=dumb, an editor's shell, a pipe: no cursor movement, no colour, no escape sequence
at all. A command is a line: Enter (or n) steps, b steps back, 0 goes back to the start,
+ and - change alpha (or hot and cold's step), m the rule, l lists the lessons and l N
opens one, t turns predict mode on and off, q quits. What the lesson's teacher has locked
is refused, and what they hide is not shown, as in the app. Each step prints its log
line, its arithmetic, what the run has done and the readout: the same figures and words
as the full-screen app, wrapped by the same rules. A guess (predict mode) and the
lesson's questions are asked by reading a line. It never imports Textual.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from types import EllipsisType
from typing import IO

from ...core.controller import RATE_DOWN, RATE_UP, moves
from ...core.limits import SMALLEST_SCREEN
from ...core.formats import text_header, text_row
from ...core.courses import course, taught
from ...core.lessons import Lesson
from ...core.numbers import InvalidNumber, parse_number, readable
from ..words.figures import goals_text, weight_name
from ...core.predict import DIRECTION, DIRECTIONS, ERROR, now_figure, what_to_predict
from ...core.problem import HOT_COLD
from ...core.questions import Answer, Attempt
from ...core.refusals import Refusal
from ...core.session import Session
from ..words.divergence import describe
from ..words.prose import (commentary, facts_now, fill, heading_now, lesson_heading, notice, opening, refused, reveal,
                           verdict, where_it_stands)
from ..words.readout import readout_lines
from ..words.say import explain, headings, say
from ..words.undo import back_notice, reset_notice
from ..words.worked import worked_step
from ..words.wrap import wrap, wrap_entries

# Each command is one of the app's actions (core/controller.py), refused where the app's key is.
COMMANDS = {"": "step", "n": "step", "b": "back", "0": "reset", "+": RATE_UP, "=": RATE_UP, "-": RATE_DOWN,
            "m": "rule", "l": "lessons", "t": "predict", "z": "freeze", "q": "quit", "?": "help", "h": "help"}
GUESSED_DIRECTIONS = {"+": 1, "-": -1, "=": 0}  # as in the app: + up, - down, = stays


class Lines:
    """One student's lesson in plain lines: the session, predict mode, and the terminal."""

    def __init__(self, session: Session, language: str, stdin: IO[str], out: IO[str],
                 on_change: Callable[[Session], None], lessons: tuple[Lesson, ...],
                 on_try: Callable[[Answer], None] = lambda judged: None) -> None:
        self.session, self.language, self.stdin, self.out = session, language, stdin, out
        self.on_change = on_change  # told of every new session, so it can be saved
        self.on_try = on_try  # told of each try at a question as it is judged, for the teacher's log
        self.lessons = lessons  # what l lists: the course, or a teacher's
        self.predicting = session.lesson.predict  # predict mode: each step first reads the student's guess
        self.columns = shutil.get_terminal_size(SMALLEST_SCREEN).columns

    def write(self, text: str, indent: str = "") -> None:
        for line in wrap(text, self.columns - len(indent)):
            self.out.write(indent + line + "\n")

    def write_help(self) -> None:
        """The commands, a command and its word never apart ("q：退出"), as the key bar keeps them."""
        rate = say(self.language, "key.step_amount" if self.session.problem.method == HOT_COLD else "key.alpha")
        for line in wrap_entries(say(self.language, "lines.help", rate=rate).split("  "), self.columns):
            self.out.write(line + "\n")

    def read(self, prompt: str) -> str | None:
        """A line from the student (None at the end of input)."""
        self.out.write(prompt)
        self.out.flush()
        line = self.stdin.readline()
        return line.strip() if line else None

    def run(self) -> Session:
        """Read commands until q or the end of input."""
        if self.session.pending_question() is not None:  # which lesson asks, before its words
            self.write(self.heading())
        if not self.ask_questions():  # ask before telling: the lesson's words may hold the answer
            return self.session
        self.show()
        self.write_help()
        listed = False  # the lessons were just listed: a bare number opens one
        while self.ask_questions():
            line = self.read("> ")
            if line is None:  # end of input: leave as if q
                self.out.write("\n")
                return self.session
            word, _, rest = line.lower().partition(" ")
            if word.isdecimal() and listed:  # a lesson's number, just after the list
                word, rest = "l", word
            listed = word == "l" and not rest
            command = COMMANDS.get(word)
            if command == "quit":
                return self.session
            if command is None or command == "help":
                if command is None:
                    self.write(say(self.language, "lines.unknown", text=line))
                self.write_help()
                continue
            try:
                session = self.apply(command, rest)
            except Refusal as refusal:
                self.write(refused(refusal, self.session.lesson, self.session.problem, self.language))
                continue
            if session is not None:
                self.changed(command, rest, session)
        return self.session

    def apply(self, command: str, rest: str) -> Session | None:
        """The session `command` (with its argument `rest`: l N, z N) leads to, None where it
        changes no session (a list, predict mode, a guess not given); a Refusal where the app
        would refuse its key, for the same reason (core/controller.py)."""
        followed = 0
        if command == "freeze":  # z N: weight N, counted from 1 row by row, as the panel names them
            if not rest.isdecimal():
                raise Refusal("numbers.not_a_position", text=rest)
            followed = int(rest) - 1
        move = moves(self.session, predicting=self.predicting, followed=followed)[command]
        if move.refusal is not None:
            raise move.refusal
        if move.problem is not None:  # alpha, the rule, a frozen weight
            return self.session.with_problem(move.problem)
        if command == "lessons" and not rest:
            for number, lesson in enumerate(self.lessons, start=1):
                self.out.write(f"{number}  {lesson_heading(lesson, self.language)}\n")
        elif command == "lessons":
            if not rest.isdecimal() or not 1 <= int(rest) <= len(self.lessons):
                raise Refusal("lines.no_lesson", text=rest, count=len(self.lessons))
            return self.session.with_lesson(self.lessons[int(rest) - 1])
        elif command == "predict":
            self.predicting = not self.predicting
            self.write(say(self.language, "predict.on" if self.predicting else "predict.off"))
        elif command == "step" and self.predicting:
            guess = self.guess()
            return None if guess is ... else self.session.guessed_step(guess)  # ...: end of input
        else:
            return {"step": Session.step, "back": Session.step_back, "reset": Session.reset}[command](self.session)
        return None

    def changed(self, command: str, rest: str, session: Session) -> None:
        """Take the session `command` led to, and say what it did."""
        before = self.session
        self.change(session)
        said = ""
        if command == "reset":  # that b brings the steps back, and after b that it did
            said = reset_notice(before, self.language)
        elif command == "back":
            said = back_notice(before, session, self.language)
        if said:
            self.write(said)
        if command == "freeze":
            index = int(rest) - 1
            self.write(say(self.language, "freeze.on" if index in session.problem.frozen else "freeze.off",
                           weight=weight_name(session.problem, index)))
        if command != "step":
            self.write(say(self.language, "lines.iteration", iteration=session.history.iteration))
        self.show()
        if command == "step" and session.history.iteration == 1:  # what to watch, once, as stepping begins
            self.write(notice(session.lesson, session.history, self.language))

    def change(self, session: Session) -> None:
        """Take `session`; another lesson (l, or b back over a change of lesson) brings its predict mode."""
        if session.lesson != self.session.lesson:
            self.predicting = session.lesson.predicting_from(self.session.lesson, self.predicting)
        self.session = session
        self.on_change(session)

    def heading(self) -> str:
        return heading_now(self.session, self.language)

    def show(self) -> None:
        """Where the run stands: the latest log line, its arithmetic and what it did, or the
        lesson's words before the first step; then the readout."""
        session, language = self.session, self.language
        history, lesson = session.history, session.lesson
        hidden = lesson.hidden  # what the teacher keeps from the student
        if history.iteration == 0:
            self.write(self.heading())
            for part in opening(lesson, history, language)[:-1]:  # the app's "press space" is not ours
                self.write(part)
            self.out.write(text_header(history.problem, headings(language, history.problem.outputs)) + "\n")
        else:
            self.out.write(text_row(history.record(history.iteration - 1), history.problem,
                                    headings(language, history.problem.outputs)) + "\n")
            guessed = reveal(session, language)
            worked = [] if "worked-step" in hidden else worked_step(history, language, output=None)
            for line in ([guessed] if guessed else []) + worked + commentary(history, language, hidden, to_come=session.questions_to_come()):
                self.write(line, "    ")
        for line in readout_lines(history, language, hidden, taught=taught(lesson)):
            self.write(line, "  ")
        if history.divergence is not None:
            self.write(say(language, "lines.diverged", description=describe(language, history.divergence,
                                                                             history.problem)), "  ")
        right, scored = session.tally
        if self.predicting or scored:
            self.write(say(language, "predict.tally", right=right, total=scored), "  ")

    def guess(self) -> float | str | None | EllipsisType:
        """The student's guess at the next step: a number, a direction, None (skipped), or
        ... at the end of input."""
        kind = what_to_predict(self.session.problem)
        history = self.session.history
        now = readable(now_figure(history))
        self.write(say(self.language, f"predict.ask.{kind}", now=now, goal=goals_text(self.session.problem, self.language)))
        self.write(say(self.language, {DIRECTION: "lines.guess.direction", ERROR: "lines.guess.error"}.get(kind, "lines.guess.number")))
        while (line := self.read("? ")) is not None:
            if not line:
                return None
            if kind == DIRECTION and line in GUESSED_DIRECTIONS:
                return DIRECTIONS[GUESSED_DIRECTIONS[line]]
            if kind != DIRECTION:
                try:
                    return parse_number(line)
                except InvalidNumber as refusal:
                    self.write(explain(self.language, refusal))
        return ...

    def ask_questions(self) -> bool:
        """Ask every question due now; False at the end of input (or q)."""
        while (index := self.session.pending_question()) is not None:
            answer = self.ask(index)
            if answer is None:
                return False
            self.change(self.session.answered(answer))
        return True

    def ask(self, index: int) -> Answer | None:
        """One of the lesson's questions, read a line at a time: two tries, s skips."""
        question, language = self.session.lesson.questions[index], self.language
        words, known = question.text(language), facts_now(self.session.history, language)
        self.write(where_it_stands(self.session.history, language))
        if question.at == 0:  # asked before the lesson's words: a guess, not a test
            self.write(say(language, "question.before"))
        self.write(say(language, "question.title") + say(language, "sep.colon") + fill(words.ask, known))
        for number, choice in enumerate(words.choices, start=1):
            self.write(f"{number}  {choice}", "  ")
        keys = say(language, "question.keys.choices" if question.choices else "question.keys.number")
        self.write(keys)
        attempt: Attempt | Answer = Attempt(question, index)
        while isinstance(attempt, Attempt):
            line = self.read("? ")
            if line is None or line.lower() == "q":  # q leaves here too, as everywhere in line mode
                return None
            if line.lower() == "s":
                attempt = attempt.skip()
            elif not line or question.choices and not (line.isdecimal() and 1 <= int(line) <= len(question.choices)):
                self.write(keys)  # nothing, or not one of the choices' numbers: how to answer, again
                continue
            else:
                try:  # a number that does not read, or the wrong answer given again: not a try
                    attempt = attempt.answer(question.choices[int(line) - 1] if question.choices
                                             else parse_number(line))
                except Refusal as refusal:
                    self.write(explain(language, refusal))
                    continue
            self.on_try(attempt if isinstance(attempt, Answer) else attempt.last_try())  # judged: noted now
            if isinstance(attempt, Attempt) and attempt.tries:
                self.write(say(language, "question.again"))
        self.write(verdict(attempt, question, words, language))
        if words.explain:
            self.write(fill(words.explain, known))
        return attempt


def run_lines(session: Session, language: str, stdin: IO[str], out: IO[str],
              on_change: Callable[[Session], None] = lambda session: None,
              lessons: tuple[Lesson, ...] | None = None,
              on_try: Callable[[Answer], None] = lambda judged: None) -> Session:
    """Read commands until q or the end of input; each new session goes to `on_change`, each
    try at a question to `on_try` as it is judged. `lessons` is what l lists (default: the course)."""
    return Lines(session, language, stdin, out, on_change, lessons or course(), on_try).run()

