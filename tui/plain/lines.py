"""The lesson as plain lines, for terminals that cannot be drawn on.

TERM=dumb, an editor's shell, a pipe: no cursor movement, no colour, no escape sequence
at all. A command is a line: Enter (or n) steps, b steps back, 0 goes back to the start,
+ and - change alpha (or hot and cold's step), m the rule, l lists the lessons and l N
opens one, q quits. Each step prints its log line, its arithmetic, what the run has done
and the readout: the same figures and words as the full-screen app, wrapped by the same
rules. It never imports Textual.
"""

import shutil
from collections.abc import Callable
from typing import IO

from ...core.divergence import Diverged
from ...core.formats import text_header, text_row
from ...core.lessons import course
from ...core.refusals import Refusal
from ...core.session import Session
from ..words.divergence import describe
from ..words.prose import commentary, notice, opening
from ..words.readout import readout_lines
from ..words.say import explain, headings, say
from ..words.worked import worked_step
from ..words.wrap import wrap

COMMANDS = {"": "step", "n": "step", "b": "back", "0": "reset", "+": "faster", "=": "faster", "-": "slower",
            "m": "rule", "l": "lessons", "q": "quit", "?": "help", "h": "help"}


def show_state(session: Session, language: str, out: IO[str], columns: int) -> None:
    """Where the run stands: the latest log line, its arithmetic and what it did, or the
    lesson's words before the first step; then the readout."""
    history, lesson = session.history, session.lesson

    def paragraph(text: str, indent: str = "") -> None:
        for line in wrap(text, columns - len(indent)):
            out.write(indent + line + "\n")

    if history.iteration == 0:
        paragraph(f"{lesson.name}: {lesson.text(language).title}")
        for part in opening(lesson, history, language)[:-1]:  # the app's "press space" is not ours
            paragraph(part)
        out.write(text_header(history.problem, headings(language)) + "\n")
    else:
        out.write(text_row(history.record(history.iteration - 1), history.problem, headings(language)) + "\n")
        for line in worked_step(history, language) + commentary(history, language):
            paragraph(line, "    ")
    for line in readout_lines(history, language):
        paragraph(line, "  ")
    if history.divergence is not None:
        paragraph(say(language, "lines.diverged", description=describe(language, history.divergence,
                                                                         history.problem)), "  ")


def run_lines(session: Session, language: str, stdin: IO[str], out: IO[str],
              on_change: Callable[[Session], None] = lambda session: None) -> Session:
    """Read commands until q or the end of input; each new session goes to `on_change`."""
    columns = shutil.get_terminal_size((80, 24)).columns
    help_line = say(language, "lines.help")
    show_state(session, language, out, columns)
    out.write(help_line + "\n")
    while True:
        out.write("> ")
        out.flush()
        line = stdin.readline()
        if not line:  # end of input: leave as if q
            out.write("\n")
            return session
        word, _, rest = line.strip().lower().partition(" ")
        command = COMMANDS.get(word)
        if command == "quit":
            return session
        if command is None or command == "help":
            out.write((help_line if command else say(language, "lines.unknown", text=line.strip(), help=help_line)) + "\n")
            continue
        if command == "lessons" and not rest:
            for number, lesson in enumerate(course(), start=1):
                out.write(f"{number}  {lesson.name}: {lesson.text(language).title}\n")
            continue
        try:
            session = _apply(command, rest, session)
        except Diverged:
            out.write(say(language, "cannot_step") + "\n")
            continue
        except IndexError:
            out.write(say(language, "lines.at_start") + "\n")
            continue
        except Refusal as refusal:
            out.write(explain(language, refusal) + "\n")
            continue
        on_change(session)
        if command != "step":
            out.write(say(language, "lines.iteration", iteration=session.history.iteration) + "\n")
        show_state(session, language, out, columns)
        if command == "step" and session.history.iteration == 1:  # what to watch, once, as stepping begins
            for line in wrap(notice(session.lesson, session.history, language), columns):
                out.write(line + "\n")


def _apply(command: str, rest: str, session: Session) -> Session:
    """The session after `command` (with its argument `rest`, for l N)."""
    if command == "lessons":
        lessons = course()
        if not rest.isdigit() or not 1 <= int(rest) <= len(lessons):
            raise Refusal("lines.no_lesson", text=rest, count=len(lessons))
        return session.with_lesson(lessons[int(rest) - 1])
    if command in ("faster", "slower"):
        return session.with_rate(1 if command == "faster" else -1)
    actions = {"step": Session.step, "back": Session.step_back, "reset": Session.reset, "rule": Session.with_other_rule}
    return actions[command](session)
